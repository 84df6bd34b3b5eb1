"""The taxonomy's synonyms of a description: other Dutch words for its themes and intended effects.

Both searches index them with the description, so both find it by the same words: the lunr index of
``wwidw search`` in the ``trefwoorden`` field (search/index.py), and Pagefind on the site through a
hidden meta field of the page (search/site.py). They are taxonomy (content/taxonomie/), public like
the names of the themes and effects, never a contributor's text.
"""

from __future__ import annotations

from collections.abc import Iterable

from wwidw_build.model import Registry


def synonyms(registry: Registry, themes: Iterable, effects: Iterable) -> list[str]:
    """The synonyms of these themes and effects (ids; unknown ones and non-strings skipped), unique,
    themes first, in the order of the description and then of the taxonomy."""
    found: list[str] = []
    for ids, table in ((themes, registry.themas), (effects, registry.effecten)):
        for item in ids if isinstance(ids, (list, tuple)) else ():
            if isinstance(item, str) and item in table:
                found.extend(table[item].synoniemen)
    return list(dict.fromkeys(found))
