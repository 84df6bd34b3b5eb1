"""Render stage: the engine behind a small interface, run as subprocesses (MkDocs has no public
Python API and empties its site folder in place, so we always render into a fresh folder).

Two engines read the same generated docs tree and per-audience config: MkDocs 1.x (the default) and
ProperDocs, its maintained drop-in fork (``python -m properdocs``; it reads ``mkdocs.yml``, loads
Material through the ``mkdocs.themes`` entry point and aliases ``mkdocs.*`` imports to its own
modules). See docs/engine.md.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from wwidw_build import lifeline


@dataclass(frozen=True)
class RenderResult:
    ok: bool
    log: str


class Renderer(Protocol):
    def render_all(self, jobs: list[tuple[Path, Path]]) -> list[RenderResult]: ...


@dataclass(frozen=True)
class MkDocsRenderer:
    """``python -m <module> build --strict`` per (config, site folder), all at the same time.

    ``module`` is the engine's Python module: ``mkdocs``, or a drop-in fork with the same command
    line (``properdocs``)."""

    module: str = "mkdocs"

    def render_all(self, jobs: list[tuple[Path, Path]]) -> list[RenderResult]:
        """Each engine process dies with the process that runs this (``lifeline``): a build that is
        killed leaves no engine writing on."""
        # Material prints an end-of-life notice when it runs under mkdocs; the build log stays quiet.
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        running = [
            subprocess.Popen(
                [sys.executable, "-m", self.module, "build", "--strict", "--quiet"]
                + ["-f", str(config), "-d", str(site_dir)],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                env=env,
                **lifeline.popen_options(),
            )
            for config, site_dir in jobs
        ]
        # In order: a finished process never waits on another.
        return [_finish(process) for process in running]


@dataclass(frozen=True)
class ProperDocsRenderer(MkDocsRenderer):
    """ProperDocs (PyPI ``properdocs``), the maintained fork of MkDocs 1.x, in the same venv."""

    module: str = "properdocs"


def _finish(process: subprocess.Popen) -> RenderResult:
    output, _ = process.communicate()
    return RenderResult(process.returncode == 0, (output or "").strip())
