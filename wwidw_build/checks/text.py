"""Contributor text: visible, without control characters, without bidirectional controls.

One rule set for every string a contributor writes, in every file the tool reads (the front matter of
descriptions, organisaties.yml, the taxonomies, bronnen.yml) and for the body of a description:

- no control character (Unicode category Cc: C0, DEL and C1, however written: YAML escapes such as
  ``"\\x07"`` or ``"\\u0000"`` reach the value as the character itself), except tab and newline in
  text that may have more lines (a schema property marked ``"x-multiline": true``, and the body);
  nor the Unicode line and paragraph separators, which readers and parsers disagree about;
- no bidirectional control (the Unicode property Bidi_Control: embeddings, overrides, isolates and
  the invisible direction marks), which can make text display as something other than what it is;
- a string has visible text: at least one character that is not whitespace, not a control or
  format character, not a combining mark without its letter, and not one of the characters Unicode
  says to ignore by default (zero-width spaces, fillers, variation selectors, ...).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from wwidw_build.diagnostics import diag

MULTILINE = "x-multiline"  # schema annotation: this text may hold newlines and tabs

# Unicode's Bidi_Control property (PropList.txt), complete.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_LINE_SEPARATORS = "\u2028\u2029"
_FORBIDDEN = {
    # multi-line allowed: tab and newline are fine
    True: re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_LINE_SEPARATORS}{''.join(BIDI_CONTROLS)}]"),
    False: re.compile(f"[\x00-\x1f\x7f-\x9f{_LINE_SEPARATORS}{''.join(BIDI_CONTROLS)}]"),
}
_NAMES = {"\t": "tab", "\n": "regeleinde", "\r": "regelterugloop", "\x00": "nulteken"}

# Default_Ignorable_Code_Point (DerivedCoreProperties.txt): never shown on their own.
_DEFAULT_IGNORABLE = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
_BLANK_SYMBOLS = frozenset("\u2800")  # BRAILLE PATTERN BLANK: a symbol that shows nothing
# Control, format, surrogate, private use, unassigned; separators (spaces, line, paragraph);
# combining marks (nothing to show without the letter they belong to).
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp", "Mn", "Me"})


def is_invisible(char: str) -> bool:
    """True for a character that shows nothing by itself."""
    code = ord(char)
    return (
        char.isspace()
        or unicodedata.category(char) in _INVISIBLE_CATEGORIES
        or char in _BLANK_SYMBOLS
        or any(low <= code <= high for low, high in _DEFAULT_IGNORABLE)
    )


def has_visible_text(text: str) -> bool:
    """At least one character a reader can see."""
    return any(not is_invisible(char) for char in text)


def character_label(char: str) -> str:
    """A character as a message shows it: never the character itself (it may be invisible or
    reorder the line), but its code point, with a Dutch name for the common ones."""
    point = f"U+{ord(char):04X}"
    return f"{_NAMES[char]} ({point})" if char in _NAMES else point


def forbidden(text: str, multiline: bool) -> Iterator[tuple[int, str, str]]:
    """Every forbidden character: (offset, code, character label); code is ``tekst-leesrichting``
    for a bidirectional control, else ``tekst-stuurteken``."""
    for match in _FORBIDDEN[multiline].finditer(text):
        char = match.group()
        code = "tekst-leesrichting" if char in BIDI_CONTROLS else "tekst-stuurteken"
        yield match.start(), code, character_label(char)


def first_forbidden(text: str, multiline: bool) -> tuple[int, str, str] | None:
    return next(forbidden(text, multiline), None)


def _strings(value, path: tuple = ()) -> Iterator[tuple[tuple, str, bool]]:
    """Every string in parsed data: (path, text, is a key). Depth is bounded by the YAML parser."""
    if isinstance(value, str):
        yield path, value, False
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                yield path + (key,), key, True
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))


def check_strings(data, parsed, file: str, multiline, label) -> tuple[list, set]:
    """Located diagnostics for every string value and key in ``data`` (parsed by strict_yaml);
    ``multiline(path)`` says whether the text there may have more lines, ``label(path)`` names the
    field. Returns the diagnostics and the paths they flag (so the schema check does not report
    the same value again, e.g. as too short)."""
    out, flagged = [], set()
    for path, text, is_key in _strings(data):
        if is_key:
            line, column = parsed.key_positions.get(path) or parsed.position(path)
            where = f"Een veldnaam in '{label(path[:-1])}'" if path[:-1] else "Een veldnaam"
        else:
            line, column = parsed.value_positions.get(path) or parsed.position(path)
            where = f"'{label(path)}'"
        problem = first_forbidden(text, not is_key and multiline(path))
        if problem is not None:
            _, code, char = problem
            out.append(diag(file, line, column, code, waar=where, teken=char))
        elif not is_key and not has_visible_text(text):
            out.append(diag(file, line, column, "tekst-onzichtbaar", waar=where))
        else:
            continue
        flagged.add(path)
    return out, flagged
