"""Build every requested audience: select → generate → render → audit → publish, per audience.

Content is loaded and validated once (by the caller) and every description body is rendered once;
audiences then build in parallel processes (fork), each into a staging folder that is swapped into
``out/<audience>`` only when every stage has passed. The build holds ``out`` for itself throughout
(``out_lock``); workers die with it (``forking``) and only its own process publishes, so nothing is
published once it is gone, and what a killed build left half-built goes at the next build.
"""

from __future__ import annotations

import functools
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from wwidw_build import audit, forking, out_lock, publish
from wwidw_build.attachments import Seen, attachment_names, copy_attachments
from wwidw_build.audience import Audience
from wwidw_build.exports import write_exports
from wwidw_build.generate import generate_pages
from wwidw_build.labels import site_marker
from wwidw_build.model import Content
from wwidw_build.pages.body_render import RenderedBody, render_body
from wwidw_build.pages.crawlers import write_crawler_files
from wwidw_build.reference_build import (
    MarkerMissing,
    Reference,
    audited_elsewhere,
    link_pages,
    reusable_pages,
)
from wwidw_build.render import Renderer
from wwidw_build.render_shards import render_pages
from wwidw_build.search.site import BUNDLE, Indexing, start_index
from wwidw_build.selection import Selection, select


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
    renderer: Renderer
    site_url: str = ""  # the public site's address (normalised), for its sitemap and feed links
    reference: Reference | None = None
    generated: dict = field(default_factory=dict)  # Audience -> pages, kept for the base build
    audited: dict = field(default_factory=dict)  # Audience -> digests its audit found clean
    owner: int = field(default_factory=os.getpid)  # the build's own process: the one that publishes

    def staging(self, audience: Audience) -> Path:
        return publish.staging_path(self.out, audience.folder, self.owner)


PARALLEL_BODIES_FROM = 200


def render_bodies(
    content: Content, documents=None, meanwhile=None
) -> dict[tuple[str, str], RenderedBody]:
    """Render the given descriptions' bodies once (all of them by default), in parallel when many.
    ``meanwhile`` (no arguments) runs in this process while the workers render."""
    documents = list(content.documents if documents is None else documents)
    bodies = forking.map_forked(
        _render_some,
        documents,
        None,
        parallel_from=PARALLEL_BODIES_FROM,
        meanwhile=meanwhile,
    )
    return {(d.kind, d.id): body for d, body in zip(documents, bodies)}


def _render_some(documents: list, _shared: None) -> list[RenderedBody]:
    return [render_body(document, document.root) for document in documents]


def build_all(
    content: Content,
    audiences: list[Audience],
    out: Path,
    *,
    renderer: Renderer,
    include_concepts: bool = False,
    reporter: Reporter | None = None,
    workers: int | None = None,
    site_url: str = "",
) -> list[AudienceResult]:
    """Build the audiences with ``renderer``. The one with the largest corpus is built first and in
    full; the others then render only the pages whose Markdown differs from it and reuse its output
    for the rest (same Markdown and the same engine config give the same HTML). ``site_url``: the
    public site's address (see ``crawlers.normalise_site_url``), used for the public site only.

    ``out`` is held for this build until it returns: ``out_lock.OutInUse`` when another build holds
    it (then nothing in ``out`` changes). Staging folders of builds that are gone are removed first."""
    out = Path(out).absolute()
    with out_lock.locked(out):
        publish.remove_staging(out, os.getpid())
        try:
            return _build_all(
                content, audiences, out, renderer, include_concepts, reporter, workers, site_url
            )
        finally:
            publish.remove_staging(out, os.getpid())  # what this build staged and did not publish


