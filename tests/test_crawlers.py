"""robots.txt and the public sitemap: unit cases, and a real build with ``--site-url``."""

from __future__ import annotations

import gzip
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import frontmatter
import pytest

from wwidw_build.pages.crawlers import (
    BadSiteUrl,
    normalise_site_url,
    page_urls,
    write_crawler_files,
    write_robots,
    write_sitemap,
)

REPO = Path(__file__).resolve().parent.parent
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
EMPTY_SITEMAP = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset></urlset>\n'


def entries(sitemap: Path) -> dict[str, str | None]:
    """loc -> lastmod (None without one), in the sitemap's order."""
    return {
        u.find("s:loc", NS).text: getattr(u.find("s:lastmod", NS), "text", None)
        for u in ET.parse(sitemap).getroot().findall("s:url", NS)
    }


def locs(sitemap: Path) -> list[str]:
    return list(entries(sitemap))


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://kennisbank.example", "https://kennisbank.example/"),
        ("https://kennisbank.example/", "https://kennisbank.example/"),
        ("  https://org.github.io/wwidw  ", "https://org.github.io/wwidw/"),
        ("http://localhost:8000/site//", "http://localhost:8000/site/"),
    ],
)
def test_a_site_url_is_normalised_to_end_in_a_slash(given, expected):
    assert normalise_site_url(given) == expected


@pytest.mark.parametrize(
    "bad",
    [
        "kennisbank.example",
        "/wwidw/",
        "ftp://kennisbank.example/",
        "https://",
        "https://kennisbank.example/?pagina=1",
        "https://kennisbank.example/#top",
        "https://gebruiker@kennisbank.example/",
        "javascript:alert(1)",
    ],
)
def test_anything_but_a_plain_http_address_is_refused(bad):
    with pytest.raises(BadSiteUrl):
        normalise_site_url(bad)


def test_robots_allow_only_the_public_site_and_name_its_sitemap(tmp_path):
    write_robots(tmp_path, True, "https://kennisbank.example/")
    assert (tmp_path / "robots.txt").read_text() == (
        "User-agent: *\nAllow: /\nSitemap: https://kennisbank.example/sitemap.xml\n"
    )
    write_robots(tmp_path, True)
    assert (tmp_path / "robots.txt").read_text() == "User-agent: *\nAllow: /\n"
    write_robots(tmp_path, False, "https://kennisbank.example/")
    assert (tmp_path / "robots.txt").read_text() == "User-agent: *\nDisallow: /\n"


def _site(root: Path) -> Path:
    pages = [
        "index.html",
        "404.html",
        "zoeken/index.html",
        "praktijken/a-b/index.html",
        "themas/wonen & zorg/index.html",
        "themas/wonen--2/index.html",
    ]
    not_pages = [
        "assets/wwidw.css",
        "bijlagen/index.html",
        "pagefind/index.html",
        "data/index.html",
        "over/oud.html",
    ]
    files = {
        **dict.fromkeys(pages, "<html></html>"),
        **dict.fromkeys(not_pages, "x"),
        "sitemap.xml": EMPTY_SITEMAP,
    }
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    return root


def test_every_page_but_the_error_page_is_listed_by_its_url(tmp_path):
    assert page_urls(_site(tmp_path)) == [
        "",
        "praktijken/a-b/",
        "themas/wonen & zorg/",
        "themas/wonen--2/",
        "zoeken/",
    ]


def test_the_sitemap_holds_absolute_escaped_urls_and_its_gzip_twin(tmp_path):
    site = _site(tmp_path)
    assert write_sitemap(site, "https://kennisbank.example/kb/") == 5
    assert locs(site / "sitemap.xml") == [
        "https://kennisbank.example/kb/",
        "https://kennisbank.example/kb/praktijken/a-b/",
        "https://kennisbank.example/kb/themas/wonen%20%26%20zorg/",
        "https://kennisbank.example/kb/themas/wonen--2/",
        "https://kennisbank.example/kb/zoeken/",
    ]
    assert "lastmod" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    first = (site / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(first) == (site / "sitemap.xml").read_bytes()
    write_sitemap(site, "https://kennisbank.example/kb/")
    assert (
        site / "sitemap.xml.gz"
    ).read_bytes() == first  # reproducible: no timestamp in the gzip header


@pytest.mark.parametrize(("public", "url"), [(False, "https://kennisbank.example/"), (True, "")])
def test_without_an_address_or_off_the_public_site_the_sitemap_stays_empty(tmp_path, public, url):
    site = _site(tmp_path)
    write_crawler_files(site, public, url)
    assert (site / "sitemap.xml").read_text(encoding="utf-8") == EMPTY_SITEMAP
    assert "Sitemap:" not in (site / "robots.txt").read_text(encoding="utf-8")


def _build(*args):
    return subprocess.run(
        [sys.executable, "-m", "wwidw_build", "build", "--quiet", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
    )


def test_a_description_page_carries_the_date_it_was_last_changed(tmp_path):
    site = _site(tmp_path)
    write_sitemap(
        site,
        "https://kennisbank.example/",
        {"praktijken/a-b/": "2025-03-01", "elders/": "2024-01-01"},
    )
    dates = entries(site / "sitemap.xml")
    assert dates["https://kennisbank.example/praktijken/a-b/"] == "2025-03-01"
    assert dates["https://kennisbank.example/zoeken/"] is None
    assert "https://kennisbank.example/elders/" not in dates  # a date never adds a page


def test_build_with_site_url_gives_the_public_site_a_full_sitemap(tmp_path):
    out = tmp_path / "site"
    result = _build(
        "--audience",
        "openbaar",
        "--out",
        str(out),
        "--site-url",
        "https://kennisbank.example/wwidw",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    site = out / "openbaar"
    pages = sorted(
        p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html"
    )
    urls = locs(site / "sitemap.xml")
    assert len(urls) == len(pages) > 100
    assert all(u.startswith("https://kennisbank.example/wwidw/") for u in urls)
    assert "https://kennisbank.example/wwidw/praktijken/klushuizen-spoorbuurt/" in urls
    dated = {loc: date for loc, date in entries(site / "sitemap.xml").items() if date is not None}
    praktijk = frontmatter.load(REPO / "content" / "praktijken" / "klushuizen-spoorbuurt.md")
    assert dated["https://kennisbank.example/wwidw/praktijken/klushuizen-spoorbuurt/"] == str(
        praktijk["laatst_bijgewerkt"]
    )
    assert all(u.count("/") == 6 and ("/praktijken/" in u or "/archetypen/" in u) for u in dated)
    assert (
        "Sitemap: https://kennisbank.example/wwidw/sitemap.xml" in (site / "robots.txt").read_text()
    )
    assert 'href="https://kennisbank.example/wwidw/praktijken/' in (site / "feed.xml").read_text()


def test_a_bad_site_url_stops_the_build_before_anything_is_written(tmp_path):
    result = _build(
        "--audience",
        "openbaar",
        "--out",
        str(tmp_path / "site"),
        "--site-url",
        "kennisbank.example",
    )
    assert result.returncode == 2
    assert "--site-url" in result.stderr and "geen volledig webadres" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()
