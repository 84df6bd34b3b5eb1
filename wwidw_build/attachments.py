"""Attachments (``bijlagen/`` of each source): who owns them, who may read them, and their copy.

An attachment is a file in a source's ``bijlagen/``; it belongs to every description of that source
that refers to it. A description refers to a file when its body, read as written and with HTML
entities and Markdown escapes decoded, contains ``/<name>``: every link the renderer can make to the
file (Markdown link or image, reference definition, raw HTML in any spelling) has that form, and a
mere mention counts too, so no way of writing a link escapes ownership. Nothing else is declared.

The readers of an attachment are those who may see every owner (``audience.may_see``, the one
visibility rule): validate refuses a description that refers to an attachment of a less public one
(checks/rules.py ``attachment_owners``), the build copies an attachment only for an audience that
sees all its owners, and the leak audit takes every attachment of a hidden description as hidden.
"""

from __future__ import annotations

import functools
import hashlib
import html
import re
import shutil
from pathlib import Path
from typing import NamedTuple

from wwidw_build.audience import Audience, all_audiences, may_see

FOLDER = "bijlagen"
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def attachment_files(root: Path) -> frozenset[str]:
    """Every name in ``root``/bijlagen/ (whatever it is: a reference to any of them counts)."""
    try:
        return frozenset(p.name for p in (root / FOLDER).iterdir())
    except OSError:
        return frozenset()


def referred_names(document, names: frozenset[str] | None = None) -> frozenset[str]:
    """The names in its source's bijlagen/ that the description's body refers to. ``names``: that
    folder's listing (``attachment_files``) when the caller has it already."""
    names = attachment_files(document.root) if names is None else names
    body = document.body
    if not names or (FOLDER not in body and "&" not in body):
        return frozenset()  # only an entity can spell the folder's letters otherwise
    index = _index(names)
    found = set()
    for text in _decodings(body):
        if (
            FOLDER not in text
        ):  # a link into bijlagen/ names the folder (Markdown cannot escape letters)
            continue
        slash = text.find("/")
        while slash != -1:
            start = slash + 1
            for key in {
                text[start : start + _KEY],
                *(text[start : start + n] for n in index.short),
            }:
                for length, group in index.groups.get(key, ()):
                    if text[start : start + length] in group:
                        found.add(text[start : start + length])
            slash = text.find("/", start)
    return frozenset(found)


_KEY = 4  # names are looked up by (at most) their first _KEY characters after a '/'


class _Index(NamedTuple):
    groups: dict  # first _KEY characters (or a whole shorter name) -> ((length, names), ...)
    short: tuple  # the lengths of the names shorter than _KEY


@functools.lru_cache(maxsize=64)
def _index(names: frozenset[str]) -> _Index:
    """A folder's names by their first _KEY characters (a shorter name by itself), each key's names
    grouped by length: one lookup per length after a '/', however many names share a start."""
    groups: dict[str, dict[int, set[str]]] = {}
    for name in names:
        groups.setdefault(name[:_KEY], {}).setdefault(len(name), set()).add(name)
    return _Index(
        {
            key: tuple((length, frozenset(group)) for length, group in sorted(by_length.items()))
            for key, by_length in groups.items()
        },
        tuple(sorted({len(name) for name in names if len(name) < _KEY})),
    )


def _decodings(body: str) -> set[str]:
    """The body as written and as each decoder (HTML entities, Markdown escapes, both) reads it."""
    entities = html.unescape(body)
    escapes = _MARKDOWN_ESCAPE.sub(r"\1", body)
    return {
        body,
        entities,
        escapes,
        html.unescape(escapes),
        _MARKDOWN_ESCAPE.sub(r"\1", entities),
    }


def owners(documents) -> dict[tuple[Path, str], list]:
    """Per attachment, as (source folder, name): the given descriptions that refer to it."""
    listings: dict[Path, frozenset[str]] = {}
    found: dict[tuple[Path, str], list] = {}
    for document in documents:
        root = document.root
        if root not in listings:
            listings[root] = attachment_files(root)
        for name in sorted(referred_names(document, listings[root])):
            found.setdefault((root, name), []).append(document)
    return found


def readers(document, registry, audiences: list[Audience] | None = None) -> frozenset:
    """Who may see the description, as (audience name, drafts shown) pairs, by ``may_see``."""
    audiences = all_audiences(registry) if audiences is None else audiences
    return frozenset(
        (audience.name, concepts)
        for audience in audiences
        for concepts in (False, True)
        if may_see(audience, document, registry, include_concepts=concepts)
    )


def attachment_names(bodies: dict, document) -> frozenset[str]:
    """Attachment names of a description: what its rendered body (``bodies``) links to, or (not
    rendered: hidden from every audience being built) what its body refers to. Each source has its
    own bijlagen/."""
    body = bodies.get((document.kind, document.id))
    if body is not None:
        return body.attachments
    return referred_names(document)


class Seen(tuple):
    """The descriptions an audience sees, carrying those it does not see (``hidden``): all that
    ``copy_attachments`` needs, in its three-argument call."""

    hidden: tuple = ()

    def __new__(cls, visible, hidden=()):
        seen = super().__new__(cls, visible)
        seen.hidden = tuple(hidden)
        return seen


def copy_attachments(documents, attachments_of, site: Path, hidden=None) -> None:
    """Copy the attachments the visible ``documents`` link to (names were checked on render), each
    from the bijlagen/ of the source its description lives in; never one that a ``hidden``
    description (one this audience may not see; by default ``documents.hidden``, see ``Seen``)
    also owns."""
    hidden = getattr(documents, "hidden", ()) if hidden is None else hidden
    not_for_everyone = set(owners(hidden))
    wanted: dict[Path, set[str]] = {}
    for document in documents:
        root = document.root
        wanted.setdefault(root, set()).update(
            name for name in attachments_of(document) if (root, name) not in not_for_everyone
        )
    for root, names in wanted.items():
        if names:
            _copy(root, names, site)


def _copy(root: Path, names: set[str], site: Path) -> None:
    target = site / FOLDER
    target.mkdir(exist_ok=True)
    source_dir = (root / FOLDER).resolve()
    for name in sorted(names):
        source = (source_dir / name).resolve()
        if (
            source.parent == source_dir
            and source.is_file()
            and not (source_dir / name).is_symlink()
        ):
            shutil.copyfile(source, target / name)


def file_digest(path: Path) -> str | None:
    """sha256 of a regular, non-empty file (None for anything else)."""
    try:
        if path.is_symlink() or not path.is_file():
            return None
        data = path.read_bytes()
    except OSError:
        return None
    return digest(data) if data else None


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
