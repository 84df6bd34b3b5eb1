"""Site search with Pagefind, end to end: the index per audience and the Zoeken page in a real browser.

Once per module: a copy of the real content plus one probe praktijk (it says "bewoner", never
"bewoners") is built for ``openbaar`` and ``partners``; both sites are served on 127.0.0.1 and driven
in Debian's headless chromium (tests/browser.py: every request that is not to the local server is
blocked and recorded). Expected numbers are computed from the loaded content for that audience.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, parse_qsl, urlencode, urljoin, urlsplit

import browser
import pytest
from sources import load_sources_file, mixed_copy, split_sources

from wwidw_build import audit, urls
from wwidw_build.audience import Audience
from wwidw_build.build import build_all
from wwidw_build.effect_results import summary
from wwidw_build.labels import RICHTING
from wwidw_build.model import Content
from wwidw_build.pages.escape import esc
from wwidw_build.render import MkDocsRenderer
from wwidw_build.search import site as search_site
from wwidw_build.search.index import search as cli_search
from wwidw_build.search.site import (
    BROWSE,
    EFFECT_RESULT,
    FILTERS,
    MISSING,
    NODE_MODULES,
    SYNONYMS,
    effect_result_values,
    index_site,
    pagefind_binary,
    search_tags,
    start_period,
)
from wwidw_build.selection import select
from wwidw_build.static_server import StaticServer

CONTENT = Path(__file__).resolve().parent.parent / "content"
AUDIENCES = ("openbaar", "partners")
PROBE_ID = "stamproef-portierswoning-keerpunt"
PROBE_TITLE = "Stamproef: de portierswoning aan het Keerpunt"
ORGANISATIE_ONLY = "klushuizen-kanaalzone"  # zichtbaarheid: organisatie (woonstede-rivierland)
PARTNERS_ONLY = "skaeve-huse-buitengebied-veenwijk"  # zichtbaarheid: partners
THEME, SECOND_THEME = "armoede-en-schulden", "wonen-met-zorg"
FILLER = (
    "In deze sectie staat voor de zoektest genoeg tekst om als ingevuld te tellen, over de aanpak, "
    "de samenwerking en wat het opleverde in de wijk."
)
PROBE = f"""---
titel: "{PROBE_TITLE}"
samenvatting: "Een fictieve praktijk voor de zoektest: elke bewoner van het Keerpunt kreeg een vaste portier als aanspreekpunt in de portierswoning."
organisatie: gemeente-lindeveen
zichtbaarheid: openbaar
gemeente: "Lindeveen"
wijk: "Keerpunt"
startjaar: 2012
eindjaar: 2014
projectstatus: afgerond
themas:
  - gezondheid
doelgroepen:
  - ouderen
beoogde_effecten:
  - minder-eenzaamheid
resultaten:
  - effect: minder-eenzaamheid
    richting: nog_onbekend
meetontwerp: kwalitatief
laatst_bijgewerkt: 2020-01-15
---

## Aanleiding

Een bewoner die de portier sprak, voelde zich minder alleen. {FILLER}

## Doel

Elke bewoner weet bij wie hij terecht kan. {FILLER}

## Aanpak

De portier noteerde het verhaal van iedere bewoner. Eén bewoner typte `<img src=x onerror="window.__xss.push('uittreksel')">` in het formulier. {FILLER}

## Lessen (wat werkte wel en niet)

