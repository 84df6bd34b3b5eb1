"""The knowledge matrix ("kennismatrix"): where knowledge exists and where it is missing.

Two tables per audience, computed from the selection only (a hidden description changes no count):
effect domain × archetype (the visible praktijken of an archetype with an intended effect in the
domain) and theme × target group (every visible description with that theme and target group). Each
cell gives that number and how many of them report the direction ``werkt`` (for an effect in the
domain, in the first table; for any effect, in the second): "veelbelovend" is not "werkt". A
non-empty cell links to the Zoeken page with exactly the filters that find those descriptions
(``search/site.py`` FILTERS; zoeken.js reads them with URLSearchParams, one parameter per value),
so the search shows the same number. An empty cell says in words that there is no knowledge yet.

The tables are raw HTML (a caption, ``th scope``) inside a labelled, focusable scroll container, so a
phone scrolls them sideways. At most ``ARCHETYPES_PER_TABLE`` archetypes are columns of one table;
more archetypes continue on pages ``kennismatrix/archetypen--2``, ... (each under 100 KB).
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote, urlencode

from wwidw_build import numbers, urls
from wwidw_build.labels import SOORT
from wwidw_build.pages.builders import meta_block
from wwidw_build.pages.escape import esc
from wwidw_build.records import Praktijk, Record
from wwidw_build.selection import Selection

FOLDER = "kennismatrix"
TITLE = "Kennismatrix"
ARCHETYPES_PER_TABLE = 8
WORKS = "werkt"
EMPTY = (
    '<td class="wwidw-leeg"><span aria-hidden="true">—</span>'
    '<span class="wwidw-sr">nog geen kennis</span></td>'
)
INTRO = (
    "Waar is kennis over, en waar nog niet? Per cel staat het aantal beschrijvingen op deze site, met "
    "een link naar Zoeken met die filters, en daaronder hoeveel daarvan een effect melden dat "
    "**werkt** (alleen de richting ‘werkt’: ‘veelbelovend’ telt niet mee). Een lege cel (—) betekent "
    "dat hier nog geen kennis is. Op een smalle telefoon schuift de tabel opzij."
)
DOMAIN_LEGEND = (
    "In elke cel: het aantal praktijken van dat archetype met een beoogd effect in dat domein, en "
    "hoeveel daarvan voor een effect in dat domein de richting ‘werkt’ melden. De beschrijving van het "
    "archetype zelf telt niet mee."
)
THEME_LEGEND = (
    "In elke cel: het aantal beschrijvingen (praktijken en archetypen) met dat thema en die doelgroep, "
    "en hoeveel daarvan voor minstens één effect de richting ‘werkt’ melden (alleen praktijken melden "
    "resultaten)."
)


def matrix_pages(selection: Selection) -> dict[str, str]:
    """{path: Markdown} of the matrix pages: index.md, and archetypen--N.md for more archetypes."""
    archetypes = sorted(selection.by_kind("archetype"), key=lambda a: (a.titel.lower(), a.id))
    chunks = [
        archetypes[i : i + ARCHETYPES_PER_TABLE]
        for i in range(0, len(archetypes), ARCHETYPES_PER_TABLE)
    ] or [[]]
    pages = {}
    for number, chunk in enumerate(chunks, 1):
        name = "index" if number == 1 else urls.continuation_page("archetypen", number)
        depth = 1 if number == 1 else 2
        lines = [meta_block(TITLE, "Waar kennis over is, en waar nog niet."), f"# {TITLE}", ""]
        if number == 1:
            lines += [INTRO, ""]
        lines += ["## Effectdomein × archetype", "", DOMAIN_LEGEND, ""]
        lines += [_domain_table(selection, chunk, depth, number, len(archetypes)), ""]
        lines += _chunk_links(number, len(chunks), len(archetypes))
        if number == 1:
            lines += ["## Thema × doelgroep", "", THEME_LEGEND, ""]
            lines += [_theme_table(selection, depth), ""]
        pages[f"{FOLDER}/{name}.md"] = "\n".join(lines) + "\n"
    return pages


def _chunk_links(number: int, total: int, count: int) -> list[str]:
    if total == 1:
        return []
    links = []
    for other in range(1, total + 1):
        first = (other - 1) * ARCHETYPES_PER_TABLE + 1
        last = min(other * ARCHETYPES_PER_TABLE, count)
        text = f"archetypen {first}–{last}"
        if other == number:
            links.append(f"**{text}**")
        else:
            target = "index" if other == 1 else urls.continuation_page("archetypen", other)
            links.append(f"[{text}]({target}.md)")  # a sibling page in the same folder
    return [f"Meer archetypen ({count} in totaal): " + " · ".join(links), ""]


def search_link(depth: int, filters: list[tuple[str, str]]) -> str:
    """The Zoeken page with these filters set: ?thema=Armoede%20en%20schulden&doelgroep=Ouderen."""
    query = urlencode([(key, " ".join(value.split())) for key, value in filters], quote_via=quote)
    return f"{'../' * depth}zoeken/?{query}"


def cell(count: int, works: int, href: str) -> str:
    if not count:
        return EMPTY
    return (
        f'<td><a href="{escape(href, quote=True)}">{numbers.number(count)}</a>'
        f'<br><span class="wwidw-km-werkt">{numbers.number(works)} {WORKS}</span></td>'
    )


def domain_counts(selection: Selection) -> dict[tuple[str, str], tuple[int, int]]:
    """{(archetype id, domain id): (visible praktijken of the archetype with an intended effect in the
    domain, of which report 'werkt' for an effect in the domain)}; one pass over the praktijken."""
    domain_of = {e.id: e.domein for e in selection.registry.effecten.values()}
    counts: dict[tuple[str, str], list[int]] = {}
    for praktijk in selection.by_kind("praktijk"):
        if not praktijk.archetype:
            continue
        works = {domain_of.get(r.effect) for r in praktijk.resultaten if r.richting == WORKS}
        for domain in {domain_of[e] for e in praktijk.beoogde_effecten if e in domain_of}:
            entry = counts.setdefault((praktijk.archetype, domain), [0, 0])
            entry[0] += 1
            entry[1] += domain in works
    return {key: (n, works) for key, (n, works) in counts.items()}


def theme_counts(selection: Selection) -> dict[tuple[str, str], tuple[int, int]]:
    """{(theme id, target group id): (visible descriptions with both, of which report 'werkt' for
    any effect)}; only praktijken report results."""
    counts: dict[tuple[str, str], list[int]] = {}
    for document in selection.visible:
        works = isinstance(document, Praktijk) and any(
            r.richting == WORKS for r in document.resultaten
        )
        for theme in set(document.themas):
            for group in set(document.doelgroepen):
                entry = counts.setdefault((theme, group), [0, 0])
                entry[0] += 1
                entry[1] += works
    return {key: (n, works) for key, (n, works) in counts.items()}


def _table(caption_id: str, caption: str, head: list[str], rows: list[str]) -> str:
    return (
        f'<div class="wwidw-matrix" role="region" aria-labelledby="{caption_id}" tabindex="0">'
        f'<table><caption id="{caption_id}">{caption}</caption>'
        "<thead><tr>" + "".join(head) + "</tr></thead><tbody>\n" + "\n".join(rows) + "\n"
        "</tbody></table></div>"
    )


def _domain_table(
    selection: Selection, archetypes: list[Record], depth: int, number: int, total: int
) -> str:
    if not archetypes:
        return "Er zijn hier nog geen archetypen."
    up = "../" * depth
    head = ['<td class="wwidw-hoek"></td>'] + [
        f'<th scope="col"><a href="{up}archetypen/{a.id}/">{esc(a.titel)}</a></th>'
        for a in archetypes
    ]
    rows, counts = [], domain_counts(selection)
    for domain in selection.registry.domeinen.values():
        cells = []
        for archetype in archetypes:
            count, works = counts.get((archetype.id, domain.id), (0, 0))
            filters = [
                ("soort", SOORT["praktijk"]),
                ("archetype", archetype.titel),
                ("effectdomein", domain.naam),
            ]
            cells.append(cell(count, works, search_link(depth, filters)))
        rows.append(
            f'<tr><th scope="row"><a href="{up}effectdomeinen/{domain.id}/">{esc(domain.naam)}</a>'
            "</th>" + "".join(cells) + "</tr>"
        )
    caption = "Praktijken per effectdomein en archetype"
    if total > ARCHETYPES_PER_TABLE:
        first = (number - 1) * ARCHETYPES_PER_TABLE + 1
        caption += f" (archetypen {first}–{first + len(archetypes) - 1} van {total})"
    return _table(f"wwidw-km-domeinen-{number}", esc(caption), head, rows)


def _theme_table(selection: Selection, depth: int) -> str:
    registry, up = selection.registry, "../" * depth
    groups = list(registry.doelgroepen.items())
    head = ['<td class="wwidw-hoek"></td>'] + [
        f'<th scope="col"><a href="{up}doelgroepen/{key}/">{esc(group.naam)}</a></th>'
        for key, group in groups
    ]
    rows, counts = [], theme_counts(selection)
    for theme_id, theme in registry.themas.items():
        cells = []
        for group_id, group in groups:
            count, works = counts.get((theme_id, group_id), (0, 0))
            filters = [("thema", theme.naam), ("doelgroep", group.naam)]
            cells.append(cell(count, works, search_link(depth, filters)))
        rows.append(
            f'<tr><th scope="row"><a href="{up}themas/{theme_id}/">{esc(theme.naam)}</a></th>'
            + "".join(cells)
            + "</tr>"
        )
    return _table("wwidw-km-themas", "Beschrijvingen per thema en doelgroep", head, rows)
