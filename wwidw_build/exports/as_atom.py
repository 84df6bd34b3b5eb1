"""feed.xml: an Atom feed of the newest visible descriptions, built with ElementTree.

All text goes in as element text or attribute values, so ElementTree escapes it; characters XML
cannot hold at all (control characters) are dropped. Links are relative to the site root unless a
base address is given. Entry and feed ids are tag URIs, so they survive a move of the site. The
feed's own timestamp is the newest entry's, which keeps builds reproducible.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from wwidw_build import urls
from wwidw_build.labels import SOORT, feed_audience_label
from wwidw_build.records import Praktijk, Record
from wwidw_build.selection import Selection

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FEED_SIZE = 20
TAG = "tag:watwerktindewijk.example,2025:"
EPOCH = "1970-01-01"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def updated_of(document: Record) -> str | None:
    """The date a description was last changed (laatst_bijgewerkt or laatst_herzien), as text."""
    return document.updated.isoformat() if document.updated else None


def newest(documents, size: int = FEED_SIZE) -> list[Record]:
    """Newest first by date (undated last), ties by id; at most ``size``."""
    ordered = sorted(documents, key=lambda d: (d.id, d.kind))
    ordered.sort(key=lambda d: updated_of(d) or "", reverse=True)  # stable: ties keep id order
    return ordered[:size]


def _timestamp(document: Record) -> str:
    date = updated_of(document)
    if date is None and isinstance(document, Praktijk) and 1000 <= document.startjaar <= 9999:
        date = f"{document.startjaar}-01-01"
    return f"{date or EPOCH}T00:00:00Z"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _NOT_XML.sub("", v) for k, v in attributes.items()})
    if text is not None:
        element.text = _NOT_XML.sub("", text)
    return element


def build_feed(selection: Selection, site_url: str = "") -> ET.Element:
    base = site_url.rstrip("/") + "/" if site_url else ""
    entries = newest(selection.visible)
    audience = feed_audience_label(selection.audience, selection.registry)
    feed = ET.Element(
        "feed", {"xmlns": ATOM, XML_LANG: "nl"}
    )  # plain tags in the default namespace
    _add(feed, "id", f"{TAG}feed/{selection.audience.folder}")
    _add(feed, "title", "Wat Werkt in de Wijk: nieuwe en bijgewerkte beschrijvingen", type="text")
    _add(
        feed,
        "subtitle",
        f"De {len(entries)} laatst bijgewerkte beschrijvingen voor {audience}.",
        type="text",
    )
    _add(feed, "updated", max((_timestamp(d) for d in entries), default=f"{EPOCH}T00:00:00Z"))
    _add(feed, "link", rel="self", type="application/atom+xml", href=f"{base}feed.xml")
    _add(feed, "link", rel="alternate", type="text/html", href=base or "./")
    _add(_add(feed, "author"), "name", "Wat Werkt in de Wijk")
    _add(feed, "generator", "wwidw")
    for document in entries:
        relative = urls.page_url(document.kind, document.id)
        entry = _add(feed, "entry")
        _add(entry, "id", f"{TAG}{relative}")
        _add(entry, "title", document.titel, type="text")
        _add(entry, "link", rel="alternate", type="text/html", href=base + relative)
        _add(entry, "updated", _timestamp(document))
        if isinstance(document, Praktijk):
            organisation = selection.registry.organisaties.get(document.organisatie)
            _add(
                _add(entry, "author"),
                "name",
                organisation.naam if organisation else document.organisatie,
            )
        _add(entry, "category", term=document.kind, label=SOORT[document.kind])
        _add(entry, "summary", document.samenvatting, type="text")
    return feed


def write_feed(selection: Selection, path: Path, site_url: str = "") -> None:
    tree = ET.ElementTree(build_feed(selection, site_url))
    ET.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)
