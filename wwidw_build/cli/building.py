"""`wwidw build` and `wwidw serve`: build the sites, or preview one audience while editing."""

from __future__ import annotations

from pathlib import Path

import click

from wwidw_build import report
from wwidw_build.build import build_all
from wwidw_build.build_report import ProgressPrinter, summary_table
from wwidw_build.cli.options import (
    audience_option,
    command,
    content_option,
    folder_option,
    help_option,
)
from wwidw_build.cli.support import assemble, audiences_named, finish, one_audience
from wwidw_build.diagnostics import has_errors
from wwidw_build.out_lock import OutInUse
from wwidw_build.pages.crawlers import BadSiteUrl, normalise_site_url
from wwidw_build.pipeline import load_and_validate
from wwidw_build.render import MkDocsRenderer
from wwidw_build.serve import watch
from wwidw_build.static_server import StaticServer


def _audiences(name: str, registry) -> list | None:
    """The audiences to build; None for "alle" (every source is read)."""
    return None if name == "alle" else audiences_named(name, registry)


def _in_use(out_dir: Path) -> str:
    """Why a build into ``out_dir`` did not start: another build holds that folder."""
    return (
        f"De map '{out_dir}' is in gebruik door een andere bouw (wwidw build of wwidw serve) die nog "
        "bezig is. Er is niets gebouwd en de map is niet aangeraakt. Wacht tot die bouw klaar is, "
        "of kies met --out een andere map."
    )


def _site_url(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """--site-url, normalised while Click parses the options (so a bad one is a usage error, exit 2)."""
    try:
        return normalise_site_url(value) if value else ""
    except BadSiteUrl as error:
        raise click.BadParameter(str(error)) from None


@command(
    help="Bouw de site voor een of alle publieken (openbaar, partners, per partnerorganisatie)."
)
@content_option
@audience_option("alle", "openbaar, partners, organisatie:<id> of alle.")
@folder_option(
    "--out", "out_dir", Path("site"), "Map waarin elke publieksversie komt (site/<publiek>/)."
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
@help_option
def build(
    sources: list, audience_name: str, out_dir: Path, drafts: bool, quiet: bool, site_url: str
) -> None:
    content, diagnostics, audiences = assemble(
        sources, lambda registry: _audiences(audience_name, registry)
    )
    audiences = audiences or audiences_named(audience_name, content.registry)
    if has_errors(diagnostics):
        click.echo(report.as_text([d for d in diagnostics if d.is_error]), err=True)
        click.echo(
            "De inhoud bevat fouten; er is niets gebouwd en de vorige site is ongewijzigd.",
            err=True,
        )
        finish(1)
    try:
        results = build_all(
            content,
            audiences,
            out_dir,
            renderer=MkDocsRenderer(),
            include_concepts=drafts,
            reporter=None if quiet else ProgressPrinter(),
            site_url=site_url,
        )
    except OutInUse:
        click.echo(_in_use(out_dir), err=True)
        finish(1)
    if not quiet or not all(r.ok for r in results):
        click.echo(summary_table(results), err=not all(r.ok for r in results))
    finish(0 if all(r.ok for r in results) else 1)


@command(
    help="Bekijk één publieksversie in de browser; bij elke wijziging in een lokale bron (zoals content/) "
    "wordt opnieuw gebouwd."
)
@content_option
@audience_option("openbaar", "openbaar, partners of organisatie:<id>.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Poort op localhost.",
)
@folder_option("--out", "out_dir", Path(".voorbeeld"), "Map voor de voorbeeldbouw.")
@click.option("--drafts/--no-drafts", default=True, show_default=True, help="Toon ook concepten.")
@help_option
def serve(sources: list, audience_name: str, port: int, out_dir: Path, drafts: bool) -> None:
    content, _, chosen = assemble(
        sources, lambda registry: [one_audience(audience_name, registry, "voor het voorbeeld")]
    )
    audience = chosen[0]
    readable = list(content.sources)

    def rebuild() -> None:
        fresh, diagnostics = load_and_validate(readable)
        if has_errors(diagnostics):
            click.echo(report.as_text([d for d in diagnostics if d.is_error]), err=True)
            click.echo(
                "Niet opnieuw gebouwd: los eerst de fouten op. Het vorige voorbeeld blijft staan.",
                err=True,
            )
            return
        try:
            results = build_all(
                fresh,
                [audience],
                out_dir,
                renderer=MkDocsRenderer(),
                include_concepts=drafts,
                workers=1,
            )
        except OutInUse:
            click.echo(_in_use(out_dir) + " Het vorige voorbeeld blijft staan.", err=True)
            return
        click.echo(summary_table(results), err=True)

    rebuild()
    server = StaticServer((out_dir / audience.folder).absolute(), port).start()
    click.echo(
        f"Voorbeeld van '{audience.name}' op http://127.0.0.1:{server.port}/ (stoppen: Ctrl+C)",
        err=True,
    )
    try:
        watch([s.root for s in readable if not s.is_git], rebuild)
    except KeyboardInterrupt:
        server.stop()
