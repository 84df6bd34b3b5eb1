"""Build every requested audience: select → generate → render → audit → publish, per audience.

Content is loaded and validated once (by the caller) and every description body is rendered once;
audiences then build in parallel processes (fork), each into a staging folder that is swapped into
``out/<audience>`` only when every stage has passed.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import posixpath
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from wwidw_build import audit, publish
from wwidw_build.audience import Audience
from wwidw_build.checks.rules import linked_files
from wwidw_build.exports import write_exports
from wwidw_build.generate import NAV_PAGES, generate_pages, output_dir, write_config, write_tree
from wwidw_build.model import Content
from wwidw_build.pages.body_render import RenderedBody, render_body
from wwidw_build.pages.crawlers import write_crawler_files
from wwidw_build.render import MkDocsRenderer, Renderer
from wwidw_build.search.site import BUNDLE, start_index
from wwidw_build.selection import select


@dataclass(frozen=True)
class AudienceResult:
    audience: str
    ok: bool
    descriptions: int = 0
    pages: int = 0
    size: int = 0
    seconds: float = 0.0
    largest_page: int = 0
    problems: tuple[str, ...] = ()
    leaks: tuple[audit.Leak, ...] = field(default=())
    reused: int = 0  # pages copied from the reference build instead of rendered again


class Reporter:
    """Where build events go; the CLI passes one that prints, tests can record."""

    def stage(self, audience: str, stage: str) -> None:
        pass


@dataclass
class _Job:
    content: Content
    selections: dict  # Audience -> Selection
    bodies: dict
    sequences: dict
    out: Path
    reporter: Reporter
    site_url: str = ""  # the public site's address (normalised), for its sitemap and feed links
    reference: _Reference | None = None
    generated: dict = field(default_factory=dict)  # Audience -> pages, kept for the base build
    renderer: Renderer = field(default_factory=MkDocsRenderer)


@dataclass(frozen=True)
class _Reference:
    """A published build whose pages other audiences reuse when their Markdown is identical."""

    pages: dict  # relative .md path -> Markdown
    site: Path
    selection: object  # the reference audience's Selection


_JOB: _Job | None = None  # set before forking, so workers inherit it without pickling
PARALLEL_BODIES_FROM = 200


def render_bodies(
    content: Content, documents=None, meanwhile=None
) -> dict[tuple[str, str], RenderedBody]:
    """Render the given descriptions' bodies once (all of them by default), in parallel when many.
    ``meanwhile`` (no arguments) runs in this process while the workers render."""
    documents = list(content.documents if documents is None else documents)
    workers = os.cpu_count() or 1
    if len(documents) < PARALLEL_BODIES_FROM or workers < 2:
        bodies = {(d.kind, d.id): render_body(d, content.root) for d in documents}
        if meanwhile:
            meanwhile()
        return bodies
    global _BODY_INPUT
    _BODY_INPUT = (content.root, documents)
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            parts = [pool.submit(_render_slice, (i, workers)) for i in range(workers)]
            if meanwhile:
                meanwhile()
            return {key: body for part in parts for key, body in part.result()}
    finally:
        _BODY_INPUT = None


_BODY_INPUT: tuple | None = None


def _render_slice(part: tuple[int, int]) -> list:
    root, documents = _BODY_INPUT
    return [((d.kind, d.id), render_body(d, root)) for d in documents[part[0] :: part[1]]]


def build_all(
    content: Content,
    audiences: list[Audience],
    out: Path,
    include_concepts: bool = False,
    reporter: Reporter | None = None,
    workers: int | None = None,
    site_url: str = "",
    renderer: Renderer = MkDocsRenderer(),  # noqa: B008 - frozen, so one shared default is safe
) -> list[AudienceResult]:
    """Build the audiences. The one with the largest corpus is built first and in full; the others
    then render only the pages whose Markdown differs from it and reuse its output for the rest
    (same Markdown and the same mkdocs config give the same HTML). ``site_url``: the public site's
    address (see ``crawlers.normalise_site_url``), used for the public site only."""
    global _JOB
    selections = {a: select(content, a, include_concepts) for a in audiences}
    visible = {(d.kind, d.id): d for s in selections.values() for d in s.visible}
    sequences = {}
    bodies = render_bodies(
        content,
        visible.values(),
        meanwhile=lambda: sequences.update(audit.unique_sequences(content.documents)),
    )
    _JOB = _Job(
        content,
        selections,
        bodies,
        sequences,
        Path(out).absolute(),
        reporter or Reporter(),
        site_url,
        renderer=renderer,
    )
    base = _base(audiences, selections)
    results = {base: _build_one(base, shards=os.cpu_count() or 1)}
    if results[base].ok and len(audiences) > 1:
        _JOB.reference = _Reference(
            _JOB.generated.pop(base), _JOB.out / base.folder, selections[base]
        )
    others = [a for a in audiences if a != base]
    cores = os.cpu_count() or 1
    workers = min(len(others), workers or cores)
    if workers <= 1:
        results.update({a: _build_one(a, shards=cores) for a in others})
    else:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            results.update(zip(others, pool.map(_build_one, others)))
    return [results[a] for a in audiences]


def _base(audiences: list[Audience], selections: dict) -> Audience:
    """The audience built first and in full: partners when it is asked for (every organisation
    audience sees at least what partners see, so it differs least), else the largest corpus."""
    for audience in audiences:
        if audience.name == "partners":
            return audience
    return max(audiences, key=lambda a: len(selections[a].visible))


def html_path(page: str) -> str:
    """Where mkdocs (use_directory_urls) writes a page: x/index.md -> x/index.html, x/y.md -> x/y/index.html."""
    return posixpath.join(output_dir(page), "index.html")


def _build_one(audience: Audience, shards: int = 1) -> AudienceResult:
    job = _JOB
    started = time.perf_counter()
    report = lambda stage: job.reporter.stage(audience.name, stage)  # noqa: E731
    report("selecteren")
    selection = job.selections[audience]
    staged = publish.staging_dir(job.out, audience.folder)
    with tempfile.TemporaryDirectory(prefix="wwidw-docs-") as work:
        report("genereren")
        pages = job.generated[audience] = generate_pages(selection, job.bodies)
        reused = _reusable(pages, job.reference)
        report("renderen")
        rendered = _render(
            {p: md for p, md in pages.items() if p not in reused},
            selection,
            Path(work),
            staged,
            partial=bool(reused),
            shards=shards,
        )
    if not rendered.ok:
        publish.discard(staged)
        return AudienceResult(audience.name, False, problems=(rendered.log,))
    for page in reused:
        _link_or_copy(job.reference.site / html_path(page), staged / html_path(page))
    report("zoekindex")
    indexing = start_index(
        staged
    )  # Pagefind reads the pages only; it runs while the rest is written and audited
    public_url = job.site_url if audience.is_public else ""
    write_crawler_files(staged, audience.is_public, public_url, selection.visible)
    attachments_of = functools.partial(_attachments, job)
    _copy_attachments(job.content.root, selection.visible, attachments_of, staged)
    write_exports(selection, staged, public_url)
    report("controleren")
    prints = audit.fingerprints(selection.hidden, selection.visible, job.sequences, attachments_of)
    skip = _audited_elsewhere(job, selection)
    leaks = audit.audit_files(staged, _files(staged, exclude=BUNDLE), prints, skip=skip)
    broken = audit.broken_links(staged)
    indexed, index_log = indexing.wait()
    if not indexed:
        publish.discard(staged)
        return AudienceResult(audience.name, False, len(selection.visible), problems=(index_log,))
    leaks += audit.audit_files(staged, _files(staged / BUNDLE), prints, skip=skip, workers=shards)
    if (
        broken
    ):  # checked while Pagefind was still writing: check again now that the site is complete
        broken = audit.broken_links(staged)
    if leaks or broken:
        publish.discard(staged)
        return AudienceResult(
            audience.name,
            False,
            len(selection.visible),
            leaks=tuple(leaks),
            problems=tuple(f"kapotte link in {f}: {h}" for f, h in broken[:50]),
        )
    pages_html = list(staged.rglob("*.html"))
    size = sum(p.stat().st_size for p in staged.rglob("*") if p.is_file())
    largest = max((p.stat().st_size for p in pages_html), default=0)
    report("publiceren")
    publish.publish(staged, job.out / audience.folder)
    return AudienceResult(
        audience.name,
        True,
        len(selection.visible),
        len(pages_html),
        size,
        time.perf_counter() - started,
        largest,
        reused=len(reused),
    )


def _link_or_copy(source: Path, target: Path) -> None:
    """A hard link where the file system allows it (published trees are swapped, never edited)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


