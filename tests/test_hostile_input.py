"""Property-based hardening test (issue 13): generated hostile front matter and bodies go through the
real command line, ``wwidw validate`` and ``wwidw build``, as separate processes.

Whatever a contributor writes, the outcome is either a clean run or a Dutch error that names the
file, with exit code 1 (and, for a build, the previously built site untouched): never a traceback,
never a hang past the bounds, never an exit code that means a crash. Each example is one praktijk
derived from a real sample description, with one field replaced by a generated hostile value (control,
bidi and invisible characters, YAML escapes, non-finite and huge numbers, deep nesting, markup and
workflow-command syntax), optionally a raw hostile line in the front matter, and a body built from
the Markdown constructs that are expensive to parse.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, REPO, tree
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

BASE = CONTENT / "praktijken" / "achter-de-voordeur-oosterpark.md"
NAME = "vijandige-invoer"
# Generous: a bounded validate of one description takes seconds; a hang is what this catches.
VALIDATE_TIMEOUT, BUILD_TIMEOUT = 120, 300

HOSTILE_CHARACTERS = [
    "\x00", "\x07", "\x1b", "\x7f", "\x85", "\u200b", "\u200e", "\u202e", "\u2066", "\u2069",
    "\ufeff", "\ufffe", "\u061c", "\u00a0", "\u3000", "\t", "\n", "\r", " ",
    "<", ">", "&", "\"", "'", "\\", "`", "*", "_", "[", "]", "(", ")", "{", "}", "%", "#", "|",
    ":", "@", "!", "-", "=", "~", "$", "\U0001f600", "é", "ß",
]  # fmt: skip
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "[klik](javascript:alert(1))",
    "<!-- Zichtbaarheid: openbaar -->",
    "::error file=x,line=1::nep",
    "%0A::warning::nep",
    "{{ config }}",
    "{% raw %}",
    "https://example.com/@iemand",
    "@octocat #1 GH-2",
    "Index",
    "index",
    "..",
    "../bijlagen/geheim.pdf",
    "1e999",
    "-.inf",
    ".nan",
    "0x1F",
    "~",
]
EXPENSIVE_MARKDOWN = [
    "[", "](", "![", "<", "*", "_", "`", "> ", "- ", "1. ", "|", "\\", "&#", "<!--", "]: ",
    "**", "__", "~~", "    ", "\n", "#", "<a ", "\"", "(", ")",
]  # fmt: skip
FIELDS = [
    "titel", "samenvatting", "organisatie", "zichtbaarheid", "gemeente", "wijk", "startjaar",
    "eindjaar", "projectstatus", "archetype", "themas", "doelgroepen", "beoogde_effecten",
    "resultaten", "bereik", "kosten", "meetontwerp", "bewijsniveau", "onbekend_veld",
]  # fmt: skip
DEEP = "@@DIEP@@"  # placeholder replaced by flow-style nesting after yaml.safe_dump

hostile_text = st.lists(
    st.one_of(
        st.sampled_from(HOSTILE_CHARACTERS),
        st.sampled_from(PAYLOADS),
        st.text(min_size=1, max_size=8),
    ),
    max_size=12,
).map("".join)
hostile_numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([10**400, -0.0, 1e308]),
)
hostile_scalar = st.one_of(hostile_text, hostile_numbers, st.booleans(), st.none())
hostile_value = st.recursive(
    hostile_scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(FIELDS + ["effect", "richting", "indicator"]), inner, max_size=3
        ),
    ),
    max_leaves=12,
)


@st.composite
def hostile_description(draw) -> str:
    """The text of one praktijk: the base description with one field made hostile."""
    front, body = BASE.read_text(encoding="utf-8").split("\n---\n", 1)
    meta = yaml.safe_load(front.removeprefix("---\n"))
    field = draw(st.sampled_from(FIELDS))
    deep = draw(st.booleans()) and draw(st.integers(min_value=50, max_value=3000))
    meta[field] = DEEP if deep else draw(hostile_value)
    text = yaml.safe_dump(meta, sort_keys=False, allow_unicode=draw(st.booleans()), width=10**6)
    if deep:
        opening, closing = draw(st.sampled_from([("[", "]"), ("{a: ", "}")]))
        text = text.replace(repr(DEEP).replace('"', "'"), opening * deep + closing * deep)
        text = text.replace(DEEP, opening * deep + closing * deep)
    lines = text.splitlines()
    if draw(st.booleans()):  # a raw hostile line somewhere in the front matter
        position = draw(st.integers(min_value=0, max_value=len(lines)))
        lines.insert(position, draw(hostile_text).replace("\n", " "))
    if draw(st.booleans()):
        piece = draw(st.sampled_from(EXPENSIVE_MARKDOWN))
        body += piece * draw(st.integers(min_value=1, max_value=60_000))
    if draw(st.booleans()):
        body += draw(hostile_text)
    return "---\n" + "\n".join(lines) + "\n---\n" + body


def public_source(folder: Path, description: str) -> Path:
    """A public source with the sample registry, taxonomies and archetypes, and one praktijk."""
    content = folder / "content"
    (content / "praktijken").mkdir(parents=True)
    for name in ("organisaties.yml", "taxonomie", "archetypen", "bijlagen"):
        source = CONTENT / name
        if source.is_dir():
            shutil.copytree(source, content / name)
        elif source.exists():
            shutil.copy(source, content / name)
    (content / "praktijken" / f"{NAME}.md").write_text(description, encoding="utf-8", newline="")
    return content


def run(*args: str | Path, timeout: int) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "wwidw_build", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=timeout,
    )


def assert_clean_or_dutch_error(result: subprocess.CompletedProcess) -> None:
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output[-3000:]
    assert result.returncode in (0, 1), (result.returncode, output[-3000:])
    if result.returncode == 1:
        assert f"{NAME}.md" in output, output[-3000:]  # the error names the file
        assert re.search(r"\bfout", output), output[-3000:]  # and is the Dutch report


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(description=hostile_description())
def test_validate_gives_a_dutch_error_or_passes(tmp_path_factory, description: str) -> None:
    content = public_source(tmp_path_factory.mktemp("vijandig"), description)
    assert_clean_or_dutch_error(run("validate", "--content", content, timeout=VALIDATE_TIMEOUT))


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(description=hostile_description())
def test_build_is_clean_or_refuses_and_keeps_the_previous_site(
    previous_site: Path, tmp_path_factory, description: str
) -> None:
    folder = tmp_path_factory.mktemp("vijandig-bouw")
    out = folder / "site"
    shutil.copytree(previous_site, out)
    before = tree(out)
    content = public_source(folder, description)
    result = run(
        "build", "--content", content, "--audience", "openbaar", "--out", out, timeout=BUILD_TIMEOUT
    )
    assert_clean_or_dutch_error(result)
    if result.returncode == 0:
        assert (out / "openbaar" / "index.html").is_file()
    else:
        assert tree(out) == before


@pytest.fixture(scope="module")
def previous_site(tmp_path_factory) -> Path:
    """An openbaar site built from the base description alone: the site a failed build must keep."""
    folder = tmp_path_factory.mktemp("vorige")
    content = public_source(folder, BASE.read_text(encoding="utf-8"))
    result = run(
        "build",
        "--content",
        content,
        "--audience",
        "openbaar",
        "--out",
        folder / "site",
        timeout=BUILD_TIMEOUT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "site"
