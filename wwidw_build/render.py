"""Render stage: the mkdocs engine behind a small interface, run as subprocesses (mkdocs has no
public Python API and empties its site folder in place, so we always render into a fresh folder)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True)
class RenderResult:
    ok: bool
    log: str


class Renderer(Protocol):
    def render_all(self, jobs: list[tuple[Path, Path]]) -> list[RenderResult]: ...


class MkDocsRenderer:
    def render_all(self, jobs: list[tuple[Path, Path]]) -> list[RenderResult]:
        """Run one ``mkdocs build`` per (config, site folder), all at the same time."""
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        running = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "mkdocs",
                    "build",
                    "--strict",
                    "--quiet",
                    "-f",
                    str(config),
                    "-d",
                    str(site_dir),
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                env=env,
            )
            for config, site_dir in jobs
        ]
        return [
            _finish(process) for process in running
        ]  # a finished process never waits on another


def _finish(process: subprocess.Popen) -> RenderResult:
    output, _ = process.communicate()
    return RenderResult(process.returncode == 0, (output or "").strip())
