"""build_report: the progress lines and summary of `wwidw build` print contributor names inertly."""

from __future__ import annotations

from wwidw_build.audit import Leak
from wwidw_build.build import AudienceResult
from wwidw_build.build_report import ProgressPrinter, summary_table

NAME = "x\n::error::gehackt\n##[error]ook"


def command_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith(("::", "##["))]


def test_summary_names_leaks_and_failures_on_their_own_lines():
    results = [
        AudienceResult(
            "organisatie:welzijn-de-brug",
            ok=False,
            leaks=(Leak(f"praktijken/{NAME}/index.html", NAME, f"de titel '{NAME}'"),),
        ),
        AudienceResult(
            "openbaar",
            ok=False,
            problems=(
                f"ERROR - Doc file '{NAME}.md' kon niet worden gelezen\n::warning::uit de log",
            ),
        ),
    ]
    table = summary_table(results)
    assert command_lines(table) == []
    assert "praktijken/x\\n::error::gehackt\\n##[error]ook/index.html bevat" in table
    assert "\\::warning::uit de log" in table  # a log line of a tool keeps its place, inert
    assert "LEK GEVONDEN" in table and "MISLUKT" in table


def test_progress_lines(capsys):
    ProgressPrinter().stage(NAME, "renderen")
    assert command_lines(capsys.readouterr().err) == []
