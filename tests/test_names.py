"""Place and organisation names, read from the data, left out of a text; their ordinary words kept."""

import dataclasses

import pytest
from similar_drafts import PLACES, SUBJECTS, draft_text

from wwidw_build.load import document_from_text
from wwidw_build.search.names import name_stems, names, without_names
from wwidw_build.search.text import stems


def stem(word: str) -> str:
    return stems(word.lower())[0]


def draft(content, tmp_path, text: str):
    path = tmp_path / "concept.md"
    document = document_from_text(content.root, "praktijk", path, text, [])
    assert document is not None
    return document


def test_every_place_and_organisation_in_the_data_is_a_name(content):
    found = names(content)
    for document in content.by_kind("praktijk"):
        assert document.meta["gemeente"] in found
        assert document.meta.get("wijk", document.meta["gemeente"]) in found
        assert set(document.meta.get("partners", [])) <= set(found)
    for organisation in content.registry.organisaties.values():
        assert organisation.id in found and organisation.naam in found
    stems_found = name_stems(content)
    for word in (
        "Rivierenwijk",
        "Rivierstede",
        "Havenkwartier",
        "Havenstad",
        "Kempenhoeve",
        "Lindeveen",
        "Zuiderdam",
        "Oosterpark",
        "Spoorbuurt",
        "Woonstede",  # registry names
        "Kempenland",
        "Brug",  # Stichting Welzijn De Brug
        "Bewonersnetwerk",  # in the registry only: no description names it
        "Kustland",  # a partner: GGZ Kustland
    ):
        assert stem(word) in stems_found, word


@pytest.mark.parametrize(
    "word",
    [
        "buurtbemiddeling",
        "politie",
        "gemeente",
        "wijkteam",
        "welzijn",
        "wonen",
        "GGZ",
        "bibliotheek",
    ],
)
def test_an_ordinary_word_in_a_name_is_kept(content, word):
    """ "Buurtbemiddeling Havenstad", "Politie basisteam Rivierstede-Zuid", "Gemeente Lindeveen",
    "Havenstad Wonen", "GGZ Rivierenland": the descriptions write these words in lower case (or as an
    abbreviation), so they are words, not names."""
    assert any(stem(w) == stem(word) for name in names(content) for w in name.split())
    assert stem(word) not in name_stems(content)


def test_a_drafts_own_place_and_partners_are_names_with_it(content, tmp_path):
    """A town no other description names is a name as soon as the draft names it."""
    document = draft(content, tmp_path, draft_text(SUBJECTS["buurtkamer"], PLACES["dijkzicht"]))
    assert stem("Dijkzicht") not in name_stems(content)
    with_draft = name_stems(content, (document,))
    assert {stem("Dijkzicht"), stem("Vogelwijk")} <= with_draft
    stripped = without_names(
        f"{document.titel} {document.meta['samenvatting']} {document.body}", with_draft
    )
    assert "dijkzicht" not in stripped and "vogelwijk" not in stripped
    assert "buurtkamer" in stripped.split() and "ouderen" in stripped.split()


def test_an_address_does_not_make_a_name_an_ordinary_word(content, tmp_path):
    """Web and e-mail addresses are lower case whatever they name."""
    text = draft_text(SUBJECTS["buurtkamer"], PLACES["dijkzicht"])
    text += "\nZie www.dijkzicht.example/buurtkamer of mail info@vogelwijk.example.\n"
    document = draft(content, tmp_path, text)
    assert {stem("Dijkzicht"), stem("Vogelwijk")} <= name_stems(content, (document,))
    lower = draft(content, tmp_path, text + "\nDe vogelwijk heeft veel groen.\n")
    assert stem("Vogelwijk") not in name_stems(content, (lower,))  # written as an ordinary word


def test_without_names_leaves_out_names_and_their_adjectives(content):
    stripped = without_names(
        "De Havenstadse aanpak in de Rivierenwijk van Welzijn De Brug, met Buurtbemiddeling "
        "Havenstad, de politie en GGZ Kustland.",
        name_stems(content),
    ).split()
    assert stripped == [
        "de",
        "aanpak",
        "in",
        "de",
        "van",
        "welzijn",
        "de",
        "met",
        "buurtbemiddeling",
        "de",
        "politie",
        "en",
        "ggz",
    ]


def test_names_are_read_from_any_content(content):
    """Nothing is listed: another registry and other places give other names."""
    registry = dataclasses.replace(content.registry, organisaties={})
    bare = dataclasses.replace(content, registry=registry, documents=())
    assert names(bare) == [] and name_stems(bare) == frozenset()
