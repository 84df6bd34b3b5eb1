"""Render stage: the mkdocs engine behind a small interface, run as a subprocess (mkdocs has no
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
    def render(self, config: Path, site_dir: Path) -> RenderResult: ...


class MkDocsRenderer:
    def render(self, config: Path, site_dir: Path) -> RenderResult:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(site_dir)]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        result = subprocess.run(command, capture_output=True, text=True, env=env)
        return RenderResult(result.returncode == 0, (result.stdout + result.stderr).strip())
