"""One rule for the command line: command, option and argument names are English, help is Dutch.

The allow-list below is the reviewed set of names. A new command, option or argument fails this test
until its name is added here, which is the moment to check that it is English (as in git and mkdocs:
`--out`, `--quiet`, `--drafts`). Choice values such as `praktijk` or `openbaar` are content vocabulary
and stay Dutch; they are not names and are not checked here.
"""

import click
import pytest

from wwidw_build.cli.main import cli

COMMANDS = {
    "build",
    "form",
    "maintenance",
    "move",
    "new",
    "review",
    "search",
    "serve",
    "source",
    "validate",
}
SUBCOMMANDS = {"source new"}  # the commands of a command group, as "group command"
OPTIONS = {
    "--audience",
    "--author",
    "--base",
    "--compare",
    "--contact-email",
    "--contact-name",
    "--contact-private",
    "--contact-public",
    "--content",
    "--cost-per-participant",
    "--cost-total",
    "--design",
    "--drafts",
    "--effect",
    "--end-year",
    "--engine-ref",
    "--engine-url",
    "--evaluation",
    "--evaluator",
    "--evidence-level",
    "--format",
    "--funding",
    "--help",
    "--id",
    "--ingredient",
    "--interactive",
    "--limit",
    "--make-public",
    "--municipality",
    "--neighbourhood",
    "--no-drafts",
    "--no-interactive",
    "--organisation",
    "--out",
    "--partners-url",
    "--port",
    "--quiet",
    "--reach",
    "--reach-unit",
    "--result",
    "--site-url",
    "--source",
    "--sources",
    "--start-year",
    "--stats",
    "--status",
    "--summary",
    "--target-group",
    "--theme",
    "--tier",
    "--title",
    "--to",
    "--today",
    "--unintended-effect",
    "--version",
    "--visibility",
    "-h",
}
ARGUMENTS = {
    "DIR",
    "ID",
    "ISSUE-BODY",
    "KIND",
    "WORDS",
}  # as the usage line and the errors name them
# The Dutch names the CLI had before the rule; none may come back.
FORMER_DUTCH = {
    "zoek",
    "formulier",
    "--uitvoer",
    "--vergelijk",
    "--titel",
    "--samenvatting",
    "--organisatie",
    "--bestanddeel",
    "--gemeente",
    "--wijk",
    "--startjaar",
    "--eindjaar",
    "--projectstatus",
    "--bewijsniveau",
    "--thema",
    "--doelgroep",
    "--zichtbaarheid",
    "--contact-naam",
    "--contact-openbaar",
    "--contact-niet-openbaar",
    "--auteur",
    "--interactief",
    "--niet-interactief",
    "--concepten",
    "--zonder-concepten",
    "--stil",
    "--poort",
    "--aantal",
    "ISSUE-TEKST",
    "WOORDEN",
    "SOORT",
}


def option_names(command: click.Command) -> set[str]:
    return {
        name
        for param in command.params
        if isinstance(param, click.Option)
        for name in (*param.opts, *param.secondary_opts)
    }


def argument_names(command: click.Command) -> set[str]:
    # Click names an argument by its metavar, or its parameter name in upper case (the usage line
    # shows a choice as {a|b}, but errors and the code use the name).
    return {
        (param.metavar or param.name).upper().replace("_", "-")
        for param in command.params
        if isinstance(param, click.Argument)
    }


def all_commands() -> dict[str, click.Command]:
    """Every command by its name as typed: "build", and a group's commands as "source new"."""
    found = {}
    for name, command in cli.commands.items():
        found[name] = command
        if isinstance(command, click.Group):
            found |= {f"{name} {sub}": c for sub, c in command.commands.items()}
    return found


def test_every_command_name_is_on_the_english_list():
    assert set(cli.commands) - COMMANDS == set()
    assert set(all_commands()) - set(cli.commands) == SUBCOMMANDS


@pytest.mark.parametrize("name", sorted(COMMANDS | SUBCOMMANDS))
def test_every_option_and_argument_name_is_on_the_english_list(name):
    command = all_commands()[name]
    assert option_names(command) - OPTIONS == set(), "add an English name to OPTIONS, or rename it"
    assert argument_names(command) - ARGUMENTS == set(), "add an English name to ARGUMENTS"


def test_the_group_options_are_on_the_list():
    assert option_names(cli) - OPTIONS == set()


def test_the_lists_hold_no_former_dutch_name_and_nothing_unused():
    assert not (COMMANDS | OPTIONS | ARGUMENTS) & FORMER_DUTCH
    used_options = option_names(cli).union(*(option_names(c) for c in all_commands().values()))
    used_arguments = set().union(*(argument_names(c) for c in all_commands().values()))
    assert (set(cli.commands), used_options, used_arguments) == (COMMANDS, OPTIONS, ARGUMENTS)


def test_a_dutch_option_would_be_caught():
    @click.command()
    @click.option("--aantal", type=int)
    @click.argument("woorden", nargs=-1)
    def example(aantal, woorden):
        pass

    assert option_names(example) - OPTIONS == {"--aantal"}
    assert argument_names(example) - ARGUMENTS == {"WOORDEN"}
