"""The wizard's Dutch questions: pick from a numbered list, yes or no, free text, a number.

Only ``click.prompt`` with Dutch text and no English defaults: ``click.confirm`` would show "[y/N]"
and accept only y/n, so yes/no questions take "j"/"ja" and "n"/"nee" here.
"""

from __future__ import annotations

from collections.abc import Callable

import click

YES = frozenset({"j", "ja", "y", "yes"})
NO = frozenset({"n", "nee", "no"})


def show(options: dict[str, str]) -> None:
    for number, key in enumerate(options, 1):
        label = options[key]  # "Gerandomiseerd experiment (rct)" names its id already
        click.echo(f"  {number:>2}. {label if label.endswith(f'({key})') else f'{label} ({key})'}")


def parse_choices(raw: str, keys: list[str]) -> list[str] | None:
    """Numbers or ids, separated by commas; None when one is not on the list."""
    chosen = []
    for part in filter(None, (p.strip() for p in raw.split(","))):
        if part.isdigit() and 1 <= int(part) <= len(keys):
            part = keys[int(part) - 1]
        if part not in keys:
            return None
        if part not in chosen:
            chosen.append(part)
    return chosen


def choose_many(label: str, options: dict[str, str], minimum: int) -> list[str]:
    keys = list(options)
    show(options)
    while True:
        raw = click.prompt(
            f"{label} (nummers of id's, gescheiden door komma's)",
            default="" if not minimum else None,
            show_default=False,
        )
        chosen = parse_choices(raw, keys)
        if chosen is not None and len(chosen) >= minimum:
            return chosen
        click.echo(f"  Kies minstens {minimum} uit de lijst, bijvoorbeeld: 1, 3")


def choose_one(
    label: str,
    options: dict[str, str],
    empty: str | None = None,
    allowed: Callable[[str], str | None] | None = None,
) -> str:
    """One key of ``options``, by number or id. With ``empty`` (what leaving it empty means) the
    answer may be empty (""). ``allowed`` returns a Dutch objection to a key, or None."""
    keys = list(options)
    show(options)
    suffix = f"nummer of id; leeg = {empty}" if empty else "nummer of id"
    while True:
        raw = click.prompt(
            f"{label} ({suffix})", default="" if empty else None, show_default=False
        ).strip()
        if not raw and empty:
            return ""
        chosen = parse_choices(raw, keys)
        if not chosen or len(chosen) != 1:
            click.echo("  Kies één nummer of id uit de lijst.")
            continue
        objection = allowed(chosen[0]) if allowed else None
        if objection is None:
            return chosen[0]
        click.echo(f"  {objection}")


def yes_no(label: str, default: bool = False) -> bool:
    while True:
        raw = click.prompt(
            f"{label} (j/n)", default="j" if default else "n", show_default=True
        ).strip()
        if raw.lower() in YES:
            return True
        if raw.lower() in NO:
            return False
        click.echo("  Antwoord met j (ja) of n (nee).")


def text(label: str, optional: bool = False) -> str:
    """Free text on one line, single spaces; with ``optional`` it may be empty."""
    if optional:
        return " ".join(click.prompt(label, default="", show_default=False).split())
    return " ".join(click.prompt(label).split())


def number(label: str, parse: Callable[[str], object]):
    """An optional number read by ``parse`` (ValueError with a Dutch message: asked again);
    None when left empty."""
    while True:
        raw = click.prompt(label, default="", show_default=False).strip()
        if not raw:
            return None
        try:
            return parse(raw)
        except ValueError as error:
            click.echo(f"  {error}")
