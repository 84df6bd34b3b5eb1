import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import wwidw

from wwidw_build.authoring.scaffold import search_effects
from wwidw_build.cli.main import cli
from wwidw_build.load import load_content
from wwidw_build.pipeline import load_and_validate
from wwidw_build.sections import split_sections

PRAKTIJK_OPTIONS = [
    "--title",
    "Buurtgesprekken: ja of nee?",
    "--summary",
    "Bewoners en de corporatie gingen per portiek in gesprek over afval en geluid.",
    "--organisation",
    "havenstad-wonen",
    "--municipality",
    "Havenstad",
    "--neighbourhood",
    "yes",
    "--start-year",
    "2023",
    "--status",
    "afgerond",
    "--end-year",
    "2024",
    "--theme",
    "leefbaarheid,sociale-cohesie",
    "--target-group",
    "huurders",
    "--effect",
    "minder-burenoverlast",
    "--visibility",
    "openbaar",
    "--contact-name",
    "Mira de Wit",
    "--contact-email",
    "m.dewit@havenstad.example",
    "--author",
    "Mira de Wit",
]


def errors_in(content_dir):
    return [d for d in load_and_validate(content_dir)[1] if d.is_error]


def test_new_praktijk_with_all_options_writes_a_valid_file(content_copy):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "wwidw_build",
            "new",
            "praktijk",
            "--content",
            str(content_copy),
            *PRAKTIJK_OPTIONS,
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    path = content_copy / "praktijken" / "buurtgesprekken-ja-of-nee.md"
    text = path.read_text()
    assert "## Aanleiding" in text and "Schrijftip" in text and "wijk: 'yes'" in text
    assert errors_in(content_copy) == []
    document = next(
        d for d in load_content(content_copy)[0].documents if d.id == "buurtgesprekken-ja-of-nee"
    )
    assert (
        document.meta["contact"]["openbaar"] is False
        and document.meta["laatst_bijgewerkt"] == date.today().isoformat()
    )


def test_new_never_overwrites(content_copy):
    target = content_copy / "praktijken" / "klushuizen-spoorbuurt.md"
    before = target.read_bytes()
    result = CliRunner().invoke(
        cli,
        [
            "new",
            "praktijk",
            "--content",
            str(content_copy),
            "--id",
            "klushuizen-spoorbuurt",
            *PRAKTIJK_OPTIONS,
        ],
    )
    assert result.exit_code == 1 and "bestaat al" in result.output
    assert target.read_bytes() == before


def test_invalid_answers_write_nothing(content_copy):
    options = [o if o != "havenstad-wonen" else "havenstad-woonen" for o in PRAKTIJK_OPTIONS]
    result = CliRunner().invoke(cli, ["new", "praktijk", "--content", str(content_copy), *options])
    assert result.exit_code == 1 and "havenstad-wonen" in result.output  # the suggestion
    assert not (content_copy / "praktijken" / "buurtgesprekken-ja-of-nee.md").exists()


def test_missing_steps_without_terminal_are_reported(content_copy):
    result = CliRunner().invoke(
        cli, ["new", "praktijk", "--content", str(content_copy), "--title", "Alleen een titel"]
    )
    assert result.exit_code == 1 and "veld-verplicht" in result.output


def test_new_archetype_with_options(content_copy):
    result = CliRunner().invoke(
        cli,
        [
            "new",
            "archetype",
            "--content",
            str(content_copy),
            "--title",
            "Buurtsportcoach",
            "--summary",
            "Een sportcoach die bewoners in beweging brengt via clubs en scholen.",
            "--ingredient",
            "Laagdrempelig aanbod",
            "--ingredient",
            "Samenwerking met scholen",
            "--evidence-level",
            "goed_onderbouwd",
            "--theme",
            "gezondheid",
            "--effect",
            "minder-eenzaamheid",
            "--visibility",
            "openbaar",
            "--author",
            "Dr. A. Expert",
        ],
    )
    assert result.exit_code == 0, result.output
    assert (content_copy / "archetypen" / "buurtsportcoach.md").exists()
    assert errors_in(content_copy) == []


