"""Results and unintended effects written one per line, as the issue form and ``wwidw new --result``
take them: ``effect-id | richting | indicator | nulmeting | eindmeting``.

Strict on purpose: a line has at most the documented parts, the effect is an id, the direction one of
the schema's six (its id or its Dutch label: ``geen_effect`` or ``Geen effect``). Whether the effect
exists is left to the validator, which checks the written file like any other. A measured value that
is a whole number becomes a number; anything else ("3,1", "60 procent") stays text, exactly as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wwidw_build.labels import RICHTING

RESULT_PARTS = ("effect", "richting", "indicator", "nulmeting", "eindmeting")
UNINTENDED_PARTS = ("effect", "richting", "indicator")
RESULT_FORMAT = "effect-id | richting | indicator | nulmeting | eindmeting"
UNINTENDED_FORMAT = "effect-id | richting | indicator"
RESULT_EXAMPLE = "minder-burenoverlast | werkt | overlastmeldingen per jaar | 140 | 95"
UNINTENDED_EXAMPLE = "minder-overlast | averechts | meldingen in de straten eromheen"

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_WHOLE = re.compile(r"-?[0-9]{1,15}")


def _plain(value: str) -> str:
    return " ".join(value.lower().replace("_", " ").split())


# "geen_effect", "Geen effect" and "geen  effect" are one direction; "werkt niet" is none
_DIRECTIONS = {_plain(k): k for k in RICHTING} | {_plain(v): k for k, v in RICHTING.items()}


class LineError(ValueError):
    """A line that does not follow the format; the message is Dutch."""


@dataclass(frozen=True)
class Format:
    parts: tuple[str, ...]
    text: str  # the format as shown to contributors
    example: str


RESULTS = Format(RESULT_PARTS, RESULT_FORMAT, RESULT_EXAMPLE)
UNINTENDED = Format(UNINTENDED_PARTS, UNINTENDED_FORMAT, UNINTENDED_EXAMPLE)


def direction(value: str) -> str:
    """The ``richting`` id for an id or a Dutch label (case and spacing free); LineError if none."""
    found = _DIRECTIONS.get(_plain(value))
    if found is None:
        raise LineError(f"'{value.strip()}' is geen richting; kies uit: {', '.join(RICHTING)}")
    return found


def measured(value: str) -> str | int:
    """A measured value: a whole number as a number, anything else as the text typed."""
    value = " ".join(value.split())
    return int(value) if _WHOLE.fullmatch(value) else value


def parse_line(line: str, form: Format = RESULTS) -> dict:
    """One line as a ``resultaten`` (or ``niet_beoogde_effecten``) item; LineError if it does not
    follow ``form``."""
    parts = [" ".join(part.split()) for part in line.split("|")]
    if len(parts) > len(form.parts):
        raise LineError(
            f"er staan {len(parts)} delen in, gescheiden door '|', en er mogen er hooguit "
            f"{len(form.parts)} zijn (een '|' mag niet in de tekst zelf staan)"
        )
    if len(parts) < 2:
        raise LineError("de richting ontbreekt (het tweede deel, na een '|')")
    effect = parts[0]
    if not effect:
        raise LineError("het effect ontbreekt (het eerste deel)")
    if not _ID.fullmatch(effect):
        raise LineError(
            f"'{effect}' is geen effect-id (kleine letters, cijfers en streepjes, "
            "zoals minder-burenoverlast)"
        )
    item: dict = {"effect": effect, "richting": direction(parts[1])}
    for name, value in zip(form.parts[2:], parts[2:]):
        if value:
            item[name] = value if name == "indicator" else measured(value)
    return item


def parse_lines(text: str, form: Format = RESULTS) -> tuple[list[dict], list[tuple[int, str, str]]]:
    """Every non-empty line of ``text``: the items, and the problems as (0-based line index, the
    line, the Dutch problem)."""
    items, problems = [], []
    for index, line in enumerate(text.split("\n")):
        if not line.strip():
            continue
        try:
            items.append(parse_line(line, form))
        except LineError as error:
            problems.append((index, line.strip(), str(error)))
    return items, problems
