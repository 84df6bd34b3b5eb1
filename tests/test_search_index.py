"""The lunr index: Dutch matching, the one visibility rule at query time, and the on-disk cache."""

import re
import subprocess
import sys

import pytest

from wwidw_build.audience import Audience, all_audiences, may_see
from wwidw_build.load import load_content
from wwidw_build.search import index as search_index
from wwidw_build.search.index import load_index, record, search
from wwidw_build.search.text import words

OPENBAAR, PARTNERS = Audience("openbaar"), Audience("partners")
VROEGSIGNALERING = {
    "vroegsignalering-huurachterstand-havenstad",
    "huisuitzettingen-voorkomen-kempenhoeve",
    "samen-tegen-schulden-lindeveen",
}  # the praktijken with archetype vroegsignalering-huurachterstand


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    """One cache folder for the tests that only search (outside the repository's .cache/)."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def fresh_cache(tmp_path):
    """An empty cache folder and nothing in memory: the next load_index builds."""
    search_index.forget_loaded()
    return tmp_path / "cache"


def ids(hits):
    return [hit.id for hit in hits]


def searchable_text(content, document) -> str:
    """Everything the index holds of one description (its record's fields)."""
    archetypes = {d.id: d for d in content.documents if d.kind == "archetype"}
    fields = record(document, content.registry, archetypes)
    return " ".join(v for k, v in fields.items() if k != "ref")


def with_synonym(content, word: str) -> set[str]:
    """The descriptions ``OPENBAAR`` sees with a theme or intended effect that has ``word`` as a
    synonym in the taxonomy."""
    registry = content.registry
    return {
        d.id
        for d in content.documents
        if may_see(OPENBAAR, d, registry)
        and (
            any(word in registry.themas[t].synoniemen for t in d.meta.get("themas") or ())
            or any(
                word in registry.effecten[e].synoniemen
                for e in d.meta.get("beoogde_effecten") or ()
            )
        )
    }


def text_of(content, doc_id):
    return next(d for d in content.documents if d.id == doc_id).source.read_text()


def test_huurachterstanden_finds_the_vroegsignalering_praktijken(content, cache):
    # samen-tegen-schulden-lindeveen (partners) never names huurachterstanden in its text: it is
    # found through the title of its archetype, which every audience that may see it may see too.
    assert "huurachterstand" not in text_of(content, "samen-tegen-schulden-lindeveen").replace(
        "archetype: vroegsignalering-huurachterstand", ""
    )
    found = ids(search(content, "huurachterstanden", PARTNERS, limit=20, cache_dir=cache))
    assert set(found) >= VROEGSIGNALERING
    assert found[0] == "vroegsignalering-huurachterstand"  # the archetype, with it in its title
    public = ids(search(content, "huurachterstanden", OPENBAAR, limit=20, cache_dir=cache))
    assert VROEGSIGNALERING - {"samen-tegen-schulden-lindeveen"} <= set(public)
    assert "samen-tegen-schulden-lindeveen" not in public


def test_bewoner_finds_descriptions_that_only_say_bewoners(content, cache):
    only_plural = {
        d.id
        for d in content.documents
        if may_see(OPENBAAR, d, content.registry)
        and re.search(r"\bbewoners\b", d.body, re.I)
        and not re.search(r"\bbewoner\b", d.body, re.I)
    }
    assert len(only_plural) >= 5
    assert only_plural <= set(ids(search(content, "bewoner", OPENBAAR, limit=100, cache_dir=cache)))


def test_bewoners_finds_a_description_that_only_says_bewoner(content_copy, cache):
    path = content_copy / "praktijken" / "energiecoaches-zuiderdam.md"
    path.write_text(re.sub(r"\b([Bb])ewoners\b", r"\1ewoner", path.read_text()))
    assert not re.search(r"\bbewoners\b", path.read_text(), re.I)
    copy = load_content(content_copy)[0]
    assert "energiecoaches-zuiderdam" in ids(
        search(copy, "bewoners", OPENBAAR, limit=100, cache_dir=cache)
    )


def test_a_word_finds_longer_words_that_start_with_its_stem(content, cache):
    # as Pagefind does on the site: "achterstand" finds "achterstanden" (and "achterstandsbrief"),
    # never a compound that only ends in it ("huurachterstand")
    found = set(ids(search(content, "achterstand", OPENBAAR, limit=100, cache_dir=cache)))
    expected = {
        d.id
        for d in content.documents
        if may_see(OPENBAAR, d, content.registry)
        and any(w.startswith("achterstand") for w in words(searchable_text(content, d)))
    }
    assert expected and found == expected


def test_an_organisation_only_description_is_found_only_by_its_organisation(content, cache):
    word = "stromannen"  # only in content/praktijken/klushuizen-kanaalzone.md (zichtbaarheid: organisatie)
    assert [d.id for d in content.documents if word in d.source.read_text()] == [
        "klushuizen-kanaalzone"
    ]
    own = Audience("organisatie:woonstede-rivierland")
    assert ids(search(content, word, own, cache_dir=cache)) == ["klushuizen-kanaalzone"]
    for audience in (OPENBAAR, PARTNERS, Audience("organisatie:havenstad-wonen")):
        assert search(content, word, audience, cache_dir=cache) == []


def test_every_hit_is_visible_to_its_audience_by_the_one_rule(content, cache):
    """For every hidden description and every audience, a search on its title never shows what the
    audience may not see, and does find it for an audience that may."""
    hidden = [d for d in content.documents if not may_see(OPENBAAR, d, content.registry)]
    assert {d.zichtbaarheid for d in hidden} >= {"partners", "organisatie"} and any(
        d.concept for d in hidden
    )
    for document in hidden:
        for audience in all_audiences(content.registry):
            hits = search(content, document.titel, audience, limit=100, cache_dir=cache)
            assert all(may_see(audience, hit.document, content.registry) for hit in hits)
            assert (document.id in ids(hits)) == may_see(audience, document, content.registry)
    public = search(content, "bewoners wijk huurders", OPENBAAR, limit=100, cache_dir=cache)
    assert public and all(
        h.document.zichtbaarheid == "openbaar" and not h.document.concept for h in public
    )


def test_limit_and_order(content, cache):
    hits = search(content, "buurtbemiddeling", OPENBAAR, limit=3, cache_dir=cache)
    assert len(hits) == 3 and [h.score for h in hits] == sorted(
        (h.score for h in hits), reverse=True
    )


def test_only_stop_words_or_unknown_words_find_nothing(content, cache):
    assert search(content, "de het een", OPENBAAR, cache_dir=cache) == []
    assert search(content, "xyzzyplugh", OPENBAAR, cache_dir=cache) == []


def test_the_cache_is_reused(content, fresh_cache):
    before = search_index.builds
    first = load_index(content, cache_dir=fresh_cache)
    assert search_index.builds == before + 1 and not first.from_cache
    [file] = fresh_cache.glob("index-*.json")
    stamp = file.stat().st_mtime_ns
    search_index.forget_loaded()  # as in a new process: read from disk
    second = load_index(content, cache_dir=fresh_cache)
    assert second.from_cache and second.key == first.key and search_index.builds == before + 1
    assert file.stat().st_mtime_ns == stamp and list(fresh_cache.glob("index-*.json")) == [file]
    assert second.index.serialize() == first.index.serialize()


def test_the_cache_is_invalidated_when_content_changes(content_copy, fresh_cache):
    first = load_index(load_content(content_copy)[0], cache_dir=fresh_cache)
    path = content_copy / "praktijken" / "energiecoaches-zuiderdam.md"
    path.write_text(path.read_text() + "\nEen nieuwe zin over zonnepanelen op het dak.\n")
    before = search_index.builds
    changed = load_content(content_copy)[0]
    second = load_index(changed, cache_dir=fresh_cache)
    assert second.key != first.key and not second.from_cache and search_index.builds == before + 1
    assert len(list(fresh_cache.glob("index-*.json"))) == 2
    assert "energiecoaches-zuiderdam" in ids(
        search(changed, "zonnepanelen", OPENBAAR, cache_dir=fresh_cache)
    )


def test_a_damaged_cache_file_is_rebuilt(content, fresh_cache):
    key = load_index(content, cache_dir=fresh_cache).key
    (fresh_cache / f"index-{key}.json").write_text("{niet af")
    search_index.forget_loaded()
    assert not load_index(content, cache_dir=fresh_cache).from_cache


def test_the_default_cache_folder_is_next_to_the_content(content_copy):
    copy = load_content(content_copy)[0]
    assert search_index.cache_folder(copy) == content_copy.parent / ".cache" / "wwidw"


def test_every_document_is_indexed_once(content, cache):
    searcher = load_index(content, cache_dir=cache)
    assert sorted(searcher.documents) == sorted(d.path for d in content.documents)
    indexed = {
        field_ref.split("/", 1)[1] for field_ref in searcher.index.field_vectors
    }  # "<field>/<ref>"
    assert indexed == {d.path for d in content.documents}


def test_a_praktijk_carries_its_archetype_title_only_when_that_archetype_is_as_visible(content):
    archetypes = {d.id: d for d in content.by_kind("archetype")}
    by_id = {d.id: d for d in content.documents}
    # partners-only praktijk, public archetype: every audience that sees the praktijk sees the
    # archetype
    fields = search_index.record(
        by_id["samen-tegen-schulden-lindeveen"], content.registry, archetypes
    )
    assert archetypes["vroegsignalering-huurachterstand"].titel in fields["trefwoorden"]
    # public praktijk, partners-only archetype: the public must not find it by the hidden
    # archetype's title
    assert by_id["wijkconcierge-de-horst"].zichtbaarheid == "openbaar"
    assert archetypes["wijkconcierge"].zichtbaarheid == "partners"
    fields = search_index.record(by_id["wijkconcierge-de-horst"], content.registry, archetypes)
    assert archetypes["wijkconcierge"].titel not in fields["trefwoorden"]


def test_a_cache_that_cannot_be_written_only_costs_time(content, tmp_path):
    search_index.forget_loaded()
    blocked = tmp_path / "een-bestand"
    blocked.write_text("geen map")
    assert search(content, "buurtbemiddeling", OPENBAAR, cache_dir=blocked / "cache")
    assert blocked.read_text() == "geen map"


def test_a_hostile_body_is_indexed_in_linear_time(content_copy):
    """An unclosed '<!--' (and '](' without ')') once made every match rescan to the end of the body:
    minutes for 200 KB. The subprocess's timeout is a generous bound, not a measurement."""
    path = content_copy / "praktijken" / "buurtbemiddeling-rivierenwijk.md"
    path.write_text(path.read_text("utf-8") + "](" * 10_000 + "<!--" * 50_000, "utf-8")
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from wwidw_build.load import load_content\n"
        "from wwidw_build.search.index import record\n"
        "content = load_content(Path(sys.argv[1]))[0]\n"
        "document = next(d for d in content.documents if d.id == 'buurtbemiddeling-rivierenwijk')\n"
        "assert '<!--' * 1000 in record(document, content.registry)['body']\n"
    )
    subprocess.run([sys.executable, "-c", code, str(content_copy)], check=True, timeout=60)


