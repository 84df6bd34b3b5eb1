"""One audience's pages rendered by the engine, split over several processes when there are many."""

from __future__ import annotations

import os
from pathlib import Path

from wwidw_build.generate import NAV_PAGES, write_config, write_tree
from wwidw_build.render import Renderer, RenderResult

SHARD_FROM = 300  # pages; below this, a second mkdocs process costs more than it saves


def render_pages(
    renderer: Renderer,
    pages: dict[str, str],
    selection,
    work: Path,
    staged: Path,
    partial: bool,
    shards: int,
) -> RenderResult:
    """Render the pages with ``renderer``, split over ``shards`` processes when there are many.

    Every shard holds the navigation targets too (mkdocs needs them for the navigation); the shards'
    outputs are merged into ``staged``, where files they share (theme assets, navigation pages) are
    the same in every shard."""
    shards = max(1, min(shards, len(pages) // SHARD_FROM))
    groups = _balanced(pages, shards)
    jobs = []
    for n, group in enumerate(groups):
        docs, config = work / f"docs-{n}", work / f"mkdocs-{n}.yml"
        write_tree({p: pages[p] for p in group | (NAV_PAGES & pages.keys())}, docs)
        write_config(selection, docs, config, partial=partial or shards > 1)
        jobs.append((config, staged if n == 0 else work / f"site-{n}"))
    results = renderer.render_all(jobs)
    failed = [r for r in results if not r.ok]
    if failed:
        return failed[0]
    for _, site in jobs[1:]:
        _merge(site, staged)
    return results[0]


def _balanced(pages: dict[str, str], shards: int) -> list[set[str]]:
    """Split the pages into groups of about equal Markdown size (longest first, each to the lightest)."""
    groups: list[set[str]] = [set() for _ in range(shards)]
    sizes = [0] * shards
    for page in sorted(pages, key=lambda p: (-len(pages[p]), p)):
        lightest = sizes.index(min(sizes))
        groups[lightest].add(page)
        sizes[lightest] += len(pages[page]) + 2000  # every page also costs its template
    return groups


def _merge(source: Path, target: Path) -> None:
    """Move the files of ``source`` into ``target``, keeping the ones ``target`` already has."""
    for path in source.rglob("*"):
        if path.is_file():
            destination = target / path.relative_to(source)
            if not destination.exists():
                destination.parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, destination)
