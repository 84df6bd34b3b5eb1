"""Similar descriptions, likely duplicates and a suggested archetype: by what a description is about.

Two descriptions are similar when they do the same thing, not when they happen in the same place or by
the same organisation. The similarity of a description B to the compared description A (0..1) weighs
two parts (TEXT_WEIGHT):

- **Text**: A's title, samenvatting and body *without place and organisation names*
  (:mod:`wwidw_build.search.names`: every gemeente, wijk, partner and organisation in the data) are the
  query to the lunr index of :mod:`wwidw_build.search.index`, each term boosted by 1 + ln(how often it
  occurs). A is indexed too (added when it is not part of the content yet), so its own score for that
  query is known; B's part is its score divided by A's own, at most 1.0. A verbatim copy scores 1.0,
  unrelated descriptions near 0.
- **Labels**: what A and B share of their themes, target groups, effects and archetype
  (:mod:`wwidw_build.search.overlap`), rare labels counting more than common ones.

When A has no text left or B shares no label group with A, the other part alone counts. A description
is listed as similar from SIMILAR_THRESHOLD; two that share a place, a partner or an organisation and
nothing else stay below it. The suggested archetype is the archetype most similar in the same way.

Results are not filtered unless an audience is given: ``wwidw validate --compare`` and the PR review
report run on the repository, whose readers see every file anyway. When the result is shown to an
audience, pass it, and the one visibility rule (:func:`wwidw_build.audience.may_see`) filters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from wwidw_build.audience import Audience, may_see
from wwidw_build.diagnostics import Diagnostic, diag
from wwidw_build.load import MAX_BYTES, display_path, document_from_text
from wwidw_build.model import KINDS, Content, Document
from wwidw_build.search import names as search_names
from wwidw_build.search import overlap as search_overlap
from wwidw_build.search import text as search_text
from wwidw_build.search.index import load_index, record, weighted_query

TEXT_WEIGHT = 0.5
"""The text's share of the similarity; the labels have the rest. Measured on the sample content, each
of its 17 praktijken of an archetype compared with that archetype left out: of 0.3, 0.4, 0.5, 0.6,
0.7 and 1.0 (text alone), 0.5 to 0.7 make the most similar archetype the right one for 16 of 17 and
put a description of that archetype first for 13; 0.5 keeps drafts that share only a place lowest."""
SIMILAR_THRESHOLD = 0.15
"""A description is listed as similar from 0.15. Measured on the sample content: two descriptions of
the same archetype score 0.18 or more (median 0.34), of different archetypes a median of 0.07. The
drafts of tests/similar_drafts.py that share a gemeente, wijk or organisation with a praktijk but no
theme, target group or effect score at most 0.05 against it (0.11 with the names left in); about the
same intervention in another town, 0.5."""
DUPLICATE_THRESHOLD = 0.6
"""A match of the same kind with a similarity of at least 0.6 is flagged as a likely duplicate.

