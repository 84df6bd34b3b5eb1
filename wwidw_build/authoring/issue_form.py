"""Read a submitted GitHub issue form ("Nieuwe praktijkbeschrijving") into scaffold.Answers.

GitHub writes a submitted issue form into the issue body as one ``### <label>`` heading per field,
a blank line and the value (``_No response_`` for a field left empty). The fields and their order are
fixed (``FIELDS``; the form itself is generated from the same table by ``issue_form_template``), so
each value runs from its own heading to the next *expected* heading: a ``###`` line a contributor
typed inside a text stays part of that text.

Before anything is read, ``issue_form_shown`` checks that GitHub shows the body as it is written:
exactly the form's headings, in order, each once, and no HTML, comments, entities, invisible or
bidi characters, link definitions or headings in an answer. A body that fails is refused whole.

Every value is data. It only reaches ``scaffold.Answers``; the scaffold dumps the front matter with a
YAML dumper and validates the whole file in memory before anything is written, exactly as for
``wwidw new``. Section texts keep their Markdown, with headings demoted below ``##`` and unbalanced
code fences and HTML comments neutralised, so one section can never swallow or fake the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wwidw_build.authoring import result_lines, typed_values
from wwidw_build.authoring.issue_form_shown import shown_problems
from wwidw_build.authoring.scaffold import Answers
from wwidw_build.checks.rules import suggest_id
from wwidw_build.diagnostics import Diagnostic, diag
from wwidw_build.sections import PRAKTIJK_SECTIONS

NO_RESPONSE = "_No response_"
TRIGGER_LABEL = "nieuwe-praktijk"  # the label that makes .github/workflows/formulier.yml run


@dataclass(frozen=True)
class Field:
    key: str  # the Answers attribute (or the section title for kind "section")
    label: str  # the heading GitHub writes into the issue body
    kind: str  # text, longtext, year, count, amount, choice, choices, ids, list, lines, checkbox, section
    required: bool = False
    element: str = ""  # the element's id, when its key would clash with a section's

    @property
    def element_id(self) -> str:
        """The form element's id (letters, digits, hyphens and underscores only)."""
        return self.element or (suggest_id(self.key) if self.kind == "section" else self.key)


FIELDS: tuple[Field, ...] = (
    Field("titel", "Titel", "text", True),
    Field("samenvatting", "Samenvatting", "longtext", True),
    Field("organisatie", "Organisatie", "choice", True),
    Field("gemeente", "Gemeente", "text", True),
    Field("wijk", "Wijk of buurt", "text"),
    Field("startjaar", "Startjaar", "year", True),
    Field("eindjaar", "Eindjaar", "year"),
    Field("projectstatus", "Projectstatus", "choice", True),
    Field("themas", "Thema's", "choices", True),
    Field("doelgroepen", "Doelgroepen", "choices"),
    Field("effecten", "Beoogde effecten", "ids", True),
    Field("resultaten", "Resultaten per effect", "lines", element="resultaten_per_effect"),
    Field("niet_beoogde_effecten", "Niet-beoogde effecten", "lines"),
    Field("meetontwerp", "Meetontwerp", "choice"),
    Field("evaluatie_soort", "Evaluatie", "choice"),
    Field("evaluatie_door", "Evaluatie uitgevoerd door", "text"),
    Field("bewijsniveau", "Bewijsniveau", "choice"),
    Field("bereik", "Bereik", "count"),
    Field("bereik_eenheid", "Eenheid van het bereik", "choice"),
    Field("kosten_totaal", "Totale kosten (euro)", "count"),
    Field("kosten_per_deelnemer", "Kosten per deelnemer (euro)", "amount"),
    Field("financiering", "Financiering", "list"),
    Field("zichtbaarheid", "Zichtbaarheid", "choice", True),
    Field("contact_naam", "Naam contactpersoon", "text"),
    Field("contact_email", "E-mailadres contactpersoon", "text"),
    Field("contact_openbaar", "Contactgegevens openbaar", "checkbox"),
    Field("auteurs", "Auteurs", "list"),
    *(Field(title, title, "section") for title in PRAKTIJK_SECTIONS),
    Field("privacy", "Privacy", "checkbox", True),
)

_OPTION_ID = re.compile(r"\(([a-z0-9]+(?:[-_][a-z0-9]+)*)\)[ \t]*(?=,|$)", re.M)
# The format of each one-per-line field (authoring/result_lines.py)
LINE_FORMATS = {
    "resultaten": result_lines.RESULTS,
    "niet_beoogde_effecten": result_lines.UNINTENDED,
}
NUMBERS = {"count": typed_values.count, "amount": typed_values.amount}
_CHECKED = re.compile(r"^\s*- \[[xX]\]", re.M)
_YEAR = re.compile(r"\d{4}")
_HEADING = re.compile(r"^ {0,3}#{1,2}(?=[ \t]|$)", re.M)
_FENCE = re.compile(r"^ {0,3}(```|~~~)", re.M)


