"""Format diagnostics and statistics for people (text), tools (JSON) and GitHub (annotations).

File names and messages (which quote values) come from contributors: the text formats print them
through ``safe_text`` (one line each, no line that starts like a workflow command), the GitHub
format escapes them as the workflow-commands syntax specifies; JSON escapes them itself.
"""

from __future__ import annotations

import json
from itertools import groupby

from wwidw_build.checks.stats import Stats
from wwidw_build.diagnostics import Diagnostic
from wwidw_build.numbers import count
from wwidw_build.safe_text import guard_lines, one_line, workflow_data, workflow_property

_SEVERITY_NL = {"error": "fout", "warning": "waarschuwing"}


def count_line(diagnostics: list[Diagnostic]) -> str:
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    return (
        f"{count(errors, 'fout', 'fouten')}, {count(warnings, 'waarschuwing', 'waarschuwingen')}."
    )


def as_text(diagnostics: list[Diagnostic]) -> str:
    lines = []
    for file, group in groupby(diagnostics, key=lambda d: d.file):
        lines.append(one_line(file))
        for d in group:
            lines.append(
                f"  {one_line(d.file)}:{d.line}:{d.column}: {_SEVERITY_NL[d.severity.value]} "
                f"[{one_line(d.code)}] {one_line(d.message)}"
            )
            if d.hint:
                lines.append(f"      → {one_line(d.hint)}")
        lines.append("")
    lines.append(count_line(diagnostics))
    return guard_lines("\n".join(lines))


def as_json(diagnostics: list[Diagnostic], stats: Stats | None = None) -> str:
    data = {
        "diagnostics": [d.as_dict() for d in diagnostics],
        "errors": sum(d.is_error for d in diagnostics),
        "warnings": sum(not d.is_error for d in diagnostics),
    }
    if stats is not None:
        data["stats"] = stats.as_dict()
    return json.dumps(data, ensure_ascii=False, indent=2)


def as_github(diagnostics: list[Diagnostic]) -> str:
    """GitHub Actions workflow commands: one ::error/::warning annotation per diagnostic.

    The file stays exact (the annotation must find it), escaped as a property; the message shows
    control and bidi characters as escapes, like the text format."""
    lines = []
    for d in diagnostics:
        kind = "error" if d.is_error else "warning"
        props = (
            f"file={workflow_property(d.file)},line={d.line},col={d.column},"
            f"title={workflow_property(one_line(d.code))}"
        )
        text = one_line(f"{d.message} {d.hint}".strip())
        lines.append(f"::{kind} {props}::{workflow_data(text)}")
    lines.append(count_line(diagnostics))
    return "\n".join(lines)


def stats_text(stats: Stats) -> str:
    lines = ["", "Overzicht", f"  beschrijvingen: {stats.total}"]
    lines += [f"  {kind}: {n}" for kind, n in stats.per_kind.items()]
    lines.append(
        "  per zichtbaarheid: " + ", ".join(f"{k} {n}" for k, n in stats.per_visibility.items())
    )
    lines.append(f"  concepten: {stats.concepts}")
    lines.append(f"  gemiddelde volledigheid: {stats.average_score}")
    lines.append("  volledigheid per beschrijving:")
    width = max((len(one_line(i)) for i in stats.scores), default=0)
    for doc_id, score in sorted(stats.scores.items(), key=lambda kv: (kv[1], kv[0])):
        lines.append(f"    {one_line(doc_id):<{width}}  {score:>3}")
    return guard_lines("\n".join(lines))