{FILLER}
"""


@dataclass(frozen=True)
class Built:
    content: Content
    out: Path

    def site(self, audience: str) -> Path:
        return self.out / audience

    def visible(self, audience: str):
        """The loaded documents the audience sees (tests read their raw front matter)."""
        return [d.document for d in select(self.content, Audience(audience)).visible]

    def document(self, doc_id: str):
        return next(d for d in self.content.documents if d.id == doc_id)

    def record(self, doc_id: str):
        return next(d for d in self.content.records if d.id == doc_id)


def url_of(document) -> str:
    return "/" + urls.page_url(document.kind, document.id)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Built:
    root = tmp_path_factory.mktemp("zoeken")
    content_dir = mixed_copy(root / "content")
    (content_dir / "praktijken" / f"{PROBE_ID}.md").write_text(PROBE, encoding="utf-8")
    content, diagnostics = load_sources_file(split_sources(content_dir))
    errors = [d for d in diagnostics if d.is_error]
    assert not errors, errors
    results = build_all(
        content, [Audience(a) for a in AUDIENCES], root / "site", renderer=MkDocsRenderer()
    )
    assert all(r.ok for r in results), [(r.audience, r.problems, r.leaks) for r in results]
    return Built(content, root / "site")


def fragments(site: Path) -> list[dict]:
    return [
        json.loads(gzip.decompress(p.read_bytes()).removeprefix(b"pagefind_dcd"))
        for p in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment"))
    ]


def page_text(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8")


def body_words(site: Path, url: str) -> list[str]:
    """The words of the part of a page that Pagefind indexes (the data-pagefind-body element)."""
    text = page_text(site, url)
    return audit.words(
        text[text.index("data-pagefind-body") : text.index('<div class="wwidw-zoekgegevens"')]
    )


# --- the index, without a browser
# --------------------------------------------------------------------


@pytest.mark.parametrize("audience", AUDIENCES)
def test_the_index_holds_exactly_the_visible_descriptions(built, audience):
    site = built.site(audience)
    urls = sorted(f["url"] for f in fragments(site))
    assert urls == sorted(url_of(d) for d in built.visible(audience))
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["nl"]  # Dutch stemming, from <html lang="nl">
    assert "data-pagefind-body" not in page_text(site, "/themas/armoede-en-schulden/")
    assert "data-pagefind-body" not in page_text(site, "/zoeken/")


def test_filters_and_card_data_come_from_the_metadata(built):
    probe = next(
        f for f in fragments(built.site("openbaar")) if f["url"] == f"/praktijken/{PROBE_ID}/"
    )
    assert probe["filters"] == {
        "soort": ["Praktijk"],
        "thema": ["Gezondheid"],
        "effectdomein": ["Gezondheid en welzijn"],
        "effect": ["Minder eenzaamheid"],
        "doelgroep": ["Ouderen"],
        "organisatie": ["Gemeente Lindeveen"],
        "gemeente": ["Lindeveen"],
        "startperiode": ["2010–2014"],
        "projectstatus": ["Afgerond"],
        "richting": ["Nog onbekend"],
        "meetontwerp": ["Kwalitatief"],
        "kosten": ["Onbekend"],  # no cost per participant
        EFFECT_RESULT: ["Minder eenzaamheid: Nog onbekend"],
    }
    assert probe["meta"] == {
        "title": PROBE_TITLE,
        "organisatie": "Gemeente Lindeveen",
        "gemeente": "Lindeveen",
        "themas": "Gezondheid",
        "soort": "Praktijk",
        "resultaten": "1 effect: 1 nog onbekend",
        BROWSE[0]: BROWSE[1],
        # the taxonomy's synonyms of its theme (gezondheid) and effect (minder-eenzaamheid)
        SYNONYMS: "welzijn · leefstijl · psychische gezondheid · vereenzaming · sociaal isolement · alleen zijn",
    }
    archetype = next(
        f for f in fragments(built.site("openbaar")) if f["url"] == "/archetypen/klushuizen/"
    )
    assert (
        archetype["filters"]["soort"] == ["Archetype"] and "organisatie" not in archetype["filters"]
    )
    assert archetype["meta"]["bewijsniveau"]


def test_start_periods_are_five_year_buckets():
    assert [start_period(y) for y in (2010, 2014, 2015, 2019, 2023)] == [
        "2010–2014",
        "2010–2014",
        "2015–2019",
        "2015–2019",
        "2020–2024",
    ]


def test_search_fields_escape_contributor_text(built):
    document = built.record(PROBE_ID)
    hostile = '"><script>alert(1)</script>, thema:X {: onclick=x}'
    changed = dataclasses.replace(document, titel=hostile, gemeente=hostile)
    tags = search_tags(select(built.content, Audience("openbaar")), changed)
    assert "<script" not in tags and "{:" not in tags and f'data-w="{esc(hostile)}"' in tags
    assert set(re.findall(r'data-pagefind-(\w+)="(\w+)\[data-w\]"', tags)) >= {
        ("filter", "gemeente"),
        ("meta", "title"),
    }
    assert set(re.findall(r'data-pagefind-filter="(\w+)\[', tags)) <= {*FILTERS, EFFECT_RESULT}


def test_the_effect_result_filter_holds_the_results_of_intended_effects_only(built):
    selection = select(built.content, Audience("openbaar"))
    document = built.record("buurtmoestuin-kanaalweg")
    names = built.content.registry.effecten
    expected = [
        f"{names[r['effect']].naam}: {RICHTING[r['richting']]}"
        for r in built.document(document.id).meta["resultaten"]
    ]
    assert effect_result_values(selection, document) == expected
    # A result for an effect the praktijk does not intend (a validate warning) is not tied to it:
    # the effect facet does not list the praktijk under that effect either.
    dropped = document.beoogde_effecten[0]
    unintended = dataclasses.replace(document, beoogde_effecten=document.beoogde_effecten[1:])
    assert effect_result_values(selection, unintended) == [
        v for v in expected if not v.startswith(names[dropped].naam + ": ")
    ]
    assert effect_result_values(selection, built.record("klushuizen")) == []  # an archetype


def test_index_site_reports_a_failure(tmp_path):
    ok, log = index_site(tmp_path / "bestaat-niet")
    assert not ok and log


def _description_site(root: Path) -> Path:
    (root / "praktijken" / "x").mkdir(parents=True)
    (root / "praktijken" / "x" / "index.html").write_text(
        '<html lang="nl"><body><div data-pagefind-body><h1>X</h1></div></body></html>',
        encoding="utf-8",
    )
    return root


def test_a_site_without_descriptions_gets_no_index(tmp_path):
    # Pagefind would index every page of it (list pages included): no index at all instead.
    (tmp_path / "themas" / "wonen").mkdir(parents=True)
    (tmp_path / "themas" / "wonen" / "index.html").write_text(
        '<html lang="nl"><body><h1>Wonen</h1><p>Geen beschrijvingen.</p></body></html>',
        encoding="utf-8",
    )
    assert index_site(tmp_path) == (True, "geen beschrijvingen: geen zoekindex")
    assert not (tmp_path / "pagefind").exists()
    ok, log = index_site(_description_site(tmp_path))
    assert ok, log
    assert [f["url"] for f in fragments(tmp_path)] == ["/praktijken/x/"]


def test_the_index_is_built_by_the_pinned_npm_pagefind():
    # package-lock.json pins the version make install puts in node_modules/; the build runs that
    # binary.
    lock = json.loads((CONTENT.parent / "package-lock.json").read_text(encoding="utf-8"))
    pinned = lock["packages"]["node_modules/pagefind"]["version"]
    binary = pagefind_binary()
    assert binary is not None and NODE_MODULES in binary.parents
    assert binary.parent.parent.name.split("-")[0] in {"linux", "darwin", "freebsd", "windows"}
    assert (
        json.loads((binary.parent.parent / "package.json").read_text(encoding="utf-8"))["version"]
        == pinned
    )
    assert (
        f"pagefind {pinned}"
        in subprocess.run([str(binary), "--version"], capture_output=True, text=True).stdout
    )


def test_pagefind_binary_path_overrides_the_npm_binary(tmp_path, monkeypatch):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "geen-pagefind"))
    assert pagefind_binary() == tmp_path / "geen-pagefind"
    ok, log = index_site(
        _description_site(tmp_path / "site")
    )  # that path does not exist: a clear failure
    assert not ok and "pagefind kon niet draaien" in log and "PAGEFIND_BINARY_PATH" in log


def test_without_pagefind_the_index_fails_with_a_dutch_message(tmp_path, monkeypatch):
    monkeypatch.delenv("PAGEFIND_BINARY_PATH", raising=False)
    monkeypatch.setattr(search_site, "NODE_MODULES", tmp_path / "node_modules")
    assert pagefind_binary() is None
    assert index_site(_description_site(tmp_path / "site")) == (False, MISSING)
    assert "make install" in MISSING and "PAGEFIND_BINARY_PATH" in MISSING


# --- in the browser
# -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def servers(built):
    with (
        StaticServer(built.site("openbaar")) as openbaar,
        StaticServer(built.site("partners")) as partners,
    ):
        yield {"openbaar": openbaar, "partners": partners}


@dataclass
class Opened:
    page: object
    origin: str
    requests: list
    errors: list


@pytest.fixture
def open_page(chromium, servers):
    """open_page(audience, path, **context options) -> page; afterwards: every request went to the local
    server, no script error, no script marker."""
    opened: list[Opened] = []

    def open_(audience: str, path: str, **options):
        server = servers[audience]
        context = browser.local_context(chromium, server.origin, **options)
        page = context.new_page()
        record = Opened(page, server.origin, [], [])
        page.on("request", lambda request: record.requests.append(request.url))
        page.wwidw_requests = (
            record.requests
        )  # every request of the page, from before it was opened
        page.on("pageerror", lambda error: record.errors.append(str(error)))
        page.on(
            "console",
            lambda message: record.errors.append(message.text) if message.type == "error" else None,
        )
        page.goto(server.url(path))
        opened.append(record)
        return page

    yield open_
    for record in opened:
        markers = record.page.evaluate("() => window.__xss.slice()")
        record.page.context.close()
        assert [u for u in record.requests if not browser._is_local(u, record.origin)] == []
        assert all(u.startswith(record.origin + "/") for u in record.requests), record.requests
        assert record.errors == [] and markers == []


# A facet group whose values (one Pagefind filter chunk) are loaded and counted: every listed value
# has a count, and no count is pending; or it says that the index has no values for it.
FACET_LOADED = """(name) => {
  const r = document.getElementById('wwidw-zoeken');
  const group = document.querySelector(`[data-facet='${name}']`);
  const note = group.querySelector('.wwidw-facet__melding');
  const counts = [...group.querySelectorAll('.wwidw-facet__telling')].map((c) => c.textContent);
  return r.dataset.geteld === r.dataset.gezocht && ((counts.length > 0 && counts.every(Boolean))
    || (note !== null && !note.hidden && note.textContent === 'Geen waarden.'));
}"""


def open_facet(page, name: str) -> None:
    """Open a facet group (and the filter panel around it) and wait until its values are loaded."""
    if not page.locator("#wwidw-facetten").evaluate("d => d.open"):
        page.locator("#wwidw-facetten > summary").click()
    if not page.locator(f"[data-facet='{name}']").evaluate("d => d.open"):
        page.locator(f"[data-facet='{name}'] > summary").click()
    page.wait_for_function(FACET_LOADED, arg=name)


def results(page) -> list[str]:
    """The paths of all results (loading every page of them)."""
    while page.is_visible("#wwidw-meer"):
        count = page.locator(".wwidw-resultaat").count()
        page.click("#wwidw-meer")
        page.wait_for_function(
            "(n) => document.querySelectorAll('.wwidw-resultaat').length > n", arg=count
        )
    hrefs = page.eval_on_selector_all(".wwidw-resultaat__titel a", "as => as.map(a => a.href)")
    return [urlsplit(h).path for h in hrefs]


def announced(page) -> int:
    match = re.match(r"(\d+) beschrijving", page.inner_text("#wwidw-zoekstatus"))
    assert match, page.inner_text("#wwidw-zoekstatus")
    return int(match.group(1))


def search_for(open_page, audience: str, term: str) -> list[str]:
    return searcher(open_page, audience)(term)


def searcher(open_page, audience: str):
    """One Zoeken page; search(term) types the term, submits and returns the paths found."""
    page = open_page(audience, "zoeken/")
    browser.search_ready(page)

    def search(term: str) -> list[str]:
        page.fill("#wwidw-zoekterm", term)
        browser.after_search(page, lambda: page.press("#wwidw-zoekterm", "Enter"))
        found = results(page)
        assert announced(page) == len(found)
        assert parse_qs(urlsplit(page.url).query).get("q") == [term.strip()]
        return found

    search.page = page
    return search


def facet(page, name: str, value: str):
    return page.locator(f"[data-facet='{name}'] li", has=page.locator(f"input[value='{value}']"))


def facet_count(page, name: str, value: str) -> int:
    open_facet(page, name)
    return int(facet(page, name, value).locator(".wwidw-facet__telling").text_content().strip("()"))


def toggle(page, name: str, value: str) -> None:
    open_facet(page, name)
    browser.after_search(page, facet(page, name, value).locator("input").click)


def test_bewoners_finds_a_description_that_only_says_bewoner(built, open_page):
    words = body_words(built.site("openbaar"), f"/praktijken/{PROBE_ID}/")
    assert "bewoner" in words and not any(w.startswith("bewoners") for w in words)
    assert f"/praktijken/{PROBE_ID}/" in search_for(open_page, "openbaar", "bewoners")


def test_huurachterstanden_finds_descriptions_that_say_huurachterstand(built, open_page):
    site = built.site("openbaar")
    singular_only = [
        url_of(d)
        for d in built.visible("openbaar")
        if "huurachterstand" in (words := body_words(site, url_of(d)))
        and not any(w.startswith("huurachterstanden") for w in words)
    ]
    assert singular_only  # e.g. the taalcafé and the achter-de-voordeur archetype
    found = search_for(open_page, "openbaar", "huurachterstanden")
    assert set(singular_only) <= set(found)


def with_synonym(built, audience: str, word: str) -> set[str]:
    """The pages of the descriptions the audience sees with a theme or intended effect that has
    ``word`` as a synonym in the taxonomy."""
    registry = built.content.registry
    return {
        url_of(d)
        for d in built.visible(audience)
        if any(word in registry.themas[t].synoniemen for t in d.meta.get("themas") or ())
        or any(
            word in registry.effecten[e].synoniemen for e in d.meta.get("beoogde_effecten") or ()
        )
    }


def test_a_synonym_finds_the_descriptions_with_that_theme_or_effect(built, open_page):
    site = built.site("openbaar")
    expected = with_synonym(built, "openbaar", "vereenzaming")
    assert f"/praktijken/{PROBE_ID}/" in expected  # beoogde_effecten: minder-eenzaamheid
    assert not any("vereenzaming" in body_words(site, url) for url in expected)  # never in the text
    found = search_for(open_page, "openbaar", "vereenzaming")
    assert set(found) == expected and len(found) == len(expected)
    # hidden from view and from screen readers: only in an element with the hidden attribute
    page = open_page("openbaar", f"praktijken/{PROBE_ID}/")
    assert "vereenzaming" not in page.inner_text("body")
    assert page.locator(f"[data-pagefind-meta^='{SYNONYMS}[']").evaluate(
        "e => e.closest('[hidden]') !== null && e.textContent === ''"
    )


# Questions a professional asks in several words (the issue's: "wat werkt tegen eenzaamheid bij
# ouderen in onze wijk"), each word a theme, effect, synonym or target group of the taxonomy.
MULTI_WORD = (
    "eenzaamheid ouderen",
    "vereenzaming bij ouderen",
    "overlast jongeren",
    "schulden huurders",
    "vroegsignalering huurachterstanden",
)


@pytest.mark.parametrize("audience", AUDIENCES)
def test_the_site_and_wwidw_search_find_the_same_descriptions(built, open_page, audience):
    """Both match every word (the README says so); `wwidw search` once matched any word."""
    search = searcher(open_page, audience)
    for text in MULTI_WORD:
        cli = cli_search(built.content, text, Audience(audience), limit=10_000)
        assert sorted(search(text)) == sorted(url_of(hit.document) for hit in cli), text


def test_every_count_of_a_facet_agrees_with_the_content(built, open_page):
    page = open_page("openbaar", "zoeken/")
    browser.search_ready(page)
    visible = built.visible("openbaar")
    open_facet(page, "thema")  # without a query: counted over every description
    for theme_id, theme in built.content.registry.themas.items():
        expected = sum(theme_id in d.meta.get("themas", []) for d in visible)
        if expected:
            assert facet_count(page, "thema", theme.naam) == expected, theme.naam
        else:
            assert facet(page, "thema", theme.naam).count() == 0
    # A sort without a query or filter lists every description (newest first).
    browser.after_search(page, lambda: page.select_option("#wwidw-sortering", "nieuwste"))
    assert announced(page) == len(visible) and len(results(page)) == len(visible)
    assert facet_count(page, "thema", built.content.registry.themas[THEME].naam) == sum(
        THEME in d.meta.get("themas", []) for d in visible
    )


def pagefind_requests(requests: list[str], kind: str) -> list[str]:
    """The requests for one kind of Pagefind file: 'index' (word index), 'filter' or 'fragment'."""
    return [u for u in requests if f"/pagefind/{kind}/" in urlsplit(u).path]


def test_the_search_page_loads_only_what_a_search_needs(built, open_page):
    """Opened without a query, the Zoeken page fetches Pagefind's runtime and metadata, but no word-index
    chunk, filter chunk or result fragment; a facet group fetches its own filter chunk when opened; a
    query its word-index chunk and the first result cards only; filters without a query one word-index
    chunk (Pagefind's own search without a term would fetch every chunk)."""
    page = open_page("openbaar", "zoeken/", viewport={"width": 1280, "height": 900})
    requests = page.wwidw_requests
    browser.search_ready(page)
    page.wait_for_load_state("networkidle")
    assert "Typ een zoekterm" in page.inner_text("#wwidw-zoekstatus")
    assert page.locator(".wwidw-resultaat").count() == 0
    assert not [
        g for g in page.locator("[data-facet]").all() if g.evaluate("d => d.open")
    ]  # all closed
    chunks = len(list((built.site("openbaar") / "pagefind" / "index").glob("*.pf_index")))
    assert chunks > 1  # (3 for the real content)
    for kind in ("index", "filter", "fragment"):
        assert pagefind_requests(requests, kind) == [], kind
    # Opening a group loads that facet's values only (plus the one chunk of the word every
    # description has).
    open_facet(page, "soort")
    assert len(pagefind_requests(requests, "filter")) == 1
    assert (
        len(pagefind_requests(requests, "index")) == 1
        and pagefind_requests(requests, "fragment") == []
    )
    # A query: its word-index chunk(s) and the fragments of the cards shown, no more.
    page.fill("#wwidw-zoekterm", "bewoners")
    browser.after_search(page, lambda: page.press("#wwidw-zoekterm", "Enter"))
    assert len(pagefind_requests(requests, "index")) > 1
    shown = page.locator(".wwidw-resultaat").count()
    assert 0 < shown < announced(page)
    assert len(pagefind_requests(requests, "fragment")) == shown
    assert len(pagefind_requests(requests, "filter")) == 1
    # Filters from a shared link, without a query: one word-index chunk, the facets' own filter
    # chunks.
    theme = built.content.registry.themas[THEME].naam
    shared = open_page("openbaar", "zoeken/?" + urlencode({"thema": theme, "soort": "Praktijk"}))
    loaded = shared.wwidw_requests
    browser.search_ready(shared)
    shared.wait_for_load_state("networkidle")
    assert announced(shared) == sum(
        THEME in d.meta.get("themas", []) and d.kind == "praktijk"
        for d in built.visible("openbaar")
    )
    assert len(pagefind_requests(loaded, "index")) == 1 < chunks
    assert len(pagefind_requests(loaded, "filter")) == 2


def cost_band(meta: dict) -> str:
    """The cost band of a praktijk's raw front matter, worked out here from the bands the Over page
    documents (not with the code under test)."""
    amount = (meta.get("kosten") or {}).get("per_deelnemer_eur")
    if amount is None:
        return "Onbekend"
    per = {"huishoudens": "huishouden", "woningen": "woning"}.get(
        meta.get("bereik_eenheid"), "deelnemer"
    )
    label = (
        "Tot € 100"
        if amount < 100
        else "€ 100–500"
        if amount < 500
        else "€ 500–1.000"
        if amount < 1000
        else "€ 1.000–5.000"
        if amount < 5000
        else "€ 5.000 of meer"
    )
    return f"{label} per {per}"


def test_a_cost_band_filters_to_exactly_the_praktijken_in_it_and_cards_show_costs(built, open_page):
    praktijken = [d for d in built.visible("openbaar") if d.kind == "praktijk"]
    bands = {}
    for d in praktijken:
        bands.setdefault(cost_band(d.meta), []).append(d)
    assert "€ 5.000 of meer per woning" in bands and "€ 100–500 per deelnemer" in bands
    page = open_page("openbaar", "zoeken/")
    browser.search_ready(page)
    open_facet(page, "kosten")
    # Every band with praktijken is offered with its count, each label naming its unit.
    offered = page.eval_on_selector_all(
        "[data-facet='kosten'] input", "inputs => inputs.map((i) => i.value)"
    )
    assert sorted(offered) == sorted(bands)
    for label, members in bands.items():
        assert facet_count(page, "kosten", label) == len(members), label
    for label in ("€ 100–500 per deelnemer", "€ 5.000 of meer per woning"):
        toggle(page, "kosten", label)
        assert announced(page) == len(bands[label])
        assert sorted(results(page)) == sorted(url_of(d) for d in bands[label])
        costs = page.eval_on_selector_all(
            ".wwidw-resultaat__kosten", "ps => ps.map((p) => p.textContent)"
        )
        assert len(costs) == len(bands[label])
        unit = label.rsplit(" per ", 1)[1]
        assert all(re.fullmatch(rf"Kosten: € [0-9.,]+ per {unit}", c) for c in costs), costs
        toggle(page, "kosten", label)  # off again
    # The praktijk counted in woningen shows its cost per woning on its card.
    toggle(page, "kosten", "€ 5.000 of meer per woning")
    assert page.inner_text(".wwidw-resultaat__kosten") == "Kosten: € 30.000 per woning"


def test_filters_narrow_the_results_and_the_counts_agree(built, open_page):
    visible = built.visible("openbaar")
    names = built.content.registry.themas
    with_theme = [d for d in visible if THEME in d.meta.get("themas", [])]
    page = open_page("openbaar", "zoeken/")
    browser.search_ready(page)
    assert facet_count(page, "thema", names[THEME].naam) == len(with_theme)
    toggle(page, "thema", names[THEME].naam)
    assert announced(page) == len(with_theme) < len(visible)
    assert sorted(results(page)) == sorted(url_of(d) for d in with_theme)
    # A second facet narrows further (AND) ...
    gemeente = max(
        {d.meta["gemeente"] for d in with_theme if "gemeente" in d.meta},
        key=lambda g: sum(d.meta.get("gemeente") == g for d in with_theme),
    )
    both = [d for d in with_theme if d.meta.get("gemeente") == gemeente]
    assert facet_count(page, "gemeente", gemeente) == len(both)
    toggle(page, "gemeente", gemeente)
    assert sorted(results(page)) == sorted(url_of(d) for d in both) and announced(page) == len(both)
    # ... and a second value of the same facet widens it again (OR within a facet).
    either = [
        d
        for d in visible
        if d.meta.get("gemeente") == gemeente
        and {THEME, SECOND_THEME} & set(d.meta.get("themas", []))
    ]
    assert facet_count(page, "thema", names[SECOND_THEME].naam) == sum(
        SECOND_THEME in d.meta.get("themas", [])
        for d in visible
        if d.meta.get("gemeente") == gemeente
    )
    toggle(page, "thema", names[SECOND_THEME].naam)
    assert sorted(results(page)) == sorted(url_of(d) for d in either) and announced(page) == len(
        either
    )
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"thema": [names[THEME].naam, names[SECOND_THEME].naam], "gemeente": [gemeente]}


