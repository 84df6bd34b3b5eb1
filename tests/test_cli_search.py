"""`wwidw search` and `wwidw validate --compare`, run as a user runs them."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from similar_drafts import write_draft

REPO = Path(__file__).resolve().parent.parent


def wwidw(*args, cwd=REPO):
    return subprocess.run(
        [sys.executable, "-m", "wwidw_build", *args], capture_output=True, text=True, cwd=cwd
    )


def found(result) -> list[str]:
    return re.findall(r"^\s*\d+\. (\S+) — ", result.stdout, re.M)


def test_search_prints_id_title_and_score(content_copy):
    result = wwidw("search", "huurachterstanden", "--content", str(content_copy))
    assert result.returncode == 0, result.stderr
    assert "treffers voor 'huurachterstanden' (publiek: openbaar)" in result.stdout
    assert (
        "vroegsignalering-huurachterstand-havenstad — Vroegsignalering huurachterstand in Havenstad-West"
        in result.stdout
    )
    assert re.search(r"\(praktijk, score \d+,\d\d\)", result.stdout)
    assert {
        "vroegsignalering-huurachterstand-havenstad",
        "huisuitzettingen-voorkomen-kempenhoeve",
    } <= set(found(result))


def test_search_respects_the_audience():
    """klushuizen-kanaalzone is zichtbaarheid organisatie (woonstede-rivierland)."""
    own = wwidw(
        "search",
        "stromannen",
        "--sources",
        "bronnen.yml",
        "--audience",
        "organisatie:woonstede-rivierland",
    )
    assert own.returncode == 0 and found(own) == ["klushuizen-kanaalzone"]
    for audience in ("openbaar", "partners", "organisatie:havenstad-wonen"):
        other = wwidw("search", "stromannen", "--sources", "bronnen.yml", "--audience", audience)
        assert other.returncode == 0 and found(other) == []
        assert (
            "klushuizen" not in other.stdout.lower()
            and "Niets gevonden voor 'stromannen'" in other.stdout
        )


def test_search_limit_caps_the_hits(content_copy):
    result = wwidw("search", "bewoners", "wijk", "--content", str(content_copy), "--limit", "2")
    assert result.returncode == 0 and len(found(result)) == 2


def test_search_without_usable_words_says_so(content_copy):
    result = wwidw("search", "de", "het", "--content", str(content_copy))
    assert result.returncode == 0 and "Geen zoekwoorden" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["search"],
        ["search", "x", "--audience", "iedereen"],
        ["search", "x", "--audience", "alle"],
        ["search", "x", "--limit", "0"],
        ["search", "x", "--limit", "veel"],
        ["search", "x", "--content", "/bestaat/niet"],
        ["search", "x", "--audience", "organisatie:bewonersnetwerk-oost"],
    ],
)
def test_search_usage_errors_exit_2_in_dutch(args):
    result = wwidw(*args)
    assert result.returncode == 2, result.stdout
    assert "Fout:" in result.stderr and "Traceback" not in result.stderr


def test_search_help_is_dutch():
    result = wwidw("search", "--help")
    assert result.returncode == 0 and "Gebruik:" in result.stdout and "--limit" in result.stdout


def test_search_reuses_the_cache_between_runs(content_copy):
    cache = content_copy.parent / ".cache" / "wwidw"
    assert wwidw("search", "tuin", "--content", str(content_copy)).returncode == 0
    [file] = cache.glob("index-*.json")
    stamp = file.stat().st_mtime_ns
    assert wwidw("search", "wijk", "--content", str(content_copy)).returncode == 0
    assert list(cache.glob("index-*.json")) == [file] and file.stat().st_mtime_ns == stamp
    (content_copy / "praktijken" / "geveltuinen-bloemenbuurt.md").write_text(
        (content_copy / "praktijken" / "geveltuinen-bloemenbuurt.md").read_text()
        + "\nNieuwe zin.\n"
    )
    assert wwidw("search", "wijk", "--content", str(content_copy)).returncode == 0
    assert len(list(cache.glob("index-*.json"))) == 2


def test_validate_vergelijk_flags_a_copy_and_suggests_its_archetype(content_copy):
    original = (content_copy / "praktijken" / "klushuizen-spoorbuurt.md").read_text()
    copy = content_copy / "praktijken" / "klushuizen-kopie.md"
    copy.write_text(re.sub(r"^archetype: .*\n", "", original, flags=re.M))
    result = wwidw("validate", "--content", str(content_copy), "--compare", str(copy))
    assert result.returncode == 0, result.stdout
    after = result.stdout.split("Lijkt op:", 1)[1]
    assert "0 fouten" in result.stdout.split("Lijkt op:", 1)[0]
    assert re.search(r"1\. klushuizen-spoorbuurt — .*gelijkenis 100%.*waarschijnlijk dubbel", after)
    # The rest of the public content is less alike than SIMILAR_THRESHOLD: not listed.
    assert found(result) == ["klushuizen-spoorbuurt", "klushuizen"]
    assert "Voorgesteld archetype: klushuizen" in after


def test_validate_vergelijk_keeps_json_on_stdout(content_copy):
    path = content_copy / "praktijken" / "buurtbemiddeling-rivierenwijk.md"
    result = wwidw(
        "validate", "--sources", "bronnen.yml", "--format", "json", "--compare", str(path)
    )
    assert result.returncode == 0 and json.loads(result.stdout)["errors"] == 0
    assert "Lijkt op:" in result.stderr and "buurtbemiddeling-portiekflats-noord" in result.stderr
    assert "Voorgesteld archetype" not in result.stderr  # it has one


def test_validate_vergelijk_with_a_missing_file_is_a_usage_error(content_copy):
    result = wwidw(
        "validate", "--content", str(content_copy), "--compare", str(content_copy / "nee.md")
    )
    assert result.returncode == 2 and "bestaat niet" in result.stderr and result.stdout == ""


def test_validate_vergelijk_lists_by_substance_not_by_place(tmp_path):
    """The issue's case through the command: a Buurtkamer in the Rivierenwijk is not like
    Buurtbemiddeling in de Rivierenwijk; neighbour mediation in Kempenhoeve is."""
    buurtkamer = wwidw(
        "validate",
        "--sources",
        "bronnen.yml",
        "--compare",
        str(write_draft(tmp_path, "buurtkamer", "rivierenwijk")),
    )
    assert buurtkamer.returncode == 0, buurtkamer.stdout + buurtkamer.stderr
    after = buurtkamer.stdout.split("Lijkt op:", 1)[1]
    assert found(buurtkamer) and "buurtbemiddeling-rivierenwijk" not in found(buurtkamer)
    assert "Geen archetype om voor te stellen." in after
    bemiddeling = wwidw(
        "validate",
        "--sources",
        "bronnen.yml",
        "--compare",
        str(write_draft(tmp_path, "bemiddeling", "kempenhoeve")),
    )
    after = bemiddeling.stdout.split("Lijkt op:", 1)[1]
    assert found(bemiddeling)[:2] == ["buurtbemiddeling-rivierenwijk", "buurtbemiddeling"]
    assert not {"huisuitzettingen-voorkomen-kempenhoeve", "wijkbudget-bewoners-beslissen"} & set(
        found(bemiddeling)
    )  # the other praktijken in Kempenhoeve
    assert re.search(
        r"1\. buurtbemiddeling-rivierenwijk — .*gelijkenis \d+%: tekst \d+%, "
        r"thema's/effecten/doelgroepen \d+%\)",
        after,
    )
    assert "Voorgesteld archetype: buurtbemiddeling (zet" in after


def test_search_finds_descriptions_by_a_synonym_of_their_effect():
    """`wwidw search vereenzaming`: the public descriptions whose themes or intended effects have
    "vereenzaming" as a synonym in the taxonomy, though none of them says it."""
    from sources import SAMPLE_SOURCES, load_sources_file

    from wwidw_build.audience import Audience, may_see

    content = load_sources_file(SAMPLE_SOURCES)[0]
    registry, public = content.registry, Audience("openbaar")
    effects = {e for e, effect in registry.effecten.items() if "vereenzaming" in effect.synoniemen}
    themes = {t for t, theme in registry.themas.items() if "vereenzaming" in theme.synoniemen}
    expected = {
        d.id
        for d in content.documents
        if may_see(public, d, registry)
        and (
            effects & set(d.meta.get("beoogde_effecten") or ())
            or themes & set(d.meta.get("themas") or ())
        )
    }
    assert "minder-eenzaamheid" in effects and "buurtmoestuin-kanaalweg" in expected
    result = wwidw("search", "vereenzaming", "--sources", "bronnen.yml", "--limit", "100")
    assert result.returncode == 0, result.stderr
    assert set(found(result)) == expected
