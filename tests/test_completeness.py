from datetime import date
from pathlib import Path

import frontmatter
import pytest

from wwidw_build.authoring.scaffold import Answers, render
from wwidw_build.checks.completeness import OPTIONAL_FIELDS, completeness
from wwidw_build.load import load_content
from wwidw_build.model import Document
from wwidw_build.sections import PRAKTIJK_SECTIONS
from wwidw_build.strict_yaml import Parsed

FULL_BODY = "\n".join(f"## {s}\n" + " ".join(["tekst"] * 20) for s in PRAKTIJK_SECTIONS)


def doc(meta, body):
    return Document("praktijk", "x", "x.md", Path("x.md"), meta, body, 1, Parsed())


def test_empty_praktijk_scores_low_and_lists_what_is_missing():
    result = completeness(doc({"projectstatus": "lopend"}, ""))
    assert result.score == 0
    assert "Aanleiding" in result.missing_sections and "kosten" in result.missing_fields


def test_sections_count_for_half():
    assert completeness(doc({"projectstatus": "lopend"}, FULL_BODY)).score == 50


def test_finished_project_without_eindjaar_loses_points():
    meta = {"projectstatus": "afgerond"}
    assert "eindjaar" in completeness(doc(meta, FULL_BODY)).missing_fields


def test_sample_content_scores_are_in_range():
    content, _ = load_content(Path(__file__).resolve().parent.parent / "content")
    scores = [completeness(d).score for d in content.documents]
    assert all(0 <= s <= 100 for s in scores) and max(scores) == 100


# --- A section holding only the skeleton's hint is empty (issue 14 item 7) ------------------------

FIELDS = {"wijk": "Spoorbuurt", "doelgroepen": ["ouderen"], "auteurs": ["A"], "bereik": 40}


def skeleton(transform=lambda body: body) -> Document:
    """A description as `wwidw new` writes it, without any prose of its own."""
    answers = Answers(kind="praktijk", titel="Een nieuwe praktijk", projectstatus="lopend")
    post = frontmatter.loads(render(answers, date(2025, 1, 1)))
    return doc(post.metadata | FIELDS, transform(post.content))


def field_part(document: Document) -> int:
    fields = OPTIONAL_FIELDS["praktijk"]
    return round(50 * sum(1 for f in fields if document.meta.get(f)) / len(fields))


def test_a_fresh_skeleton_scores_only_for_its_front_matter():
    document = skeleton()
    result = completeness(document)
    assert result.missing_sections == tuple(PRAKTIJK_SECTIONS)
    assert result.score == field_part(document) == 25


@pytest.mark.parametrize(
    "transform",
    [
        lambda body: body.replace("<!-- ", "").replace(" -->", ""),  # the comment markers removed
        lambda body: body.replace("<!-- Schrijftip: ", "_").replace(" -->", "_"),  # italic
        lambda body: body.replace("<!-- ", "*").replace(" -->", "*"),  # italic, with "Schrijftip:"
        lambda body: body.replace("<!-- Schrijftip: ", "").replace(" -->", "").replace(", ", ",\n"),
    ],
    ids=["plain", "italic", "italic-with-prefix", "wrapped"],
)
def test_a_section_holding_only_its_hint_counts_as_empty(transform):
    document = skeleton(transform)
    assert "Beschrijf het zo dat een collega" in document.body
    result = completeness(document)
    assert result.missing_sections == tuple(PRAKTIJK_SECTIONS)
    assert result.score == field_part(document)


def test_prose_next_to_the_hint_counts_without_the_hint():
    hint = PRAKTIJK_SECTIONS["Aanpak"]
    fourteen, fifteen = " ".join(["woord"] * 14), " ".join(["woord"] * 15)
    filled = completeness(doc({}, f"## Aanpak\n_{hint}_\n\n{fifteen}\n"))
    assert "Aanpak" not in filled.missing_sections
    assert "Aanpak" in completeness(doc({}, f"## Aanpak\n{hint}\n{fourteen}\n")).missing_sections
