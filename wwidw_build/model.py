"""Frozen records that flow between the pipeline stages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from wwidw_build.content_sources import ContentSource
from wwidw_build.strict_yaml import Parsed

if TYPE_CHECKING:
    from wwidw_build.records import Record

KINDS = {"praktijk": "praktijken", "archetype": "archetypen"}  # kind -> folder under content/
# Site pages (Meedoen): Markdown with a small front matter, read from the public source only.
PAGE_KIND, PAGE_FOLDER = "pagina", "paginas"


@dataclass(frozen=True)
class SourceFile:
    """A YAML data file (registry or taxonomy) as parsed, with positions."""

    path: str  # relative to the repository, for messages
    parsed: Parsed


@dataclass(frozen=True)
class Document:
    """One description: a praktijk or an archetype."""

    kind: str
    id: str
    path: str  # as shown in messages, e.g. content/praktijken/x.md
    source: Path  # absolute path on disk
    meta: Mapping
    body: str
    body_line: int  # 1-based line of the first body line in the file
    parsed: Parsed = field(repr=False, compare=False)
    origin: ContentSource | None = field(default=None, repr=False, compare=False)

    @property
    def root(self) -> Path:
        """The folder of the source this description lives in (its praktijken/, bijlagen/, ...)."""
        if self.origin is None or self.origin.root is None:
            return self.source.parent.parent
        return self.origin.root

    @property
    def tier(self) -> str:
        """The tier of the source this description was read from ('openbaar' without a source)."""
        return self.origin.tier if self.origin is not None else "openbaar"

    @property
    def titel(self) -> str:
        return str(self.meta.get("titel", self.id))

    @property
    def zichtbaarheid(self) -> str | None:
        value = self.meta.get("zichtbaarheid")
        return value if isinstance(value, str) else None

    @property
    def organisatie(self) -> str | None:
        value = self.meta.get("organisatie")
        return value if isinstance(value, str) else None

    @property
    def concept(self) -> bool:
        return self.meta.get("concept") is True

    @property
    def concept_malformed(self) -> bool:
        """A ``concept`` that is not a bool (never visible: see audience.may_see)."""
        return not isinstance(self.meta.get("concept", False), bool)

    def position(self, path: tuple) -> tuple[int, int]:
        return self.parsed.position(path)


@dataclass(frozen=True)
class Organisation:
    id: str
    naam: str
    soort: str
    partner: bool
    website: str | None = None


@dataclass(frozen=True)
class Term:
    """A theme or a target group. ``synoniemen``: other Dutch words for it, for search."""

    id: str
    naam: str
    omschrijving: str | None = None
    synoniemen: tuple[str, ...] = ()


@dataclass(frozen=True)
class Effect:
    id: str
    naam: str
    domein: str
    omschrijving: str | None = None
    indicatoren: tuple[str, ...] = ()
    synoniemen: tuple[str, ...] = ()  # other Dutch words for it, for search


@dataclass(frozen=True)
class EffectDomain:
    id: str
    naam: str
    effecten: tuple[Effect, ...]


@dataclass(frozen=True)
class Registry:
    organisaties: Mapping[str, Organisation]
    themas: Mapping[str, Term]
    doelgroepen: Mapping[str, Term]
    domeinen: Mapping[str, EffectDomain]
    effecten: Mapping[str, Effect]


@dataclass(frozen=True)
class Content:
    """Everything read from the sources (content/ and the private ones): the data files, the
    registry built from them, the documents, and, once validation found no errors, a typed
    record per document (records.with_records). ``root`` is the public source's folder."""

    root: Path
    data_files: Mapping[str, SourceFile]  # key: "organisaties", "themas", "doelgroepen", "effecten"
    registry: Registry
    documents: tuple[Document, ...]
    records: tuple[Record, ...] = ()
    sources: tuple[ContentSource, ...] = ()  # the sources read, the public one first
    pages: tuple[Document, ...] = ()  # site pages (kind PAGE_KIND) from the public source

    def by_kind(self, kind: str) -> list[Document]:
        return [d for d in self.documents if d.kind == kind]
