"""The review report for a pull request, as data: per changed description its substantive changes
(:mod:`wwidw_build.review.verdicts`), who can see it before and after, its completeness, its
validation findings, similar descriptions and a suggested archetype.

Which files changed, and their text at the base, comes from :mod:`wwidw_build.review.git_changes`. The new
versions are loaded and validated with the rest of the content (:func:`pipeline.load_and_validate`);
the old versions are parsed with the same loader (:func:`load.document_from_text`). Who can see a
version is decided by the one visibility rule, :func:`audience.may_see`, over every audience of the
current registry, so a change in the report is a change of the description, not of the registry.
:mod:`wwidw_build.review.markdown` turns the result into the Dutch Markdown report.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wwidw_build.audience import all_audiences, may_see
from wwidw_build.checks.completeness import Completeness, completeness
from wwidw_build.content_sources import ContentSource
from wwidw_build.diagnostics import Diagnostic
from wwidw_build.load import MAX_BYTES, document_from_text
from wwidw_build.model import Content, Document, Registry
from wwidw_build.pipeline import load_and_validate
from wwidw_build.review.git_changes import (
    ADDED,
    DELETED,
    Change,
    Changes,
    GitProblem,
    changed,
    read_at,
)
from wwidw_build.review.verdicts import Verdict, Verdicts, compare, unlogged
from wwidw_build.search.similarity import Match, similar_to, suggest_archetype

__all__ = [
    "Alert",
    "GitProblem",
    "Item",
    "Review",
    "audiences",
    "make_review",
    "verdicts_of",
    "visibility_alerts",
]
SIMILAR = 5  # similar descriptions shown per changed description


@dataclass(frozen=True)
class Item:
    """One changed description in the report."""

    change: Change
    file: str  # as shown in messages: the path now, or the old path when deleted
    new: Document | None  # None when deleted, or when the file cannot be read
    old: Document | None  # None when added, or when the old version cannot be read
    new_audiences: tuple[str, ...]  # who may see the new version (empty when deleted)
    old_audiences: (
        tuple[str, ...] | None
    )  # empty when added; None when the old version is unreadable
    draft_audiences: tuple[str, ...]  # for a draft: who may see it once 'concept: true' is gone
    completeness: Completeness | None
    old_completeness: Completeness | None
    # validation findings for this file (none when deleted), and the review's own
    diagnostics: tuple[Diagnostic, ...]
    matches: tuple[Match, ...]
    suggested_archetype: str | None
    verdicts: Verdicts = Verdicts()  # substantive changes, and the change log entries added

    @property
    def kind(self) -> str:
        return self.change.kind

    @property
    def id(self) -> str:
        document = self.new or self.old
        return document.id if document else Path(self.file).stem

    @property
    def titel(self) -> str | None:
        document = self.new or self.old
        titel = document.meta.get("titel") if document else None
        return titel if isinstance(titel, str) and titel.strip() else None

    @property
    def errors(self) -> int:
        return sum(d.is_error for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return len(self.diagnostics) - self.errors


@dataclass(frozen=True)
class Alert:
    """A change of who can see a description, for the top of the report."""

    kind: str  # OPENBAAR, PUBLISHED, WIDER, NARROWER, GONE, CONCEPT_AGAIN or UNKNOWN_BEFORE
    item: Item
    audiences: tuple[str, ...]  # the audiences gained (or lost, for NARROWER and GONE)


OPENBAAR, PUBLISHED, WIDER, NARROWER, GONE, CONCEPT_AGAIN, UNKNOWN_BEFORE = (
    "openbaar",
    "gepubliceerd",
    "ruimer",
    "beperkter",
    "verdwijnt",
    "weer-concept",
    "onbekend",
)


@dataclass(frozen=True)
class Review:
    changes: Changes
    content_shown: str  # the content folder as shown in the report
    registry: Registry
    items: tuple[Item, ...]
    other_errors: int  # validation errors in files this change did not touch

    @property
    def failed(self) -> tuple[Item, ...]:
        """Changed descriptions whose new version has errors: validation's, or a substantive change
        without a new entry in its change log (``wijziging-zonder-geschiedenis``)."""
        return tuple(item for item in self.items if item.change.status != DELETED and item.errors)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    @property
    def alerts(self) -> list[Alert]:
        return [alert for item in self.items for alert in visibility_alerts(item)]

    @property
    def editors_only(self) -> list[tuple[Item, Verdict]]:
        """Every change only the editors may make (bewijsniveau, beoordeling), for the top."""
        return [(item, v) for item in self.items for v in item.verdicts.editors_only]


def audiences(
    document: Document, registry: Registry, include_concepts: bool = False
) -> tuple[str, ...]:
    """The names of every audience that may see ``document`` (drafts: none, unless included)."""
    return tuple(
        a.name for a in all_audiences(registry) if may_see(a, document, registry, include_concepts)
    )


def make_review(
    content_dir: Path,
    base: str,
    cache_dir: Path | None = None,
    sources: list[ContentSource] | None = None,
) -> Review:
    """Compare the content folder (one source's folder) with ``base`` and gather everything the
    report shows. ``sources``: the resolved sources to read with it (only those its repository's
    readers may read), by default the folder alone as the public source."""
    changes = changed(content_dir, base)
    root = Path(content_dir).absolute()
    changed_files = {root / c.path for c in changes.descriptions if c.path}
    # Rendering every body within the bounds is validate's (and the build's) work; the report is
    # about the changed descriptions, so only theirs are rendered here.
    content, diagnostics = load_and_validate(sources or Path(content_dir), rendered=changed_files)
    origin = next((s for s in content.sources if s.root == root), content.sources[0])
    items = tuple(
        _item(content, origin, diagnostics, changes, change, cache_dir)
        for change in changes.descriptions
    )
    touched = {item.file for item in items}
    other_errors = sum(d.is_error and d.file not in touched for d in diagnostics)
    return Review(changes, origin.display(root), content.registry, items, other_errors)


def _item(
    content: Content,
    origin: ContentSource,
    diagnostics: list[Diagnostic],
    changes: Changes,
    change: Change,
    cache_dir: Path | None,
) -> Item:
    root = origin.root
    new_path = root / change.path if change.path else None
    new = next((d for d in content.documents if d.source == new_path), None) if new_path else None
    old = _old_version(origin, changes, change)
    file = origin.display(new_path or root / (change.old_path or ""))
    old_audiences = (
        () if change.status == ADDED else (audiences(old, content.registry) if old else None)
    )
    matches = tuple(similar_to(content, new, limit=SIMILAR, cache_dir=cache_dir)) if new else ()
    suggestion = None
    if new is not None and new.kind == "praktijk" and not new.meta.get("archetype"):
        suggestion = suggest_archetype(content, new, cache_dir=cache_dir)
    verdicts = verdicts_of(change, new, old, content.registry)
    found = () if change.status == DELETED else tuple(d for d in diagnostics if d.file == file)
    if new is not None:  # the review's own finding: a verdict changed without its history
        found += tuple(unlogged(verdicts, new))
    return Item(
        change=change,
        file=file,
        new=new,
        old=old,
        new_audiences=audiences(new, content.registry) if new else (),
        old_audiences=old_audiences,
        draft_audiences=audiences(new, content.registry, True)
        if new is not None and new.concept
        else (),
        completeness=completeness(new) if new else None,
        old_completeness=completeness(old) if old else None,
        diagnostics=found,
        matches=matches,
        suggested_archetype=suggestion,
        verdicts=verdicts,
    )


def verdicts_of(
    change: Change, new: Document | None, old: Document | None, registry: Registry
) -> Verdicts:
    """The substantive changes of one description: none when deleted or unreadable now, or when the
    old version of a changed file cannot be read (the report says its visibility was unknown)."""
    if new is None:
        return Verdicts()
    if change.status == ADDED:
        return compare(None, new.meta, registry)
    return compare(old.meta, new.meta, registry) if old is not None else Verdicts()


def _old_version(origin: ContentSource, changes: Changes, change: Change) -> Document | None:
    """The description as it was at the base, parsed by the same loader; None when unreadable."""
    if change.old_git_path is None or change.old_path is None:
        return None
    data = read_at(changes.repository, changes.commit, change.old_git_path)
    if data is None or len(data) > MAX_BYTES:
        return None
    try:
        text = data.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
    except UnicodeDecodeError:
        return None
    return document_from_text(origin, change.kind, origin.root / change.old_path, text, [])


def visibility_alerts(item: Item) -> list[Alert]:
    """What changes in who can see this description, most important first."""
    new, old = item.new_audiences, item.old_audiences
    if item.new is None and item.change.status != DELETED:
        return []  # unreadable now: an error in the report, and nothing is built until it is fixed
    if old is None:
        return [Alert(UNKNOWN_BEFORE, item, new)]
    gained = tuple(a for a in new if a not in old)
    lost = tuple(a for a in old if a not in new)
    alerts = []
    if "openbaar" in gained:
        alerts.append(Alert(OPENBAAR, item, gained))
    if (
        item.old is not None
        and item.old.concept
        and item.new is not None
        and not item.new.concept
        and new
    ):
        alerts.append(Alert(PUBLISHED, item, new))
    elif gained and "openbaar" not in gained:
        alerts.append(Alert(WIDER, item, gained))
    if item.change.status == DELETED:
        alerts += [Alert(GONE, item, lost)] if lost else []
    elif (
        item.new is not None and item.new.concept and item.old is not None and not item.old.concept
    ):
        alerts.append(Alert(CONCEPT_AGAIN, item, lost))
    elif lost:
        alerts.append(Alert(NARROWER, item, lost))
    return alerts
