"""What GitHub shows of a submitted issue form must be exactly what ``wwidw form`` reads.

A maintainer reads the issue on GitHub and approves it with a label; the parser then reads the
issue's Markdown source. Whatever GitHub renders differently from its source (an HTML comment that
hides a second set of answers, raw HTML, entities, invisible or bidi characters, link definitions,
formulas and diagrams) would let the label approve something else than what becomes the
description. So the body is checked against an allow-list, before anything is read from it:

- the structure is exactly what the form produces (``issue_form_template``): blank lines, then one
  ``### <label>`` line per field of ``FIELDS``, in order, each once; nothing before the first;
- an answer holds no heading that GitHub would show like a question of the form (levels 1 to 3, also
  setext and inside lists or quotes), and a checkbox answer is one line ``- [X] …`` or ``- [ ] …``;
- an answer holds none of the constructs GitHub does not show as written (``_HIDDEN`` below).

Each problem is a located diagnostic (line and column in the issue body) naming the question.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from wwidw_build.diagnostics import Diagnostic, diag

# The codes of a body that is refused whole (``wwidw form`` then checks nothing else).
CODES = frozenset(
    {
        "formulier-verborgen-tekst",
        "formulier-kop-in-antwoord",
        "formulier-kop-dubbel",
        "formulier-kop-ontbreekt",
        "formulier-volgorde",
        "formulier-tekst-vooraf",
        "formulier-vinkje",
    }
)
# Optional container markers before a block (block quotes, list items), as GitHub nests them.
_CONTAINERS = r"(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*"
_ATX_HEADING = re.compile(_CONTAINERS + r"#{1,3}(?=[ \t]|$)")
_SETEXT_UNDERLINE = re.compile(r"(?:[ \t]*>)*[ \t]*(?:=+|-+)[ \t]*$")
_QUOTE_PREFIX = re.compile(r"(?:[ \t]*>)*[ \t]*")
_LINK_DEFINITION = re.compile(_CONTAINERS + r"\[(?:[^\]\\]|\\.)+\]:")
# Fenced blocks GitHub renders as something else than their text (diagrams, maps, models, formulas).
_RENDERED_FENCE = re.compile(
    _CONTAINERS + r"(?:`{3,}|~{3,})[ \t]*(mermaid|geojson|topojson|stl|math)\b", re.I
)
_CHECKBOX = re.compile(r"- \[[ xX]\] \S[^\n]*")
_FENCE = re.compile(_CONTAINERS + r"(`{3,}|~{3,})(.*)$")

# Inline constructs, anywhere in an answer: (pattern, what it is, in Dutch).
_HIDDEN: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"<!--"), "een HTML-commentaar ('<!--')"),
    (re.compile(r"<[A-Za-z/!?][^\s>]{0,20}"), "HTML ('{fragment}')"),
    (
        re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"),
        "een HTML-entiteit ('{fragment}')",
    ),
)
# GitHub renders $…$ and $$…$$ as formulas (whose commands can hide text): a dollar sign followed
# by text, in an answer with a second one.
_FORMULA = re.compile(r"\$(?=\S)")
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Letters and marks that show nothing: Hangul fillers, the braille blank, the combining grapheme
# joiner, Khmer inherent vowels, Mongolian selectors; variation selectors but the two emoji ones.
_BLANK = frozenset("\u115f\u1160\u3164\uffa0\u2800\u034f\u17b4\u17b5\u180b\u180c\u180d\u180f")
_BLANK |= frozenset(chr(c) for c in range(0xFE00, 0xFE0E))
_BLANK |= frozenset(chr(c) for c in range(0xE0100, 0xE01F0))


def _invisible(char: str) -> str | None:
    """What an invisible character is (Dutch), or None for a character GitHub shows."""
    if char in "\n\t":
        return None
    if char in _BIDI:
        return f"een teken dat de schrijfrichting verandert (U+{ord(char):04X})"
    category = unicodedata.category(char)
    if category == "Cc":
        return f"een stuurteken (U+{ord(char):04X})"
    if category in ("Cf", "Zl", "Zp") or char in _BLANK:
        return f"een onzichtbaar teken (U+{ord(char):04X})"
    return None


def _problem_in_line(line: str, previous: str) -> tuple[str, int, dict] | None:
    """The first thing in one line of an answer that GitHub would not show as written:
    (code, column, message parameters), or None."""
    if _ATX_HEADING.match(line):
        return "formulier-kop-in-antwoord", 1, {"kop": line.strip()[:60]}
    if _SETEXT_UNDERLINE.match(line) and _QUOTE_PREFIX.sub("", previous, count=1).strip():
        return (
            "formulier-kop-in-antwoord",
            1,
            {"kop": f"{previous.strip()[:40]}, met {line.strip()[:10]} eronder"},
        )
    if _LINK_DEFINITION.match(line):
        wat = "een linkdefinitie ('[…]: …'), die GitHub niet toont"
        return "formulier-verborgen-tekst", 1, {"wat": wat}
    fence = _RENDERED_FENCE.match(line)
    if fence:
        wat = f"een blok dat GitHub als diagram, kaart of formule toont ('{fence.group(1)}')"
        return "formulier-verborgen-tekst", 1, {"wat": wat}
    for column, char in enumerate(line, 1):
        what = _invisible(char)
        if what:
            return "formulier-verborgen-tekst", column, {"wat": what}
    found = [(m.start(), m, what) for pattern, what in _HIDDEN if (m := pattern.search(line))]
    if found:
        start, match, what = min(found, key=lambda f: f[0])
        return "formulier-verborgen-tekst", start + 1, {"wat": what.format(fragment=match.group(0))}
    return None


def _unclosed_fence(answer: list[str]) -> int | None:
    """The line (in the answer) of a code fence that the answer does not close, or None: GitHub
    would show the questions after it as code, while the parser reads them as questions."""
    opened: tuple[int, str, int] | None = None  # line, fence character, fence length
    for i, line in enumerate(answer):
        fence = _FENCE.match(line)
        if not fence:
            continue
        marks, rest = fence.groups()
        if opened is None:
            if not (marks[0] == "`" and "`" in rest):
                opened = (i, marks[0], len(marks))
        elif marks[0] == opened[1] and len(marks) >= opened[2] and not rest.strip():
            opened = None
    return None if opened is None else opened[0]


def _structure(lines: list[str], labels: list[str], source: str) -> tuple[list, list[Diagnostic]]:
    """The line index of each question's heading, in order, or the problems of the structure."""
    wanted = {f"### {label}": label for label in labels}
    heads = [(i, wanted[line.rstrip()]) for i, line in enumerate(lines) if line.rstrip() in wanted]
    problems: list[Diagnostic] = []
    seen: set[str] = set()
    for index, label in heads:
        if label in seen:
            problems.append(diag(source, index + 1, 1, "formulier-kop-dubbel", kop=label))
        seen.add(label)
    for label in labels:
        if label not in seen:
            problems.append(diag(source, 1, 1, "formulier-kop-ontbreekt", kop=label))
    if not problems and [label for _, label in heads] != labels:
        index, label = next(h for h, want in zip(heads, labels) if h[1] != want)
        problems.append(diag(source, index + 1, 1, "formulier-volgorde", kop=label))
    first = heads[0][0] if heads else len(lines)
    before = next((i for i in range(first) if lines[i].strip()), None)
    if before is not None:
        problems.append(diag(source, before + 1, 1, "formulier-tekst-vooraf", kop=labels[0]))
    return heads, problems