def _build_all(
    content, audiences, out, renderer, include_concepts, reporter, workers, site_url
) -> list[AudienceResult]:
    selections = {a: select(content, a, include_concepts) for a in audiences}
    visible = {(d.kind, d.id): d for s in selections.values() for d in s.visible}
    sequences = {}
    bodies = render_bodies(
        content,
        visible.values(),
        meanwhile=lambda: sequences.update(audit.unique_sequences(content.documents)),
    )
    job = _Job(
        content=content,
        selections=selections,
        bodies=bodies,
        sequences=sequences,
        out=out,
        reporter=reporter or Reporter(),
        renderer=renderer,
        site_url=site_url,
    )
    base = _base(audiences, selections)
    results = {base: _publish(job, base, _build_one(base, job, shards=os.cpu_count() or 1))}
    if results[base].ok and len(audiences) > 1:
        job.reference = Reference(
            job.generated.pop(base),
            job.out / base.folder,
            selections[base],
            job.audited.pop(base, frozenset()),
            _marker(selections[base]),
        )
    others = [a for a in audiences if a != base]
    results.update(zip(others, _build_others(others, job, workers)))
    return [results[a] for a in audiences]


def _build_others(others: list[Audience], job: _Job, workers: int | None) -> list[AudienceResult]:
    """One audience per forked worker (a free worker takes the next); built one after another,
    each audience splits its render over the cores instead."""
    cores = os.cpu_count() or 1
    workers = min(len(others), workers or cores)
    shards = cores if workers <= 1 else 1
    return forking.map_forked(
        _build_some,
        others,
        (job, shards),
        workers=workers,
        slices=len(others),
        done=lambda built, results: [_publish(job, a, r) for a, r in zip(built, results)],
    )


def _build_some(audiences: list[Audience], shared: tuple) -> list[AudienceResult]:
    job, shards = shared
    return [_build_one(audience, job, shards) for audience in audiences]


def _base(audiences: list[Audience], selections: dict) -> Audience:
    """The audience built first and in full: partners when it is asked for (every organisation
    audience sees at least what partners see, so it differs least), else the largest corpus."""
    for audience in audiences:
        if audience.name == "partners":
            return audience
    return max(audiences, key=lambda a: len(selections[a].visible))


class _StageFailed(Exception):
    """A stage of one audience's build failed; what the build result reports."""

    def __init__(self, problems: tuple[str, ...], leaks: tuple[audit.Leak, ...] = ()):
        super().__init__(problems)
        self.problems, self.leaks = problems, leaks


@dataclass
class _Staged:
    """One audience's build in its staging folder, filled in stage by stage."""

    audience: Audience
    selection: Selection
    folder: Path
    pages: dict = field(default_factory=dict)  # relative .md path -> Markdown
    reused: set = field(default_factory=set)  # pages copied from the reference build
    rendered: bool = False


def _build_one(audience: Audience, job: _Job, shards: int = 1) -> AudienceResult:
    """select -> generate -> render -> complete -> audit, in a staging folder that ``_publish`` then
    swaps into place (in the build's own process; this may run in a worker). A failed stage raises
    ``_StageFailed``; whatever failed, the staging folder is discarded here."""
    started = time.perf_counter()
    report = functools.partial(job.reporter.stage, audience.name)
    report("selecteren")
    folder = publish.staging_dir(job.out, audience.folder, job.owner)
    staged = _Staged(audience, job.selections[audience], folder)
    passed = False
    try:
        report("genereren")
        _generate(job, staged)
        report("renderen")
        _render_stage(job, staged, shards)
        report("zoekindex")
        indexing = _complete(job, staged)
        report("controleren")
        _audit_stage(job, staged, indexing, shards)
        result = _measure(staged, started)
        passed = True
        return result
    except _StageFailed as failure:
        return AudienceResult(
            audience=audience.name,
            ok=False,
            descriptions=len(staged.selection.visible) if staged.rendered else 0,
            problems=failure.problems,
            leaks=failure.leaks,
        )
    finally:
        if not passed:
            publish.discard(staged.folder)


def _generate(job: _Job, staged: _Staged) -> None:
    staged.pages = job.generated[staged.audience] = generate_pages(staged.selection, job.bodies)
    staged.reused = reusable_pages(staged.pages, job.reference, _marker(staged.selection))


def _marker(selection: Selection) -> str:
    return site_marker(selection.audience, selection.registry)


