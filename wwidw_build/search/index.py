"""A lunr full-text index over every description, cached on disk, filtered per audience at query time.

The index holds ALL documents (drafts and every visibility level) and is built once per version of
the content. Who may see a result is decided at query time by the one visibility rule,
:func:`wwidw_build.audience.may_see`; this module never decides visibility itself, so nothing here
may be used to build a published search page without going through that rule.

The serialized index (``Index.serialize()``) is cached in ``<repository>/.cache/wwidw/`` under a key
that hashes the indexed text of every document (with its path) and the code that analyses it, so
any change to what would be indexed, or to this code, builds a fresh index.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import lunr
from lunr.builder import Builder
from lunr.exceptions import BaseLunrException
from lunr.index import Index
from lunr.query import Query

from wwidw_build import __version__
from wwidw_build.audience import Audience, all_audiences, may_see
from wwidw_build.model import Content, Document, Registry
from wwidw_build.search import text as search_text
from wwidw_build.search.synonyms import synonyms as taxonomy_synonyms
from wwidw_build.sections import without_comments

FIELDS = {"titel": 10, "samenvatting": 3, "trefwoorden": 2, "body": 1}  # field → boost
EXTENSION_BOOST = 0.5  # "ouder" also finds "ouderen" (a term that starts with it), weighted lower
MAX_EXTENSIONS = 50
KEEP_CACHED = 8  # index files kept in the cache folder (other content folders, --compare files)
_CODE = hashlib.sha256(
    Path(search_text.__file__).read_bytes() + Path(__file__).read_bytes()
).hexdigest()
_HEADING = re.compile(r"^#{1,6}[ \t].*$", re.M)
# A target stops at ']' as well as ')': on a run of '](' without ')' each try then ends at the next
# ']' instead of rescanning to the end of the body (quadratic).
_LINK_TARGET = re.compile(r"\]\([^)\]]*\)")
_loaded: dict[str, Index] = {}  # key → index, for repeated queries in one process
builds = 0  # how many indexes this process has built (not loaded from the cache); tests read it


@dataclass(frozen=True)
class Hit:
    document: Document
    score: float

    @property
    def id(self) -> str:
        return self.document.id

    @property
    def titel(self) -> str:
        return self.document.titel


@dataclass(frozen=True)
class SearchIndex:
    index: Index
    documents: dict[str, Document]  # ref (the document's path) → document
    key: str
    from_cache: bool

    def scores(self, query: Query) -> list[tuple[Document, float]]:
        """All documents matching ``query`` with their lunr scores, best first, unfiltered."""
        if not query.clauses:
            return []
        return [
            (self.documents[r["ref"]], r["score"])
            for r in self.index.query(query)
            if r["ref"] in self.documents
        ]


def record(
    document: Document, registry: Registry, archetypes: Mapping[str, Document] | None = None
) -> dict[str, str]:
    """The text of one document as indexed, per field; ``ref`` is the document's path.

    ``trefwoorden`` holds the names of its themes, target groups and effects, the taxonomy's synonyms
    of its themes and effects (search/synonyms.py, as on the site), an archetype's synonyms and
    components, and a praktijk's archetype title (see :func:`_archetype_title`).
    """
    meta = document.meta
    labels = [
        _names(meta.get("themas"), registry.themas),
        _names(meta.get("doelgroepen"), registry.doelgroepen),
        _names(meta.get("beoogde_effecten"), registry.effecten),
        taxonomy_synonyms(registry, meta.get("themas"), meta.get("beoogde_effecten")),
        _strings(meta.get("synoniemen")),
        _strings(
            b.get("naam") for b in _list(meta.get("werkzame_bestanddelen")) if isinstance(b, dict)
        ),
        _archetype_title(document, registry, archetypes or {}),
    ]
    body = _LINK_TARGET.sub("]", _HEADING.sub("", without_comments(document.body)))
    return {
        "ref": document.path,
        "titel": document.titel,
        "samenvatting": _text(meta.get("samenvatting")),
        "trefwoorden": " ".join(name for group in labels for name in group),
        "body": body,
    }


def _archetype_title(
    document: Document, registry: Registry, archetypes: Mapping[str, Document]
) -> list[str]:
    """A praktijk is found by its archetype's title, but only when every audience that may see the
    praktijk may also see the archetype (the one rule decides), so a search can never reveal a hidden one."""
    archetype_id = document.meta.get("archetype")
    archetype = (
        archetypes.get(archetype_id)
        if isinstance(archetype_id, str) and document.kind == "praktijk"
        else None
    )
    if archetype is None or any(
        may_see(a, document, registry, True) and not may_see(a, archetype, registry)
        for a in all_audiences(registry)
    ):
        return []
    return [archetype.titel]


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _strings(values: Iterable) -> list[str]:
    return [v for v in values if isinstance(v, str)] if values is not None else []


def _names(ids, terms) -> list[str]:
    return [terms[i].naam for i in _list(ids) if isinstance(i, str) and i in terms]


def cache_folder(content: Content) -> Path:
    """``.cache/wwidw/`` next to the content folder (the repository root for ``content/``)."""
    return content.root.parent / ".cache" / "wwidw"


def load_index(
    content: Content, extra: Sequence[Document] = (), cache_dir: Path | None = None
) -> SearchIndex:
    """The index over every document of ``content`` (plus ``extra``), from the cache when it is current."""
    documents = {d.path: d for d in content.documents}
    documents.update({d.path: d for d in extra})
    archetypes = {d.id: d for d in documents.values() if d.kind == "archetype"}
    records = [record(d, content.registry, archetypes) for d in documents.values()]
    key = _key(records)
    folder = cache_folder(content) if cache_dir is None else cache_dir
    index = _loaded.get(key) or _read_cache(folder, key)
    from_cache = index is not None
    if index is None:
        index = _build(records)
        _write_cache(folder, key, index)
    if len(_loaded) >= 4:
        _loaded.clear()
    _loaded[key] = index
    return SearchIndex(index, documents, key, from_cache)


def forget_loaded() -> None:
    """Drop the indexes kept in memory, so the next :func:`load_index` reads the disk cache."""
    _loaded.clear()


def _key(records: list[dict[str, str]]) -> str:
    digest = hashlib.sha256()
    versions = [__version__, lunr.__VERSION__, metadata.version("snowballstemmer"), _CODE]
    digest.update(
        json.dumps([versions, sorted(records, key=lambda r: r["ref"])], ensure_ascii=False).encode()
    )
    return digest.hexdigest()[:32]


def _build(records: list[dict[str, str]]) -> Index:
    global builds
    builds += 1
    builder = Builder()
    builder.pipeline.add(*search_text.FUNCTIONS)
    builder.search_pipeline.add(*search_text.FUNCTIONS)
    builder.ref("ref")
    for name, boost in FIELDS.items():
        builder.field(name, boost=boost)
    for item in sorted(records, key=lambda r: r["ref"]):
        builder.add(item)
    return builder.build()


def _read_cache(folder: Path, key: str) -> Index | None:
    try:
        return Index.load(json.loads((folder / f"index-{key}.json").read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError, BaseLunrException):
        return None  # missing, unreadable or damaged: build afresh


def _write_cache(folder: Path, key: str, index: Index) -> None:
    """Write atomically; keep the newest few files. A cache that cannot be written is only slower."""
    temporary = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=folder, suffix=".tmp", delete=False
        ) as out:
            temporary = Path(out.name)
            json.dump(index.serialize(), out, separators=(",", ":"))
        os.replace(temporary, folder / f"index-{key}.json")
        old = sorted(folder.glob("index-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)[
            KEEP_CACHED:
        ]
        for path in old:
            path.unlink(missing_ok=True)
    except OSError:
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def search(
    content: Content, text: str, audience: Audience, limit: int = 10, cache_dir: Path | None = None
) -> list[Hit]:
    """The best ``limit`` documents that ``audience`` may see and that match EVERY word of ``text``
    (stop words left out), as the site's search (Pagefind) does. A word matches through any of its
    terms (:func:`word_alternatives`)."""
    searcher = load_index(content, cache_dir=cache_dir)
    groups = [word_alternatives(searcher.index, terms) for terms in search_text.word_terms(text)]
    query = searcher.index.create_query()
    for group in groups:
        for term, boost in group.items():
            query.term(term, use_pipeline=False, boost=boost)
    hits = [
        Hit(searcher.documents[r["ref"]], r["score"])
        for r in (searcher.index.query(query) if query.clauses else [])
        if r["ref"] in searcher.documents
        and all(set(group) & set(r["match_data"].metadata) for group in groups)
        and may_see(audience, searcher.documents[r["ref"]], content.registry)
    ]
    return hits[:limit]


def word_alternatives(index: Index, terms: Iterable[str]) -> dict[str, float]:
    """Every indexed term through which one query word matches, with its boost: the word's own terms
    (its stem and those of its likely singulars), and, weighted lower, indexed terms that start with
    its stem, as Pagefind matches ("ouder" finds "ouderen"). No compounds by their last part: Pagefind
    cannot match those ("achterstand" does not find "huurachterstand" on the site), and "ouder" would
    find "statushouder"."""
    terms = list(terms)
    found = dict.fromkeys(terms, 1.0)
    for longer in extensions(index, terms[0]):
        found.setdefault(longer, EXTENSION_BOOST)
    return found


def extensions(index: Index, term: str) -> list[str]:
    """Indexed terms that start with ``term`` (not ``term`` itself), shortest first, at most
    MAX_EXTENSIONS: the words Pagefind also matches for a query word."""
    if len(term) < 3:
        return []
    found = sorted(
        (t for t in index.inverted_index if t.startswith(term) and t != term),
        key=lambda t: (len(t), t),
    )
    return found[:MAX_EXTENSIONS]


def weighted_query(searcher: SearchIndex, terms: Iterable[str]) -> Query:
    """A query with one clause per distinct term, boosted by 1 + ln(count): for whole documents."""
    counts: dict[str, int] = {}
    for term in terms:
        counts[term] = counts.get(term, 0) + 1
    query = searcher.index.create_query()
    for term, count in counts.items():
        query.term(term, use_pipeline=False, boost=1 + math.log(count))
    return query
