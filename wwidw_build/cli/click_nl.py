"""Dutch for Click's own messages (help headings, usage errors, path checks).

Click marks its messages for gettext but ships no translations, and it binds ``gettext.gettext`` and
``ngettext`` into its modules at import time, so a catalog installed through the gettext machinery would
only apply when the reader's locale says Dutch. ``install()`` points those module-level names at this
catalog instead, and gives Click's value types Dutch names. A message that is not in the catalog stays
as Click wrote it (tests/test_click_nl.py checks that every message here still exists in the installed
Click, and that no help text shows an English Click fragment).
"""

from __future__ import annotations

import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.termui
import click.types

MESSAGES = {
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Positional arguments": "Argumenten",
    "default: {default}": "standaard: {default}",
    "required": "verplicht",
    "env var: {var}": "omgevingsvariabele: {var}",
    "(dynamic)": "(wisselend)",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Show the version and exit.": "Toon de versie en stop.",
    "%(prog)s, version %(version)s": "%(prog)s, versie %(version)s",
    "Aborted!": "Afgebroken.",
    "Missing command.": "Geef een opdracht op.",
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Gebruik '{command} {option}' voor uitleg.",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Missing argument": "Er ontbreekt een argument",
    "Missing option": "Er ontbreekt een optie",
    "Missing parameter": "Er ontbreekt een waarde",
    "Missing {param_type}": "Er ontbreekt een {param_type}",
    "Missing parameter: {param_name}": "Er ontbreekt een waarde: {param_name}",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "No such command {name!r}.": "Onbekende opdracht {name!r}.",
    "Could not open file {filename!r}: {message}": "Kan bestand {filename!r} niet openen: {message}",
    "unknown error": "onbekende fout",
    "Value must be an iterable.": "De waarde moet een reeks zijn.",
    "file": "bestand",  # a path type's name: its metavar in the help (upper case), title case in errors
    "directory": "map",
    "path": "pad",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} is niet leesbaar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} is niet schrijfbaar.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} is niet uitvoerbaar.",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig {number_type}.",
    "{value} is not in the range {range}.": "{value} ligt niet in het bereik {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} is geen geldige "
    "ja/nee-waarde. Mogelijk: {states}",
    "{value!r} is not a valid UUID.": "{value!r} is geen geldige UUID.",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "Option {name!r} does not take a value.": "Optie {name!r} neemt geen waarde.",
    "Argument {name!r} takes {nargs} values.": "Argument {name!r} vraagt {nargs} waarden.",
}
# (singular, plural) -> (Dutch singular, Dutch plural)
PLURALS = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "Onverwacht extra argument ({args})",
        "Onverwachte extra argumenten ({args})",
    ),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "Bedoelt u {possibility}?",
        "(Bedoelt u een van: {possibilities}?)",
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "{value!r} is niet {choice}.",
        "{value!r} is niet een van {choices}.",
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "Optie {name!r} vraagt een waarde.",
        "Optie {name!r} vraagt {nargs} waarden.",
    ),
    (
        "{value!r} does not match the format {format}.",
        "{value!r} does not match the formats {formats}.",
    ): (
        "{value!r} past niet bij het formaat {format}.",
        "{value!r} past niet bij de formaten {formats}.",
    ),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."): (
        "Vraagt {nargs} waarden, maar er is 1 gegeven.",
        "Vraagt {nargs} waarden, maar er zijn {len} gegeven.",
    ),
}
# Type names: Click shows them upper case as a value's placeholder in the help (``--limit GETAL``)
# and in errors ("'x' is geen geldig getal."); they are class attributes, not messages.
TYPE_NAMES = {
    click.types.StringParamType: "tekst",
    click.types.IntParamType: "getal",
    click.types.IntRange: "getal",
    click.types.FloatParamType: "kommagetal",
    click.types.FloatRange: "kommagetal",
    click.types.BoolParamType: "ja/nee",
}
MODULES = (
    click.core,
    click.decorators,
    click.exceptions,
    click.formatting,
    click.parser,
    click.termui,  # the prompts of `wwidw new`: "Error: …" after an invalid answer
    click.types,
)
USAGE_OPTIONS = "[OPTIES]"  # Click's "[OPTIONS]" in a usage line
USAGE_SUBCOMMAND = "OPDRACHT [ARGUMENTEN]..."  # Click's "COMMAND [ARGS]..."


def gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    dutch = PLURALS.get((singular, plural))
    if dutch is None:
        return singular if n == 1 else plural
    return dutch[0] if n == 1 else dutch[1]


def install() -> None:
    """Make Click speak Dutch in this process (idempotent)."""
    for type_, name in TYPE_NAMES.items():
        type_.name = name
    for module in MODULES:
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext
