"""static_server.StaticServer against the real server, over HTTP."""

from __future__ import annotations

import gzip
import http.client
import os
import threading
import urllib.error
import urllib.request

import pytest

from wwidw_build.static_server import StaticServer

PAGE = "<!doctype html><title>Hallo</title><p>" + "Wat werkt in de wijk. " * 200 + "</p>"


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    (root / "zoeken").mkdir(parents=True)
    (root / "index.html").write_text(PAGE, encoding="utf-8")
    (root / "zoeken" / "index.html").write_text("zoeken", encoding="utf-8")
    (root / "data.pf_index").write_bytes(b"\x1f\x8b already compressed")
    return root


def get(url: str, gzip_ok: bool = False):
    headers = {"Accept-Encoding": "gzip"} if gzip_ok else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=5) as r:
        return r.status, dict(r.headers), r.read()


def test_serves_files_folders_and_not_found(site):
    with StaticServer(site) as server:
        assert server.origin == f"http://127.0.0.1:{server.port}" and server.port > 0
        assert get(server.url("/index.html"))[2].decode() == PAGE
        assert get(server.url("zoeken/"))[2] == b"zoeken"
        with pytest.raises(urllib.error.HTTPError) as missing:
            get(server.url("bestaat-niet.html"))
        assert missing.value.code == 404


def test_without_gzip_nothing_is_compressed(site):
    with StaticServer(site) as server:
        _, headers, body = get(server.url("index.html"), gzip_ok=True)
    assert "Content-Encoding" not in headers and body.decode() == PAGE


def test_with_gzip_text_is_compressed_when_the_browser_accepts_it(site):
    with StaticServer(site, gzip=True) as server:
        _, headers, body = get(server.url("index.html"), gzip_ok=True)
        assert headers["Content-Encoding"] == "gzip" and headers["Vary"] == "Accept-Encoding"
        assert int(headers["Content-Length"]) == len(body) < len(PAGE)
        assert gzip.decompress(body).decode() == PAGE
        _, plain_headers, plain = get(server.url("index.html"))
        assert "Content-Encoding" not in plain_headers and plain.decode() == PAGE
        _, index_headers, index = get(server.url("data.pf_index"), gzip_ok=True)
        assert "Content-Encoding" not in index_headers and index == b"\x1f\x8b already compressed"


def test_keeps_the_connection_alive(site):
    with StaticServer(site) as server:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
        try:
            for _ in range(3):
                connection.request("GET", "/zoeken/index.html")
                response = connection.getresponse()
                assert response.version == 11 and response.read() == b"zoeken"
            assert not response.will_close
        finally:
            connection.close()


def test_a_swapped_folder_is_served_at_once(site, tmp_path):
    with StaticServer(site) as server:
        assert get(server.url("zoeken/"))[2] == b"zoeken"
        new = tmp_path / "nieuw"
        (new / "zoeken").mkdir(parents=True)
        (new / "zoeken" / "index.html").write_text("vernieuwd", encoding="utf-8")
        os.rename(site, tmp_path / "oud")
        os.rename(new, site)
        assert get(server.url("zoeken/"))[2] == b"vernieuwd"


def test_stop_returns_while_a_connection_is_still_open(site):
    server = StaticServer(site).start()
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    connection.request("GET", "/zoeken/")
    assert connection.getresponse().read() == b"zoeken"
    stopping = threading.Thread(target=server.stop, daemon=True)
    stopping.start()
    stopping.join(timeout=10)
    assert not stopping.is_alive() and not server.thread.is_alive()
    connection.close()
