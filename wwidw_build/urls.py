"""Addresses of descriptions: the folder per kind, the generated page and its URL in the built site.

A description's page is ``<folder>/<id>.md`` in the generated docs tree and ``<folder>/<id>/`` in the
site (mkdocs ``use_directory_urls``); the folder is the same as its content folder (model.KINDS).
"""

from __future__ import annotations

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
