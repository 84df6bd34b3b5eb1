"""`wwidw validate` and `wwidw search`: check the content, find descriptions."""

from __future__ import annotations

from pathlib import Path

import click

from wwidw_build import report
from wwidw_build.checks.stats import compute_stats
from wwidw_build.cli.options import audience_option, command, content_option, help_option
from wwidw_build.cli.support import assemble, finish, one_audience, readable_sources
from wwidw_build.diagnostics import has_errors
from wwidw_build.load import load_sources
from wwidw_build.safe_text import one_line
from wwidw_build.search.index import search
from wwidw_build.search.similarity import read_description, similar_to, suggest_archetype
from wwidw_build.search.text import terms as query_terms


@command(help="Controleer alle beschrijvingen, het register en de taxonomieën (van alle bronnen).")
@content_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="text voor mensen, json voor programma's, github voor annotaties in GitHub Actions.",
)
@click.option(
    "--stats",
    is_flag=True,
    help="Toon ook aantallen per soort en zichtbaarheid en de volledigheid.",
)
@click.option(
    "--compare",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Toon daarna welke beschrijvingen het meest lijken op dit bestand (en mogelijke dubbelingen).",
)
@help_option
def validate(sources: list, output_format: str, stats: bool, compare: Path | None = None) -> None:
    if compare is not None and not compare.is_file():
        raise click.UsageError(f"Het bestand '{compare}' bij --compare bestaat niet.")
    content, diagnostics, _ = assemble(sources, lambda registry: None)
    summary = compute_stats(content) if stats else None
    if output_format == "json":
        click.echo(report.as_json(diagnostics, summary))
    elif output_format == "github":
        click.echo(report.as_github(diagnostics))
    else:
        click.echo(report.as_text(diagnostics))
    if summary is not None and output_format != "json":
        click.echo(report.stats_text(summary))
    if compare is not None:
        _print_similar(content, compare, err=output_format != "text")
    finish(1 if has_errors(diagnostics) else 0)


def _print_similar(content, path: Path, err: bool) -> None:
    """`validate --compare`: the most similar descriptions, likely duplicates and an archetype suggestion."""

    def say(line: str = "") -> None:
        click.echo(line, err=err)

    document, problems = read_description(content, path)
    say()
    if document is None:
        say(
            one_line(
                f"Lijkt op: {path} kan niet worden vergeleken. "
                f"{problems[0].message if problems else ''}".rstrip()
            )
        )
        return
    matches = similar_to(content, document)
    say("Lijkt op:" if matches else "Lijkt op: geen vergelijkbare beschrijvingen gevonden.")
    for rank, match in enumerate(matches, 1):
        visibility = match.document.zichtbaarheid or "onbekend"
        extra = "" if visibility == "openbaar" else f", zichtbaarheid {one_line(visibility)}"
        flag = "  <- waarschijnlijk dubbel" if match.likely_duplicate else ""
        say(
            f"{rank:>3}. {one_line(match.id)} — {one_line(match.titel)} ({match.kind}, "
            f"gelijkenis {round(match.relative * 100)}%: {_parts(match)}{extra}){flag}"
        )
    if any(match.likely_duplicate for match in matches):
        say(
            "Let op: deze beschrijving lijkt sterk op een bestaande. Controleer of het geen dubbele is; "
            "vul anders de bestaande aan."
        )
    if document.kind == "praktijk" and not document.meta.get("archetype"):
        suggestion = suggest_archetype(content, document)
        say(
            f"Voorgesteld archetype: {one_line(suggestion)} (zet 'archetype: {one_line(suggestion)}' "
            "in het voorwerk als het klopt)."
            if suggestion
            else "Geen archetype om voor te stellen."
        )


@command(
    "search", help="Zoek in de beschrijvingen die één publiek mag lezen; de beste treffers eerst."
)
@click.argument("words", nargs=-1, required=True)
@content_option
@audience_option(
    "openbaar", "openbaar, partners of organisatie:<id>: zoek alleen in wat dit publiek mag lezen."
)
@click.option(
    "--limit",
    type=int,
    default=10,
    show_default=True,
    help="Hoeveel treffers hooguit (minstens 1).",
)
@help_option
def search_command(words: tuple[str, ...], sources: list, audience_name: str, limit: int) -> None:
    resolved, _, chosen = readable_sources(
        sources, lambda registry: [one_audience(audience_name, registry, "om in te zoeken")]
    )
    audience = chosen[0]
    content, problems = load_sources(resolved)
    if limit < 1:
        raise click.UsageError(f"--limit moet minstens 1 zijn, niet {limit}.")
    text = " ".join(words)
    if has_errors(problems):
        click.echo(
            "Let op: de inhoud bevat fouten (zie 'wwidw validate'); misschien is niet alles doorzocht.",
            err=True,
        )
    if not query_terms(text):
        click.echo(
            f"Geen zoekwoorden in '{text}': alleen veelvoorkomende woorden. Kies een specifieker woord."
        )
        finish(0)
    hits = search(content, text, audience, limit)
    if not hits:
        click.echo(f"Niets gevonden voor '{text}' (publiek: {audience.name}).")
        finish(0)
    click.echo(
        f"{len(hits)} {'treffer' if len(hits) == 1 else 'treffers'} voor '{text}' (publiek: {audience.name}):"
    )
    for rank, hit in enumerate(hits, 1):
        click.echo(
            f"{rank:>3}. {one_line(hit.id)} — {one_line(hit.titel)} ({hit.document.kind}, "
            f"score {_score(hit.score)})"
        )


def _parts(match) -> str:
    """What the similarity is made of: the text without names, and the shared labels."""
    text = "-" if match.text is None else f"{round(match.text * 100)}%"
    labels = "-" if match.labels is None else f"{round(match.labels * 100)}%"
    return f"tekst {text}, thema's/effecten/doelgroepen {labels}"


def _score(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")
