"""A praktijk's results as a reader sees them: its result for one effect, or all of them summed up.

No single result ever stands for the whole praktijk: where a page or a search is about an effect, the
praktijk shows its result for that effect (or says it has none); everywhere else it shows a count per
direction over all its results, in the fixed order of ``labels.RICHTING``. Plain Dutch text here; the
pages wrap the same parts in badges (``pages/builders.py``), the search cards show the text.
"""

from __future__ import annotations

from collections import Counter

from wwidw_build.labels import RICHTING
from wwidw_build.numbers import number
from wwidw_build.records import Praktijk, Result

NO_RESULTS = "geen resultaten"
NO_RESULT_FOR_EFFECT = "geen resultaat voor dit effect"
NO_RESULT = "geen resultaat"  # after an effect's name, where several effects are listed


def directions_for(praktijk: Praktijk, effect_id: str) -> list[str]:
    """The directions of a praktijk's results for one effect: distinct, in the order of RICHTING (two
    indicators of one effect may point different ways); empty when it reports none for that effect."""
    found = {r.richting for r in praktijk.resultaten if r.effect == effect_id}
    return [r for r in _ORDER if r in found] + sorted(found - set(_ORDER))


def direction_counts(results: tuple[Result, ...]) -> list[tuple[str, int]]:
    """(direction, number of results) for each direction that occurs, in the order of RICHTING."""
    counts = Counter(r.richting for r in results)
    order = _ORDER + sorted(set(counts) - set(_ORDER))
    return [(richting, counts[richting]) for richting in order if counts[richting]]


def summary_head(results: tuple[Result, ...]) -> str:
    """What the counts are counted over: '3 effecten', '1 effect', or '4 resultaten voor 3 effecten'
    when an effect has more than one result; empty without results."""
    if not results:
        return ""
    effects = len({r.effect for r in results})
    head = f"{effects} effect" + ("" if effects == 1 else "en")
    return head if len(results) == effects else f"{len(results)} resultaten voor {head}"


def count_label(richting: str, count: int) -> str:
    """'2 werkt', '1 geen effect': a count of one direction within a summary."""
    return f"{number(count)} {RICHTING.get(richting, richting).lower()}"


def summary(results: tuple[Result, ...]) -> str:
    """All results of a praktijk in one line: '3 effecten: 1 werkt · 1 geen effect · 1 nog onbekend',
    or 'geen resultaten'."""
    if not results:
        return NO_RESULTS
    counts = " · ".join(count_label(r, n) for r, n in direction_counts(results))
    return f"{summary_head(results)}: {counts}"


def result_for(praktijk: Praktijk, effect_id: str) -> str:
    """A praktijk's result for one effect: 'Werkt', 'Werkt · Gemengd' (two indicators), or
    'geen resultaat voor dit effect'."""
    directions = directions_for(praktijk, effect_id)
    return " · ".join(RICHTING.get(r, r) for r in directions) or NO_RESULT_FOR_EFFECT


def context_effects(praktijk: Praktijk, effect_ids) -> list[str]:
    """Of the effects a page is about (an effect domain's, an archetype's), those that concern this
    praktijk: the ones it intends or reports a result for, in the page's order."""
    concerned = set(praktijk.beoogde_effecten) | {r.effect for r in praktijk.resultaten}
    return [e for e in dict.fromkeys(effect_ids) if e in concerned]


_ORDER = list(RICHTING)
