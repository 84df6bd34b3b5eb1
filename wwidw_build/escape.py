"""Escaping for contributor text that goes into generated Markdown pages and page meta."""

from __future__ import annotations

import html


def esc(value: object) -> str:
    """Entity-encode everything but letters, digits and spaces: safe as HTML text, as an attribute
    value and inside Markdown (no emphasis, links, attr_list braces or raw HTML can be formed)."""
    text = " ".join(str(value).split())
    return "".join(c if c.isalnum() or c == " " else f"&#{ord(c)};" for c in text)


def attr(value: object) -> str:
    """For page meta that themes print into attributes without escaping (e.g. description)."""
    return html.escape(" ".join(str(value).split()), quote=True)
