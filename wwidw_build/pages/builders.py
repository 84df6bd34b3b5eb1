"""Page builders: Markdown for the generated docs tree, from one audience's selection only.

Every contributor string passes through ``esc`` (or ``attr`` for page meta); description bodies
arrive already sanitized from ``body_render``.
"""

from __future__ import annotations

from collections import Counter

import yaml

from wwidw_build.audience import show_contact
from wwidw_build.checks.completeness import completeness
from wwidw_build.labels import BEWIJSNIVEAU, MEETONTWERP, PROJECTSTATUS, RICHTING
from wwidw_build.model import KINDS, Document
from wwidw_build.pages.body_render import RenderedBody, resolve_internal_links
from wwidw_build.pages.escape import attr, esc
from wwidw_build.search.site import search_tags
from wwidw_build.selection import Selection

PAGE_SIZE = 50
EXAMPLES_ON_PAGE = 10  # praktijkvoorbeelden listed on an archetype page itself


PAGE_KINDS = ("praktijk", "archetype", "zoeken")  # the only values of the page meta key `soort`
# The facts table of a praktijk has headers for screen readers only (an empty <th> has no name); the
# search index skips them, so no praktijk is found by these two words.
FACTS_HEADER = (
    '| <span class="wwidw-sr" data-pagefind-ignore>Kenmerk</span> '
    '| <span class="wwidw-sr" data-pagefind-ignore>Gegevens</span> |'
)


def meta_block(title: str, description: str = "", soort: str = "") -> str:
    """Front matter for a generated page: only allow-listed keys, values escaped by us; `soort` (which
    the theme reads to mark a page for the search index) is a fixed value from our code, never text."""
    meta = {"title": attr(title)}
    if description:
        meta["description"] = attr(description)
    if soort:
        if soort not in PAGE_KINDS:
            raise ValueError(f"unknown page kind {soort!r}")
        meta["soort"] = soort
    return "---\n" + yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, width=10_000) + "---\n"


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter when PyYAML has it


def link(depth: int, folder: str, page: str, text: str) -> str:
    """A Markdown link to a generated page; the link text is escaped contributor text."""
    return f"[{esc(text)}]({'../' * depth}{folder}/{page}.md)"


def doc_link(depth: int, document: Document) -> str:
    return link(depth, KINDS[document.kind], document.id, document.titel)


def badge(richting: str) -> str:
    return f'<span class="wwidw-badge wwidw-{esc(richting)}">{esc(RICHTING.get(richting, richting))}</span>'


def names(selection: Selection, key: str, ids, depth: int, folder: str) -> str:
    table = {
        "themas": selection.registry.themas,
        "doelgroepen": selection.registry.doelgroepen,
        "effecten": selection.registry.effecten,
    }[key]
    return ", ".join(link(depth, folder, i, table[i].naam) for i in ids or [] if i in table) or "—"


def summary_line(selection: Selection, document: Document, depth: int) -> str:
    parts = [doc_link(depth, document)]
    if document.kind == "praktijk":
        organisation = selection.registry.organisaties.get(document.organisatie)
        parts.append(esc(organisation.naam if organisation else document.organisatie))
        parts.append(esc(document.meta.get("gemeente", "")))
        parts += [badge(r["richting"]) for r in document.meta.get("resultaten", [])[:1]]
    else:
        parts.append("archetype · " + esc(BEWIJSNIVEAU.get(document.meta.get("bewijsniveau"), "")))
    return "- " + " · ".join(p for p in parts if p)


def paginate(items: list, size: int = PAGE_SIZE) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def list_pages(
    selection: Selection, folder: str, page: str, title: str, intro: str, documents: list[Document]
) -> dict[str, str]:
    """A list of descriptions, split over pages of PAGE_SIZE: <page>.md, <page>--2.md, ..."""
    chunks = paginate(sorted(documents, key=lambda d: d.titel.lower()))
    out = {}
    for number, chunk in enumerate(chunks, 1):
        name = page if number == 1 else f"{page}--{number}"
        lines = [
            meta_block(title),
            f"# {esc(title)}",
            "",
            intro,
            "",
            f"{len(documents)} beschrijving(en).",
            "",
        ]
        lines += [summary_line(selection, d, 1) for d in chunk]
        nav = []
        if number > 1:
            nav.append(f"[← vorige]({page if number == 2 else f'{page}--{number - 1}'}.md)")
        if number < len(chunks):
            nav.append(f"[volgende →]({page}--{number + 1}.md)")
        if nav:
            lines += ["", f"Pagina {number} van {len(chunks)}: " + " · ".join(nav)]
        out[f"{folder}/{name}.md"] = "\n".join(lines) + "\n"
    return out