FIRST_STEPS = [
    "Wijkontbijt in de Spoorbuurt",  # 1 titel
    "Elke maand een ontbijt in het buurthuis om buren met elkaar in contact te brengen.",  # samenvatting
    "3",  # 2 organisatie: number from the list
    "Lindeveen",
    "Spoorbuurt",
    "2024",
    "1",  # 3 gemeente, wijk, startjaar, status lopend
    "sociale-cohesie, 2",
    "ouderen",  # 4 thema's (id and number), doelgroepen
    "contact",
    "1",
    "",  # 5 search 'contact', pick the first hit (meer-contact-tussen-buren), done
]
LAST_STEPS = [
    "openbaar",  # 9 zichtbaarheid
    "Sanne Bakker",
    "s.bakker@lindeveen.example",
    "n",
    "Sanne Bakker",  # 10 contact en auteurs
]
NO_EVIDENCE = [
    "",  # 6 no results
    "n",  # no unintended effects
    "",  # 7 no design
    "",  # no theory text
    "",  # no evidence level
    "",  # 8 no reach
    "",
    "",
    "",  # no costs, no funding
]
THEORY = (
    "De vaste tafelschikking met buren uit dezelfde straat en een vaste gastvrouw maakten dat "
    "bewoners elkaar leerden kennen en daarna ook buiten het ontbijt opzochten."
)
EVIDENCE = [
    "1",  # 6 result 1: the only chosen effect
    "2",  # richting: veelbelovend
    "Aandeel bewoners met wekelijks contact met buren",
    "38",
    "45 procent",
    "9",  # not on the list: asked again
    "",  # done
    "j",  # unintended effects
    "parkeer",
    "1",  # minder-parkeeroverlast
    "5",  # averechts
    "Klachten over geparkeerde auto's op ontbijtochtend",
    "",  # done
    "4",  # 7 meetontwerp: voor_nameting
    "2",  # evaluatie extern
    "Onderzoeksbureau Wijkwaarde",
    THEORY,
    "4",  # goede_aanwijzingen: above the ceiling, refused
    "3",  # eerste_aanwijzingen
    "1.200",  # 8 bereik: not a whole number, asked again
    "120",
    "2",  # huishoudens
    "9600",
    "80",
    "gemeente, woningcorporatie",
]


def run_wizard(content_copy, *steps: list[str]):
    answers = "\n".join(line for step in steps for line in step) + "\n"
    return CliRunner().invoke(
        cli, ["new", "praktijk", "--content", str(content_copy), "--interactive"], input=answers
    )


def written_praktijk(content_copy, doc_id="wijkontbijt-in-de-spoorbuurt"):
    return next(d for d in load_content(content_copy)[0].documents if d.id == doc_id)


def test_interactive_wizard_in_ten_steps(content_copy):
    result = run_wizard(content_copy, FIRST_STEPS, NO_EVIDENCE, LAST_STEPS)
    assert result.exit_code == 0, result.output
    for step in range(1, 11):
        assert f"Stap {step} van 10" in result.output
    document = written_praktijk(content_copy)
    assert document.meta["organisatie"] == "gemeente-lindeveen"
    assert document.meta["themas"] == ["sociale-cohesie", "veiligheid"]
    assert not {"resultaten", "meetontwerp", "bewijsniveau", "bereik", "kosten"} & set(
        document.meta
    )
    assert errors_in(content_copy) == []


