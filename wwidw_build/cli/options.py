"""The options several commands share, declared once; every help text Dutch."""

from __future__ import annotations

from pathlib import Path

import click

from wwidw_build.cli.support import DutchCommand


def command(*args, **kwargs):
    """``click.command`` with Dutch usage lines (commands are declared apart from the group)."""
    return click.command(*args, cls=DutchCommand, **kwargs)


help_option = click.help_option("-h", "--help", help="Toon deze hulp en stop.")


def audience_option(default: str, help: str):  # noqa: A002 - click's own parameter name
    """The shared --audience option (an audience name, checked by the command)."""
    return click.option(
        "--audience", "audience_name", default=default, show_default=True, help=help
    )


def folder_option(name: str, dest: str, default: Path, help: str):  # noqa: A002
    """An option naming a folder (it need not exist yet), with its default shown."""
    return click.option(
        name,
        dest,
        type=click.Path(path_type=Path, file_okay=False),
        default=default,
        show_default=True,
        help=help,
    )


content_option = folder_option(
    "--content",
    "content_dir",
    Path("content"),
    "Map met de beschrijvingen, het register en de taxonomieën.",
)
