"""Assemble the content one command needs from its sources: read bronnen.yml (or take --content as
the one public source), resolve the public source for the registry, then resolve and read only the
sources the chosen audiences may read (least privilege: the rest are never opened or fetched)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from wwidw_build.audience import Audience, may_read
from wwidw_build.content_sources import ContentSource, read_sources_file, shorthand
from wwidw_build.diagnostics import Diagnostic
from wwidw_build.load import load_registry
from wwidw_build.model import Content, Registry
from wwidw_build.pipeline import load_and_validate
from wwidw_build.source_fetch import resolve

# Chooses the audiences from the registry; None means every source is read ("alle", validate).
Chooser = Callable[[Registry], "list[Audience] | None"]


class BadSourcesFile(Exception):
    """bronnen.yml itself has errors (its diagnostics are in ``args[0]``)."""


def configured(content_dir: Path | None, sources_file: Path | None) -> list[ContentSource]:
    """The sources a command was given: ``--sources FILE``, else ``--content DIR`` as one public source."""
    if sources_file is None:
        return [shorthand(content_dir or Path("content"))]
    sources, diagnostics = read_sources_file(sources_file)
    if diagnostics:
        raise BadSourcesFile(diagnostics)
    return sources


def readable(
    sources: list[ContentSource], choose: Chooser
) -> tuple[list[ContentSource], Registry, list[Audience] | None]:
    """The resolved sources the chosen audiences may read (the public one first), the registry, and
    the audiences. Raises source_fetch.SourceUnavailable for a needed source that cannot be read."""
    public = resolve(next(s for s in sources if s.is_public))
    registry = load_registry(public)
    audiences = choose(registry)
    needed = [
        s
        for s in sources
        if not s.is_public
        and (audiences is None or any(may_read(a, s, registry) for a in audiences))
    ]
    return [public] + [resolve(s) for s in needed], registry, audiences


def assemble(
    sources: list[ContentSource], choose: Chooser
) -> tuple[Content, list[Diagnostic], list[Audience] | None]:
    """Load and validate what the chosen audiences may read."""
    resolved, _, audiences = readable(sources, choose)
    content, diagnostics = load_and_validate(resolved)
    return content, diagnostics, audiences
