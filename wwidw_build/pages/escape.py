"""Escaping for contributor text that goes into generated Markdown pages and page meta."""

from __future__ import annotations

import functools
import html
import re

# Everything but letters, digits and spaces; in str patterns \w is exactly str.isalnum() plus "_".
_UNSAFE = re.compile(r"[^\w ]|_")


def esc(value: object) -> str:
    """Entity-encode everything but letters, digits and spaces: safe as HTML text, as an attribute
    value and inside Markdown (no emphasis, links, attr_list braces or raw HTML can be formed)."""
    return _esc(" ".join(str(value).split()))


@functools.lru_cache(maxsize=1 << 16)  # lists repeat the same titles and names many times
def _esc(text: str) -> str:
    return _UNSAFE.sub(lambda match: f"&#{ord(match.group())};", text)


def attr(value: object) -> str:
    """For page meta that themes print into attributes without escaping (e.g. description)."""
    return html.escape(" ".join(str(value).split()), quote=True)
