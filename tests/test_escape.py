"""esc and attr: contributor text made inert for generated Markdown, HTML text and attributes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wwidw_build.pages.escape import attr, esc


def by_definition(value: str) -> str:
    text = " ".join(value.split())
    return "".join(c if c.isalnum() or c == " " else f"&#{ord(c)};" for c in text)


@settings(max_examples=500)
@given(st.text())
def test_esc_encodes_everything_but_letters_digits_and_single_spaces(value):
    assert esc(value) == by_definition(value)


def test_esc_examples():
    assert esc("Wijk_aanpak <b>*x*</b> {: onclick=y}") == (
        "Wijk&#95;aanpak &#60;b&#62;&#42;x&#42;&#60;&#47;b&#62; &#123;&#58; onclick&#61;y&#125;"
    )
    assert esc("  café\tzeeën\n2024 ") == "café zeeën 2024"
    assert esc(2024) == "2024"
    assert esc("a\u0301") == by_definition("a\u0301")  # a combining mark is not alphanumeric


def test_attr_escapes_quotes_and_collapses_space():
    assert attr(' "x" &\n<y> ') == "&quot;x&quot; &amp; &lt;y&gt;"
