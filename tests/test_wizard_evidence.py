"""What the wizard says a praktijk's design carries (authoring/wizard_evidence.py)."""

import pytest

from wwidw_build.authoring.scaffold import Answers
from wwidw_build.authoring.wizard_evidence import ceiling_line

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
