import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from wwidw_build.checks.schema_check import SCHEMA_NAMES, check, field_label, schema, subschema
from wwidw_build.strict_yaml import parse

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


def walk_properties(node, path=()):
    for key, sub in node.get("properties", {}).items():
        yield path + (key,), sub
        yield from walk_properties(sub, path + (key,))
        if isinstance(sub.get("items"), dict):
            yield from walk_properties(sub["items"], path + (key, "[]"))
    if isinstance(node.get("items"), dict):
        yield from walk_properties(node["items"], path)
    for name, sub in node.get("$defs", {}).items():
        yield from walk_properties(sub, path + ("$defs", name))


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schema_is_valid_2020_12_and_strict(name):
    data = json.loads((SCHEMAS / f"{name}.schema.json").read_text())
    Draft202012Validator.check_schema(data)
    assert data["$schema"].endswith("2020-12/schema")
    objects = [data] + [sub for _, sub in walk_properties(data)] + [data.get("items", {})]
    for node in objects:
        if node.get("type") == "object":
            assert node.get("additionalProperties") is False


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_every_property_has_dutch_title_and_description(name):
    for path, sub in walk_properties(schema(name)):
        assert sub.get("title") and sub.get("description"), path


def test_errors_are_located_and_dutch():
    text = "titel: ab\nzichtbaarheid: publiek\nstartjaar: twintig\ntittel: x\n"
    parsed = parse(text, line_offset=1)
    found = {(d.code, d.line) for d in check("praktijk", parsed.value, parsed, "x.md")}
    assert {("veld-te-kort", 2), ("veld-keuze", 3), ("veld-type", 4), ("veld-onbekend", 5)} <= found
    assert ("veld-verplicht", 2) in found


def test_unknown_key_suggests_the_close_one():
    parsed = parse("tittel: x\n")
    hints = [
        d.hint for d in check("praktijk", parsed.value, parsed, "x.md") if d.code == "veld-onbekend"
    ]
    assert hints == ["Bedoelde u 'titel'?"]


def test_ambiguous_date_is_fine_in_a_date_field_but_not_in_text():
    parsed = parse("laatst_bijgewerkt: 2024-01-02\nwijk: 2024-01-02\n")
    codes = {(d.code, d.line) for d in check("praktijk", parsed.value, parsed, "x.md")}
    assert ("yaml-dubbelzinnig", 2) in codes and ("yaml-dubbelzinnig", 1) not in codes


def test_subschema_follows_refs_and_items():
    assert subschema("praktijk", ("resultaten", 0, "richting"))["enum"][0] == "werkt"
    assert subschema("praktijk", ("bestaat-niet",)) is None


def test_field_label_is_readable():
    assert field_label(("resultaten", 1, "richting")) == "resultaten → nr. 2 → richting"
