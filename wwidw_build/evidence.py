"""The evidence ladder: the highest ``bewijsniveau`` a praktijk's design and results can support.

One table, read by ``validate`` (a claim above the ceiling is an error, results that contradict the
claim a warning), by the pages (the claim next to what the design supports), by the wizard and the
issue form (which show the ceiling), and by CONTRIBUTING.md (generated from ``CEILING_TABLE``).

The ceiling follows the Dutch recognition ladder (Movisie/NJi: goed beschreven, goed onderbouwd,
eerste, goede, sterke aanwijzingen voor effectiviteit) with the design levels of the Maryland
Scientific Methods Scale (SMS 1-5) deciding how high an effect claim can go:

- no measurement, or no results recorded: no effect claim at all, so at most ``goed_onderbouwd``
  (and that only with a theory of change, the body's "Werkzame bestanddelen" section; without it
  ``goed_beschreven``);
- qualitative research, monitoring (SMS 1), before/after without a comparison group or a comparison
  group without a baseline (SMS 2): ``eerste_aanwijzingen``;
- before/after with a comparison group (SMS 3), a natural experiment (SMS 4): ``goede_aanwijzingen``;
- a randomised experiment (SMS 5): ``sterke_aanwijzingen``.

Results can contradict a claim: an effect claim needs at least half of the results with a known
direction to point the claimed way (``eerste_aanwijzingen``: ``werkt`` or ``veelbelovend``; higher:
``werkt``); a careful study that found no effect is valuable, but no evidence that the approach works.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

LADDER = (
    "goed_beschreven",
    "goed_onderbouwd",
    "eerste_aanwijzingen",
    "goede_aanwijzingen",
    "sterke_aanwijzingen",
)
EFFECT_CLAIMS = LADDER[2:]  # the levels that say something about effectiveness

# meetontwerp -> (Maryland SMS level or None, the highest bewijsniveau the design supports)
DESIGNS = {
    "geen_meting": (None, "goed_onderbouwd"),
    "kwalitatief": (None, "eerste_aanwijzingen"),
    "monitoring": (1, "eerste_aanwijzingen"),
    "voor_nameting": (2, "eerste_aanwijzingen"),
    "vergelijkingsgroep": (2, "eerste_aanwijzingen"),
    "voor_nameting_met_vergelijkingsgroep": (3, "goede_aanwijzingen"),
    "natuurlijk_experiment": (4, "goede_aanwijzingen"),
    "rct": (5, "sterke_aanwijzingen"),
}
NO_EFFECT_CLAIM = "goed_onderbouwd"  # the ceiling without a design or without results
NO_THEORY = "goed_beschreven"  # the ceiling without a theory of change
# the directions a result must have (at least one) to support a claim
SUPPORTING = {
    "eerste_aanwijzingen": frozenset({"werkt", "veelbelovend"}),
    "goede_aanwijzingen": frozenset({"werkt"}),
    "sterke_aanwijzingen": frozenset({"werkt"}),
}


def rank(level: str) -> int:
    return LADDER.index(level)


@dataclass(frozen=True)
class Ceiling:
    """The highest level the evidence supports, and why (a code the messages and pages word)."""

    level: str
    reason: str  # "ontwerp" | "geen_ontwerp" | "geen_resultaten" | "geen_theorie"


def ceiling(design: str | None, result_count: int, has_theory: bool) -> Ceiling:
    """What a praktijk with this ``meetontwerp``, this many results and (or no) theory supports."""
    if not has_theory:
        return Ceiling(NO_THEORY, "geen_theorie")
    if design not in DESIGNS:
        return Ceiling(NO_EFFECT_CLAIM, "geen_ontwerp")
    level = DESIGNS[design][1]
    if rank(level) > rank(NO_EFFECT_CLAIM) and result_count == 0:
        return Ceiling(NO_EFFECT_CLAIM, "geen_resultaten")
    return Ceiling(level, "ontwerp")


def exceeds(claim: str, supported: Ceiling) -> bool:
    return claim in LADDER and rank(claim) > rank(supported.level)


def contradicted(claim: str, directions: Iterable[str]) -> bool:
    """An effect claim that the results, taken together, do not carry: fewer than half of the
    results with a known direction (not ``nog_onbekend``) point the claimed way."""
    needed = SUPPORTING.get(claim)
    if needed is None:
        return False
    known = [d for d in directions if d != "nog_onbekend"]
    return 2 * sum(d in needed for d in known) < len(known) or not known


def ceiling_table() -> list[tuple[str, int | None, str]]:
    """(meetontwerp, SMS level, highest bewijsniveau) per design, for the docs."""
    return [(design, sms, level) for design, (sms, level) in DESIGNS.items()]
