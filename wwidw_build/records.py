"""Typed records of validated descriptions: made once, after validation, read by every later stage.

The loaded :class:`~wwidw_build.model.Document` keeps the front matter as a plain mapping, because the
validator (and ``wwidw review``, which reads old versions that may be invalid) must look at any value
whatsoever. Once validation found no errors, every value has the type its schema promises, so each
description is turned into a :class:`Praktijk` or an :class:`Archetype` here, once; select, generate,
the pages, the exports and the search data read their fields, never the mapping. Field names mirror
the front-matter keys; lists become tuples, dates ``datetime.date``, a missing optional value ``None``
(or an empty tuple).
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from wwidw_build.model import Content, Document

Scalar = str | int | float


@dataclass(frozen=True, kw_only=True)
class Result:
    """One item of a praktijk's ``resultaten``."""

    effect: str
    richting: str
    indicator: str | None = None
    nulmeting: Scalar | None = None
    eindmeting: Scalar | None = None
    toelichting: str | None = None
    effectgrootte: EffectSize | None = None
    nameting: FollowUp | None = None


@dataclass(frozen=True, kw_only=True)
class EffectSize:
    """A computed effect size: its measure (``maat``), value and optional 95% interval."""

    maat: str
    waarde: int | float
    betrouwbaarheidsinterval: tuple[int | float, ...] | None = None


@dataclass(frozen=True, kw_only=True)
class FollowUp:
    """A promised later measurement of a result: when (year, month) and, once measured, the value."""

    gepland: str  # "YYYY-MM"
    waarde: Scalar | None = None

    @property
    def due(self) -> tuple[int, int]:
        year, month = self.gepland.split("-")
        return int(year), int(month)

    def overdue(self, today: datetime.date) -> bool:
        """No value yet, and the planned month has ended."""
        return self.waarde is None and (today.year, today.month) > self.due


@dataclass(frozen=True, kw_only=True)
class Evaluation:
    soort: str  # intern | extern
    door: str | None = None


@dataclass(frozen=True, kw_only=True)
class Assessment:
    """Who assessed the evidence level (a panel or role), when, and until when it holds."""

    door: str
    datum: datetime.date
    geldig_tot: datetime.date

    def expired(self, today: datetime.date) -> bool:
        return today > self.geldig_tot


@dataclass(frozen=True, kw_only=True)
class Change:
    """One entry of a description's change log (``geschiedenis``)."""

    datum: datetime.date
    reden: str


@dataclass(frozen=True, kw_only=True)
class Cost:
    """A praktijk's ``kosten``."""

    totaal_eur: int | None = None
    per_deelnemer_eur: int | float | None = None
    financiering: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Contact:
    naam: str
    email: str | None = None
    openbaar: bool = False


@dataclass(frozen=True, kw_only=True)
class Component:
    """One werkzaam bestanddeel of an archetype."""

    naam: str
    onderbouwing: str


@dataclass(frozen=True, kw_only=True)
class Source:
    """One bron of an archetype."""

    titel: str
    url: str | None = None
    jaar: int | None = None


@dataclass(frozen=True, kw_only=True)
class Description:
    """What praktijken and archetypen share; ``document`` is the loaded file (body, path, source)."""

    kind: ClassVar[str]
    concept_malformed: ClassVar[bool] = False  # validated: concept is a bool (see audience.may_see)

    document: Document = dataclasses.field(repr=False, compare=False)
    id: str
    titel: str
    samenvatting: str
    zichtbaarheid: str
    themas: tuple[str, ...]
    beoogde_effecten: tuple[str, ...]
    doelgroepen: tuple[str, ...] = ()
    bewijsniveau: str | None = None
    auteurs: tuple[str, ...] = ()
    beoordeling: Assessment | None = None
    geschiedenis: tuple[Change, ...] = ()
    concept: bool = False

    @property
    def path(self) -> str:
        return self.document.path

    @property
    def source(self) -> Path:
        return self.document.source

    @property
    def root(self) -> Path:
        return self.document.root

    @property
    def body(self) -> str:
        return self.document.body


