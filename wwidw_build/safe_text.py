"""Strings a contributor controls (file names, titles, values), made safe to print as plain text.

A CI log is read by the GitHub Actions runner, which takes every output line that starts (after
leading whitespace) with ``::`` or ``##[`` as a workflow command: a file name with a newline and
``::error::...`` in it would otherwise print an annotation of its own, or worse (``::add-mask::``,
``::stop-commands::``). So every printed contributor string goes through ``one_line`` (control,
format and line-separator characters written as visible escapes: a value can never start a line,
nor reorder the text with bidi overrides or move a terminal's cursor), and every printed block
through ``guard_lines`` (a line that would still start like a workflow command gets a backslash).

``workflow_data`` and ``workflow_property`` escape text *inside* a workflow command, as the GitHub
workflow-commands syntax specifies.
"""

from __future__ import annotations

import shlex
import unicodedata

# Control (Cc), format (Cf: bidi controls, zero-width characters), line and paragraph separators
# (Zl, Zp) and lone surrogates (Cs: a file name that is not UTF-8, as Python reads it).
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
COMMAND_STARTS = ("::", "##[")  # what the runner reads as a workflow command at a line's start


def _escape(char: str) -> str:
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def one_line(text: object) -> str:
    """``text`` on one line: every control, format or separator character as a visible escape."""
    text = str(text)
    return "".join(
        _escape(c) if unicodedata.category(c) in _ESCAPED_CATEGORIES else c for c in text
    )


def guard_lines(text: str) -> str:
    """Every line of ``text`` that starts like a workflow command, prefixed with a backslash."""
    lines = text.split("\n")
    for number, line in enumerate(lines):
        rest = line.lstrip()
        if rest.startswith(COMMAND_STARTS):
            lines[number] = line[: len(line) - len(rest)] + "\\" + rest
    return "\n".join(lines)


def plain_block(text: object) -> str:
    """A block of several lines (a tool's log): each line made safe, the line breaks kept."""
    return guard_lines("\n".join(one_line(line) for line in str(text).splitlines()))


def workflow_data(text: str) -> str:
    """The message of a workflow command (after the second ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def workflow_property(text: str) -> str:
    """A property value of a workflow command (``file=...``, ``title=...``)."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


def shell_word(text: str) -> str:
    """A path as one shell word on one line: shlex.quote, or bash's $'...' with escapes when the
    name holds a newline or another control character (so no line of it is a contributor's)."""
    if one_line(text) == text:
        return shlex.quote(text)
    return "$'" + one_line(text.replace("\\", "\\\\").replace("'", "\\'")) + "'"
