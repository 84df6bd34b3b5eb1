"""safe_text: contributor strings printed as plain text never start a workflow command."""

from __future__ import annotations

import subprocess

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wwidw_build.safe_text import (
    guard_lines,
    one_line,
    plain_block,
    shell_word,
    workflow_data,
    workflow_property,
)


def command_lines(text: str) -> list[str]:
    """The lines the GitHub Actions runner would read as workflow commands (it trims leading
    whitespace, and reads ::name and the older ##[name] syntax)."""
    return [line for line in text.splitlines() if line.lstrip().startswith(("::", "##["))]


def test_one_line_escapes_line_breaks_controls_and_bidi():
    assert one_line("x\n::error::y\r\tz") == "x\\n::error::y\\r\\tz"
    assert one_line("a\x1b[31mb\x07") == "a\\x1b[31mb\\x07"
    assert one_line("titel\u202e\u200b\u2028\u2029\x85") == "titel\\u202e\\u200b\\u2028\\u2029\\x85"
    assert one_line("niet-utf8-\udcff") == "niet-utf8-\\udcff"
    assert one_line("Gewone tekst: é, ß, 😀, € 10.") == "Gewone tekst: é, ß, 😀, € 10."


def test_guard_lines_breaks_every_command_start():
    text = "goed\n::error::x\n   ::warning file=a::y\n\t##[group]z\nmidden ::error::blijft"
    guarded = guard_lines(text)
    assert command_lines(guarded) == []
    assert guarded.splitlines() == [
        "goed",
        "\\::error::x",
        "   \\::warning file=a::y",
        "\t\\##[group]z",
        "midden ::error::blijft",
    ]


def test_plain_block_keeps_the_lines_of_a_log():
    log = "regel 1\n::error::uit een bestandsnaam\u2028::add-mask::geheim\nregel 3"
    assert command_lines(plain_block(log)) == []
    assert plain_block(log).splitlines()[0] == "regel 1" and len(plain_block(log).splitlines()) == 4


def test_workflow_command_escapes_follow_the_spec():
    assert workflow_data("50%\r\nx") == "50%25%0D%0Ax"
    assert workflow_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


@given(st.text())
def test_no_printed_value_can_start_a_line(text):
    printed = f"  prefix: {one_line(text)}"
    assert len(printed.splitlines()) == 1 and command_lines(guard_lines(printed)) == []
    assert command_lines(plain_block(text)) == []


@pytest.mark.parametrize("name", ["x\n::error::gehackt\n.md", "a\tb'c\\d\x07e\u202e.pdf"])
def test_escapes_read_back_in_bash(name):
    """The escapes are bash's $'...' escapes (wwidw move prints git commands with them)."""
    word = shell_word(name)
    assert "\n" not in word
    printed = subprocess.run(["bash", "-c", f"printf %s {word}"], capture_output=True, text=True)
    assert printed.stdout == name
