import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from wwidw_build.authoring.scaffold import search_effects
from wwidw_build.cli.main import cli
from wwidw_build.load import load_content
from wwidw_build.pipeline import load_and_validate

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


def test_interactive_wizard_in_seven_steps(content_copy):
    answers = (
        "\n".join(
            [
                "Wijkontbijt in de Spoorbuurt",  # 1 titel
                "Elke maand een ontbijt in het buurthuis om buren met elkaar in contact te brengen.",  # 1 samenvatting
                "3",  # 2 organisatie: number from the list
                "Lindeveen",
                "Spoorbuurt",
                "2024",
                "1",  # 3 gemeente, wijk, startjaar, status lopend
                "sociale-cohesie, 2",
                "ouderen",  # 4 thema's (id and number), doelgroepen
                "contact",
                "1",
                "",  # 5 search 'contact', pick the first hit, done
                "openbaar",  # 6
                "Sanne Bakker",
                "s.bakker@lindeveen.example",
                "n",
                "Sanne Bakker",  # 7
            ]
        )
        + "\n"
    )
    result = CliRunner().invoke(
        cli, ["new", "praktijk", "--content", str(content_copy), "--interactive"], input=answers
    )
    assert result.exit_code == 0, result.output
    for step in range(1, 8):
        assert f"Stap {step} van 7" in result.output
    document = next(
        d for d in load_content(content_copy)[0].documents if d.id == "wijkontbijt-in-de-spoorbuurt"
    )
    assert document.meta["organisatie"] == "gemeente-lindeveen"
    assert document.meta["themas"] == ["sociale-cohesie", "veiligheid"]
    assert errors_in(content_copy) == []


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
