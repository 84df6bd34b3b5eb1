from pathlib import Path

from wwidw_build.checks.completeness import completeness
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