@dataclass(frozen=True)
class RawValue:
    text: str  # the value as GitHub wrote it, "" for _No response_
    line: int  # 1-based line of the value in the issue body (for diagnostics)


def split_fields(body: str) -> dict[str, RawValue]:
    """Map each field key to its raw value, following the expected headings in order."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    found: list[tuple[Field, int]] = []
    start = 0
    for field in FIELDS:
        heading = f"### {field.label}"
        index = next((i for i in range(start, len(lines)) if lines[i].rstrip() == heading), None)
        if index is not None:
            found.append((field, index))
            start = index + 1
    values = {}
    for number, (field, index) in enumerate(found):
        end = found[number + 1][1] if number + 1 < len(found) else len(lines)
        chunk = lines[index + 1 : end]
        first = next((i for i, line in enumerate(chunk) if line.strip()), 0)
        text = "\n".join(chunk).strip()
        values[field.key] = RawValue("" if text == NO_RESPONSE else text, index + 2 + first)
    return values


def option_ids(value: str) -> list[str]:
    """Ids from dropdown options written as 'Naam (id)', or from a plain comma-separated list of ids."""
    found = _OPTION_ID.findall(value)
    if found:
        return list(dict.fromkeys(found))
    return list(dict.fromkeys(part for part in re.split(r"[,;\s]+", value) if part))


def clean_section(text: str) -> str:
    """A contributor's section text, made safe to sit between the template's ``##`` headings."""
    text = _HEADING.sub("###", text.replace("\r\n", "\n")).replace("<!--", "&lt;!--").strip()
    if len(_FENCE.findall(text)) % 2:
        text += "\n```"
    return text


def _year(field: Field, raw: RawValue, source: str, problems: list[Diagnostic]) -> int | None:
    value = raw.text.strip()
    if not value:
        return None
    if _YEAR.fullmatch(value):
        return int(value)
    problems.append(
        diag(source, raw.line, 1, "formulier-geen-jaar", waarde=value[:40], veld=field.label)
    )
    return None


def _number(field: Field, raw: RawValue, source: str, problems: list[Diagnostic]):
    value = raw.text.strip()
    if not value:
        return None
    try:
        return NUMBERS[field.kind](value)
    except ValueError as error:
        problems.append(
            diag(source, raw.line, 1, "formulier-geen-getal", veld=field.label, probleem=error)
        )
        return None


def _lines(field: Field, raw: RawValue, source: str, problems: list[Diagnostic]) -> list[dict]:
    """One item per non-empty line; each line that does not follow the format is a located
    problem naming the line."""
    form = LINE_FORMATS[field.key]
    items, wrong = result_lines.parse_lines(raw.text, form)
    problems += [
        diag(
            source,
            raw.line + index,
            1,
            "formulier-regel",
            veld=field.label,
            regel=line[:80],
            probleem=problem,
            formaat=form.text,
            voorbeeld=form.example,
        )
        for index, line, problem in wrong
    ]
    return items


def _convert(field: Field, raw: RawValue, source: str, problems: list[Diagnostic]):
    if field.kind == "year":
        return _year(field, raw, source, problems)
    if field.kind in NUMBERS:
        return _number(field, raw, source, problems)
    if field.kind == "lines":
        return _lines(field, raw, source, problems)
    if field.kind == "checkbox":
        return bool(_CHECKED.search(raw.text))
    if field.kind == "choice":
        ids = option_ids(raw.text) if "(" in raw.text else [raw.text.strip()]
        return ids[0] if ids else ""
    if field.kind in ("choices", "ids"):
        return option_ids(raw.text)
    if field.kind == "list":
        return [part.strip() for part in raw.text.split(",") if part.strip()]
    if field.kind == "section":
        return clean_section(raw.text)
    return " ".join(raw.text.split())  # text and longtext: one line, single spaces


def parse_issue_body(body: str, source: str) -> tuple[Answers, list[Diagnostic]]:
    """The answers of a submitted form (kind praktijk) and the problems only the form can have.

    Everything else (missing fields, unknown ids, lengths, years) is left to ``scaffold.check``, which
    validates the rendered file like any other description. A body that GitHub does not show as
    written gives only those problems, and empty answers.
    """
    problems = shown_problems(body, FIELDS, source)
    if problems:  # not what the maintainer saw: read nothing from it
        return Answers(kind="praktijk"), problems
    raw = split_fields(body)
    values = {f.key: _convert(f, raw[f.key], source, problems) for f in FIELDS if f.key in raw}
    sections = {f.key: values[f.key] for f in FIELDS if f.kind == "section" and values.get(f.key)}
    plain = {
        f.key: values[f.key]
        for f in FIELDS
        if f.kind != "section" and f.key in values and f.key != "privacy"
    }
    return Answers(kind="praktijk", secties=sections, **plain), problems
