"""data/beschrijvingen.csv: the export records as one table that opens correctly in Dutch Excel.

UTF-8 with a byte order mark, ';' between cells, CRLF line endings and quoting by the csv module.
Lists are joined with ", ", ids are shown as their Dutch names and enumerations as their labels.
Whole numbers are written as plain integers, other numbers with a decimal comma. A text cell that
starts with =, +, -, @, a tab or a carriage return gets a leading apostrophe, so a spreadsheet
never reads contributor text as a formula (CSV injection).
"""

from __future__ import annotations

import csv
from pathlib import Path

from wwidw_build.labels import BEWIJSNIVEAU, MEETONTWERP, PROJECTSTATUS, RICHTING

COLUMNS = (
    "soort",
    "id",
    "url",
    "titel",
    "samenvatting",
    "organisatie_id",
    "organisatie",
    "gemeente",
    "wijk",
    "startjaar",
    "eindjaar",
    "projectstatus",
    "themas",
    "doelgroepen",
    "beoogde_effecten",
    "resultaten",
    "meetontwerp",
    "bewijsniveau",
    "bewijsniveau_hooguit",
    "getoetst_door",
    "getoetst_geldig_tot",
    "bereik",
    "kosten_totaal_eur",
    "kosten_per_deelnemer_eur",
    "financiering",
    "volledigheid",
    "laatst_bijgewerkt",
    "laatst_herzien",
    "archetype",
    "contact_naam",
    "contact_email",
)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Prefix an apostrophe when a spreadsheet would read the text as a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value).replace(".", ",")
    if isinstance(value, (list, tuple)):
        value = ", ".join(cell(v) for v in value)
    return neutralise(str(value))


def _names(terms) -> list[str]:
    return [t["naam"] for t in terms or []]


def _result(result: dict) -> str:
    return f"{result['effect']['naam']}: {RICHTING[result['richting']].lower()}"


def row(item: dict) -> list[str]:
    """One record as cells in the order of COLUMNS."""
    organisation = item.get("organisatie") or {}
    costs = item.get("kosten") or {}
    contact = item.get("contact") or {}
    values = {
        **{
            key: item.get(key)
            for key in (
                "soort",
                "id",
                "url",
                "titel",
                "samenvatting",
                "gemeente",
                "wijk",
                "startjaar",
                "eindjaar",
                "bereik",
                "volledigheid",
                "laatst_bijgewerkt",
                "laatst_herzien",
            )
        },
        "organisatie_id": organisation.get("id"),
        "organisatie": organisation.get("naam"),
        "projectstatus": PROJECTSTATUS.get(item.get("projectstatus")),
        "themas": _names(item.get("themas")),
        "doelgroepen": _names(item.get("doelgroepen")),
        "beoogde_effecten": _names(item.get("beoogde_effecten")),
        "resultaten": [_result(r) for r in item.get("resultaten") or []],
        "meetontwerp": MEETONTWERP.get(item.get("meetontwerp")),
        "bewijsniveau": BEWIJSNIVEAU.get(item.get("bewijsniveau")),
        "bewijsniveau_hooguit": BEWIJSNIVEAU.get(item.get("bewijsniveau_hooguit")),
        "getoetst_door": (item.get("beoordeling") or {}).get("door"),
        "getoetst_geldig_tot": (item.get("beoordeling") or {}).get("geldig_tot"),
        "kosten_totaal_eur": costs.get("totaal_eur"),
        "kosten_per_deelnemer_eur": costs.get("per_deelnemer_eur"),
        "financiering": costs.get("financiering"),
        "archetype": (item.get("archetype") or {}).get("titel"),
        "contact_naam": contact.get("naam"),
        "contact_email": contact.get("email"),
    }
    return [cell(values[column]) for column in COLUMNS]


def write_csv(items: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(COLUMNS)
        writer.writerows(row(item) for item in items)
