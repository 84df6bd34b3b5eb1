"""The taxonomy's synonyms of a description (search/synonyms.py), shared by both searches."""

from wwidw_build.model import Effect, Registry, Term
from wwidw_build.search.synonyms import synonyms

REGISTRY = Registry(
    organisaties={},
    themas={
        "eenzaamheid": Term("eenzaamheid", "Eenzaamheid", None, ("vereenzaming", "alleen zijn"))
    },
    doelgroepen={"ouderen": Term("ouderen", "Ouderen", None, ("senioren",))},
    domeinen={},
    effecten={
        "minder-eenzaamheid": Effect(
            "minder-eenzaamheid",
            "Minder eenzaamheid",
            "gezondheid",
            None,
            (),
            ("vereenzaming", "sociaal isolement"),
        )
    },
)


def test_the_synonyms_of_themes_and_effects_unique_themes_first():
    assert synonyms(REGISTRY, ["eenzaamheid"], ("minder-eenzaamheid",)) == [
        "vereenzaming",
        "alleen zijn",
        "sociaal isolement",
    ]


def test_unknown_ids_target_groups_and_malformed_lists_give_nothing():
    assert synonyms(REGISTRY, ["onbekend", 3, None], "minder-eenzaamheid") == []
    assert synonyms(REGISTRY, None, ["ouderen"]) == []  # a target group is no effect
