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


# --- on the built site, in the browser
# ----------------------------------------------------------------------

LONELINESS, MOESTUIN = "minder-eenzaamheid", "buurtmoestuin-kanaalweg"

# The text after each praktijk link of a list: {praktijk id: text of its results label}.
LIST_LABELS = """(selector) => Object.fromEntries([...document.querySelectorAll('article li')]
  .map((li) => [li.querySelector('a[href*="praktijken/"]'), li.querySelector(selector)])
  .filter(([a, label]) => a && label)
  .map(([a, label]) => [a.getAttribute('href').split('/').filter(Boolean).pop(), label.innerText]))"""


def expected_for_effect(raw_results: list[dict], effect: str) -> str:
    """From the front matter: the labels of the directions of the results for ``effect``."""
    own = [
        r
        for r in RICHTING
        if any(x["effect"] == effect and x["richting"] == r for x in raw_results)
    ]
    return " · ".join(RICHTING[r] for r in own) or "geen resultaat voor dit effect"


def expected_summary(raw_results: list[dict]) -> str:
    """From the front matter: every result counted per direction."""
    if not raw_results:
        return "geen resultaten"
    effects = len({x["effect"] for x in raw_results})
    head = f"{effects} effect{'' if effects == 1 else 'en'}"
    if len(raw_results) != effects:
        head = f"{len(raw_results)} resultaten voor {head}"
    counts = [(r, sum(x["richting"] == r for x in raw_results)) for r in RICHTING]
    return head + ": " + " · ".join(f"{n} {RICHTING[r].lower()}" for r, n in counts if n)


@pytest.fixture(scope="module")
def site_page(chromium, openbaar_site):
    """site_page(path) -> a page of the built public site (real content) in chromium."""
    from browser import local_context

    from wwidw_build.static_server import StaticServer

    with StaticServer(openbaar_site) as server:
        context = local_context(chromium, server.origin)
        page = context.new_page()

        def open_(path: str):
            page.goto(server.url(path), wait_until="load")
            return page

        yield open_
        context.close()


def test_the_loneliness_page_shows_buurtmoestuins_loneliness_result(content, site_page):
    document = next(d for d in content.documents if d.id == MOESTUIN)
    raw = document.meta["resultaten"]
    own = expected_for_effect(raw, LONELINESS)
    first = RICHTING[raw[0]["richting"]]
    assert own == RICHTING["nog_onbekend"] and first == "Veelbelovend"  # the case of the issue
    page = site_page(f"effecten/{LONELINESS}/")
    labels = page.evaluate(LIST_LABELS, ".wwidw-effectresultaat")
    assert labels[MOESTUIN] == own != first
    item = page.locator("article li", has=page.locator(f"a[href$='/praktijken/{MOESTUIN}/']"))
    assert item.locator(".wwidw-badge").all_inner_texts() == [own]
    assert "Bij elke praktijk staat het resultaat voor dit effect." in page.inner_text("article")


def test_every_effect_page_shows_each_praktijks_result_for_that_effect(content, site_page):
    praktijken = {
        d.id: d
        for d in content.documents
        if d.kind == "praktijk"
        and d.meta["zichtbaarheid"] == "openbaar"
        and not d.meta.get("concept")
    }
    effects = sorted({e for d in praktijken.values() for e in d.meta["beoogde_effecten"]})
    checked = 0
    for effect in effects:
        labels = site_page(f"effecten/{effect}/").evaluate(LIST_LABELS, ".wwidw-effectresultaat")
        listed = {i for i, d in praktijken.items() if effect in d.meta["beoogde_effecten"]}
        assert set(labels) == listed, effect
        for doc_id, label in labels.items():
            assert label == expected_for_effect(
                praktijken[doc_id].meta.get("resultaten", []), effect
            )
            checked += 1
    assert checked >= len(praktijken)
    # Elsewhere (the home page, a theme): every result, counted per direction.
    for path in ("", "themas/armoede-en-schulden/"):
        labels = site_page(path).evaluate(LIST_LABELS, ".wwidw-resultaatoverzicht")
        assert labels, path
        for doc_id, label in labels.items():
            assert label == expected_summary(praktijken[doc_id].meta.get("resultaten", [])), doc_id
