from pathlib import Path

import pytest
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
