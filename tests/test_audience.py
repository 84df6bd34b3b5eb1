"""The visibility rule (docs/design.md), tested over synthetic descriptions and the real registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from wwidw_build.audience import (
    Audience,
    UnknownAudience,
    all_audiences,
    may_see,
    parse_audience,
    show_contact,
)
from wwidw_build.load import load_content
from wwidw_build.model import Document
from wwidw_build.records import Record, to_record
from wwidw_build.strict_yaml import Parsed

CONTENT = Path(__file__).resolve().parent.parent / "content"
REGISTRY = load_content(CONTENT)[0].registry

PARTNERS = [o.id for o in REGISTRY.organisaties.values() if o.partner]
NON_PARTNERS = [o.id for o in REGISTRY.organisaties.values() if not o.partner]
AUDIENCES = ["openbaar", "partners"] + [f"organisatie:{o}" for o in PARTNERS]


def test_registry_has_what_the_table_needs():
    assert len(PARTNERS) >= 2 and NON_PARTNERS, (
        "the table needs two partner organisations and a non-partner"
    )


def document(kind: str = "praktijk", doc_id: str = "synthetisch-voorbeeld", **meta) -> Document:
    meta = {"titel": "Synthetisch voorbeeld", **meta}
    return Document(
        kind,
        doc_id,
        f"content/{kind}/{doc_id}.md",
        CONTENT / f"{doc_id}.md",
        meta,
        "Tekst.",
        1,
        Parsed(),
    )


VALID = {
    "praktijk": {
        "samenvatting": "Een synthetische praktijk voor de test.",
        "gemeente": "Lindeveen",
        "startjaar": 2020,
        "projectstatus": "lopend",
        "themas": ["wonen"],
        "beoogde_effecten": ["minder-overlast"],
    },
    "archetype": {
        "samenvatting": "Een synthetisch archetype voor de test.",
        "themas": ["wonen"],
        "beoogde_effecten": ["minder-overlast"],
        "werkzame_bestanddelen": [{"naam": "Iets", "onderbouwing": "Omdat het werkt."}],
        "bewijsniveau": "goed_beschreven",
        "auteurs": ["A. Expert"],
        "laatst_herzien": "2024-01-01",
    },
}


def record(kind: str = "praktijk", doc_id: str = "synthetisch-voorbeeld", **meta) -> Record:
    """The typed record of a description with valid front matter (VALID plus ``meta``)."""
    return to_record(document(kind, doc_id, **{**VALID[kind], **meta}))


def audience(name: str) -> Audience:
    return parse_audience(name, REGISTRY)


# ---------------------------------------------------------------------------------------------------------------
# The table itself: description's zichtbaarheid x audience (own org / another org).


def expected(zichtbaarheid: str, doc_org: str | None, audience_name: str) -> bool:
    """docs/design.md's visibility table, written out independently of the product code."""
    aud_org = audience_name.split(":", 1)[1] if audience_name.startswith("organisatie:") else None
    if zichtbaarheid == "openbaar":
        return True
    if zichtbaarheid == "partners":
        if audience_name == "openbaar":
            return False
        if audience_name == "partners":
            return True
        return REGISTRY.organisaties[
            aud_org
        ].partner  # own or another org: yes if that org is a partner
    if zichtbaarheid == "organisatie":
        return aud_org is not None and aud_org == doc_org
    raise AssertionError(zichtbaarheid)


TABLE_CASES = [
    (vis, org, aud)
    for vis in ("openbaar", "partners", "organisatie")
    for org in PARTNERS + NON_PARTNERS
    for aud in AUDIENCES
]


@pytest.mark.parametrize("zichtbaarheid,doc_org,audience_name", TABLE_CASES)
@pytest.mark.parametrize("make", [document, record])  # a loaded document and its typed record
def test_visibility_table_praktijk(zichtbaarheid, doc_org, audience_name, make):
    doc = make(zichtbaarheid=zichtbaarheid, organisatie=doc_org)
    want = expected(zichtbaarheid, doc_org, audience_name)
    assert may_see(audience(audience_name), doc, REGISTRY) is want
    # asking for drafts changes nothing for a description that is not a draft
    assert may_see(audience(audience_name), doc, REGISTRY, include_concepts=True) is want


