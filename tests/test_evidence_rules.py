"""Evidence checks in `validate`: the claim against the ladder, unintended effects, overdue
follow-up measurements and the assessment record, on copies of the sample content."""

import re
from datetime import date

from conftest import wwidw

from wwidw_build.checks.suggest import suggestion
from wwidw_build.pipeline import load_and_validate

NAME = "klushuizen-spoorbuurt.md"  # voor_nameting, mostly 'werkt', a Werkzame bestanddelen section


def edit(content_dir, *, set_=None, add="", body=None, name=NAME):
    """Change front-matter lines (key: value at the top level), append front matter, or replace the
    body of a sample praktijk."""
    path = content_dir / "praktijken" / name
    text = path.read_text(encoding="utf-8")
    end = text.index("\n---\n", 4)
    head, rest = text[:end], text[end:]
    for key, value in (set_ or {}).items():
        head, count = re.subn(rf"^{key}: .*$", f"{key}: {value}", head, flags=re.M)
        assert count == 1, key
    head += ("\n" + add.strip("\n")) if add else ""
    if body is not None:
        rest = "\n---\n\n" + body
    path.write_text(head + rest, encoding="utf-8")
    return path


def found(content_dir, today=None, name=NAME):
    diagnostics = load_and_validate(content_dir, today=today)[1]
    return [d for d in diagnostics if d.file.endswith(name)]


def codes(content_dir, **kwargs):
    return [d.code for d in found(content_dir, **kwargs)]


def line_of(path, text):
    return path.read_text(encoding="utf-8").splitlines().index(text) + 1


def test_a_claim_above_what_the_design_supports_is_an_error_at_the_claim(content_copy):
    path = edit(content_copy, set_={"bewijsniveau": "goede_aanwijzingen"})
    [problem] = [d for d in found(content_copy) if d.code == "bewijsniveau-te-hoog"]
    assert problem.is_error and problem.line == line_of(path, "bewijsniveau: goede_aanwijzingen")
    assert "voor_nameting" in problem.message and "eerste_aanwijzingen" in problem.message


def test_the_cli_fails_on_an_over_claim_with_a_dutch_report(content_copy):
    edit(content_copy, set_={"bewijsniveau": "sterke_aanwijzingen"})
    run = wwidw("validate", "--content", str(content_copy))
    assert run.returncode == 1 and "Traceback" not in run.stderr + run.stdout
    assert "bewijsniveau-te-hoog" in run.stdout + run.stderr


def test_a_stronger_design_carries_the_claim(content_copy):
    edit(
        content_copy,
        set_={"bewijsniveau": "goede_aanwijzingen", "meetontwerp": "natuurlijk_experiment"},
    )
    assert "bewijsniveau-te-hoog" not in codes(content_copy)


def test_an_effect_claim_without_a_theory_of_change_is_too_high(content_copy):
    path = content_copy / "praktijken" / NAME
    body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    body = re.sub(r"## Werkzame bestanddelen\n.*?(?=\n## )", "", body, flags=re.S)
    edit(content_copy, body=body)
    problem = next(d for d in found(content_copy) if d.code == "bewijsniveau-te-hoog")
    assert "Werkzame bestanddelen" in problem.message and "goed_beschreven" in problem.message


def test_results_that_contradict_the_claim_are_a_warning(content_copy):
    path = content_copy / "praktijken" / NAME
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("richting: werkt\n", "richting: geen_effect\n"), encoding="utf-8")
    [problem] = [d for d in found(content_copy) if d.code == "bewijsniveau-tegengesproken"]
    assert not problem.is_error


def test_an_unintended_effect_has_its_own_place(content_copy):
    edit(
        content_copy,
        add="""
niet_beoogde_effecten:
  - effect: minder-zwerfafval
    richting: averechts
    toelichting: "Tijdens de verbouwingen meer bouwafval op straat."
""",
    )
    assert codes(content_copy) == []


def test_an_unintended_effect_must_not_be_an_intended_one(content_copy):
    edit(
        content_copy,
        add="""
niet_beoogde_effecten:
  - effect: langere-woonduur
    richting: werkt
  - effect: minder-zwerfafvl
    richting: averechts
""",
    )
    assert {"niet-beoogd-is-beoogd", "onbekend-effect"} <= set(codes(content_copy))


def test_the_unintended_result_hint_no_longer_asks_to_rewrite_the_goals(content_copy):
    path = content_copy / "praktijken" / NAME
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("  - effect: langere-woonduur\n", "  - effect: minder-zwerfafval\n", 1),
        encoding="utf-8",
    )
    [problem] = [d for d in found(content_copy) if d.code == "resultaat-niet-beoogd"]
    assert "niet_beoogde_effecten" in problem.hint
    assert not problem.hint.startswith("Voeg")


def _with_follow_up(content_dir, follow_up):
    path = content_dir / "praktijken" / NAME
    text = path.read_text(encoding="utf-8")
    anchor = "  - effect: langere-woonduur\n"
    path.write_text(text.replace(anchor, anchor + follow_up, 1), encoding="utf-8")


