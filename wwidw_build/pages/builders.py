"""Page builders: Markdown for the generated docs tree, from one audience's selection only.

Every contributor string passes through ``esc`` (or ``attr`` for page meta); description bodies
arrive already sanitized from ``body_render``.
"""

from __future__ import annotations

from collections import Counter

import yaml

from wwidw_build import urls
from wwidw_build.audience import show_contact
from wwidw_build.checks.completeness import completeness
from wwidw_build.costs import REACH_UNITS, cost_text, reach_text, unit
from wwidw_build.effect_results import (
    NO_RESULT,
    NO_RESULT_FOR_EFFECT,
    NO_RESULTS,
    context_effects,
    count_label,
    direction_counts,
    directions_for,
    summary_head,
)
from wwidw_build.labels import BEWIJSNIVEAU, PROJECTSTATUS, RICHTING, ZICHTBAARHEID
from wwidw_build.numbers import count, euro, value_text
from wwidw_build.numbers import number as dutch_number
from wwidw_build.pages import evidence_svg
from wwidw_build.pages.body_render import RenderedBody, resolve_internal_links, section_heading
from wwidw_build.pages.escape import attr, esc
from wwidw_build.pages.evidence_view import (
    build_date,
    claim_text,
    dutch_date,
    effect_size_text,
    evidence_facts,
    follow_up_text,
    history,
)
from wwidw_build.pages.json_ld import description_json_ld
from wwidw_build.records import Archetype, Praktijk, Record, Result
from wwidw_build.search.site import search_tags
from wwidw_build.selection import Selection

PAGE_SIZE = 50
EXAMPLES_ON_PAGE = 10  # praktijkvoorbeelden listed on an archetype page itself
# What a list about effects shows per praktijk (the intro of such a list says so).
EFFECT_INTRO = "Bij elke praktijk staat het resultaat voor dit effect."
DOMAIN_INTRO = "Bij elke praktijk staan de resultaten voor de effecten uit dit domein."
EXAMPLES_INTRO = (
    "Bij elk praktijkvoorbeeld staan de resultaten voor de beoogde effecten van dit archetype."
)


PAGE_KINDS = ("praktijk", "archetype", "zoeken")  # the only values of the page meta key `soort`
# The facts table of a praktijk has a visible header (a header row that looks empty puzzles a reader,
# and a screen reader needs the names); the search index skips it, so no praktijk is found by these
# two words.
FACTS_HEADER = (
    "| <span data-pagefind-ignore>Kenmerk</span> | <span data-pagefind-ignore>Gegevens</span> |"
)


def meta_block(title: str, description: str = "", soort: str = "", json_ld: str = "") -> str:
    """Front matter for a generated page: only allow-listed keys, values escaped by us; `soort` (which
    the theme reads to mark a page for the search index) is a fixed value from our code, never text;
    `json_ld` is script-safe JSON from ``json_ld.script_json`` (the theme puts it in the head)."""
    meta = {"title": attr(title)}
    if description:
        meta["description"] = attr(description)
    if soort:
        if soort not in PAGE_KINDS:
            raise ValueError(f"unknown page kind {soort!r}")
        meta["soort"] = soort
    if json_ld:
        meta["wwidw_jsonld"] = json_ld
    return "---\n" + yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, width=10_000) + "---\n"


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter when PyYAML has it


def link(depth: int, folder: str, page: str, text: str) -> str:
    """A Markdown link to a generated page; the link text is escaped contributor text."""
    return f"[{esc(text)}]({'../' * depth}{folder}/{page}.md)"


def doc_link(depth: int, document: Record) -> str:
    return link(depth, urls.folder(document.kind), document.id, document.titel)


def badge(richting: str, text: str | None = None) -> str:
    """A coloured label of a result direction; ``text`` defaults to the direction's Dutch label."""
    label = RICHTING.get(richting, richting) if text is None else text
    return f'<span class="wwidw-badge wwidw-{esc(richting)}">{esc(label)}</span>'


def names(selection: Selection, key: str, ids, depth: int, folder: str) -> str:
    table = {
        "themas": selection.registry.themas,
        "doelgroepen": selection.registry.doelgroepen,
        "effecten": selection.registry.effecten,
    }[key]
    return ", ".join(link(depth, folder, i, table[i].naam) for i in ids if i in table) or "—"


