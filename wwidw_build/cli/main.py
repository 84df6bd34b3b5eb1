"""The `wwidw` commands: a thin click layer over the pipeline, which returns data and diagnostics.

This package (with cli/support.py) prints the results and messages and picks the exit codes. Two other
places write to the terminal, both on the CLI's behalf: the `new` wizard's prompts
(authoring/wizard.py) and the build's progress lines on stderr (build_report.ProgressPrinter, the
reporter `build` hands to build_all). Command and option names are English; every help text, prompt
and message is Dutch (tests/test_cli_names.py).
"""

from __future__ import annotations

import click

from wwidw_build.cli.building import build, serve
from wwidw_build.cli.checking import search_command, validate
from wwidw_build.cli.maintaining import maintenance_command
from wwidw_build.cli.moving import move
from wwidw_build.cli.options import help_option
from wwidw_build.cli.repositories import source
from wwidw_build.cli.reviewing import review
from wwidw_build.cli.support import DutchGroup, exit_with, run
from wwidw_build.cli.writing import form, new


@click.group(
    cls=DutchGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Wat Werkt in de Wijk: beschrijvingen controleren, aanmaken en publiceren.",
)
@click.version_option(
    package_name="wwidw", message="wwidw %(version)s", help="Toon de versie en stop."
)
@help_option
def cli() -> None:
    pass


for _command in (
    validate,
    new,
    build,
    serve,
    search_command,
    review,
    maintenance_command,
    form,
    move,
    source,
):
    cli.add_command(_command)


def main(args=None) -> None:
    exit_with(run(cli, args))
