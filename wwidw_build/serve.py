"""Live preview: rebuild one audience when content/ changes (``static_server`` serves it)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Modification time and size of every file below ``folder``: cheap change detection."""
    return {
        str(p): (p.stat().st_mtime_ns, p.stat().st_size) for p in folder.rglob("*") if p.is_file()
    }


def watch(
    folder: Path,
    rebuild: Callable[[], None],
    interval: float = 1.0,
    stop: threading.Event | None = None,
) -> None:
    """Poll ``folder`` and call ``rebuild`` after each change, until ``stop`` is set."""
    stop = stop or threading.Event()
    previous = snapshot(folder)
    while not stop.wait(interval):
        current = snapshot(folder)
        if current != previous:
            time.sleep(0.2)  # let an editor finish writing
            previous = snapshot(folder)
            rebuild()
