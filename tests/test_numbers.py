"""Numbers as a Dutch reader reads them (wwidw_build.numbers)."""

from __future__ import annotations

import pytest

from wwidw_build.numbers import count, euro, number, value_text


@pytest.mark.parametrize(
    "value, shown",
    [
        (2.6, "2,6"),
        (0.35, "0,35"),
        (-0.4, "−0,4"),
        (1234, "1.234"),
        (1234.5, "1.234,5"),
        (46, "46"),
        (1_380_000, "1.380.000"),
    ],
)
def test_a_number_has_a_decimal_comma_and_a_thousands_dot(value, shown):
    assert number(value) == shown


def test_a_measured_value_in_words_stays_as_written():
    assert value_text("41 van de 46") == "41 van de 46"
    assert value_text("5,8") == "5,8"
    assert value_text(6.4) == "6,4"


@pytest.mark.parametrize(
    "amount, shown",
    [(30000, "€ 30.000"), (593.75, "€ 593,75"), (12.5, "€ 12,50"), (1283.0, "€ 1.283"), (0, "€ 0")],
)
def test_euro_amounts(amount, shown):
    assert euro(amount) == shown


@pytest.mark.parametrize(
    "n, shown",
    [
        (0, "0 beschrijvingen"),
        (1, "1 beschrijving"),
        (2, "2 beschrijvingen"),
        (1200, "1.200 beschrijvingen"),
    ],
)
def test_a_count_has_the_singular_only_for_one(n, shown):
    assert count(n, "beschrijving", "beschrijvingen") == shown
