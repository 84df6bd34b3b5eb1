"""A build killed with SIGKILL (only its own process, as the OOM killer or a `kill -9` does): its forked
workers and the programs they run (mkdocs, Pagefind) die with it, nothing is published after it is
gone, and the next build into the same --out, of any audience, removes what it left half-built."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import wwidw
from processes import HAS_PROC, in_session, wait_until
from sources import copy_sample_sources

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not HAS_PROC, reason="reads processes from /proc (Linux)")


def _published(out: Path) -> dict[str, int]:
    """What a reader sees in --out: every audience folder (not the hidden staging folders) with
    its inode, which a publish (a rename or an exchange) changes."""
    return {p.name: p.stat().st_ino for p in out.iterdir() if not p.name.startswith(".")}


def _start_build(sources: Path, out: Path, log: Path, *audience: str) -> subprocess.Popen:
    """``wwidw build`` in its own session, so that everything it starts can be found afterwards."""
    with open(log, "w") as stream:
        return subprocess.Popen(
            [sys.executable, "-m", "wwidw_build", "build", "--sources", str(sources)]
            + ["--out", str(out), *audience],
            cwd=REPO,
            env={**os.environ, "TMPDIR": str(log.parent)},
            stdout=stream,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def _kill_when(process: subprocess.Popen, out: Path, pattern: str) -> None:
    """SIGKILL the build's own process (not its group) as soon as ``pattern`` shows in --out."""
    try:
        seen = wait_until(lambda: any(out.glob(pattern)) or process.poll() is not None, 180, 0.005)
        assert seen and process.poll() is None, f"the build ended before {pattern} appeared"
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait()
    assert process.returncode == -signal.SIGKILL


@pytest.mark.parametrize(
    "stage",
    [".bouw-organisatie-*", ".bouw-partners-*"],
    ids=["tijdens-de-organisaties", "tijdens-de-eerste-bouw"],
)
def test_a_killed_build_leaves_nothing_running_and_publishes_nothing_more(
    tmp_path, stage, sessions
):
    """Killed while the organisations build in forked workers (each running mkdocs and Pagefind),
    or while the first audience renders in the build's own process: within seconds no process of
    the build is left, and --out stays as it was at the kill, however long one waits."""
    sources = copy_sample_sources(tmp_path / "bron")
    out = tmp_path / "site"
    (tmp_path / "tmp").mkdir()
    process = _start_build(sources, out, tmp_path / "tmp" / "bouw.log", "--audience", "alle")
    sessions(process.pid)
    _kill_when(process, out, stage)
    at_kill = _published(out)

    left = lambda: in_session(process.pid)  # noqa: E731
    assert wait_until(lambda: not left(), 5), f"still running after the build was killed: {left()}"
    time.sleep(3)  # a worker that lived on would publish an audience now
    assert _published(out) == at_kill
    assert not left()

    # Something was left half-built (the killed build cannot clean up after itself) ...
    assert any(out.glob(".bouw-*")), sorted(p.name for p in out.iterdir())
    # ... until the next build into this --out, here of one audience only.
    again = wwidw("build", "--sources", sources, "--out", out, "--audience", "openbaar", "--quiet")
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in out.glob(".*")) == []
    assert (out / "openbaar" / "index.html").is_file()
