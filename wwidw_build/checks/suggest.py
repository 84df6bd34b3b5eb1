"""'Bedoelde u ...?' suggestions for unknown ids, field names and choices."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping

# Words that turn a value into its opposite: a suggestion must agree with the value on them, so
# 'werkt niet' is never told "Bedoelde u 'werkt'?" (it means the opposite).
NEGATIONS = frozenset({"niet", "geen", "niets", "nooit", "zonder", "not", "no", "non"})


def suggestion(
    value: object, known: Mapping[str, str] | Iterable[str], otherwise: str = "", loose: bool = True
) -> str:
    """Return 'Bedoelde u 'x'? ' for the closest known id, or ``otherwise``.

    ``known`` maps ids to display names, or lists ids only. ``loose`` (ids a contributor types):
    also ignore case and surrounding spaces, match display names, and ids that contain the value or
    are contained in it. Without it (field names and choices of a schema) only a close spelling of
    the value as written counts."""
    if not isinstance(value, str) or not known:
        return otherwise
    names = known if isinstance(known, Mapping) else {key: key for key in known}
    close = _closest(value.strip().lower(), names) if loose else _same_polarity(value, names)
    return f"Bedoelde u '{close}'? " if close else otherwise


def negated(text: str) -> bool:
    return bool(NEGATIONS & set(re.split(r"[^a-z]+", text.lower())))


def _same_polarity(value: str, choices: Iterable[str]) -> str | None:
    """A close spelling among the choices that are negated exactly when the value is; a negated
    value with no close spelling gets the only negated choice there is, if there is one."""
    alike = [c for c in choices if negated(c) == negated(value)]
    close = _spelled_like(value, alike)
    if close is None and negated(value) and len(alike) == 1:
        return alike[0]
    return close


def _spelled_like(text: str, candidates: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(text, list(candidates), n=1, cutoff=0.6)
    return close[0] if close else None


def _closest(text: str, known: Mapping[str, str]) -> str | None:
    by_name = {name.lower(): key for key, name in known.items()}
    name = _spelled_like(text, by_name)
    return (
        _spelled_like(text, known)
        or (by_name[name] if name else None)
        or next((key for key in known if text and (text in key or key in text)), None)
    )
