"""Attachments (``content/bijlagen/``) of the descriptions an audience sees: which, and their copy."""

from __future__ import annotations

import shutil
from pathlib import Path

from wwidw_build.checks.rules import linked_files


def attachment_names(bodies: dict, root: Path, document) -> frozenset[str]:
    """Attachment names of a description: from its rendered body (``bodies``), or (hidden, not
    rendered) its links."""
    body = bodies.get((document.kind, document.id))
    if body is not None:
        return body.attachments
    bijlagen = (root / "bijlagen").resolve()
    return frozenset(p.name for p in linked_files(document, root) if p.resolve().parent == bijlagen)


def copy_attachments(root: Path, documents, attachments_of, site: Path) -> None:
    """Copy only the attachments that visible descriptions use (names were checked on render)."""
    names = {name for d in documents for name in attachments_of(d)}
    if not names:
        return
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
