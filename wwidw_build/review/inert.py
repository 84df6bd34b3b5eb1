"""Contributor strings as inert Markdown for the review comment on GitHub.

A review comment promises that contributors cannot add links, images, mentions or HTML. Escaping
Markdown syntax is not enough for that on GitHub: it also turns plain text into links (URLs with a
scheme, ``www.`` and e-mail addresses: GFM autolinks) and into references (``@user``, ``@org/team``,
``#123``, ``GH-123``, ``owner/repo#1``, ``user@sha``, commit hashes). So every contributor string
(titles, ids, file names, field values, messages that quote them) goes through ``md`` or ``code``:

- on one line, control, bidi and zero-width characters shown as escapes (``safe_text.one_line``);
- a zero-width space (U+200B) where GitHub would start or continue a link or a reference: before
  a dot and after a colon that are followed by text (``evil.example``, ``www.``, ``https://``,
  ``mailto:``, ``:emoji:``), after every ``@``, after a ``#`` and after a hyphen between a letter
  and a digit (``#1``, ``GH-1``, ``JIRA-1``), and after every sixth character of a run of seven or
  more hexadecimal digits (a commit hash). The text reads the same; a zero-width space is no
  letter, digit or URL character, and the GFM autolinker needs a literal ``www.`` or ``://``;
- every character Markdown or GFM give a meaning backslash-escaped (``md``), or the text in a code
  span, where GitHub neither links nor mentions (``code``).

tests/test_review.py renders reports with GitHub's own Markdown library (cmark-gfm) and checks
that no link, image, mention or reference comes out of contributor text.
"""

from __future__ import annotations

import re

from wwidw_build.safe_text import one_line

BREAK = "\u200b"  # ZERO WIDTH SPACE: invisible, not a letter, digit or URL character
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$])")
_BEFORE = re.compile(r"\.(?=\S)")  # dots inside domain names, www., file names
_AFTER = re.compile(
    r":(?=\S)"  # a scheme (https:, mailto:, xmpp:) or an emoji shortcode
    r"|@"  # mentions, teams, e-mail addresses, user@sha
    r"|#(?=\S)"  # issue references (#1, owner/repo#1)
    r"|(?<=[A-Za-z])-(?=[0-9])"  # GH-123 and custom autolink references
)
_HEX_RUN = re.compile(r"(?<![0-9A-Za-z])[0-9A-Fa-f]{7,}(?![0-9A-Za-z])")


def _break_hex(match: re.Match) -> str:
    run = match.group(0)
    return BREAK.join(run[i : i + 6] for i in range(0, len(run), 6))


def plain(text) -> str:
    """Contributor text on one line, with nothing GitHub could turn into a link or reference."""
    text = one_line(" ".join(str(text).split()))
    text = _HEX_RUN.sub(_break_hex, text)
    text = _BEFORE.sub(BREAK + ".", text)
    return _AFTER.sub(lambda m: m.group(0) + BREAK, text)


def md(text) -> str:
    """Contributor text as inert Markdown: ``plain``, with every ASCII punctuation character that
    Markdown, GFM or GitHub give a meaning escaped."""
    return _SPECIAL.sub(r"\\\1", plain(text))


def code(text) -> str:
    """Contributor text in a code span (ids, file names, values); ``md`` when a code span cannot
    hold it (a backtick, or a ``|`` that would split a table cell)."""
    text = one_line(" ".join(str(text).split()))
    if text and "`" not in text and "|" not in text:
        return f"`{text}`"
    return md(text)
