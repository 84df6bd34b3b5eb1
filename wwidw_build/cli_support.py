"""Click plumbing for a Dutch command line: help headings, usage errors and shared options."""

from __future__ import annotations

import sys
from pathlib import Path

import click

_HEADINGS = {"Options": "Opties", "Commands": "Opdrachten", "Arguments": "Argumenten"}


class DutchFormatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix="Gebruik: ")

    def write_heading(self, heading: str) -> None:
        super().write_heading(_HEADINGS.get(heading, heading))


class DutchContext(click.Context):
    formatter_class = DutchFormatter


class DutchCommand(click.Command):
    context_class = DutchContext


class DutchGroup(click.Group):
    context_class = DutchContext
    command_class = DutchCommand


def content_option(function):
    """The shared --content option: the folder with descriptions (default content/)."""
    return click.option("--content", "content_dir", type=click.Path(path_type=Path, file_okay=False),
                        default=Path("content"), show_default=True,
                        help="Map met de beschrijvingen, het register en de taxonomieën.")(function)


def require_content_dir(content_dir: Path) -> None:
    if not content_dir.is_dir():
        raise click.UsageError(f"De map '{content_dir}' bestaat niet. Geef een inhoudsmap op met --content.")


def usage_error_text(error: click.UsageError) -> str:
    if isinstance(error, click.NoSuchOption):
        return f"Onbekende optie: {error.option_name}"
    if isinstance(error, click.MissingParameter):
        return f"Er ontbreekt een waarde: {error.param.get_error_hint(error.ctx) if error.param else ''}"
    if isinstance(error, click.BadParameter):
        hint = error.param.get_error_hint(error.ctx) if error.param and error.ctx else ""
        return f"Ongeldige waarde voor {hint}: {error.message}"
    return error.format_message()


def run(group: click.Group, args=None) -> int:
    """Run the group and map outcomes to exit codes: 0 clean, 1 errors, 2 usage."""
    try:
        result = group.main(args=args, standalone_mode=False)
    except click.UsageError as error:
        if error.ctx is not None:
            click.echo(error.ctx.get_usage(), err=True)
        click.echo(f"Fout: {usage_error_text(error)}", err=True)
        click.echo("Gebruik --help voor uitleg.", err=True)
        return 2
    except click.exceptions.Abort:
        click.echo("\nAfgebroken.", err=True)
        return 1
    except click.exceptions.Exit as exit_:
        return exit_.exit_code
    except click.ClickException as error:
        click.echo(f"Fout: {error.format_message()}", err=True)
        return error.exit_code
    return result if isinstance(result, int) else 0


def exit_with(code: int) -> None:
    sys.stdout.flush()
    sys.exit(code)
