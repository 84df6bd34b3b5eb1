"""Click's own messages in Dutch: the catalog matches the installed Click, and the CLI shows no English."""

import ast
import re
import string
from pathlib import Path

import click
import pytest

from wwidw_build.cli import click_nl
from wwidw_build.cli.main import cli
from wwidw_build.cli.support import run

# Click's English as it would show in a help text or a usage error.
ENGLISH = (
    "Usage:",
    "[OPTIONS]",
    "COMMAND [ARGS]",
    "Options:",
    "Commands:",
    "[default:",
    "[required]",
    "Show this message",
    "TEXT",
    "INTEGER",
    "DIRECTORY",
    "No such",
    "Missing",
    "Invalid value",
    "requires an argument",
    "Did you mean",
    "does not exist",
    "Error:",
)


def click_literals() -> set[str]:
    """Every string literal in the installed Click's source (adjacent literals joined, as Python does)."""
    folder = Path(click.__file__).parent
    return {
        node.value
        for path in folder.glob("*.py")
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def fields(text: str) -> set[str]:
    braces = {name for _, name, spec, _ in string.Formatter().parse(text) if name is not None}
    return braces | set(re.findall(r"%\(\w+\)s", text))


def test_every_message_in_the_catalog_is_one_click_still_has():
    literals = click_literals()
    english = [*click_nl.MESSAGES, *(s for pair in click_nl.PLURALS for s in pair)]
    assert [m for m in english if m not in literals] == []


@pytest.mark.parametrize(
    "english, dutch",
    [
        *click_nl.MESSAGES.items(),
        *((e, d) for es, ds in click_nl.PLURALS.items() for e, d in zip(es, ds)),
    ],
)
def test_a_translation_keeps_every_placeholder(english, dutch):
    assert fields(dutch) == fields(english)
    assert dutch != english


def test_unknown_messages_and_counts_fall_back_to_click():
    assert click_nl.gettext("Something new in Click") == "Something new in Click"
    assert click_nl.ngettext("one {x}", "many {x}", 2) == "many {x}"
    pair = ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})")
    assert click_nl.ngettext(*pair, 1) == "Onverwacht extra argument ({args})"
    assert click_nl.ngettext(*pair, 3) == "Onverwachte extra argumenten ({args})"


def invoke(capsys, *args) -> tuple[int, str]:
    code = run(cli, list(args))
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.mark.parametrize("command", [None, *sorted(cli.commands)])
def test_help_has_no_english_click_fragments(capsys, command):
    code, text = invoke(capsys, *([command] if command else []), "--help")
    assert code == 0
    assert "Gebruik:" in text and "Opties:" in text
    assert [fragment for fragment in ENGLISH if fragment in text] == []


@pytest.mark.parametrize(
    "args, dutch",
    [
        (["bouw"], "Onbekende opdracht 'bouw'."),
        (["buil"], "Bedoelt u 'build'?"),
        (["build", "--audiense", "x"], "Onbekende optie '--audiense'. Bedoelt u '--audience'?"),
        (["build", "--audience"], "Optie '--audience' vraagt een waarde."),
        (["build", "extra"], "Onverwacht extra argument (extra)"),
        (["build", "--content", "README.md"], "Map 'README.md' is een bestand."),
        (["search"], "Er ontbreekt een argument 'WORDS...'."),
        (["search", "--limit", "x", "bewoners"], "'x' is geen geldig getal."),
    ],
)
def test_usage_errors_are_dutch_and_exit_2(capsys, args, dutch):
    code, text = invoke(capsys, *args)
    assert code == 2
    assert dutch in text
    assert [fragment for fragment in ENGLISH if fragment in text] == []