SHARD_FROM = 300  # pages; below this, a second mkdocs process costs more than it saves


def _render(pages: dict[str, str], selection, work: Path, staged: Path, partial: bool, shards: int):
    """Render the pages with mkdocs, split over ``shards`` processes when there are many.

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
    results = _JOB.renderer.render_all(jobs)
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


def _files(folder: Path, exclude: str | None = None) -> list[Path]:
    """Every file under ``folder``, without those in its subfolder ``exclude``."""
    skipped = folder / exclude if exclude else None
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and (skipped is None or skipped not in p.parents)
    )


def _audited_elsewhere(job: _Job, selection) -> Path | None:
    """The reference site, when every file identical to one of its files needs no new scan.

    That holds when this audience hides no description that the reference audience may see: its
    fingerprints are then a subset of the reference's, which its (passed) audit already checked."""
    if job.reference is None:
        return None
    reference_hidden = {(d.kind, d.id) for d in job.reference.selection.hidden}
    return (
        job.reference.site
        if {(d.kind, d.id) for d in selection.hidden} <= reference_hidden
        else None
    )


def _reusable(pages: dict[str, str], reference: _Reference | None) -> set[str]:
    """Pages whose Markdown equals the reference build's; navigation targets are always rendered
    (mkdocs needs them for the navigation, which must be the same in every audience)."""
    if reference is None:
        return set()
    return {p for p, md in pages.items() if p not in NAV_PAGES and reference.pages.get(p) == md}


def _attachments(job: _Job, document) -> frozenset[str]:
    """Attachment names of a description: from its rendered body, or (hidden, not rendered) its links."""
    body = job.bodies.get((document.kind, document.id))
    if body is not None:
        return body.attachments
    bijlagen = (job.content.root / "bijlagen").resolve()
    return frozenset(
        p.name for p in linked_files(document, job.content.root) if p.resolve().parent == bijlagen
    )


def _copy_attachments(root: Path, documents, attachments_of, site: Path) -> None:
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
