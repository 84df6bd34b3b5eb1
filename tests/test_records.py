"""Typed records (wwidw_build.records): made once from validated front matter, every field typed."""

from __future__ import annotations

import dataclasses
import datetime
import importlib.util
import sys
import types
import typing

import pytest
from conftest import CONTENT, REPO
from sources import load_sources_file

from wwidw_build.model import Document
from wwidw_build.pipeline import load_and_validate
from wwidw_build.records import (
    Archetype,
    Component,
    Contact,
    Cost,
    Praktijk,
    Result,
    Source,
    to_record,
)
from wwidw_build.strict_yaml import Parsed


def conforms(value, hint) -> bool:
    """Whether ``value`` has the type ``hint`` describes (unions, tuple[T, ...], records, scalars)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(conforms(value, arm) for arm in typing.get_args(hint))
    if origin is tuple:
        item = typing.get_args(hint)[0]
        return isinstance(value, tuple) and all(conforms(v, item) for v in value)
    if hint is type(None):
        return value is None
    if hint in (int, float):  # bool is an int in Python, never in our records
        return isinstance(value, hint) and not isinstance(value, bool)
    if dataclasses.is_dataclass(hint):
        return isinstance(value, hint) and all_typed(value) == []
    return isinstance(value, hint)


def all_typed(record) -> list[str]:
    """The fields of a record (nested records included) whose value does not match its type."""
    hints = typing.get_type_hints(type(record), vars(sys.modules[type(record).__module__]))
    return [
        f"{type(record).__name__}.{f.name}={getattr(record, f.name)!r}"
        for f in dataclasses.fields(record)
        if not conforms(getattr(record, f.name), hints[f.name])
    ]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A synthetic corpus (benchmarks/corpus.py) with more variety than content/."""
    spec = importlib.util.spec_from_file_location("corpus", REPO / "benchmarks" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["corpus"] = module
    spec.loader.exec_module(module)
    content_dir = module.generate(tmp_path_factory.mktemp("corpus") / "content", 60, seed=7)
    loaded, diagnostics = load_sources_file(module.split_by_tier(content_dir))
    assert not [d for d in diagnostics if d.is_error]
    return loaded


def test_every_sample_description_becomes_a_record(content):
    assert len(content.records) == len(content.documents) > 0
    for document, record in zip(content.documents, content.records, strict=True):
        assert isinstance(record, Praktijk if document.kind == "praktijk" else Archetype)
        assert (record.kind, record.id, record.path) == (document.kind, document.id, document.path)
        assert record.document is document and record.body == document.body
        assert record.titel == document.titel and record.zichtbaarheid == document.zichtbaarheid


@pytest.mark.parametrize("source", ["content", "corpus"])
def test_every_field_lands_typed(request, source):
    loaded = request.getfixturevalue(source)
    problems = [problem for record in loaded.records for problem in all_typed(record)]
    assert problems == []


def test_the_samples_fill_every_nested_record(content):
    """So the typed check above really sees each nested record type and each date."""
    praktijken = [r for r in content.records if isinstance(r, Praktijk)]
    archetypen = [r for r in content.records if isinstance(r, Archetype)]
    assert any(r.kosten and r.kosten.financiering for r in praktijken)
    assert any(r.contact and r.contact.email for r in praktijken)
    assert any(r.laatst_bijgewerkt for r in praktijken) and any(r.eindjaar for r in praktijken)
    assert {type(v.nulmeting) for r in praktijken for v in r.resultaten} >= {int, str}
    assert any(s.url and s.jaar for r in archetypen for s in r.bronnen)
    results = [v for r in praktijken for v in r.resultaten]
    assert any(v.effectgrootte and v.effectgrootte.betrouwbaarheidsinterval for v in results)
    assert any(v.nameting for v in results) and any(r.niet_beoogde_effecten for r in praktijken)
    assert any(r.evaluatie and r.evaluatie.door for r in praktijken)
    assert any(r.beoordeling for r in praktijken) and any(r.geschiedenis for r in praktijken)


def test_front_matter_values_are_mirrored_in_the_record(content):
    """Every front-matter key of every sample lands in the field of the same name."""
    for record in content.records:
        for key, value in record.document.meta.items():
            field = getattr(record, key)
            if isinstance(value, list):
                assert len(field) == len(value), (record.id, key)
            elif key in ("laatst_bijgewerkt", "laatst_herzien"):
                assert field == datetime.date.fromisoformat(value), (record.id, key)
            elif not isinstance(value, dict):
                assert field == value and type(field) is type(value), (record.id, key)


PRAKTIJK = {
    "titel": "Een praktijk",
    "samenvatting": "Een samenvatting van genoeg tekens.",
    "organisatie": "havenstad-wonen",
    "zichtbaarheid": "openbaar",
    "gemeente": "Havenstad",
    "startjaar": 2021,
    "projectstatus": "lopend",
    "themas": ["wonen"],
    "beoogde_effecten": ["minder-overlast"],
}
ARCHETYPE = {
    "titel": "Een archetype",
    "samenvatting": "Een samenvatting van genoeg tekens.",
    "zichtbaarheid": "partners",
    "themas": ["wonen"],
    "beoogde_effecten": ["minder-overlast"],
    "werkzame_bestanddelen": [{"naam": "Contact", "onderbouwing": "Omdat het helpt."}],
    "bewijsniveau": "goed_onderbouwd",
    "auteurs": ["A. Expert"],
    "laatst_herzien": "2024-02-29",
}


def make(kind: str, meta: dict):
    document = Document(kind, "x", f"content/{kind}/x.md", CONTENT / "x.md", meta, "", 1, Parsed())
    return to_record(document)


@pytest.mark.parametrize(
    "kind, meta, field, expected",
    [
        ("praktijk", {}, "wijk", None),
        ("praktijk", {}, "doelgroepen", ()),
        ("praktijk", {}, "resultaten", ()),
        ("praktijk", {}, "kosten", None),
        ("praktijk", {}, "contact", None),
        ("praktijk", {}, "laatst_bijgewerkt", None),
        ("praktijk", {}, "concept", False),
        ("praktijk", {"concept": True}, "concept", True),
        ("praktijk", {"themas": ["a", "b"]}, "themas", ("a", "b")),
        ("praktijk", {"eindjaar": 2023}, "eindjaar", 2023),
        (
            "praktijk",
            {"laatst_bijgewerkt": "2025-01-31"},
            "laatst_bijgewerkt",
            datetime.date(2025, 1, 31),
        ),
        (
            "praktijk",
            {"resultaten": [{"effect": "e", "richting": "werkt", "nulmeting": 1.5}]},
            "resultaten",
            (Result(effect="e", richting="werkt", nulmeting=1.5),),
        ),
        ("praktijk", {"kosten": {"totaal_eur": 100}}, "kosten", Cost(totaal_eur=100)),
        ("praktijk", {}, "bereik_eenheid", None),
        ("praktijk", {"bereik_eenheid": "huishoudens"}, "bereik_eenheid", "huishoudens"),
        (
            "praktijk",
            {"kosten": {"per_deelnemer_eur": 12.5, "financiering": ["gemeente"]}},
            "kosten",
            Cost(per_deelnemer_eur=12.5, financiering=("gemeente",)),
        ),
        ("praktijk", {"contact": {"naam": "Jan"}}, "contact", Contact(naam="Jan")),
        (
            "praktijk",
            {"contact": {"naam": "Jan", "email": "j@x.example", "openbaar": True}},
            "contact",
            Contact(naam="Jan", email="j@x.example", openbaar=True),
        ),
        ("archetype", {}, "laatst_herzien", datetime.date(2024, 2, 29)),
        ("archetype", {}, "bronnen", ()),
        ("archetype", {}, "synoniemen", ()),
        ("archetype", {}, "kostenindicatie", None),
        (
            "archetype",
            {},
            "werkzame_bestanddelen",
            (Component(naam="Contact", onderbouwing="Omdat het helpt."),),
        ),
        (
            "archetype",
            {"bronnen": [{"titel": "Een bron", "jaar": 2020}, {"titel": "B", "url": "https://b"}]},
            "bronnen",
            (Source(titel="Een bron", jaar=2020), Source(titel="B", url="https://b")),
        ),
    ],
)
def test_field_table(kind, meta, field, expected):
    base = PRAKTIJK if kind == "praktijk" else ARCHETYPE
    record = make(kind, {**base, **meta})
    assert getattr(record, field) == expected
    assert all_typed(record) == []


def test_records_are_frozen(content):
    with pytest.raises(dataclasses.FrozenInstanceError):
        content.records[0].titel = "Anders"


def test_only_a_praktijk_has_an_organisation():
    assert make("archetype", ARCHETYPE).organisatie is None
    assert make("praktijk", PRAKTIJK).organisatie == "havenstad-wonen"


def test_content_with_errors_gets_no_records(content_copy):
    path = next((content_copy / "praktijken").glob("*.md"))
    path.write_text(path.read_text(encoding="utf-8").replace("titel:", "tietel:", 1), "utf-8")
    loaded, diagnostics = load_and_validate(content_copy)
    assert any(d.is_error for d in diagnostics)
    assert loaded.records == () and loaded.documents
