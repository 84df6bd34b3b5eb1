"""`wwidw review`: the review report of a pull request."""

from __future__ import annotations

from pathlib import Path

import click

from wwidw_build.audience import Audience
from wwidw_build.cli.options import command, content_option, help_option
from wwidw_build.cli.support import finish, named_source, readable_sources
from wwidw_build.numbers import count
from wwidw_build.review.changes import GitProblem, make_review
from wwidw_build.review.markdown import render as render_review


@command(
    help="Schrijf een reviewrapport (Markdown) over de beschrijvingen die verschillen van een basis: "
    "eerst de inhoudelijke wijzigingen (richting van resultaten, bewijsniveau, meetontwerp, "
    "zichtbaarheid, beoordeling), dan wie ze kan lezen, volledigheid, meldingen, mogelijke "
    "dubbelingen en een checklist. Faalt bij fouten, ook bij een inhoudelijke wijziging zonder "
    "nieuwe regel in de geschiedenis."
)
@click.option(
    "--base",
    default="origin/main",
    show_default=True,
    help="Branch, tag of commit om mee te vergelijken (vanaf het punt waar HEAD ervan afsplitst).",
)
@content_option
@click.option(
    "--source",
    "source_name",
    default=None,
    metavar="NAAM",
    help="Met --sources: de bron (naam uit bronnen.yml) waarvan de wijzigingen worden bekeken; "
    "standaard de enige lokale bron. Het rapport noemt alleen wat de lezers van die bron mogen zien.",
)
@click.option(
    "--out",
    "out_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Schrijf het rapport naar dit bestand in plaats van naar het scherm.",
)
@help_option
def review(base: str, sources: list, source_name: str | None, out_file: Path | None) -> None:
    reviewed = _reviewed_source(sources, source_name)
    # Read only what the readers of the reviewed source's repository may read: the report names
    # nothing else (its tier is also the name of the audience with exactly those readers).
    resolved, _, _ = readable_sources(sources, lambda registry: [Audience(reviewed.tier)])
    folder = next(s.root for s in resolved if s.name == reviewed.name)
    try:
        result = make_review(folder, base, sources=resolved)
    except GitProblem as problem:
        raise click.UsageError(str(problem)) from None
    text = render_review(result)
    if out_file is None:
        click.echo(text, nl=False)
    else:
        try:
            out_file.write_text(text, encoding="utf-8")
        except OSError as error:
            raise click.UsageError(
                f"Het rapport kan niet worden geschreven naar '{out_file}': {error.strerror}."
            ) from None
        changed = count(len(result.items), "gewijzigde beschrijving", "gewijzigde beschrijvingen")
        click.echo(
            f"Reviewrapport geschreven naar {out_file} ({changed}, "
            f"{len(result.failed)} met fouten).",
            err=True,
        )
    finish(result.exit_code)


def _reviewed_source(sources: list, name: str | None):
    """The source named by --source, or the one local source (the repository under review)."""
    if name is not None:
        return named_source(sources, name)
    local = [s for s in sources if not s.is_git]
    if len(local) != 1:
        raise click.UsageError(
            "Kies met --source welke bron je bekijkt: er zijn meerdere lokale bronnen ("
            + ", ".join(s.name for s in local)
            + ")."
        )
    return local[0]
