"""The evidence ladder in Dutch (evidence_table.py), made from evidence.DESIGNS."""

from wwidw_build import evidence, evidence_table
from wwidw_build.labels import BEWIJSNIVEAU, MEETONTWERP


def test_one_row_per_design_in_the_order_of_the_ladder_table():
    rows = evidence_table.table().splitlines()[2:]
    assert len(rows) == len(evidence.DESIGNS)
    for row, (design, (sms, level)) in zip(rows, evidence.DESIGNS.items(), strict=True):
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert cells[0].endswith(f"(`{design}`)") and cells[0].count(design) == 1
        assert cells[1] == ("—" if sms is None else str(sms))
        assert cells[2] == f"{BEWIJSNIVEAU[level]} (`{level}`)"


def test_the_conditions_follow_the_constants(monkeypatch):
    text = "\n".join(evidence_table.conditions())
    assert (
        BEWIJSNIVEAU[evidence.NO_EFFECT_CLAIM] in text and BEWIJSNIVEAU[evidence.NO_THEORY] in text
    )
    monkeypatch.setattr(evidence, "NO_EFFECT_CLAIM", "goed_beschreven")
    assert "zonder `resultaten`: hooguit Goed beschreven" in evidence_table.conditions()[0]


def test_the_form_description_has_the_short_table():
    description = evidence_table.form_description()
    for design, (_, level) in evidence.DESIGNS.items():
        assert f"| {MEETONTWERP[design]} | {BEWIJSNIVEAU[level]} |" in description
    assert evidence_table.SECTION in description
