"""How a description page shows its evidence: the claim next to what the design supports, who
assessed it and until when, effect sizes, planned follow-up measurements, unintended effects and
the change log ("Geschiedenis").

The date-dependent labels ("Herbeoordeling nodig", "Nameting te laat") are decided against the
build's date, so a site rebuilt after the date shows them without any change to the content.
"""

from __future__ import annotations

import datetime

from wwidw_build import evidence
from wwidw_build.checks.evidence_rules import GROUNDS, record_ceiling
from wwidw_build.labels import BEWIJSNIVEAU, MEETONTWERP
from wwidw_build.numbers import number, value_text
from wwidw_build.pages.escape import esc
from wwidw_build.records import Assessment, Change, EffectSize, FollowUp, Praktijk, Record

MONTHS = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()
EFFECT_SIZES = {
    "cohens_d": "Cohens d",
    "hedges_g": "Hedges' g",
    "odds_ratio": "oddsratio",
    "relatief_risico": "relatief risico",
    "procentpunt": "procentpunt verschil",
}
EVALUATIE = {"intern": "Intern (door de uitvoerders zelf)", "extern": "Extern (onafhankelijk)"}


def build_date() -> datetime.date:
    return datetime.date.today()


def dutch_date(day: datetime.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def dutch_month(follow_up: FollowUp) -> str:
    year, month = follow_up.due
    return f"{MONTHS[month - 1]} {year}"


def design_text(document: Praktijk) -> str:
    if document.meetontwerp is None:
        return "—"
    label = MEETONTWERP.get(document.meetontwerp, document.meetontwerp)
    sms = evidence.DESIGNS.get(document.meetontwerp, (None, ""))[0]
    return esc(label + (f" (Maryland-niveau {sms} van 5)" if sms else ""))


def claim_text(document: Record, today: datetime.date) -> str:
    """The claimed level and whether it was assessed: 'Getoetst door … op …' or 'Zelf ingeschat'."""
    if document.bewijsniveau is None:
        return "—"
    return (
        esc(BEWIJSNIVEAU.get(document.bewijsniveau, document.bewijsniveau))
        + " · "
        + (assessment_text(document.beoordeling, today))
    )


def assessment_text(record: Assessment | None, today: datetime.date) -> str:
    if record is None:
        return "Zelf ingeschat"
    text = esc(
        f"Getoetst door {record.door} op {dutch_date(record.datum)}, "
        f"geldig tot {dutch_date(record.geldig_tot)}"
    )
    if record.expired(today):
        text += ' · <strong class="wwidw-let-op">Herbeoordeling nodig</strong>'
    return text


def supported_text(document: Praktijk) -> str:
    """'Hooguit: <level>', with the reason when it is not the design itself."""
    ceiling = record_ceiling(document)  # the rule validate applies
    text = "Hooguit: " + BEWIJSNIVEAU[ceiling.level]
    if ceiling.reason != "ontwerp":
        text += " (" + GROUNDS[ceiling.reason].format(design="") + ")"
    return esc(text)


def evaluation_text(document: Praktijk) -> str:
    if document.evaluatie is None:
        return "—"
    label = EVALUATIE.get(document.evaluatie.soort, document.evaluatie.soort)
    return esc(label + (f", door {document.evaluatie.door}" if document.evaluatie.door else ""))


def evidence_facts(document: Praktijk, today: datetime.date) -> list[tuple[str, str]]:
    """Rows of the facts table, in place of the bare meetontwerp and bewijsniveau."""
    return [
        ("Meetontwerp", design_text(document)),
        ("Bewijsniveau", claim_text(document, today)),
        ("Wat het meetontwerp kan dragen", supported_text(document)),
        ("Evaluatie", evaluation_text(document)),
    ]


def effect_size_text(size: EffectSize) -> str:
    text = f"{EFFECT_SIZES.get(size.maat, size.maat)} {number(size.waarde)}"
    if size.betrouwbaarheidsinterval:
        low, high = size.betrouwbaarheidsinterval
        text += f" (95%-betrouwbaarheidsinterval {number(low)} tot {number(high)})"
    return esc("Effectgrootte: " + text)


def follow_up_text(follow_up: FollowUp, today: datetime.date) -> str:
    when = dutch_month(follow_up)
    if follow_up.waarde is not None:
        return esc(f"Nameting ({when}): {value_text(follow_up.waarde)}")
    if follow_up.overdue(today):
        return f'<strong class="wwidw-let-op">Nameting te laat</strong> {esc(f"(gepland: {when})")}'
    return esc(f"Nameting gepland: {when}")


def history(changes: tuple[Change, ...]) -> list[str]:
    """The 'Geschiedenis' section: the change log, newest first."""
    if not changes:
        return []
    ordered = sorted(changes, key=lambda c: c.datum, reverse=True)
    return [
        "## Geschiedenis",
        "",
        *[f"- **{dutch_date(c.datum)}**: {esc(c.reden)}" for c in ordered],
        "",
    ]