def summary_line(
    selection: Selection, document: Record, depth: int, effects: tuple[str, ...] = ()
) -> str:
    """One line of a list: the description's link and its facts. A praktijk's results are those for
    ``effects`` when the list is about effects (an effect, a domain, an archetype), else a summary of
    all of them: one result never stands for the whole praktijk."""
    parts = [doc_link(depth, document)]
    if isinstance(document, Praktijk):
        organisation = selection.registry.organisaties.get(document.organisatie)
        parts.append(esc(organisation.naam if organisation else document.organisatie))
        parts.append(esc(document.gemeente))
        parts.append(esc(cost_text(document)))
        parts.append(results_label(selection, document, effects))
    else:
        parts.append("archetype · " + esc(BEWIJSNIVEAU.get(document.bewijsniveau, "")))
    return "- " + " · ".join(p for p in parts if p)


def results_label(selection: Selection, document: Praktijk, effects: tuple[str, ...] = ()) -> str:
    """A praktijk's results in a list: for the one effect of the page (its badge, or 'geen resultaat
    voor dit effect'); for each of several effects that concern it ('Minder eenzaamheid: <badge>');
    or, without effects, all of them counted per direction."""
    if not effects:
        return results_summary(document)
    if len(effects) == 1:
        shown = effect_result(document, effects[0])
    else:
        shown = "; ".join(
            f"{esc(_plain_effect_name(selection, e))}: {effect_result(document, e, NO_RESULT)}"
            for e in context_effects(document, effects)
        ) or _no_result(f"{NO_RESULT} voor deze effecten")
    return f'<span class="wwidw-effectresultaat">{shown}</span>'


def _plain_effect_name(selection: Selection, effect_id: str) -> str:
    effect = selection.registry.effecten.get(effect_id)
    return effect.naam if effect else effect_id


def effect_result(document: Praktijk, effect_id: str, missing: str = NO_RESULT_FOR_EFFECT) -> str:
    """The badge(s) of a praktijk's result for one effect, or ``missing`` in words without one."""
    directions = directions_for(document, effect_id)
    return " · ".join(badge(r) for r in directions) if directions else _no_result(missing)


def results_summary(document: Praktijk) -> str:
    """All results of a praktijk, counted per direction: '3 effecten: <1 werkt> · <2 gemengd>'."""
    results = document.resultaten
    if not results:
        return f'<span class="wwidw-resultaatoverzicht">{_no_result(NO_RESULTS)}</span>'
    counts = " · ".join(
        badge(richting, count_label(richting, n)) for richting, n in direction_counts(results)
    )
    return f'<span class="wwidw-resultaatoverzicht">{esc(summary_head(results))}: {counts}</span>'


def _no_result(text: str) -> str:
    return f'<span class="wwidw-geen-resultaat">{esc(text)}</span>'


def paginate(items: list, size: int = PAGE_SIZE) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def list_pages(
    selection: Selection,
    folder: str,
    page: str,
    title: str,
    intro: str,
    documents: list[Record],
    effects: tuple[str, ...] = (),
) -> dict[str, str]:
    """A list of descriptions, split over pages of PAGE_SIZE: <page>.md, <page>--2.md, ...; a list
    about ``effects`` shows each praktijk's results for those (``summary_line``)."""
    chunks = paginate(sorted(documents, key=lambda d: d.titel.lower()))
    out = {}
    for number, chunk in enumerate(chunks, 1):
        name = urls.continuation_page(page, number)
        lines = [
            meta_block(title),
            f"# {esc(title)}",
            "",
            intro,
            "",
            count(len(documents), "beschrijving", "beschrijvingen") + ".",
            "",
        ]
        lines += [summary_line(selection, d, 1, effects) for d in chunk]
        nav = []
        if number > 1:
            nav.append(f"[← vorige]({urls.continuation_page(page, number - 1)}.md)")
        if number < len(chunks):
            nav.append(f"[volgende →]({urls.continuation_page(page, number + 1)}.md)")
        if nav:
            lines += ["", f"Pagina {number} van {len(chunks)}: " + " · ".join(nav)]
        out[f"{folder}/{name}.md"] = "\n".join(lines) + "\n"
    return out


def body_sections(rendered: RenderedBody, url_for) -> list[str]:
    lines = []
    for title, fragment in rendered.sections:
        if title:
            lines += [section_heading(title), ""]
        lines += [
            '<div class="wwidw-tekst">',
            resolve_internal_links(fragment, url_for),
            "</div>",
            "",
        ]
    return lines


def _heading(selection: Selection, document: Record) -> list[str]:
    """The page meta, the title, the visibility badge and the samenvatting of a description page."""
    return [
        meta_block(
            document.titel,
            document.samenvatting,
            document.kind,
            description_json_ld(selection, document),
        ),
        f"# {esc(document.titel)}",
        "",
        *visibility_badge(selection, document),
        f"*{esc(document.samenvatting)}*",
        "",
    ]


