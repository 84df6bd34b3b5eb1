"""Site search with Pagefind: the search fields of a description page, and the index of one built site.

Only description pages (praktijk and archetype) are indexed: the theme marks their content with
``data-pagefind-body`` (keyed on the page meta ``soort``), so Pagefind leaves every other page out.
Filters, sort keys and result-card metadata are empty hidden elements whose values sit in a
``data-w`` attribute (``key[data-w]``), so no value is ever parsed as Pagefind syntax and none adds
text to the index. Every value is escaped with ``esc``: most of them are contributor text.

The index is built from one audience's staged output only, before the leak audit, which then scans
the index too (``audit.pagefind_text``).
"""

from __future__ import annotations

import html
import json
import os
import subprocess
from pathlib import Path

from wwidw_build import lifeline, urls
from wwidw_build.checks.completeness import completeness
from wwidw_build.costs import band, band_labels, cost_text
from wwidw_build.effect_results import NO_RESULT_FOR_EFFECT
from wwidw_build.effect_results import summary as results_summary
from wwidw_build.labels import BEWIJSNIVEAU, MEETONTWERP, PROJECTSTATUS, RICHTING, SOORT
from wwidw_build.pages.escape import attr, esc
from wwidw_build.records import Praktijk, Record
from wwidw_build.search.synonyms import synonyms
from wwidw_build.selection import Selection

BUNDLE = "pagefind"  # Pagefind's default output folder inside the site
# Pagefind comes from npm (package.json, installed by `make install`): PyPI's pagefind[bin] stops at
# 1.5.2, and 1.6's search runs about twice as fast on a large index. npm installs the binary of this
# platform only. In a checkout of this repository it is in node_modules/ next to the package; an
# engine installed with pip has no node_modules, and is given the binary through BINARY_ENV.
NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
BINARY_NAMES = ("pagefind_extended", "pagefind", "pagefind_extended.exe", "pagefind.exe")
BINARY_ENV = "PAGEFIND_BINARY_PATH"  # the same override as Pagefind's own npm wrapper
MISSING = (
    "pagefind ontbreekt: de zoekindex kan niet worden gemaakt. Zet de omgevingsvariabele "
    f"{BINARY_ENV} op het programma pagefind (na 'npm install pagefind' is dat "
    "node_modules/@pagefind/<platform>/bin/pagefind_extended of .../pagefind), of voer in een kopie "
    "van de engine-repository 'make install' uit."
)
MISSING_AT = f"pagefind kon niet draaien: {BINARY_ENV} wijst naar een bestand dat niet bestaat:"
# Filter name -> Dutch legend on the search page, in the order the facets are shown.
FILTERS = {
    "soort": "Soort",
    "thema": "Thema",
    "effectdomein": "Effectdomein",
    "effect": "Effect",
    "doelgroep": "Doelgroep",
    "archetype": "Archetype",  # a praktijk's archetype, when the audience sees it (the matrix links it)
    "organisatie": "Organisatie",
    "gemeente": "Gemeente",
    "startperiode": "Startperiode",
    "projectstatus": "Projectstatus",
    "bewijsniveau": "Bewijsniveau",
    "richting": "Resultaat",
    "meetontwerp": "Meetontwerp",
    "kosten": "Kosten",
}
# Facets whose values have a natural order (else the search page sorts them alphabetically).
ORDERED = {
    "projectstatus": PROJECTSTATUS,
    "bewijsniveau": BEWIJSNIVEAU,
    "richting": RICHTING,
    "meetontwerp": MEETONTWERP,
    "kosten": {label: label for label in band_labels()},  # costs.BANDS per unit, then Onbekend
}
# A filter no facet shows: a praktijk's result per intended effect, "<effect>: <direction>" (Dutch
# names and labels). The Zoeken page searches it when both an effect and a direction are chosen, so the
# direction applies to the chosen effect (zoeken.js), and reads it for the result cards; its values
# join with EFFECT_RESULT_SEPARATOR. Only effects in beoogde_effecten, as the effect facet: an effect
# with a direction then implies the effect itself, and the facet counts stay exact.
EFFECT_RESULT = "effect_richting"
EFFECT_RESULT_SEPARATOR = ": "
SORTS = ("nieuwste", "volledigheid")
# Pagefind's ready-made interfaces: the Zoeken page uses only its JS API (pagefind.js, the worker,
# wasm).
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
# A description page is <folder>/<id>/index.html; Pagefind's --glob for them:
DESCRIPTION_PAGES = "{" + ",".join(urls.FOLDERS) + "}/*/index.html"
NO_DATE = (
    "0000-00-00"  # pages without a date must still carry the key, or a sorted search drops them
)
# A word every description page carries in a hidden meta field (Pagefind indexes meta text): the
# Zoeken page lists descriptions without a search term (filters or a sort only) by searching for it.
# Pagefind's own term-less search loads every word-index chunk (7.8 MB at 10,000 descriptions); this
# word is in one.
BROWSE = ("bladeren", "wwidwbladeren")  # (meta field, word)
# The hidden meta field with the taxonomy's synonyms of the description's themes and effects
# (search/synonyms.py): Pagefind indexes its words, so "vereenzaming" finds a praktijk about
# eenzaamheid, as `wwidw search` does. Hidden like every search field: never shown, never read aloud.
SYNONYMS = "synoniemen"


