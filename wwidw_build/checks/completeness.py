"""Completeness score (0–100) per description: half from filled sections, half from optional fields."""

from __future__ import annotations

from dataclasses import dataclass

from wwidw_build.model import Document
from wwidw_build.sections import SECTIONS, filled_sections

OPTIONAL_FIELDS = {
    "praktijk": (
        "wijk",
        "doelgroepen",
        "resultaten",
        "meetontwerp",
        "bewijsniveau",
        "bereik",
        "kosten",
        "contact",
        "auteurs",
        "laatst_bijgewerkt",
    ),
    "archetype": ("synoniemen", "doelgroepen", "kostenindicatie", "bronnen", "verwante_archetypen"),
}


@dataclass(frozen=True)
class Completeness:
    score: int
    missing_sections: tuple[str, ...]
    missing_fields: tuple[str, ...]


def _present(value) -> bool:
    return value not in (None, "", [], {})


def completeness(document: Document) -> Completeness:
    sections = tuple(SECTIONS[document.kind])
    filled = set(filled_sections(document.kind, document.body))
    fields = OPTIONAL_FIELDS[document.kind]
    missing_fields = tuple(f for f in fields if not _present(document.meta.get(f)))
    if document.kind == "praktijk" and document.meta.get("projectstatus") in (
        "afgerond",
        "gestopt",
    ):
        fields += ("eindjaar",)
        if not _present(document.meta.get("eindjaar")):
            missing_fields += ("eindjaar",)
    section_part = 50 * len(filled) / len(sections)
    field_part = 50 * (len(fields) - len(missing_fields)) / len(fields)
    return Completeness(
        round(section_part + field_part),
        tuple(s for s in sections if s not in filled),
        missing_fields,
    )