def test_a_shared_url_restores_query_filters_and_sort(built, open_page):
    theme = built.content.registry.themas[THEME].naam
    page = open_page("openbaar", "zoeken/")
    browser.search_ready(page)
    page.fill("#wwidw-zoekterm", "huurachterstanden")
    browser.after_search(page, lambda: page.press("#wwidw-zoekterm", "Enter"))
    toggle(page, "thema", theme)
    browser.after_search(page, lambda: page.select_option("#wwidw-sortering", "nieuwste"))
    shared, found = page.url, results(page)
    assert parse_qs(urlsplit(shared).query) == {
        "q": ["huurachterstanden"],
        "thema": [theme],
        "sortering": ["nieuwste"],
    }
    assert found
    dates = [
        str(d.meta.get("laatst_bijgewerkt") or d.meta.get("laatst_herzien"))
        for u in found
        for d in built.visible("openbaar")
        if url_of(d) == u
    ]
    assert dates == sorted(dates, reverse=True)

    again = open_page(
        "openbaar", shared.removeprefix(urlsplit(shared).scheme + "://" + urlsplit(shared).netloc)
    )
    browser.search_ready(again)
    assert again.input_value("#wwidw-zoekterm") == "huurachterstanden"
    assert again.input_value("#wwidw-kopzoekterm") == "huurachterstanden"
    assert again.input_value("#wwidw-sortering") == "nieuwste"
    assert facet(again, "thema", theme).locator("input").is_checked()
    assert results(again) == found

    # Back and forward through the history restore the state too.
    toggle(again, "soort", "Archetype")
    assert "soort=Archetype" in again.url
    browser.after_search(again, again.go_back)
    assert (
        again.url == shared and not facet(again, "soort", "Archetype").locator("input").is_checked()
    )
    assert results(again) == found