def visibility_badge(selection: Selection, document: Record) -> list[str]:
    """Who may read this description, on a partner or organisation site (staff must see what they may
    pass on); the public site shows none, everything there is public. In words, not colour alone; left
    out of the search index."""
    if selection.audience.is_public:
        return []
    level = document.zichtbaarheid
    return [
        f'<p class="wwidw-zichtbaarheid wwidw-zichtbaarheid-{esc(level)}" data-pagefind-ignore>'
        f"Zichtbaarheid: <strong>{esc(ZICHTBAARHEID.get(level, level))}</strong></p>",
        "",
    ]


def praktijk_page(selection: Selection, document: Praktijk, rendered: RenderedBody, url_for) -> str:
    lines = [*_heading(selection, document), FACTS_HEADER, "| --- | --- |"]
    lines += [f"| {label} | {value} |" for label, value in _facts(selection, document)]
    results = _results(selection, document.resultaten)
    results[2:2] = [evidence_svg.praktijk_figure(selection, document), ""] if results else []
    lines += [
        "",
        *results,
        *_unintended(selection, document.niet_beoogde_effecten),
        *body_sections(rendered, url_for),
    ]
    lines += _archetype_section(selection, document.archetype)
    lines += history(document.geschiedenis)
    lines += ["", search_tags(selection, document), ""]
    return "\n".join(lines) + "\n"


def _facts(selection: Selection, document: Praktijk) -> list[tuple[str, str]]:
    """The rows of a praktijk's facts table: (label, Markdown value)."""
    d, organisation = document, selection.registry.organisaties.get(document.organisatie)
    place = esc(d.gemeente) + (f", {esc(d.wijk)}" if d.wijk else "")
    period = f"{d.startjaar}–{d.eindjaar}" if d.eindjaar else f"sinds {d.startjaar}"
    rows = [
        (
            "Organisatie",
            link(1, "organisaties", organisation.id, organisation.naam) if organisation else "—",
        ),
        ("Gemeente en wijk", place),
        ("Periode", esc(period)),
        ("Projectstatus", esc(PROJECTSTATUS.get(d.projectstatus, ""))),
        ("Thema's", names(selection, "themas", d.themas, 1, "themas")),
        ("Doelgroepen", names(selection, "doelgroepen", d.doelgroepen, 1, "doelgroepen")),
        ("Beoogde effecten", names(selection, "effecten", d.beoogde_effecten, 1, "effecten")),
        *evidence_facts(d, build_date()),
        ("Bereik", esc(reach_text(d)) or "—"),
        ("Kosten", _costs(d)),
        ("Partners", _partners(selection, d.partners)),
        ("Auteurs", _people(d.auteurs)),
        ("Laatst bijgewerkt", esc(dutch_date(d.laatst_bijgewerkt)) if d.laatst_bijgewerkt else "—"),
        ("Volledigheid", f"{completeness(d.document).score} / 100"),
    ]
    if show_contact(selection.audience, d):
        email = f" · {mail_link(d.contact.email)}" if d.contact.email else ""
        rows.append(("Contact", esc(d.contact.naam) + email))
    return rows


def mail_link(address: str) -> str:
    """A contact address as a mailto link; address and text entity-encoded like all contributor text
    (safe in the attribute and in a Markdown table cell)."""
    return f'<a href="mailto:{esc(address)}">{esc(address)}</a>'


def _people(people) -> str:
    return ", ".join(esc(p) for p in people) or "—"


def _partners(selection: Selection, partners) -> str:
    """A praktijk's partners: an organisation of the register links to its page, a free name is text."""
    organisations = selection.registry.organisaties
    return (
        ", ".join(
            link(1, "organisaties", p, organisations[p].naam) if p in organisations else esc(p)
            for p in partners
        )
        or "—"
    )


def _costs(document: Praktijk) -> str:
    """'€ 38.000 totaal; € 593,75 per huishouden; financiering: gemeente'."""
    costs = document.kosten
    if costs is None:
        return "—"
    parts = []
    if costs.totaal_eur is not None:
        parts.append(euro(costs.totaal_eur) + " totaal")
    if costs.per_deelnemer_eur is not None:
        parts.append(cost_text(document))
    if costs.financiering:
        parts.append("financiering: " + ", ".join(costs.financiering))
    return esc("; ".join(parts)) if parts else "—"


