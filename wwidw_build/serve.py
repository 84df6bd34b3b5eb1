"""Live preview: serve one audience's build on localhost and rebuild when content/ changes."""

from __future__ import annotations

import functools
import http.server
import threading
import time
from collections.abc import Callable
from pathlib import Path


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Modification time and size of every file below ``folder``: cheap change detection."""
    return {
        str(p): (p.stat().st_mtime_ns, p.stat().st_size) for p in folder.rglob("*") if p.is_file()
    }


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - signature of the base class
        pass


def start_server(site: Path, port: int, host: str = "127.0.0.1") -> http.server.ThreadingHTTPServer:
    """Serve ``site`` (looked up per request, so an atomic swap is picked up) in a daemon thread."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


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
