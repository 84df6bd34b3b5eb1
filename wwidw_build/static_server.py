"""A static file server on localhost, in a daemon thread: the preview of ``wwidw serve``, the site in
the browser tests and in the search benchmark.

It speaks HTTP/1.1 with keep-alive and without Nagle's algorithm, as a real host does (http.server's
default, HTTP/1.0 with a new connection per request, makes 20 small fetches take 100-400 ms on
localhost). The folder is looked up per request, so a build swapped into place is served at once.
With ``gzip``, text files go out compressed as the public host (GitHub Pages) sends them.

It answers only requests addressed to this machine by name: a ``Host`` header of localhost,
127.0.0.1 or [::1] (with the served port or without). Any other Host gets 421 and a short Dutch
text, so a web page whose domain an attacker points at 127.0.0.1 (DNS rebinding) cannot read the
preview, which may hold organisation-only descriptions and drafts.
"""

from __future__ import annotations

import functools
import gzip as gzip_module
import http.server
import io
import threading
from http import HTTPStatus
from pathlib import Path

# What GitHub Pages (the public host) sends gzip-compressed when the browser accepts it: text types.
# The Pagefind index files and its wasm are gzip data already and go out as they are.
COMPRESSED_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
# The names a request for this machine may carry in its Host header (lower case; with or without
# the served port).
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")
REFUSED = (
    "Dit voorbeeld is alleen bereikbaar via localhost, 127.0.0.1 of [::1] "
    "(de Host in het verzoek is een andere).\n"
)


def host_allowed(host: str | None, port: int) -> bool:
    """Whether a Host header names this machine: one of LOCAL_HOSTS, bare or with ``port``."""
    if host is None:
        return False
    host = host.strip().lower()
    return any(host in (name, f"{name}:{port}") for name in LOCAL_HOSTS)


class _Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, format, *args) -> None:  # noqa: A002 - signature of the base class
        pass

    def parse_request(self) -> bool:
        """The request line and headers as http.server reads them; then a request whose Host is not
        this machine (or that names another host in its request line) is refused with 421."""
        if not super().parse_request():
            return False
        hosts = self.headers.get_all("Host") or []
        port = self.server.server_address[1]
        if len(hosts) == 1 and host_allowed(hosts[0], port) and self.path.startswith("/"):
            return True
        self._refuse()
        return False

    def _refuse(self) -> None:
        body = REFUSED.encode("utf-8")
        self.send_response(HTTPStatus.MISDIRECTED_REQUEST)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.close_connection = True


class _GzipHandler(_Handler):
    def send_head(self):
        """A text file gzip-compressed (``Content-Encoding: gzip``) when the browser accepts it;
        everything else (folders too) as http.server sends it."""
        path = Path(self.translate_path(self.path))
        if (
            path.suffix not in COMPRESSED_TYPES
            or not path.is_file()
            or "gzip" not in self.headers.get("Accept-Encoding", "")
        ):
            return super().send_head()
        body = _compressed(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


@functools.lru_cache(maxsize=4096)
def _compressed(path: Path, mtime_ns: int) -> bytes:
    return gzip_module.compress(path.read_bytes(), 6)


class StaticServer:
    """Serves ``root`` on ``host``:``port`` (0: a free port) once started; a context manager too."""

    def __init__(self, root: Path, port: int = 0, host: str = "127.0.0.1", gzip: bool = False):
        handler = functools.partial(_GzipHandler if gzip else _Handler, directory=str(root))
        # Daemon threads per connection: a kept-alive connection does not hold up stop().
        self.httpd = http.server.ThreadingHTTPServer((host, port), handler)
        self.port = self.httpd.server_address[1]
        self.origin = f"http://{host}:{self.port}"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, name="static-server", daemon=True
        )

    def start(self) -> StaticServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)

    def __enter__(self) -> StaticServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def url(self, path: str) -> str:
        return f"{self.origin}/{path.lstrip('/')}"
