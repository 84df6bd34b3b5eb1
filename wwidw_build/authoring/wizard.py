"""The interactive, seven-step Dutch guide behind ``wwidw new``: it only asks what options left open."""

from __future__ import annotations

import click

from wwidw_build.authoring.scaffold import Answers, search_effects
from wwidw_build.checks.schema_check import subschema
from wwidw_build.model import Registry

VISIBILITY_HELP = (
    "  openbaar     iedereen kan de beschrijving lezen\n"
    "  partners     alleen medewerkers van partnerorganisaties\n"
    "  organisatie  alleen uw eigen organisatie"
)


def _step(number: int, title: str, kind: str, field: str | None = None) -> None:
    click.secho(f"\nStap {number} van 7: {title}", bold=True)
    if field:
        description = (subschema(kind, (field,)) or {}).get("description")
        if description:
            click.echo(f"  {description}")


def _choose_many(label: str, options: dict[str, str], minimum: int) -> list[str]:
    keys = list(options)
    for number, key in enumerate(keys, 1):
        click.echo(f"  {number:>2}. {options[key]} ({key})")
    while True:
        raw = click.prompt(
            f"{label} (nummers of id's, gescheiden door komma's)",
            default="" if not minimum else None,
            show_default=False,
        )
        chosen = _parse_choices(raw, keys)
        if chosen is not None and len(chosen) >= minimum:
            return chosen
        click.echo(f"  Kies minstens {minimum} uit de lijst, bijvoorbeeld: 1, 3")


def _parse_choices(raw: str, keys: list[str]) -> list[str] | None:
    chosen = []
    for part in filter(None, (p.strip() for p in raw.split(","))):
        if part.isdigit() and 1 <= int(part) <= len(keys):
            part = keys[int(part) - 1]
        if part not in keys:
            return None
        if part not in chosen:
            chosen.append(part)
    return chosen


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
        picks = _choose_many(
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
    _step(1, "titel en samenvatting", kind, "titel")
    _ask_text(answers, "titel", "Titel")
    _ask_text(answers, "samenvatting", "Samenvatting (hooguit 600 tekens)")
    if kind == "praktijk":
        _step(2, "organisatie", kind, "organisatie")
        if not answers.organisatie:
            answers.organisatie = _choose_one(
                "Uw organisatie", {k: o.naam for k, o in registry.organisaties.items()}
            )
        _step(3, "plaats en periode", kind)
        _ask_text(answers, "gemeente", "Gemeente")
        _ask_text(answers, "wijk", "Wijk of buurt (mag leeg)", default="")
        if answers.startjaar is None:
            answers.startjaar = click.prompt("Startjaar", type=click.IntRange(1945, 2100))
        if not answers.projectstatus:
            answers.projectstatus = _choose_one(
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
        _step(2, "werkzame bestanddelen", kind, "werkzame_bestanddelen")
        while not answers.bestanddelen:
            raw = click.prompt("Namen van de werkzame bestanddelen (gescheiden door komma's)")
            answers.bestanddelen = [p.strip() for p in raw.split(",") if p.strip()]
        _step(3, "bewijsniveau", kind, "bewijsniveau")
        if not answers.bewijsniveau:
            levels = subschema(kind, ("bewijsniveau",))["enum"]
            answers.bewijsniveau = _choose_one(
                "Bewijsniveau", {lvl: lvl.replace("_", " ") for lvl in levels}
            )
    _step(4, "thema's en doelgroepen", kind, "themas")
    if not answers.themas:
        answers.themas = _choose_many("Thema's", {k: t.naam for k, t in registry.themas.items()}, 1)
    if not answers.doelgroepen:
        answers.doelgroepen = _choose_many(
            "Doelgroepen (mag leeg)", {k: t.naam for k, t in registry.doelgroepen.items()}, 0
        )
    _step(5, "beoogde effecten", kind, "beoogde_effecten")
    if not answers.effecten:
        answers.effecten = _choose_effects(registry)
    _step(6, "zichtbaarheid", kind)
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
    _step(7, "contact en auteurs", kind)
    if kind == "praktijk" and not answers.contact_naam:
        answers.contact_naam = click.prompt(
            "Naam contactpersoon (mag leeg)", default="", show_default=False
        ).strip()
        if answers.contact_naam:
            answers.contact_email = click.prompt(
                "Zakelijk e-mailadres (mag leeg)", default="", show_default=False
            ).strip()
            answers.contact_openbaar = click.confirm(
                "Mogen deze contactgegevens op de openbare site?", default=False
            )
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


def _choose_one(label: str, options: dict[str, str]) -> str:
    keys = list(options)
    for number, key in enumerate(keys, 1):
        click.echo(f"  {number:>2}. {options[key]} ({key})")
    while True:
        raw = click.prompt(f"{label} (nummer of id)").strip()
        chosen = _parse_choices(raw, keys)
        if chosen and len(chosen) == 1:
            return chosen[0]
        click.echo("  Kies één nummer of id uit de lijst.")