@pytest.mark.parametrize(
    "zichtbaarheid,audience_name,want",
    [
        ("openbaar", "openbaar", True),
        ("openbaar", "partners", True),
        ("openbaar", "organisatie:havenstad-wonen", True),
        ("openbaar", "organisatie:gemeente-lindeveen", True),
        ("partners", "openbaar", False),
        ("partners", "partners", True),
        ("partners", "organisatie:havenstad-wonen", True),
        ("partners", "organisatie:gemeente-lindeveen", True),
        ("organisatie", "openbaar", False),
        ("organisatie", "partners", False),
        ("organisatie", "organisatie:havenstad-wonen", True),
        ("organisatie", "organisatie:gemeente-lindeveen", False),
    ],
)
def test_visibility_table_literal_rows(zichtbaarheid, audience_name, want):
    """The table row by row for a havenstad-wonen praktijk (own org = havenstad-wonen)."""
    doc = document(zichtbaarheid=zichtbaarheid, organisatie="havenstad-wonen")
    assert may_see(audience(audience_name), doc, REGISTRY) is want


@pytest.mark.parametrize(
    "zichtbaarheid,audience_name,want",
    [("openbaar", a, True) for a in AUDIENCES]
    + [("partners", a, a != "openbaar") for a in AUDIENCES]
    + [("organisatie", a, False) for a in AUDIENCES],
)  # an archetype has no own organisation
@pytest.mark.parametrize("make", [document, record])
def test_visibility_table_archetype(zichtbaarheid, audience_name, want, make):
    doc = make("archetype", "synthetisch-archetype", zichtbaarheid=zichtbaarheid)
    assert may_see(audience(audience_name), doc, REGISTRY) is want


def test_organisatie_praktijk_without_organisation_is_never_visible():
    doc = document(zichtbaarheid="organisatie")
    assert not any(may_see(audience(a), doc, REGISTRY, include_concepts=True) for a in AUDIENCES)


# ---------------------------------------------------------------------------------------------------------------
# Concepts.


@pytest.mark.parametrize("zichtbaarheid", ["openbaar", "partners", "organisatie"])
@pytest.mark.parametrize("audience_name", AUDIENCES)
@pytest.mark.parametrize("make", [document, record])
def test_concept_hidden_unless_drafts_requested(zichtbaarheid, audience_name, make):
    doc = make(zichtbaarheid=zichtbaarheid, organisatie="havenstad-wonen", concept=True)
    assert may_see(audience(audience_name), doc, REGISTRY) is False
    assert may_see(audience(audience_name), doc, REGISTRY, include_concepts=True) is expected(
        zichtbaarheid, "havenstad-wonen", audience_name
    )


@pytest.mark.parametrize("audience_name", AUDIENCES)
def test_concept_false_is_an_ordinary_description(audience_name):
    doc = document(zichtbaarheid="openbaar", organisatie="havenstad-wonen", concept=False)
    assert may_see(audience(audience_name), doc, REGISTRY) is True


@pytest.mark.parametrize("concept", ["true", "ja", "false", 1, 0, None, [], {"a": 1}])
@pytest.mark.parametrize("audience_name", AUDIENCES)
def test_malformed_concept_is_hidden_without_drafts(concept, audience_name):
    doc = document(zichtbaarheid="openbaar", organisatie="havenstad-wonen", concept=concept)
    assert may_see(audience(audience_name), doc, REGISTRY) is False


# ---------------------------------------------------------------------------------------------------------------
# Missing or malformed zichtbaarheid: never visible, for anyone, drafts or not.

MISSING = object()


