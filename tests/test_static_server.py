"""static_server.StaticServer against the real server, over HTTP."""

from __future__ import annotations

import gzip
import http.client
import os
import socket
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


def raw_request(port: int, host_lines: list[str], target: str = "/index.html") -> tuple[int, str]:
    """One request with exactly these Host header lines (none, one or several), over a socket."""
    request = f"GET {target} HTTP/1.1\r\n" + "".join(f"Host: {h}\r\n" for h in host_lines)
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall((request + "Connection: close\r\n\r\n").encode("latin-1"))
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split()[1]), body.decode("utf-8")


@pytest.mark.parametrize("gzip_on", [False, True])
@pytest.mark.parametrize("name", ["localhost", "127.0.0.1", "[::1]", "LocalHost"])
def test_answers_the_names_of_this_machine_with_and_without_the_port(site, name, gzip_on):
    with StaticServer(site, gzip=gzip_on) as server:
        for host in (name, f"{name}:{server.port}"):
            assert raw_request(server.port, [host]) == (200, PAGE), host


@pytest.mark.parametrize(
    "host",
    [
        "aanvaller.example",
        "aanvaller.example:{port}",
        "127.0.0.1.nip.io:{port}",
        "localhost.aanvaller.example",
        "127.0.0.2:{port}",
        "0.0.0.0:{port}",
        "localhost:{other}",
        "127.0.0.1:{port}@aanvaller.example",
        "[::ffff:127.0.0.1]:{port}",
        "localhost.",
        "",
    ],
)
def test_refuses_any_other_host_dns_rebinding(site, host):
    with StaticServer(site) as server:
        value = host.format(port=server.port, other=server.port + 1)
        status, body = raw_request(server.port, [value])
    assert status == 421 and "alleen bereikbaar via localhost" in body and "Wat werkt" not in body


def test_refuses_a_missing_or_doubled_host_and_a_host_in_the_request_line(site):
    with StaticServer(site) as server:
        assert raw_request(server.port, [])[0] == 421
        assert raw_request(server.port, ["127.0.0.1", "aanvaller.example"])[0] == 421
        assert (
            raw_request(server.port, ["127.0.0.1"], "http://aanvaller.example/index.html")[0] == 421
        )
        # After a refusal the server goes on answering the right host.
        assert raw_request(server.port, [f"127.0.0.1:{server.port}"]) == (200, PAGE)


def test_a_browser_style_request_through_urllib_still_works(site):
    with StaticServer(site, gzip=True) as server:
        request = urllib.request.Request(server.url("index.html"), headers={"Host": "evil.example"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=5)
        assert refused.value.code == 421
        assert get(f"http://localhost:{server.port}/zoeken/")[2] == b"zoeken"