def _distinctive_words(built, doc_id: str) -> list[str]:
    """Long words of a hidden description that no page of the public site uses, nor any word that
    starts like them (so the index cannot have their stem for an innocent reason)."""
    public = {
        w
        for p in built.site("openbaar").rglob("*.html")
        for w in audit.words(p.read_text(encoding="utf-8"))
    }
    document = built.document(doc_id)
    candidates = sorted(
        {
            w
            for w in audit.words(document.titel + " " + document.body)
            if len(w) >= 10 and "-" not in w
        }
    )
    chosen = [w for w in candidates if not any(p.startswith(w[: len(w) - 4]) for p in public)]
    assert len(chosen) >= 3, doc_id
    return chosen[:6]


def test_the_public_search_never_returns_hidden_descriptions(built, open_page):
    hidden = {ORGANISATIE_ONLY: "organisatie", PARTNERS_ONLY: "partners"}
    for doc_id, level in hidden.items():
        assert built.document(doc_id).zichtbaarheid == level
    titles = {built.document(d).titel for d in hidden}
    public, partners = searcher(open_page, "openbaar"), searcher(open_page, "partners")
    for doc_id in hidden:
        for term in [*_distinctive_words(built, doc_id), built.document(doc_id).titel]:
            assert not {f"/praktijken/{d}/" for d in hidden} & set(public(term)), term
            assert not titles & set(
                public.page.locator(".wwidw-resultaat__titel").all_inner_texts()
            ), term
    # The partners' site finds the partners-only description by the same words, never the other one.
    for term in _distinctive_words(built, PARTNERS_ONLY):
        assert f"/praktijken/{PARTNERS_ONLY}/" in partners(term), term
    for term in _distinctive_words(built, ORGANISATIE_ONLY):
        assert f"/praktijken/{ORGANISATIE_ONLY}/" not in partners(term), term


