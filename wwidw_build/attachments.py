"""Attachments (``content/bijlagen/``) of the descriptions an audience sees: which, and their copy."""

from __future__ import annotations

import shutil
from pathlib import Path

from wwidw_build.checks.rules import linked_files


def attachment_names(bodies: dict, document) -> frozenset[str]:
    """Attachment names of a description: from its rendered body (``bodies``), or (hidden, not
    rendered) its links. Each source has its own bijlagen/."""
    body = bodies.get((document.kind, document.id))
    if body is not None:
        return body.attachments
    root = document.root
    bijlagen = (root / "bijlagen").resolve()
    return frozenset(p.name for p in linked_files(document, root) if p.resolve().parent == bijlagen)


def copy_attachments(documents, attachments_of, site: Path) -> None:
    """Copy only the attachments that visible descriptions use (names were checked on render),
    each from the bijlagen/ of the source its description lives in."""
    wanted: dict[Path, set[str]] = {}
    for document in documents:
        wanted.setdefault(document.root, set()).update(attachments_of(document))
    for root, names in wanted.items():
        if names:
            _copy(root, names, site)


def _copy(root: Path, names: set[str], site: Path) -> None:
    target = site / "bijlagen"
    target.mkdir(exist_ok=True)
    source_dir = (root / "bijlagen").resolve()
    for name in sorted(names):
        source = (source_dir / name).resolve()
        if (
            source.parent == source_dir
            and source.is_file()
            and not (source_dir / name).is_symlink()
        ):
            shutil.copyfile(source, target / name)
