"""Similar descriptions, likely duplicates and a suggested archetype, from the same lunr index as search.

A description is compared by querying the index (:mod:`wwidw_build.search.index`) with every term of
its title, samenvatting and body, each boosted by 1 + ln(how often it occurs). The description itself
is indexed too (added to the content's index when it is not part of it yet), so its own score for that
query is known; each match gets a *relative* score, its score divided by that own score. A verbatim copy
scores 1.0, unrelated descriptions score near 0. The scale is asymmetric: a longer description that
contains all of the compared one's words can score above its own score; the relative score is then
capped at 1.0 ("at least as close as itself").

Results are not filtered unless an audience is given: ``wwidw validate --compare`` and the PR review
report run on the repository, whose readers see every file anyway. When the result is shown to an
audience, pass it, and the one visibility rule (:func:`wwidw_build.audience.may_see`) filters.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from wwidw_build.audience import Audience, may_see
from wwidw_build.diagnostics import Diagnostic, diag
from wwidw_build.load import MAX_BYTES, display_path, document_from_text
from wwidw_build.model import KINDS, Content, Document
from wwidw_build.search import text as search_text
from wwidw_build.search.index import load_index, record, weighted_query

DUPLICATE_THRESHOLD = 0.6
"""A match of the same kind with a relative score of at least 0.6 is flagged as a likely duplicate.

Measured on the sample content (27 praktijken, 7 archetypes): between two *different* descriptions
the relative score is at most about 0.4 (0.30–0.40 for praktijken of the same archetype, which share
much of their vocabulary), usually 0.1–0.3. A copy under a new id scores 1.0; a copy with a new title
and samenvatting, or with half or three quarters of its sections dropped, or both, still scores
0.83–1.0 against its original (the copy's words are all in the original). 0.6 sits in the middle of
that gap: half again the highest score between distinct descriptions, well below every copy. A flag
means "read both before merging", not "reject".
"""
ARCHETYPE_WEIGHT = 2
"""In :func:`suggest_archetype` an archetype among the matches counts double: it is the synthesis of
its praktijken. With the top 5 matches this picks the right archetype for 17 of the 18 sample
praktijken that have one (without the weight: 16; top 3: 16; top 10: 16)."""
TOP = 5


@dataclass(frozen=True)
class Match:
    document: Document
    score: (
        float  # the lunr score of this document for the query built from the compared description
    )
    relative: float  # score / the compared description's own score for that query, at most 1.0
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
    """The ``limit`` descriptions most like ``document`` (itself and its older version excluded), best first."""
    if not isinstance(document, Document):
        document, _ = read_description(content, document)
        if document is None:
            return []
    searcher = load_index(content, extra=(document,), cache_dir=cache_dir)
    fields = record(document, content.registry)
    query = weighted_query(
        searcher,
        search_text.terms(" ".join((fields["titel"], fields["samenvatting"], fields["body"]))),
    )
    results = searcher.scores(query)
    own = next((score for d, score in results if d.path == document.path), 0.0)
    if own <= 0:
        return []
    matches = []
    for other, score in results:
        if other.path == document.path or (other.kind, other.id) == (document.kind, document.id):
            continue
        if audience is not None and not may_see(audience, other, content.registry):
            continue
        relative = min(score / own, 1.0)
        matches.append(
            Match(
                other,
                score,
                relative,
                other.kind == document.kind and relative >= DUPLICATE_THRESHOLD,
            )
        )
    return matches[:limit]


def suggest_archetype(
    content: Content, document: Document | Path, matches: list[Match] | None = None
) -> str | None:
    """For a praktijk: the archetype that its most similar descriptions point to, or None.

    Each archetype among the top matches gets ARCHETYPE_WEIGHT times its relative score as a vote,
    each matching praktijk's archetype its relative score; the most votes win (ties: alphabetical).
    """
    if not isinstance(document, Document):
        document, _ = read_description(content, document)
    if document is None or document.kind != "praktijk":
        return None
    if matches is None:
        matches = similar_to(content, document, limit=TOP)
    existing = {d.id for d in content.by_kind("archetype")}
    votes: dict[str, float] = defaultdict(float)
    for match in matches:
        archetype = match.id if match.kind == "archetype" else match.document.meta.get("archetype")
        if isinstance(archetype, str) and archetype in existing:
            votes[archetype] += match.relative * (
                ARCHETYPE_WEIGHT if match.kind == "archetype" else 1
            )
    if not votes:
        return None
    return min(votes, key=lambda a: (-votes[a], a))
