import json
import os
from pathlib import Path

import pytest
from conftest import wwidw
from sources import SAMPLE_SOURCES

from wwidw_build.content_sources import read_sources_file
from wwidw_build.load import MAX_BYTES, load_content, load_sources, split_front_matter

CONTENT = Path(__file__).resolve().parent.parent / "content"


def _sample_sources():
    """Every sample source (bronnen.yml: content/ and voorbeeldbronnen/), loaded."""
    sources, problems = read_sources_file(SAMPLE_SOURCES)
    assert problems == []
    return load_sources(sources)


def test_sample_content_loads_without_problems():
    assert load_content(CONTENT)[1] == []
    content, diagnostics = _sample_sources()
    assert diagnostics == []
    praktijken = content.by_kind("praktijk")
    assert len(praktijken) >= 24 and len(content.by_kind("archetype")) >= 6


def test_sample_praktijken_meet_the_brief():
    content, _ = _sample_sources()
    praktijken = content.by_kind("praktijk")
    assert {d.zichtbaarheid for d in praktijken} == {"openbaar", "partners", "organisatie"}
    assert {d.meta["projectstatus"] for d in praktijken} == {"lopend", "afgerond", "gestopt"}
    directions = {r["richting"] for d in praktijken for r in d.meta.get("resultaten", [])}
    assert {"werkt", "geen_effect", "averechts"} <= directions
    assert sum(d.concept for d in praktijken) >= 2
    assert any("archetype" in d.meta for d in praktijken) and any(
        "archetype" not in d.meta for d in praktijken
    )
    for d in praktijken:
        assert 300 <= len(d.body.split()) <= 900, d.id


def test_body_line_points_after_the_front_matter():
    front, body, line = split_front_matter("---\na: 1\nb: 2\n---\n## Aanleiding\n")
    assert (front, body, line) == ("a: 1\nb: 2\n", "## Aanleiding\n", 5)


@pytest.mark.parametrize(
    "text,code",
    [
        ("", "bestand-leeg"),
        ("titel: x\n", "voorwerk-ontbreekt"),
        ("---\ntitel: x\n", "voorwerk-niet-afgesloten"),
    ],
)
def test_split_errors(text, code):
    assert split_front_matter(text) == code


def test_crlf_and_bom_are_normalised(registry_only):
    source = (CONTENT / "praktijken" / "klushuizen-spoorbuurt.md").read_text()
    (registry_only / "praktijken" / "a.md").write_bytes(
        b"\xef\xbb\xbf" + source.replace("\n", "\r\n").encode()
    )
    content, diagnostics = load_content(registry_only)
    assert diagnostics == [] and content.documents[0].meta["titel"]


def test_limit_is_256_kib():
    assert MAX_BYTES == 256 * 1024


# --- Nothing skipped without a word (issue 13 item 9) ----------------------------------------------


def _walk_codes(content_dir):
    return sorted(
        (d.file, d.code, d.severity) for d in load_content(content_dir)[1] if d.code != "symlink"
    )


def test_skipped_files_and_folders_are_reported(registry_only):
    source = (CONTENT / "praktijken" / "klushuizen-spoorbuurt.md").read_bytes()
    praktijken = registry_only / "praktijken"
    (praktijken / "README.md").write_bytes(source)
    (praktijken / ".concepten").mkdir()
    (praktijken / ".concepten" / "verstopt.md").write_bytes(source)
    (praktijken / "sub" / ".git").mkdir(parents=True)
    (praktijken / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (praktijken / ".gitkeep").write_text("niet leeg\n")
    (registry_only / "archetypen" / "README.md").write_text("# Uitleg\n")
    assert _walk_codes(registry_only) == [
        ("content/archetypen/README.md", "bestand-overgeslagen", "warning"),
        ("content/praktijken/.DS_Store", "bestand-onbekend", "warning"),
        ("content/praktijken/.concepten", "map-overgeslagen", "warning"),
        ("content/praktijken/.gitkeep", "bestand-onbekend", "warning"),
        ("content/praktijken/README.md", "bestand-overgeslagen", "warning"),
        ("content/praktijken/sub/.git", "map-overgeslagen", "warning"),
    ]


def test_an_empty_gitkeep_is_the_only_silent_skip(registry_only):
    """`wwidw source new` writes empty .gitkeep files so git keeps the empty folders."""
    (registry_only / "praktijken" / ".gitkeep").write_bytes(b"")
    (registry_only / "praktijken" / "sub").mkdir()
    (registry_only / "praktijken" / "sub" / ".gitkeep").write_bytes(b"")
    assert _walk_codes(registry_only) == []


def test_a_file_that_is_not_a_regular_file_is_reported_not_read(registry_only):
    """A named pipe called x.md would block the loader forever if it were read (so the real
    command line runs, with a time limit, rather than the loader in this process)."""
    os.mkfifo(registry_only / "praktijken" / "pijp.md")
    result = wwidw("validate", "--content", registry_only, "--format", "json", timeout=120)
    found = [
        (d["file"], d["code"], d["severity"]) for d in json.loads(result.stdout)["diagnostics"]
    ]
    assert found == [("content/praktijken/pijp.md", "bestand-onbekend", "warning")]
