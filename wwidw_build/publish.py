"""Publish stage: swap a finished build into place in one step; nothing half-built is ever visible."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths with Linux renameat2(RENAME_EXCHANGE); False if unsupported."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


STAGING = ".bouw-"  # out/.bouw-<audience folder>-<pid of the build's own process>


def remove_staging(out: Path, owner: int | None = None) -> list[str]:
    """Remove the staging folders in ``out`` of every audience whose build is gone (killed or
    crashed: its process no longer lives), and those of ``owner`` (this build's own leftovers); the
    names of the removed folders. Run it holding ``out``'s lock (``out_lock``): no other build is
    then writing there."""
    removed = []
    for path in sorted(out.glob(f"{STAGING}*-*")):
        pid = path.name.rsplit("-", 1)[-1]
        if pid.isdigit() and (int(pid) == owner or not _alive(int(pid))):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path.name)
    return removed


def staging_dir(out: Path, folder: str, owner: int | None = None) -> Path:
    """A fresh folder next to the target (same file system, so the swap is a rename), named after
    the audience's folder and the build's own process ``owner`` (this process by default): a forked
    worker stages under its parent's pid, so the folder is known to be abandoned once the build
    itself is gone."""
    out.mkdir(parents=True, exist_ok=True)
    path = staging_path(out, folder, owner)
    shutil.rmtree(path, ignore_errors=True)
    return path


def staging_path(out: Path, folder: str, owner: int | None = None) -> Path:
    """Where ``staging_dir`` puts an audience's build (nothing is created or removed)."""
    return out / f"{STAGING}{folder}-{owner or os.getpid()}"


def publish(staged: Path, target: Path) -> None:
    """Move ``staged`` to ``target``: a plain rename when new, an atomic exchange when it exists."""
    if not target.exists():
        os.replace(staged, target)
        return
    if _exchange(staged, target):
        shutil.rmtree(staged)  # now holds the previous build
        return
    old = target.with_name(target.name + f".oud-{os.getpid()}")
    os.replace(target, old)
    os.replace(staged, target)
    shutil.rmtree(old)


def discard(staged: Path) -> None:
    shutil.rmtree(staged, ignore_errors=True)