def test_hidden_words_are_nowhere_in_the_public_index(built):
    texts = []
    for path in (built.site("openbaar") / "pagefind").rglob("*"):
        if path.is_file() and path.suffix in audit.PAGEFIND_SUFFIXES:
            texts.append(audit.pagefind_text(path.read_bytes()))
        elif path.is_file() and path.suffix in (".json", ".js"):
            texts.append(path.read_text(encoding="utf-8"))
    assert any(f"/praktijken/{PROBE_ID}/" in t for t in texts)  # the decompression works
    tokens = {t for text in texts for t in re.findall(r"[0-9a-zà-ÿ]+", text.lower())}
    for doc_id in (ORGANISATIE_ONLY, PARTNERS_ONLY):
        document = built.document(doc_id)
        for word in _distinctive_words(built, doc_id):
            assert not [t for t in tokens if t.startswith(word[: len(word) - 4])], word
        assert not any(document.titel.lower() in t.lower() for t in texts)
        assert not any(doc_id in t for t in texts)


def test_the_header_search_box_leads_to_the_results(built, open_page):
    direct = search_for(open_page, "openbaar", "huurachterstanden")
    page = open_page("openbaar", f"praktijken/{PROBE_ID}/")
    assert page.get_attribute("form.wwidw-kopzoeken", "action") == "../../zoeken/"
    page.fill("#wwidw-kopzoekterm", "huurachterstanden")
    page.press("#wwidw-kopzoekterm", "Enter")
    page.wait_for_url(re.compile(r"/zoeken/\?q=huurachterstanden$"))
    browser.search_ready(page)
    assert page.input_value("#wwidw-zoekterm") == "huurachterstanden"
    assert results(page) == direct
    home = open_page("openbaar", "")
    assert home.get_attribute("form.wwidw-kopzoeken", "action") == "zoeken/"
    assert home.locator("header nav form.wwidw-kopzoeken input[name='q']").count() == 1


