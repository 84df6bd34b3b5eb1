"""The committed issue form is exactly what the generator makes from the registry and the taxonomies."""

from __future__ import annotations

import yaml
from conftest import CONTENT, REPO

from wwidw_build import evidence
from wwidw_build.authoring.issue_form import FIELDS, TRIGGER_LABEL
from wwidw_build.authoring.issue_form_template import (
    FORM_PATH,
    SUBMITTED_LABEL,
    render_form,
    write_form,
)
from wwidw_build.labels import BEWIJSNIVEAU, MEETONTWERP
from wwidw_build.load import load_content
from wwidw_build.sections import PRAKTIJK_SECTIONS


def committed() -> dict:
    return yaml.safe_load((REPO / FORM_PATH).read_text(encoding="utf-8"))


def elements() -> dict[str, dict]:
    return {e["id"]: e for e in committed()["body"] if "id" in e}


def registry():
    return load_content(CONTENT)[0].registry


def test_the_committed_form_is_up_to_date():
    assert (REPO / FORM_PATH).read_text(encoding="utf-8") == render_form(registry()), (
        "The issue form is out of date: run `make issue-form` and commit .github/ISSUE_TEMPLATE/nieuwe-praktijk.yml"
    )


def test_the_organisation_dropdown_matches_the_registry():
    organisations = yaml.safe_load((CONTENT / "organisaties.yml").read_text(encoding="utf-8"))
    expected = [f"{o['naam']} ({o['id']})" for o in organisations]
    assert elements()["organisatie"]["attributes"]["options"] == expected


def test_theme_and_target_group_dropdowns_match_the_taxonomies():
    for key, file in (("themas", "themas.yml"), ("doelgroepen", "doelgroepen.yml")):
        terms = yaml.safe_load((CONTENT / "taxonomie" / file).read_text(encoding="utf-8"))
        dropdown = elements()[key]
        assert dropdown["attributes"]["multiple"] is True
        assert dropdown["attributes"]["options"] == [f"{t['naam']} ({t['id']})" for t in terms]


def test_every_field_and_section_is_in_the_form_in_order():
    form = committed()
    ids = [e["id"] for e in form["body"] if "id" in e]
    assert ids == [f.element_id for f in FIELDS] and len(set(ids)) == len(ids)
    labels = [e["attributes"]["label"] for e in form["body"] if "id" in e]
    assert len(set(labels)) == len(labels) and set(PRAKTIJK_SECTIONS) <= set(labels)
    required = {e["id"] for e in form["body"] if e.get("validations", {}).get("required")}
    assert required == {
        "titel",
        "samenvatting",
        "organisatie",
        "gemeente",
        "startjaar",
        "projectstatus",
        "themas",
        "effecten",
        "zichtbaarheid",
    }
    assert elements()["privacy"]["attributes"]["options"][0]["required"] is True


def test_the_form_does_not_start_the_workflow_by_itself():
    assert committed()["labels"] == [SUBMITTED_LABEL] and SUBMITTED_LABEL != TRIGGER_LABEL


def test_write_form(tmp_path):
    target = tmp_path / "form.yml"
    write_form(CONTENT, target)
    assert target.read_text(encoding="utf-8") == (REPO / FORM_PATH).read_text(encoding="utf-8")


def test_this_repositorys_form_is_for_public_descriptions_only():
    """This repository holds the public source only: its form says so and offers nothing else."""
    assert elements()["zichtbaarheid"]["attributes"]["options"] == ["openbaar"]
    intro = committed()["body"][0]["attributes"]["value"]
    assert "**Alles wat u hier schrijft is openbaar.**" in intro
    assert "partnersrepository" in intro and "repository van uw eigen organisatie" in intro
    assert "In welke repository hoort mijn beschrijving?" in intro
    assert "In welke repository hoort mijn beschrijving?" in (REPO / "CONTRIBUTING.md").read_text()


def test_a_source_repositorys_form_offers_only_its_tier(tmp_path):
    from wwidw_build.authoring.issue_form_template import main

    target = tmp_path / "form.yml"
    main([str(CONTENT), "--tier", "organisatie:havenstad-wonen", "--out", str(target)])
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Made by `wwidw source new`")
    form = yaml.safe_load(text)
    by_id = {e["id"]: e for e in form["body"] if "id" in e}
    assert by_id["zichtbaarheid"]["attributes"]["options"] == ["organisatie"]
    assert by_id["organisatie"]["attributes"]["options"] == ["Havenstad Wonen (havenstad-wonen)"]
    assert "alleen voor Havenstad Wonen" in form["body"][0]["attributes"]["value"]
    assert [e["id"] for e in form["body"] if "id" in e] == [f.element_id for f in FIELDS]


def test_the_evidence_level_question_shows_the_ceiling_of_every_design():
    """Issue 14 item 7: the form shows, at Bewijsniveau, what each meetontwerp carries at most,
    from the same table validate checks (evidence.DESIGNS)."""
    description = elements()["bewijsniveau"]["attributes"]["description"]
    for design, (_, level) in evidence.DESIGNS.items():
        assert f"| {MEETONTWERP[design]} | {BEWIJSNIVEAU[level]} |" in description
    assert "Werkzame bestanddelen" in description and "Bewijsniveau en meetontwerp" in description


def test_the_form_asks_for_the_evidence():
    ids = [e["id"] for e in committed()["body"] if "id" in e]
    evidence_ids = [
        "resultaten_per_effect",
        "niet_beoogde_effecten",
        "meetontwerp",
        "evaluatie_soort",
        "evaluatie_door",
        "bewijsniveau",
        "bereik",
        "bereik_eenheid",
        "kosten_totaal",
        "kosten_per_deelnemer",
        "financiering",
    ]
    assert ids[ids.index("effecten") + 1 : ids.index("zichtbaarheid")] == evidence_ids
    results = elements()["resultaten_per_effect"]
    assert results["type"] == "textarea"
    assert (
        "`effect-id | richting | indicator | nulmeting | eindmeting`"
        in (results["attributes"]["description"])
    )
    assert elements()["bereik_eenheid"]["attributes"]["options"] == [
        "mensen",
        "huishoudens",
        "woningen",
    ]
    assert elements()["meetontwerp"]["attributes"]["options"][3] == (
        "Voor- en nameting (voor_nameting)"
    )
