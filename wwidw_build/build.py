"""Build every requested audience: select → generate → render → audit → publish, per audience.

Content is loaded and validated once (by the caller) and every description body is rendered once;
audiences then build in parallel processes (fork), each into a staging folder that is swapped into
``out/<audience>`` only when every stage has passed.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from wwidw_build import audit, publish
from wwidw_build.audience import Audience
from wwidw_build.body_render import RenderedBody, render_body
from wwidw_build.exports import write_exports
from wwidw_build.generate import generate_pages, write_config, write_tree
from wwidw_build.model import Content
from wwidw_build.render import MkDocsRenderer
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


class Reporter:
    """Where build events go; the CLI passes one that prints, tests can record."""

    def stage(self, audience: str, stage: str) -> None:
        pass


@dataclass
class _Job:
    content: Content
    bodies: dict
    sequences: dict
    out: Path
    include_concepts: bool
    reporter: Reporter


_JOB: _Job | None = None  # set before forking, so workers inherit it without pickling


def render_bodies(content: Content) -> dict[tuple[str, str], RenderedBody]:
    return {(d.kind, d.id): render_body(d, content.root) for d in content.documents}


def build_all(content: Content, audiences: list[Audience], out: Path, include_concepts: bool = False,
              reporter: Reporter | None = None, workers: int | None = None) -> list[AudienceResult]:
    global _JOB
    _JOB = _Job(content, render_bodies(content), audit.unique_sequences(content.documents), Path(out).absolute(),
                include_concepts, reporter or Reporter())
    workers = min(len(audiences), workers or os.cpu_count() or 1)
    if workers <= 1:
        return [_build_one(a) for a in audiences]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(_build_one, audiences))


def _build_one(audience: Audience) -> AudienceResult:
    job = _JOB
    started = time.perf_counter()
    report = lambda stage: job.reporter.stage(audience.name, stage)  # noqa: E731
    report("selecteren")
    selection = select(job.content, audience, job.include_concepts)
    staged = publish.staging_dir(job.out, audience.folder)
    with tempfile.TemporaryDirectory(prefix="wwidw-docs-") as work:
        report("genereren")
        docs, config = Path(work) / "docs", Path(work) / "mkdocs.yml"
        write_tree(generate_pages(selection, job.bodies), docs)
        write_config(selection, docs, config)
        report("renderen")
        rendered = MkDocsRenderer().render(config, staged)
    if not rendered.ok:
        publish.discard(staged)
        return AudienceResult(audience.name, False, problems=(rendered.log,))
    attachments_of = lambda d: job.bodies[(d.kind, d.id)].attachments  # noqa: E731
    _copy_attachments(job.content.root, selection.visible, attachments_of, staged)
    write_exports(selection, staged)
    report("controleren")
    prints = audit.fingerprints(selection.hidden, selection.visible, job.sequences, attachments_of)
    leaks = audit.audit_tree(staged, prints)
    if leaks:
        publish.discard(staged)
        return AudienceResult(audience.name, False, len(selection.visible), leaks=tuple(leaks))
    pages = [p for p in staged.rglob("*.html")]
    size = sum(p.stat().st_size for p in staged.rglob("*") if p.is_file())
    largest = max((p.stat().st_size for p in pages), default=0)
    report("publiceren")
    publish.publish(staged, job.out / audience.folder)
    return AudienceResult(audience.name, True, len(selection.visible), len(pages), size,
                          time.perf_counter() - started, largest)


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
        if source.parent == source_dir and source.is_file() and not (source_dir / name).is_symlink():
            shutil.copyfile(source, target / name)
