"""`wwidw review`: the review report of a pull request."""

from __future__ import annotations

from pathlib import Path

import click

from wwidw_build.cli.options import command, content_option, help_option
from wwidw_build.cli.support import finish, require_content_dir
from wwidw_build.review.changes import GitProblem, make_review
from wwidw_build.review.markdown import render as render_review


@command(
    help="Schrijf een reviewrapport (Markdown) over de beschrijvingen die verschillen van een basis: "
    "wie ze kan lezen, volledigheid, meldingen, mogelijke dubbelingen en een checklist."
)
@click.option(
    "--base",
    default="origin/main",
    show_default=True,
    help="Branch, tag of commit om mee te vergelijken (vanaf het punt waar HEAD ervan afsplitst).",
)
@content_option
@click.option(
    "--out",
    "out_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Schrijf het rapport naar dit bestand in plaats van naar het scherm.",
)
@help_option
def review(base: str, content_dir: Path, out_file: Path | None) -> None:
    require_content_dir(content_dir)
    try:
        result = make_review(content_dir, base)
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
        click.echo(
            f"Reviewrapport geschreven naar {out_file} ({len(result.items)} gewijzigde beschrijving(en), "
            f"{len(result.failed)} met fouten).",
            err=True,
        )
    finish(result.exit_code)
