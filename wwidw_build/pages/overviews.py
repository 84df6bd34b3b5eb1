"""Overview pages of all praktijken and all archetypen: one paged list per sort order.

Each sort order is its own set of generated pages, so sorting and paging work without JavaScript and
every page stays small at any corpus size: by title at ``<folder>/index.md`` (the folder's own URL),
newest first and most complete first under ``overzicht/<folder>/``. Description pages live at
``<folder>/<id>.md`` and an id never has a double dash, so the continuation pages
(``index--2``) and the ``overzicht/`` folder (no description kind has it) can never meet an id.
The sort switch is a list of plain links; the active one carries ``aria-current="page"``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass

from wwidw_build import urls
from wwidw_build.checks.completeness import completeness
from wwidw_build.numbers import count
from wwidw_build.pages.builders import meta_block, paginate, summary_line
from wwidw_build.pages.escape import attr, esc
from wwidw_build.pages.evidence_view import dutch_date
from wwidw_build.records import Record
from wwidw_build.selection import Selection

OVERVIEW_FOLDER = "overzicht"  # no description kind has this folder (urls.FOLDERS)


@dataclass(frozen=True)
class _Order:
    key: str  # page name part: "" for the folder's own index (by title)
    label: str  # Dutch, in the sort switch
    sort: Callable[[list[Record]], list[Record]]
    fact: Callable[[Record], str]  # what the order is about, after each entry ("" for none)


def _by_title(documents: list[Record]) -> list[Record]:
    return sorted(documents, key=lambda d: (d.titel.lower(), d.id))


def _date(document: Record):
    return getattr(document, "laatst_bijgewerkt", None) or getattr(document, "laatst_herzien", None)


def _by_date(documents: list[Record]) -> list[Record]:
    """Newest first; a description without a date comes last (by title)."""
    dated = [d for d in documents if _date(d)]
    undated = [d for d in documents if not _date(d)]
    dated.sort(key=lambda d: (d.titel.lower(), d.id))
    dated.sort(key=_date, reverse=True)  # stable: same date keeps title order
    return dated + _by_title(undated)


_SCORES: dict[int, tuple[object, int]] = {}  # id(document) -> (document, score); see _score
_MAX_SCORES = 200_000


def _score(document: Record) -> int:
    """The completeness score, computed once per loaded document for every order and audience
    (about 0.25 ms each: twice per praktijk per audience would cost seconds at 10,000). Keyed by
    identity, the document kept with its score so a reused id is never mistaken for it."""
    loaded = document.document
    hit = _SCORES.get(id(loaded))
    if hit is None or hit[0] is not loaded:
        if len(_SCORES) >= _MAX_SCORES:
            _SCORES.clear()
        hit = _SCORES[id(loaded)] = (loaded, completeness(loaded).score)
    return hit[1]


def _by_completeness(documents: list[Record]) -> list[Record]:
    return sorted(_by_title(documents), key=_score, reverse=True)


def _date_fact(document: Record) -> str:
    day = _date(document)
    word = "bijgewerkt" if document.kind == "praktijk" else "herzien"
    return f"{word} {esc(dutch_date(day))}" if day else "datum onbekend"


ORDERS = (
    _Order("", "titel (A–Z)", _by_title, lambda d: ""),
    _Order("nieuwste", "nieuwste eerst", _by_date, _date_fact),
    _Order(
        "volledigheid",
        "meest volledig eerst",
        _by_completeness,
        lambda d: f"volledigheid {_score(d)} / 100",
    ),
)

_KINDS = {
    "praktijk": (
        "Alle praktijken",
        "Lokale projecten, beschreven door de professionals die ze uitvoerden.",
        ("praktijk", "praktijken"),
    ),
    "archetype": (
        "Alle archetypen",
        "Syntheses door experts van veelvoorkomende typen wijkinterventies.",
        ("archetype", "archetypen"),
    ),
}


def overview_page(folder: str, order_key: str, number: int = 1) -> str:
    """The generated page (docs tree path) of page ``number`` of an overview in one sort order."""
    name = urls.continuation_page(order_key or urls.LIST_PAGE, number)
    if not order_key:
        return f"{folder}/{name}.md"
    return f"{OVERVIEW_FOLDER}/{folder}/{name}.md"


def overview_pages(selection: Selection) -> dict[str, str]:
    """Every overview page of this audience's praktijken and archetypen, in every sort order."""
    pages = {}
    for kind, (title, intro, nouns) in _KINDS.items():
        documents = selection.by_kind(kind)
        for order in ORDERS:
            pages.update(_pages(selection, kind, title, intro, nouns, documents, order))
    return pages


def _pages(selection, kind, title, intro, nouns, documents, order: _Order) -> dict[str, str]:
    folder = urls.folder(kind)
    chunks = paginate(order.sort(documents))
    total = count(len(documents), *nouns)
    out = {}
    for number, chunk in enumerate(chunks, 1):
        page = overview_page(folder, order.key, number)
        depth = page.count("/")
        heading = title if number == 1 else f"{title} (pagina {number} van {len(chunks)})"
        lines = [
            meta_block(heading),
            f"# {esc(heading)}",
            "",
            intro,
            "",
            _sort_switch(page, folder, order),
            "",
            f"{total}, gesorteerd op {esc(order.label)}.",
            "",
        ]
        for document in chunk:
            fact = order.fact(document)
            lines.append(summary_line(selection, document, depth) + (f" · {fact}" if fact else ""))
        lines += _paging(page, folder, order, number, len(chunks))
        out[page] = "\n".join(lines) + "\n"
    return out


def _sort_switch(page: str, folder: str, order: _Order) -> str:
    """Plain links to the first page of each sort order; the current order is marked."""
    items = []
    for other in ORDERS:
        current = ' aria-current="page"' if other is order else ""
        href = relative_url(page, overview_page(folder, other.key))
        items.append(f'<li><a href="{attr(href)}"{current}>{esc(other.label)}</a></li>')
    return (
        '<nav class="wwidw-volgorde" aria-label="Sorteren">'
        f'<span class="wwidw-volgorde__label">Sorteren op:</span> <ul>{"".join(items)}</ul></nav>'
    )


def _paging(page: str, folder: str, order: _Order, number: int, total: int) -> list[str]:
    if total == 1:
        return []
    links = []
    if number > 1:
        links.append(_page_link(page, folder, order, number - 1, "← vorige", "prev"))
    if number < total:
        links.append(_page_link(page, folder, order, number + 1, "volgende →", "next"))
    return [
        "",
        '<nav class="wwidw-paginering" aria-label="Pagina\'s">'
        f"Pagina {number} van {total}: {' · '.join(links)}</nav>",
    ]


def _page_link(page, folder, order, number, text, rel) -> str:
    href = relative_url(page, overview_page(folder, order.key, number))
    return f'<a href="{attr(href)}" rel="{rel}">{esc(text)}</a>'


def _output_dir(page: str) -> str:
    """As generate.output_dir: the folder mkdocs writes a page to (use_directory_urls)."""
    stem = page[:-3]
    return posixpath.dirname(stem) if stem == "index" or stem.endswith("/index") else stem


def relative_url(page: str, target: str) -> str:
    """The final relative URL from generated page ``page`` to generated page ``target``."""
    url = posixpath.relpath(_output_dir(target), _output_dir(page) or ".")
    return "./" if url == "." else url + "/"