def _results(selection: Selection, results: tuple[Result, ...]) -> list[str]:
    """The results table: per effect its direction, what the writers explain about it (toelichting,
    effect size, follow-up measurement) and the measurements, in one row; the explanation comes
    third, so a phone shows it next to the effect (the table scrolls sideways for the rest)."""
    if not results:
        return []
    lines = [
        "## Resultaten per effect",
        "",
        "| Effect | Resultaat | Toelichting | Indicator | Nulmeting | Eindmeting |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    today = build_date()
    for result in results:
        name = _effect_name(selection, result.effect)
        cells = [
            esc("—" if value is None else value_text(value))
            for value in (result.indicator, result.nulmeting, result.eindmeting)
        ]
        parts = [esc(result.toelichting)] if result.toelichting else []
        if result.effectgrootte:
            parts.append(effect_size_text(result.effectgrootte))
        if result.nameting:
            parts.append(follow_up_text(result.nameting, today))
        note = "<br>".join(parts) or "—"
        lines.append(f"| {name} | {badge(result.richting)} | {note} | " + " | ".join(cells) + " |")
    return lines + [""]


def _effect_name(selection: Selection, effect_id: str) -> str:
    effect = selection.registry.effecten.get(effect_id)
    return link(1, "effecten", effect.id, effect.naam) if effect else esc(effect_id)


def _unintended(selection: Selection, results: tuple[Result, ...]) -> list[str]:
    """'Niet-beoogde effecten': what changed that was not the aim, in its own place."""
    if not results:
        return []
    lines = [
        "## Niet-beoogde effecten",
        "",
        "Effecten die niet de bedoeling waren, maar wel zijn gemeten of gezien.",
        "",
        "| Effect | Richting | Toelichting | Indicator |",
        "| --- | --- | --- | --- |",
    ]
    for result in results:
        indicator = esc(result.indicator or "—")
        name = _effect_name(selection, result.effect)
        note = esc(result.toelichting or "—")
        lines.append(f"| {name} | {badge(result.richting)} | {note} | {indicator} |")
    return lines + [""]


def _archetype_section(selection: Selection, archetype_id: str | None) -> list[str]:
    if not archetype_id:
        return []
    archetype = selection.find("archetype", archetype_id)
    if archetype is None:
        return [
            "## Archetype",
            "",
            "Deze praktijk hoort bij een archetype dat hier niet zichtbaar is.",
            "",
        ]
    return [
        "## Archetype",
        "",
        f"Deze praktijk is een voorbeeld van {doc_link(1, archetype)}.",
        "",
        f"> {esc(archetype.samenvatting)}",
        "",
    ]


def archetype_page(
    selection: Selection, document: Archetype, rendered: RenderedBody, url_for
) -> str:
    lines = [
        *_heading(selection, document),
        f"**Bewijsniveau:** {claim_text(document, build_date())}",
        "",
    ]
    if document.synoniemen:
        lines += ["**Ook bekend als:** " + ", ".join(esc(s) for s in document.synoniemen), ""]
    lines += [
        "**Thema's:** " + names(selection, "themas", document.themas, 1, "themas"),
        "",
        "**Doelgroepen:** "
        + names(selection, "doelgroepen", document.doelgroepen, 1, "doelgroepen"),
        "",
        "**Kostenindicatie:** " + esc(document.kostenindicatie or "—"),
        "",
        "**Auteurs (experts):** " + _people(document.auteurs),
        "",
        "**Laatst herzien:** " + esc(dutch_date(document.laatst_herzien)),
        "",
        "## Werkzame bestanddelen in het kort",
        "",
    ]
    lines += [f"- **{esc(b.naam)}**: {esc(b.onderbouwing)}" for b in document.werkzame_bestanddelen]
    lines += ["", *body_sections(rendered, url_for), *_practice(selection, document)]
    lines += _related(selection, document.verwante_archetypen)
    lines += _sources(document)
    lines += history(document.geschiedenis)
    lines += ["", search_tags(selection, document), ""]
    return "\n".join(lines) + "\n"


def _related(selection: Selection, related: tuple[str, ...]) -> list[str]:
    """'Verwante archetypen': a link to each one this audience sees; one it does not see is named
    only as such, without its title (its title is not for this audience)."""
    if not related:
        return []
    lines = ["## Verwante archetypen", ""]
    hidden = 0
    for archetype_id in related:
        archetype = selection.find("archetype", archetype_id)
        if archetype is None:
            hidden += 1
        else:
            # Another description's words: not this page's in the site search (as in `wwidw search`)
            lines.append(
                f"- <span data-pagefind-ignore>{doc_link(1, archetype)}: "
                f"{esc(archetype.samenvatting)}</span>"
            )
    if hidden:
        lines.append(
            "- Een verwant archetype dat hier niet zichtbaar is."
            if hidden == 1
            else f"- {hidden} verwante archetypen die hier niet zichtbaar zijn."
        )
    return lines + [""]


def _sources(document: Archetype) -> list[str]:
    if not document.bronnen:
        return []
    lines = ["## Bronnen", ""]
    for source in document.bronnen:
        text = esc(source.titel) + (f" ({esc(source.jaar)})" if source.jaar else "")
        url = source.url or ""
        lines.append(
            f'- <a href="{attr(url)}" rel="noopener noreferrer">{text}</a>'
            if url.startswith(("http://", "https://"))
            else f"- {text}"
        )
    return lines + [""]


def _practice(selection: Selection, archetype: Archetype) -> list[str]:
    """Generated 'Praktijkvoorbeelden': visible praktijken of this archetype and the evidence per effect."""
    examples = [d for d in selection.by_kind("praktijk") if d.archetype == archetype.id]
    lines = ["## Praktijkvoorbeelden", ""]
    if not examples:
        return lines + ["Er zijn hier nog geen praktijkvoorbeelden van dit archetype.", ""]
    shown = sorted(examples, key=lambda d: d.titel.lower())[:EXAMPLES_ON_PAGE]
    effects = tuple(archetype.beoogde_effecten)
    if effects:
        lines += [EXAMPLES_INTRO, ""]
    lines += [summary_line(selection, d, 1, effects) for d in shown] + [""]
    lines += _practice_costs(shown, len(examples))
    if len(examples) > EXAMPLES_ON_PAGE:  # the full list has its own paginated pages
        lines += [
            f"Alle {len(examples)} praktijkvoorbeelden: "
            + link(1, "praktijkvoorbeelden", archetype.id, archetype.titel),
            "",
        ]
    lines += [
        evidence_svg.archetype_figure(selection, archetype),
        "",
        "Wat de praktijkvoorbeelden per beoogd effect melden (aantal resultaten per richting; een "
        "praktijk kan per effect meer dan één resultaat melden):",
        "",
        "| Effect | " + " | ".join(RICHTING.values()) + " |",
        "| --- |" + " --- |" * len(RICHTING),
    ]
    for effect_id in archetype.beoogde_effecten:
        counts = Counter(
            r.richting for d in examples for r in d.resultaten if r.effect == effect_id
        )
        effect = selection.registry.effecten.get(effect_id)
        label = link(1, "effecten", effect_id, effect.naam) if effect else esc(effect_id)
        lines.append(
            f"| {label} | " + " | ".join(dutch_number(counts.get(r, 0)) for r in RICHTING) + " |"
        )
    return lines + [""]


def _practice_costs(examples: list[Praktijk], total: int) -> list[str]:
    """'Kosten van de praktijkvoorbeelden': the cost per unit of the listed (visible) praktijken side
    by side, grouped by unit (a cost per woning is not a cost per deelnemer), cheapest first; those
    without a cost per unit last. When the page lists only some of the ``total`` praktijkvoorbeelden,
    the table says so: its rows and its count of unknown costs are of the listed ones only."""
    known = [d for d in examples if d.kosten and d.kosten.per_deelnemer_eur is not None]
    if not known:
        return []
    units = list(REACH_UNITS)
    known.sort(key=lambda d: (units.index(unit(d)), d.kosten.per_deelnemer_eur, d.titel.lower()))
    partial = total > len(examples)
    scope = (
        f" Dit zijn de kosten van de {dutch_number(len(examples))} praktijkvoorbeelden hierboven, van "
        f"{dutch_number(total)} in totaal."
        if partial
        else ""
    )
    lines = [
        "### Kosten van de praktijkvoorbeelden",
        "",
        "Kosten per deelnemer, huishouden of woning, zoals de praktijken ze melden; vergelijk alleen "
        "bedragen met dezelfde eenheid." + scope,
        "",
        "| Praktijk | Kosten | Bereik |",
        "| --- | --- | --- |",
    ]
    lines += [
        f"| {doc_link(1, d)} | {esc(cost_text(d))} | {esc(reach_text(d)) or '—'} |" for d in known
    ]
    unknown = len(examples) - len(known)
    if unknown:
        which = count(unknown, "praktijkvoorbeeld", "praktijkvoorbeelden")
        where = " hierboven" if partial else ""
        lines += [
            "",
            f"Van {which}{where} zijn geen kosten per deelnemer, huishouden of woning bekend.",
        ]
    return lines + [""]
