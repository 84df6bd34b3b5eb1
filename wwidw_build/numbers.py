"""Numbers as a Dutch reader reads them: a decimal comma, a dot between thousands, a real minus sign,
and a count with its word in the singular or the plural. Every number the site shows passes here."""

from __future__ import annotations


def number(value: int | float) -> str:
    """1234.5 -> '1.234,5'; 2.6 -> '2,6'; -0.4 -> '−0,4'. Digits as written (no rounding)."""
    if isinstance(value, bool):
        return str(value)
    text = f"{value:,}"  # Python's grouping: 1,234.5
    return text.translate(str.maketrans({",": ".", ".": ",", "-": "−"}))


def value_text(value) -> str:
    """A measured value as shown: a number in Dutch notation, text as written."""
    return (
        number(value)
        if isinstance(value, int | float) and not isinstance(value, bool)
        else str(value)
    )


def euro(amount: int | float) -> str:
    """'€ 1.283'; cents only when there are any: '€ 12,50'."""
    if float(amount).is_integer():
        return "€ " + number(int(amount))
    return "€ " + f"{amount:,.2f}".translate(str.maketrans({",": ".", ".": ","}))


def count(n: int, singular: str, plural: str) -> str:
    """'1 beschrijving', '2 beschrijvingen', '0 beschrijvingen', '1.200 beschrijvingen'."""
    return f"{number(n)} {singular if n == 1 else plural}"
