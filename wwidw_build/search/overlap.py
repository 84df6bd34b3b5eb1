"""What two descriptions share in their labels: themes, target groups, effects and archetype.

Each description has a :class:`Labels`: its ``themas``, its ``doelgroepen``, its effects (the
``beoogde_effecten`` with the effect of every result) and its archetype (a praktijk's ``archetype``; an
archetype is its own). :func:`overlap` compares two of them per group with a weighted Jaccard index:
the weight of a label is its inverse document frequency in the corpus, so sharing a label nearly every
description carries ("alle-bewoners", "leefbaarheid") counts for little and sharing a rare one for
much. The groups are averaged with GROUP_WEIGHTS over the groups both descriptions fill in; the
archetype counts only between a praktijk and a description of which it is known, never between two
archetypes (each is its own, so a copy of one under a new id would otherwise differ).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from wwidw_build.model import Document

GROUP_WEIGHTS = {"effecten": 2.0, "themas": 1.0, "doelgroepen": 1.0, "archetype": 1.0}
"""Effects say most about what a description does; themes and target groups less, being broad; the
archetype as much as a theme (among praktijken of the same archetype the effects agree anyway)."""
LABEL_GROUPS = ("themas", "doelgroepen", "effecten")


@dataclass(frozen=True)
class Labels:
    kind: str
    groups: Mapping[str, frozenset[str]]  # "themas", "doelgroepen", "effecten" → ids
    archetype: str | None


def labels(document: Document) -> Labels:
    meta = document.meta
    effects = [*_ids(meta.get("beoogde_effecten"))]
    for result in _list(meta.get("resultaten")):
        if isinstance(result, dict):
            effects += _ids([result.get("effect")])
    archetype = document.id if document.kind == "archetype" else meta.get("archetype")
    return Labels(
        document.kind,
        {
            "themas": frozenset(_ids(meta.get("themas"))),
            "doelgroepen": frozenset(_ids(meta.get("doelgroepen"))),
            "effecten": frozenset(effects),
        },
        archetype if isinstance(archetype, str) else None,
    )


def label_weights(all_labels: Iterable[Labels]) -> dict[tuple[str, str], float]:
    """(group, id) → ln(1 + N / the number of descriptions with that label)."""
    counted: Counter[tuple[str, str]] = Counter()
    total = 0
    for item in all_labels:
        total += 1
        for group, ids in item.groups.items():
            counted.update((group, i) for i in ids)
    return {key: math.log(1 + total / count) for key, count in counted.items()}


def overlap(a: Labels, b: Labels, weights: Mapping[tuple[str, str], float]) -> float | None:
    """How much of their labels ``a`` and ``b`` share, 0..1; None when they have no group in common."""
    total = weight_sum = 0.0
    for group in LABEL_GROUPS:
        first, second = a.groups[group], b.groups[group]
        if not first or not second:
            continue
        shared = sum(weights.get((group, i), 1.0) for i in first & second)
        union = sum(weights.get((group, i), 1.0) for i in first | second)
        total += GROUP_WEIGHTS[group] * shared / union
        weight_sum += GROUP_WEIGHTS[group]
    if a.archetype is not None and b.archetype is not None and "praktijk" in (a.kind, b.kind):
        total += GROUP_WEIGHTS["archetype"] * (a.archetype == b.archetype)
        weight_sum += GROUP_WEIGHTS["archetype"]
    return total / weight_sum if weight_sum else None


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _ids(values) -> list[str]:
    return [v for v in _list(values) if isinstance(v, str)]
