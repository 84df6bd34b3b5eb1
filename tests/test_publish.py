"""Publish stage: a finished build is swapped into ``out/<audience>`` in one step; nothing half-built
is ever visible, not even when the build process is killed halfway."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import tree, wwidw

from wwidw_build import publish

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"


def make_build(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# --- staging_dir
# -------------------------------------------------------------------------------------


def test_staging_dir_is_a_fresh_hidden_folder_inside_out(tmp_path):
    out = tmp_path / "nog" / "niet" / "site"
    staged = publish.staging_dir(out, "openbaar")
    assert out.is_dir()  # created, so the staging folder and the target share a file system
    assert staged.parent == out
    assert staged.name == f".bouw-openbaar-{os.getpid()}"
    assert not staged.exists()  # the renderer creates it


def test_staging_dir_for_an_organisation_uses_the_folder_name(tmp_path):
    staged = publish.staging_dir(tmp_path, "organisatie-platform31")
    assert staged.parent == tmp_path and staged.name.startswith(".bouw-organisatie-platform31-")


def test_staging_dir_removes_a_leftover_of_the_same_process(tmp_path):
    leftover = make_build(
        tmp_path / f".bouw-openbaar-{os.getpid()}", {"index.html": "half", "a/b.html": "half"}
    )
    staged = publish.staging_dir(tmp_path, "openbaar")
    assert staged == leftover and not staged.exists()


# --- publish
# -----------------------------------------------------------------------------------------


def test_publish_into_a_new_target(tmp_path):
    out = tmp_path / "site"
    staged = make_build(
        publish.staging_dir(out, "openbaar"),
        {"index.html": "nieuw", "praktijken/x/index.html": "x"},
    )
    publish.publish(staged, out / "openbaar")
    assert tree(out / "openbaar") == {"index.html": b"nieuw", "praktijken/x/index.html": b"x"}
    assert sorted(p.name for p in out.iterdir()) == ["openbaar"]  # the staging folder is gone


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "zonder-renameat2"])
def test_publish_over_an_existing_target_replaces_it_entirely(tmp_path, monkeypatch, exchange):
    if not exchange:  # the fallback for systems without renameat2(RENAME_EXCHANGE)
        monkeypatch.setattr(publish, "_exchange", lambda a, b: False)
    out = tmp_path / "site"
    make_build(
        out / "openbaar",
        {"index.html": "oud", "oud.html": "van de vorige bouw", "praktijken/weg/index.html": "weg"},
    )
    make_build(out / "partners", {"index.html": "partners"})
    staged = make_build(
        publish.staging_dir(out, "openbaar"),
        {"index.html": "nieuw", "praktijken/x/index.html": "x"},
    )
    publish.publish(staged, out / "openbaar")
    # A stale file (or folder) of the earlier build does not survive: the target IS the new build.
    assert tree(out / "openbaar") == {"index.html": b"nieuw", "praktijken/x/index.html": b"x"}
    # Nothing is left next to it (no staging folder, no .oud-* copy), and other audiences are
    # untouched.
    assert sorted(p.name for p in out.iterdir()) == ["openbaar", "partners"]
    assert tree(out / "partners") == {"index.html": b"partners"}


def test_discard_removes_the_staging_folder(tmp_path):
    staged = make_build(publish.staging_dir(tmp_path, "openbaar"), {"index.html": "half"})
    publish.discard(staged)
    assert not staged.exists()
    publish.discard(staged)  # discarding twice (or something never created) is fine


# --- an interrupted build
# ----------------------------------------------------------------------------


def _wait_for_staging(
    process: subprocess.Popen, out: Path, pattern: str, timeout: float = 120
) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = sorted(out.glob(pattern))
        if found:
            return found[0]
        assert process.poll() is None, "the build finished before its staging folder was seen"
        time.sleep(0.005)
    raise AssertionError(f"no {pattern} folder appeared in {out} within {timeout} s")


def test_a_killed_build_leaves_the_published_site_intact(tmp_path):
    """Build openbaar, then kill a second build of the same audience halfway (SIGKILL, no clean-up).

    The kill goes to the build's whole process group (it runs in its own session), as with a
    cancelled CI job or a closed terminal; tests/test_killed_build.py kills the build's own process
    only, after which its workers and mkdocs die with it.

    What remains after the kill, and is documented here: the killed build's staging folder
    ``out/.bouw-openbaar-<pid of the killed process>`` (nobody is left to discard it) and its
    ``wwidw-docs-*`` work folder in TMPDIR. Neither is ever published: ``out/openbaar`` keeps the
    previous build byte for byte, and a following successful build publishes its own staging folder.
    """
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content, symlinks=True)
    out = tmp_path / "site"
    temp = tmp_path / "tmp"  # keep the killed build's work folder out of the system's /tmp
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    args = ["build", "--content", content, "--audience", "openbaar", "--out", out, "--quiet"]

    first = wwidw(*args, env=env)
    assert first.returncode == 0, first.stderr
    site = out / "openbaar"
    before = tree(site)
    assert "index.html" in before and "praktijken/klushuizen-spoorbuurt/index.html" in before

    # The second build has a visibly different title, so any partial publish would show.
    page = content / "praktijken" / "klushuizen-spoorbuurt.md"
    text = page.read_text(encoding="utf-8")
    assert 'titel: "Klushuizen in de Spoorbuurt"' in text
    page.write_text(
        text.replace(
            'titel: "Klushuizen in de Spoorbuurt"',
            'titel: "Klushuizen in de Spoorbuurt tweede bouw"',
        ),
        encoding="utf-8",
    )

    with open(tmp_path / "tweede.log", "w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "wwidw_build", *map(str, args)],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            staged = _wait_for_staging(process, out, ".bouw-openbaar-*")
        finally:
            if process.poll() is None:
                os.killpg(
                    process.pid, signal.SIGKILL
                )  # the group we started: the build and its mkdocs
            process.wait()
    assert process.returncode == -signal.SIGKILL, "the second build was not killed halfway"
    assert staged.name == f".bouw-openbaar-{process.pid}"  # one audience: built in the main process

    # The published site is exactly the first build.
    assert site.is_dir() and (site / "index.html").is_file()
    assert tree(site) == before
    # What the kill left behind: at most the killed build's own staging folder, nothing else.
    assert {p.name for p in out.iterdir()} <= {"openbaar", staged.name}

    # A new build succeeds and publishes the new content, never the killed build's half-built
    # folder.
    third = wwidw(*args, env=env)
    assert third.returncode == 0, third.stderr
    after = tree(site)

    def pages(files):  # the search index's chunk names are content hashes: compare everything else
        return {name for name in files if not name.startswith("pagefind/")}

    assert pages(after) == pages(before)  # complete: every page of a full build, none missing
    assert b"Spoorbuurt tweede bouw" in after["praktijken/klushuizen-spoorbuurt/index.html"]
    assert b"Spoorbuurt tweede bouw" not in before["praktijken/klushuizen-spoorbuurt/index.html"]
    # The next build removes the killed build's abandoned staging folder: nothing else remains.
    assert {p.name for p in out.iterdir()} == {"openbaar"}


# --- staging folders of builds that are gone
# ------------------------------------------------------------


def _ended_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def test_a_worker_stages_under_the_pid_of_the_build_it_works_for(tmp_path):
    staged = publish.staging_dir(tmp_path, "partners", owner=4242)
    assert staged.name == ".bouw-partners-4242"
    assert publish.staging_path(tmp_path, "partners", 4242) == staged


def test_remove_staging_removes_every_audience_of_builds_that_are_gone_and_its_own(tmp_path):
    gone, living = _ended_pid(), subprocess.Popen(["sleep", "60"])
    try:
        names = [
            f".bouw-openbaar-{gone}",
            f".bouw-organisatie-platform31-{gone}",
            f".bouw-partners-{os.getpid()}",
            f".bouw-partners-{living.pid}",
        ]
        for name in names:
            make_build(tmp_path / name, {"index.html": "half"})
        make_build(tmp_path / "openbaar", {"index.html": "gepubliceerd"})
        removed = publish.remove_staging(tmp_path, owner=os.getpid())
        assert sorted(removed) == sorted(names[:3])
        assert sorted(p.name for p in tmp_path.iterdir()) == [names[3], "openbaar"]
        assert publish.remove_staging(tmp_path) == []  # the living build's folder stays
    finally:
        living.kill()
        living.wait()
