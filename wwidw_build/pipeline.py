"""The pipeline's table of contents: the stages in order, each data in and (data, diagnostics) out."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from pathlib import Path

from wwidw_build.content_sources import ContentSource, shorthand
from wwidw_build.diagnostics import Diagnostic
from wwidw_build.load import load_sources
from wwidw_build.model import Content
from wwidw_build.records import with_records
from wwidw_build.validate import validate


def load_and_validate(
    place: Path | list[ContentSource],
    rendered: Collection[Path] | None = None,
    today: date | None = None,
) -> tuple[Content, list[Diagnostic]]:
    """Load every file of the given sources (or of one content folder, as the one public source)
    once and run every check; diagnostics from both stages, sorted. Without errors, every
    description also gets its typed record (the later stages read only those). ``rendered``:
    render (within the bounds) only the descriptions at these paths, see ``validate``; ``today``:
    the date the date-dependent checks (overdue measurements, expired assessments) compare with."""
    sources = place if isinstance(place, list) else [shorthand(Path(place))]
    content, diagnostics = load_sources(sources)
    diagnostics = sorted(
        set(diagnostics + validate(content, today=today, rendered=rendered)),
        key=lambda d: (d.file, d.line, d.column, d.code),
    )
    if not any(d.is_error for d in diagnostics):
        content = with_records(content)
    return content, diagnostics
