"""Costs per unit of reach and the cost bands of the Zoeken page (wwidw_build.costs)."""

from __future__ import annotations

import dataclasses
import json

import pytest

from wwidw_build.audience import Audience
from wwidw_build.costs import BANDS, REACH_UNITS, UNKNOWN, band, band_labels, cost_text, reach_text
from wwidw_build.records import Cost
from wwidw_build.resources import SCHEMAS
from wwidw_build.selection import select


def praktijk(content, **fields):
    document = select(content, Audience("openbaar")).find("praktijk", "klushuizen-spoorbuurt")
    return dataclasses.replace(document, **fields)


def test_the_units_are_the_schemas_enum():
    schema = json.loads((SCHEMAS / "praktijk.schema.json").read_text(encoding="utf-8"))
    assert list(REACH_UNITS) == schema["properties"]["bereik_eenheid"]["enum"]
    assert "woningen" in REACH_UNITS


@pytest.mark.parametrize(
    "unit, amount, shown, reach",
    [
        (None, 474, "€ 474 per deelnemer", "46 mensen"),
        ("mensen", 12.5, "€ 12,50 per deelnemer", "46 mensen"),
        ("huishoudens", 593.75, "€ 593,75 per huishouden", "46 huishoudens"),
        ("woningen", 30000, "€ 30.000 per woning", "46 woningen"),
    ],
)
def test_a_cost_names_its_unit(content, unit, amount, shown, reach):
    document = praktijk(
        content, bereik=46, bereik_eenheid=unit, kosten=Cost(per_deelnemer_eur=amount)
    )
    assert cost_text(document) == shown
    assert reach_text(document) == reach


@pytest.mark.parametrize(
    "unit, amount, expected",
    [
        (None, 0, "Tot € 100 per deelnemer"),
        (None, 99.99, "Tot € 100 per deelnemer"),
        (None, 100, "€ 100–500 per deelnemer"),
        ("huishoudens", 499, "€ 100–500 per huishouden"),
        ("mensen", 500, "€ 500–1.000 per deelnemer"),
        ("woningen", 1000, "€ 1.000–5.000 per woning"),
        ("woningen", 30000, "€ 5.000 of meer per woning"),
        ("mensen", 5000, "€ 5.000 of meer per deelnemer"),
    ],
)
def test_bands_are_per_unit_lower_bound_included(content, unit, amount, expected):
    document = praktijk(content, bereik_eenheid=unit, kosten=Cost(per_deelnemer_eur=amount))
    assert band(document) == expected
    assert expected in band_labels()


def test_without_a_cost_per_unit_the_band_is_unknown(content):
    assert band(praktijk(content, kosten=None)) == UNKNOWN
    assert band(praktijk(content, kosten=Cost(totaal_eur=38000))) == UNKNOWN
    assert cost_text(praktijk(content, kosten=None)) == ""
    assert reach_text(praktijk(content, bereik=None)) == ""


def test_the_bands_cover_every_amount_once_and_every_label_names_a_unit():
    for (_, high, _), (low, _, _) in zip(BANDS, BANDS[1:], strict=False):
        assert high == low
    assert BANDS[0][0] == 0 and BANDS[-1][1] is None
    labels = band_labels()
    assert len(labels) == len(BANDS) * len(REACH_UNITS) + 1 and labels[-1] == UNKNOWN
    assert all(
        any(label.endswith(f"per {per}") for _, per in REACH_UNITS.values())
        for label in labels[:-1]
    )
