"""Addresses of descriptions: the folder per kind, the generated page and its URL in the built site.

A description's page is ``<folder>/<id>.md`` in the generated docs tree and ``<folder>/<id>/`` in the
site (mkdocs ``use_directory_urls``); the folder is the same as its content folder (model.KINDS).

Page names within a folder come from three places that must never meet: ids (``[a-z0-9]+(-[a-z0-9]+)*``,
the reserved names refused by validation), names made from free text (``page_name``: the same
alphabet, reserved names moved aside) and the pages we add ourselves: the folder's list page
``index`` and the continuation pages ``<name>--2``, ``<name>--3``, ... (a double dash, which neither
an id nor a page name has).
"""

from __future__ import annotations

import re

from wwidw_build.model import KINDS

FOLDERS = tuple(KINDS.values())  # the site folders that hold description pages
_FOLDER = {**KINDS, **{name: name for name in FOLDERS}}


def folder(kind: str) -> str:
    """The folder of a kind of description ('praktijk' -> 'praktijken'); a folder name stays itself.
    Anything else is a KeyError."""
    return _FOLDER[kind]


def page_file(kind: str, doc_id: str) -> str:
    """The generated Markdown page of a description, relative to the docs tree."""
    return f"{folder(kind)}/{doc_id}.md"


def page_url(kind: str, doc_id: str) -> str:
    """The description's page, relative to the site root."""
    return f"{folder(kind)}/{doc_id}/"


LIST_PAGE = "index"  # <folder>/index.md: every folder's list page (the folder's own URL)
RESERVED_PAGES = frozenset({LIST_PAGE})  # page names only we may use, in any folder


def page_name(text: str) -> str:
    """The page of a free-text value (a gemeente): lowercase ASCII letters and digits in groups
    joined by one '-', never a reserved name ("Index", "INDEX" and "index!" get 'index-1')."""
    name = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "onbekend"
    return f"{name}-1" if name in RESERVED_PAGES else name


def continuation_page(name: str, number: int) -> str:
    """Page ``number`` (2, 3, ...) of a list split over pages: a name no id or page name can have."""
    return name if number == 1 else f"{name}--{number}"
