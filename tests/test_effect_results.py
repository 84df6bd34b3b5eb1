"""A praktijk's results as a reader sees them (wwidw_build.effect_results): per effect, and summed up.

The expected texts are written out here in Dutch; on the sample content every praktijk is checked
against its own front matter (read with the project's loader), for every effect it intends.
"""

from __future__ import annotations

import dataclasses

import pytest

from wwidw_build.effect_results import (
    NO_RESULT_FOR_EFFECT,
    NO_RESULTS,
    context_effects,
    direction_counts,
    directions_for,
    result_for,
    summary,
)
from wwidw_build.labels import RICHTING
from wwidw_build.records import Result


def results(*pairs: tuple[str, str]) -> tuple[Result, ...]:
    return tuple(Result(effect=effect, richting=richting) for effect, richting in pairs)


@pytest.fixture
def praktijk(content):
    """A real praktijk of the sample content, to be given other results."""
    return next(r for r in content.records if r.kind == "praktijk")


def with_results(praktijk, *pairs, beoogd=None):
    intended = tuple(beoogd) if beoogd is not None else tuple(dict.fromkeys(e for e, _ in pairs))
    return dataclasses.replace(praktijk, resultaten=results(*pairs), beoogde_effecten=intended)


@pytest.mark.parametrize(
    "pairs, expected",
    [
        ((), "geen resultaten"),
        ((("a", "werkt"),), "1 effect: 1 werkt"),
        (
            (("a", "nog_onbekend"), ("b", "werkt"), ("c", "geen_effect")),
            "3 effecten: 1 werkt · 1 geen effect · 1 nog onbekend",
        ),
        (
            (("a", "averechts"), ("b", "gemengd"), ("c", "gemengd"), ("d", "veelbelovend")),
            "4 effecten: 1 veelbelovend · 2 gemengd · 1 averechts",
        ),
        # Two indicators of one effect: the counts are of results, over how many effects is said.
        (
            (("a", "werkt"), ("a", "gemengd"), ("b", "werkt")),
            "3 resultaten voor 2 effecten: 2 werkt · 1 gemengd",
        ),
        ((("a", "werkt"), ("a", "werkt")), "2 resultaten voor 1 effect: 2 werkt"),
    ],
)
def test_the_summary_counts_every_result_per_direction_in_a_fixed_order(pairs, expected):
    assert summary(results(*pairs)) == expected


def test_the_summary_order_does_not_depend_on_the_order_of_the_results():
    pairs = [("a", "nog_onbekend"), ("b", "averechts"), ("c", "werkt"), ("d", "gemengd")]
    assert summary(results(*pairs)) == summary(results(*reversed(pairs)))
    assert [r for r, _ in direction_counts(results(*pairs))] == [
        r for r in RICHTING if r in {"nog_onbekend", "averechts", "werkt", "gemengd"}
    ]


def test_the_result_for_an_effect_is_that_effects_result_never_the_first(praktijk):
    # The bug this module fixes: the first result (here 'veelbelovend' for another effect) stood for all.
    document = with_results(
        praktijk,
        ("meer-ontmoeting-in-de-wijk", "veelbelovend"),
        ("minder-eenzaamheid", "nog_onbekend"),
        ("meer-groen-in-de-wijk", "werkt"),
    )
    assert result_for(document, "minder-eenzaamheid") == "Nog onbekend"
    assert result_for(document, "meer-groen-in-de-wijk") == "Werkt"
    assert directions_for(document, "minder-eenzaamheid") == ["nog_onbekend"]


def test_an_intended_effect_without_a_result_says_so(praktijk):
    document = with_results(
        praktijk, ("meer-groen-in-de-wijk", "werkt"), beoogd=["meer-groen-in-de-wijk", "x"]
    )
    assert result_for(document, "x") == NO_RESULT_FOR_EFFECT == "geen resultaat voor dit effect"
    assert directions_for(document, "x") == []
    assert summary(with_results(praktijk).resultaten) == NO_RESULTS


def test_two_results_for_one_effect_show_both_directions_in_order(praktijk):
    document = with_results(praktijk, ("a", "gemengd"), ("a", "werkt"), ("a", "gemengd"))
    assert result_for(document, "a") == "Werkt · Gemengd"


def test_context_effects_are_those_the_praktijk_intends_or_reports(praktijk):
    document = with_results(praktijk, ("b", "werkt"), ("z", "gemengd"), beoogd=["a", "b"])
    assert context_effects(document, ["z", "q", "a", "b", "a"]) == ["z", "a", "b"]
    assert context_effects(document, ["q"]) == []


def test_every_sample_praktijk_shows_its_own_result_per_intended_effect(content):
    checked = 0
    for record in content.records:
        if record.kind != "praktijk":
            continue
        raw = record.document.meta.get("resultaten", [])
        for effect in record.document.meta["beoogde_effecten"]:
            directions = [
                r
                for r in RICHTING
                if any(x["effect"] == effect and x["richting"] == r for x in raw)
            ]
            expected = " · ".join(RICHTING[r] for r in directions) or NO_RESULT_FOR_EFFECT
            assert result_for(record, effect) == expected, (record.id, effect)
            checked += 1
        assert summary(record.resultaten).startswith(
            f"{len({x['effect'] for x in raw})} effect" if raw else NO_RESULTS
        ), record.id
    assert checked > 0
