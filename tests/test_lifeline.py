"""lifeline: forked workers and the programs they start die with the process that started them, on
Linux through the kernel (prctl) and elsewhere through a thread that watches the parent (forced
here by hiding prctl)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from processes import HAS_PROC, in_session, wait_until

from wwidw_build import lifeline

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not HAS_PROC, reason="reads processes from /proc (Linux)")


# A parent that forks two workers through map_forked; each worker starts a program (sleep) the way
# the build starts mkdocs, writes "<worker pid> <program pid>" and then waits for good.
PARENT = """
import os, subprocess, sys, time
from wwidw_build import forking, lifeline
if sys.argv[1] == "fallback":
    lifeline._PRCTL = None
ready = sys.argv[2]

def work(items, shared):
    program = subprocess.Popen(["sleep", "600"], **lifeline.popen_options())
    with open(f"{ready}/{os.getpid()}", "w") as note:
        note.write(f"{os.getpid()} {program.pid}")
    time.sleep(600)
    return items

forking.map_forked(work, range(2), workers=2)
"""


def _started(tmp_path: Path, script: str, *args: str, **options) -> subprocess.Popen:
    (tmp_path / "ouder.py").write_text(textwrap.dedent(script), encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, str(tmp_path / "ouder.py"), *args],
        cwd=REPO,
        start_new_session=True,  # everything it starts shares its session: found after the kill
        **options,
    )


def _kill_only(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()


@pytest.mark.parametrize("mode", ["prctl", "fallback"])
def test_workers_and_their_programs_die_with_the_parent(tmp_path, mode, sessions):
    ready = tmp_path / "klaar"
    ready.mkdir()
    process = _started(tmp_path, PARENT, mode, str(ready))
    sessions(process.pid)
    try:
        assert wait_until(lambda: len(list(ready.iterdir())) == 2, 60), "the workers did not start"
        pids = {int(p) for f in ready.iterdir() for p in f.read_text().split()}
        assert len(pids) == 4 and pids <= in_session(process.pid)
    finally:
        _kill_only(process)  # the parent only, not its group
    assert wait_until(lambda: not in_session(process.pid), 5), in_session(process.pid)


def test_a_program_dies_with_the_process_that_started_it(tmp_path, sessions):
    script = """
    import subprocess, sys
    from wwidw_build import lifeline
    program = subprocess.Popen(["sleep", "600"], **lifeline.popen_options())
    print(program.pid, flush=True)
    program.wait()
    """
    process = _started(tmp_path, script, stdout=subprocess.PIPE, text=True)
    sessions(process.pid)
    try:
        program = int(process.stdout.readline())
        assert in_session(process.pid) == {process.pid, program}
    finally:
        _kill_only(process)
        process.stdout.close()
    assert wait_until(lambda: not in_session(process.pid), 5), in_session(process.pid)


def test_a_worker_whose_parent_is_already_gone_exits_at_once():
    """The parent can die between the fork and the prctl: the worker then finds another parent."""
    child = os.fork()
    if child == 0:  # pragma: no cover - the forked child
        try:
            lifeline.tie_worker(os.getppid() + 1_000_000)  # not its parent: "the parent is gone"
        finally:
            os._exit(0)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 1


def test_a_worker_whose_parent_lives_goes_on():
    child = os.fork()
    if child == 0:  # pragma: no cover - the forked child
        try:
            lifeline.tie_worker(os.getppid())
        finally:
            os._exit(0)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