@pytest.mark.parametrize(
    "value",
    [
        MISSING,
        None,
        "",
        "Openbaar",
        "OPENBAAR",
        " openbaar",
        "openbaar ",
        "public",
        "partner",
        "Partners",
        "organisatie:havenstad-wonen",
        "alle",
        True,
        1,
        ["openbaar"],
        {"openbaar": True},
    ],
    ids=repr,
)
@pytest.mark.parametrize("kind", ["praktijk", "archetype"])
def test_malformed_or_missing_visibility_is_never_visible(value, kind):
    meta = {"organisatie": "havenstad-wonen"} if kind == "praktijk" else {}
    if value is not MISSING:
        meta["zichtbaarheid"] = value
    doc = document(kind, **meta)
    for name in AUDIENCES:
        for drafts in (False, True):
            assert may_see(audience(name), doc, REGISTRY, include_concepts=drafts) is False, (
                name,
                drafts,
            )


# ---------------------------------------------------------------------------------------------------------------
# Audience names.


def test_all_audiences():
    names = [a.name for a in all_audiences(REGISTRY)]
    assert names == AUDIENCES
    assert len(names) == len(set(names))
    assert not any(a.endswith(f":{o}") for a in names for o in NON_PARTNERS)


@pytest.mark.parametrize("name", AUDIENCES)
def test_parse_audience_accepts(name):
    parsed = parse_audience(name, REGISTRY)
    assert parsed == Audience(name) and parsed.name == name


@pytest.mark.parametrize("org", NON_PARTNERS)
def test_parse_audience_rejects_non_partner_organisation(org):
    assert org in REGISTRY.organisaties
    with pytest.raises(UnknownAudience):
        parse_audience(f"organisatie:{org}", REGISTRY)


@pytest.mark.parametrize(
    "name",
    [
        "",
        "alle",
        "Openbaar",
        "publiek",
        "partner",
        "organisatie",
        "organisatie:",
        "organisatie:bestaat-niet",
        "organisatie:Havenstad-Wonen",
        "organisatie: havenstad-wonen",
        "organisatie-havenstad-wonen",
        "organisatie:havenstad-wonen:extra",
        "organisatie:havenstad_wonen",
        " openbaar",
        "openbaar\n",
        "organisatie:havenstad-wonen ",
        "organisatie:havenstad-wonen\n",
    ],
    ids=repr,
)
def test_parse_audience_rejects(name):
    with pytest.raises(UnknownAudience):
        parse_audience(name, REGISTRY)


@pytest.mark.parametrize(
    "name,folder,organisation,public",
    [
        ("openbaar", "openbaar", None, True),
        ("partners", "partners", None, False),
        ("organisatie:havenstad-wonen", "organisatie-havenstad-wonen", "havenstad-wonen", False),
        ("organisatie:platform31", "organisatie-platform31", "platform31", False),
    ],
)
def test_audience_properties(name, folder, organisation, public):
    parsed = parse_audience(name, REGISTRY)
    assert parsed.folder == folder
    assert parsed.organisation == organisation
    assert parsed.is_public is public


def test_every_audience_has_its_own_folder_without_colon():
    folders = [a.folder for a in all_audiences(REGISTRY)]
    assert len(set(folders)) == len(folders)
    assert all(":" not in f and "/" not in f for f in folders)
    assert {f for f in folders if f.startswith("organisatie-")} == {
        f"organisatie-{o}" for o in PARTNERS
    }


# ---------------------------------------------------------------------------------------------------------------
# Contact details.


@pytest.mark.parametrize(
    "contact,public_sees,others_see",
    [
        ({"naam": "A", "openbaar": True}, True, True),
        ({"naam": "A", "openbaar": False}, False, True),
        ({"naam": "A"}, False, True),
        (None, False, False),
    ],
)
def test_show_contact(contact, public_sees, others_see):
    """On validated records only: the schema makes contact.openbaar a bool when present."""
    meta = {"zichtbaarheid": "openbaar", "organisatie": "havenstad-wonen"}
    if contact is not None:
        meta["contact"] = contact
    doc = record(**meta)
    assert show_contact(audience("openbaar"), doc) is public_sees
    for name in AUDIENCES[1:]:
        assert show_contact(audience(name), doc) is others_see, name