def test_the_wizard_collects_the_evidence(content_copy):
    """Issue 14 item 7: results per effect, unintended effects, design, evaluation, the evidence
    level within the ceiling of the design, reach with its unit, and costs."""
    result = run_wizard(content_copy, FIRST_STEPS, EVIDENCE, LAST_STEPS)
    assert result.exit_code == 0, result.output
    assert "Stap 6 van 10: resultaten" in result.output
    assert "Uw meetontwerp draagt hooguit: Eerste aanwijzingen voor effectiviteit" in result.output
    assert (
        "'Goede aanwijzingen voor effectiviteit' is hoger dan uw beschrijving draagt: kies hooguit "
        "'Eerste aanwijzingen voor effectiviteit'." in result.output
    )
    assert "'1.200' is geen heel getal" in result.output
    meta = written_praktijk(content_copy).meta
    assert meta["resultaten"] == [
        {
            "effect": "meer-contact-tussen-buren",
            "richting": "veelbelovend",
            "indicator": "Aandeel bewoners met wekelijks contact met buren",
            "nulmeting": 38,
            "eindmeting": "45 procent",
        }
    ]
    assert meta["niet_beoogde_effecten"] == [
        {
            "effect": "minder-parkeeroverlast",
            "richting": "averechts",
            "indicator": "Klachten over geparkeerde auto's op ontbijtochtend",
        }
    ]
    assert meta["meetontwerp"] == "voor_nameting"
    assert meta["evaluatie"] == {"soort": "extern", "door": "Onderzoeksbureau Wijkwaarde"}
    assert meta["bewijsniveau"] == "eerste_aanwijzingen"
    assert (meta["bereik"], meta["bereik_eenheid"]) == (120, "huishoudens")
    assert meta["kosten"] == {
        "totaal_eur": 9600,
        "per_deelnemer_eur": 80,
        "financiering": ["gemeente", "woningcorporatie"],
    }
    body = split_sections(written_praktijk(content_copy).body)
    assert THEORY in body["werkzame bestanddelen"]
    assert errors_in(content_copy) == []


def test_without_a_theory_the_wizard_allows_only_goed_beschreven(content_copy):
    evidence = [
        "1",
        "1",  # werkt
        "",
        "",
        "",
        "",  # one result, then done
        "n",
        "8",  # rct
        "1",  # intern
        "",
        "",  # no theory text
        "2",  # goed_onderbouwd: refused
        "1",  # goed_beschreven
        "",
        "",
        "",
        "",
    ]
    result = run_wizard(content_copy, FIRST_STEPS, evidence, LAST_STEPS)
    assert result.exit_code == 0, result.output
    assert (
        "Zonder ingevulde sectie 'Werkzame bestanddelen' draagt uw beschrijving hooguit: Goed "
        "beschreven (met een ingevulde sectie 'Werkzame bestanddelen' van minstens 15 woorden: "
        "Sterke aanwijzingen voor effectiviteit)" in result.output
    )
    assert "'Goed onderbouwd' is hoger dan uw beschrijving draagt" in result.output
    assert written_praktijk(content_copy).meta["bewijsniveau"] == "goed_beschreven"
    assert errors_in(content_copy) == []


# Click's English as a prompt would show it: a yes/no question, an error after a wrong answer.
ENGLISH_PROMPTS = ("[y/N]", "[Y/n]", "y/n", "Error:", "is not a valid", "invalid input", "Aborted")


def test_every_prompt_of_the_wizard_is_dutch(content_copy):
    first = list(FIRST_STEPS)
    first[5:5] = ["twintig"]  # a start year that is no number: asked again
    last = list(LAST_STEPS)
    last[3:3] = ["misschien"]  # neither yes nor no: asked again
    result = run_wizard(content_copy, first, EVIDENCE, last)
    assert result.exit_code == 0, result.output
    assert "Fout: 'twintig' is geen geldig getal." in result.output
    assert "(j/n) [n]" in result.output and "Antwoord met j (ja) of n (nee)." in result.output
    assert [fragment for fragment in ENGLISH_PROMPTS if fragment in result.output] == []
    archetype = CliRunner().invoke(
        cli,
        ["new", "archetype", "--content", str(content_copy), "--interactive"],
        input="\n".join(
            [
                "Buurtsportcoach",
                "Een sportcoach die bewoners in beweging brengt via clubs.",
                "Aanbod",
            ]
            + ["6", "3", "7", "", "eenzaam", "1", "", "openbaar", "Dr. A. Expert"]
        )
        + "\n",
    )
    assert archetype.exit_code == 0, archetype.output
    assert "Stap 7 van 7" in archetype.output
    assert "Sterke aanwijzingen voor effectiviteit (sterke_aanwijzingen)" in archetype.output
    assert [fragment for fragment in ENGLISH_PROMPTS if fragment in archetype.output] == []


