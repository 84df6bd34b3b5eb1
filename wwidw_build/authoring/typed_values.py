"""Numbers a contributor types (in the wizard, an option or the issue form), read strictly.

A count or a total in euros is a whole number of digits only: "1.200" is refused rather than read as
1.2 or 1200. An amount per participant may have one or two decimals after a comma or a point
("12,50"). Each function raises ValueError with a Dutch message.
"""

from __future__ import annotations

import re

_WHOLE = re.compile(r"[0-9]{1,12}")
_AMOUNT = re.compile(r"([0-9]{1,12})(?:[.,]([0-9]{1,2}))?")


def count(text: str) -> int:
    """A non-negative whole number, digits only (bereik, totaal_eur)."""
    value = text.strip().removeprefix("€").strip()
    if not _WHOLE.fullmatch(value):
        raise ValueError(
            f"'{text.strip()}' is geen heel getal: schrijf alleen cijfers, zonder punten of "
            "spaties, bijvoorbeeld 38000"
        )
    return int(value)


def amount(text: str) -> int | float:
    """A non-negative amount with at most two decimals (per_deelnemer_eur): '320', '12,50'."""
    match = _AMOUNT.fullmatch(text.strip().removeprefix("€").strip())
    if not match:
        raise ValueError(
            f"'{text.strip()}' is geen bedrag: schrijf cijfers met hooguit twee cijfers na de "
            "komma, zonder punten voor de duizendtallen, bijvoorbeeld 320 of 12,50"
        )
    whole, cents = match.groups()
    return float(f"{whole}.{cents}") if cents and int(cents) else int(whole)
