"""`wwidw new` and `wwidw form`: write a new description, from options and prompts or from an issue form."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from wwidw_build import evidence, report
from wwidw_build.authoring import result_lines, typed_values
from wwidw_build.authoring.issue_form import parse_issue_body
from wwidw_build.authoring.issue_form_shown import CODES as SHOWN_CODES
from wwidw_build.authoring.scaffold import Answers, check, write_new
from wwidw_build.authoring.wizard import ask_missing
from wwidw_build.cli.options import command, content_option, help_option
from wwidw_build.cli.support import assemble, finish
from wwidw_build.costs import REACH_UNITS


def _write_checked(
    text: str, path: Path, diagnostics: list, fix_hint: str, exists_hint: str
) -> None:
    """Write a scaffolded description only when it has no errors; never overwrite (wwidw new, form)."""
    errors = [d for d in diagnostics if d.is_error]
    if errors:
        click.echo(report.as_text(errors), err=True)
        click.echo(f"Er is niets geschreven. {fix_hint}", err=True)
        finish(1)
    if path.exists() or path.is_symlink():
        click.echo(
            f"Fout: {path} bestaat al; er wordt nooit een bestand overschreven. {exists_hint}",
            err=True,
        )
        finish(1)
    write_new(path, text)


def _list(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


class _Line(click.ParamType):
    """A result or an unintended effect on one line (authoring/result_lines.py)."""

    name = "regel"

    def __init__(self, form: result_lines.Format) -> None:
        self.form = form

    def convert(self, value, param, ctx):
        if isinstance(value, dict):
            return value
        try:
            return result_lines.parse_line(value, self.form)
        except result_lines.LineError as error:
            self.fail(f"'{value}': {error}; schrijf '{self.form.text}'", param, ctx)


class _Number(click.ParamType):
    """A count or an amount in euros, read as the issue form reads it (authoring/typed_values.py)."""

    def __init__(self, name: str, parse) -> None:
        self.name, self.parse = name, parse

    def convert(self, value, param, ctx):
        if isinstance(value, int | float):
            return value
        try:
            return self.parse(value)
        except ValueError as error:
            self.fail(str(error), param, ctx)


@command(
    help="Maak een nieuwe beschrijving, stap voor stap: een praktijk in tien stappen, een archetype "
    "in zeven. Elke stap kan ook als optie worden meegegeven."
)
@click.argument("kind", type=click.Choice(["praktijk", "archetype"]))
@content_option
@click.option(
    "--id", "doc_id", default="", help="Bestandsnaam zonder .md; standaard afgeleid van de titel."
)
@click.option("--title", default="", help="Stap 1: de titel.")
@click.option("--summary", default="", help="Stap 1: de samenvatting (hooguit 600 tekens).")
@click.option(
    "--organisation", default="", help="Stap 2 (praktijk): id van uw organisatie uit het register."
)
@click.option(
    "--ingredient",
    multiple=True,
    help="Stap 2 (archetype): naam van een werkzaam bestanddeel; herhaalbaar.",
)
@click.option("--municipality", default="", help="Stap 3 (praktijk): de gemeente.")
@click.option("--neighbourhood", default="", help="Stap 3 (praktijk): de wijk of buurt.")
@click.option("--start-year", type=int, default=None, help="Stap 3 (praktijk): het startjaar.")
@click.option(
    "--end-year",
    type=int,
    default=None,
    help="Stap 3 (praktijk): het eindjaar, als het project klaar is.",
)
@click.option(
    "--status",
    type=click.Choice(["lopend", "afgerond", "gestopt"]),
    default=None,
    help="Stap 3 (praktijk): de projectstatus: lopend, afgerond of gestopt.",
)
@click.option("--theme", multiple=True, help="Stap 4: thema-id; herhaalbaar of met komma's.")
@click.option(
    "--target-group", multiple=True, help="Stap 4: doelgroep-id; herhaalbaar of met komma's."
)
@click.option(
    "--effect", multiple=True, help="Stap 5: beoogd effect-id; herhaalbaar of met komma's."
)
@click.option(
    "--result",
    multiple=True,
    type=_Line(result_lines.RESULTS),
    help=f"Stap 6 (praktijk): een resultaat als '{result_lines.RESULT_FORMAT}'; alleen effect en "
    "richting zijn verplicht. Herhaalbaar.",
)
@click.option(
    "--unintended-effect",
    multiple=True,
    type=_Line(result_lines.UNINTENDED),
    help=f"Stap 6 (praktijk): een niet-beoogd effect als '{result_lines.UNINTENDED_FORMAT}'. "
    "Herhaalbaar.",
)
@click.option(
    "--design",
    type=click.Choice(list(evidence.DESIGNS)),
    default=None,
    metavar="ONTWERP",
    help="Stap 7 (praktijk): het meetontwerp, hoe de effecten zijn gemeten: "
    + ", ".join(evidence.DESIGNS)
    + ".",
)
@click.option(
    "--evaluation",
    type=click.Choice(["intern", "extern"]),
    default=None,
    help="Stap 7 (praktijk): wie evalueerde: intern (de uitvoerders zelf) of extern.",
)
@click.option("--evaluator", default="", help="Stap 7 (praktijk): de organisatie die evalueerde.")
@click.option(
    "--evidence-level",
    default="",
    help="Stap 7 (praktijk) of 3 (archetype): het bewijsniveau, de trede op de erkenningsladder; "
    "bij een praktijk hooguit wat het meetontwerp draagt.",
)
@click.option(
    "--reach",
    type=_Number("getal", typed_values.count),
    default=None,
    help="Stap 8 (praktijk): het aantal bereikte mensen, huishoudens of woningen.",
)
@click.option(
    "--reach-unit",
    type=click.Choice(list(REACH_UNITS)),
    default=None,
    help="Stap 8 (praktijk): wat het bereik telt: mensen, huishoudens of woningen.",
)
@click.option(
    "--cost-total",
    type=_Number("getal", typed_values.count),
    default=None,
    help="Stap 8 (praktijk): de totale kosten in hele euro's.",
)
@click.option(
    "--cost-per-participant",
    type=_Number("bedrag", typed_values.amount),
    default=None,
    help="Stap 8 (praktijk): de kosten per deelnemer, huishouden of woning in euro's, bijvoorbeeld 12,50.",
)
@click.option(
    "--funding",
    multiple=True,
    help="Stap 8 (praktijk): wie betaalde; herhaalbaar of met komma's.",
)
@click.option(
    "--visibility",
    type=click.Choice(["openbaar", "partners", "organisatie"]),
    default=None,
    help="Stap 9 (praktijk) of 6 (archetype): wie de beschrijving mag lezen.",
)
@click.option("--contact-name", default="", help="Stap 10 (praktijk): naam van de contactpersoon.")
@click.option(
    "--contact-email",
    default="",
    help="Stap 10 (praktijk): zakelijk e-mailadres van de contactpersoon.",
)
@click.option(
    "--contact-public/--contact-private",
    default=False,
    help="Stap 10 (praktijk): mogen de contactgegevens op de openbare site? Standaard niet.",
)
@click.option(
    "--author",
    multiple=True,
    help="Stap 10 (praktijk) of 7 (archetype): auteur; herhaalbaar of met komma's.",
)
@click.option(
    "--interactive/--no-interactive",
    default=None,
    help="Vraag ontbrekende stappen (standaard: alleen in een terminal).",
)
@help_option
def new(kind: str, sources: list, doc_id: str, interactive: bool | None, **options) -> None:
    content, diagnostics, _ = assemble(sources, lambda registry: None)
    answers = Answers(
        kind=kind,
        id=doc_id,
        titel=options["title"],
        samenvatting=options["summary"],
        organisatie=options["organisation"],
        gemeente=options["municipality"],
        wijk=options["neighbourhood"],
        startjaar=options["start_year"],
        eindjaar=options["end_year"],
        projectstatus=options["status"] or "",
        themas=_list(options["theme"]),
        doelgroepen=_list(options["target_group"]),
        effecten=_list(options["effect"]),
        resultaten=list(options["result"]),
        niet_beoogde_effecten=list(options["unintended_effect"]),
        meetontwerp=options["design"] or "",
        evaluatie_soort=options["evaluation"] or "",
        evaluatie_door=options["evaluator"],
        bereik=options["reach"],
        bereik_eenheid=options["reach_unit"] or "",
        kosten_totaal=options["cost_total"],
        kosten_per_deelnemer=options["cost_per_participant"],
        financiering=_list(options["funding"]),
        zichtbaarheid=options["visibility"] or "",
        contact_naam=options["contact_name"],
        contact_email=options["contact_email"],
        contact_openbaar=options["contact_public"],
        bestanddelen=_list(options["ingredient"]),
        bewijsniveau=options["evidence_level"],
        auteurs=_list(options["author"]),
    )
    if interactive if interactive is not None else sys.stdin.isatty():
        click.secho(f"Nieuwe {kind}beschrijving — Wat Werkt in de Wijk", bold=True)
        answers = ask_missing(answers, content.registry)
    text, path, problems = check(content, answers, date.today())
    _write_checked(
        text,
        path,
        problems,
        "Vul de ontbrekende of foute stappen aan (zie wwidw new --help).",
        "Kies een andere --id.",
    )
    click.echo(f"Geschreven: {path}")
    click.echo(
        "Vul nu de secties in (de schrijftips staan in het bestand) en controleer met 'wwidw validate'."
    )
    click.echo(
        "De beschrijving staat op 'concept: true'; haal die regel weg als ze klaar is voor publicatie."
    )


FORM_MAX_BYTES = 256 * 1024  # GitHub caps an issue body at 65,536 characters
FORM_FIX_HINT = "Pas het formulier (het issue) aan en probeer het opnieuw."


@command(
    help="Maak een praktijkbeschrijving van een ingevuld GitHub-formulier (de tekst van het issue), "
    "met dezelfde controle als 'wwidw new'."
)
@click.argument(
    "issue_file",
    metavar="ISSUE-BODY",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
)
@content_option
@help_option
def form(issue_file: Path, sources: list) -> None:
    raw = issue_file.read_bytes()
    if len(raw) > FORM_MAX_BYTES:
        raise click.UsageError(f"Het bestand '{issue_file}' is te groot voor een formulier.")
    try:
        body = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise click.UsageError(f"Het bestand '{issue_file}' is geen UTF-8-tekst.") from None
    content, _, _ = assemble(sources, lambda registry: None)
    answers, problems = parse_issue_body(body, str(issue_file))
    if any(p.code in SHOWN_CODES for p in problems):  # not shown as written: nothing was read
        _write_checked("", Path(), problems, FORM_FIX_HINT, "")
    text, path, checked = check(content, answers, date.today())
    _write_checked(
        text,
        path,
        problems + checked,
        FORM_FIX_HINT,
        "Kies een andere titel.",
    )
    warnings = [d for d in checked if not d.is_error]
    if warnings:
        click.echo(report.as_text(warnings), err=True)
    click.echo(f"Geschreven: {path}")
