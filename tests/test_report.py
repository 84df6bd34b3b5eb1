"""report: diagnostics as text, JSON and GitHub annotations; contributor strings stay inert."""

import re
import subprocess
import sys

import pytest

from wwidw_build.checks.stats import Stats
from wwidw_build.diagnostics import diag
from wwidw_build.report import as_github, as_text, stats_text

D = [
    diag(
        "content/praktijken/a.md", 3, 5, "veld-verplicht", veld="titel", waar="", uitleg="Titel: x"
    ),
    diag("content/praktijken/a.md", 9, 1, "sectie-ontbreekt", sectie="Doel"),
    diag("content/praktijken/b,c.md", 1, 1, "bestand-leeg"),
]


def test_text_groups_per_file():
    text = as_text(D)
    assert text.count("content/praktijken/a.md\n") == 1
    assert "content/praktijken/a.md:3:5: fout [veld-verplicht]" in text
    assert "2 fouten, 1 waarschuwing." in text


def test_github_escapes_properties_and_data():
    lines = as_github(D).splitlines()
    assert lines[0].startswith(
        "::error file=content/praktijken/a.md,line=3,col=5,title=veld-verplicht::"
    )
    assert lines[1].startswith("::warning ")
    assert "file=content/praktijken/b%2Cc.md" in lines[2]


# A file name a contributor can commit: a newline, then a workflow command of its own.
HOSTILE_NAME = "content/praktijken/x\n::error::gehackt\n.md"
HOSTILE = [
    diag(HOSTILE_NAME, 1, 1, "id-ongeldig", id="x\n::error::gehackt\n", voorstel="x-error-gehackt"),
    diag(
        "content/praktijken/a.md",
        2,
        1,
        "veld-type",
        veld="titel\r\n##[group]y",
        verwacht="tekst",
        gekregen="lijst",
        uitleg="",
    ),
]


def command_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith(("::", "##["))]


def test_text_never_lets_a_file_name_or_value_start_a_line():
    text = as_text(HOSTILE)
    assert command_lines(text) == []
    assert "content/praktijken/x\\n::error::gehackt\\n.md:1:1: fout [id-ongeldig]" in text


def test_github_gives_one_command_per_diagnostic_and_keeps_the_file_exact():
    lines = as_github(HOSTILE).splitlines()
    assert len(command_lines("\n".join(lines))) == len(HOSTILE) == len(lines) - 1
    assert lines[0].startswith(
        "::error file=content/praktijken/x%0A%3A%3Aerror%3A%3Agehackt%0A.md,line=1,col=1,"
    )
    message = lines[0].split("::", 2)[2]
    assert message.startswith("De bestandsnaam 'x\\n::error::gehackt\\n' is geen geldige id.")
    assert "%0A" not in message and "%0D" not in lines[1]  # messages show line breaks as \n, \r


def test_stats_print_ids_on_one_line():
    stats = Stats(
        total=1,
        per_kind={"praktijk": 1, "archetype": 0},
        per_visibility={"openbaar": 1},
        concepts=0,
        scores={"x\n::error::gehackt": 50},
    )
    assert command_lines(stats_text(stats)) == []


@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["validate", "--format", "github"],
        ["validate", "--stats"],
        ["build", "--audience", "openbaar"],
    ],
)
def test_a_real_file_name_with_a_newline_prints_no_workflow_command(
    content_copy, tmp_path, command
):
    sample = content_copy / "praktijken" / "klushuizen-spoorbuurt.md"
    hostile = content_copy / "praktijken" / "x\n::error::gehackt\n##[error]ook.md"
    hostile.write_bytes(sample.read_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "wwidw_build", *command, "--content", str(content_copy)]
        + (["--out", str(tmp_path / "site")] if command[0] == "build" else []),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr
    printed = result.stdout + result.stderr
    assert "gehackt" in printed  # the file is named, escaped
    commands = command_lines(printed)
    if "github" in command:
        # exactly the annotations the report made, each on its own line
        well_formed = re.compile(
            r"::(error|warning) file=[^:,]*,line=\d+,col=\d+,title=[a-z0-9-]+::"
        )
        assert commands and all(well_formed.match(line) for line in commands), commands
    else:
        assert commands == []
    assert not (tmp_path / "site").exists()
