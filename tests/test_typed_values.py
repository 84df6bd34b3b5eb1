"""Counts and amounts as contributors type them (authoring/typed_values.py)."""

import pytest

from wwidw_build.authoring.typed_values import amount, count


@pytest.mark.parametrize("text, value", [("38000", 38000), (" 0 ", 0), ("€ 64", 64)])
def test_counts(text, value):
    assert count(text) == value


@pytest.mark.parametrize("text", ["1.200", "1 200", "-3", "12,5", "veel", ""])
def test_anything_but_digits_is_no_count(text):
    with pytest.raises(ValueError, match="geen heel getal"):
        count(text)


@pytest.mark.parametrize(
    "text, value", [("320", 320), ("12,50", 12.5), ("12.5", 12.5), ("7,00", 7), ("€593,75", 593.75)]
)
def test_amounts(text, value):
    assert amount(text) == value and type(amount(text)) is type(value)


@pytest.mark.parametrize("text", ["1.200", "12,505", "1.200,50", "-1", "twaalf"])
def test_an_ambiguous_or_wrong_amount_is_refused(text):
    with pytest.raises(ValueError, match="geen bedrag"):
        amount(text)
