"""The evidence ladder: ceilings per design, results and theory, and when results contradict."""

import json

import pytest

from wwidw_build import evidence
from wwidw_build.resources import SCHEMAS

PRAKTIJK = json.loads((SCHEMAS / "praktijk.schema.json").read_text(encoding="utf-8"))


def test_every_design_and_level_of_the_schema_is_in_the_table():
    assert set(evidence.DESIGNS) == set(PRAKTIJK["properties"]["meetontwerp"]["enum"])
    assert list(evidence.LADDER) == PRAKTIJK["$defs"]["bewijsniveau"]["enum"]
    assert {level for _, level in evidence.DESIGNS.values()} <= set(evidence.LADDER)


def test_stronger_designs_never_support_less():
    """Ordered by the Maryland scale, the ceiling never goes down."""
    by_sms = sorted((sms, level) for sms, level in evidence.DESIGNS.values() if sms is not None)
    ranks = [evidence.rank(level) for _, level in by_sms]
    assert ranks == sorted(ranks)


@pytest.mark.parametrize(
    ("design", "results", "theory", "level", "reason"),
    [
        ("voor_nameting", 3, True, "eerste_aanwijzingen", "ontwerp"),
        ("vergelijkingsgroep", 2, True, "eerste_aanwijzingen", "ontwerp"),
        ("voor_nameting_met_vergelijkingsgroep", 1, True, "goede_aanwijzingen", "ontwerp"),
        ("natuurlijk_experiment", 4, True, "goede_aanwijzingen", "ontwerp"),
        ("rct", 2, True, "sterke_aanwijzingen", "ontwerp"),
        ("rct", 0, True, "goed_onderbouwd", "geen_resultaten"),
        ("geen_meting", 3, True, "goed_onderbouwd", "ontwerp"),
        (None, 3, True, "goed_onderbouwd", "geen_ontwerp"),
        ("rct", 3, False, "goed_beschreven", "geen_theorie"),
    ],
)
def test_ceiling(design, results, theory, level, reason):
    assert evidence.ceiling(design, results, theory) == evidence.Ceiling(level, reason)


def test_a_claim_above_the_ceiling_exceeds_it():
    ceiling = evidence.ceiling("voor_nameting", 2, True)
    assert evidence.exceeds("goede_aanwijzingen", ceiling)
    assert not evidence.exceeds("eerste_aanwijzingen", ceiling)
    assert not evidence.exceeds("goed_beschreven", ceiling)


@pytest.mark.parametrize(
    ("claim", "directions", "contradicted"),
    [
        ("eerste_aanwijzingen", ["geen_effect", "geen_effect", "werkt", "gemengd"], True),
        ("eerste_aanwijzingen", ["veelbelovend", "werkt", "nog_onbekend"], False),
        ("eerste_aanwijzingen", ["veelbelovend", "gemengd"], False),  # half is enough
        ("eerste_aanwijzingen", ["nog_onbekend"], True),  # nothing known carries a claim
        ("goede_aanwijzingen", ["veelbelovend", "veelbelovend", "werkt"], True),
        ("sterke_aanwijzingen", ["werkt", "werkt", "averechts"], False),
        ("goed_onderbouwd", ["averechts", "geen_effect"], False),  # no effect claim
    ],
)
def test_results_contradict_an_effect_claim(claim, directions, contradicted):
    assert evidence.contradicted(claim, directions) is contradicted
