import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def wwidw(*args, cwd=REPO):
    return subprocess.run(
        [sys.executable, "-m", "wwidw_build", *args], capture_output=True, text=True, cwd=cwd
    )


def test_sample_content_validates_clean():
    result = wwidw("validate")
    assert result.returncode == 0, result.stdout
    assert "0 fouten" in result.stdout


def test_stats_summary():
    result = wwidw("validate", "--stats")
    assert result.returncode == 0
    for word in (
        "beschrijvingen:",
        "praktijk:",
        "archetype:",
        "per zichtbaarheid: openbaar",
        "volledigheid",
    ):
        assert word in result.stdout


def test_json_has_the_documented_keys(content_copy):
    (content_copy / "praktijken" / "kapot.md").write_text("---\ntitel: x\n")
    result = wwidw("validate", "--content", str(content_copy), "--format", "json", "--stats")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    diagnostic = data["diagnostics"][0]
    assert set(diagnostic) == {"file", "line", "column", "severity", "code", "message", "hint"}
    assert data["errors"] == 1 and data["stats"]["total"] >= 20


def test_github_annotations(content_copy):
    (content_copy / "praktijken" / "kapot.md").write_text("---\ntitel: x\n")
    result = wwidw("validate", "--content", str(content_copy), "--format", "github")
    assert result.returncode == 1
    assert (
        "::error file=content/praktijken/kapot.md,line=1,col=1,title=voorwerk-niet-afgesloten::"
        in result.stdout
    )


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "--format", "xml"],
        ["validate", "--onbekend"],
        ["bestaat-niet"],
        ["validate", "--content", "/bestaat/niet"],
        ["new", "boek"],
    ],
)
def test_usage_errors_exit_2_in_dutch(args):
    result = wwidw(*args)
    assert result.returncode == 2
    assert "Fout:" in result.stderr and "Traceback" not in result.stderr


def test_help_is_dutch():
    for args in (["--help"], ["validate", "--help"], ["new", "--help"]):
        result = wwidw(*args)
        assert result.returncode == 0 and "Gebruik:" in result.stdout and "Opties:" in result.stdout
        assert "Show this message" not in result.stdout


def test_console_script_is_installed():
    result = subprocess.run(
        [str(Path(sys.executable).parent / "wwidw"), "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout.startswith("wwidw ")
