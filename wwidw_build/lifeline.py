"""Child processes that die with the process that started them.

A build's forked workers and the programs they run (mkdocs, Pagefind) must not go on building, let
alone publishing, once the build is gone (killed with SIGKILL, by the OOM killer, or crashed); a
worker whose parent is gone also waits for work that never comes, for good.

On Linux the kernel sees to it: ``prctl(PR_SET_PDEATHSIG, SIGKILL)`` in the child, right after the
fork (for a program: just before its exec, which keeps the setting), kills the child when the thread
that forked it ends. The parent may have died between the fork and the prctl, so the child then
checks that its parent is still the process that forked it, and exits if not.

Elsewhere (no prctl), a forked worker becomes the leader of its own process group, which the
programs it starts join, and a thread polls its parent: when the parent is gone, it kills the
group, itself included.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import os
import signal
import sys
import threading

_PR_SET_PDEATHSIG = 1
POLL_SECONDS = 0.2  # the fallback's parent check


def _load_prctl():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl
    except (OSError, AttributeError):
        return None


# Looked up once, here: a child between fork and exec only calls it.
_PRCTL = _load_prctl()


def _die_with_parent() -> bool:
    """Ask the kernel for SIGKILL when this process's parent (thread) ends; False where it cannot."""
    return _PRCTL is not None and _PRCTL(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0


def tie_worker(parent: int) -> None:
    """First thing in a forked worker: die when ``parent``, the process that forked it, dies."""
    if not _die_with_parent():
        _watch_parent(parent)
    if os.getppid() != parent:  # the parent died before the worker could tie itself to it
        os._exit(1)


def popen_options() -> dict:
    """Keyword arguments for ``subprocess.Popen`` that tie the program to the calling process.

    Without prctl there is nothing to set before the exec; a program started by a forked worker
    then shares the worker's process group, which the worker's watch kills (see ``tie_worker``)."""
    if _PRCTL is None:
        return {}
    return {"preexec_fn": functools.partial(_tie_program, os.getpid())}


def _tie_program(parent: int) -> None:
    """In the child between fork and exec (one thread, no locks: only system calls)."""
    _die_with_parent()
    if os.getppid() != parent:
        os._exit(1)


def _watch_parent(parent: int) -> None:
    """The fallback: a daemon thread that kills this worker's process group once ``parent`` is gone."""
    try:
        os.setpgid(0, 0)
        group = os.getpid()
    except OSError:
        group = None

    def watch() -> None:
        while os.getppid() == parent:
            threading.Event().wait(POLL_SECONDS)
        if group is not None:
            os.killpg(group, signal.SIGKILL)
        os._exit(1)

    threading.Thread(target=watch, name="wwidw-lifeline", daemon=True).start()