def start_period(year: int) -> str:
    """Five-year bucket of a start year: 2017 -> '2015–2019'."""
    first = year - year % 5
    return f"{first}–{first + 4}"


def _names(table, ids) -> list[str]:
    return [table[i].naam for i in ids if i in table]


def filter_values(selection: Selection, document: Record) -> dict[str, list[str]]:
    """Every filter of one description as {filter: [values]} (Dutch names and labels, no ids)."""
    registry = selection.registry
    effects = [registry.effecten[e] for e in document.beoogde_effecten if e in registry.effecten]
    domains = [registry.domeinen[e.domein].naam for e in effects if e.domein in registry.domeinen]
    values = {
        "soort": [SOORT[document.kind]],
        "thema": _names(registry.themas, document.themas),
        "effectdomein": domains,
        "effect": [e.naam for e in effects],
        "doelgroep": _names(registry.doelgroepen, document.doelgroepen),
        "archetype": _archetype(selection, document),
        **_praktijk_filters(selection, document),
        "bewijsniveau": [BEWIJSNIVEAU[b] for b in [document.bewijsniveau] if b in BEWIJSNIVEAU],
    }
    return {key: list(dict.fromkeys(values[key])) for key in FILTERS}  # unique, in order


def _archetype(selection: Selection, document: Record) -> list[str]:
    """A praktijk's archetype by its title, only when this audience sees that archetype."""
    archetype_id = getattr(document, "archetype", None)
    title = _archetype_titles(selection).get(archetype_id) if archetype_id else None
    return [title] if title else []


# (the selection's visible tuple, {archetype id: title}) of the last call
_TITLES: list = [None, {}]


def _archetype_titles(selection: Selection) -> dict[str, str]:
    """The visible archetypes' titles by id, computed once per selection (not once per page)."""
    if _TITLES[0] is not selection.visible:
        _TITLES[:] = [selection.visible, {a.id: a.titel for a in selection.by_kind("archetype")}]
    return _TITLES[1]


def _praktijk_filters(selection: Selection, document: Record) -> dict[str, list[str]]:
    """The filters only a praktijk has values for."""
    keys = (
        "organisatie",
        "gemeente",
        "startperiode",
        "projectstatus",
        "richting",
        "meetontwerp",
        "kosten",
    )
    if not isinstance(document, Praktijk):
        return dict.fromkeys(keys, [])
    organisation = selection.registry.organisaties.get(document.organisatie)
    return {
        "organisatie": [organisation.naam] if organisation else [],
        "gemeente": [document.gemeente],
        "startperiode": [start_period(document.startjaar)],
        "projectstatus": [PROJECTSTATUS[document.projectstatus]],
        "richting": [RICHTING[r.richting] for r in document.resultaten],
        "meetontwerp": [MEETONTWERP[m] for m in [document.meetontwerp] if m],
        "kosten": [band(document)],
    }


def effect_result_values(selection: Selection, document: Record) -> list[str]:
    """The values of the EFFECT_RESULT filter: 'Minder eenzaamheid: Nog onbekend' per result of an
    intended effect (unique, in the order of the results)."""
    if not isinstance(document, Praktijk):
        return []
    effects, intended = selection.registry.effecten, set(document.beoogde_effecten)
    return list(
        dict.fromkeys(
            effects[r.effect].naam + EFFECT_RESULT_SEPARATOR + RICHTING[r.richting]
            for r in document.resultaten
            if r.effect in intended and r.effect in effects
        )
    )


def sort_values(document: Record) -> dict[str, str]:
    date = document.updated
    return {
        "nieuwste": date.isoformat() if date else NO_DATE,
        "volledigheid": str(completeness(document.document).score),
    }


