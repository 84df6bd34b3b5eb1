"""Results and unintended effects on one line (authoring/result_lines.py): strict, with Dutch errors."""

import pytest

from wwidw_build.authoring.result_lines import (
    RESULTS,
    UNINTENDED,
    LineError,
    direction,
    parse_line,
    parse_lines,
)
from wwidw_build.checks.schema_check import subschema


def test_a_full_line():
    assert parse_line("minder-burenoverlast | werkt | meldingen per jaar | 140 | 95") == {
        "effect": "minder-burenoverlast",
        "richting": "werkt",
        "indicator": "meldingen per jaar",
        "nulmeting": 140,
        "eindmeting": 95,
    }


def test_only_effect_and_direction_are_needed_and_empty_parts_are_left_out():
    assert parse_line("a-b|nog_onbekend") == {"effect": "a-b", "richting": "nog_onbekend"}
    assert parse_line("a | werkt |  | 3,1 | ") == {
        "effect": "a",
        "richting": "werkt",
        "nulmeting": "3,1",
    }


@pytest.mark.parametrize("value", ["geen_effect", "Geen effect", "GEEN  EFFECT", " geen effect "])
def test_a_direction_by_id_or_dutch_label(value):
    assert direction(value) == "geen_effect"


def test_every_direction_of_the_schema_is_known():
    for key in subschema("praktijk", ("resultaten", 0, "richting"))["enum"]:
        assert direction(key) == key


@pytest.mark.parametrize(
    "line, dutch",
    [
        ("a | werkt niet", "'werkt niet' is geen richting; kies uit: werkt, veelbelovend"),
        ("Minder Overlast | werkt", "'Minder Overlast' is geen effect-id"),
        (" | werkt", "het effect ontbreekt"),
        ("a", "de richting ontbreekt"),
        ("a | werkt | b | 1 | 2 | 3", "er staan 6 delen in"),
    ],
)
def test_wrong_lines_are_refused_in_dutch(line, dutch):
    with pytest.raises(LineError, match=dutch):
        parse_line(line)


def test_an_unintended_effect_has_three_parts():
    assert parse_line("a | averechts | klachten", UNINTENDED)["indicator"] == "klachten"
    with pytest.raises(LineError, match="hooguit 3"):
        parse_line("a | averechts | klachten | 1", UNINTENDED)


def test_parse_lines_skips_blank_lines_and_reports_each_wrong_one_by_index():
    items, problems = parse_lines("a | werkt\n\nb | ooit\n  \nc | gemengd", RESULTS)
    assert [i["effect"] for i in items] == ["a", "c"]
    assert [(index, line) for index, line, _ in problems] == [(2, "b | ooit")]
