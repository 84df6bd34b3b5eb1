"""The wizard's evidence steps for a praktijk: results per effect, unintended effects, the design and
the evidence level (never above what the design carries: evidence.ceiling), reach and costs."""

from __future__ import annotations

import click

from wwidw_build import evidence
from wwidw_build.authoring import prompts
from wwidw_build.authoring.result_lines import measured
from wwidw_build.authoring.scaffold import Answers, search_effects
from wwidw_build.authoring.typed_values import amount, count
from wwidw_build.checks.evidence_rules import THEORY_SECTION as THEORY
from wwidw_build.costs import REACH_UNITS
from wwidw_build.labels import BEWIJSNIVEAU, MEETONTWERP, RICHTING
from wwidw_build.model import Registry
from wwidw_build.sections import PRAKTIJK_SECTIONS, filled_sections, template

CEILING_TEXT = {
    "ontwerp": "Uw meetontwerp draagt hooguit: {level}",
    "geen_ontwerp": "Zonder meetontwerp draagt uw beschrijving hooguit: {level}",
    "geen_resultaten": "Zonder resultaten draagt uw meetontwerp hooguit: {level}",
    "geen_theorie": "Zonder ingevulde sectie 'Werkzame bestanddelen' draagt uw beschrijving "
    "hooguit: {level}",
}
EVALUATIE = {
    "intern": "intern: de uitvoerders of hun eigen organisatie",
    "extern": "extern: een onafhankelijke onderzoeker of instelling",
}
BEREIK_EENHEID = {key: key for key in REACH_UNITS}


def _effect_names(registry: Registry, ids: list[str]) -> dict[str, str]:
    return {i: registry.effecten[i].naam if i in registry.effecten else i for i in ids}


def ask_results(answers: Answers, registry: Registry) -> None:
    """Results, one per chosen effect (or more); an empty effect ends the list."""
    if answers.resultaten:
        return
    click.echo(
        "  Per resultaat: het effect, de richting, wat u mat (de indicator) en de waarde bij de "
        "start en aan het eind. Ook wat niet werkte hoort erbij. Laat het effect leeg als u klaar bent."
    )
    effects = _effect_names(registry, answers.effecten)
    while True:
        number = len(answers.resultaten) + 1
        effect = prompts.choose_one(f"Effect van resultaat {number}", effects, empty="klaar")
        if not effect:
            return
        result: dict = {"effect": effect, "richting": prompts.choose_one("Richting", RICHTING)}
        indicator = prompts.text("Indicator: wat is er gemeten? (mag leeg)", optional=True)
        before = prompts.text("Nulmeting: de waarde bij de start (mag leeg)", optional=True)
        after = prompts.text("Eindmeting: de waarde aan het eind (mag leeg)", optional=True)
        for key, value in (("indicator", indicator), ("nulmeting", before), ("eindmeting", after)):
            if value:
                result[key] = value if key == "indicator" else measured(value)
        answers.resultaten.append(result)


def ask_unintended(answers: Answers, registry: Registry) -> None:
    if answers.niet_beoogde_effecten or not prompts.yes_no(
        "Zag u ook effecten die niet de bedoeling waren, gunstig of ongunstig?"
    ):
        return
    click.echo(
        "  Zoek het effect in de effectordening met een woord; laat leeg als u klaar bent. Een "
        "beoogd effect kan hier niet: dat hoort bij de resultaten."
    )
    while True:
        word = prompts.text("Zoekwoord voor het niet-beoogde effect", optional=True)
        if not word:
            return
        found = [e for e in search_effects(registry, word) if e.id not in answers.effecten][:15]
        if not found:
            click.echo("  Niets gevonden; probeer een ander woord.")
            continue
        effect = prompts.choose_one(
            "Welk effect?", {e.id: e.naam for e in found}, empty="geen van deze"
        )
        if not effect:
            continue
        item: dict = {"effect": effect, "richting": prompts.choose_one("Richting", RICHTING)}
        indicator = prompts.text(
            "Indicator: wat is er gemeten of gezien? (mag leeg)", optional=True
        )
        if indicator:
            item["indicator"] = indicator
        answers.niet_beoogde_effecten.append(item)


def has_theory(answers: Answers) -> bool:
    """Whether the body as it will be written has the theory section filled (as validate reads it)."""
    return THEORY in filled_sections("praktijk", template("praktijk", answers.secties))


