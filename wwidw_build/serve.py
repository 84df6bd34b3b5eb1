"""Live preview: rebuild one audience when a local source (content/, ...) changes (``static_server`` serves it)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path


def snapshot(*folders: Path) -> dict[str, tuple[int, int]]:
    """Modification time and size of every file below the folders: cheap change detection."""
    return {
        str(p): (p.stat().st_mtime_ns, p.stat().st_size)
        for folder in folders
        for p in folder.rglob("*")
        if p.is_file()
    }


def watch(
    folders: list[Path],
    rebuild: Callable[[], None],
    interval: float = 1.0,
    stop: threading.Event | None = None,
) -> None:
    """Poll the folders (the local sources) and call ``rebuild`` after each change, until ``stop``
    is set."""
    stop = stop or threading.Event()
    previous = snapshot(*folders)
    while not stop.wait(interval):
        current = snapshot(*folders)
        if current != previous:
            time.sleep(0.2)  # let an editor finish writing
            previous = snapshot(*folders)
            rebuild()
