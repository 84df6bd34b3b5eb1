"""Generate stage: a fresh docs tree and mkdocs config for one audience's selection."""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from operator import attrgetter
from pathlib import Path

import yaml

from wwidw_build import urls
from wwidw_build.costs import BANDS, REACH_UNITS, UNKNOWN
from wwidw_build.labels import BEWIJSNIVEAU, ZICHTBAARHEID, audience_label, site_marker
from wwidw_build.numbers import count, euro
from wwidw_build.pages.body_render import PAGE_PREFIX, RenderedBody
from wwidw_build.pages.builders import (
    DOMAIN_INTRO,
    EFFECT_INTRO,
    EXAMPLES_INTRO,
    EXAMPLES_ON_PAGE,
    archetype_page,
    link,
    list_pages,
    meta_block,
    praktijk_page,
    summary_line,
)
from wwidw_build.pages.escape import esc
from wwidw_build.pages.evidence_svg import effect_figure
from wwidw_build.pages.knowledge_matrix import matrix_pages
from wwidw_build.pages.overviews import overview_pages
from wwidw_build.pages.site_pages import MEEDOEN, has_page, page_file, site_pages
from wwidw_build.records import Record
from wwidw_build.resources import BASE_CONFIG, THEME
from wwidw_build.search.site import search_page
from wwidw_build.selection import Selection

slug = urls.page_name  # the page of a gemeente


class _Pages(dict):
    """Generated pages by path, each written once: a second page at a path would silently replace the
    first (as a gemeente named 'Index' once replaced the list of gemeenten), so that is a bug."""

    def __setitem__(self, path: str, text: str) -> None:
        if path in self:
            raise ValueError(f"two generated pages at {path}")
        super().__setitem__(path, text)

    def update(self, pages=(), /, **more) -> None:
        for path, text in dict(pages, **more).items():
            self[path] = text


def url_resolver(selection: Selection):
    visible = {(d.kind, d.id) for d in selection.visible}

    def url_for(kind: str, doc_id: str) -> str | None:
        return PAGE_PREFIX + urls.page_url(kind, doc_id) if (kind, doc_id) in visible else None

    return url_for


def generate_pages(
    selection: Selection, bodies: dict[tuple[str, str], RenderedBody]
) -> dict[str, str]:
    """All pages as {relative path: Markdown}, computed from the selection alone."""
    url_for = url_resolver(selection)
    pages: dict[str, str] = _Pages()
    for document in selection.visible:
        build = praktijk_page if document.kind == "praktijk" else archetype_page
        pages[urls.page_file(document.kind, document.id)] = build(
            selection, document, bodies[(document.kind, document.id)], url_for
        )
    pages.update(_taxonomy_pages(selection))
    pages.update(overview_pages(selection))
    pages.update(site_pages(selection, url_for))
    pages["index.md"] = _home(selection)
    pages["over.md"] = _about(selection)
    pages.update(matrix_pages(selection))
    pages["zoeken.md"] = (
        meta_block("Zoeken", "Zoek in alle praktijken en archetypen.", "zoeken") + search_page()
    )
    return {path: finalize_links(path, text) for path, text in pages.items()}


_MD_LINK = re.compile(r"\]\(([a-z0-9./-]+?\.md)(#[^)\s]*)?\)")


def output_dir(page: str) -> str:
    """The folder mkdocs (use_directory_urls) writes a page to: x/y.md -> x/y, x/index.md -> x."""
    stem = page[:-3]
    return posixpath.dirname(stem) if stem == "index" or stem.endswith("/index") else stem


def finalize_links(page: str, text: str) -> str:
    """Turn links to generated .md pages into the final relative URLs.

    Pages then render the same whether or not their link targets are in the same mkdocs run,
    which lets audiences reuse each other's pages; the audit checks every internal link instead."""
    here = output_dir(page)

    def replace(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), match.group(1)))
        url = posixpath.relpath(output_dir(target), here or ".")
        url = "./" if url == "." else url + "/"
        return f"]({url}{match.group(2) or ''})"

    return _MD_LINK.sub(replace, text)


