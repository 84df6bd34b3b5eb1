"""The export record per visible description, and data/beschrijvingen.json with its schema.

Built from the typed records of validated descriptions, so the export matches
schemas/export-beschrijvingen.schema.json; optional fields without a value are left out. Contact
details appear only where ``show_contact`` allows; a praktijk's archetype only when that archetype
is itself visible.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from wwidw_build import urls
from wwidw_build.audience import show_contact
from wwidw_build.checks.completeness import completeness
from wwidw_build.checks.evidence_rules import record_ceiling
from wwidw_build.records import Assessment, Cost, Praktijk, Record, Result
from wwidw_build.resources import schema_path
from wwidw_build.selection import Selection

SCHEMA = schema_path("export-beschrijvingen")


def _terms(table, ids) -> list[dict]:
    return [{"id": i, "naam": table[i].naam if i in table else i} for i in ids]


def _results(selection: Selection, results: tuple[Result, ...]) -> list[dict]:
    return [
        _present(
            effect=_terms(selection.registry.effecten, [r.effect])[0],
            richting=r.richting,
            indicator=r.indicator,
            nulmeting=r.nulmeting,
            eindmeting=r.eindmeting,
            toelichting=r.toelichting or None,
            effectgrootte=_present(
                maat=r.effectgrootte.maat,
                waarde=r.effectgrootte.waarde,
                betrouwbaarheidsinterval=list(r.effectgrootte.betrouwbaarheidsinterval or ())
                or None,
            )
            if r.effectgrootte
            else None,
            nameting=_present(gepland=r.nameting.gepland, waarde=r.nameting.waarde)
            if r.nameting
            else None,
        )
        for r in results
    ]


def _assessment(record: Assessment | None) -> dict | None:
    if record is None:
        return None
    return {
        "door": record.door,
        "datum": record.datum.isoformat(),
        "geldig_tot": record.geldig_tot.isoformat(),
    }


def _present(**values) -> dict:
    """The values that are not None, in order."""
    return {k: v for k, v in values.items() if v is not None}


def _costs(costs: Cost | None) -> dict | None:
    if costs is None:
        return None
    return (
        _present(
            totaal_eur=costs.totaal_eur,
            per_deelnemer_eur=costs.per_deelnemer_eur,
            financiering=list(costs.financiering) or None,
        )
        or None
    )


def _archetype(selection: Selection, document: Praktijk) -> dict | None:
    found = selection.find("archetype", document.archetype) if document.archetype else None
    return (
        {"id": found.id, "titel": found.titel, "url": urls.page_url("archetype", found.id)}
        if found
        else None
    )


def _contact(selection: Selection, document: Praktijk) -> dict | None:
    if not show_contact(selection.audience, document):
        return None
    return _present(naam=document.contact.naam, email=document.contact.email or None)


def _praktijk(selection: Selection, document: Praktijk) -> dict:
    """The fields only a praktijk has, in the order of the export schema."""
    organisation = selection.registry.organisaties.get(document.organisatie)
    return {
        "organisatie": {
            "id": document.organisatie,
            "naam": organisation.naam if organisation else document.organisatie,
        },
        "gemeente": document.gemeente,
        "wijk": document.wijk,
        "startjaar": document.startjaar,
        "eindjaar": document.eindjaar,
        "projectstatus": document.projectstatus,
    }


def record(selection: Selection, document: Record) -> dict:
    """The export record of one visible description (keys without a value are left out)."""
    registry, praktijk = selection.registry, isinstance(document, Praktijk)
    item = {
        "soort": document.kind,
        "id": document.id,
        "url": urls.page_url(document.kind, document.id),
        "titel": document.titel,
        "samenvatting": document.samenvatting,
        **(_praktijk(selection, document) if praktijk else {}),
        "themas": _terms(registry.themas, document.themas),
        "doelgroepen": _terms(registry.doelgroepen, document.doelgroepen),
        "beoogde_effecten": _terms(registry.effecten, document.beoogde_effecten),
    }
    if praktijk:
        item["resultaten"] = _results(selection, document.resultaten)
        item["niet_beoogde_effecten"] = _results(selection, document.niet_beoogde_effecten) or None
        item["meetontwerp"] = document.meetontwerp
    item["bewijsniveau"] = document.bewijsniveau
    if praktijk:
        item["bewijsniveau_hooguit"] = record_ceiling(document).level
        item["evaluatie"] = (
            _present(soort=document.evaluatie.soort, door=document.evaluatie.door)
            if document.evaluatie
            else None
        )
    item["beoordeling"] = _assessment(document.beoordeling)
    if praktijk:
        item.update(
            bereik=document.bereik,
            bereik_eenheid=document.bereik_eenheid,
            kosten=_costs(document.kosten),
        )
    item["volledigheid"] = completeness(document.document).score
    date_key = "laatst_bijgewerkt" if praktijk else "laatst_herzien"
    item[date_key] = document.updated.isoformat() if document.updated else None
    if praktijk:
        item["archetype"] = _archetype(selection, document)
        item["contact"] = _contact(selection, document)
    item["geschiedenis"] = [
        {"datum": c.datum.isoformat(), "reden": c.reden} for c in document.geschiedenis
    ] or None
    return _present(**item)


def records(selection: Selection) -> list[dict]:
    """Records of the visible descriptions only: praktijken first, then archetypen, each by id."""
    documents = sorted(selection.visible, key=lambda d: (d.kind != "praktijk", d.kind, d.id))
    return [record(selection, d) for d in documents]


def write_json(selection: Selection, items: list[dict], data_dir: Path) -> None:
    export = {"publiek": selection.audience.name, "aantal": len(items), "beschrijvingen": items}
    (data_dir / "beschrijvingen.json").write_text(
        json.dumps(export, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    shutil.copyfile(SCHEMA, data_dir / "beschrijvingen.schema.json")
