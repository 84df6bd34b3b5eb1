"""Evidence checks of one description: the claimed level against the ladder, unintended effects,
overdue follow-up measurements and the assessment record.

Reads the raw front matter (validation runs before any value is known to be well typed), so every
value is checked for its type before use; the schema check reports the wrong types themselves.
"""

from __future__ import annotations

from datetime import date

from wwidw_build import evidence
from wwidw_build.diagnostics import Diagnostic, diag
from wwidw_build.model import Document
from wwidw_build.records import Praktijk
from wwidw_build.sections import filled_sections

THEORY_SECTION = "Werkzame bestanddelen"
# what would let the claim stand, per reason for the ceiling
REMEDIES = {
    "ontwerp": "beschrijf het sterkere meetontwerp als dat werkelijk is gebruikt",
    "geen_ontwerp": "vul het meetontwerp in",
    "geen_resultaten": "vul de resultaten per effect in",
    "geen_theorie": "vul de sectie '## Werkzame bestanddelen' in: welke onderdelen het verschil "
    "maakten en waarom",
}
GROUNDS = {
    "ontwerp": "het meetontwerp '{design}'",
    "geen_ontwerp": "een beschrijving zonder meetontwerp",
    "geen_resultaten": "een beschrijving zonder resultaten",
    "geen_theorie": "een beschrijving zonder ingevulde sectie 'Werkzame bestanddelen'",
}


def _items(doc: Document, key: str) -> list[tuple[int, dict]]:
    value = doc.meta.get(key)
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def has_theory(doc: Document) -> bool:
    return THEORY_SECTION in filled_sections(doc.kind, doc.body)


def supported_ceiling(doc: Document) -> evidence.Ceiling:
    design = doc.meta.get("meetontwerp")
    return evidence.ceiling(
        design if isinstance(design, str) else None,
        len(_items(doc, "resultaten")),
        has_theory(doc),
    )


def record_ceiling(record: Praktijk) -> evidence.Ceiling:
    """The same for a validated praktijk's typed record (pages and exports read records)."""
    return evidence.ceiling(record.meetontwerp, len(record.resultaten), has_theory(record.document))


def check_evidence(doc: Document, today: date) -> list[Diagnostic]:
    out = _assessment(doc, today)
    if doc.kind != "praktijk":
        return out
    return out + _claim(doc) + _unintended(doc) + _follow_ups(doc, today)


def _claim(doc: Document) -> list[Diagnostic]:
    claim = doc.meta.get("bewijsniveau")
    if claim not in evidence.LADDER:
        return []
    where = doc.position(("bewijsniveau",))
    supported = supported_ceiling(doc)
    if evidence.exceeds(claim, supported):
        ground = GROUNDS[supported.reason].format(design=doc.meta.get("meetontwerp"))
        return [
            diag(
                doc.path,
                *where,
                "bewijsniveau-te-hoog",
                claim=claim,
                grond=ground,
                plafond=supported.level,
                aanvulling=REMEDIES[supported.reason],
            )
        ]
    directions = [r.get("richting") for _, r in _items(doc, "resultaten")]
    directions = [d for d in directions if isinstance(d, str)]  # the schema check reports others
    if evidence.contradicted(claim, directions):
        needed = " of ".join(f"'{d}'" for d in sorted(evidence.SUPPORTING[claim], reverse=True))
        return [diag(doc.path, *where, "bewijsniveau-tegengesproken", claim=claim, nodig=needed)]
    return []


def _unintended(doc: Document) -> list[Diagnostic]:
    intended = doc.meta.get("beoogde_effecten")
    intended = {i for i in intended if isinstance(i, str)} if isinstance(intended, list) else set()
    return [
        diag(
            doc.path,
            *doc.position(("niet_beoogde_effecten", i, "effect")),
            "niet-beoogd-is-beoogd",
            waarde=item["effect"],
        )
        for i, item in _items(doc, "niet_beoogde_effecten")
        if isinstance(item.get("effect"), str) and item["effect"] in intended
    ]


def _follow_ups(doc: Document, today: date) -> list[Diagnostic]:
    out = []
    for i, result in _items(doc, "resultaten"):
        follow_up = result.get("nameting")
        if not isinstance(follow_up, dict) or "waarde" in follow_up:
            continue
        due = _month(follow_up.get("gepland"))
        if due is not None and (today.year, today.month) > due:
            out.append(
                diag(
                    doc.path,
                    *doc.position(("resultaten", i, "nameting", "gepland")),
                    "nameting-te-laat",
                    effect=result.get("effect"),
                    gepland=follow_up["gepland"],
                )
            )
    return out


def _month(value: object) -> tuple[int, int] | None:
    if not isinstance(value, str) or len(value) != 7 or value[4] != "-":
        return None
    year, month = value[:4], value[5:]
    if not (year.isdigit() and month.isdigit() and 1 <= int(month) <= 12):
        return None
    return int(year), int(month)


def _assessment(doc: Document, today: date) -> list[Diagnostic]:
    record = doc.meta.get("beoordeling")
    if not isinstance(record, dict):
        return []
    assessed, valid_until = _date(record.get("datum")), _date(record.get("geldig_tot"))
    out = []
    if assessed and assessed > today:
        out.append(("datum", "de toetsdatum ligt in de toekomst"))
    if assessed and valid_until and valid_until <= assessed:
        out.append(("geldig_tot", "geldig_tot ligt niet na de toetsdatum"))
    diagnostics = [
        diag(doc.path, *doc.position(("beoordeling", key)), "beoordeling-datums", probleem=problem)
        for key, problem in out
    ]
    if not out and valid_until and today > valid_until:
        diagnostics.append(
            diag(
                doc.path,
                *doc.position(("beoordeling", "geldig_tot")),
                "beoordeling-verlopen",
                datum=valid_until.isoformat(),
            )
        )
    return diagnostics


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