def shown_problems(body: str, fields: Sequence, source: str) -> list[Diagnostic]:
    """Everything in a submitted form's body that GitHub does not show as ``wwidw form`` reads it.

    ``fields`` are ``issue_form.FIELDS`` (each with ``label`` and ``kind``)."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    labels = [field.label for field in fields]
    heads, problems = _structure(lines, labels, source)
    if problems:
        return problems
    kinds = {field.label: field.kind for field in fields}
    for number, (index, label) in enumerate(heads):
        end = heads[number + 1][0] if number + 1 < len(heads) else len(lines)
        found = _answer_problems(lines[index + 1 : end], kinds[label] == "checkbox")
        problems += [
            diag(source, index + 2 + i, col, code, veld=label, **p) for i, col, code, p in found
        ]
    return problems


def _answer_problems(answer: list[str], checkbox: bool) -> list[tuple[int, int, str, dict]]:
    """The problems of one answer (its lines): (line in the answer, column, code, parameters),
    at most one per code."""
    found: dict[str, tuple[int, int, str, dict]] = {}
    for i, line in enumerate(answer):
        problem = _problem_in_line(line, answer[i - 1] if i else "")
        if problem and problem[0] not in found:
            code, column, params = problem
            found[code] = (i, column, code, params)
    unclosed = _unclosed_fence(answer)
    if unclosed is not None and "formulier-verborgen-tekst" not in found:
        wat = (
            "een codeblok dat niet wordt afgesloten (GitHub toont de volgende vragen dan als code)"
        )
        found["formulier-verborgen-tekst"] = (
            unclosed,
            1,
            "formulier-verborgen-tekst",
            {"wat": wat},
        )
    text = "\n".join(answer)
    formula = _FORMULA.search(text)
    if formula and text.count("$") >= 2 and "formulier-verborgen-tekst" not in found:
        start = text.rfind("\n", 0, formula.start()) + 1
        fragment = text[formula.start() : formula.start() + 20].split("\n")[0]
        found["formulier-verborgen-tekst"] = (
            text.count("\n", 0, start),
            formula.start() - start + 1,
            "formulier-verborgen-tekst",
            {"wat": f"een formule ('{fragment}')"},
        )
    if checkbox and not _CHECKBOX.fullmatch(text.strip()):
        first = next((i for i, line in enumerate(answer) if line.strip()), 0)
        found["formulier-vinkje"] = (first, 1, "formulier-vinkje", {})
    return sorted(found.values(), key=lambda f: (f[0], f[1]))
