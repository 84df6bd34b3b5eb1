from sources import SAMPLE_SOURCES, load_sources_file

from wwidw_build.checks.stats import compute_stats


def test_counts_add_up():
    content, _ = load_sources_file(SAMPLE_SOURCES)
    stats = compute_stats(content)
    assert (
        stats.total
        == len(content.documents)
        == sum(stats.per_kind.values())
        == sum(stats.per_visibility.values())
    )
    assert stats.concepts >= 2 and len(stats.scores) == stats.total
