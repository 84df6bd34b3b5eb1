"""`wwidw move`: move a description to another content source (the logic: authoring/move.py)."""

from __future__ import annotations

from pathlib import Path

import click

from wwidw_build import report
from wwidw_build.authoring.move import Moved, MoveRefused, MoveUsage
from wwidw_build.authoring.move import move as move_description
from wwidw_build.authoring.move_git import GitSteps
from wwidw_build.cli.options import command, help_option
from wwidw_build.cli.support import configured_sources, finish
from wwidw_build.numbers import count
from wwidw_build.safe_text import one_line, shell_word
from wwidw_build.source_fetch import SourceUnavailable


@command(
    help="Verplaats een beschrijving (praktijk of archetype) met haar bijlagen naar een andere "
    "lokale bron en zet haar zichtbaarheid op het niveau van die bron. Daarna worden de bronnen "
    "gecontroleerd; bij een fout wordt alles teruggezet. Toont de git-stappen voor beide "
    "repositories."
)
@click.argument("doc_id", metavar="ID")
@click.option(
    "--to",
    "target_name",
    required=True,
    metavar="BRON",
    help="De naam (uit bronnen.yml) van de bron waar de beschrijving heen gaat.",
)
@click.option(
    "--sources",
    "sources_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("bronnen.yml"),
    show_default=True,
    help="Bronnenbestand met de bronnen; beide bronnen moeten lokale mappen zijn.",
)
@click.option(
    "--make-public",
    is_flag=True,
    default=False,
    help="Nodig om naar de openbare bron te verplaatsen: dan kan iedereen de beschrijving lezen.",
)
@help_option
def move(doc_id: str, target_name: str, sources_file: Path, make_public: bool) -> None:
    sources = configured_sources(None, sources_file)
    target = next((s for s in sources if s.name == target_name), None)
    if make_public and target is not None and not target.is_public:
        raise click.UsageError(
            "--make-public hoort alleen bij een verplaatsing naar de openbare bron; bron "
            f"'{target.name}' heeft niveau {target.tier}."
        )
    try:
        moved = move_description(sources, doc_id, target_name, make_public)
    except MoveUsage as error:
        raise click.UsageError(str(error)) from None
    except MoveRefused as error:
        if error.diagnostics:
            click.echo(report.as_text(error.diagnostics), err=True)
        if error.existing:
            click.echo(
                f"(Al vóór het verplaatsen {_were(error.existing)}; 'wwidw validate' toont ze.)",
                err=True,
            )
        click.echo(f"Fout: {error}", err=True)
        finish(1)
        return
    except SourceUnavailable as error:
        click.echo(f"Fout: {error}", err=True)
        click.echo("Er is niets verplaatst.", err=True)
        finish(2)
        return
    _print_result(moved)
    finish(0)


def _print_result(moved: Moved) -> None:
    plan = moved.plan
    origin, target, document = plan.origin, plan.target, plan.document
    click.echo(
        f"Verplaatst: {document.kind} '{document.id}' van bron '{origin.name}' ({origin.tier}) "
        f"naar bron '{target.name}' ({target.tier})."
    )
    click.echo(
        f"  {one_line(origin.display(document.source))} → {one_line(target.display(plan.new_path))}"
    )
    if document.zichtbaarheid != plan.new_visibility:
        click.echo(f"  zichtbaarheid: {document.zichtbaarheid} → {plan.new_visibility}")
    for attachment in plan.attachments:
        old, new = (
            one_line(origin.display(attachment.old)),
            one_line(target.display(attachment.new)),
        )
        if attachment.users:
            users = ", ".join(f"'{one_line(u)}'" for u in attachment.users)
            done = (
                "stond al (gelijk) in de doelbron"
                if attachment.present
                else f"gekopieerd naar {new}"
            )
            click.echo(
                f"  Bijlage {old}: {done}; ze blijft ook in bron '{origin.name}', want {users} "
                "gebruikt haar ook."
            )
        elif attachment.present:
            click.echo(f"  Bijlage {old}: weggehaald; een gelijk bestand stond al op {new}.")
        else:
            click.echo(f"  Bijlage {old} → {new}")
    click.echo("De bronnen zijn gecontroleerd: de verplaatsing brengt geen fouten mee.")
    if moved.existing:
        click.echo(
            f"Let op: in de bronnen {_were(moved.existing, 'al ')}; 'wwidw validate' toont ze."
        )
    if target.is_public:
        click.echo(
            "De beschrijving is nu openbaar. Wie de pull request beoordeelt, ziet in het "
            "reviewrapport 'Wordt openbaar'."
        )
    elif origin.is_public:
        click.echo(
            "Let op: de oude versie blijft te lezen in de geschiedenis van de openbare repository."
        )
    click.echo("\nNog te doen in git (en daarna per repository een pull request):")
    for steps in moved.steps:
        _print_steps(steps)


def _print_steps(steps: GitSteps) -> None:
    names = " en ".join(f"'{s.name}'" for s in steps.sources)
    label = "bron" if len(steps.sources) == 1 else "bronnen"
    if steps.repository is None:
        click.echo(
            f"\n- De map van {label} {names} ({steps.folder}) ligt niet in een git-repository; zet "
            "de wijziging daar zelf in versiebeheer."
        )
        return
    click.echo(f"\n- In de repository van {label} {names}: {steps.repository}")
    click.echo(f"    cd {shell_word(str(steps.repository))}")
    if steps.added:
        click.echo(f"    git add -- {' '.join(shell_word(p) for p in steps.added)}")
    if steps.removed:
        click.echo(f"    git rm -- {' '.join(shell_word(p) for p in steps.removed)}")
    if steps.added or steps.removed:
        click.echo(f"    git commit -m {shell_word(steps.message)}")
    else:
        click.echo("    (niets te doen: de oude bestanden stonden nog niet in git)")


def _were(existing, already: str = "") -> str:
    """'was er 1 andere fout' / 'waren er 3 andere fouten' ('already' goes after the verb)."""
    verb = "was" if len(existing) == 1 else "waren"
    return f"{verb} er {already}{count(len(existing), 'andere fout', 'andere fouten')}"