def test_new_takes_the_evidence_as_options(content_copy):
    options = [
        "--result",
        "minder-burenoverlast | Geen effect | overlastmeldingen per jaar | 140 | 3,1",
        "--unintended-effect",
        "minder-parkeeroverlast | averechts",
        "--design",
        "voor_nameting",
        "--evaluation",
        "intern",
        "--evidence-level",
        "goed_beschreven",
        "--reach",
        "64",
        "--reach-unit",
        "huishoudens",
        "--cost-total",
        "38000",
        "--cost-per-participant",
        "593,75",
        "--funding",
        "gemeente,woningcorporatie",
    ]
    result = wwidw("new", "praktijk", "--content", content_copy, *PRAKTIJK_OPTIONS, *options)
    assert result.returncode == 0, result.stderr
    meta = written_praktijk(content_copy, "buurtgesprekken-ja-of-nee").meta
    assert meta["resultaten"] == [
        {
            "effect": "minder-burenoverlast",
            "richting": "geen_effect",
            "indicator": "overlastmeldingen per jaar",
            "nulmeting": 140,
            "eindmeting": "3,1",
        }
    ]
    assert meta["niet_beoogde_effecten"] == [
        {"effect": "minder-parkeeroverlast", "richting": "averechts"}
    ]
    assert meta["evaluatie"] == {"soort": "intern"} and meta["meetontwerp"] == "voor_nameting"
    assert meta["kosten"] == {
        "totaal_eur": 38000,
        "per_deelnemer_eur": 593.75,
        "financiering": ["gemeente", "woningcorporatie"],
    }
    assert errors_in(content_copy) == []


@pytest.mark.parametrize(
    "option, value, dutch",
    [
        ("--result", "minder-burenoverlast | werkt niet", "'werkt niet' is geen richting"),
        ("--result", "a | werkt | b | 1 | 2 | 3", "er staan 6 delen in"),
        ("--reach", "1.200", "'1.200' is geen heel getal"),
        ("--cost-per-participant", "12,505", "'12,505' is geen bedrag"),
    ],
)
def test_a_wrong_evidence_option_is_a_dutch_usage_error(content_copy, option, value, dutch):
    result = wwidw("new", "praktijk", "--content", content_copy, *PRAKTIJK_OPTIONS, option, value)
    assert result.returncode == 2 and dutch in result.stderr, result.stderr
    assert not (content_copy / "praktijken" / "buurtgesprekken-ja-of-nee.md").exists()


def test_an_evidence_level_above_the_ceiling_writes_nothing(content_copy):
    result = wwidw(
        "new",
        "praktijk",
        "--content",
        content_copy,
        *PRAKTIJK_OPTIONS,
        "--design",
        "monitoring",
        "--evidence-level",
        "goede_aanwijzingen",
    )
    assert result.returncode == 1 and "bewijsniveau-te-hoog" in result.stderr
    assert not (content_copy / "praktijken" / "buurtgesprekken-ja-of-nee.md").exists()


def test_effect_search_finds_by_word():
    registry = load_content(Path(__file__).resolve().parent.parent / "content")[0].registry
    assert "minder-burenoverlast" in {e.id for e in search_effects(registry, "burenoverlast")}
    assert search_effects(registry, "") == []


@pytest.mark.parametrize(
    "visibility,folder",
    [("partners", "partners"), ("organisatie", "havenstad-wonen"), ("openbaar", None)],
)
def test_new_with_sources_writes_into_the_source_of_its_tier(tmp_path, visibility, folder):
    from sources import copy_sample_sources

    bronnen = copy_sample_sources(tmp_path)
    options = list(PRAKTIJK_OPTIONS)
    options[options.index("--visibility") + 1] = visibility
    result = CliRunner().invoke(cli, ["new", "praktijk", "--sources", str(bronnen), *options])
    assert result.exit_code == 0, result.output
    root = tmp_path / "voorbeeldbronnen" / folder if folder else tmp_path / "content"
    assert (root / "praktijken" / "buurtgesprekken-ja-of-nee.md").is_file()
    written = list(tmp_path.rglob("buurtgesprekken-ja-of-nee.md"))
    assert len(written) == 1
