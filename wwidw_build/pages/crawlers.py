"""What search engines may read of a built site: robots.txt, and for the public site its sitemap.

Only the public site may be indexed. Its sitemap lists every page by absolute URL, so it needs the
site's public address (``wwidw build --site-url``); without one, mkdocs' empty sitemap stays. The
sitemap is written after the render and before the leak audit, which scans it like every file.
"""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import quote, urlsplit

from wwidw_build import urls
from wwidw_build.exports.as_atom import updated_of
from wwidw_build.search.site import BUNDLE

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
# Folders of files that are not pages (an attachment may be called index.html too): theme assets,
# attachments, exports and the search index.
NOT_PAGE_FOLDERS = {"assets", "bijlagen", "data", BUNDLE}


class BadSiteUrl(ValueError):
    """The public address is not an absolute http(s) URL without query or fragment."""


def normalise_site_url(url: str) -> str:
    """``https://host/path`` -> ``https://host/path/``; raises BadSiteUrl with a Dutch message."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise BadSiteUrl(f"'{url}' is geen volledig webadres: begin met https:// en noem de host.")
    if parts.query or parts.fragment or "@" in parts.netloc:
        raise BadSiteUrl(
            f"'{url}' mag geen ?, # of gebruikersnaam bevatten: geef alleen het adres van de site."
        )
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}/"


def write_robots(site: Path, public: bool, site_url: str = "") -> None:
    """Only the public site may be crawled; it names its sitemap when its address is known."""
    lines = ["User-agent: *", "Allow: /" if public else "Disallow: /"]
    if public and site_url:
        lines.append(f"Sitemap: {site_url}sitemap.xml")
    (site / "robots.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def page_urls(site: Path) -> list[str]:
    """The site-relative URL of every page, sorted: mkdocs writes page ``x`` as ``x/index.html``, so
    that is ``x/``. mkdocs' 404.html is served for missing URLs and is not a page to list."""
    urls = []
    for path in site.rglob("index.html"):
        relative = path.relative_to(site).as_posix()
        if relative.split("/", 1)[0] not in NOT_PAGE_FOLDERS or relative == "index.html":
            urls.append(relative.removesuffix("index.html"))
    return sorted(urls)


def write_sitemap(site: Path, site_url: str, lastmod: dict[str, str] | None = None) -> int:
    """Replace sitemap.xml and sitemap.xml.gz by a list of every page; the number of URLs.
    ``lastmod``: site-relative page URL -> YYYY-MM-DD, for the pages whose date is known."""
    urlset = ET.Element("urlset", {"xmlns": SITEMAP_NS})
    urls = page_urls(site)
    for url in urls:
        entry = ET.SubElement(urlset, "url")
        ET.SubElement(entry, "loc").text = site_url + quote(url, safe="/-._~")
        if lastmod and url in lastmod:
            ET.SubElement(entry, "lastmod").text = lastmod[url]
    ET.indent(urlset)
    data = ET.tostring(urlset, encoding="utf-8", xml_declaration=True)
    (site / "sitemap.xml").write_bytes(data)
    (site / "sitemap.xml.gz").write_bytes(
        gzip.compress(data, mtime=0)
    )  # mtime 0: the same bytes every build
    return len(urls)


def description_dates(documents) -> dict[str, str]:
    """Page URL -> the date a description was last changed (laatst_bijgewerkt or laatst_herzien)."""
    dates = {urls.page_url(d.kind, d.id): updated_of(d) for d in documents}
    return {url: date for url, date in dates.items() if date}


def write_crawler_files(site: Path, public: bool, site_url: str = "", documents=()) -> None:
    """robots.txt for every site; the sitemap for the public site when its address is known, with the
    dates of the given (visible) descriptions as their pages' lastmod."""
    write_robots(site, public, site_url)
    if public and site_url:
        write_sitemap(site, site_url, description_dates(documents))
