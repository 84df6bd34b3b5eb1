"""`wwidw maintenance`: what in the content needs attention on a given day, as data.

Reads the typed records (so only after validation found no errors) of the sources it is given and
nothing else: the caller decides which sources that are (the public repository's workflow passes the
public source alone, so no private title reaches its public issue). Four lists:

- overdue follow-up measurements: a result's ``nameting`` without a value after its planned month;
- expired assessments: a ``beoordeling`` whose ``geldig_tot`` lies before the day;
- stale descriptions: updated (``laatst_bijgewerkt`` of a praktijk, ``laatst_herzien`` of an
  archetype) before the same day three years earlier, or without any such date;
- drafts (``concept: true``): listed on their own, and left out of the three lists above. They are
  not published, so no reader meets their overdue measurement or expired verdict; a draft that
  nobody finishes is itself what needs attention.

The texts (text, Markdown, JSON) are in ``maintenance_report``.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from wwidw_build.model import Content
from wwidw_build.records import Record

STALE_YEARS = 3

FOLLOW_UPS = "overdue_follow_ups"
ASSESSMENTS = "expired_assessments"
STALE = "stale_descriptions"
DRAFTS = "drafts"
CATEGORIES = (FOLLOW_UPS, ASSESSMENTS, STALE, DRAFTS)


@dataclass(frozen=True)
class Item:
    """One thing that needs attention: the description it is in and the date that matters
    (``None``: a description without an update date). ``effect`` and ``effect_name``: the result
    of an overdue follow-up measurement."""

    category: str
    path: str
    id: str
    kind: str
    titel: str
    date: str | None
    effect: str | None = None
    effect_name: str | None = None


@dataclass(frozen=True)
class Maintenance:
    """Every item on ``today`` of the named sources, per category (in ``CATEGORIES`` order)."""

    today: date
    sources: tuple[str, ...]
    stale_before: date
    items: tuple[Item, ...]

    def of(self, category: str) -> list[Item]:
        return [item for item in self.items if item.category == category]


def years_before(day: date, years: int) -> date:
    """The same day ``years`` earlier (29 February becomes the 28th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def maintenance(content: Content, today: date, sources: Collection[str]) -> Maintenance:
    """What needs attention on ``today`` in the descriptions of ``content`` (validated: it has its
    records) that were read from the sources named in ``sources``."""
    stale_before = years_before(today, STALE_YEARS)
    chosen = [record for record in content.records if _source_name(record) in sources]
    items: list[Item] = []
    for record in chosen:
        if record.concept:
            items.append(_item(DRAFTS, record, record.updated))
            continue
        items += _follow_ups(content, record, today)
        if record.beoordeling is not None and record.beoordeling.expired(today):
            items.append(_item(ASSESSMENTS, record, record.beoordeling.geldig_tot))
        if record.updated is None or record.updated < stale_before:
            items.append(_item(STALE, record, record.updated))
    items.sort(key=lambda i: (CATEGORIES.index(i.category), i.date or "", i.path, i.effect or ""))
    return Maintenance(today, tuple(sources), stale_before, tuple(items))


def _source_name(record: Record) -> str:
    origin = record.document.origin
    return origin.name if origin is not None else "openbaar"


def _item(category: str, record: Record, day: date | str | None, **extra) -> Item:
    shown = day.isoformat() if isinstance(day, date) else day
    return Item(category, record.path, record.id, record.kind, record.titel, shown, **extra)


def _follow_ups(content: Content, record: Record, today: date) -> list[Item]:
    if record.kind != "praktijk":
        return []
    effects = content.registry.effecten
    return [
        _item(
            FOLLOW_UPS,
            record,
            result.nameting.gepland,
            effect=result.effect,
            effect_name=effects[result.effect].naam if result.effect in effects else result.effect,
        )
        for result in record.resultaten
        if result.nameting is not None and result.nameting.overdue(today)
    ]