def test_a_synonym_from_the_taxonomy_finds_the_descriptions_with_that_theme_or_effect(
    content, cache
):
    # "vereenzaming" is in no public description: only a synonym of the effect minder-eenzaamheid and
    # the theme eenzaamheid
    public = [d for d in content.documents if may_see(OPENBAAR, d, content.registry)]
    assert not any("vereenzaming" in d.source.read_text().lower() for d in public)
    expected = with_synonym(content, "vereenzaming")
    assert "buurtmoestuin-kanaalweg" in expected  # beoogde_effecten: minder-eenzaamheid
    found = ids(search(content, "vereenzaming", OPENBAAR, limit=100, cache_dir=cache))
    assert set(found) == expected and len(found) == len(expected)
    # a synonym of two words: both words hold for the same descriptions
    two = set(ids(search(content, "sociaal isolement", OPENBAAR, limit=100, cache_dir=cache)))
    assert expected <= two


def test_every_word_of_the_query_must_match(content, cache):
    """As on the site (Pagefind): a description is found only when it holds every word."""

    def found(text):
        return set(ids(search(content, text, OPENBAAR, limit=1000, cache_dir=cache)))

    for first, second in [
        ("eenzaamheid", "ouderen"),
        ("overlast", "jongeren"),
        ("schulden", "huurders"),
    ]:
        both, one, other = found(f"{first} {second}"), found(first), found(second)
        assert both == one & other
        assert both and one | other != both  # matching ANY word would find more
        assert found(f"{first} de {second}") == both  # a stop word is left out
