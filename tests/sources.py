"""Content sources for tests: split a folder holding descriptions of every tier into one source per
tier (as the real topology has them), with a bronnen.yml naming them; and the repository's own
sample sources."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE_SOURCES = REPO / "bronnen.yml"


def copy_sample_sources(target: Path) -> Path:
    """The repository's content/, voorbeeldbronnen/ and bronnen.yml copied into ``target``; returns
    the copied bronnen.yml."""
    shutil.copytree(REPO / "content", target / "content", symlinks=True)
    shutil.copytree(REPO / "voorbeeldbronnen", target / "voorbeeldbronnen", symlinks=True)
    shutil.copy(SAMPLE_SOURCES, target / "bronnen.yml")
    return target / "bronnen.yml"


def split_sources(content_dir: Path) -> Path:
    """benchmarks/corpus.py's split_by_tier: every non-public description into the source folder of
    its tier, next to ``content_dir``, with a bronnen.yml naming them all (returned)."""
    return _corpus().split_by_tier(content_dir)


def _corpus():
    if "corpus" not in sys.modules:
        spec = importlib.util.spec_from_file_location("corpus", REPO / "benchmarks" / "corpus.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["corpus"] = module
        spec.loader.exec_module(module)
    return sys.modules["corpus"]


def load_sources_file(sources_file: Path):
    """Every source of a bronnen.yml resolved, loaded and validated: (content, diagnostics)."""
    from wwidw_build.content_sources import read_sources_file
    from wwidw_build.pipeline import load_and_validate
    from wwidw_build.source_fetch import resolve

    sources, diagnostics = read_sources_file(sources_file)
    assert not diagnostics, diagnostics
    return load_and_validate([resolve(s) for s in sources])


def mixed_copy(target: Path) -> Path:
    """content/ with every sample source's descriptions and attachments copied into it: one folder
    of every tier, for tests that then add their own files and call ``split_sources``."""
    shutil.copytree(REPO / "content", target, symlinks=True)
    for folder in sorted((REPO / "voorbeeldbronnen").iterdir()):
        for sub in ("praktijken", "archetypen", "bijlagen"):
            for path in sorted((folder / sub).glob("*")):
                if path.name != ".gitkeep":
                    shutil.copy(path, target / sub / path.name)
    return target
