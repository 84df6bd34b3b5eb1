"""Every description's render is bounded (render_bound, body_render): CPU time, memory, HTML size.

Bounds are tested by behaviour: pathological bodies are refused with a located Dutch error by validate,
``wwidw build`` and ``wwidw form``, and the bounded children are stopped by the kernel even inside C code
that no Python signal handler can interrupt. No test times normal input.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nh3
import pytest
from conftest import tree, wwidw
from git_repo import isolate, praktijk, sample_repo
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_issue_form import SAMPLE, run_formulier, submitted

from wwidw_build import render_bound
from wwidw_build.audience import Audience
from wwidw_build.build import build_all
from wwidw_build.diagnostics import Diagnostic
from wwidw_build.load import load_content
from wwidw_build.pages import body_render
from wwidw_build.pipeline import load_and_validate
from wwidw_build.records import with_records
from wwidw_build.render import MkDocsRenderer
from wwidw_build.review.changes import make_review

REPO = Path(__file__).resolve().parent.parent
VALID = REPO / "tests" / "bad_input" / "bijlage-ontbreekt.md"


def valid_praktijk() -> str:
    """A description without problems (the bad-input corpus' base), ending inside its last section."""
    return VALID.read_text("utf-8").split("Het [eindverslag]", 1)[0]


def line_of(text: str, heading: str) -> int:
    return text.splitlines().index(heading) + 1


# Bodies that took minutes (or gigabytes) to render before the bound; each is appended to the last
# section of a valid description. The heading one is cheap for our render but not for mkdocs' own
# Markdown, which gets the escaped heading (one entity per character) on the page.
HOSTILE = {
    "haken": ("[" * 60_000, "tekst-te-zwaar"),
    "haakjes-en-uitroeptekens": ("![" * 30_000, "tekst-te-zwaar"),
    "voetnoten": ("[^1]" * 40_000 + "\n\n[^1]: x", "tekst-te-zwaar"),
    "afkorting": ("*[a]: " + "x" * 200_000 + "\n\n" + "a " * 10_000, "tekst-te-groot"),
    "lijst-diep": ("\n".join("    " * i + "- x" for i in range(300)), "tekst-te-diep"),
}


def write(content: Path, name: str, body: str) -> str:
    (content / "praktijken" / f"{name}.md").write_text(
        valid_praktijk() + "\n" + body + "\n", "utf-8"
    )
    return f"content/praktijken/{name}.md"


# --- render_bound: the mechanism ------------------------------------------------------------------


def _work(item, mark):
    """Items for map_bounded: a number comes back times ten; words misbehave."""
    mark(7)
    if item == "loop":
        while True:
            pass
    if item == "rust":  # quadratic in Rust code, holding the GIL: no Python signal gets in
        return nh3.clean("<div>" * 200_000)
    if item == "sleep":
        time.sleep(600)
    if item == "memory":
        return len(bytearray(4 * render_bound.MEMORY))
    if item == "recursion":
        return _work("recursion", mark)
    if item == "size":
        raise render_bound.Over(render_bound.SIZE)
    if item == "bug":
        raise KeyError("kapot")
    return item * 10


def test_results_come_back_in_order_from_every_worker():
    assert render_bound.map_bounded(_work, list(range(50)), workers=3) == [
        i * 10 for i in range(50)
    ]
    assert render_bound.map_bounded(_work, []) == []


def test_an_item_over_its_cpu_time_is_stopped_and_the_rest_still_runs():
    outcomes = render_bound.map_bounded(_work, [1, "loop", 2, 3], workers=1, seconds=1)
    assert outcomes == [10, render_bound.Exceeded(render_bound.TIME, 7), 20, 30]


def test_a_child_stuck_in_native_code_is_stopped_by_the_kernel():
    """An alarm in the same process would wait for nh3 to return (minutes); RLIMIT_CPU does not."""
    outcomes = render_bound.map_bounded(_work, ["rust", 4], workers=1, seconds=1)
    assert outcomes == [render_bound.Exceeded(render_bound.TIME, 7), 40]


def test_a_child_that_makes_no_progress_is_stopped(monkeypatch):
    monkeypatch.setattr(render_bound, "WALL_SECONDS", 1)
    outcomes = render_bound.map_bounded(_work, ["sleep", 5], workers=1)
    assert outcomes == [render_bound.Exceeded(render_bound.TIME, 7), 50]


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="address space read from /proc")
def test_memory_recursion_and_size_are_reported_as_such():
    outcomes = render_bound.map_bounded(_work, ["memory", "recursion", "size", 6], workers=2)
    assert outcomes == [
        render_bound.Exceeded(render_bound.MEMORY_USE, 7),
        render_bound.Exceeded(render_bound.DEPTH, 7),
        render_bound.Exceeded(render_bound.SIZE, 7),
        60,
    ]