def body_sections(rendered: RenderedBody, url_for) -> list[str]:
    lines = []
    for title, fragment in rendered.sections:
        if title:
            lines += [f"## {esc(title)}", ""]
        lines += [
            '<div class="wwidw-tekst">',
            resolve_internal_links(fragment, url_for),
            "</div>",
            "",
        ]
    return lines


def praktijk_page(selection: Selection, document: Document, rendered: RenderedBody, url_for) -> str:
    meta = document.meta
    registry = selection.registry
    organisation = registry.organisaties.get(document.organisatie)
    place = esc(meta.get("gemeente", "")) + (f", {esc(meta['wijk'])}" if meta.get("wijk") else "")
    period = (
        f"{meta.get('startjaar', '')}–{meta.get('eindjaar', '')}"
        if meta.get("eindjaar")
        else f"sinds {meta.get('startjaar', '')}"
    )
    rows = [
        (
            "Organisatie",
            link(1, "organisaties", organisation.id, organisation.naam) if organisation else "—",
        ),
        ("Gemeente en wijk", place),
        ("Periode", esc(period)),
        ("Projectstatus", esc(PROJECTSTATUS.get(meta.get("projectstatus"), ""))),
        ("Thema's", names(selection, "themas", meta.get("themas"), 1, "themas")),
        ("Doelgroepen", names(selection, "doelgroepen", meta.get("doelgroepen"), 1, "doelgroepen")),
        (
            "Beoogde effecten",
            names(selection, "effecten", meta.get("beoogde_effecten"), 1, "effecten"),
        ),
        ("Meetontwerp", esc(MEETONTWERP.get(meta.get("meetontwerp"), "—"))),
        ("Bewijsniveau", esc(BEWIJSNIVEAU.get(meta.get("bewijsniveau"), "—"))),
        ("Bereik", esc(f"{meta['bereik']} mensen") if "bereik" in meta else "—"),
        ("Kosten", _costs(meta.get("kosten"))),
        ("Volledigheid", f"{completeness(document).score} / 100"),
    ]
    if show_contact(selection.audience, document):
        contact = meta["contact"]
        rows.append(
            (
                "Contact",
                esc(contact.get("naam", ""))
                + (f" · {esc(contact['email'])}" if contact.get("email") else ""),
            )
        )
    lines = [
        meta_block(document.titel, meta.get("samenvatting", ""), "praktijk"),
        f"# {esc(document.titel)}",
        "",
        f"*{esc(meta.get('samenvatting', ''))}*",
        "",
        FACTS_HEADER,
        "| --- | --- |",
    ]
    lines += [f"| {label} | {value} |" for label, value in rows]
    lines += [
        "",
        *_results(selection, meta.get("resultaten") or []),
        *body_sections(rendered, url_for),
    ]
    lines += _archetype_section(selection, meta.get("archetype"))
    lines += ["", search_tags(selection, document), ""]
    return "\n".join(lines) + "\n"


def _costs(costs) -> str:
    if not isinstance(costs, dict):
        return "—"
    parts = []
    if "totaal_eur" in costs:
        parts.append(f"€ {costs['totaal_eur']:,}".replace(",", ".") + " totaal")
    if "per_deelnemer_eur" in costs:
        parts.append(f"€ {costs['per_deelnemer_eur']:,.0f}".replace(",", ".") + " per deelnemer")
    if costs.get("financiering"):
        parts.append("financiering: " + ", ".join(str(f) for f in costs["financiering"]))
    return esc("; ".join(parts)) if parts else "—"


