"""Dutch text analysis: the same terms for a word when it is indexed and when it is searched for."""

import pytest
from lunr.pipeline import Pipeline

from wwidw_build.search import text as search_text
from wwidw_build.search.text import STOP_WORDS, fold, singulars, stems, terms, word_terms, words


def shared(a: str, b: str) -> set[str]:
    return set(terms(a)) & set(terms(b))


@pytest.mark.parametrize(
    "plural, singular",
    [
        ("bewoners", "bewoner"),
        ("huurachterstanden", "huurachterstand"),
        ("schulden", "schuld"),
        ("adressen", "adres"),
        ("problemen", "probleem"),
        ("straten", "straat"),
        ("portiekflats", "portiekflat"),
        ("klushuizen", "klushuis"),
        ("brieven", "brief"),
        ("mogelijkheden", "mogelijkheid"),
        ("ruzies", "ruzie"),
        ("kinderen", "kind"),
        ("gezinnen", "gezin"),
        ("woningen", "woning"),
        ("foto's", "foto"),
    ],
)
def test_plural_and_singular_share_a_term(plural, singular):
    assert shared(plural, singular), (terms(plural), terms(singular))


def test_what_the_snowball_stemmer_already_does():
    # Both examples of the issue are handled by Snowball's Dutch stemmer on its own ...
    assert stems("bewoners")[0] == stems("bewoner")[0]
    assert stems("huurachterstanden")[0] == stems("huurachterstand")[0]
    # ... this one is not (in snowballstemmer 3), which is why singulars are indexed too.
    assert "schuld" in singulars("schulden")


def test_the_own_stem_always_comes_first():
    for word in ("bewoners", "schulden", "straten", "huis", "wijk"):
        assert stems(word)[0] == search_text._STEMMER.stemWord(word)


def test_short_words_and_non_plurals_get_no_singular():
    assert singulars("huis") == () and singulars("wijk") == () and singulars("crisis") == ()


def test_stop_words_numbers_and_punctuation_are_dropped():
    assert terms("De 12 bewoners en het, van (2021) — in een wijk!") == terms("bewoners wijk")
    assert all(word == fold(word) for word in STOP_WORDS) and 90 <= len(STOP_WORDS) <= 160


def test_accents_are_folded():
    assert fold("Cliënt één café") == "client een cafe"
    assert shared("cliënten", "client") and shared("taalcafé", "taalcafe")


def test_words_split_on_punctuation_inside_a_token():
    assert words("huur/schuld e-mail foto's x") == ["huur", "schuld", "mail", "foto"]


def test_pipeline_functions_are_registered_for_loading_a_serialized_index():
    for function in search_text.FUNCTIONS:
        assert Pipeline.registered_functions[function.label] is function
    assert [f.label for f in search_text.pipeline()._stack] == [
        f.label for f in search_text.FUNCTIONS
    ]


def test_word_terms_groups_the_terms_of_each_distinct_word_without_stop_words():
    assert word_terms("Eenzaamheid bij ouderen, eenzaamheid in de wijk") == [
        stems("eenzaamheid"),
        stems("ouderen"),
        stems("wijk"),
    ]
    assert word_terms("de en het") == []
