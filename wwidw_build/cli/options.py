"""The options several commands share, declared once; every help text Dutch."""

from __future__ import annotations

import functools
from pathlib import Path

import click

from wwidw_build.cli.support import DutchCommand, configured_sources


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


def content_option(function):
    """``--content DIR`` (the one public source) or ``--sources FILE`` (bronnen.yml); the command
    receives ``sources``, the configured list (not yet resolved: see support.assemble)."""

    @click.option(
        "--sources",
        "sources_file",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help="Bronnenbestand (bronnen.yml) met de openbare bron en de privébronnen.",
    )
    @click.option(
        "--content",
        "content_dir",
        type=click.Path(path_type=Path, file_okay=False),
        default=None,
        help="Alleen de openbare bron: de map met de beschrijvingen, het register en de "
        "taxonomieën (standaard: content).",
    )
    @functools.wraps(function)
    def with_sources(*args, content_dir: Path | None, sources_file: Path | None, **kwargs):
        return function(*args, sources=configured_sources(content_dir, sources_file), **kwargs)

    return with_sources