def meta_values(document: Record, filters: dict[str, list[str]]) -> dict[str, str]:
    """What a result card shows: title, organisation, gemeente, themes, evidence level, kind, a
    praktijk's cost per unit ('€ 474 per deelnemer') and its results summed up (its result per effect
    comes from the EFFECT_RESULT filter)."""
    return {
        "title": document.titel,
        "organisatie": ", ".join(filters["organisatie"]),
        "gemeente": ", ".join(filters["gemeente"]),
        "themas": ", ".join(filters["thema"]),
        "bewijsniveau": ", ".join(filters["bewijsniveau"]),
        "soort": SOORT[document.kind],
        "kosten": cost_text(document) if isinstance(document, Praktijk) else "",
        "resultaten": results_summary(document.resultaten)
        if isinstance(document, Praktijk)
        else "",
    }


def search_tags(selection: Selection, document: Record) -> str:
    """One line of raw HTML for the page: hidden, empty elements that carry the search fields."""
    filters = filter_values(selection, document)
    tags = [_tag("filter", key, value) for key in FILTERS for value in filters[key]]
    tags += [_tag("filter", EFFECT_RESULT, v) for v in effect_result_values(selection, document)]
    tags += [_tag("sort", key, value) for key, value in sort_values(document).items()]
    tags += [
        _tag("meta", key, value) for key, value in meta_values(document, filters).items() if value
    ]
    tags.append(_tag("meta", *BROWSE))
    words = synonyms(selection.registry, document.themas, document.beoogde_effecten)
    if words:
        tags.append(_tag("meta", SYNONYMS, " · ".join(words)))
    return '<div class="wwidw-zoekgegevens" hidden>' + "".join(tags) + "</div>"


def _tag(kind: str, key: str, value: str) -> str:
    return f'<span data-pagefind-{kind}="{key}[data-w]" data-w="{esc(value)}"></span>'


def index_site(site_dir: Path) -> tuple[bool, str]:
    """Run Pagefind over a built site into ``<site_dir>/pagefind/``; (ok, log)."""
    return start_index(site_dir).wait()


class Indexing:
    """A Pagefind run in the background (the build audits the rest of the site meanwhile)."""

    def __init__(
        self,
        site_dir: Path,
        process: subprocess.Popen | None,
        outcome: tuple[bool, str] = (True, ""),
    ):
        self.site_dir, self.process, self.outcome = Path(site_dir), process, outcome

    def wait(self) -> tuple[bool, str]:
        if self.process is None:
            return self.outcome
        try:
            output, _ = self.process.communicate(timeout=600)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.communicate()
            return False, "pagefind kon niet draaien: duurde langer dan 600 seconden"
        log = (output or "").strip()
        if self.process.returncode != 0:
            return False, log or f"pagefind stopte met code {self.process.returncode}"
        if not (self.site_dir / BUNDLE / "pagefind.js").is_file():
            return False, (log + "\n" if log else "") + "pagefind schreef geen zoekindex"
        for name in UNUSED:
            (self.site_dir / BUNDLE / name).unlink(missing_ok=True)
        return True, log


def start_index(site_dir: Path) -> Indexing:
    """Start Pagefind over a built site, into ``<site_dir>/pagefind/``; ``.wait()`` gives (ok, log).

    Only description pages are read (``--glob``): every other page lacks ``data-pagefind-body``.
    Without a single description page there is nothing to index, and Pagefind would then index every
    page (its data-pagefind-body rule only applies once some page has the attribute): no index is
    written, and the Zoeken page says that searching is not available."""
    if not Path(site_dir).is_dir():
        return Indexing(site_dir, None, (False, f"pagefind: map {site_dir} bestaat niet"))
    if not _has_description_pages(Path(site_dir)):
        return Indexing(site_dir, None, (True, "geen beschrijvingen: geen zoekindex"))
    binary = pagefind_binary()
    if binary is None or not binary.is_file():
        missing = MISSING if binary is None else f"{MISSING_AT} {binary}"
        return Indexing(site_dir, None, (False, missing))
    command = [
        str(binary),
        "--site",
        str(site_dir),
        "--output-subdir",
        BUNDLE,
        "--glob",
        DESCRIPTION_PAGES,
        "--quiet",
    ]
    try:
        process = subprocess.Popen(  # dies with the build that starts it
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            **lifeline.popen_options(),
        )
    except OSError as error:
        return Indexing(site_dir, None, (False, f"pagefind kon niet draaien: {error}"))
    return Indexing(site_dir, process)


def pagefind_binary() -> Path | None:
    """The Pagefind executable: ``$PAGEFIND_BINARY_PATH``, else the one npm installed for this platform
    (``node_modules/@pagefind/<platform>-<cpu>/bin/``); None when there is none. Run directly, not through
    npm's node wrapper: a wrapper killed on the time-out would leave Pagefind itself running."""
    if os.environ.get(BINARY_ENV):
        return Path(os.environ[BINARY_ENV])
    for name in BINARY_NAMES:
        found = sorted((NODE_MODULES / "@pagefind").glob(f"*/bin/{name}"))
        if found:
            return found[0]
    return None