@dataclass(frozen=True, kw_only=True)
class Praktijk(Description):
    kind: ClassVar[str] = "praktijk"

    organisatie: str
    gemeente: str
    startjaar: int
    projectstatus: str
    wijk: str | None = None
    eindjaar: int | None = None
    archetype: str | None = None
    resultaten: tuple[Result, ...] = ()
    niet_beoogde_effecten: tuple[Result, ...] = ()
    meetontwerp: str | None = None
    evaluatie: Evaluation | None = None
    bereik: int | None = None
    bereik_eenheid: str | None = None  # mensen | huishoudens; None counts mensen
    kosten: Cost | None = None
    partners: tuple[str, ...] = ()
    contact: Contact | None = None
    laatst_bijgewerkt: datetime.date | None = None

    @property
    def updated(self) -> datetime.date | None:
        return self.laatst_bijgewerkt


@dataclass(frozen=True, kw_only=True)
class Archetype(Description):
    kind: ClassVar[str] = "archetype"
    organisatie: ClassVar[None] = None  # only a praktijk belongs to an organisation

    werkzame_bestanddelen: tuple[Component, ...]
    laatst_herzien: datetime.date
    synoniemen: tuple[str, ...] = ()
    kostenindicatie: str | None = None
    bronnen: tuple[Source, ...] = ()
    verwante_archetypen: tuple[str, ...] = ()

    @property
    def updated(self) -> datetime.date | None:
        return self.laatst_herzien


Record = Praktijk | Archetype


@functools.cache
def _field_names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(cls)) - {"document", "id"}


def _fields(cls: type, meta: Mapping) -> dict:
    """The front-matter values that are plain fields of ``cls``, lists as tuples."""
    names = _field_names(cls)
    return {k: tuple(v) if isinstance(v, list) else v for k, v in meta.items() if k in names}


def _date(value: str | None) -> datetime.date | None:
    return None if value is None else datetime.date.fromisoformat(value)


def _result(meta: Mapping) -> Result:
    values = dict(meta)
    if "effectgrootte" in meta:
        size = dict(meta["effectgrootte"])
        if "betrouwbaarheidsinterval" in size:
            size["betrouwbaarheidsinterval"] = tuple(size["betrouwbaarheidsinterval"])
        values["effectgrootte"] = EffectSize(**size)
    if "nameting" in meta:
        values["nameting"] = FollowUp(**meta["nameting"])
    return Result(**values)


def _shared(meta: Mapping) -> dict:
    """The record fields both kinds have beyond plain values: the assessment and the change log."""
    values = {}
    if "beoordeling" in meta:
        b = meta["beoordeling"]
        values["beoordeling"] = Assessment(
            door=b["door"], datum=_date(b["datum"]), geldig_tot=_date(b["geldig_tot"])
        )
    values["geschiedenis"] = tuple(
        Change(datum=_date(c["datum"]), reden=c["reden"]) for c in meta.get("geschiedenis", ())
    )
    return values


def praktijk(document: Document) -> Praktijk:
    meta = document.meta
    values = _fields(Praktijk, meta) | _shared(meta)
    values["resultaten"] = tuple(_result(r) for r in meta.get("resultaten", ()))
    values["niet_beoogde_effecten"] = tuple(
        _result(r) for r in meta.get("niet_beoogde_effecten", ())
    )
    if "evaluatie" in meta:
        values["evaluatie"] = Evaluation(**meta["evaluatie"])
    if "kosten" in meta:
        values["kosten"] = Cost(**_fields(Cost, meta["kosten"]))
    if "contact" in meta:
        values["contact"] = Contact(**meta["contact"])
    values["laatst_bijgewerkt"] = _date(meta.get("laatst_bijgewerkt"))
    return Praktijk(document=document, id=document.id, **values)


def archetype(document: Document) -> Archetype:
    meta = document.meta
    values = _fields(Archetype, meta) | _shared(meta)
    values["werkzame_bestanddelen"] = tuple(Component(**c) for c in meta["werkzame_bestanddelen"])
    values["bronnen"] = tuple(Source(**s) for s in meta.get("bronnen", ()))
    values["laatst_herzien"] = _date(meta["laatst_herzien"])
    return Archetype(document=document, id=document.id, **values)


def to_record(document: Document) -> Record:
    """The typed record of one validated description (its front matter must be valid)."""
    return praktijk(document) if document.kind == "praktijk" else archetype(document)


def with_records(content: Content) -> Content:
    """``content`` with a record for every description: call only when validation found no errors."""
    return dataclasses.replace(content, records=tuple(to_record(d) for d in content.documents))