def test_results_show_title_facts_excerpt_and_evidence_as_text(built, open_page):
    page = open_page("openbaar", "zoeken/?q=portierswoning")
    browser.search_ready(page)
    card = page.locator(".wwidw-resultaat").filter(has_text=PROBE_TITLE)
    assert (
        card.locator(".wwidw-resultaat__feiten").inner_text()
        == "Praktijk · Gemeente Lindeveen · Lindeveen"
    )
    assert card.locator(".wwidw-resultaat__themas").inner_text() == "Thema's: Gezondheid"
    assert card.locator(".wwidw-resultaat__uittreksel mark").count() >= 1
    archetype = open_page("openbaar", "zoeken/?soort=Archetype")
    browser.search_ready(archetype)
    assert len(results(archetype)) == announced(archetype) > 0
    assert archetype.locator(".wwidw-resultaat .wwidw-bewijs").count() == announced(archetype)
    # The excerpt is text: a tag in a description shows as text and only <mark> elements are made.
    page = open_page("openbaar", "zoeken/?q=formulier+typte")
    browser.search_ready(page)
    excerpt = (
        page.locator(".wwidw-resultaat")
        .filter(has_text=PROBE_TITLE)
        .locator(".wwidw-resultaat__uittreksel")
    )
    assert "<img src=x onerror=" in excerpt.inner_text()
    assert set(excerpt.evaluate("e => [...e.querySelectorAll('*')].map(n => n.tagName)")) <= {
        "MARK"
    }
    assert page.locator(".wwidw-resultatenlijst img").count() == 0


def test_the_search_page_is_labelled_and_works_with_the_keyboard(built, open_page):
    page = open_page("openbaar", "zoeken/")
    browser.search_ready(page)
    unlabelled = page.evaluate("""() => [...document.querySelectorAll(
        '#wwidw-zoeken :is(input, select), .wwidw-kopzoeken input')].filter(
        (el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')).map((el) => el.outerHTML)""")
    assert unlabelled == []
    assert page.locator("[data-facet] fieldset > legend").count() == len(FILTERS)
    assert page.get_attribute("#wwidw-zoekstatus", "role") == "status"
    assert page.get_attribute("#wwidw-zoekstatus", "aria-live") == "polite"
    page.focus("[data-facet='soort'] > summary")
    page.keyboard.press("Enter")  # opens the group; its values load
    page.wait_for_function(FACET_LOADED, arg="soort")
    box = facet(page, "soort", "Praktijk").locator("input")
    for _ in range(2):  # Archetype, then Praktijk
        page.keyboard.press("Tab")
    assert box.evaluate("b => b === document.activeElement")
    browser.after_search(page, lambda: page.keyboard.press("Space"))
    assert box.is_checked() and "soort=Praktijk" in page.url
    assert announced(page) == len([d for d in built.visible("openbaar") if d.kind == "praktijk"])
    page.focus("#wwidw-zoekterm")
    page.keyboard.type("bewoners")
    browser.after_search(page, lambda: page.keyboard.press("Enter"))
    assert parse_qs(urlsplit(page.url).query)["q"] == ["bewoners"]


