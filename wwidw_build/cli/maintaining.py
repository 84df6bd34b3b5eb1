"""`wwidw maintenance`: the list of what needs attention (overdue measurements, expired assessments,
descriptions not updated for three years, drafts) in the sources it is given."""

from __future__ import annotations

from datetime import date

import click

from wwidw_build import maintenance_report, report
from wwidw_build.audience import Audience
from wwidw_build.cli.options import command, content_option, help_option
from wwidw_build.cli.support import finish, named_source, readable_sources
from wwidw_build.diagnostics import has_errors
from wwidw_build.maintenance import maintenance
from wwidw_build.pipeline import load_and_validate

FORMATS = {
    "text": maintenance_report.as_text,
    "markdown": maintenance_report.as_markdown,
    "json": maintenance_report.as_json,
}


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """--today, parsed while Click reads the options (a bad date is a usage error, exit 2)."""
    if value is None:
        return None
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"'{value}' is geen datum; schrijf die als JJJJ-MM-DD, bijvoorbeeld 2026-03-31."
        ) from None


@command(
    "maintenance",
    help="Toon wat aandacht nodig heeft in de bronnen die u opgeeft: nametingen die te laat zijn, "
    "verlopen beoordelingen, beschrijvingen die drie jaar niet zijn bijgewerkt, en concepten. Het is "
    "een lijst, geen controle: ook met punten erop eindigt de opdracht met 0 (bij fouten in de "
    "inhoud met 1).",
)
@content_option
@click.option(
    "--source",
    "source_name",
    default=None,
    metavar="NAAM",
    help="Met --sources: alleen de beschrijvingen van deze bron (naam uit bronnen.yml); er wordt "
    "alleen gelezen wat de lezers van die bron mogen zien. Standaard: alle lokale bronnen (een "
    "git-bron is een andere repository, met een eigen lijst).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(FORMATS)),
    default="text",
    show_default=True,
    help="text voor mensen, markdown voor het onderhoudsissue op GitHub, json voor programma's.",
)
@click.option(
    "--today",
    default=None,
    metavar="JJJJ-MM-DD",
    callback=_day,
    help="De dag waarop de lijst geldt (standaard vandaag). De inhoud wordt altijd gecontroleerd "
    "zoals 'wwidw validate' dat vandaag doet.",
)
@help_option
def maintenance_command(
    sources: list, source_name: str | None, output_format: str, today: date | None
) -> None:
    listed = _listed(sources, source_name)
    # With --source, read only what that source's readers may read (its tier is also the name of
    # the audience with exactly those readers); otherwise every source given (validation needs them).
    chosen = None if source_name is None else [Audience(listed[0].tier)]
    resolved, _, _ = readable_sources(sources, lambda registry: chosen)
    content, diagnostics = load_and_validate(resolved)
    if has_errors(diagnostics):
        click.echo(report.as_text([d for d in diagnostics if d.is_error]), err=True)
        click.echo("De inhoud bevat fouten; er is geen onderhoudslijst gemaakt.", err=True)
        finish(1)
    result = maintenance(content, today or date.today(), [s.name for s in listed])
    click.echo(FORMATS[output_format](result), nl=output_format != "markdown")
    finish(0)


def _listed(sources: list, name: str | None) -> list:
    """The sources whose descriptions are listed: the one --source names, or every local one (in a
    source repository: itself; the git sources its bronnen.yml names keep their own lists)."""
    if name is not None:
        return [named_source(sources, name)]
    local = [s for s in sources if not s.is_git]
    if not local:
        raise click.UsageError(
            "Er is geen lokale bron om een lijst van te maken: kies een bron met --source."
        )
    return local
