"""Exports per audience: data/beschrijvingen.json, data/beschrijvingen.csv and an Atom feed."""

from __future__ import annotations

from pathlib import Path

from wwidw_build.selection import Selection


def write_exports(selection: Selection, site: Path) -> None:
    """Placeholder until the exports are built; writes nothing yet."""
    return None
