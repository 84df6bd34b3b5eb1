"""`wwidw zoek` and `wwidw validate --vergelijk`, run as a user runs them."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def wwidw(*args, cwd=REPO):
    return subprocess.run(
        [sys.executable, "-m", "wwidw_build", *args], capture_output=True, text=True, cwd=cwd
    )


def found(result) -> list[str]:
    return re.findall(r"^\s*\d+\. (\S+) — ", result.stdout, re.M)


def test_zoek_prints_id_title_and_score(content_copy):
    result = wwidw("zoek", "huurachterstanden", "--content", str(content_copy))
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


def test_zoek_respects_the_audience(content_copy):
    """klushuizen-kanaalzone is zichtbaarheid organisatie (woonstede-rivierland)."""
    own = wwidw(
        "zoek",
        "stromannen",
        "--content",
        str(content_copy),
        "--audience",
        "organisatie:woonstede-rivierland",
    )
    assert own.returncode == 0 and found(own) == ["klushuizen-kanaalzone"]
    for audience in ("openbaar", "partners", "organisatie:havenstad-wonen"):
        other = wwidw("zoek", "stromannen", "--content", str(content_copy), "--audience", audience)
        assert other.returncode == 0 and found(other) == []
        assert (
            "klushuizen" not in other.stdout.lower()
            and "Niets gevonden voor 'stromannen'" in other.stdout
        )


def test_zoek_aantal_limits_the_hits(content_copy):
    result = wwidw("zoek", "bewoners", "wijk", "--content", str(content_copy), "--aantal", "2")
    assert result.returncode == 0 and len(found(result)) == 2


def test_zoek_without_usable_words_says_so(content_copy):
    result = wwidw("zoek", "de", "het", "--content", str(content_copy))
    assert result.returncode == 0 and "Geen zoekwoorden" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["zoek"],
        ["zoek", "x", "--audience", "iedereen"],
        ["zoek", "x", "--audience", "alle"],
        ["zoek", "x", "--aantal", "0"],
        ["zoek", "x", "--aantal", "veel"],
        ["zoek", "x", "--content", "/bestaat/niet"],
        ["zoek", "x", "--audience", "organisatie:bewonersnetwerk-oost"],
    ],
)
def test_zoek_usage_errors_exit_2_in_dutch(args):
    result = wwidw(*args)
    assert result.returncode == 2, result.stdout
    assert "Fout:" in result.stderr and "Traceback" not in result.stderr


def test_zoek_help_is_dutch():
    result = wwidw("zoek", "--help")
    assert result.returncode == 0 and "Gebruik:" in result.stdout and "--aantal" in result.stdout


def test_zoek_reuses_the_cache_between_runs(content_copy):
    cache = content_copy.parent / ".cache" / "wwidw"
    assert wwidw("zoek", "tuin", "--content", str(content_copy)).returncode == 0
    [file] = cache.glob("index-*.json")
    stamp = file.stat().st_mtime_ns
    assert wwidw("zoek", "wijk", "--content", str(content_copy)).returncode == 0
    assert list(cache.glob("index-*.json")) == [file] and file.stat().st_mtime_ns == stamp
    (content_copy / "praktijken" / "geveltuinen-bloemenbuurt.md").write_text(
        (content_copy / "praktijken" / "geveltuinen-bloemenbuurt.md").read_text()
        + "\nNieuwe zin.\n"
    )
    assert wwidw("zoek", "wijk", "--content", str(content_copy)).returncode == 0
    assert len(list(cache.glob("index-*.json"))) == 2


def test_validate_vergelijk_flags_a_copy_and_suggests_its_archetype(content_copy):
    original = (content_copy / "praktijken" / "klushuizen-spoorbuurt.md").read_text()
    copy = content_copy / "praktijken" / "klushuizen-kopie.md"
    copy.write_text(re.sub(r"^archetype: .*\n", "", original, flags=re.M))
    result = wwidw("validate", "--content", str(content_copy), "--vergelijk", str(copy))
    assert result.returncode == 0, result.stdout
    after = result.stdout.split("Lijkt op:", 1)[1]
    assert "0 fout(en)" in result.stdout.split("Lijkt op:", 1)[0]
    assert re.search(r"1\. klushuizen-spoorbuurt — .*gelijkenis 100%.*waarschijnlijk dubbel", after)
    assert len(found(result)) == 5 and "klushuizen-kopie" not in found(result)
    assert "Voorgesteld archetype: klushuizen" in after


def test_validate_vergelijk_keeps_json_on_stdout(content_copy):
    path = content_copy / "praktijken" / "buurtbemiddeling-rivierenwijk.md"
    result = wwidw(
        "validate", "--content", str(content_copy), "--format", "json", "--vergelijk", str(path)
    )
    assert result.returncode == 0 and json.loads(result.stdout)["errors"] == 0
    assert "Lijkt op:" in result.stderr and "buurtbemiddeling-portiekflats-noord" in result.stderr
    assert "Voorgesteld archetype" not in result.stderr  # it has one


def test_validate_vergelijk_with_a_missing_file_is_a_usage_error(content_copy):
    result = wwidw(
        "validate", "--content", str(content_copy), "--vergelijk", str(content_copy / "nee.md")
    )
    assert result.returncode == 2 and "bestaat niet" in result.stderr and result.stdout == ""
