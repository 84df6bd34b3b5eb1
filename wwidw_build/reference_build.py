"""Reuse of the base audience's published build by the other audiences: a page whose Markdown is
the same gives the same HTML but for the site marker (``labels.site_marker``, the one per-audience
value the theme shows on every page; the public site has none), and a file with the bytes of one
its audit found clean needs no second leak scan."""

from __future__ import annotations

import os
import posixpath
import shutil
from dataclasses import dataclass
from pathlib import Path

from wwidw_build.generate import NAV_PAGES, output_dir


@dataclass(frozen=True)
class Reference:
    """A published build whose pages other audiences reuse when their Markdown is identical."""

    pages: dict  # relative .md path -> Markdown
    site: Path
    selection: object  # the reference audience's Selection
    audited: frozenset = frozenset()  # sha256 of every file its leak audit scanned and found clean
    marker: str = ""  # its site marker ("" on the public site), on every page it rendered


def reusable_pages(
    pages: dict[str, str], reference: Reference | None, marker: str = ""
) -> set[str]:
    """Pages whose Markdown equals the reference build's, where the HTML can be had from its page:
    the same ``marker``, or both sites have one (``link_pages`` puts this site's in); a site with a
    marker and one without differ in more than its text, so nothing is reused between them.
    Navigation targets are always rendered (mkdocs needs them for the navigation, which must be
    the same in every audience)."""
    if reference is None or (reference.marker != marker and not (reference.marker and marker)):
        return set()
    return {p for p, md in pages.items() if p not in NAV_PAGES and reference.pages.get(p) == md}


def audited_elsewhere(reference: Reference | None, selection) -> frozenset:
    """The digests of the reference audit's clean files, when a file with those bytes needs no new
    scan for this audience (else none).

    That holds when this audience hides no description that the reference audience may see: its
    fingerprints are then a subset of the reference's, and the reference's audit scanned exactly
    those bytes in this process. The published reference files are never trusted: a file's digest
    is taken from the bytes being audited, so a hard link to a file changed since, or a reference
    folder another build replaced, is scanned like any other."""
    if reference is None:
        return frozenset()
    reference_hidden = {(d.kind, d.id) for d in reference.selection.hidden}
    if {(d.kind, d.id) for d in selection.hidden} <= reference_hidden:
        return reference.audited
    return frozenset()


class MarkerMissing(Exception):
    """A reused page does not hold the reference build's site marker exactly once."""


def link_pages(reference: Reference, pages, site: Path, marker: str = "") -> None:
    """Put the reference build's HTML of ``pages`` into ``site``: hard-linked with the same marker,
    else a copy with this site's ``marker`` in place of the reference's (``reusable_pages``)."""
    for page in pages:
        source, target = reference.site / html_path(page), site / html_path(page)
        if marker == reference.marker:
            _link_or_copy(source, target)
        else:
            _restamp(source, target, reference.marker, marker)


# What Jinja's ``e`` filter (markupsafe.escape) writes for each character it escapes.
_JINJA_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})


def marker_html(marker: str) -> bytes:
    """The site marker as theme/main.html writes it; contributor HTML cannot hold the class
    (body_render's allow-list), so a page has it once."""
    text = marker.translate(_JINJA_ESCAPES)
    return f'<strong class="wwidw-kenmerk__tekst">{text}</strong>'.encode()


def _restamp(source: Path, target: Path, old: str, new: str) -> None:
    data, needle = source.read_bytes(), marker_html(old)
    if data.count(needle) != 1:
        raise MarkerMissing(f"{source}: de sitemarkering staat er niet precies één keer in")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data.replace(needle, marker_html(new)))


def html_path(page: str) -> str:
    """Where mkdocs (use_directory_urls) writes a page: x/index.md -> x/index.html, x/y.md -> x/y/index.html."""
    return posixpath.join(output_dir(page), "index.html")


def _link_or_copy(source: Path, target: Path) -> None:
    """A hard link where the file system allows it (published trees are swapped, never edited)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
