"""The site's own text (its chrome): what a page can say whatever the content.

A hidden description's string that the chrome also contains proves nothing when the leak audit finds
it, so the audit leaves such strings out of its fingerprints (fingerprints.py). The chrome is the
engine's Python modules (their string literals hold the labels, headings and page texts), the JSON Schemas
(field names and enumerations), the base mkdocs configuration, the theme overrides and the
mkdocs-material templates, scripts and styles (its Dutch interface text lives there). All of it ships
with the engine, none of it with the content; it is read once per process.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from wwidw_build import resources

PACKAGE = Path(__file__).resolve().parent
_SUFFIXES = {".py", ".html", ".js", ".css", ".yml", ".json"}


@functools.cache
def chrome_texts() -> tuple[str, ...]:
    """The chrome, one text per file."""
    folders = (PACKAGE, resources.SCHEMAS, resources.THEME, *_material_templates())
    texts = [_read(path) for folder in folders for path in _files(folder)]
    texts.append(_read(resources.BASE_CONFIG))
    return tuple(text for text in texts if text)


def _material_templates() -> list[Path]:
    try:
        import material
    except ImportError:  # pragma: no cover - mkdocs-material is a dependency
        return []
    return [Path(material.__file__).resolve().parent / "templates"]


def _files(folder: Path) -> list[Path]:
    """The text files of a folder, without icon sets (thousands of files named, not worded)."""
    found = []
    for directory, subfolders, names in os.walk(folder):
        subfolders[:] = sorted(d for d in subfolders if d not in (".icons", "__pycache__"))
        found += [Path(directory) / n for n in sorted(names) if Path(n).suffix in _SUFFIXES]
    return found


def _read(path: Path) -> str:
    try:
        return path.read_text("utf-8", errors="replace")
    except OSError:
        return ""