def _group(documents, values_of) -> dict[str, list[Record]]:
    """The descriptions per value of a field (``values_of`` gives a description's values)."""
    groups: dict[str, list[Record]] = defaultdict(list)
    for document in documents:
        for value in values_of(document):
            groups[value].append(document)
    return groups


def _index(
    folder: str, title: str, intro: str, entries: list[tuple[str, str, int]]
) -> dict[str, str]:
    lines = [meta_block(title), f"# {esc(title)}", "", intro, ""]
    lines += [entry_line(1, folder, page, name, n) for page, name, n in entries]
    return {f"{folder}/index.md": "\n".join(lines) + "\n"}


def entry_line(depth: int, folder: str, page: str, name: str, n: int) -> str:
    """A line of an index: a link with its count, or, without descriptions, the name as plain text
    (a link to an empty page helps no reader)."""
    if n == 0:
        return f"- {esc(name)} (nog geen beschrijvingen)"
    return f"- {link(depth, folder, page, name)} ({count(n, 'beschrijving', 'beschrijvingen')})"


def _taxonomy_pages(selection: Selection) -> dict[str, str]:
    reg, visible = selection.registry, list(selection.visible)
    praktijken = selection.by_kind("praktijk")
    pages: dict[str, str] = _Pages()
    specs = [
        ("themas", "Thema's", reg.themas, _group(visible, attrgetter("themas"))),
        ("doelgroepen", "Doelgroepen", reg.doelgroepen, _group(visible, attrgetter("doelgroepen"))),
        ("effecten", "Effecten", reg.effecten, _group(visible, attrgetter("beoogde_effecten"))),
        (
            "organisaties",
            "Organisaties",
            reg.organisaties,
            _group(praktijken, lambda d: (d.organisatie,)),
        ),
    ]
    for folder, title, table, groups in specs:
        entries = []
        for key, item in table.items():
            intro = esc(getattr(item, "omschrijving", "") or "")
            # An effect's page shows each praktijk's result for that effect.
            effects = (key,) if folder == "effecten" else ()
            if effects:
                intro = f"{intro}\n\n{EFFECT_INTRO}" if intro else EFFECT_INTRO
                intro += "\n\n" + effect_figure(selection, key)
            pages.update(
                list_pages(selection, folder, key, item.naam, intro, groups.get(key, []), effects)
            )
            entries.append((key, item.naam, len(groups.get(key, []))))
        pages.update(
            _index(
                folder, title, f"Alle {esc(title.lower())} met het aantal beschrijvingen.", entries
            )
        )
    domain_entries = []
    effect_groups = _group(visible, attrgetter("beoogde_effecten"))
    for domain in reg.domeinen.values():
        documents = {id(d): d for e in domain.effecten for d in effect_groups.get(e.id, [])}
        intro = "Effecten in dit domein: " + ", ".join(
            link(1, "effecten", e.id, e.naam) for e in domain.effecten
        )
        pages.update(
            list_pages(
                selection,
                "effectdomeinen",
                domain.id,
                domain.naam,
                f"{intro}\n\n{DOMAIN_INTRO}",
                list(documents.values()),
                tuple(e.id for e in domain.effecten),
            )
        )
        domain_entries.append((domain.id, domain.naam, len(documents)))
    pages.update(
        _index("effectdomeinen", "Effectdomeinen", "De effectordening, per domein.", domain_entries)
    )
    municipalities: dict[str, tuple[str, list[Record]]] = {}
    for name, documents in sorted(_group(praktijken, lambda d: (d.gemeente,)).items()):
        spelling, members = municipalities.setdefault(slug(name), (name, []))
        members.extend(documents)  # spellings with the same slug share one page
    for key, (name, documents) in municipalities.items():
        pages.update(list_pages(selection, "gemeenten", key, name, "", documents))
    pages.update(
        _index(
            "gemeenten",
            "Gemeenten",
            "Praktijken per gemeente.",
            sorted((k, n, len(d)) for k, (n, d) in municipalities.items()),
        )
    )
    for archetype in selection.by_kind("archetype"):
        examples = [d for d in praktijken if d.archetype == archetype.id]
        if len(examples) > EXAMPLES_ON_PAGE:
            pages.update(
                list_pages(
                    selection,
                    "praktijkvoorbeelden",
                    archetype.id,
                    f"Praktijkvoorbeelden: {archetype.titel}",
                    EXAMPLES_INTRO,
                    examples,
                    tuple(archetype.beoogde_effecten),
                )
            )
    return pages


