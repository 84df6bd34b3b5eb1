"""The knowledge matrix (wwidw_build.pages.knowledge_matrix): counts from the selection, links to the
Zoeken page with those filters, words for an empty cell, and pages that stay small with many
archetypes. The browser test (a cell's link finds as many descriptions as it says) is in
test_search_site.py; the leak test (a partner-only praktijk changes no public count) in test_leaks.py."""

from __future__ import annotations

import dataclasses
import html
import re
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

import pytest

from wwidw_build.audience import Audience
from wwidw_build.generate import NAV_PAGES, generate_pages
from wwidw_build.pages.knowledge_matrix import ARCHETYPES_PER_TABLE, matrix_pages
from wwidw_build.records import Praktijk, Result
from wwidw_build.search.site import FILTERS, filter_values
from wwidw_build.selection import select


@dataclasses.dataclass
class Cell:
    count: int | None  # None: an empty cell
    works: int | None
    href: str | None
    text: str


class _Tables(HTMLParser):
    """Every matrix table of a page: caption, column headers, and rows of (row header, cells)."""

    def __init__(self):
        super().__init__()
        self.tables, self._cell, self._in = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.tables.append({"caption": "", "columns": [], "rows": [], "scopes": []})
        elif tag == "caption":
            self._in = "caption"
        elif tag in ("th", "td"):
            self._cell = {"tag": tag, "scope": attrs.get("scope"), "text": "", "href": None}
            if tag == "th":
                self.tables[-1]["scopes"].append(attrs.get("scope"))
        elif tag == "tr":
            self.tables[-1]["rows"].append([])
        elif tag == "br" and self._cell is not None:
            self._cell["text"] += "|"
        elif tag == "a" and self._cell is not None:
            self._cell["href"] = attrs["href"]

    def handle_endtag(self, tag):
        if tag == "caption":
            self._in = None
        elif tag in ("th", "td") and self._cell is not None:
            self.tables[-1]["rows"][-1].append(self._cell)
            self._cell = None

    def handle_data(self, data):
        if self._in == "caption":
            self.tables[-1]["caption"] += data
        elif self._cell is not None:
            self._cell["text"] += data


def tables(markdown: str) -> list[dict]:
    """The tables as {caption, columns: [names], rows: {row name: [Cell]}}."""
    parser = _Tables()
    parser.feed(markdown)
    out = []
    for table in parser.tables:
        head, *rows = table["rows"]
        assert set(table["scopes"]) == {"col", "row"}
        parsed = {}
        for row in rows:
            header, *cells = row
            assert header["tag"] == "th" and header["scope"] == "row"
            parsed[header["text"]] = [_cell(c) for c in cells]
        out.append(
            {
                "caption": table["caption"],
                "columns": [c["text"] for c in head[1:]],
                "rows": parsed,
            }
        )
    return out


def _cell(cell: dict) -> Cell:
    match = re.fullmatch(r"(\d{1,3}(?:\.\d{3})*)\|(\d{1,3}(?:\.\d{3})*) werkt", cell["text"])
    if match is None:
        assert cell["text"] == "—nog geen kennis" and cell["href"] is None, cell
        return Cell(None, None, None, cell["text"])
    whole = [int(match.group(i).replace(".", "")) for i in (1, 2)]  # Dutch notation: 1.250
    return Cell(*whole, cell["href"], cell["text"])


def search_filters(href: str) -> list[tuple[str, str]]:
    parts = urlsplit(href)
    assert parts.path.endswith("zoeken/") and not parts.netloc
    return parse_qsl(parts.query, strict_parsing=True)


@pytest.fixture(scope="module")
def partners(content):
    return select(content, Audience("partners"))


