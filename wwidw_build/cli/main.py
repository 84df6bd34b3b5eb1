"""The `wwidw` commands: a thin click layer over the pipeline, which returns data and diagnostics.

This package (with cli/support.py) prints the results and messages and picks the exit codes. Two other
places write to the terminal, both on the CLI's behalf: the `new` wizard's prompts
(authoring/wizard.py) and the build's progress lines on stderr (build_report.ProgressPrinter, the
reporter `build` hands to build_all). Command and option names are English; every help text, prompt
and message is Dutch (tests/test_cli_names.py).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from wwidw_build import report
from wwidw_build.audience import UnknownAudience, all_audiences, parse_audience
from wwidw_build.authoring.issue_form import parse_issue_body
from wwidw_build.authoring.scaffold import Answers, check, write_new
from wwidw_build.authoring.wizard import ask_missing
from wwidw_build.build import build_all
from wwidw_build.build_report import ProgressPrinter, summary_table
from wwidw_build.checks.stats import compute_stats
from wwidw_build.cli.support import DutchGroup, content_option, exit_with, require_content_dir, run
from wwidw_build.diagnostics import has_errors
from wwidw_build.load import load_content
from wwidw_build.pages.crawlers import BadSiteUrl, normalise_site_url
from wwidw_build.pipeline import load_and_validate
from wwidw_build.render import MkDocsRenderer
from wwidw_build.review.changes import GitProblem, make_review
from wwidw_build.review.markdown import render as render_review
from wwidw_build.search.index import search
from wwidw_build.search.similarity import read_description, similar_to, suggest_archetype
from wwidw_build.search.text import terms as query_terms
from wwidw_build.serve import watch
from wwidw_build.static_server import StaticServer


@click.group(
    cls=DutchGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Wat Werkt in de Wijk: beschrijvingen controleren, aanmaken en publiceren.",
)
@click.version_option(
    package_name="wwidw-build", message="wwidw %(version)s", help="Toon de versie en stop."
)
@click.help_option("-h", "--help", help="Toon deze hulp en stop.")
def cli() -> None:
    pass


@cli.command(help="Controleer alle beschrijvingen, het register en de taxonomieën.")
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
@click.help_option("-h", "--help", help="Toon deze hulp en stop.")
def validate(
    content_dir: Path, output_format: str, stats: bool, compare: Path | None = None
) -> None:
    require_content_dir(content_dir)
    if compare is not None and not compare.is_file():
        raise click.UsageError(f"Het bestand '{compare}' bij --compare bestaat niet.")
    content, diagnostics = load_and_validate(content_dir)
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
    _finish(1 if has_errors(diagnostics) else 0)


def _finish(code: int) -> None:
    """End the command with an exit code (0 clean, 1 errors); click turns it into the process's."""
    click.get_current_context().exit(code)


def _write_checked(
    text: str, path: Path, diagnostics: list, fix_hint: str, exists_hint: str
) -> None:
    """Write a scaffolded description only when it has no errors; never overwrite (wwidw new, form)."""
    errors = [d for d in diagnostics if d.is_error]
    if errors:
        click.echo(report.as_text(errors), err=True)
        click.echo(f"Er is niets geschreven. {fix_hint}", err=True)
        _finish(1)
    if path.exists() or path.is_symlink():
        click.echo(
            f"Fout: {path} bestaat al; er wordt nooit een bestand overschreven. {exists_hint}",
            err=True,
        )
        _finish(1)
    write_new(path, text)


