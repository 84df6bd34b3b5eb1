"""Processes as the kernel lists them in /proc (Linux): for tests that kill a build and then check
that nothing it started lives on."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

PROC = Path("/proc")
HAS_PROC = (PROC / "self" / "stat").is_file()


def _stat(pid: str) -> list[str] | None:
    """Fields of /proc/<pid>/stat after the command name: state, ppid, pgrp, session, ..."""
    try:
        text = (PROC / pid / "stat").read_text()
    except OSError:  # gone meanwhile
        return None
    return text.rsplit(")", 1)[1].split()


def in_session(session: int) -> set[int]:
    """The live processes (zombies do not count: they have finished) of a session. A build started
    in its own session (``start_new_session``) shares it with everything it forks or starts, even
    after its parent dies and they are handed to another parent."""
    found = set()
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            fields = _stat(entry.name)
            if fields and int(fields[3]) == session and fields[0] not in "ZX":
                found.add(int(entry.name))
    return found


def wait_until(condition: Callable[[], bool], seconds: float, interval: float = 0.05) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return condition()


def end_session(session: int) -> None:
    """Kill what is left of a session the test started (after a failed check), process by process."""
    for pid in in_session(session):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
