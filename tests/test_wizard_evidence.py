"""What the wizard says a praktijk's design carries (authoring/wizard_evidence.py)."""

import click
import pytest
from click.testing import CliRunner

from wwidw_build.authoring.scaffold import Answers
from wwidw_build.authoring.wizard_evidence import ask_reach_and_costs, ceiling_line

THEORY = {"Werkzame bestanddelen": " ".join(["woord"] * 15)}
RESULT = [{"effect": "a", "richting": "werkt"}]


@pytest.mark.parametrize(
    "design, results, sections, line",
    [
        (
            "voor_nameting",
            RESULT,
            THEORY,
            "Uw meetontwerp draagt hooguit: Eerste aanwijzingen voor effectiviteit",
        ),
        (
            "rct",
            RESULT,
            THEORY,
            "Uw meetontwerp draagt hooguit: Sterke aanwijzingen voor effectiviteit",
        ),
        ("rct", [], THEORY, "Zonder resultaten draagt uw meetontwerp hooguit: Goed onderbouwd"),
        ("", RESULT, THEORY, "Zonder meetontwerp draagt uw beschrijving hooguit: Goed onderbouwd"),
        (
            "voor_nameting",
            RESULT,
            {"Werkzame bestanddelen": "te kort"},
            "Zonder ingevulde sectie 'Werkzame bestanddelen' draagt uw beschrijving hooguit: Goed "
            "beschreven (met een ingevulde sectie 'Werkzame bestanddelen' van minstens 15 woorden: "
            "Eerste aanwijzingen voor effectiviteit)",
        ),
    ],
)
def test_the_ceiling_in_dutch(design, results, sections, line):
    answers = Answers(kind="praktijk", meetontwerp=design, resultaten=results, secties=sections)
    assert ceiling_line(answers) == line


def test_the_reach_can_count_houses():
    """Step 8 offers woningen as the unit of reach (a klushuizen project reaches houses)."""
    answers = Answers(kind="praktijk", financiering=["gemeente"])

    @click.command()
    def step():
        ask_reach_and_costs(answers)

    result = CliRunner().invoke(step, input="46\n3\n1380000\n30000\n")
    assert result.exit_code == 0, result.output
    assert "mensen, huishoudens of woningen" in result.output
    assert (answers.bereik, answers.bereik_eenheid) == (46, "woningen")
