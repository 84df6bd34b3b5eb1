"""Counts per kind and visibility, and the completeness score per description."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from wwidw_build.checks.completeness import completeness
from wwidw_build.model import Content

VISIBILITIES = ("openbaar", "partners", "organisatie")


@dataclass(frozen=True)
class Stats:
    total: int
    per_kind: dict
    per_visibility: dict
    concepts: int
    scores: dict  # "kind/id" -> 0..100

    @property
    def average_score(self) -> int:
        return round(sum(self.scores.values()) / len(self.scores)) if self.scores else 0

    def as_dict(self) -> dict:
        return {
            "total": self.total,
            "per_kind": self.per_kind,
            "per_visibility": self.per_visibility,
            "concepts": self.concepts,
            "average_score": self.average_score,
            "scores": self.scores,
        }


def compute_stats(content: Content) -> Stats:
    documents = content.documents
    kinds = Counter(d.kind for d in documents)
    visibility = Counter(d.zichtbaarheid for d in documents)
    return Stats(
        total=len(documents),
        per_kind={"praktijk": kinds["praktijk"], "archetype": kinds["archetype"]},
        per_visibility={v: visibility[v] for v in VISIBILITIES},
        concepts=sum(d.concept for d in documents),
        scores={f"{d.kind}/{d.id}": completeness(d).score for d in documents},
    )
