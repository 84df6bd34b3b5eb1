"""The interactive Dutch guide behind ``wwidw new``, step by step: it only asks what options left open.

A praktijk has ten steps, the evidence among them (authoring/wizard_evidence.py); an archetype seven.
Every prompt is Dutch, defaults and choices included (authoring/prompts.py).
"""

from __future__ import annotations

import click

from wwidw_build.authoring import wizard_evidence
from wwidw_build.authoring.prompts import choose_many, choose_one, yes_no
from wwidw_build.authoring.scaffold import Answers, search_effects
from wwidw_build.checks.schema_check import subschema
from wwidw_build.labels import BEWIJSNIVEAU
from wwidw_build.model import Registry

VISIBILITY_HELP = (
    "  openbaar     iedereen kan de beschrijving lezen\n"
    "  partners     alleen medewerkers van partnerorganisaties\n"
    "  organisatie  alleen uw eigen organisatie"
)
# The steps per kind, in order: (title, the schema field whose description is shown, or None).
STEPS = {
    "praktijk": (
        ("titel en samenvatting", "titel"),
        ("organisatie", "organisatie"),
        ("plaats en periode", None),
        ("thema's en doelgroepen", "themas"),
        ("beoogde effecten", "beoogde_effecten"),
        ("resultaten", "resultaten"),
        ("meetontwerp en bewijsniveau", "meetontwerp"),
        ("bereik en kosten", None),
        ("zichtbaarheid", None),
        ("contact en auteurs", None),
    ),
    "archetype": (
        ("titel en samenvatting", "titel"),
        ("werkzame bestanddelen", "werkzame_bestanddelen"),
        ("bewijsniveau", "bewijsniveau"),
        ("thema's en doelgroepen", "themas"),
        ("beoogde effecten", "beoogde_effecten"),
        ("zichtbaarheid", None),
        ("contact en auteurs", None),
    ),
}


class _Steps:
    """Announces each step as 'Stap n van N: titel', with the schema's description of its field."""

    def __init__(self, kind: str) -> None:
        self.kind, self.steps, self.number = kind, STEPS[kind], 0

    def next(self) -> None:
        title, field = self.steps[self.number]
        self.number += 1
        click.secho(f"\nStap {self.number} van {len(self.steps)}: {title}", bold=True)
        if field:
            description = (subschema(self.kind, (field,)) or {}).get("description")
            if description:
                click.echo(f"  {description}")


def _choose_effects(registry: Registry) -> list[str]:
    chosen: list[str] = []
    click.echo(
        "  Zoek in de effectordening met een woord (bijvoorbeeld 'overlast'); laat leeg als u klaar bent."
    )
    while True:
        word = click.prompt("Zoekwoord", default="", show_default=False).strip()
        if not word:
            if chosen:
                return chosen
            click.echo("  Kies minstens één effect.")
            continue
        found = search_effects(registry, word)[:15]
        if not found:
            click.echo("  Niets gevonden; probeer een ander woord.")
            continue
        picks = choose_many(
            "Welke bedoelt u?",
            {e.id: f"{e.naam} — {registry.domeinen[e.domein].naam}" for e in found},
            0,
        )
        chosen += [p for p in picks if p not in chosen]
        click.echo("  Gekozen: " + ", ".join(chosen))


def _ask_text(answers: Answers, attribute: str, label: str, default: str | None = None) -> None:
    if not getattr(answers, attribute):
        value = (
            click.prompt(label, default=default, show_default=bool(default))
            if default is not None
            else click.prompt(label)
        )
        setattr(answers, attribute, value.strip())


def ask_missing(answers: Answers, registry: Registry) -> Answers:
    """Fill the gaps in ``answers`` step by step."""
    kind = answers.kind
    step = _Steps(kind)
    step.next()
    _ask_text(answers, "titel", "Titel")
    _ask_text(answers, "samenvatting", "Samenvatting (hooguit 600 tekens)")
    if kind == "praktijk":
        step.next()
        if not answers.organisatie:
            answers.organisatie = choose_one(
                "Uw organisatie", {k: o.naam for k, o in registry.organisaties.items()}
            )
        step.next()
        _ask_text(answers, "gemeente", "Gemeente")
        _ask_text(answers, "wijk", "Wijk of buurt (mag leeg)", default="")
        if answers.startjaar is None:
            answers.startjaar = click.prompt("Startjaar", type=click.IntRange(1945, 2100))
        if not answers.projectstatus:
            answers.projectstatus = choose_one(
                "Projectstatus",
                {
                    "lopend": "lopend",
                    "afgerond": "afgerond",
                    "gestopt": "gestopt (voortijdig beëindigd)",
                },
            )
        if answers.projectstatus != "lopend" and answers.eindjaar is None:
            answers.eindjaar = click.prompt(
                "Eindjaar", type=click.IntRange(answers.startjaar, 2100)
            )
    else:
        step.next()
        while not answers.bestanddelen:
            raw = click.prompt("Namen van de werkzame bestanddelen (gescheiden door komma's)")
            answers.bestanddelen = [p.strip() for p in raw.split(",") if p.strip()]
        step.next()
        if not answers.bewijsniveau:
            answers.bewijsniveau = choose_one("Bewijsniveau", BEWIJSNIVEAU)
    step.next()
    if not answers.themas:
        answers.themas = choose_many("Thema's", {k: t.naam for k, t in registry.themas.items()}, 1)
    if not answers.doelgroepen:
        answers.doelgroepen = choose_many(
            "Doelgroepen (mag leeg)", {k: t.naam for k, t in registry.doelgroepen.items()}, 0
        )
    step.next()
    if not answers.effecten:
        answers.effecten = _choose_effects(registry)
    if kind == "praktijk":
        step.next()
        wizard_evidence.ask_results(answers, registry)
        wizard_evidence.ask_unintended(answers, registry)
        step.next()
        wizard_evidence.ask_design_and_level(answers)
        step.next()
        wizard_evidence.ask_reach_and_costs(answers)
    step.next()
    click.echo(VISIBILITY_HELP)
    if not answers.zichtbaarheid:
        options = (
            ("openbaar", "partners", "organisatie")
            if kind == "praktijk"
            else ("openbaar", "partners")
        )
        answers.zichtbaarheid = click.prompt(
            "Zichtbaarheid", type=click.Choice(options), default="openbaar"
        )
    step.next()
    if kind == "praktijk" and not answers.contact_naam:
        answers.contact_naam = click.prompt(
            "Naam contactpersoon (mag leeg)", default="", show_default=False
        ).strip()
        if answers.contact_naam:
            answers.contact_email = click.prompt(
                "Zakelijk e-mailadres (mag leeg)", default="", show_default=False
            ).strip()
            answers.contact_openbaar = yes_no("Mogen deze contactgegevens op de openbare site?")
    while not answers.auteurs:
        raw = click.prompt(
            "Auteur(s), gescheiden door komma's",
            default="" if kind == "praktijk" else None,
            show_default=False,
        )
        answers.auteurs = [p.strip() for p in raw.split(",") if p.strip()]
        if kind == "praktijk":
            break
    return answers
