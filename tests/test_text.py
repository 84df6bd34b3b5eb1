"""Contributor text (wwidw_build.checks.text): visible, no control characters, no bidi controls; and
how the schema check applies it to every string of every file kind."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wwidw_build.checks import text
from wwidw_build.checks.schema_check import SCHEMA_NAMES, check, multiline, schema
from wwidw_build.strict_yaml import parse

INVISIBLE = [
    " ",
    "\u00a0",  # no-break space
    "\u2003",  # em space
    "\u3000",  # ideographic space
    "\u200b",  # zero-width space
    "\u200d",  # zero-width joiner
    "\u2060",  # word joiner
    "\ufeff",  # byte order mark
    "\u00ad",  # soft hyphen
    "\u034f",  # combining grapheme joiner
    "\u0301",  # a combining accent without its letter
    "\u3164",  # hangul filler
    "\uffa0",  # halfwidth hangul filler
    "\u2800",  # braille pattern blank
    "\ufe0f",  # variation selector
    "\U000e0041",  # tag letter
    "\ue000",  # private use
    "\u202e",  # right-to-left override
    "\t",
    "\n",
]
VISIBLE = ["a", "É", "7", "€", ".", "—", "ا", "א", "中", "😀"]


@pytest.mark.parametrize("char", INVISIBLE)
def test_invisible_characters(char):
    assert text.is_invisible(char)
    assert not text.has_visible_text(char * 5)


@pytest.mark.parametrize("char", VISIBLE)
def test_visible_characters(char):
    assert not text.is_invisible(char)
    assert text.has_visible_text(" \u200b" + char + "\u0301 ")


@given(st.text(st.characters(categories=["Zs", "Cf", "Mn", "Me", "Cc", "Zl", "Zp", "Co"])))
def test_text_of_spaces_controls_format_and_marks_only_is_never_visible(value):
    assert not text.has_visible_text(value)


@given(
    st.text(st.sampled_from(INVISIBLE)),
    st.characters(categories=["Lu", "Ll", "Lt", "Nd", "Po", "Sm", "Sc"]),
    st.text(st.sampled_from(INVISIBLE)),
)
def test_one_letter_digit_punctuation_or_symbol_makes_text_visible(before, char, after):
    assert text.has_visible_text(before + char + after)


def test_bidi_controls_are_the_unicode_property_exactly():
    assert {
        chr(c) for c in [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
    } == text.BIDI_CONTROLS


@pytest.mark.parametrize("char", sorted(text.BIDI_CONTROLS))
@pytest.mark.parametrize("more_lines", [True, False])
def test_every_bidi_control_is_refused_everywhere(char, more_lines):
    [(offset, code, label)] = text.forbidden(f"ab{char}c", more_lines)
    assert (offset, code, label) == (2, "tekst-leesrichting", f"U+{ord(char):04X}")


@pytest.mark.parametrize(
    "char", [chr(c) for c in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), 0x2028, 0x2029]]
)
def test_control_characters_and_separators_are_refused(char):
    allowed = char in "\t\n"
    assert bool(list(text.forbidden(f"a{char}b", True))) != allowed
    [(offset, code, _)] = text.forbidden(f"a{char}b", False)
    assert (offset, code) == (1, "tekst-stuurteken")


def test_labels_never_show_the_character_itself():
    assert text.character_label("\n") == "regeleinde (U+000A)"
    assert text.character_label("\x07") == "U+0007"
    assert text.character_label("\u202e") == "U+202E"


def test_every_unicode_control_character_is_covered():
    """Category Cc is exactly what the control-character rule refuses (tab and newline aside)."""
    controls = {chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cc"}
    refused = {c for c in controls if list(text.forbidden(c, True))}
    assert refused == controls - {"\t", "\n"}


# --- Through the schema check: every string of every file kind -------------------------------------


def codes(name: str, yaml_text: str) -> list[tuple[str, int]]:
    parsed = parse(yaml_text)
    return sorted((d.code, d.line) for d in check(name, parsed.value, parsed, "x.yml"))


def test_multiline_is_marked_in_the_schemas_on_long_text_only():
    marked = {
        (name, path)
        for name in SCHEMA_NAMES
        for path in _string_paths(schema(name))
        if multiline(name, tuple(0 if p == "*" else p for p in path))
    }
    assert {path[-1] for _, path in marked} == {
        "samenvatting",
        "toelichting",
        "onderbouwing",
        "omschrijving",
        "kostenindicatie",
        "reden",  # a change log entry (geschiedenis)
    }


def _string_paths(node, path=()):
    while "$ref" in node:
        node = schema_defs(node)
    if node.get("type") == "string":
        yield path
    for key, sub in node.get("properties", {}).items():
        yield from _string_paths(sub, path + (key,))
    if "items" in node:
        yield from _string_paths(node["items"], path + ("*",))


def schema_defs(node):
    for name in SCHEMA_NAMES:
        defs = schema(name).get("$defs", {})
        target = node["$ref"].rsplit("/", 1)[-1]
        if target in defs:
            return defs[target] | {k: v for k, v in node.items() if k != "$ref"}
    raise KeyError(node["$ref"])


def test_newline_and_tab_only_in_long_text():
    text_ok = '- id: a\n  naam: Aa\n  omschrijving: "Eerste regel\\n\\tTweede regel"\n'
    assert codes("themas", text_ok) == []
    one_line = '- id: a\n  naam: "Aa\\nBb"\n'
    assert codes("themas", one_line) == [("tekst-stuurteken", 2)]


def test_an_id_with_a_trailing_newline_is_refused():
    """Python's '$' matches before a final newline, so the id pattern alone lets 'a\\n' through."""
    assert codes("themas", '- id: "aa\\n"\n  naam: Aa\n') == [("tekst-stuurteken", 1)]


def test_a_key_with_a_control_character_is_reported_at_the_key():
    found = codes("themas", '- id: aa\n  naam: Aa\n  "na\\u202eam": x\n')
    assert ("tekst-leesrichting", 3) in found


def test_invisible_text_is_reported_once_not_also_as_too_short():
    assert codes("themas", '- id: aa\n  naam: "  "\n') == [("tekst-onzichtbaar", 2)]


def test_an_empty_optional_text_is_invisible_too():
    assert codes("themas", '- id: aa\n  naam: Aa\n  omschrijving: ""\n') == [
        ("tekst-onzichtbaar", 3)
    ]