def _results(selection: Selection, results: list) -> list[str]:
    if not results:
        return []
    lines = [
        "## Resultaten per effect",
        "",
        "| Effect | Resultaat | Indicator | Nulmeting | Eindmeting |",
        "| --- | --- | --- | --- | --- |",
    ]
    for result in results:
        effect = selection.registry.effecten.get(result.get("effect"))
        name = (
            link(1, "effecten", effect.id, effect.naam) if effect else esc(result.get("effect", ""))
        )
        cells = [esc(result.get(k, "—")) for k in ("indicator", "nulmeting", "eindmeting")]
        lines.append(
            f"| {name} | {badge(result.get('richting', ''))} | " + " | ".join(cells) + " |"
        )
    notes = [esc(r["toelichting"]) for r in results if r.get("toelichting")]
    return lines + [""] + [f"- {n}" for n in notes] + [""]


def _archetype_section(selection: Selection, archetype_id) -> list[str]:
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
        f"> {esc(archetype.meta.get('samenvatting', ''))}",
        "",
    ]


def archetype_page(
    selection: Selection, document: Document, rendered: RenderedBody, url_for
) -> str:
    meta = document.meta
    lines = [
        meta_block(document.titel, meta.get("samenvatting", ""), "archetype"),
        f"# {esc(document.titel)}",
        "",
        f"*{esc(meta.get('samenvatting', ''))}*",
        "",
        f"**Bewijsniveau:** {esc(BEWIJSNIVEAU.get(meta.get('bewijsniveau'), '—'))}",
        "",
    ]
    if meta.get("synoniemen"):
        lines += ["**Ook bekend als:** " + ", ".join(esc(s) for s in meta["synoniemen"]), ""]
    lines += [
        "**Thema's:** " + names(selection, "themas", meta.get("themas"), 1, "themas"),
        "",
        "## Werkzame bestanddelen in het kort",
        "",
    ]
    lines += [
        f"- **{esc(b.get('naam', ''))}**: {esc(b.get('onderbouwing', ''))}"
        for b in meta.get("werkzame_bestanddelen", [])
    ]
    lines += ["", *body_sections(rendered, url_for), *_practice(selection, document)]
    if meta.get("bronnen"):
        lines += ["## Bronnen", ""]
        for source in meta["bronnen"]:
            text = esc(source.get("titel", "")) + (
                f" ({esc(source['jaar'])})" if source.get("jaar") else ""
            )
            url = source.get("url", "")
            lines.append(
                f'- <a href="{attr(url)}" rel="noopener noreferrer">{text}</a>'
                if url.startswith(("http://", "https://"))
                else f"- {text}"
            )
        lines.append("")
    lines += ["", search_tags(selection, document), ""]
    return "\n".join(lines) + "\n"


def _practice(selection: Selection, archetype: Document) -> list[str]:
    """Generated 'Praktijkvoorbeelden': visible praktijken of this archetype and the evidence per effect."""
    examples = [d for d in selection.by_kind("praktijk") if d.meta.get("archetype") == archetype.id]
    lines = ["## Praktijkvoorbeelden", ""]
    if not examples:
        return lines + ["Er zijn hier nog geen praktijkvoorbeelden van dit archetype.", ""]
    shown = sorted(examples, key=lambda d: d.titel.lower())[:EXAMPLES_ON_PAGE]
    lines += [summary_line(selection, d, 1) for d in shown] + [""]
    if (
        len(examples) > EXAMPLES_ON_PAGE
    ):  # the full list has its own paginated pages (pages stay small)
        lines += [
            f"Alle {len(examples)} praktijkvoorbeelden: "
            + link(1, "praktijkvoorbeelden", archetype.id, archetype.titel),
            "",
        ]
    lines += [
        "Wat de praktijkvoorbeelden per beoogd effect melden (aantal praktijken per richting):",
        "",
        "| Effect | " + " | ".join(RICHTING.values()) + " |",
        "| --- |" + " --- |" * len(RICHTING),
    ]
    for effect_id in archetype.meta.get("beoogde_effecten", []):
        counts = Counter(
            r.get("richting")
            for d in examples
            for r in d.meta.get("resultaten", [])
            if r.get("effect") == effect_id
        )
        effect = selection.registry.effecten.get(effect_id)
        label = link(1, "effecten", effect_id, effect.naam) if effect else esc(effect_id)
        lines.append(f"| {label} | " + " | ".join(str(counts.get(r, 0)) for r in RICHTING) + " |")
    return lines + [""]
