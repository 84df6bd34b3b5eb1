"""`wwidw move`: move one description (praktijk or archetype) with its attachments from one local
source checkout to another, and set its ``zichtbaarheid`` to the target's tier.

The move is a small transaction. Every check that can be made beforehand is made first (both
sources are local folders, the tier fits the description, making it public was asked for, no file in
the target would be overwritten, the ``zichtbaarheid`` line can be edited). Then the files are
written into the target and removed from the old source, and the sources are loaded and validated
again: everything the readers of the old and the new tier read, plus every other local source (any
of them may refer to the description). An error the move brought in undoes everything
(move_files.Undo): the description is never left in two places, or changed.

Attachments are the files in the old source's ``bijlagen/`` that the body links to. One that another
description of the old source also links to is copied, the others move; one already in the target
with the same bytes is not written again. The CLI (cli/moving.py) prints the result and the git
steps for both repositories (move_git.py).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from wwidw_build import assembly
from wwidw_build.audience import Audience
from wwidw_build.authoring import move_git
from wwidw_build.authoring.move_files import CannotEdit, Undo, with_visibility
from wwidw_build.checks.rules import ID_PATTERN, linked_files
from wwidw_build.content_sources import PARTNERS, PUBLIC, ContentSource
from wwidw_build.diagnostics import Diagnostic
from wwidw_build.model import KINDS, Content, Document
from wwidw_build.pipeline import load_and_validate
from wwidw_build.source_fetch import SourceUnavailable, resolve

ATTACHMENTS = "bijlagen"


class MoveUsage(Exception):
    """The command was called wrongly (unknown id or source, the same source twice): exit 2."""


class MoveRefused(Exception):
    """The move cannot or may not be made, or its result has errors (then undone): exit 1.
    ``diagnostics``: the errors the move would bring in; ``existing``: errors already there."""

    def __init__(
        self, message: str, diagnostics: Iterable[Diagnostic] = (), existing: Iterable = ()
    ):
        super().__init__(message)
        self.diagnostics = list(diagnostics)
        self.existing = list(existing)


@dataclass(frozen=True)
class Attachment:
    """One attachment of the moved description: where it was and where it goes. ``users``: the other
    descriptions of the old source that link to it (then it is copied and stays there too);
    ``present``: an identical file is already in the target (then nothing is written)."""

    old: Path
    new: Path
    users: tuple[str, ...] = ()
    present: bool = False

    @property
    def written(self) -> bool:
        return not self.present

    @property
    def removed(self) -> bool:
        return not self.users


@dataclass(frozen=True)
class Plan:
    """Everything checked before a file is touched."""

    document: Document
    origin: ContentSource
    target: ContentSource
    new_path: Path
    data: bytes  # the description as it will be written (only zichtbaarheid changed)
    new_visibility: str
    attachments: tuple[Attachment, ...]
    sources: list[ContentSource]  # resolved: what is validated before and after
    before: tuple[Diagnostic, ...]  # the diagnostics before the move


@dataclass(frozen=True)
class Moved:
    """A move that succeeded: its plan, the git steps, and errors that were already there."""

    plan: Plan
    steps: tuple[move_git.GitSteps, ...]
    existing: tuple[Diagnostic, ...] = ()


def target_visibility(tier: str) -> str:
    """The ``zichtbaarheid`` of a description in a source of this tier."""
    return tier if tier in (PUBLIC, PARTNERS) else "organisatie"


def move(
    sources: list[ContentSource], doc_id: str, target_name: str, make_public: bool = False
) -> Moved:
    """Move the description ``doc_id`` to the source named ``target_name``. Raises MoveUsage,
    MoveRefused (nothing changed) or source_fetch.SourceUnavailable (a needed source is unreadable)."""
    plan = prepare(sources, doc_id, target_name, make_public)
    path = plan.document.source
    removed = [path] + [a.old for a in plan.attachments if a.removed]
    in_git = move_git.tracked(plan.origin.root, removed)
    undo = Undo()
    try:
        _apply(plan, undo)
        _, after = load_and_validate(plan.sources)
    except BaseException:
        undo.rollback()
        raise
    old_errors = {d for d in plan.before if d.is_error}
    new_errors = [d for d in after if d.is_error and d not in old_errors]
    existing = tuple(d for d in after if d.is_error and d in old_errors)
    if new_errors:
        undo.rollback()
        raise MoveRefused(
            "Na het verplaatsen zouden er fouten zijn; alles is teruggezet, er is niets veranderd.",
            new_errors,
            existing,
        )
    origin, target = plan.origin, plan.target
    steps = move_git.steps(
        origin,
        target,
        added=[plan.new_path] + [a.new for a in plan.attachments if a.written],
        removed=[p for p in removed if p in in_git],
        message=f"{doc_id} verplaatst van bron {origin.name} naar bron {target.name}",
    )
    return Moved(plan, steps, existing)


def prepare(sources: list[ContentSource], doc_id: str, target_name: str, make_public: bool) -> Plan:
    """Find the description and make every check that needs no change on disk."""
    target = _target(sources, target_name)
    origin, kind, path = _find(sources, doc_id)
    if origin.name == target.name:
        raise MoveUsage(
            f"{_what(kind, doc_id).capitalize()} staat al in bron '{target.name}'. Kies met --to een "
            "andere bron."
        )
    if target.is_public and not make_public:
        raise MoveRefused(
            f"Verplaatsen naar bron '{target.name}' maakt {_what(kind, doc_id)} openbaar: iedereen "
            "kan de beschrijving dan lezen, op de openbare site en in de openbare repository, ook de "
            "bijlagen. Wie de pull request beoordeelt, ziet in het reviewrapport 'Wordt openbaar'. "
            "Is dat de bedoeling, geef dan --make-public mee."
        )
    checked = _validation_sources(sources, origin, target)
    origin = next(s for s in checked if s.name == origin.name)
    target = next(s for s in checked if s.name == target.name)
    content, before = load_and_validate(checked)
    document = next((d for d in content.documents if d.source == path), None)
    if document is None:  # unreadable (symlink, too large, not UTF-8): the loader said why
        problems = [d for d in before if d.file == origin.display(path)]
        raise MoveRefused(
            f"{_what(kind, doc_id).capitalize()} is niet te lezen; los eerst deze fouten op.",
            problems,
        )
    _check_tier(document, target)
    visibility = target_visibility(target.tier)
    try:
        data = with_visibility(path.read_bytes(), document, visibility)
    except CannotEdit as error:
        raise MoveRefused(str(error)) from None
    new_path = target.root / path.relative_to(origin.root)
    attachments = _attachments(document, content, origin, target)
    _refuse_overwrite(target, [new_path] + [a.new for a in attachments if a.written])
    return Plan(
        document, origin, target, new_path, data, visibility, attachments, checked, tuple(before)
    )


def _apply(plan: Plan, undo: Undo) -> None:
    """Write the new files first, then remove the old ones (all recorded in ``undo``)."""
    undo.write_new(plan.new_path, plan.data, plan.document.source)
    for attachment in plan.attachments:
        if attachment.written:
            undo.write_new(attachment.new, attachment.old.read_bytes(), attachment.old)
    undo.remove(plan.document.source)
    for attachment in plan.attachments:
        if attachment.removed:
            undo.remove(attachment.old)


def _what(kind: str, doc_id: str) -> str:
    """The description named with its Dutch article: de praktijk 'x', het archetype 'x'."""
    return f"{'het' if kind == 'archetype' else 'de'} {kind} '{doc_id}'"


def _target(sources: list[ContentSource], name: str) -> ContentSource:
    found = next((s for s in sources if s.name == name), None)
    if found is None:
        known = ", ".join(s.name for s in sources)
        raise MoveUsage(f"Onbekende bron '{name}'. Kies uit: {known}.")
    if found.is_git:
        raise MoveRefused(
            f"Bron '{found.name}' ({found.tier}) is een git-bron: 'locatie' is een git-adres, geen "
            "map op deze computer, en 'wwidw move' verplaatst alleen tussen lokale kopieën. Clone "
            "die repository (git clone), zet bij 'locatie' in "
            f"{found.declared_in or 'bronnen.yml'} (regel {found.declared_line}) het pad naar je "
            "kopie en probeer het opnieuw."
        )
    return resolve(found)


def _find(sources: list[ContentSource], doc_id: str) -> tuple[ContentSource, str, Path]:
    """The one local source, kind and file of the description ``doc_id``."""
    if not ID_PATTERN.match(doc_id):
        raise MoveUsage(
            f"'{doc_id}' is geen id: een id is de bestandsnaam zonder .md, met kleine letters, "
            "cijfers en streepjes."
        )
    found: list[tuple[ContentSource, str, Path]] = []
    unreadable = []
    for source in (s for s in sources if not s.is_git):
        try:
            source = resolve(source)
        except SourceUnavailable:
            unreadable.append(source.name)
            continue
        for kind, folder in KINDS.items():
            found += [(source, kind, p) for p in _files_named(source.root / folder, doc_id)]
    if len(found) == 1:
        return found[0]
    if found:
        places = "; ".join(f"{s.display(p)} (bron '{s.name}')" for s, _, p in found)
        raise MoveUsage(
            f"De id '{doc_id}' komt meer dan eens voor: {places}. Geef er een andere id (hernoem "
            "het bestand) en probeer het opnieuw."
        )
    remote = [s.name for s in sources if s.is_git]
    extra = (
        f" Git-bronnen worden niet doorzocht ({', '.join(remote)}): clone zo'n repository en zet "
        "bij 'locatie' het pad naar je kopie."
        if remote
        else ""
    )
    extra += f" Niet te lezen: {', '.join(unreadable)}." if unreadable else ""
    raise MoveUsage(
        f"Er is geen praktijk of archetype met id '{doc_id}' in de lokale bronnen.{extra}"
    )


def _files_named(folder: Path, doc_id: str) -> list[Path]:
    """``<doc_id>.md`` anywhere below ``folder``, skipping hidden and symlinked folders as the loader
    does (a symlinked file is found: the loader then says why it cannot be read)."""
    out: list[Path] = []
    if not folder.is_dir() or folder.is_symlink():
        return out
    for dirpath, dirnames, filenames in os.walk(folder):
        here = Path(dirpath)
        dirnames[:] = sorted(
            n for n in dirnames if not n.startswith(".") and not (here / n).is_symlink()
        )
        if f"{doc_id}.md" in filenames:
            out.append(here / f"{doc_id}.md")
    return out


def _validation_sources(
    sources: list[ContentSource], origin: ContentSource, target: ContentSource
) -> list[ContentSource]:
    """The resolved sources to validate: everything the readers of the old and the new tier read
    (the public source first), plus every other local source (any may refer to the description)."""
    audiences = [Audience(origin.tier), Audience(target.tier)]
    needed, _, _ = assembly.readable(sources, lambda registry: audiences)
    names = {s.name for s in needed}
    extra = []
    for source in sources:
        if source.is_git or source.name in names:
            continue
        try:
            extra.append(resolve(source))
        except SourceUnavailable:
            continue  # not needed by these readers, and not on this machine
    return needed + extra


def _check_tier(document: Document, target: ContentSource) -> None:
    """Only a praktijk of the target's own organisation may go to an organisation's source."""
    if target.organisation is None:
        return
    what = _what(document.kind, document.id).capitalize()
    if document.kind == "archetype":
        raise MoveRefused(
            f"{what} kan niet naar bron '{target.name}' ({target.tier}): een archetype is openbaar "
            "of voor partners, nooit voor één organisatie. Kies een bron met niveau openbaar of "
            "partners."
        )
    if document.organisatie != target.organisation:
        own = (
            f"organisatie '{document.organisatie}'" if document.organisatie else "geen organisatie"
        )
        raise MoveRefused(
            f"{what} is van {own} (veld 'organisatie'), maar bron '{target.name}' is alleen voor "
            f"organisatie '{target.organisation}'. Een praktijk kan alleen naar de bron van haar "
            "eigen organisatie."
        )


def _attachments(
    document: Document, content: Content, origin: ContentSource, target: ContentSource
) -> tuple[Attachment, ...]:
    """The files in the old source's bijlagen/ that the body links to, and what happens to each."""
    users: dict[Path, set[str]] = {}
    for other in content.documents:
        if other is not document and other.origin is not None and other.origin.name == origin.name:
            for path in _attachment_files(other, origin):
                users.setdefault(path, set()).add(other.id)
    out = []
    for path in _attachment_files(document, origin):
        new = target.root / path.relative_to(origin.root)
        present = new.is_file() and not new.is_symlink() and new.read_bytes() == path.read_bytes()
        out.append(Attachment(path, new, tuple(sorted(users.get(path, ()))), present))
    return tuple(out)


def _attachment_files(document: Document, origin: ContentSource) -> list[Path]:
    folder = origin.root / ATTACHMENTS
    found: list[Path] = []
    for path in linked_files(document, origin.root):
        if path.is_relative_to(folder) and path not in found:
            found.append(path)
    return found


def _refuse_overwrite(target: ContentSource, paths: list[Path]) -> None:
    taken = [p for p in paths if p.exists() or p.is_symlink()]
    if taken:
        raise MoveRefused(
            f"In bron '{target.name}' bestaat al: {', '.join(target.display(p) for p in taken)}. "
            "Er wordt nooit een bestand overschreven; er is niets verplaatst. Kijk welke versie je "
            "wilt houden, of geef een bestand een andere naam (en pas de verwijzingen aan)."
        )
