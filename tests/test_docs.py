"""The documentation keeps up with the code: every diagnostic code and command is documented."""

from pathlib import Path

from wwidw_build.cli.main import cli
from wwidw_build.messages import CATALOGUE

REPO = Path(__file__).resolve().parent.parent


def test_every_code_is_documented_in_contributing():
    text = (REPO / "CONTRIBUTING.md").read_text()
    assert [c for c in CATALOGUE if f"`{c}`" not in text] == []


def test_every_command_and_option_is_in_the_readme():
    text = (REPO / "README.md").read_text()
    for name, command in cli.commands.items():
        assert f"wwidw {name}" in text
        for param in command.params:
            for option in param.opts:
                if option.startswith("--") and option != "--help":
                    assert option in text, (name, option)


def test_quick_start_has_exactly_two_commands():
    text = (REPO / "README.md").read_text()
    block = text.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    assert [line.split()[0:2] for line in block.strip().splitlines()] == [
        ["make", "site"],
        ["make", "test"],
    ]


def test_ci_runs_make_test():
    assert "make test" in (REPO / ".ci" / "run").read_text()