def _home(selection: Selection) -> str:
    praktijken, archetypen = selection.by_kind("praktijk"), selection.by_kind("archetype")
    newest = sorted(praktijken, key=lambda d: (str(d.laatst_bijgewerkt or ""), d.id), reverse=True)[
        :10
    ]
    themes = _group(selection.visible, attrgetter("themas"))
    domains = selection.registry.domeinen.values()
    lines = [
        meta_block("Wat Werkt in de Wijk", "De kennisbank over wat werkt in de wijk, en wat niet."),
        "# Wat Werkt in de Wijk",
        "",
        "De kennisbank waarin wijkprofessionals van woningcorporaties, gemeenten, welzijnsorganisaties en "
        "Platform31 delen wat werkt in de wijk — en wat niet. Praktijken zijn beschreven door de professionals "
        "zelf; archetypen zijn syntheses door experts, met de werkzame bestanddelen en het bewijs.",
        "",
        f"Deze kennisbank bevat **{len(praktijken)} praktijken** en **{len(archetypen)} archetypen**. "
        f"U leest de versie voor: **{esc(audience_label(selection.audience, selection.registry))}**.",
        "",
        "## Nieuwste praktijken",
        "",
        *[summary_line(selection, d, 0) for d in newest],
        "",
        "## Zoeken op thema",
        "",
        *[
            entry_line(0, "themas", k, t.naam, len(themes.get(k, [])))
            for k, t in selection.registry.themas.items()
        ],
        "",
        "## Zoeken op effect",
        "",
        *[f"- {link(0, 'effectdomeinen', d.id, d.naam)}" for d in domains],
        "",
        "## Waar is kennis over?",
        "",
        "De [kennismatrix](kennismatrix/index.md) laat per effectdomein en archetype, en per thema en "
        "doelgroep, zien hoeveel beschrijvingen er zijn en hoeveel daarvan een effect melden dat werkt.",
        "",
        "Ook per [doelgroep](doelgroepen/index.md), [organisatie](organisaties/index.md) en "
        "[gemeente](gemeenten/index.md). Of bekijk [alle praktijken](praktijken/index.md) en "
        "[alle archetypen](archetypen/index.md). [Over de kennisbank](over.md).",
        "",
        *(
            [f"Zelf iets delen of partner worden? Lees hoe u [meedoet]({page_file(MEEDOEN)}).", ""]
            if has_page(selection, MEEDOEN)
            else []
        ),
    ]
    return "\n".join(lines)


def _about(selection: Selection) -> str:
    ladder = "\n".join(f"{i}. **{label}**" for i, label in enumerate(BEWIJSNIVEAU.values(), 1))
    levels = "\n".join(f"- **{label}**" for label in ZICHTBAARHEID.values())
    return "\n".join(
        [
            meta_block("Over de kennisbank"),
            "# Over de kennisbank",
            "",
            "Wat Werkt in de Wijk verzamelt beschrijvingen van wijkinterventies. Een "
            "**praktijk** is een lokaal project "
            "zoals het echt is uitgevoerd, ook als het niet werkte. "
            "Een **archetype** beschrijft een veelvoorkomend type "
            "interventie, met de werkzame bestanddelen en wat we weten over de effecten.",
            "",
            "## De erkenningsladder",
            "",
            "Het bewijsniveau volgt de ladder van de erkenning van interventies, van beschrijving naar bewijs:",
            "",
            ladder,
            "",
            "Bij elk resultaat staat een richting: werkt, veelbelovend, gemengd, geen effect, "
            "averechts of nog onbekend. "
            "Wat niet werkte, is net zo leerzaam als wat wel werkte.",
            "",
            "## De kennismatrix en de resultaatbalken",
            "",
            "De [kennismatrix](kennismatrix/index.md) telt per cel de beschrijvingen op deze site, en "
            "hoeveel daarvan een effect melden dat werkt: alleen de richting ‘werkt’ telt, niet "
            "‘veelbelovend’. Een getal is een link naar Zoeken met dezelfde filters; een streepje "
            "betekent dat er nog geen kennis is. Op de pagina's van praktijken, archetypen en effecten "
            "staat per effect een balk met het aantal resultaten per richting; elke richting heeft "
            "een eigen patroon, en onder elke balk staan de aantallen in woorden.",
            "",
            "## Wie ziet wat?",
            "",
            "Elke beschrijving heeft een zichtbaarheid:",
            "",
            levels,
            "",
            "De openbare site toont alleen openbare beschrijvingen. Partners en organisaties hebben een eigen, "
            "afgeschermde versie.",
            "",
            *_cost_bands(),
        ]
    )