def _render_stage(job: _Job, staged: _Staged, shards: int) -> None:
    """Render the pages that differ from the reference build; link the others from it."""
    with tempfile.TemporaryDirectory(prefix="wwidw-docs-") as work:
        rendered = render_pages(
            job.renderer,
            {p: md for p, md in staged.pages.items() if p not in staged.reused},
            staged.selection,
            Path(work),
            staged.folder,
            partial=bool(staged.reused),
            shards=shards,
        )
    if not rendered.ok:
        raise _StageFailed((rendered.log,))
    staged.rendered = True
    if staged.reused:
        try:
            link_pages(job.reference, staged.reused, staged.folder, _marker(staged.selection))
        except MarkerMissing as missing:
            raise _StageFailed((str(missing),)) from None


def _complete(job: _Job, staged: _Staged) -> Indexing:
    """Start the search index, then add crawler files, attachments and exports. Pagefind reads the
    pages only: it runs while the rest is written and audited."""
    site, selection = staged.folder, staged.selection
    indexing = start_index(site)
    public_url = job.site_url if staged.audience.is_public else ""
    write_crawler_files(site, staged.audience.is_public, public_url, selection.visible)
    copy_attachments(Seen(selection.visible, selection.hidden), _attachments_of(job), site)
    write_exports(selection, site, public_url)
    return indexing


def _audit_stage(job: _Job, staged: _Staged, indexing: Indexing, shards: int) -> None:
    """Scan every file for leaks (the index once Pagefind is done) and check the internal links."""
    site, selection = staged.folder, staged.selection
    attachments_of = _attachments_of(job)
    prints = audit.fingerprints(
        selection.hidden, selection.visible, job.sequences, attachments_of, selection.registry
    )
    audited = audited_elsewhere(job.reference, selection)
    leaks, clean = audit.scan(site, _files(site, exclude=BUNDLE), prints, audited)
    broken = audit.broken_links(site)
    indexed, index_log = indexing.wait()
    if not indexed:
        raise _StageFailed((index_log,))
    bundle_leaks, bundle_clean = audit.scan(site, _files(site / BUNDLE), prints, audited, shards)
    leaks += bundle_leaks
    job.audited[staged.audience] = clean | bundle_clean
    if broken:
        broken = audit.broken_links(site)  # checked while Pagefind was writing: again, complete
    if leaks or broken:
        problems = tuple(f"kapotte link in {f}: {h}" for f, h in broken[:50])
        raise _StageFailed(problems, tuple(leaks))


def _measure(staged: _Staged, started: float) -> AudienceResult:
    """The result of a build that passed every stage, measured in its staging folder."""
    page_sizes = [p.stat().st_size for p in staged.folder.rglob("*.html")]
    size = sum(p.stat().st_size for p in staged.folder.rglob("*") if p.is_file())
    return AudienceResult(
        audience=staged.audience.name,
        ok=True,
        descriptions=len(staged.selection.visible),
        pages=len(page_sizes),
        size=size,
        seconds=time.perf_counter() - started,
        largest_page=max(page_sizes, default=0),
        reused=len(staged.reused),
    )


def _publish(job: _Job, audience: Audience, result: AudienceResult) -> AudienceResult:
    """Swap a passed audience's staging folder into place. Only the build's own process does this: a
    worker that outlived it (it should not) could otherwise still publish."""
    if result.ok:
        if os.getpid() != job.owner:
            raise RuntimeError("only the build's own process publishes")
        job.reporter.stage(audience.name, "publiceren")
        publish.publish(job.staging(audience), job.out / audience.folder)
    return result


def _files(folder: Path, exclude: str | None = None) -> list[Path]:
    """Every file under ``folder``, without those in its subfolder ``exclude``."""
    skipped = folder / exclude if exclude else None
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and (skipped is None or skipped not in p.parents)
    )


def _attachments_of(job: _Job):
    """Attachment names per description, for the fingerprints and the copy."""
    return functools.partial(attachment_names, job.bodies)
