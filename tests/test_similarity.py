"""Similar descriptions: likely duplicates, the threshold between them, and a suggested archetype."""

import re
from pathlib import Path

import pytest

from wwidw_build.audience import Audience, may_see
from wwidw_build.load import load_content
from wwidw_build.search.similarity import (
    DUPLICATE_THRESHOLD,
    read_description,
    similar_to,
    suggest_archetype,
)

REPO = Path(__file__).resolve().parent.parent
ORIGINAL = (
    "huisuitzettingen-voorkomen-kempenhoeve"  # openbaar, archetype vroegsignalering-huurachterstand
)


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")


def without_archetype(text: str) -> str:
    return re.sub(r"^archetype: .*\n", "", text, flags=re.M)


def test_a_copy_under_a_new_id_is_a_likely_duplicate_and_gets_the_originals_archetype(
    content_copy, cache
):
    original = (content_copy / "praktijken" / f"{ORIGINAL}.md").read_text()
    (content_copy / "praktijken" / "kopie-van-kempenhoeve.md").write_text(
        without_archetype(original)
    )
    copy = load_content(content_copy)[0]
    document = next(d for d in copy.documents if d.id == "kopie-van-kempenhoeve")
    assert "archetype" not in document.meta
    matches = similar_to(copy, document, cache_dir=cache)
    assert (
        matches[0].id == ORIGINAL
        and matches[0].likely_duplicate
        and matches[0].relative == pytest.approx(1.0)
    )
    assert not any(m.likely_duplicate for m in matches[1:])
    assert suggest_archetype(copy, document, matches) == "vroegsignalering-huurachterstand"
    assert suggest_archetype(copy, document) == "vroegsignalering-huurachterstand"


def test_a_rewritten_copy_outside_the_content_folder_is_still_flagged(content, tmp_path, cache):
    text = (REPO / "content" / "praktijken" / f"{ORIGINAL}.md").read_text()
    text = re.sub(
        r"^titel: .*$", "titel: Een nieuwe aanpak tegen ontruimingen", text, count=1, flags=re.M
    )
    body = text.split("\n---\n", 1)
    sections = re.split(r"(?=^## )", body[1], flags=re.M)
    draft = tmp_path / "mijn-concept.md"
    draft.write_text(
        without_archetype(body[0] + "\n---\n" + "".join(sections[::2]))
    )  # half the sections
    document, problems = read_description(content, draft)
    assert problems == [] and document.kind == "praktijk" and document.id == "mijn-concept"
    matches = similar_to(content, draft, cache_dir=cache)
    assert matches[0].id == ORIGINAL and matches[0].likely_duplicate
    assert suggest_archetype(content, draft) == "vroegsignalering-huurachterstand"


def test_distinct_sample_descriptions_stay_below_the_threshold(content, cache):
    """The docstring of DUPLICATE_THRESHOLD: different descriptions score well below it."""
    highest = 0.0
    for document in content.documents:
        matches = similar_to(content, document, limit=3, cache_dir=cache)
        assert matches, document.id
        assert not any(m.likely_duplicate for m in matches), (
            document.id,
            matches[0].id,
            matches[0].relative,
        )
        highest = max([highest] + [m.relative for m in matches])
    assert highest < DUPLICATE_THRESHOLD - 0.1


def test_a_description_is_never_similar_to_itself(content, cache):
    document = next(d for d in content.documents if d.id == ORIGINAL)
    matches = similar_to(content, document, limit=50, cache_dir=cache)
    assert ORIGINAL not in [m.id for m in matches]
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
    assert all(0 < m.relative <= 1 for m in matches)


def test_matches_of_the_same_archetype_come_first(content, cache):
    document = next(d for d in content.documents if d.id == "buurtbemiddeling-rivierenwijk")
    top = [m.id for m in similar_to(content, document, limit=3, cache_dir=cache)]
    assert set(top[:2]) == {"buurtbemiddeling", "buurtbemiddeling-portiekflats-noord"}


def test_an_audience_filters_with_the_one_rule(content, cache):
    document = next(d for d in content.documents if d.id == "klushuizen-spoorbuurt")
    everything = similar_to(content, document, limit=50, cache_dir=cache)
    assert "klushuizen-kanaalzone" in [m.id for m in everything]  # organisatie-only, unfiltered
    public = similar_to(content, document, limit=50, audience=Audience("openbaar"), cache_dir=cache)
    assert [m.id for m in public] == [
        m.id for m in everything if may_see(Audience("openbaar"), m.document, content.registry)
    ]
    assert "klushuizen-kanaalzone" not in [m.id for m in public]


def test_no_archetype_is_suggested_for_an_archetype(content, cache):
    archetype = next(d for d in content.documents if d.id == "klushuizen")
    assert suggest_archetype(content, archetype) is None


def test_an_unreadable_file_gives_a_diagnostic(content, tmp_path):
    path = tmp_path / "kapot.md"
    path.write_bytes(b"---\ntitel: \xff\n---\n")
    document, problems = read_description(content, path)
    assert document is None and [p.code for p in problems] == ["geen-utf8"]
    assert similar_to(content, path) == []