def _has_description_pages(site: Path) -> bool:
    pages = (p for folder in urls.FOLDERS for p in (site / folder).glob("*/index.html"))
    return any(
        "data-pagefind-body" in p.read_text(encoding="utf-8", errors="replace") for p in pages
    )


def search_page() -> str:
    """The Markdown body of the Zoeken page: a heading, an intro and the search interface, which
    theme/assets/zoeken.js brings to life (it loads this audience's pagefind/pagefind.js)."""
    facets = "".join(_facet(key, legend) for key, legend in FILTERS.items())
    return "\n".join(
        [
            "# Zoeken",
            "",
            "Zoek in alle praktijken en archetypen. Verfijn met de filters; de link in de adresbalk bewaart uw "
            "zoekopdracht, zodat u die kunt delen of later terugvinden.",
            "",
            f'<div class="wwidw-zoeken" id="wwidw-zoeken" data-bladeren="{BROWSE[1]}"{_effect_result_data()}>'
            '<form class="wwidw-zoekbalk" role="search" aria-label="Zoeken en filteren" id="wwidw-zoekformulier" '
            'method="get">'
            '<label for="wwidw-zoekterm">Zoekterm</label>'
            '<div class="wwidw-zoekbalk__invoer"><input type="search" id="wwidw-zoekterm" name="q" autocomplete="off" '
            'enterkeyhint="search" placeholder="Bijvoorbeeld: huurachterstanden">'
            '<button type="submit" class="md-button md-button--primary">Zoeken</button></div>'
            '<label for="wwidw-sortering">Sorteren op</label>'
            '<select id="wwidw-sortering" name="sortering"><option value="">Relevantie</option>'
            + "".join(f'<option value="{s}">{s.capitalize()}</option>' for s in SORTS)
            + "</select></form>"
            '<div class="wwidw-zoeken__kolommen">'
            '<details class="wwidw-facetten" id="wwidw-facetten" open><summary>Filters '
            '<span class="wwidw-facetten__aantal" id="wwidw-filteraantal"></span></summary>'
            '<button type="button" class="wwidw-wissen" id="wwidw-wissen" hidden>Alle filters wissen</button>'
            f"{facets}</details>"
            '<section class="wwidw-resultaten" aria-labelledby="wwidw-resultaten-kop">'
            '<h2 id="wwidw-resultaten-kop" class="wwidw-sr">Resultaten</h2>'
            '<p class="wwidw-zoekstatus" id="wwidw-zoekstatus" role="status" aria-live="polite" aria-atomic="true">'
            "Zoeken is nog niet geladen.</p>"
            '<ol class="wwidw-resultatenlijst" id="wwidw-resultatenlijst"></ol>'
            '<button type="button" class="md-button" id="wwidw-meer" hidden>Meer resultaten tonen</button>'
            "</section></div>"
            "<noscript><p>Zoeken werkt alleen met JavaScript. Zonder JavaScript kunt u bladeren via de thema's, "
            "effecten, archetypen, organisaties en gemeenten in het menu.</p></noscript>"
            "</div>",
            "",
        ]
    )


def _effect_result_data() -> str:
    """What zoeken.js needs to tie a direction to an effect and to show a result per effect: the
    filter's name and separator, the directions (label -> the id its badge's colour class takes) and
    the words for a praktijk without a result for the chosen effect."""
    directions = {label: richting for richting, label in RICHTING.items()}
    return (
        f' data-effectfilter="{EFFECT_RESULT}"'
        f' data-effectscheiding="{html.escape(EFFECT_RESULT_SEPARATOR, quote=True)}"'
        f' data-richtingen="{attr(json.dumps(directions, ensure_ascii=False))}"'
        f' data-geenresultaat="{attr(NO_RESULT_FOR_EFFECT)}"'
    )


def _facet(key: str, legend: str) -> str:
    order = ""
    if key in ORDERED:
        order = (
            f' data-volgorde="{attr(json.dumps(list(ORDERED[key].values()), ensure_ascii=False))}"'
        )
    return (
        f'<details class="wwidw-facet" data-facet="{key}"{order}><summary>{legend} '
        f'<span class="wwidw-facet__aantal"></span></summary><fieldset><legend class="wwidw-sr">{legend}</legend>'
        '<ul class="wwidw-facet__waarden"></ul></fieldset></details>'
    )
