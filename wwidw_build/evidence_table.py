"""The evidence ladder (evidence.py) in Dutch, as contributors read it: CONTRIBUTING.md's section
"Bewijsniveau en meetontwerp" (written by `make docs`) and the issue form's Bewijsniveau question.

Both are made from ``evidence.DESIGNS`` and its constants, so neither can drift from what
``validate`` checks.
"""

from __future__ import annotations

from wwidw_build import evidence
from wwidw_build.checks.evidence_rules import THEORY_SECTION
from wwidw_build.labels import BEWIJSNIVEAU, MEETONTWERP

SECTION = "Bewijsniveau en meetontwerp"  # the CONTRIBUTING.md heading the messages point to


def _design(design: str) -> str:
    label = MEETONTWERP[design].removesuffix(f" ({design})")  # "Gerandomiseerd experiment (rct)"
    return f"{label} (`{design}`)"


def _level(level: str) -> str:
    return f"{BEWIJSNIVEAU[level]} (`{level}`)"


def table(with_sms: bool = True) -> str:
    """Per meetontwerp (with its Maryland level) the highest bewijsniveau, as a Markdown table."""
    if with_sms:
        rows = ["| meetontwerp | Maryland-niveau | hoogste bewijsniveau |", "| --- | --- | --- |"]
        rows += [
            f"| {_design(d)} | {sms if sms is not None else '—'} | {_level(level)} |"
            for d, sms, level in evidence.ceiling_table()
        ]
    else:
        rows = ["| meetontwerp | hooguit |", "| --- | --- |"]
        rows += [
            f"| {MEETONTWERP[d]} | {BEWIJSNIVEAU[level]} |"
            for d, _, level in evidence.ceiling_table()
        ]
    return "\n".join(rows)


def conditions() -> list[str]:
    """What lowers the ceiling whatever the design, and when results contradict a claim (Dutch)."""
    supporting = {
        level: " of ".join(f"`{d}`" for d in sorted(needed, reverse=True))
        for level, needed in evidence.SUPPORTING.items()
    }
    by_directions: dict[str, list[str]] = {}
    for level, directions in supporting.items():
        by_directions.setdefault(directions, []).append(BEWIJSNIVEAU[level])
    claims = "; ".join(
        f"voor {' en '.join(levels)}: {directions}" for directions, levels in by_directions.items()
    )
    return [
        f"Zonder meetontwerp, of zonder `resultaten`: hooguit "
        f"{_level(evidence.NO_EFFECT_CLAIM)}, want er is dan niets gemeten dat een effect kan dragen.",
        f"Zonder ingevulde sectie '{THEORY_SECTION}' (minstens 15 woorden, zonder de schrijftip): "
        f"hooguit {_level(evidence.NO_THEORY)}, welk meetontwerp u ook hebt.",
        f"Een bewijsniveau vanaf {BEWIJSNIVEAU[evidence.EFFECT_CLAIMS[0]]} zegt dat de aanpak "
        "werkt. Wijst minder dan de "
        "helft van de resultaten met een bekende richting (niet `nog_onbekend`) die kant op, dan "
        f"waarschuwt `wwidw validate` (`bewijsniveau-tegengesproken`); {claims}.",
    ]


def markdown() -> str:
    """The block between CONTRIBUTING.md's markers: the table, then the conditions as a list."""
    return table() + "\n\n" + "\n".join(f"- {line}" for line in conditions())


def form_description() -> str:
    """The issue form's help at the Bewijsniveau question."""
    return (
        "De trede op de erkenningsladder (mag leeg). Kies niet hoger dan uw meetontwerp draagt:\n\n"
        + table(with_sms=False)
        + "\n\n"
        + "\n".join(f"- {line}" for line in conditions()[:2])
        + f"\n\nZie '{SECTION}' in CONTRIBUTING.md."
    )