def test_the_search_page_works_on_a_phone(built, open_page):
    page = open_page(
        "openbaar",
        "zoeken/?q=bewoners",
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
    )
    browser.search_ready(page)
    assert not page.locator("#wwidw-facetten").evaluate("d => d.open")  # the facets start collapsed
    assert page.is_visible(".wwidw-resultaat")
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    page.locator("#wwidw-facetten > summary").click()
    toggle(page, "soort", "Archetype")
    assert announced(page) == len(results(page)) > 0
    assert page.is_visible(".wwidw-kopzoeken button")


# --- a direction belongs to an effect (browser)
# -------------------------------------------------------------

LONELINESS, MOESTUIN = "minder-eenzaamheid", "buurtmoestuin-kanaalweg"


def raw_results(document) -> list[dict]:
    return document.meta.get("resultaten", []) if document.kind == "praktijk" else []


def with_result(documents, effect: str, richting: str) -> set[str]:
    """The praktijken that intend ``effect`` and whose result FOR it is ``richting`` (front matter)."""
    return {
        url_of(d)
        for d in documents
        if effect in d.meta.get("beoogde_effecten", [])
        and any(r["effect"] == effect and r["richting"] == richting for r in raw_results(d))
    }


def with_any_result(documents, richting: str, effect: str | None = None) -> set[str]:
    """The praktijken with any result in ``richting`` (that intend ``effect``, when given)."""
    return {
        url_of(d)
        for d in documents
        if (effect is None or effect in d.meta.get("beoogde_effecten", []))
        and any(r["richting"] == richting for r in raw_results(d))
    }


def effect_direction_pairs(documents) -> list[tuple[str, str]]:
    return sorted(
        {(r["effect"], r["richting"]) for d in documents for r in raw_results(d)}
        | {(e, r) for d in documents for e in d.meta.get("beoogde_effecten", []) for r in RICHTING}
    )


def test_effect_and_direction_find_only_the_result_for_that_effect(built, open_page):
    visible = built.visible("openbaar")
    names = built.content.registry.effecten
    moestuin = built.document(MOESTUIN)
    own = {r["richting"] for r in raw_results(moestuin) if r["effect"] == LONELINESS}
    other = {r["richting"] for r in raw_results(moestuin) if r["effect"] != LONELINESS}
    assert own and "werkt" not in own and "werkt" in other  # the case of the issue
    # Minder eenzaamheid + Werkt, from a shared link: not Buurtmoestuin, whose 'werkt' is for
    # another effect; exactly the praktijken whose loneliness result is 'werkt' (maybe none).
    page = open_page(
        "openbaar",
        "zoeken/?" + urlencode({"effect": names[LONELINESS].naam, "richting": RICHTING["werkt"]}),
    )
    browser.search_ready(page)
    found = results(page)
    assert url_of(moestuin) not in found
    assert set(found) == with_result(visible, LONELINESS, "werkt") and announced(page) == len(found)
    assert url_of(moestuin) in with_any_result(visible, "werkt", LONELINESS)  # the old, loose match
    # A pair where tying matters and something is found: results and counts follow the tie.
    effect, richting = next(
        (e, r)
        for e, r in effect_direction_pairs(visible)
        if with_result(visible, e, r)
        and with_any_result(visible, r, e) - with_result(visible, e, r)
    )
    expected = with_result(visible, effect, richting)
    page = open_page("openbaar", "zoeken/")
    browser.search_ready(page)
    toggle(page, "effect", names[effect].naam)
    open_facet(page, "richting")
    assert facet(page, "richting", RICHTING[richting]).count() == 1
    listed = page.locator("[data-facet='richting'] .wwidw-facet__waarde").all_inner_texts()
    assert listed == [label for label in RICHTING.values() if label in listed]  # their fixed order
    for label_id, label in RICHTING.items():  # the direction counts are for this effect
        if facet(page, "richting", label).count():
            assert facet_count(page, "richting", label) == len(
                with_result(visible, effect, label_id)
            ), label
    toggle(page, "richting", RICHTING[richting])
    assert set(results(page)) == expected and announced(page) == len(expected)
    assert facet_count(page, "effect", names[effect].naam) == len(expected)
    assert facet_count(page, "richting", RICHTING[richting]) == len(expected)
    assert parse_qs(urlsplit(page.url).query) == {
        "effect": [names[effect].naam],
        "richting": [RICHTING[richting]],
    }
    # Without the effect, the direction keeps its meaning: any result with that direction.
    toggle(page, "effect", names[effect].naam)
    assert set(results(page)) == with_any_result(visible, richting)


def test_several_effects_with_a_direction_count_each_praktijk_once(built, open_page):
    visible = built.visible("openbaar")
    names = built.content.registry.effecten
    # Two effects for which one praktijk has the same direction: adding up would count it twice.
    first, second, richting = next(
        (a, b, r)
        for a, r in effect_direction_pairs(visible)
        for b, s in effect_direction_pairs(visible)
        if a < b and r == s and with_result(visible, a, r) & with_result(visible, b, r)
    )
    expected = with_result(visible, first, richting) | with_result(visible, second, richting)
    query = {"effect": [names[first].naam, names[second].naam]}
    page = open_page("openbaar", "zoeken/?" + urlencode(query, doseq=True))
    browser.search_ready(page)
    assert facet_count(page, "richting", RICHTING[richting]) == len(expected)
    toggle(page, "richting", RICHTING[richting])
    assert set(results(page)) == expected and announced(page) == len(expected)
    assert facet_count(page, "richting", RICHTING[richting]) == len(expected)


