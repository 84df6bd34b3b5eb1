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


def remove_abandoned(out: Path, folder: str) -> None:
    """Remove staging folders of builds whose process is gone (killed or crashed)."""
    for path in out.glob(f".bouw-{folder}-*"):
        pid = path.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)


def staging_dir(out: Path, folder: str) -> Path:
    """A fresh folder next to the target (same file system, so the swap is a rename)."""
    out.mkdir(parents=True, exist_ok=True)
    remove_abandoned(out, folder)
    path = out / f".bouw-{folder}-{os.getpid()}"
    shutil.rmtree(path, ignore_errors=True)
    return path


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
