"""Format diagnostics and statistics for people (text), tools (JSON) and GitHub (annotations)."""

from __future__ import annotations

import json
from itertools import groupby

from wwidw_build.checks.stats import Stats
from wwidw_build.diagnostics import Diagnostic

_SEVERITY_NL = {"error": "fout", "warning": "waarschuwing"}


def count_line(diagnostics: list[Diagnostic]) -> str:
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    return f"{errors} fout(en), {warnings} waarschuwing(en)."


def as_text(diagnostics: list[Diagnostic]) -> str:
    lines = []
    for file, group in groupby(diagnostics, key=lambda d: d.file):
        lines.append(file)
        for d in group:
            lines.append(
                f"  {d.file}:{d.line}:{d.column}: {_SEVERITY_NL[d.severity.value]} [{d.code}] {d.message}"
            )
            if d.hint:
                lines.append(f"      → {d.hint}")
        lines.append("")
    lines.append(count_line(diagnostics))
    return "\n".join(lines)


def as_json(diagnostics: list[Diagnostic], stats: Stats | None = None) -> str:
    data = {
        "diagnostics": [d.as_dict() for d in diagnostics],
        "errors": sum(d.is_error for d in diagnostics),
        "warnings": sum(not d.is_error for d in diagnostics),
    }
    if stats is not None:
        data["stats"] = stats.as_dict()
    return json.dumps(data, ensure_ascii=False, indent=2)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(diagnostics: list[Diagnostic]) -> str:
    """GitHub Actions workflow commands: one ::error/::warning annotation per diagnostic."""
    lines = []
    for d in diagnostics:
        kind = "error" if d.is_error else "warning"
        props = f"file={_escape_property(d.file)},line={d.line},col={d.column},title={_escape_property(d.code)}"
        text = f"{d.message} {d.hint}".strip()
        lines.append(f"::{kind} {props}::{_escape_data(text)}")
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
    width = max((len(i) for i in stats.scores), default=0)
    for doc_id, score in sorted(stats.scores.items(), key=lambda kv: (kv[1], kv[0])):
        lines.append(f"    {doc_id:<{width}}  {score:>3}")
    return "\n".join(lines)
