"""Costs per unit of reach: a praktijk's cost per deelnemer, huishouden or woning (``bereik_eenheid``,
without it people), and the cost bands of the Zoeken page's facet.

A band's label always names its unit ("€ 100–500 per huishouden"), so the facet never puts a cost per
household next to a cost per person as if they were the same thing. The bands are defined here only;
the Over page and docs/design.md show them.
"""

from __future__ import annotations

from wwidw_build.numbers import euro, number
from wwidw_build.records import Praktijk

# bereik_eenheid -> (the reach's word, the unit a cost is per); the schema's enum, in this order.
REACH_UNITS = {
    "mensen": ("mensen", "deelnemer"),
    "huishoudens": ("huishoudens", "huishouden"),
    "woningen": ("woningen", "woning"),
}
DEFAULT_UNIT = "mensen"  # a praktijk without bereik_eenheid counts people
# (lower bound inclusive, upper bound exclusive or None, label before the unit)
BANDS = (
    (0, 100, "Tot € 100"),
    (100, 500, "€ 100–500"),
    (500, 1_000, "€ 500–1.000"),
    (1_000, 5_000, "€ 1.000–5.000"),
    (5_000, None, "€ 5.000 of meer"),
)
UNKNOWN = "Onbekend"  # a praktijk without a cost per unit


def unit(document: Praktijk) -> str:
    """The praktijk's unit of reach (a key of REACH_UNITS)."""
    return document.bereik_eenheid if document.bereik_eenheid in REACH_UNITS else DEFAULT_UNIT


def per_unit(document: Praktijk) -> str:
    """'per deelnemer', 'per huishouden' or 'per woning'."""
    return "per " + REACH_UNITS[unit(document)][1]


def reach_text(document: Praktijk) -> str:
    """'46 woningen' (plain text), or '' without a reach."""
    if document.bereik is None:
        return ""
    return f"{number(document.bereik)} {REACH_UNITS[unit(document)][0]}"


def cost_text(document: Praktijk) -> str:
    """'€ 30.000 per woning' (plain text), or '' when the praktijk gives no cost per unit."""
    amount = _amount(document)
    return "" if amount is None else f"{euro(amount)} {per_unit(document)}"


def band(document: Praktijk) -> str:
    """The praktijk's cost band with its unit, or UNKNOWN."""
    amount = _amount(document)
    if amount is None:
        return UNKNOWN
    for low, high, label in BANDS:
        if amount >= low and (high is None or amount < high):
            return f"{label} {per_unit(document)}"
    return UNKNOWN  # not reached: the bands cover every amount from 0


def band_labels() -> list[str]:
    """Every facet value in order: the bands per unit (people first), then UNKNOWN."""
    return [f"{label} per {per}" for _, per in REACH_UNITS.values() for _, _, label in BANDS] + [
        UNKNOWN
    ]


def _amount(document: Praktijk) -> int | float | None:
    costs = document.kosten
    return None if costs is None else costs.per_deelnemer_eur