def _list(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


@cli.command(
    help="Maak een nieuwe beschrijving (praktijk of archetype) in zeven stappen. "
    "Elke stap kan ook als optie worden meegegeven."
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
@click.option(
    "--evidence-level",
    default="",
    help="Stap 3 (archetype): het bewijsniveau, de trede op de erkenningsladder.",
)
@click.option("--theme", multiple=True, help="Stap 4: thema-id; herhaalbaar of met komma's.")
@click.option(
    "--target-group", multiple=True, help="Stap 4: doelgroep-id; herhaalbaar of met komma's."
)
@click.option(
    "--effect", multiple=True, help="Stap 5: beoogd effect-id; herhaalbaar of met komma's."
)
@click.option(
    "--visibility",
    type=click.Choice(["openbaar", "partners", "organisatie"]),
    default=None,
    help="Stap 6: wie de beschrijving mag lezen.",
)
@click.option("--contact-name", default="", help="Stap 7 (praktijk): naam van de contactpersoon.")
@click.option(
    "--contact-email",
    default="",
    help="Stap 7 (praktijk): zakelijk e-mailadres van de contactpersoon.",
)
@click.option(
    "--contact-public/--contact-private",
    default=False,
    help="Stap 7 (praktijk): mogen de contactgegevens op de openbare site? Standaard niet.",
)
@click.option("--author", multiple=True, help="Stap 7: auteur; herhaalbaar of met komma's.")
@click.option(
    "--interactive/--no-interactive",
    default=None,
    help="Vraag ontbrekende stappen (standaard: alleen in een terminal).",
)
@click.help_option("-h", "--help", help="Toon deze hulp en stop.")
def new(kind: str, content_dir: Path, doc_id: str, interactive: bool | None, **options) -> None:
    require_content_dir(content_dir)
    content, diagnostics = load_and_validate(content_dir)
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


def _audiences(name: str, registry):
    if name == "alle":
        return all_audiences(registry)
    try:
        return [parse_audience(name, registry)]
    except UnknownAudience:
        partners = ", ".join(f"organisatie:{a.organisation}" for a in all_audiences(registry)[2:])
        raise click.UsageError(
            f"Onbekend publiek '{name}'. Kies openbaar, partners, alle of een partnerorganisatie: {partners}."
        ) from None


def _site_url(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """--site-url, normalised while Click parses the options (so a bad one is a usage error, exit 2)."""
    try:
        return normalise_site_url(value) if value else ""
    except BadSiteUrl as error:
        raise click.BadParameter(str(error)) from None


@cli.command(
    help="Bouw de site voor een of alle publieken (openbaar, partners, per partnerorganisatie)."
)
@content_option
@click.option(
    "--audience",
    "audience_name",
    default="alle",
    show_default=True,
    help="openbaar, partners, organisatie:<id> of alle.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("site"),
    show_default=True,
    help="Map waarin elke publieksversie komt (site/<publiek>/).",
)
@click.option(
    "--drafts",
    is_flag=True,
    help="Neem ook concepten op (alleen voor voorbeelden, nooit publiceren).",
)
@click.option("--quiet", is_flag=True, help="Toon geen voortgang, alleen fouten.")
@click.option(
    "--site-url",
    default="",
    metavar="URL",
    callback=_site_url,
    help="Webadres van de openbare site (https://...). Alleen voor de openbare site: dan krijgt die een "
    "sitemap.xml met alle pagina's, een verwijzing ernaar in robots.txt en volledige links in feed.xml.",
)
@click.help_option("-h", "--help", help="Toon deze hulp en stop.")
def build(
    content_dir: Path, audience_name: str, out_dir: Path, drafts: bool, quiet: bool, site_url: str
) -> None:
    require_content_dir(content_dir)
    content, diagnostics = load_and_validate(content_dir)
    audiences = _audiences(audience_name, content.registry)
    if has_errors(diagnostics):
        click.echo(report.as_text([d for d in diagnostics if d.is_error]), err=True)
        click.echo(
            "De inhoud bevat fouten; er is niets gebouwd en de vorige site is ongewijzigd.",
            err=True,
        )
        _finish(1)
    results = build_all(
        content,
        audiences,
        out_dir,
        renderer=MkDocsRenderer(),
        include_concepts=drafts,
        reporter=None if quiet else ProgressPrinter(),
        site_url=site_url,
    )
    if not quiet or not all(r.ok for r in results):
        click.echo(summary_table(results), err=not all(r.ok for r in results))
    _finish(0 if all(r.ok for r in results) else 1)


@cli.command(
    help="Bekijk één publieksversie in de browser; bij elke wijziging in content/ wordt opnieuw gebouwd."
)
@content_option
@click.option(
    "--audience",
    "audience_name",
    default="openbaar",
    show_default=True,
    help="openbaar, partners of organisatie:<id>.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Poort op localhost.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path(".voorbeeld"),
    show_default=True,
    help="Map voor de voorbeeldbouw.",
)
@click.option("--drafts/--no-drafts", default=True, show_default=True, help="Toon ook concepten.")
@click.help_option("-h", "--help", help="Toon deze hulp en stop.")
def serve(content_dir: Path, audience_name: str, port: int, out_dir: Path, drafts: bool) -> None:
    require_content_dir(content_dir)
    content, _ = load_and_validate(content_dir)
    if audience_name == "alle":
        raise click.UsageError(
            "Kies één publiek voor het voorbeeld, bijvoorbeeld --audience openbaar."
        )
    audience = _audiences(audience_name, content.registry)[0]

    def rebuild() -> None:
        fresh, diagnostics = load_and_validate(content_dir)
        if has_errors(diagnostics):
            click.echo(report.as_text([d for d in diagnostics if d.is_error]), err=True)
            click.echo(
                "Niet opnieuw gebouwd: los eerst de fouten op. Het vorige voorbeeld blijft staan.",
                err=True,
            )
            return
        results = build_all(
            fresh,
            [audience],
            out_dir,
            renderer=MkDocsRenderer(),
            include_concepts=drafts,
            workers=1,
        )
        click.echo(summary_table(results), err=True)

    rebuild()
    server = StaticServer((out_dir / audience.folder).absolute(), port).start()
    click.echo(
        f"Voorbeeld van '{audience.name}' op http://127.0.0.1:{server.port}/ (stoppen: Ctrl+C)",
        err=True,
    )
    try:
        watch(content_dir, rebuild)
    except KeyboardInterrupt:
        server.stop()


def main(args=None) -> None:
    exit_with(run(cli, args))


def _score(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


@cli.command(
    "search", help="Zoek in de beschrijvingen die één publiek mag lezen; de beste treffers eerst."
)
@click.argument("words", nargs=-1, required=True)
@content_option
@click.option(
    "--audience",
    "audience_name",
    default="openbaar",
    show_default=True,
    help="openbaar, partners of organisatie:<id>: zoek alleen in wat dit publiek mag lezen.",
)
@click.option(
    "--limit",
    type=int,
    default=10,
    show_default=True,
    help="Hoeveel treffers hooguit (minstens 1).",
)
@click.help_option("-h", "--help", help="Toon deze hulp en stop.")
def search_command(
    words: tuple[str, ...], content_dir: Path, audience_name: str, limit: int
) -> None:
    require_content_dir(content_dir)
    content, problems = load_content(content_dir)
    if audience_name == "alle":
        raise click.UsageError(
            "Kies één publiek om in te zoeken, bijvoorbeeld --audience openbaar."
        )
    audience = _audiences(audience_name, content.registry)[0]
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
        _finish(0)
    hits = search(content, text, audience, limit)
    if not hits:
        click.echo(f"Niets gevonden voor '{text}' (publiek: {audience.name}).")
        _finish(0)
    click.echo(
        f"{len(hits)} {'treffer' if len(hits) == 1 else 'treffers'} voor '{text}' (publiek: {audience.name}):"
    )
    for rank, hit in enumerate(hits, 1):
        click.echo(
            f"{rank:>3}. {hit.id} — {hit.titel} ({hit.document.kind}, score {_score(hit.score)})"
        )


def _print_similar(content, path: Path, err: bool) -> None:
    """`validate --compare`: the most similar descriptions, likely duplicates and an archetype suggestion."""

    def say(line: str = "") -> None:
        click.echo(line, err=err)

    document, problems = read_description(content, path)
    say()
    if document is None:
        say(
            f"Lijkt op: {path} kan niet worden vergeleken. {problems[0].message if problems else ''}".rstrip()
        )
        return
    matches = similar_to(content, document)
    say("Lijkt op:" if matches else "Lijkt op: geen vergelijkbare beschrijvingen gevonden.")
    for rank, match in enumerate(matches, 1):
        visibility = match.document.zichtbaarheid or "onbekend"
        extra = "" if visibility == "openbaar" else f", zichtbaarheid {visibility}"
        flag = "  <- waarschijnlijk dubbel" if match.likely_duplicate else ""
        say(
            f"{rank:>3}. {match.id} — {match.titel} ({match.kind}, score {_score(match.score)}, "
            f"gelijkenis {round(match.relative * 100)}%{extra}){flag}"
        )
    if any(match.likely_duplicate for match in matches):
        say(
            "Let op: deze beschrijving lijkt sterk op een bestaande. Controleer of het geen dubbele is; "
            "vul anders de bestaande aan."
        )
    if document.kind == "praktijk" and not document.meta.get("archetype"):
        suggestion = suggest_archetype(content, document, matches)
        say(
            f"Voorgesteld archetype: {suggestion} (zet 'archetype: {suggestion}' in het voorwerk als het klopt)."
            if suggestion
            else "Geen archetype om voor te stellen."
        )


@cli.command(
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
@click.help_option("-h", "--help", help="Toon deze hulp en stop.")
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
    _finish(result.exit_code)


FORM_MAX_BYTES = 256 * 1024  # GitHub caps an issue body at 65,536 characters


@cli.command(
    help="Maak een praktijkbeschrijving van een ingevuld GitHub-formulier (de tekst van het issue), "
    "met dezelfde controle als 'wwidw new'."
)
@click.argument(
    "issue_file",
    metavar="ISSUE-BODY",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
)
@content_option
@click.help_option("-h", "--help", help="Toon deze hulp en stop.")
def form(issue_file: Path, content_dir: Path) -> None:
    require_content_dir(content_dir)
    raw = issue_file.read_bytes()
    if len(raw) > FORM_MAX_BYTES:
        raise click.UsageError(f"Het bestand '{issue_file}' is te groot voor een formulier.")
    try:
        body = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise click.UsageError(f"Het bestand '{issue_file}' is geen UTF-8-tekst.") from None
    content, _ = load_and_validate(content_dir)
    answers, problems = parse_issue_body(body, str(issue_file))
    text, path, checked = check(content, answers, date.today())
    _write_checked(
        text,
        path,
        problems + checked,
        "Pas het formulier (het issue) aan en probeer het opnieuw.",
        "Kies een andere titel.",
    )
    warnings = [d for d in checked if not d.is_error]
    if warnings:
        click.echo(report.as_text(warnings), err=True)
    click.echo(f"Geschreven: {path}")
