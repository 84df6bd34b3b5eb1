"""Reuse of the base audience's published build by the other audiences: a page whose Markdown is
the same gives the same HTML when the site marker is the same too (``labels.site_marker``, the one
per-audience value the theme shows on every page), and a file with the bytes of one its audit found clean needs no second
leak scan."""

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


def reusable_pages(pages: dict[str, str], reference: Reference | None, marker: str = "") -> set[str]:
    """Pages whose Markdown equals the reference build's, on a site with the same ``marker``
    (another marker is in every page's HTML: nothing is reused); navigation targets are always
    rendered (mkdocs needs them for the navigation, which must be the same in every audience)."""
    if reference is None or reference.marker != marker:
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


def link_pages(reference: Reference, pages, site: Path) -> None:
    """Put the reference build's HTML of ``pages`` into ``site``."""
    for page in pages:
        _link_or_copy(reference.site / html_path(page), site / html_path(page))


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