Measured on the sample content: between two *different* descriptions of the same kind the similarity
is at most 0.53 (two skaeve-huse praktijken: same labels, much the same vocabulary). A copy under a new
id scores 1.0; a copy with a new title and samenvatting, or with half or three quarters of its sections
dropped, or both, still scores 0.66–1.0 against its original (the lowest: an archetype with a new title
and samenvatting and a quarter of its sections). 0.6 sits in that gap. A flag means "read both before
merging", not "reject".
"""
TOP = 5


@dataclass(frozen=True)
class Match:
    document: Document
    relative: float  # the similarity to the compared description, 0..1 (TEXT_WEIGHT of its parts)
    text: float | None  # the text part: score / the compared description's own score, at most 1.0
    labels: float | None  # the labels part (overlap.overlap); None: no label group in common
    likely_duplicate: bool

    @property
    def id(self) -> str:
        return self.document.id

    @property
    def kind(self) -> str:
        return self.document.kind

    @property
    def titel(self) -> str:
        return self.document.titel


def read_description(content: Content, path: Path) -> tuple[Document | None, list[Diagnostic]]:
    """The description in ``path``: the loaded one when it is part of ``content``, else read afresh."""
    resolved = Path(path).resolve()
    for document in content.documents:
        if document.source.resolve() == resolved:
            return document, []
    shown = display_path(content.root, Path(path).absolute())
    size = Path(path).stat().st_size
    if size > MAX_BYTES:
        return None, [
            diag(shown, 1, 1, "bestand-te-groot", grootte=size // 1024, grens=MAX_BYTES // 1024)
        ]
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
    except UnicodeDecodeError as error:
        return None, [diag(shown, 1, 1, "geen-utf8", positie=error.start)]
    diagnostics: list[Diagnostic] = []
    kind = _kind(resolved.parent.name, text)
    document = document_from_text(content.root, kind, Path(path).absolute(), text, diagnostics)
    return document, diagnostics


def _kind(folder: str, text: str) -> str:
    by_folder = {folder_name: kind for kind, folder_name in KINDS.items()}
    if folder in by_folder:
        return by_folder[folder]
    return "archetype" if "\nwerkzame_bestanddelen:" in text.split("\n---", 1)[0] else "praktijk"


def similar_to(
    content: Content,
    document: Document | Path,
    limit: int = TOP,
    audience: Audience | None = None,
    cache_dir: Path | None = None,
) -> list[Match]:
    """The ``limit`` descriptions most like ``document`` from SIMILAR_THRESHOLD (itself and its older
    version excluded), best first."""
    if not isinstance(document, Document):
        document, _ = read_description(content, document)
        if document is None:
            return []
    matches = [
        m
        for m in _matches(content, document, content.documents, cache_dir)
        if audience is None or may_see(audience, m.document, content.registry)
    ]
    return matches[:limit]


def suggest_archetype(
    content: Content, document: Document | Path, *, cache_dir: Path | None = None
) -> str | None:
    """For a praktijk: the archetype most like it, from SIMILAR_THRESHOLD, or None.

    Every archetype is compared as :func:`similar_to` compares: the labels, and the praktijk's text
    without names against the archetype's text, synonyms and werkzame bestanddelen. So a shared place
    never counts, and when no archetype is like the praktijk nothing is suggested.
    """
    if not isinstance(document, Document):
        document, _ = read_description(content, document)
    if document is None or document.kind != "praktijk":
        return None
    matches = _matches(content, document, content.by_kind("archetype"), cache_dir)
    return matches[0].id if matches else None


def _matches(
    content: Content,
    document: Document,
    others: Sequence[Document],
    cache_dir: Path | None,
) -> list[Match]:
    """Each of ``others`` from SIMILAR_THRESHOLD, best first (ties: kind, then id)."""
    texts = _text_parts(content, document, cache_dir)
    candidates = [
        other
        for other in others
        if other.path != document.path and (other.kind, other.id) != (document.kind, document.id)
    ]
    own = search_overlap.labels(document)
    corpus = {
        d.path: search_overlap.labels(d) for d in content.documents if d.path != document.path
    }
    weights = search_overlap.label_weights([own, *corpus.values()])
    matches = []
    for other in candidates:
        text = texts.get(other.path, 0.0) if texts is not None else None
        labels = search_overlap.overlap(own, corpus[other.path], weights)
        known = [
            (w, part)
            for w, part in ((TEXT_WEIGHT, text), (1 - TEXT_WEIGHT, labels))
            if part is not None
        ]
        if not known:
            continue
        relative = sum(w * part for w, part in known) / sum(w for w, _ in known)
        if relative >= SIMILAR_THRESHOLD:
            duplicate = other.kind == document.kind and relative >= DUPLICATE_THRESHOLD
            matches.append(Match(other, relative, text, labels, duplicate))
    matches.sort(key=lambda m: (-m.relative, m.kind, m.id))
    return matches


def _text_parts(
    content: Content, document: Document, cache_dir: Path | None
) -> dict[str, float] | None:
    """path → the text part of each description that shares a term with ``document``'s text without
    names; None when nothing but names (or nothing at all) is left of that text."""
    searcher = load_index(content, extra=(document,), cache_dir=cache_dir)
    fields = record(document, content.registry)
    text = " ".join((fields["titel"], fields["samenvatting"], fields["body"]))
    stripped = search_names.without_names(text, search_names.name_stems(content, (document,)))
    results = searcher.scores(weighted_query(searcher, search_text.terms(stripped)))
    own = next((score for d, score in results if d.path == document.path), 0.0)
    if own <= 0:
        return None
    return {d.path: min(score / own, 1.0) for d, score in results}
