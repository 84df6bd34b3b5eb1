"""Click plumbing for a Dutch command line (with click_nl): usage lines, audiences, exit codes."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from wwidw_build import assembly, report
from wwidw_build.audience import UnknownAudience, all_audiences, parse_audience
from wwidw_build.cli import click_nl
from wwidw_build.safe_text import guard_lines
from wwidw_build.source_fetch import SourceUnavailable

click_nl.install()  # before any command or option is declared: Click names path types when they are made


class DutchCommand(click.Command):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", click_nl.USAGE_OPTIONS)
        super().__init__(*args, **kwargs)


class DutchGroup(click.Group):
    command_class = DutchCommand

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", click_nl.USAGE_OPTIONS)
        kwargs.setdefault("subcommand_metavar", click_nl.USAGE_SUBCOMMAND)
        super().__init__(*args, **kwargs)


def audiences_named(name: str, registry) -> list:
    """The audiences an --audience value names ("alle": every audience); a usage error otherwise."""
    if name == "alle":
        return all_audiences(registry)
    try:
        return [parse_audience(name, registry)]
    except UnknownAudience:
        partners = ", ".join(f"organisatie:{a.organisation}" for a in all_audiences(registry)[2:])
        raise click.UsageError(
            f"Onbekend publiek '{name}'. Kies openbaar, partners, alle of een partnerorganisatie: {partners}."
        ) from None


def one_audience(name: str, registry, purpose: str):
    """The one audience an --audience value names; "alle" is a usage error (``purpose``: Dutch)."""
    if name == "alle":
        raise click.UsageError(f"Kies één publiek {purpose}, bijvoorbeeld --audience openbaar.")
    return audiences_named(name, registry)[0]


def named_source(sources: list, name: str):
    """The source ``--source NAME`` names; a usage error listing the known ones otherwise."""
    found = [s for s in sources if s.name == name]
    if not found:
        known = ", ".join(s.name for s in sources)
        raise click.UsageError(f"Onbekende bron '{name}'. Kies uit: {known}.")
    return found[0]


def finish(code: int) -> None:
    """End the command with an exit code (0 clean, 1 errors); click turns it into the process's."""
    click.get_current_context().exit(code)


def require_content_dir(content_dir: Path) -> None:
    if not content_dir.is_dir():
        raise click.UsageError(
            f"De map '{content_dir}' bestaat niet. Geef een inhoudsmap op met --content."
        )


def configured_sources(content_dir: Path | None, sources_file: Path | None) -> list:
    """The sources --content or --sources name (one of them; --content content by default). A
    bronnen.yml with errors ends the command with its diagnostics (exit 1)."""
    if content_dir is not None and sources_file is not None:
        raise click.UsageError("Gebruik --content of --sources, niet allebei.")
    if sources_file is None:
        require_content_dir(content_dir or Path("content"))
    else:
        if not sources_file.is_file():
            raise click.UsageError(f"Het bronnenbestand '{sources_file}' bestaat niet.")
    try:
        return assembly.configured(content_dir, sources_file)
    except assembly.BadSourcesFile as error:
        click.echo(report.as_text(error.args[0]), err=True)
        click.echo("Het bronnenbestand bevat fouten; er is niets gedaan.", err=True)
        finish(1)
        raise AssertionError("unreachable") from None


def assemble(sources: list, choose) -> tuple:
    """assembly.assemble for a command: an unreadable source ends it with a Dutch message, exit 2."""
    return _or_exit(assembly.assemble, sources, choose)


def readable_sources(sources: list, choose) -> tuple:
    """assembly.readable for a command (resolved sources, registry, audiences); exit 2 as above."""
    return _or_exit(assembly.readable, sources, choose)


def _or_exit(step, sources: list, choose) -> tuple:
    try:
        return step(sources, choose)
    except SourceUnavailable as error:
        click.echo(guard_lines(f"Fout: {error}"), err=True)
        click.echo(
            "Er is niets gebouwd of geschreven; een eerder gebouwde site is ongewijzigd.", err=True
        )
        finish(2)
        raise AssertionError("unreachable") from None


def run(group: click.Group, args=None) -> int:
    """Run the group and map outcomes to exit codes: 0 clean, 1 errors, 2 usage."""
    try:
        result = group.main(args=args, standalone_mode=False)
    except click.UsageError as error:
        if error.ctx is not None:
            click.echo(error.ctx.get_usage(), err=True)
        click.echo(guard_lines(f"Fout: {error.format_message()}"), err=True)  # Dutch: click_nl
        click.echo("Gebruik --help voor uitleg.", err=True)
        return 2
    except click.exceptions.Abort:
        click.echo("\nAfgebroken.", err=True)
        return 1
    except click.exceptions.Exit as exit_:
        return exit_.exit_code
    except click.ClickException as error:
        click.echo(guard_lines(f"Fout: {error.format_message()}"), err=True)
        return error.exit_code
    return result if isinstance(result, int) else 0


def exit_with(code: int) -> None:
    sys.stdout.flush()
    sys.exit(code)