def _children() -> set[int]:
    """This process's living children (Linux)."""
    found = set()
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        found |= {int(p) for p in (task / "children").read_text().split()}
    return {pid for pid in found if Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"}


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="children read from /proc")
def test_a_bug_is_raised_here_and_no_child_outlives_the_run():
    before = _children()
    with pytest.raises(RuntimeError, match="KeyError"):
        render_bound.map_bounded(_work, ["loop", "bug", 1, 2], workers=2, seconds=30)
    assert _children() == before


KILLED_PARENT = """
import os, sys, time
from wwidw_build import render_bound
folder = sys.argv[1]
def slow(item, mark):
    open(os.path.join(folder, str(os.getpid())), "w").close()
    end = time.process_time() + 1
    while time.process_time() < end:
        pass
    return item
render_bound.map_bounded(slow, list(range(1000)), workers=2, seconds=5)
"""


def test_children_stop_when_the_parent_is_killed(tmp_path):
    parent = subprocess.Popen([sys.executable, "-c", KILLED_PARENT, str(tmp_path)], cwd=REPO)
    deadline = time.monotonic() + 60
    while len(list(tmp_path.iterdir())) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    children = {int(p.name) for p in tmp_path.iterdir()}
    assert children, "the children never started"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and any(_alive(pid) for pid in children):
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in children)


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except FileNotFoundError:
        return False


# --- body_render: the renders themselves -----------------------------------------------------------


def test_the_bounded_render_is_the_render(content):
    documents = list(content.documents)
    bounded = body_render.render_within_bounds(documents)
    assert bounded == [body_render._render(d, d.root) for d in documents]


def test_validate_keeps_its_renders_for_the_build(content_copy):
    loaded, diagnostics = load_and_validate(content_copy)
    assert not [d for d in diagnostics if d.is_error]
    document = loaded.documents[0]
    first = body_render.render_body(document, document.root)
    assert body_render.render_body(document, document.root) is first  # kept, not rendered again


# --- validate, build and form refuse what cannot render within the bounds ---------------------------


def test_validate_refuses_each_hostile_body_at_its_section(registry_only):
    shown = {name: write(registry_only, name, body) for name, (body, _) in HOSTILE.items()}
    heading = "## Lessen (wat werkte wel en niet)"
    line = line_of(valid_praktijk(), heading)
    _, diagnostics = load_and_validate(registry_only)
    found = {(d.file, d.line, d.code) for d in diagnostics if d.is_error}
    assert found == {(shown[name], line, code) for name, (_, code) in HOSTILE.items()}
    for d in diagnostics:
        assert d.is_error and "in de sectie 'Lessen (wat werkte" in d.message, d.message


def test_a_heading_mkdocs_would_take_minutes_over_is_refused(registry_only):
    """Our render of it is fast; mkdocs' Markdown of its escaped form (100,000 entities) is not."""
    shown = write(registry_only, "kop", "## " + "#" * 100_000 + " x\n\nTekst.")
    written = (registry_only / "praktijken" / "kop.md").read_text("utf-8")
    line = next(n for n, text in enumerate(written.splitlines(), 1) if text.startswith("## ##"))
    _, diagnostics = load_and_validate(registry_only)
    [error] = [d for d in diagnostics if d.is_error]
    assert (error.file, error.line, error.code) == (shown, line, "tekst-te-zwaar")


def test_a_front_matter_list_mkdocs_would_take_minutes_over_is_refused(registry_only):
    """1,000 sources of funding, each valid, end up escaped in one table cell of the page: fast for
    validate, a minute or more for mkdocs' Markdown. Refused at the field, like a body."""
    items = "".join(f'    - "{"#" * 110} {n}"\n' for n in range(1000))
    text = valid_praktijk().replace(
        "laatst_bijgewerkt:", f"kosten:\n  financiering:\n{items}laatst_bijgewerkt:", 1
    )
    (registry_only / "praktijken" / "kosten.md").write_text(text, "utf-8")
    _, diagnostics = load_and_validate(registry_only)
    [error] = [d for d in diagnostics if d.is_error]
    assert (error.file, error.line, error.code) == (
        "content/praktijken/kosten.md",
        line_of(text, "kosten:"),
        "tekst-te-zwaar",
    )
    assert "in het veld 'kosten'" in error.message


def test_wwidw_build_refuses_it_and_keeps_the_previous_site(registry_only, tmp_path):
    shown = write(registry_only, "haken", "[" * 60_000)
    out = tmp_path / "site"
    (out / "openbaar").mkdir(parents=True)
    (out / "openbaar" / "index.html").write_text("vorige versie", encoding="utf-8")
    before = tree(out)
    result = wwidw("build", "--content", registry_only, "--out", out, "--audience", "openbaar")
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(rf"{re.escape(shown)}:\d+:1: fout \[tekst-te-zwaar\]", result.stderr)
    assert "er is niets gebouwd en de vorige site is ongewijzigd" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree(out) == before and [p.name for p in out.iterdir()] == ["openbaar"]


