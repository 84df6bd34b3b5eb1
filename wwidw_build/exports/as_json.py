"""The export record per visible description, and data/beschrijvingen.json with its schema.

A record holds only values of the expected type (anything else is left out), so the export always
matches schemas/export-beschrijvingen.schema.json. Contact details appear only where
``show_contact`` allows; a praktijk's archetype only when that archetype is itself visible.
"""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path

from wwidw_build.audience import show_contact
from wwidw_build.checks.completeness import completeness
from wwidw_build.labels import BEWIJSNIVEAU, MEETONTWERP, PROJECTSTATUS, RICHTING
from wwidw_build.model import KINDS, Document
from wwidw_build.selection import Selection

SCHEMA = Path(__file__).resolve().parents[2] / "schemas" / "export-beschrijvingen.schema.json"


def url_of(kind: str, doc_id: str) -> str:
    """The description's page, relative to the site root."""
    return f"{KINDS[kind]}/{doc_id}/"


def _text(value) -> str | None:
    return value if isinstance(value, str) and value else None


def _int(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _number(value) -> int | float | None:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _enum(value, labels: dict) -> str | None:
    return value if isinstance(value, str) and value in labels else None


def iso_date(value) -> str | None:
    """A YYYY-MM-DD date as text, or None when the value is not a valid date."""
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        return None


def _terms(table, ids) -> list[dict]:
    if not isinstance(ids, list):
        return []
    return [
        {"id": i, "naam": table[i].naam if i in table else i} for i in ids if isinstance(i, str)
    ]


def _results(selection: Selection, results) -> list[dict]:
    out = []
    for result in results if isinstance(results, list) else []:
        if not isinstance(result, dict) or not isinstance(result.get("effect"), str):
            continue
        if _enum(result.get("richting"), RICHTING) is None:
            continue
        item = {
            "effect": _terms(selection.registry.effecten, [result["effect"]])[0],
            "richting": result["richting"],
            "indicator": _text(result.get("indicator")),
            "toelichting": _text(result.get("toelichting")),
        }
        for key in ("nulmeting", "eindmeting"):
            value = result.get(key)
            item[key] = value if isinstance(value, str) or _number(value) is not None else None
        out.append(
            {
                k: item[k]
                for k in (
                    "effect",
                    "richting",
                    "indicator",
                    "nulmeting",
                    "eindmeting",
                    "toelichting",
                )
                if item[k] is not None
            }
        )
    return out


def _costs(costs) -> dict | None:
    if not isinstance(costs, dict):
        return None
    funding = (
        [f for f in costs.get("financiering") or [] if isinstance(f, str)]
        if isinstance(costs.get("financiering"), list)
        else None
    )
    item = {
        "totaal_eur": _int(costs.get("totaal_eur")),
        "per_deelnemer_eur": _number(costs.get("per_deelnemer_eur")),
        "financiering": funding or None,
    }
    return {k: v for k, v in item.items() if v is not None} or None


def _archetype(selection: Selection, document: Document) -> dict | None:
    archetype_id = document.meta.get("archetype")
    found = selection.find("archetype", archetype_id) if isinstance(archetype_id, str) else None
    return (
        {"id": found.id, "titel": found.titel, "url": url_of("archetype", found.id)}
        if found
        else None
    )


def _contact(selection: Selection, document: Document) -> dict | None:
    if not show_contact(selection.audience, document):
        return None
    contact = document.meta["contact"]
    if _text(contact.get("naam")) is None:
        return None
    item = {"naam": contact["naam"], "email": _text(contact.get("email"))}
    return {k: v for k, v in item.items() if v is not None}


def record(selection: Selection, document: Document) -> dict:
    """The export record of one visible description (keys with no valid value are left out)."""
    meta, registry = document.meta, selection.registry
    praktijk = document.kind == "praktijk"
    item = {
        "soort": document.kind,
        "id": document.id,
        "url": url_of(document.kind, document.id),
        "titel": document.titel,
        "samenvatting": _text(meta.get("samenvatting")) or "",
    }
    if praktijk:
        organisation_id = _text(document.organisatie)
        organisation = registry.organisaties.get(organisation_id or "")
        item["organisatie"] = (
            {"id": organisation_id, "naam": organisation.naam if organisation else organisation_id}
            if organisation_id
            else None
        )
        item.update(
            gemeente=_text(meta.get("gemeente")),
            wijk=_text(meta.get("wijk")),
            startjaar=_int(meta.get("startjaar")),
            eindjaar=_int(meta.get("eindjaar")),
            projectstatus=_enum(meta.get("projectstatus"), PROJECTSTATUS),
        )
    item["themas"] = _terms(registry.themas, meta.get("themas"))
    item["doelgroepen"] = _terms(registry.doelgroepen, meta.get("doelgroepen"))
    item["beoogde_effecten"] = _terms(registry.effecten, meta.get("beoogde_effecten"))
    if praktijk:
        item["resultaten"] = _results(selection, meta.get("resultaten"))
        item["meetontwerp"] = _enum(meta.get("meetontwerp"), MEETONTWERP)
    item["bewijsniveau"] = _enum(meta.get("bewijsniveau"), BEWIJSNIVEAU)
    if praktijk:
        bereik = _int(meta.get("bereik"))
        item["bereik"] = bereik if bereik is not None and bereik >= 0 else None
        item["kosten"] = _costs(meta.get("kosten"))
    item["volledigheid"] = completeness(document).score
    if praktijk:
        item["laatst_bijgewerkt"] = iso_date(meta.get("laatst_bijgewerkt"))
        item["archetype"] = _archetype(selection, document)
    else:
        item["laatst_herzien"] = iso_date(meta.get("laatst_herzien"))
    item["contact"] = _contact(selection, document)
    return {k: v for k, v in item.items() if v is not None}


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