def expected_domains(selection):
    """Brute force, from the selection: {(archetype title, domain name): (count, werkt)}."""
    out = {}
    for archetype in selection.by_kind("archetype"):
        for domain in selection.registry.domeinen.values():
            effects = {e.id for e in domain.effecten}
            found = [
                p
                for p in selection.by_kind("praktijk")
                if p.archetype == archetype.id and effects & set(p.beoogde_effecten)
            ]
            works = [
                p
                for p in found
                if any(r.effect in effects and r.richting == "werkt" for r in p.resultaten)
            ]
            out[(archetype.titel, domain.naam)] = (len(found), len(works))
    return out


def expected_themes(selection):
    out = {}
    for theme_id, theme in selection.registry.themas.items():
        for group_id, group in selection.registry.doelgroepen.items():
            found = [
                d for d in selection.visible if theme_id in d.themas and group_id in d.doelgroepen
            ]
            works = [
                d
                for d in found
                if isinstance(d, Praktijk) and any(r.richting == "werkt" for r in d.resultaten)
            ]
            out[(theme.naam, group.naam)] = (len(found), len(works))
    return out


def shown(table) -> dict[tuple[str, str], tuple[int, int]]:
    return {
        (column, row): (cell.count or 0, cell.works or 0)
        for row, cells in table["rows"].items()
        for column, cell in zip(table["columns"], cells, strict=True)
    }


@pytest.mark.parametrize("audience", ["openbaar", "partners", "organisatie:havenstad-wonen"])
def test_every_cell_counts_what_the_audience_sees(content, audience):
    from wwidw_build.audience import parse_audience

    selection = select(content, parse_audience(audience, content.registry))
    pages = matrix_pages(selection)
    assert list(pages) == ["kennismatrix/index.md"]
    domains, themes = tables(pages["kennismatrix/index.md"])
    assert shown(domains) == expected_domains(selection)
    assert {(r, c): v for (c, r), v in shown(themes).items()} == expected_themes(selection)
    assert any(cell.count for cells in domains["rows"].values() for cell in cells)
    assert any(cell.count is None for cells in themes["rows"].values() for cell in cells)


def test_a_cell_links_to_the_search_with_exactly_its_filters(partners):
    domains, themes = tables(matrix_pages(partners)["kennismatrix/index.md"])
    for table, keys in ((domains, ("archetype", "effectdomein")), (themes, ("doelgroep", "thema"))):
        for row, cells in table["rows"].items():
            for column, cell in zip(table["columns"], cells, strict=True):
                if cell.count is None:
                    continue
                filters = search_filters(cell.href)
                assert {k for k, _ in filters} <= set(FILTERS)
                assert cell.href.startswith("../zoeken/?")
                expected = dict(zip(keys, (column, row), strict=True))
                if "archetype" in keys:
                    expected["soort"] = "Praktijk"  # the archetype's own page is not counted
                assert dict(filters) == expected and len(filters) == len(expected)


def test_veelbelovend_is_not_counted_as_werkt(partners):
    """A praktijk whose results are all 'veelbelovend' adds to a cell's count, not to its 'werkt'."""
    praktijk = next(p for p in partners.by_kind("praktijk") if p.archetype and p.doelgroepen)
    hopeful = tuple(dataclasses.replace(r, richting="veelbelovend") for r in praktijk.resultaten)
    changed = dataclasses.replace(praktijk, resultaten=hopeful)
    selection = dataclasses.replace(
        partners, visible=tuple(changed if d is praktijk else d for d in partners.visible)
    )
    before = tables(matrix_pages(partners)["kennismatrix/index.md"])
    after = tables(matrix_pages(selection)["kennismatrix/index.md"])
    for old, new in zip(before, after, strict=True):
        old_counts, new_counts = shown(old), shown(new)
        assert {k: v[0] for k, v in old_counts.items()} == {k: v[0] for k, v in new_counts.items()}
        assert all(new_counts[k][1] <= old_counts[k][1] for k in old_counts)
    assert shown(after[1]) == {(c, r): v for (r, c), v in expected_themes(selection).items()}
    assert any(r.richting == "werkt" for r in praktijk.resultaten)  # so something did drop
    assert shown(before[1]) != shown(after[1])