def test_an_overdue_follow_up_measurement_is_a_warning(content_copy):
    _with_follow_up(content_copy, "    nameting:\n      gepland: 2026-03\n")
    assert "nameting-te-laat" in codes(content_copy, today=date(2026, 4, 1))
    assert "nameting-te-laat" not in codes(content_copy, today=date(2026, 3, 31))


def test_a_follow_up_with_its_value_is_not_overdue(content_copy):
    _with_follow_up(content_copy, "    nameting:\n      gepland: 2024-03\n      waarde: 12\n")
    assert "nameting-te-laat" not in codes(content_copy, today=date(2026, 4, 1))


def test_a_follow_up_month_is_strict(content_copy):
    _with_follow_up(content_copy, "    nameting:\n      gepland: 2026-13\n")
    assert "nameting-te-laat" not in codes(content_copy)
    assert any(c.startswith("veld-") for c in codes(content_copy))


ASSESSMENT = """
beoordeling:
  door: "Redactie Platform31"
  datum: {datum}
  geldig_tot: {tot}
"""


def test_an_expired_assessment_needs_reassessment(content_copy):
    edit(content_copy, add=ASSESSMENT.format(datum="2020-01-10", tot="2025-01-10"))
    assert "beoordeling-verlopen" in codes(content_copy, today=date(2025, 1, 11))
    assert codes(content_copy, today=date(2025, 1, 10)) == []


def test_assessment_dates_must_make_sense(content_copy):
    edit(content_copy, add=ASSESSMENT.format(datum="2024-05-01", tot="2024-04-01"))
    assert "beoordeling-datums" in codes(content_copy, today=date(2025, 1, 1))
    edit(content_copy, set_={"  datum": "2099-01-01"})
    assert "beoordeling-datums" in codes(content_copy, today=date(2025, 1, 1))


def test_an_assessment_is_possible_on_an_archetype_too(content_copy):
    path = content_copy / "archetypen" / "klushuizen.md"
    text = path.read_text(encoding="utf-8")
    end = text.index("\n---\n", 4)
    record = ASSESSMENT.format(datum="2019-01-01", tot="2020-01-01").rstrip("\n")
    path.write_text(text[:end] + record + text[end:], encoding="utf-8")
    diagnostics = load_and_validate(content_copy, today=date(2025, 1, 1))[1]
    assert [d.code for d in diagnostics if d.file.endswith("archetypen/klushuizen.md")] == [
        "beoordeling-verlopen"
    ]


RICHTINGEN = ["werkt", "veelbelovend", "gemengd", "geen_effect", "averechts", "nog_onbekend"]


def test_werkt_niet_is_never_told_it_meant_werkt():
    for value in ("werkt niet", "Werkt niet", "werkt_niet", "niet werkzaam", "no effect"):
        hint = suggestion(value, RICHTINGEN, loose=False)
        assert "'werkt'" not in hint and "'veelbelovend'" not in hint, value
    assert suggestion("werkt niet", RICHTINGEN, loose=False) == "Bedoelde u 'geen_effect'? "
    assert suggestion("werkd", RICHTINGEN, loose=False) == "Bedoelde u 'werkt'? "


def test_werkt_niet_in_a_file_gets_the_right_suggestion(content_copy):
    path = content_copy / "praktijken" / NAME
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("richting: werkt\n", "richting: werkt niet\n", 1), "utf-8")
    problem = next(d for d in found(content_copy) if d.code == "veld-keuze")
    assert "geen_effect" in problem.hint and "'werkt'?" not in problem.hint


def test_the_over_claim_hint_names_what_is_missing(content_copy):
    path = content_copy / "praktijken" / NAME
    body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    edit(content_copy, body=re.sub(r"## Werkzame bestanddelen\n.*?(?=\n## )", "", body, flags=re.S))
    problem = next(d for d in found(content_copy) if d.code == "bewijsniveau-te-hoog")
    assert "Werkzame bestanddelen" in problem.hint
    edit(content_copy, set_={"bewijsniveau": "sterke_aanwijzingen"}, body=body)
    problem = next(d for d in found(content_copy) if d.code == "bewijsniveau-te-hoog")
    assert "meetontwerp" in problem.hint and "Werkzame" not in problem.hint


def test_malformed_lists_are_reported_not_a_traceback(content_copy):
    """Groups where the schema expects ids or words (found by the property test): the schema check
    reports them, the evidence and reference rules must not fail on them."""
    path = content_copy / "praktijken" / NAME
    text = path.read_text(encoding="utf-8")
    text = text.replace("beoogde_effecten:\n", "beoogde_effecten:\n  - {a: 1}\n", 1)
    text = text.replace("richting: werkt\n", "richting: {a: 1}\n", 1)
    path.write_text(text, encoding="utf-8")
    edit(content_copy, add="niet_beoogde_effecten:\n  - effect: [x]\n    richting: werkt\n")
    run = wwidw("validate", "--content", str(content_copy))
    assert run.returncode == 1 and "Traceback" not in run.stdout + run.stderr
    assert "veld-type" in run.stdout + run.stderr