def test_cards_show_the_result_for_the_chosen_effect_else_all_results(built, open_page):
    names = built.content.registry.effecten
    moestuin, record = built.document(MOESTUIN), built.record(MOESTUIN)
    page = open_page("openbaar", "zoeken/?" + urlencode({"effect": names[LONELINESS].naam}))
    browser.search_ready(page)
    assert url_of(moestuin) in results(page)
    card = page.locator(".wwidw-resultaat").filter(has_text=moestuin.titel)
    own = [r for r in RICHTING if {"effect": LONELINESS, "richting": r} in _pairs(moestuin)]
    assert card.locator(".wwidw-resultaat__effect").all_inner_texts() == [
        f"{names[LONELINESS].naam}: " + " · ".join(RICHTING[r] for r in own)
    ]
    assert card.locator(".wwidw-resultaat__effect .wwidw-badge").all_inner_texts() == [
        RICHTING[r] for r in own
    ]
    assert card.locator(f".wwidw-resultaat__effect .wwidw-{own[0]}").count() == 1  # its colour
    assert card.locator(".wwidw-resultaat__resultaten").count() == 0
    # An intended effect without a result says so; an archetype card shows no result at all.
    silent = next(
        (d, e)
        for d in built.visible("openbaar")
        if d.kind == "praktijk"
        for e in d.meta["beoogde_effecten"]
        if not any(r["effect"] == e for r in raw_results(d))
    )
    page = open_page("openbaar", "zoeken/?" + urlencode({"effect": names[silent[1]].naam}))
    browser.search_ready(page)
    results(page)
    card = page.locator(".wwidw-resultaat").filter(has_text=silent[0].titel)
    assert card.locator(".wwidw-resultaat__effect").all_inner_texts() == [
        f"{names[silent[1]].naam}: geen resultaat voor dit effect"
    ]
    assert card.locator(".wwidw-resultaat__effect .wwidw-badge").count() == 0
    archetype = next(d for d in built.visible("openbaar") if d.kind == "archetype")
    effect = names[archetype.meta["beoogde_effecten"][0]].naam
    page = open_page("openbaar", "zoeken/?" + urlencode({"effect": effect, "soort": "Archetype"}))
    browser.search_ready(page)
    assert url_of(archetype) in results(page)
    lines = ".wwidw-resultaat__effect, .wwidw-resultaat__resultaten"
    assert page.locator(lines).count() == 0 and page.locator(".wwidw-resultaat").count() > 0
    # Without an effect filter: every result, counted per direction.
    page = open_page("openbaar", "zoeken/?" + urlencode({"q": moestuin.titel}))
    browser.search_ready(page)
    card = page.locator(".wwidw-resultaat").filter(has_text=moestuin.titel)
    assert card.locator(".wwidw-resultaat__resultaten").text_content() == (
        "Resultaten: " + summary(record.resultaten)
    )
    assert card.locator(".wwidw-resultaat__effect").count() == 0


def _pairs(document) -> list[dict]:
    return [{"effect": r["effect"], "richting": r["richting"]} for r in raw_results(document)]


# --- the knowledge matrix links here (browser)
# --------------------------------------------------------------

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
CHOSEN = (
    "() => [...document.querySelectorAll('[data-facet] input:checked')]"
    ".map((i) => [i.closest('[data-facet]').dataset.facet, i.value])"
)


def matrix_links(page, table: int) -> list[tuple[str, int]]:
    """Every link of a cell of one matrix table on the page: (href, the count it says)."""
    return page.eval_on_selector_all(
        ".wwidw-matrix",
        "(ds, t) => [...ds[t].querySelectorAll('td a')]"
        ".map(a => [a.getAttribute('href'), Number(a.textContent)])",
        table,
    )


def assert_search_shows(page, href: str, count: int) -> None:
    """The Zoeken page opened from a cell: its filters chosen, as many results as the cell said."""
    browser.search_ready(page)
    wanted = sorted(parse_qsl(urlsplit(href).query))
    assert sorted(map(tuple, page.evaluate(CHOSEN))) == wanted, href
    assert sorted(parse_qsl(urlsplit(page.url).query)) == wanted
    assert announced(page) == count == len(results(page)), href


def test_every_matrix_cell_finds_as_many_descriptions_as_it_says(built, open_page):
    """Every cell of the domain × archetype table (the Archetype facet is the matrix's own), and a
    spread of the theme × target group cells (each opening costs a second or more)."""
    page = open_page("openbaar", "kennismatrix/")
    domains, themes = matrix_links(page, 0), matrix_links(page, 1)
    assert len(domains) > 5 and len(themes) > 10
    assert all("archetype=" in href for href, _ in domains)
    links = domains + themes[:: len(themes) // 6]
    assert all(count > 0 for _, count in links) and max(c for _, c in links) > 1
    for href, count in links:
        page.goto(urljoin(page.url, href))
        assert_search_shows(page, href, count)


def test_a_matrix_cell_works_on_a_phone(built, open_page):
    page = open_page("openbaar", "kennismatrix/", **PHONE)
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    containers = page.locator(".wwidw-matrix")
    assert containers.count() == 2
    for index in range(2):  # each table scrolls sideways inside its own labelled container
        container = containers.nth(index)
        assert container.evaluate("d => d.scrollWidth > d.clientWidth")
        assert (
            container.get_attribute("tabindex") == "0"
            and container.get_attribute("role") == "region"
        )
    link = containers.nth(0).locator("td a").last  # a cell off screen, reached by scrolling
    href, count = link.get_attribute("href"), int(link.text_content())
    link.click()
    page.wait_for_url("**/zoeken/**")
    assert_search_shows(page, href, count)


def test_the_evidence_pictures_add_no_words_to_the_search_index(built):
    """The pictures (pages/evidence_svg.py) sit in a data-pagefind-ignore figure: their title,
    description and legend are not a description's text in the site search."""
    site = built.site("openbaar")
    contents = " ".join(f["content"] for f in fragments(site)).lower()
    praktijk, archetype = (
        page_text(site, "/praktijken/buurtmoestuin-kanaalweg/"),
        page_text(site, "/archetypen/bewonersgroen/"),
    )
    assert "in één oogopslag" in praktijk and "dezelfde aantallen staan in de tabel" in archetype
    assert "oogopslag" not in contents and "dezelfde aantallen" not in contents
    assert "data-pagefind-ignore" in praktijk.split('<figure class="wwidw-bewijsbeeld"')[1][:60]
    words = body_words(site, "/praktijken/buurtmoestuin-kanaalweg/")
    assert "oogopslag" in words  # the picture is inside the indexed body, left out by the attribute
