"""Shared labels: themes, target groups, effects (with the results'), archetype; rare ones count more."""

import pytest

from wwidw_build.model import Document
from wwidw_build.search.overlap import GROUP_WEIGHTS, Labels, label_weights, labels, overlap


def document(kind="praktijk", id="x", **meta) -> Document:
    return Document(kind, id, f"{id}.md", None, meta, "", 1, None)


def test_labels_take_the_effects_of_the_results_too():
    item = labels(
        document(
            themas=["wonen-met-zorg"],
            beoogde_effecten=["minder-burenoverlast"],
            resultaten=[{"effect": "minder-woningmutaties", "richting": "werkt"}, "kapot"],
            archetype="buurtbemiddeling",
        )
    )
    assert item.groups["effecten"] == {"minder-burenoverlast", "minder-woningmutaties"}
    assert item.groups["themas"] == {"wonen-met-zorg"} and item.groups["doelgroepen"] == set()
    assert item.archetype == "buurtbemiddeling"
    assert labels(document("archetype", "skaeve-huse")).archetype == "skaeve-huse"


def test_a_rare_shared_label_counts_more_than_a_common_one():
    corpus = [labels(document(themas=["leefbaarheid"])) for _ in range(8)]
    corpus += [labels(document(themas=["leefbaarheid", "eenzaamheid"])) for _ in range(2)]
    weights = label_weights(corpus)
    assert weights["themas", "eenzaamheid"] > 2 * weights["themas", "leefbaarheid"]
    a = labels(document(themas=["leefbaarheid", "eenzaamheid", "veiligheid"]))
    common = labels(document(themas=["leefbaarheid", "jeugd"]))
    rare = labels(document(themas=["eenzaamheid", "jeugd"]))
    assert overlap(a, rare, weights) > overlap(a, common, weights)


def test_only_groups_both_fill_in_count():
    weights: dict = {}
    a = labels(document(themas=["jeugd"], beoogde_effecten=["minder-schooluitval"]))
    b = labels(document(themas=["jeugd"]))
    assert overlap(a, b, weights) == 1.0  # b names no effects: nothing to compare them with
    c = labels(document(beoogde_effecten=["minder-schooluitval", "meer-bewegen"]))
    assert overlap(a, c, weights) == pytest.approx(0.5)
    assert overlap(b, c, weights) is None
    assert overlap(labels(document()), labels(document()), weights) is None


def test_the_archetype_counts_between_a_praktijk_and_a_description_of_known_archetype():
    weights: dict = {}
    themes = {"themas": ["veiligheid"]}
    praktijk = labels(document(archetype="buurtbemiddeling", **themes))
    archetype = labels(document("archetype", "buurtbemiddeling", **themes))
    other_archetype = labels(document("archetype", "skaeve-huse", **themes))
    sibling = labels(document(archetype="buurtbemiddeling", **themes))
    stranger = labels(document(archetype="klushuizen", **themes))
    without = labels(document(**themes))
    assert overlap(praktijk, archetype, weights) == 1.0
    assert overlap(praktijk, sibling, weights) == 1.0
    archetype_share = GROUP_WEIGHTS["archetype"] / (GROUP_WEIGHTS["archetype"] + 1)
    assert overlap(praktijk, other_archetype, weights) == pytest.approx(1 - archetype_share)
    assert overlap(praktijk, stranger, weights) == pytest.approx(1 - archetype_share)
    assert overlap(praktijk, without, weights) == 1.0  # unknown, so not counted
    assert overlap(archetype, other_archetype, weights) == 1.0  # never between two archetypes


def test_labels_is_a_value():
    assert labels(document(themas=["jeugd", "jeugd", 3])) == Labels(
        "praktijk", {"themas": {"jeugd"}, "doelgroepen": set(), "effecten": set()}, None
    )
