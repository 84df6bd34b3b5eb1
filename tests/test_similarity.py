"""Similar descriptions: by substance, not by place; likely duplicates; a suggested archetype."""

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from similar_drafts import PLACES, SUBJECTS, write_draft

from wwidw_build.audience import Audience, may_see
from wwidw_build.load import load_content
from wwidw_build.model import Document
from wwidw_build.search.overlap import labels
from wwidw_build.search.similarity import (
    DUPLICATE_THRESHOLD,
    SIMILAR_THRESHOLD,
    Match,
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
    assert suggest_archetype(copy, document, cache_dir=cache) == "vroegsignalering-huurachterstand"


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
    assert suggest_archetype(content, draft, cache_dir=cache) == "vroegsignalering-huurachterstand"


def test_distinct_sample_descriptions_stay_below_the_threshold(content, cache):
    """The docstrings of DUPLICATE_THRESHOLD and SIMILAR_THRESHOLD: different descriptions of the same
    kind score well below the first; each praktijk of an archetype finds that archetype."""
    highest = 0.0
    for document in content.documents:
        matches = similar_to(content, document, limit=50, cache_dir=cache)
        assert not any(m.likely_duplicate for m in matches), (
            document.id,
            matches[0].id,
            matches[0].relative,
        )
        assert all(m.relative >= SIMILAR_THRESHOLD for m in matches)
        highest = max([highest] + [m.relative for m in matches if m.kind == document.kind])
        if document.kind == "praktijk" and document.meta.get("archetype"):
            assert document.meta["archetype"] in [m.id for m in matches], document.id
    assert highest < DUPLICATE_THRESHOLD - 0.05


def test_a_description_is_never_similar_to_itself(content, cache):
    document = next(d for d in content.documents if d.id == ORIGINAL)
    matches = similar_to(content, document, limit=50, cache_dir=cache)
    assert ORIGINAL not in [m.id for m in matches]
    assert [m.relative for m in matches] == sorted((m.relative for m in matches), reverse=True)
    assert all(SIMILAR_THRESHOLD <= m.relative <= 1 for m in matches)


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


# Substance, not place: new praktijken (tests/similar_drafts.py), each subject written for each place.


@dataclass(frozen=True)
class Compared:
    document: Document
    matches: list[Match]  # every match from SIMILAR_THRESHOLD
    suggestion: str | None


@pytest.fixture(scope="module")
def drafts(content, cache, tmp_path_factory) -> dict[tuple[str, str], Compared]:
    """(subject, place) → the draft compared with the sample content, as `validate --compare` does."""
    folder = tmp_path_factory.mktemp("concepten")
    compared = {}
    for subject in SUBJECTS:
        for place in PLACES:
            document, problems = read_description(content, write_draft(folder, subject, place))
            assert problems == [] and document.meta["gemeente"] == PLACES[place].gemeente
            compared[subject, place] = Compared(
                document,
                similar_to(content, document, limit=100, cache_dir=cache),
                suggest_archetype(content, document, cache_dir=cache),
            )
    return compared


@pytest.mark.parametrize("place", [p for p in PLACES if p != "dijkzicht"])
@pytest.mark.parametrize("subject", ["buurtkamer", "energiecoaches"])
def test_a_shared_place_and_nothing_else_is_no_hint(content, drafts, subject, place):
    """Every description of the draft's gemeente, wijk or organisation that shares no theme, target
    group or effect with it scores below SIMILAR_THRESHOLD."""
    draft = drafts[subject, place]
    mine = labels(draft.document)
    here = {PLACES[place].gemeente, PLACES[place].wijk, PLACES[place].organisatie}
    same_place = [
        other.id
        for other in content.by_kind("praktijk")
        if {other.meta.get("gemeente"), other.meta.get("wijk"), other.organisatie} & here
        and not any(mine.groups[g] & labels(other).groups[g] for g in mine.groups)
    ]
    assert same_place, "the sample has a description in this place that shares nothing else"
    listed = [(m.id, round(m.relative, 2)) for m in draft.matches]
    assert not {m.id for m in draft.matches} & set(same_place), listed


def test_buurtkamer_in_the_rivierenwijk_is_not_like_buurtbemiddeling_there(drafts):
    """The issue's case: a new "Buurtkamer … Rivierenwijk" matched "Buurtbemiddeling in de
    Rivierenwijk" first, and an unrelated archetype was suggested."""
    draft = drafts["buurtkamer", "rivierenwijk"]
    assert "buurtbemiddeling-rivierenwijk" not in [m.id for m in draft.matches]
    mine = labels(draft.document).groups
    assert draft.matches and all(
        labels(m.document).groups["effecten"] & mine["effecten"]
        or labels(m.document).groups["doelgroepen"] & mine["doelgroepen"]
        for m in draft.matches
    )  # what is listed is about loneliness or older residents
    assert (
        draft.suggestion is None
    )  # no sample archetype is about a place to meet against loneliness


@pytest.mark.parametrize("place", ["havenkwartier", "kempenhoeve", "lindeveen", "dijkzicht"])
def test_the_same_intervention_elsewhere_is_found_and_gets_its_archetype(drafts, place):
    """Neighbour mediation written afresh for another town finds the Rivierenwijk's, and the
    buurtbemiddeling archetype, first, whatever descriptions share its town."""
    draft = drafts["bemiddeling", place]
    assert [m.id for m in draft.matches[:2]] == [
        "buurtbemiddeling-rivierenwijk",
        "buurtbemiddeling",
    ]
    assert draft.matches[0].relative >= 2 * SIMILAR_THRESHOLD
    assert not draft.matches[0].likely_duplicate
    assert draft.suggestion == "buurtbemiddeling"


@pytest.mark.parametrize("subject", list(SUBJECTS))
def test_moving_a_draft_to_another_place_changes_nothing(drafts, subject):
    """The same text and labels in five places (four of the sample, one the data has never seen),
    by five organisations: the same matches, the same similarity, the same suggestion."""
    unseen = drafts[subject, "dijkzicht"]
    before = {m.id: m.relative for m in unseen.matches}
    margin = 0.02  # the names' words change the draft's length a little, and so its own score
    for place in PLACES:
        draft = drafts[subject, place]
        assert draft.suggestion == unseen.suggestion, place
        after = {m.id: m.relative for m in draft.matches}
        for match_id in {*before, *after}:
            a, b = after.get(match_id, 0.0), before.get(match_id, 0.0)
            if max(a, b) >= SIMILAR_THRESHOLD + margin:
                assert abs(a - b) <= margin, (place, match_id, a, b)


def test_the_energiecoaches_in_the_havenkwartier_get_no_archetype_from_their_town(drafts):
    """With the names left in, Havenstad's buurtbemiddeling praktijk outvoted everything else."""
    draft = drafts["energiecoaches", "havenkwartier"]
    assert draft.matches[0].id == "energiecoaches-zuiderdam"
    assert draft.suggestion is None
