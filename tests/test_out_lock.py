"""out_lock: one build at a time per --out folder. A second build into a folder that a running build
holds says so in Dutch, naming the folder, exits 1 and changes nothing there; the lock goes when the
build (and every worker it forked) is gone; `wwidw serve` keeps working with it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import urllib.request
from pathlib import Path

from conftest import tree, wwidw
from processes import wait_until
from sources import copy_sample_sources

from wwidw_build import out_lock

REPO = Path(__file__).resolve().parent.parent
IN_USE = "is in gebruik door een andere bouw"


def _state(out: Path):
    """Everything a build could change in ``out``: names (hidden ones too), contents, the folder's
    own modification time."""
    return sorted(p.name for p in out.iterdir()), tree(out), out.stat().st_mtime_ns


def _outside(state, pid: int):
    """``_state`` without the staging folders of the build with this pid."""
    names, files, _ = state

    def theirs(name: str) -> bool:
        return name.startswith(".bouw-") and name.split("/")[0].endswith(f"-{pid}")

    return [n for n in names if not theirs(n)], {n: b for n, b in files.items() if not theirs(n)}


def _marked(root: Path, marker: str) -> Path:
    """A copy of the sample sources whose klushuizen title carries ``marker``; its bronnen.yml."""
    sources = copy_sample_sources(root)
    page = root / "content" / "praktijken" / "klushuizen-spoorbuurt.md"
    text = page.read_text(encoding="utf-8")
    assert 'titel: "Klushuizen in de Spoorbuurt"' in text
    page.write_text(text.replace("in de Spoorbuurt", f"in de Spoorbuurt {marker}", 1), "utf-8")
    return sources


def test_two_builds_into_one_folder_the_second_stops_and_touches_nothing(tmp_path, sessions):
    """Two real ``wwidw build`` processes. The first holds the folder (it is stopped with SIGSTOP
    halfway, so the second certainly comes while it runs); the second refuses, and the first then
    finishes with only its own pages, none of the second's."""
    first_sources = _marked(tmp_path / "eerste", "Kwartelkoning")
    second_sources = _marked(tmp_path / "tweede", "Roerdomp")
    out = tmp_path / "site"
    with open(tmp_path / "eerste.log", "w") as log:
        first = subprocess.Popen(
            [sys.executable, "-m", "wwidw_build", "build", "--sources", str(first_sources)]
            + ["--out", str(out), "--audience", "alle", "--quiet"],
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    sessions(first.pid)
    try:
        assert wait_until(lambda: any(out.glob(".bouw-*")) or first.poll() is not None, 180)
        os.kill(first.pid, signal.SIGSTOP)
        assert first.poll() is None, "the first build ended before the second started"
        before = _state(out)

        second = wwidw("build", "--sources", second_sources, "--out", out, "--audience", "openbaar")
        assert second.returncode == 1
        assert f"De map '{out}' {IN_USE}" in second.stderr
        assert "Traceback" not in second.stderr
        # The first build was stopped all along: whatever changed outside its staging folders
        # (where its mkdocs may still write) would be the second's doing.
        assert _outside(_state(out), first.pid) == _outside(before, first.pid)
    finally:
        os.kill(first.pid, signal.SIGCONT)
    assert first.wait(timeout=600) == 0, (tmp_path / "eerste.log").read_text()

    pages = {name: data for name, data in tree(out).items() if name.endswith(".html")}
    assert any(b"Spoorbuurt Kwartelkoning" in data for data in pages.values())
    assert not [name for name, data in pages.items() if b"Roerdomp" in data]
    assert not any(p.name.startswith(".") for p in out.iterdir())


def test_a_build_waits_for_no_one_and_a_held_folder_is_left_as_it_is(tmp_path):
    """This test process holds the folder (as a running build would); a real build into it exits 1
    at once and changes nothing, not even the half-built leftovers of a build that is gone."""
    out = tmp_path / "site"
    (out / "openbaar").mkdir(parents=True)
    (out / "openbaar" / "index.html").write_text("vorige versie", encoding="utf-8")
    gone = subprocess.Popen(["true"])
    gone.wait()
    (out / f".bouw-partners-{gone.pid}").mkdir()
    before = _state(out)
    with out_lock.locked(out):
        refused = wwidw("build", "--content", REPO / "content", "--out", out, "--quiet")
    assert refused.returncode == 1
    assert f"De map '{out}' {IN_USE}" in refused.stderr and "--out" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert _state(out) == before


# A process that takes the lock, forks a worker that inherits it, reports both pids and waits.
HOLDER = """
import os, sys, time
from pathlib import Path
from wwidw_build import out_lock
with out_lock.locked(Path(sys.argv[1])):
    worker = os.fork()
    if worker == 0:
        time.sleep(600)
        os._exit(0)
    print(os.getpid(), worker, flush=True)
    time.sleep(600)
"""


def _held(out: Path) -> bool:
    try:
        with out_lock.locked(out):
            return False
    except out_lock.OutInUse:
        return True


def test_the_lock_goes_with_the_last_process_of_the_build_however_it_ends(tmp_path, sessions):
    """Killed, the build frees the folder, but only once the workers it forked are gone as well: as
    long as one lives, it may still write there."""
    out = tmp_path / "site"
    script = tmp_path / "houder.py"
    script.write_text(textwrap.dedent(HOLDER), encoding="utf-8")
    holder = subprocess.Popen(
        [sys.executable, str(script), str(out)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    sessions(holder.pid)
    try:
        parent, worker = map(int, holder.stdout.readline().split())
        assert _held(out)
        os.kill(parent, signal.SIGKILL)
        holder.wait()
        assert _held(out)  # the worker still holds it
        os.kill(worker, signal.SIGKILL)
        assert wait_until(lambda: not _held(out), 5)
    finally:
        holder.stdout.close()


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def test_serve_says_when_its_folder_is_held_and_rebuilds_once_it_is_free(
    content_copy, tmp_path, sessions
):
    out = tmp_path / "voorbeeld"
    log = tmp_path / "serve.log"
    port = 18791
    with open(log, "w") as stream:
        with out_lock.locked(out):
            serve = subprocess.Popen(
                [sys.executable, "-m", "wwidw_build", "serve", "--content", str(content_copy)]
                + ["--port", str(port), "--out", str(out)],
                cwd=REPO,
                stdout=stream,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            sessions(serve.pid)
            assert wait_until(lambda: f"127.0.0.1:{port}" in log.read_text(), 90), log.read_text()
            text = log.read_text()
            assert IN_USE in text and "Het vorige voorbeeld blijft staan" in text
            assert not (out / "openbaar").exists()
        try:
            page = content_copy / "praktijken" / "klushuizen-spoorbuurt.md"
            page.write_text(page.read_text(encoding="utf-8") + "\nKwartelkoning.\n", "utf-8")
            url = f"http://127.0.0.1:{port}/praktijken/klushuizen-spoorbuurt/"
            assert wait_until(lambda: "Kwartelkoning" in _fetch(url), 120, 0.5), log.read_text()
        finally:
            serve.kill()
            serve.wait()
    assert "Traceback" not in log.read_text()