def _cost_bands() -> list[str]:
    """The Over page's explanation of the cost filter on the Zoeken page (costs.BANDS)."""
    units = ", ".join(f"per {per}" for _, per in REACH_UNITS.values())
    rows = [
        f"| {label} | {euro(low)} | {'—' if high is None else euro(high)} |"
        for low, high, label in BANDS
    ]
    return [
        "## Kosten",
        "",
        "Bij een praktijk staan de kosten per eenheid van het bereik: per deelnemer, per huishouden of "
        "per woning, zoals de praktijk die opgeeft. Zonder eenheid gaat het om deelnemers. Op de "
        "pagina Zoeken kunt u filteren op een kostenklasse. Elke klasse noemt haar eenheid "
        f"({units}): kosten per woning zijn niet te vergelijken met kosten per deelnemer.",
        "",
        "| Kostenklasse | Vanaf | Tot (niet inbegrepen) |",
        "| --- | --- | --- |",
        *rows,
        "",
        f"Een praktijk zonder kosten per eenheid valt in de klasse **{UNKNOWN}**. Archetypen hebben "
        "geen kostenklasse: zij geven een kostenindicatie in woorden.",
        "",
    ]


def write_tree(pages: dict[str, str], docs_dir: Path) -> None:
    for relative, text in pages.items():
        path = docs_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


NAV = [
    {"Home": "index.md"},
    {"Zoeken": "zoeken.md"},
    {"Praktijken": "praktijken/index.md"},
    {"Thema's": "themas/index.md"},
    {"Effecten": "effectdomeinen/index.md"},
    {"Archetypen": "archetypen/index.md"},
    {"Kennismatrix": "kennismatrix/index.md"},
    {"Organisaties": "organisaties/index.md"},
    {"Gemeenten": "gemeenten/index.md"},
    {"Over": "over.md"},
    {"Meedoen": page_file(MEEDOEN)},  # only when the public source has that page (nav_for)
]
NAV_PAGES = frozenset(page for entry in NAV for page in entry.values())


def nav_for(selection: Selection) -> list[dict[str, str]]:
    """The navigation: NAV without the site page this selection does not have."""
    return [
        entry
        for entry in NAV
        if entry != {"Meedoen": page_file(MEEDOEN)} or has_page(selection, MEEDOEN)
    ]


def write_config(
    selection: Selection, docs_dir: Path, config_path: Path, partial: bool = False
) -> None:
    """Per-audience mkdocs config that INHERITs the base config (``resources.BASE_CONFIG``).

    The one thing of the config that differs per audience and reaches the HTML is the site marker
    (``extra.wwidw_kenmerk``, ``labels.site_marker``: "Alleen voor partners — niet doorsturen"),
    which the theme shows on every page of a partner or organisation site; the public site has
    none. Everything else (site name, theme, navigation) is the same, so a page with the same
    Markdown renders to the same HTML in every audience with the same marker; the build reuses
    such pages (``reference_build``). A ``partial`` tree holds only the pages that differ (plus the
    navigation targets): links to the reused pages cannot be checked by mkdocs, the audit checks
    every internal link of the merged site instead.
    """
    config = {
        "INHERIT": str(BASE_CONFIG),
        "docs_dir": str(docs_dir),
        "theme": {"name": "material", "custom_dir": str(THEME)},
        "nav": nav_for(selection),
    }
    marker = site_marker(selection.audience, selection.registry)
    if marker:
        config["extra"] = {"wwidw_kenmerk": marker}
    if partial:
        config["validation"] = {"links": {"not_found": "info", "anchors": "info"}}
    config_path.write_text(
        yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
