"""Strict YAML: plain data plus the source position of every key and list item.

We read YAML from libyaml's event stream (C-backed, fast) and build values ourselves, so that
everything YAML would otherwise do silently is reported instead: duplicate keys, anchors and
aliases, tags, merge keys and plain scalars that YAML 1.1 reads as booleans, dates or octal numbers.
Those ambiguous scalars are kept as the text the author typed and listed in ``ambiguous``; the
validator decides, with the schema in hand, whether text was wanted there.

Nesting is bounded (``MAX_DEPTH``): the builder recurses once per level, and no file we read needs
more than five, so deeper data is refused with a located problem before any deep recursion (libyaml's
own limit of 1,000 levels is far beyond Python's recursion limit).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import yaml

Path = tuple  # a path into the data: keys (str) and list indexes (int)

# Lists and groups inside each other: the schemas need at most five (effecten.yml: a list of domains,
# a domain, its effecten, an effect, its indicatoren). Every YAML file the tool reads goes through
# ``parse``, so this bound holds for all of them.
MAX_DEPTH = 20
TOO_DEEP = "exceeded maximum nesting depth"  # the detail of the problem (libyaml's own words)

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_YAML11_BOOL = re.compile(r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$")
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT = re.compile(
    r"^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?$|^[-+]?[0-9]+[eE][-+]?[0-9]+$"
)
_YAML11_NUMBER = re.compile(
    r"^[-+]?0[0-9_]+$"  # octal in YAML 1.1, decimal in 1.2
    r"|^[-+]?0[oxbOXB][0-9a-fA-F_]+$"  # other bases
    r"|^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$"  # sexagesimal
    r"|^[-+]?[0-9][0-9]*(?:_[0-9]+)+$"  # digit separators
    r"|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$"
)
_YAML11_DATE = re.compile(r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9].*)?$")


@dataclass(frozen=True)
class Problem:
    """A located YAML problem: a diagnostic code with its parameters (1-based line/column)."""

    line: int
    column: int
    code: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Ambiguity:
    raw: str
    kind: str  # "boolean", "datum" or "getal"
    line: int
    column: int


@dataclass
class Parsed:
    value: object = None
    key_positions: dict = field(default_factory=dict)  # Path -> (line, column) of key or list item
    value_positions: dict = field(default_factory=dict)  # Path -> (line, column) of the value
    ambiguous: dict = field(default_factory=dict)  # Path -> Ambiguity
    problems: list = field(default_factory=list)

    def position(self, path: Path) -> tuple[int, int]:
        """The best position for a path: its key, else the nearest enclosing one, else the start."""
        path = tuple(path)
        while path:
            if path in self.key_positions:
                return self.key_positions[path]
            path = path[:-1]
        return self.value_positions.get((), (1, 1))


def resolve_plain(text: str) -> tuple[object, str | None]:
    """Resolve a plain scalar per YAML 1.2 core; return (value, ambiguity kind or None)."""
    if _NULL.match(text):
        return None, None
    if text in _BOOL:
        return _BOOL[text], None
    if _YAML11_BOOL.match(text):
        return text, "boolean"
    if _YAML11_NUMBER.match(text):
        return text, "getal"
    if _INT.match(text):
        try:
            return int(text), None
        except ValueError:  # beyond Python's integer-string limit: surely not a year or an amount
            return text, "getal"
    if _FLOAT.match(text):
        value = float(text)
        # 1e999 overflows to inf: no amount or year is infinite, and JSON has no Infinity. Kept as
        # text, so a field that wants a number reports a located type error.
        return (value, None) if math.isfinite(value) else (text, "getal")
    if _YAML11_DATE.match(text):
        return text, "datum"
    return text, None


def parse(text: str, line_offset: int = 0) -> Parsed:
    """Parse one YAML document strictly. ``line_offset`` shifts reported lines (front matter)."""
    builder = _Builder(line_offset)
    try:
        builder.run(yaml.parse(text, Loader=_LOADER))
    except _TooDeep:
        builder.out.value = None
    except yaml.MarkedYAMLError as exc:
        builder.out.problems.append(_syntax_problem(exc, text, line_offset))
        builder.out.value = None
    except yaml.YAMLError as exc:  # e.g. ReaderError: a control character the YAML reader refuses
        position = getattr(exc, "position", 0) or 0
        line = text.count("\n", 0, position) + 1 + line_offset
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        builder.out.problems.append(
            Problem(line, column, "yaml-syntaxis", {"detail": "control character"})
        )
        builder.out.value = None
    return builder.out


def _is_plain(event) -> bool:
    """Plain (unquoted, untagged) scalar: libyaml reports style '' where pure PyYAML says None."""
    return event.style in (None, "") and event.tag is None


_UNCLOSED = (
    "found unexpected end of stream",
    "did not find expected ',' or",
    "found unexpected end",
)


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, line_offset: int) -> Problem:
    """Locate a syntax error; for something left unclosed, point at where it was opened."""
    unclosed = str(exc.problem or "").startswith(_UNCLOSED) and exc.context_mark is not None
    mark = exc.context_mark if unclosed else (exc.problem_mark or exc.context_mark)
    line, column = (mark.line, mark.column) if mark else (0, 0)
    lines = text.splitlines()
    source_line = lines[line] if line < len(lines) else ""
    position = (line + 1 + line_offset, column + 1)
    if "\t" in source_line[: column + 1] and not source_line[:column].strip(" \t-"):
        return Problem(*position, "yaml-tab")
    return Problem(*position, "yaml-syntaxis", {"detail": str(exc.problem or exc.context or "")})


class _TooDeep(Exception):
    """Raised (after reporting) when a list or group opens deeper than MAX_DEPTH: parsing stops."""


class _Builder:
    def __init__(self, line_offset: int):
        self.offset = line_offset
        self.out = Parsed()
        self.depth = 0  # lists and groups open around the current event

    def _pos(self, event) -> tuple[int, int]:
        mark = event.start_mark
        return mark.line + 1 + self.offset, mark.column + 1

    def _problem(self, event, code: str, **params) -> None:
        line, column = self._pos(event)
        self.out.problems.append(Problem(line, column, code, params))

    def run(self, events) -> None:
        events = iter(events)
        documents = 0
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self._problem(event, "yaml-meerdere-documenten")
                    return
                first = next(events)
                self.out.value_positions[()] = self._pos(first)
                self.out.value = self.node(first, events, ())

    def node(self, event, events, path: Path):
        if isinstance(event, yaml.AliasEvent):
            self._problem(event, "yaml-anker", naam=event.anchor)
            return None
        if event.anchor is not None:
            self._problem(event, "yaml-anker", naam=event.anchor)
        if event.tag is not None and not (isinstance(event, yaml.ScalarEvent) and event.tag == "!"):
            self._problem(event, "yaml-tag", tag=event.tag)
        if isinstance(event, yaml.ScalarEvent):
            return self.scalar(event, path)
        if self.depth >= MAX_DEPTH:
            self._problem(event, "yaml-syntaxis", detail=TOO_DEEP)
            raise _TooDeep
        self.depth += 1
        try:
            if isinstance(event, yaml.SequenceStartEvent):
                return self.sequence(events, path)
            return self.mapping(events, path)
        finally:
            self.depth -= 1

    def scalar(self, event, path: Path):
        if not _is_plain(event):
            return event.value
        value, kind = resolve_plain(event.value)
        if kind:
            self.out.ambiguous[path] = Ambiguity(event.value, kind, *self._pos(event))
        return value

    def sequence(self, events, path: Path) -> list:
        items = []
        for event in events:
            if isinstance(event, yaml.SequenceEndEvent):
                return items
            item_path = path + (len(items),)
            self.out.key_positions[item_path] = self.out.value_positions[item_path] = self._pos(
                event
            )
            items.append(self.node(event, events, item_path))
        return items

    def mapping(self, events, path: Path) -> dict:
        result: dict = {}
        for key_event in events:
            if isinstance(key_event, yaml.MappingEndEvent):
                return result
            value_event = None
            key = self._key(key_event, events)
            value_event = next(events)
            if key is None:
                self.node(value_event, events, path + ("?",))
                continue
            key_path = path + (key,)
            if key in result:
                self._problem(
                    key_event,
                    "yaml-dubbele-sleutel",
                    sleutel=key,
                    eerder=self.out.key_positions[key_path][0],
                )
                self.node(value_event, events, path + ("?",))
                continue
            self.out.key_positions[key_path] = self._pos(key_event)
            self.out.value_positions[key_path] = self._pos(value_event)
            result[key] = self.node(value_event, events, key_path)
        return result

    def _key(self, event, events) -> str | None:
        """Return the key text, or None (after reporting) when it is not a plain text key."""
        if not isinstance(event, yaml.ScalarEvent):
            self._problem(event, "yaml-sleutel-geen-tekst")
            self.node(event, events, ("?",))
            return None
        if event.anchor is not None or isinstance(event, yaml.AliasEvent):
            self._problem(event, "yaml-anker", naam=event.anchor)
        if event.tag is not None:
            self._problem(event, "yaml-tag", tag=event.tag)
        if event.value == "<<" and _is_plain(event):
            self._problem(event, "yaml-samenvoegen")
            return None
        return event.value
