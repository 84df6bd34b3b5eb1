"""render_shards: splitting one audience's pages over engine processes, and merging their output."""

from __future__ import annotations

from wwidw_build.render_shards import _balanced, _merge


def test_pages_are_split_into_groups_of_about_equal_size():
    pages = {f"p{n}.md": "x" * (1000 * n) for n in range(1, 9)}
    groups = _balanced(pages, 3)
    assert sorted(p for group in groups for p in group) == sorted(pages)
    sizes = [sum(len(pages[p]) + 2000 for p in group) for group in groups]
    assert max(sizes) - min(sizes) <= 8000  # at most about one page apart


def test_merge_keeps_the_files_the_target_has(tmp_path):
    source, target = tmp_path / "shard", tmp_path / "site"
    (source / "a").mkdir(parents=True)
    target.mkdir()
    (source / "a" / "index.html").write_text("uit de shard", encoding="utf-8")
    (source / "style.css").write_text("shard", encoding="utf-8")
    (target / "style.css").write_text("eerste", encoding="utf-8")
    _merge(source, target)
    assert (target / "a" / "index.html").read_text(encoding="utf-8") == "uit de shard"
    assert (target / "style.css").read_text(encoding="utf-8") == "eerste"
