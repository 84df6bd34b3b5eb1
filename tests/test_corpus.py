"""The synthetic benchmark corpus (benchmarks/corpus.py) is valid, deterministic and varied."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from sources import load_sources_file

from wwidw_build.checks.privacy import find_personal_data
from wwidw_build.diagnostics import Severity

CORPUS_PY = Path(__file__).resolve().parent.parent / "benchmarks" / "corpus.py"


@pytest.fixture(scope="module")
def corpus():
    spec = importlib.util.spec_from_file_location("wwidw_bench_corpus", CORPUS_PY)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)


def test_corpus_validates_without_errors(corpus, tmp_path: Path):
    content_dir = corpus.generate(tmp_path / "content", 20, seed=1)
    content, diagnostics = load_sources_file(corpus.split_by_tier(content_dir))
    praktijken = content.by_kind("praktijk")
    assert len(praktijken) == 20
    assert [d for d in diagnostics if d.severity is Severity.ERROR] == []
    # The synthetic files themselves are clean; warnings may only come from the copied real
    # archetypes.
    assert [d for d in diagnostics if "/synth-" in d.file] == []
    for doc in praktijken:
        assert 350 <= len(doc.body.split()) <= 700
        assert find_personal_data(doc.body) == []


def test_corpus_is_deterministic(corpus, tmp_path: Path):
    first = corpus.generate(tmp_path / "a", 20, seed=7)
    second = corpus.generate(tmp_path / "b", 20, seed=7)
    other = corpus.generate(tmp_path / "c", 20, seed=8)
    files = sorted(p.name for p in (first / "praktijken").iterdir())
    assert files == [f"synth-{i:05d}.md" for i in range(1, 21)]
    for name in files:
        assert (first / "praktijken" / name).read_text("utf-8") == (
            second / "praktijken" / name
        ).read_text("utf-8")
    assert any(
        (first / "praktijken" / name).read_text("utf-8")
        != (other / "praktijken" / name).read_text("utf-8")
        for name in files
    )
    bodies = {
        (first / "praktijken" / name).read_text("utf-8").split("\n---\n", 1)[1] for name in files
    }
    assert len(bodies) == len(files)


def test_all_visibility_levels_occur(corpus, tmp_path: Path):
    generated = corpus.generate(tmp_path / "content", 20, seed=1)
    content, _ = load_sources_file(corpus.split_by_tier(generated))
    praktijken = content.by_kind("praktijk")
    assert {d.zichtbaarheid for d in praktijken} == {"openbaar", "partners", "organisatie"}
    partners = {o.id for o in content.registry.organisaties.values() if o.partner}
    assert all(d.organisatie in partners for d in praktijken if d.zichtbaarheid != "openbaar")