def test_werkt_counts_only_an_effect_in_the_row_s_domain(partners):
    """In the domain table a praktijk that 'werkt' for an effect in another domain adds to the count
    of this domain, not to its 'werkt'."""
    registry = partners.registry
    praktijk = next(p for p in partners.by_kind("praktijk") if p.archetype)
    archetype = partners.find("archetype", praktijk.archetype)
    [first, second, *_] = registry.domeinen.values()
    changed = dataclasses.replace(
        praktijk,
        beoogde_effecten=(first.effecten[0].id, second.effecten[0].id),
        resultaten=(
            Result(effect=first.effecten[0].id, richting="geen_effect"),
            Result(effect=second.effecten[0].id, richting="werkt"),
        ),
    )
    selection = dataclasses.replace(
        partners, visible=tuple(changed if d is praktijk else d for d in partners.visible)
    )
    counts = shown(tables(matrix_pages(selection)["kennismatrix/index.md"])[0])
    assert counts == expected_domains(selection)
    others = [
        p for p in selection.by_kind("praktijk") if p.archetype == archetype.id and p is not changed
    ]
    works_first = sum(
        any(
            r.richting == "werkt" and r.effect in {e.id for e in first.effecten}
            for r in p.resultaten
        )
        for p in others
    )
    assert counts[(archetype.titel, first.naam)][1] == works_first


def test_an_empty_cell_says_there_is_no_knowledge_yet(partners):
    page = matrix_pages(partners)["kennismatrix/index.md"]
    assert '<td class="wwidw-leeg"><span aria-hidden="true">—</span>' in page
    assert '<span class="wwidw-sr">nog geen kennis</span></td>' in page


def test_the_tables_are_accessible_and_scroll_on_a_phone(partners):
    page = matrix_pages(partners)["kennismatrix/index.md"]
    containers = re.findall(r'<div class="wwidw-matrix"[^>]*>', page)
    assert len(containers) == 2
    for container in containers:
        label = re.search(r'aria-labelledby="([^"]+)"', container).group(1)
        assert 'role="region"' in container and 'tabindex="0"' in container
        assert f'<caption id="{label}">' in page
    assert [t["caption"] for t in tables(page)] == [
        "Praktijken per effectdomein en archetype",
        "Beschrijvingen per thema en doelgroep",
    ]
    assert "\n\n" not in page.split("<div", 1)[1].split("</div>", 1)[0]  # one raw HTML block


def test_the_matrix_is_in_the_navigation_and_on_the_home_page(content, bodies):
    pages = generate_pages(select(content, Audience("openbaar")), bodies)
    assert "kennismatrix/index.md" in NAV_PAGES and "kennismatrix/index.md" in pages
    assert "](kennismatrix/)" in pages["index.md"]


def many_archetypes(selection, count: int):
    """The selection with ``count`` archetypes (copies of the visible ones under new ids and long
    titles), each with a praktijk of its own in several domains."""
    archetypes, praktijken = [], []
    template = selection.by_kind("archetype")[0]
    praktijk = next(p for p in selection.by_kind("praktijk") if p.resultaten)
    effects = tuple(d.effecten[0].id for d in selection.registry.domeinen.values())
    for number in range(count):
        archetype_id = f"kopie-{number}"
        archetypes.append(
            dataclasses.replace(
                template,
                id=archetype_id,
                titel=f"Een lange titel van archetype nummer {number} " * 3,
            )
        )
        praktijken.append(
            dataclasses.replace(
                praktijk,
                id=f"praktijk-{number}",
                archetype=archetype_id,
                beoogde_effecten=effects,
                resultaten=tuple(Result(effect=e, richting="werkt") for e in effects),
            )
        )
    return dataclasses.replace(selection, visible=tuple(archetypes + praktijken))


