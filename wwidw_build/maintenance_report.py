"""The maintenance list (``maintenance.Maintenance``) as Dutch text, as the Markdown body of the
one `onderhoud` issue, and as JSON.

Titles, paths and ids come from contributors: the text format prints them through ``safe_text``
(one line each, no line that starts like a workflow command); the Markdown through ``inert.md`` and
``inert.code``, so a title cannot add links, images, mentions, references or HTML to the issue;
JSON escapes them itself.
"""

from __future__ import annotations

import json

from wwidw_build.maintenance import (
    ASSESSMENTS,
    CATEGORIES,
    DRAFTS,
    FOLLOW_UPS,
    STALE,
    Item,
    Maintenance,
)
from wwidw_build.numbers import count
from wwidw_build.review.inert import code, md
from wwidw_build.safe_text import guard_lines, one_line

MARKER = "<!-- wwidw-onderhoud -->"  # finds the one issue the scheduled workflow keeps up to date
NO_DATE = "geen datum"

TITLES = {
    FOLLOW_UPS: "Nameting te laat",
    ASSESSMENTS: "Beoordeling verlopen",
    STALE: "Niet bijgewerkt in drie jaar",
    DRAFTS: "Concepten",
}
EXPLANATIONS = {
    FOLLOW_UPS: "Een resultaat met een geplande nameting waarvan de maand voorbij is en waar nog "
    "geen waarde staat. Vul `nameting.waarde` in, of zet een nieuwe maand bij `nameting.gepland` "
    "en leg in `geschiedenis` uit waarom.",
    ASSESSMENTS: "De beoordeling van het bewijsniveau is verlopen (`beoordeling.geldig_tot`): de "
    "pagina toont 'Herbeoordeling nodig'. Vraag de redactie om een nieuwe beoordeling.",
    STALE: "Niet bijgewerkt sinds {before} (`laatst_bijgewerkt` van een praktijk, `laatst_herzien` "
    "van een archetype), of zonder datum. Kijk of de beschrijving nog klopt en zet de datum van "
    "vandaag.",
    DRAFTS: "Beschrijvingen met `concept: true`: ze staan niet op de site en tellen hierboven niet "
    "mee. Maak ze af of haal ze weg.",
}


def _count(n: int) -> str:
    return "1 punt" if n == 1 else f"{n} punten"


def _needing_attention(result: Maintenance) -> int:
    return sum(1 for item in result.items if item.category != DRAFTS)


def _detail(item: Item, escape) -> str:
    """What is due, and since when: the part after the title (``escape``: for the format)."""
    if item.category == FOLLOW_UPS:
        return f"nameting van '{escape(item.effect_name)}' gepland voor {escape(item.date)}"
    if item.category == ASSESSMENTS:
        return f"geldig tot {escape(item.date)}"
    return f"bijgewerkt {escape(item.date)}" if item.date else NO_DATE


def as_text(result: Maintenance) -> str:
    total, drafts = _needing_attention(result), len(result.of(DRAFTS))
    sources = ", ".join(one_line(s) for s in result.sources)
    lines = [
        f"Onderhoud op {result.today.isoformat()} ({_sources_word(result)}: {sources}): {_count(total)} "
        f"die aandacht nodig {'heeft' if total == 1 else 'hebben'}"
        + (f", en {count(drafts, 'concept', 'concepten')}." if drafts else ".")
    ]
    for category in CATEGORIES:
        items = result.of(category)
        lines += ["", f"{TITLES[category]} ({len(items)})"]
        if category == STALE:
            lines[-1] += f", vóór {result.stale_before.isoformat()}"
        lines += [
            f"  {one_line(i.path)} — {one_line(i.titel)} ({_detail(i, one_line)})" for i in items
        ] or ["  geen"]
    return guard_lines("\n".join(lines))


def as_markdown(result: Maintenance) -> str:
    """The issue body: the marker, a short introduction, then per category a heading with its count,
    what to do, and a checklist line per item."""
    total = _needing_attention(result)
    sources = ", ".join(code(s) for s in result.sources)
    lines = [
        MARKER,
        f"Stand op {result.today.isoformat()}, {_sources_word(result)}: {sources}. {_count(total)} "
        f"{'heeft' if total == 1 else 'hebben'} aandacht nodig.",
        "",
        "Deze lijst wordt gemaakt met `wwidw maintenance` en bij elke run in zijn geheel vervangen: "
        "afvinken is niet nodig, een punt verdwijnt zodra de beschrijving is bijgewerkt.",
    ]
    for category in CATEGORIES:
        items = result.of(category)
        explanation = EXPLANATIONS[category].format(before=result.stale_before.isoformat())
        lines += ["", f"## {TITLES[category]} ({len(items)})", "", explanation, ""]
        lines += [f"- [ ] {code(i.path)} — {md(i.titel)} ({_detail(i, md)})" for i in items] or [
            "Niets."
        ]
    return "\n".join(lines) + "\n"


def as_json(result: Maintenance) -> str:
    data = {
        "today": result.today.isoformat(),
        "sources": list(result.sources),
        "stale_before": result.stale_before.isoformat(),
        "counts": {category: len(result.of(category)) for category in CATEGORIES},
        "items": {
            category: [_json_item(i) for i in result.of(category)] for category in CATEGORIES
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def _json_item(item: Item) -> dict:
    data = {
        "file": item.path,
        "id": item.id,
        "kind": item.kind,
        "title": item.titel,
        "date": item.date,
    }
    if item.category == FOLLOW_UPS:
        data |= {"effect": item.effect, "effect_name": item.effect_name}
    return data


def _sources_word(result: Maintenance) -> str:
    return "bron" if len(result.sources) == 1 else "bronnen"
