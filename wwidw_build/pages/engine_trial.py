"""A trial of mkdocs' own Markdown on the contributor text a page holds outside the body's HTML.

The page builders write contributor strings escaped (``escape.esc``: every character but letters,
digits and spaces becomes an entity), so mkdocs' Markdown finds nothing in them but entities; it
still handles every entity of one text run as a separate inline match, in time superlinear in the
run's length (100,000 characters: minutes). Those runs are the section headings of the body and the
front matter's strings (one field's strings can share a run: a list joined in one table cell).

``try_text`` converts a long run with the engine's own Markdown (the base mkdocs.yml's extensions),
to be called inside ``render_bound``'s limits; runs up to ``TRIAL_FROM`` characters are skipped: made
of letters, digits, spaces and entities only, they take milliseconds at that length.
"""

from __future__ import annotations

import markdown
import yaml

from wwidw_build.pages.escape import esc
from wwidw_build.resources import BASE_CONFIG

TRIAL_FROM = 1000  # characters of escaped Markdown
_ENGINE: list[markdown.Markdown] = []


def engine() -> markdown.Markdown:
    """Python-Markdown as mkdocs sets it up for a page: the base config's markdown_extensions."""
    if not _ENGINE:
        names, configs = [], {}
        for entry in yaml.safe_load(BASE_CONFIG.read_text("utf-8")).get("markdown_extensions", []):
            name, config = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
            names.append(name)
            configs[name] = config or {}
        _ENGINE.append(markdown.Markdown(extensions=names, extension_configs=configs))
    return _ENGINE[0]


def try_text(text: str) -> None:
    """Let the engine's Markdown convert ``text`` when it is long enough to matter."""
    if len(text) > TRIAL_FROM:
        engine().reset().convert(text)


def field_texts(meta) -> list[tuple[str, str]]:
    """Per front matter field, all its strings (and numbers) joined and escaped: an upper bound on
    any text run the page builders make from that field."""
    if not isinstance(meta, dict):
        return []
    return [(str(key), esc(", ".join(_strings(value)))) for key, value in meta.items()]


def _strings(value) -> list[str]:
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    return [] if value is None else [str(value)]
