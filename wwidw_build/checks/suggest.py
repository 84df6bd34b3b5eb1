"""'Bedoelde u ...?' suggestions for unknown ids, matching ids and display names."""

from __future__ import annotations

import difflib
from collections.abc import Mapping


def suggestion(value: object, known: Mapping[str, str]) -> str:
    """Return 'Bedoelde u 'x'? ' for the closest known id (by id or by name), or ''."""
    if not isinstance(value, str) or not known:
        return ""
    text = value.strip().lower()
    close = difflib.get_close_matches(text, list(known), n=1, cutoff=0.6)
    if not close:
        by_name = {name.lower(): key for key, name in known.items()}
        names = difflib.get_close_matches(text, list(by_name), n=1, cutoff=0.6)
        close = [by_name[n] for n in names]
    if not close:
        close = [key for key in known if text and (text in key or key in text)][:1]
    return f"Bedoelde u '{close[0]}'? " if close else ""