def test_the_build_itself_applies_the_bound(registry_only, tmp_path):
    """Without validate (nothing kept), the build's own render is bounded: it stops before any
    audience is staged, with the located Dutch error."""
    shown = write(registry_only, "haken", "[" * 60_000)
    content = with_records(load_content(registry_only)[0])
    out = tmp_path / "site"
    (out / "openbaar").mkdir(parents=True)
    (out / "openbaar" / "index.html").write_text("vorige versie", encoding="utf-8")
    before = tree(out)
    with pytest.raises(body_render.BodyTooHeavy) as raised:
        build_all(content, [Audience("openbaar")], out, renderer=MkDocsRenderer())
    assert raised.value.diagnostic.code == "tekst-te-zwaar"
    assert str(raised.value).startswith(f"{shown}:")
    assert tree(out) == before and [p.name for p in out.iterdir()] == ["openbaar"]


def test_the_issue_form_refuses_it_and_writes_nothing(content_copy, tmp_path):
    body = submitted(SAMPLE | {"Aanpak": "Zo deden we het: " + "[" * 60_000})
    assert len(body) < 65_536  # what GitHub accepts as an issue body
    result = run_formulier(content_copy, body, tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "[tekst-te-zwaar]" in result.stderr and "in de sectie 'Aanpak'" in result.stderr
    assert "Er is niets geschreven." in result.stderr and "Traceback" not in result.stderr
    assert not (content_copy / "praktijken" / "buurtkamer-aan-de-dijk.md").exists()


def test_review_renders_the_changed_descriptions_within_the_bounds(tmp_path, monkeypatch):
    """wwidw review reports a changed description that cannot render, and renders only the
    changed ones (every other body is validate's and the build's work)."""
    isolate(monkeypatch)
    repo = sample_repo(tmp_path / "repo")
    path = praktijk(repo, "buurtbemiddeling-rivierenwijk")
    path.write_text(path.read_text("utf-8") + "\n" + "[" * 60_000 + "\n", "utf-8")
    rendered = []
    real = body_render.render_within_bounds
    monkeypatch.setattr(
        body_render,
        "render_within_bounds",
        lambda documents, root=None: rendered.extend(documents) or real(documents, root),
    )
    review = make_review(repo / "content", "main", cache_dir=tmp_path / "cache")
    [item] = review.items
    assert [d.code for d in item.diagnostics if d.is_error] == ["tekst-te-zwaar"]
    assert [d.source for d in rendered] == [path.absolute()]


def test_validate_json_reports_it_in_dutch(registry_only):
    shown = write(registry_only, "afkorting", HOSTILE["afkorting"][0])
    result = wwidw("validate", "--content", registry_only, "--format", "json")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    [error] = [d for d in json.loads(result.stdout)["diagnostics"] if d["severity"] == "error"]
    assert error["file"] == shown and error["code"] == "tekst-te-groot"
    assert "te groot" in error["message"] and "tekens HTML" in error["message"]


def test_the_sample_content_is_far_within_the_bounds(tmp_path):
    shutil.copytree(REPO / "content", tmp_path / "content")
    _, diagnostics = load_and_validate(tmp_path / "content")
    assert not [d for d in diagnostics if d.code.startswith("tekst-te-")]


# --- Anything at all: a render or a located refusal, never a traceback ----------------------------

UNITS = [
    "[", "]", "(", ")", "![", "](", "<", ">", "*", "_", "`", "\\", "&", "#", "|", "-", " ",
    "\n", "    ", "[^1]", "[^1]: x\n", "*[a]: b\n", "a", "<div>", "</div>", "<!--", "-->", ":",
    "1. ", "> ", "- ", "~~~\n", "!!! note\n", "$", "&#", "## ", "\t",
]  # fmt: skip


@pytest.fixture(scope="module")
def base_document(content):
    return next(d for d in content.documents if d.kind == "praktijk")


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(st.sampled_from(UNITS), st.integers(1, 800)), max_size=6))
def test_hostile_bodies_render_or_are_refused(base_document, runs):
    body = "".join(unit * count for unit, count in runs)
    document = dataclasses.replace(base_document, body=body)
    [outcome] = body_render.render_within_bounds([document])
    if isinstance(outcome, Diagnostic):
        assert outcome.code.startswith("tekst-te-") and outcome.file == document.path
    else:
        assert isinstance(outcome, body_render.RenderedBody)