def test_many_archetypes_continue_on_further_pages_each_small(partners):
    count = 3 * ARCHETYPES_PER_TABLE + 1
    selection = many_archetypes(partners, count)
    pages = matrix_pages(selection)
    assert list(pages) == [
        "kennismatrix/index.md",
        "kennismatrix/archetypen--2.md",
        "kennismatrix/archetypen--3.md",
        "kennismatrix/archetypen--4.md",
    ]
    columns = []
    for path, page in pages.items():
        assert len(page.encode()) < 70_000, path  # the site's chrome comes on top: < 100 KB
        [domains, *rest] = tables(page)
        assert len(domains["columns"]) <= ARCHETYPES_PER_TABLE
        assert all(
            c.count == 1 and c.works == 1 for cells in domains["rows"].values() for c in cells
        )
        columns += domains["columns"]
        assert len(rest) == (1 if path.endswith("index.md") else 0)
        assert "Meer archetypen (25 in totaal)" in page
        depth = "../../" if "--" in path else "../"
        assert all(
            c.href.startswith(depth + "zoeken/?")
            for cells in domains["rows"].values()
            for c in cells
        )
    assert sorted(columns) == sorted(a.titel.strip() for a in selection.by_kind("archetype"))
    last = tables(pages["kennismatrix/archetypen--4.md"])[0]["caption"]
    assert last == "Praktijken per effectdomein en archetype (archetypen 25–25 van 25)"
    assert "[archetypen 1–8](index.md)" in pages["kennismatrix/archetypen--2.md"]
    assert "[archetypen 9–16](archetypen--2.md)" in pages["kennismatrix/index.md"]


def test_a_hostile_archetype_title_is_escaped_in_header_and_link(partners):
    payload = 'X <script>alert(1)</script> & "y" <img src=x onerror=alert(2)>'
    used = next(p.archetype for p in partners.by_kind("praktijk") if p.archetype)
    archetype = partners.find("archetype", used)
    selection = dataclasses.replace(
        partners,
        visible=tuple(
            dataclasses.replace(d, titel=payload) if d is archetype else d for d in partners.visible
        ),
    )
    page = matrix_pages(selection)["kennismatrix/index.md"]
    assert "<script" not in page and "<img" not in page
    domains = tables(page)[0]
    assert payload in domains["columns"]
    hrefs = [c.href for cells in domains["rows"].values() for c in cells if c.href]
    assert any(dict(search_filters(html.unescape(h))).get("archetype") == payload for h in hrefs)


def test_the_archetype_facet_names_only_an_archetype_the_audience_sees(partners):
    """The matrix links to the Zoeken page's Archetype facet: a praktijk carries its archetype's
    title there only when the audience sees that archetype (else no value, not the hidden title)."""
    praktijk = next(p for p in partners.by_kind("praktijk") if p.archetype)
    archetype = partners.find("archetype", praktijk.archetype)
    assert filter_values(partners, praktijk)["archetype"] == [archetype.titel]
    hidden = dataclasses.replace(
        partners, visible=tuple(d for d in partners.visible if d is not archetype)
    )
    assert filter_values(hidden, praktijk)["archetype"] == []
    assert filter_values(partners, archetype)["archetype"] == []  # an archetype has none itself


def test_a_full_matrix_stays_under_the_page_limit(partners):
    """Every cell filled (every theme, target group and domain, counts of four digits, long archetype
    titles): the page's Markdown, nearly all of it raw HTML, leaves room for the site's chrome (about
    14 KB) under 100 KB."""
    registry = partners.registry
    selection = many_archetypes(partners, ARCHETYPES_PER_TABLE)
    praktijken = [
        dataclasses.replace(
            p,
            id=f"{p.id}-{copy}",
            themas=tuple(registry.themas),
            doelgroepen=tuple(registry.doelgroepen),
        )
        for p in selection.by_kind("praktijk")
        for copy in range(1250)
    ]
    full = dataclasses.replace(
        selection, visible=tuple(selection.by_kind("archetype")) + tuple(praktijken)
    )
    [page] = matrix_pages(full).values()
    cells = [c for t in tables(page) for cells in t["rows"].values() for c in cells]
    assert all(c.count and c.count >= 1000 for c in cells)
    assert len(page.encode()) < 86_000, len(page.encode())