def ceiling(answers: Answers) -> evidence.Ceiling:
    return evidence.ceiling(
        answers.meetontwerp or None, len(answers.resultaten), has_theory(answers)
    )


def ceiling_line(answers: Answers) -> str:
    """What the wizard says the design carries; without theory also what it would carry with it."""
    found = ceiling(answers)
    line = CEILING_TEXT[found.reason].format(level=BEWIJSNIVEAU[found.level])
    if found.reason == "geen_theorie":
        with_theory = evidence.ceiling(answers.meetontwerp or None, len(answers.resultaten), True)
        if with_theory.level != found.level:
            line += (
                f" (met een ingevulde sectie '{THEORY}' van minstens 15 woorden: "
                f"{BEWIJSNIVEAU[with_theory.level]})"
            )
    return line


def ask_design_and_level(answers: Answers) -> None:
    if not answers.meetontwerp:
        answers.meetontwerp = prompts.choose_one(
            "Meetontwerp", MEETONTWERP, empty="weet ik niet of niet vastgelegd"
        )
    if answers.meetontwerp not in ("", "geen_meting") and not answers.evaluatie_soort:
        answers.evaluatie_soort = prompts.choose_one(
            "Wie evalueerde de effecten?", EVALUATIE, empty="zeg ik niet"
        )
        if answers.evaluatie_soort:
            answers.evaluatie_door = prompts.text(
                "Uitgevoerd door (organisatie of onderzoeksbureau; mag leeg)", optional=True
            )
    if answers.bewijsniveau:
        return
    if THEORY not in answers.secties:
        click.echo(
            f"  Een bewijsniveau boven '{BEWIJSNIVEAU['goed_beschreven']}' vraagt om de sectie "
            f"'{THEORY}' (minstens 15 woorden). U kunt die nu schrijven of later in het bestand."
        )
        written = prompts.text(f"{THEORY}: {PRAKTIJK_SECTIONS[THEORY]} (mag leeg)", optional=True)
        if written:
            answers.secties[THEORY] = written
            if not has_theory(answers):
                click.echo(
                    "  Dat zijn minder dan 15 woorden: de sectie telt nog niet als ingevuld."
                )
    top = ceiling(answers)
    click.echo(f"  {ceiling_line(answers)}")

    def allowed(level: str) -> str | None:
        if evidence.rank(level) <= evidence.rank(top.level):
            return None
        return (
            f"'{BEWIJSNIVEAU[level]}' is hoger dan uw beschrijving draagt: kies hooguit "
            f"'{BEWIJSNIVEAU[top.level]}'."
        )

    answers.bewijsniveau = prompts.choose_one(
        "Bewijsniveau", BEWIJSNIVEAU, empty="geen", allowed=allowed
    )
    directions = [r["richting"] for r in answers.resultaten]
    if answers.bewijsniveau and evidence.contradicted(answers.bewijsniveau, directions):
        click.echo(
            "  Let op: minder dan de helft van uw resultaten met een bekende richting wijst die "
            "kant op; 'wwidw validate' waarschuwt daarvoor (bewijsniveau-tegengesproken)."
        )


def ask_reach_and_costs(answers: Answers) -> None:
    if answers.bereik is None:
        answers.bereik = prompts.number(
            "Bereik: hoeveel mensen, huishoudens of woningen bereikte u? (een getal; mag leeg)",
            count,
        )
    if answers.bereik is not None and not answers.bereik_eenheid:
        answers.bereik_eenheid = prompts.choose_one(
            "Telt dat mensen, huishoudens of woningen?", BEREIK_EENHEID
        )
    if answers.kosten_totaal is None:
        answers.kosten_totaal = prompts.number("Totale kosten in hele euro's (mag leeg)", count)
    if answers.kosten_per_deelnemer is None:
        answers.kosten_per_deelnemer = prompts.number(
            "Kosten per deelnemer, huishouden of woning in euro's (mag leeg)", amount
        )
    if not answers.financiering:
        raw = prompts.text(
            "Wie betaalde? Bijvoorbeeld gemeente, woningcorporatie (gescheiden door komma's; "
            "mag leeg)",
            optional=True,
        )
        answers.financiering = [part.strip() for part in raw.split(",") if part.strip()]
