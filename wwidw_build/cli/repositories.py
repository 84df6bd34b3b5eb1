"""`wwidw source new`: a new content source repository (authoring/source_repo.py makes the files)."""

from __future__ import annotations

from pathlib import Path

import click

from wwidw_build.authoring import source_repo
from wwidw_build.authoring.source_repo import SourceError, SourceSpec
from wwidw_build.cli.options import folder_option, help_option
from wwidw_build.cli.support import DutchGroup, finish, require_content_dir
from wwidw_build.load import load_content


@click.group(
    name="source",
    cls=DutchGroup,
    help="Bronrepository's: elke bron is een eigen git-repository met beschrijvingen van één niveau "
    "(openbaar, partners of één organisatie).",
)
@help_option
def source() -> None:
    pass


def _engine_ref(given: str) -> str:
    if given:
        return source_repo.check_commit(given)
    commit = source_repo.engine_commit()
    if commit is None:
        raise SourceError(
            "De commit van de engine is niet te bepalen: deze wwidw draait niet uit een git-checkout "
            "van de engine. Geef --engine-ref <commit> op: de volledige commit-hash (40 tekens) van "
            "de engine op GitHub waaraan de workflows vastzitten."
        )
    if source_repo.engine_has_changes():
        click.echo(
            f"Let op: de engine heeft wijzigingen die niet in commit {commit} staan. De workflows "
            "gebruiken die commit, zonder deze wijzigingen; zorg dat hij op GitHub staat.",
            err=True,
        )
    return commit


def _spec(tier: str, engine_url: str, engine_ref: str, partners_url: str | None, registry):
    tier = source_repo.parse_tier(tier, registry)
    source_repo.check_git_url(engine_url, "--engine-url")
    source_repo.github_repository(engine_url)
    if partners_url is not None and not tier.startswith("organisatie:"):
        raise SourceError("--partners-url hoort alleen bij --tier organisatie:<id>.")
    if tier.startswith("organisatie:"):
        partners_url = partners_url or source_repo.PLACEHOLDER_PARTNERS_URL
        source_repo.check_git_url(partners_url, "--partners-url")
    return SourceSpec(tier, engine_url, _engine_ref(engine_ref), partners_url)


def _placeholder_warnings(spec: SourceSpec) -> None:
    for option, url, default, where in (
        (
            "--engine-url",
            spec.engine_url,
            source_repo.PLACEHOLDER_ENGINE_URL,
            "bronnen.yml, README.md en de workflows",
        ),
        ("--partners-url", spec.partners_url, source_repo.PLACEHOLDER_PARTNERS_URL, "bronnen.yml"),
    ):
        if url == default:
            click.echo(
                f"Let op: zonder {option} staat het voorbeeldadres {default} in {where}. Klopt dat "
                f"niet, pas het daar aan (of maak de map opnieuw met {option}).",
                err=True,
            )


@source.command(
    name="new",
    help="Maak in DIR een nieuwe bronrepository van één niveau: de mappen praktijken/, archetypen/ en "
    "bijlagen/, een README, bronnen.yml, de controlelijst voor pull requests, de code owners, het "
    "formulier voor dat niveau en workflows die de herbruikbare workflows van de engine aanroepen, "
    "vastgezet op één commit. DIR moet nieuw of leeg zijn.",
)
@click.argument("directory", metavar="DIR", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--tier",
    required=True,
    help="Het niveau van de bron: openbaar, partners of organisatie:<id> (een partnerorganisatie).",
)
@click.option(
    "--engine-url",
    default=source_repo.PLACEHOLDER_ENGINE_URL,
    show_default=True,
    help="Git-adres op GitHub van de engine, met de openbare bron in content/. Het standaardadres is "
    "een voorbeeld: geef het echte op.",
)
@click.option(
    "--engine-ref",
    default="",
    help="De commit van de engine (40 tekens) waaraan de workflows vastzitten. Standaard de huidige "
    "commit van deze checkout van de engine.",
)
@click.option(
    "--partners-url",
    default=None,
    help="Alleen bij organisatie:<id>: git-adres van de partnersrepository (standaard "
    f"het voorbeeld {source_repo.PLACEHOLDER_PARTNERS_URL}).",
)
@folder_option(
    "--content",
    "content_dir",
    Path("content"),
    "De openbare bron (content/ van de engine): het register en de taxonomieën voor het formulier.",
)
@help_option
def new_source(
    directory: Path,
    tier: str,
    engine_url: str,
    engine_ref: str,
    partners_url: str | None,
    content_dir: Path,
) -> None:
    require_content_dir(content_dir)
    registry = load_content(content_dir)[0].registry
    try:
        spec = _spec(tier, engine_url, engine_ref, partners_url, registry)
    except SourceError as error:
        raise click.UsageError(str(error)) from None
    if not source_repo.is_empty_folder(directory):
        click.echo(
            f"Fout: de map '{directory}' is niet leeg. 'wwidw source new' schrijft alleen in een "
            "nieuwe of lege map en overschrijft nooit iets; kies een andere map.",
            err=True,
        )
        finish(1)
    files = source_repo.scaffold(spec, registry, content_dir)
    source_repo.write(directory, files)
    _placeholder_warnings(spec)
    click.echo(
        f"Bronrepository gemaakt in {directory} (niveau {spec.tier}), {len(files)} bestanden."
    )
    click.echo(
        f"De workflows gebruiken de engine {spec.engine_repository} op commit {spec.engine_ref}."
    )
    click.echo("Volgende stappen:")
    click.echo(
        f"  1. cd {directory} && git init -b main && git add . && git commit -m 'Nieuwe bron'"
    )
    click.echo("  2. Maak de repository op GitHub en push; de instellingen staan in README.md.")
