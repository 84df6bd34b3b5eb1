"""Exports per audience: data/beschrijvingen.json (+ its schema), data/beschrijvingen.csv and feed.xml.

Every export is computed from ``selection.visible`` alone (DESIGN.md section 3): the hidden part of
the selection is never read here, so an export cannot leak what the audience may not see. The
post-build audit scans these files like every other output file.
"""

from __future__ import annotations

from pathlib import Path

from wwidw_build.exports.as_atom import write_feed
from wwidw_build.exports.as_csv import write_csv
from wwidw_build.exports.as_json import records, write_json
from wwidw_build.selection import Selection


def write_exports(selection: Selection, site: Path, site_url: str = "") -> None:
    """Write the JSON and CSV exports under <site>/data/ and the Atom feed at <site>/feed.xml.

    ``site_url`` is the public base address for the feed's links; empty keeps them relative.
    """
    site = Path(site)
    items = records(selection)
    data = site / "data"
    data.mkdir(parents=True, exist_ok=True)
    write_json(selection, items, data)
    write_csv(items, data / "beschrijvingen.csv")
    write_feed(selection, site / "feed.xml", site_url)
