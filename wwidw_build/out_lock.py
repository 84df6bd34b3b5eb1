"""One build at a time per --out folder.

Two builds into one folder would publish into each other's audiences, and an audience built after
the first one hard-links that first audience's published pages (``reference_build``), which the
other build may just have replaced. So a build holds an exclusive ``flock`` on the --out folder
itself (no lock file: a refused build changes nothing in the folder) from before it cleans up until
its last audience is published. The kernel releases the lock when the last process holding it ends,
however it ends: the forked workers hold it too, so a folder whose build was killed is free only
once its workers are gone as well.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class OutInUse(Exception):
    """Another build holds the folder."""

    def __init__(self, out: Path):
        super().__init__(str(out))
        self.out = out


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold ``out`` (created when missing) for this build; ``OutInUse`` at once when another build
    holds it (no waiting)."""
    out.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(out, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutInUse(out) from None
        yield
    finally:
        # Closing releases the lock once no forked worker holds a copy either (no LOCK_UN, which
        # would release it for those copies too).
        os.close(descriptor)
