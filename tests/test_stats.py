from pathlib import Path

from wwidw_build.checks.stats import compute_stats
from wwidw_build.load import load_content


def test_counts_add_up():
    content, _ = load_content(Path(__file__).resolve().parent.parent / "content")
    stats = compute_stats(content)
    assert (
        stats.total
        == len(content.documents)
        == sum(stats.per_kind.values())
        == sum(stats.per_visibility.values())
    )
    assert stats.concepts >= 2 and len(stats.scores) == stats.total
