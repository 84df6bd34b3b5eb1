"""Bad-input corpus: every file in tests/bad_input/ is a valid description except for ONE problem.

Each case is copied into a fresh content folder (the ``registry_only`` fixture) and checked with the
real command line, as a contributor would run it: ``wwidw validate --format json`` (and ``--format
text`` for error cases). We pin the diagnostic code and the line; the column must be sensible and the
message Dutch. Cases that cannot live in git as files (too big, not UTF-8, symlinks, a duplicate id
in a subfolder, control characters) are generated inside the test.

Cases marked ``bug`` document a known validator bug; they are strict xfails, so fixing the bug makes
the test fail until the mark is removed.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "bad_input"
FOLDERS = {"praktijk": "praktijken", "archetype": "archetypen", "pagina": "paginas"}

# Words that would betray an untranslated (English) message, e.g. a raw libyaml error.
ENGLISH = (
    " the ",
    " is not ",
    " not ",
    "expected",
    " found ",
    "exceeded",
    " while ",
    " could ",
    " cannot ",
    " character ",
    " unexpected ",
)
# At least one of these ordinary Dutch words occurs in every catalogue message.
DUTCH = (
    " de ",
    " het ",
    " een ",
    " is ",
    " niet ",
    " moet ",
    " staat ",
    " geen ",
    " bestaat ",
    " ligt ",
    " kan ",
    " bevat ",
    " wordt ",
    " zijn ",
    " mag ",
)


@dataclass(frozen=True)
class Case:
    file: str  # file in tests/bad_input/
    kind: str  # "praktijk" or "archetype"
    code: str  # expected diagnostic code
    line: int  # expected line of that diagnostic
    hint: str | None = None  # text the hint must contain (e.g. the "Bedoelde u" suggestion)
    target: str | None = None  # file name inside the content folder, when not ``file``
    message: str | None = None  # text the message must contain
    bug: str | None = None  # known validator bug: strict xfail with this reason
    bug_in_text: bool = True  # whether the bug also breaks the --format text check
    column: int | None = None  # expected column (only pinned for generated cases)

    @property
    def name(self) -> str:
        return self.target or self.file

    @property
    def id(self) -> str:
        return self.file

    def make(self, content: Path) -> str:
        """Copy the corpus file into the content folder; return its path as the validator shows it."""
        folder = FOLDERS[self.kind]
        shutil.copyfile(CORPUS / self.file, content / folder / self.name)
        return f"content/{folder}/{self.name}"


# fmt: off
ERROR_CASES = [
    # YAML that YAML itself would accept (or misread) but we do not
    Case("dubbele-sleutel.md", "praktijk", "yaml-dubbele-sleutel", 8, message="'gemeente'"),
    Case("anker-en-verwijzing.md", "praktijk", "yaml-anker", 6, message="&plaats"),
    Case("verwijzing-zonder-anker.md", "praktijk", "yaml-anker", 7),
    Case("python-tag.md", "praktijk", "yaml-tag", 7, message="python/object"),
    Case("eigen-label.md", "praktijk", "yaml-tag", 7),
    Case("samenvoegen.md", "praktijk", "yaml-samenvoegen", 7),
    Case("wijk-ja.md", "praktijk", "yaml-dubbelzinnig", 7, hint='wijk: "yes"'),
    Case("wijk-datum.md", "praktijk", "yaml-dubbelzinnig", 7, hint='"2020-01-01"'),
    Case("gemeente-octaal.md", "praktijk", "yaml-dubbelzinnig", 6, hint='"0123"'),
    Case("tab-inspringing.md", "praktijk", "yaml-tab", 15),
    Case("yaml-syntaxfout.md", "praktijk", "yaml-syntaxis", 7),
    Case("meerdere-documenten.md", "praktijk", "yaml-meerdere-documenten", 19),
    Case("sleutel-geen-tekst.md", "praktijk", "yaml-sleutel-geen-tekst", 7),
    # The file and its front matter
    Case("geen-voorwerk.md", "praktijk", "voorwerk-ontbreekt", 1),
    Case("voorwerk-niet-afgesloten.md", "praktijk", "voorwerk-niet-afgesloten", 1),
    Case("alleen-openingsregel.md", "praktijk", "voorwerk-niet-afgesloten", 1),
    Case("leeg.md", "praktijk", "bestand-leeg", 1),
    Case("alleen-witruimte.md", "praktijk", "bestand-leeg", 1),
    Case("voorwerk-lijst.md", "praktijk", "voorwerk-geen-velden", 2),
    Case("voorwerk-leeg.md", "praktijk", "voorwerk-geen-velden", 2),
    # Schema
    Case("startjaar-tekst.md", "praktijk", "veld-type", 8, message="twintig"),
    Case("themas-als-tekst.md", "praktijk", "veld-type", 11, message="een lijst"),
    Case("onbekend-veld.md", "praktijk", "veld-onbekend", 2, hint="Bedoelde u 'titel'"),
    Case("verplicht-veld-ontbreekt.md", "praktijk", "veld-verplicht", 2, message="'gemeente'"),
    Case("ongeldige-keuze.md", "praktijk", "veld-keuze", 5, hint="openbaar"),
    Case("ongeldige-datum.md", "praktijk", "veld-formaat", 18, message="2024-13-45"),
    Case("samenvatting-te-lang.md", "praktijk", "veld-te-lang", 3, message="hooguit 600"),
    Case("titel-te-kort.md", "praktijk", "veld-te-kort", 2),
    Case("themas-dubbel.md", "praktijk", "lijst-dubbel", 12),
    Case("bereik-negatief.md", "praktijk", "veld-te-klein", 19),
    Case("resultaat-richting.md", "praktijk", "veld-keuze", 21, message="werkt-goed"),
    Case("resultaat-zonder-richting.md", "praktijk", "veld-verplicht", 20, message="'richting'"),
    Case("kosten-onbekend-veld.md", "praktijk", "veld-onbekend", 20, hint="Bedoelde u 'totaal_eur'"),
    Case("bewijsniveau-te-hoog.md", "praktijk", "bewijsniveau-te-hoog", 24, message="voor_nameting"),
    Case("resultaat-werkt-niet.md", "praktijk", "veld-keuze", 22, hint="Bedoelde u 'geen_effect'"),
    Case("nameting-maand-13.md", "praktijk", "veld-patroon", 24, message="2026-13"),
    Case("niet-beoogd-is-beoogd.md", "praktijk", "niet-beoogd-is-beoogd", 21),
    Case("beoordeling-geldig-voor-datum.md", "praktijk", "beoordeling-datums", 23),
    Case("contact-email-ongeldig.md", "praktijk", "veld-formaat", 21),
    Case("concept-ja.md", "praktijk", "veld-type", 19),
    Case("archetype-onbekend-veld.md", "archetype", "veld-onbekend", 15, hint="Bedoelde u 'laatst_herzien'"),
    Case("archetype-zonder-bestanddelen.md", "archetype", "lijst-te-kort", 9),
    # Ids and references to the registry, the taxonomies and the archetypes
    Case("id-hoofdletters.md", "praktijk", "id-ongeldig", 1, target="Mijn-Praktijk.md", hint="'mijn-praktijk'"),
    Case("id-spaties.md", "praktijk", "id-ongeldig", 1, target="mijn praktijk.md", hint="'mijn-praktijk'"),
    Case("onbekende-organisatie.md", "praktijk", "onbekende-organisatie", 4, hint="Bedoelde u 'welzijn-de-brug'"),
    Case("onbekend-thema.md", "praktijk", "onbekend-thema", 12, hint="Bedoelde u 'veiligheid'"),
    Case("onbekende-doelgroep.md", "praktijk", "onbekende-doelgroep", 15, hint="Bedoelde u 'huurders'"),
    Case("onbekend-effect.md", "praktijk", "onbekend-effect", 17, hint="Bedoelde u 'minder-burenoverlast'"),
    Case("onbekend-archetype.md", "praktijk", "onbekend-archetype", 10, hint="Bedoelde u 'buurtbemiddeling'"),
    Case("archetype-verwant-onbekend.md", "archetype", "onbekend-archetype", 17, hint="Bedoelde u 'klushuizen'"),
    # Years, visibility, links
    Case("eindjaar-voor-startjaar.md", "praktijk", "eindjaar-voor-startjaar", 9),
    Case("startjaar-te-vroeg.md", "praktijk", "jaar-onwaarschijnlijk", 8, message="1850"),
    Case("eindjaar-te-laat.md", "praktijk", "jaar-onwaarschijnlijk", 9, message="2090"),
    Case("archetype-zichtbaarheid-organisatie.md", "archetype", "zichtbaarheid-zonder-organisatie", 4),
    Case("link-buiten-inhoudsmap.md", "praktijk", "buiten-inhoudsmap", 53),
    Case("bijlage-ontbreekt.md", "praktijk", "bijlage-ontbreekt", 53, message="eindverslag-testwijk.pdf"),
    # Once validator bugs, fixed: kept as regression cases
    Case("aanhalingsteken-niet-gesloten.md", "praktijk", "yaml-syntaxis", 18),
    Case("lijst-niet-gesloten.md", "praktijk", "yaml-syntaxis", 14),
    Case("resultaten-getal.md", "praktijk", "veld-type", 19),
    Case("organisatie-lijst.md", "praktijk", "veld-type", 4),
    Case("startjaar-enorm.md", "praktijk", "veld-type", 8),
    Case("bedrag-oneindig.md", "praktijk", "veld-type", 54),
    Case("diep-genest.md", "praktijk", "yaml-syntaxis", 7),
    Case("referentielink-buiten-inhoudsmap.md", "praktijk", "buiten-inhoudsmap", 55),
    Case("diep-genest-blok.md", "praktijk", "yaml-syntaxis", 8, message="te diep genest"),
    # Text in every field: visible, no control characters (however written), no bidi controls
    Case("titel-spaties.md", "praktijk", "tekst-onzichtbaar", 2, message="'titel'"),
    Case("titel-nulbreedte.md", "praktijk", "tekst-onzichtbaar", 2, message="'titel'"),
    Case("titel-leesrichting.md", "praktijk", "tekst-leesrichting", 2, message="U+202E"),
    Case("wijk-stuurteken-escape.md", "praktijk", "tekst-stuurteken", 7, message="U+0007"),
    Case("wijk-regeleinde.md", "praktijk", "tekst-stuurteken", 7, message="regeleinde"),
    Case("samenvatting-nulteken.md", "praktijk", "tekst-stuurteken", 3, message="U+0000"),
    Case("tekst-leesrichting.md", "praktijk", "tekst-leesrichting", 53, message="U+2067"),
    # The public source alone: it never knows a partners archetype, and refuses a non-public praktijk
    Case("archetype-niet-openbaar.md", "praktijk", "onbekend-archetype", 10, message="wijkconcierge"),
    Case("organisatie-geen-partner.md", "praktijk", "hoort-in-bron", 5),
]

WARNING_CASES = [
    Case("sectie-ontbreekt.md", "praktijk", "sectie-ontbreekt", 20, message="Kosten en baten"),
    Case("email-in-tekst.md", "praktijk", "persoonsgegevens-email", 53, message="jan.jansen@voorbeeld.nl"),
    Case("email-in-samenvatting.md", "praktijk", "persoonsgegevens-email", 3, message="piet@voorbeeld.nl"),
    Case("telefoon-in-tekst.md", "praktijk", "persoonsgegevens-telefoon", 53, message="06-12345678"),
    Case("bsn-in-tekst.md", "praktijk", "persoonsgegevens-bsn", 53, message="111222333"),
    Case("lopend-met-eindjaar.md", "praktijk", "lopend-met-eindjaar", 9),
    Case("eindjaar-ontbreekt.md", "praktijk", "eindjaar-ontbreekt", 9),
    Case("resultaat-niet-beoogd.md", "praktijk", "resultaat-niet-beoogd", 20, message="minder-eenzaamheid"),
]
# fmt: on


# --- Running the command line -----------------------------------------------------------------


def run_cli(content: Path, output_format: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "wwidw_build",
            "validate",
            "--content",
            str(content),
            "--format",
            output_format,
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )


def assert_dutch(text: str) -> None:
    assert text.strip(), "empty message"
    padded = f" {text.lower()} "
    english = [w for w in ENGLISH if w in padded]
    assert not english, f"message contains English {english}: {text!r}"
    assert any(w in padded for w in DUTCH), f"message does not read as Dutch: {text!r}"


def check_json(
    content: Path,
    shown: str,
    code: str,
    line: int,
    *,
    warning: bool,
    hint: str | None = None,
    message: str | None = None,
    column: int | None = None,
) -> None:
    result = run_cli(content, "json")
    assert "Traceback" not in result.stderr, result.stderr
    data = json.loads(result.stdout)
    found = [(d["file"], d["line"], d["column"], d["code"]) for d in data["diagnostics"]]
    if warning:
        assert result.returncode == 0, (result.returncode, found)
        assert data["errors"] == 0, found
    else:
        assert result.returncode == 1, (result.returncode, found, result.stderr)
        assert data["errors"] >= 1
    matches = [
        d
        for d in data["diagnostics"]
        if d["code"] == code and d["file"] == shown and d["line"] == line
    ]
    assert matches, f"expected {code} at {shown}:{line}, got {found}"
    diagnostic = matches[0]
    assert diagnostic["severity"] == ("warning" if warning else "error")
    assert diagnostic["column"] >= 1
    if column is not None:
        assert diagnostic["column"] == column, found
    assert_dutch(diagnostic["message"])
    if message is not None:
        assert message in diagnostic["message"], diagnostic["message"]
    if hint is not None:
        assert hint in diagnostic["hint"], diagnostic["hint"]


def check_text(content: Path, shown: str, code: str, line: int) -> None:
    result = run_cli(content, "text")
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stdout + result.stderr
    pattern = rf"{re.escape(shown)}:{line}:[1-9]\d*: fout \[{re.escape(code)}\]"
    assert re.search(pattern, result.stdout), f"{pattern!r} not in:\n{result.stdout}"


def _params(cases: list, *, warning: bool | None = None) -> list:
    """One pytest.param per case (of ``Case`` or ``Generated``): ``(case, warning)`` for the json
    check, or just the case for the text check (``warning`` None); a known bug makes it a strict
    xfail."""
    params = []
    for case in cases:
        marks = []
        if case.bug and (case.bug_in_text or warning is not None):
            marks.append(pytest.mark.xfail(strict=True, reason=case.bug))
        values = (case,) if warning is None else (case, warning)
        params.append(pytest.param(*values, id=case.id, marks=marks))
    return params


# --- Generated cases: what cannot (or should not) live in git as a file --------------------------


def _valid_praktijk() -> bytes:
    """A description without any problem: a corpus case whose only problem (a link to a missing
    attachment at the end of the body) is cut off."""
    text = (CORPUS / "bijlage-ontbreekt.md").read_text("utf-8")
    return text.split("Het [eindverslag]", 1)[0].encode("utf-8")


def gen_too_big(content: Path) -> str:
    data = (
        _valid_praktijk()
        + b"Een regel opvultekst om het bestand groter te maken dan de grens.\n" * 4200
    )
    assert len(data) > 256 * 1024
    (content / "praktijken" / "te-groot.md").write_bytes(data)
    return "content/praktijken/te-groot.md"


def gen_not_utf8(content: Path) -> str:
    data = _valid_praktijk().replace(
        b"In de Testwijk", b"In de Test\xffwijk", 1
    )  # line 23, column 11
    (content / "praktijken" / "geen-utf8.md").write_bytes(data)
    return "content/praktijken/geen-utf8.md"


def gen_not_utf8_after_accent(content: Path) -> str:
    data = _valid_praktijk().replace(
        b"In de Testwijk", "In het café ".encode() + b"\xe9", 1
    )  # char column 13
    (content / "praktijken" / "geen-utf8-accent.md").write_bytes(data)
    return "content/praktijken/geen-utf8-accent.md"


def gen_symlink(content: Path) -> str:
    elsewhere = content.parent / "elders.md"
    elsewhere.write_bytes(_valid_praktijk())
    (content / "praktijken" / "gekoppeld.md").symlink_to(elsewhere)
    return "content/praktijken/gekoppeld.md"


def gen_symlinked_folder(content: Path) -> str:
    elsewhere = content.parent / "elders"
    elsewhere.mkdir()
    (elsewhere / "extra-praktijk.md").write_bytes(_valid_praktijk())
    (content / "praktijken" / "extra").symlink_to(elsewhere, target_is_directory=True)
    return "content/praktijken/extra"


def gen_duplicate_id(content: Path) -> str:
    (content / "praktijken" / "sub").mkdir()
    (content / "praktijken" / "dubbel.md").write_bytes(_valid_praktijk())
    (content / "praktijken" / "sub" / "dubbel.md").write_bytes(_valid_praktijk())
    return "content/praktijken/sub/dubbel.md"


def gen_control_character(content: Path) -> str:
    text = (
        _valid_praktijk().decode().replace('wijk: "Testwijk"', 'wijk: "Test\x01wijk"', 1)
    )  # line 7
    (content / "praktijken" / "stuurteken.md").write_text(text, encoding="utf-8")
    return "content/praktijken/stuurteken.md"


def gen_nul_in_link(content: Path) -> str:
    text = (
        _valid_praktijk().decode()
        + "Zie [het verslag](../bijlagen/ver\x00slag.pdf) voor details.\n"
    )  # line 53
    (content / "praktijken" / "nul-in-link.md").write_text(text, encoding="utf-8")
    return "content/praktijken/nul-in-link.md"


def gen_svg_attachment(content: Path) -> str:
    (content / "bijlagen").mkdir(exist_ok=True)
    (content / "bijlagen" / "plattegrond.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', encoding="utf-8"
    )
    text = (
        _valid_praktijk().decode() + "Zie de [plattegrond](../bijlagen/plattegrond.svg).\n"
    )  # line 53
    (content / "praktijken" / "svg-bijlage.md").write_text(text, encoding="utf-8")
    return "content/praktijken/svg-bijlage.md"


def gen_stray_file(content: Path) -> str:
    (content / "praktijken" / "notities.txt").write_text("losse aantekeningen\n", encoding="utf-8")
    return "content/praktijken/notities.txt"


def gen_readme(content: Path) -> str:
    """A README.md among the descriptions: skipped, but not without a word."""
    (content / "praktijken" / "README.md").write_bytes(_valid_praktijk())
    return "content/praktijken/README.md"


def gen_dot_folder(content: Path) -> str:
    """A folder starting with a dot: everything in it is skipped, with a warning."""
    (content / "praktijken" / ".concepten").mkdir()
    (content / "praktijken" / ".concepten" / "verstopt.md").write_bytes(_valid_praktijk())
    return "content/praktijken/.concepten"


def gen_escape_in_body(content: Path) -> str:
    """A terminal escape sequence in the body (an ESC byte cannot live in git as a file)."""
    text = _valid_praktijk().decode() + "Een \x1b[31mrode\x1b[0m zin.\n"  # line 53, column 5
    (content / "praktijken" / "stuurteken-in-tekst.md").write_text(text, encoding="utf-8")
    return "content/praktijken/stuurteken-in-tekst.md"


def _with_body(name: str, text: str):
    """A generated case: the valid description with ``text`` appended to its last section (from
    line 53 on; that section's heading is on line 49)."""

    def make(content: Path) -> str:
        data = _valid_praktijk() + text.encode("utf-8") + b"\n"
        (content / "praktijken" / f"{name}.md").write_bytes(data)
        return f"content/praktijken/{name}.md"

    return make


# Bodies that cannot render within the bounds (render_bound): quadratic or worse in Python-Markdown,
# in mkdocs' own Markdown (the escaped heading), or megabytes of HTML from kilobytes of Markdown.
gen_brackets = _with_body("haken", "[" * 60_000)
gen_hash_heading = _with_body("kop-hekjes", "## " + "#" * 100_000 + " x\n\nTekst.")
gen_abbreviation = _with_body("afkorting", "*[a]: " + "x" * 200_000 + "\n\n" + "a " * 10_000)
gen_deep_list = _with_body("lijst-diep", "\n".join("    " * i + "- x" for i in range(300)))


@dataclass(frozen=True)
class Generated:
    name: str
    make: Callable[[Path], str]  # writes the case into the content folder, returns its shown path
    code: str
    line: int
    column: int | None = None
    bug: str | None = None
    bug_in_text: bool = True  # whether the bug also breaks the --format text check
    hint: str | None = None  # hint and message: only pinned for corpus cases
    message: str | None = None

    @property
    def id(self) -> str:
        return self.name


# fmt: off
GENERATED_ERRORS = [
    Generated("te-groot", gen_too_big, "bestand-te-groot", 1),
    Generated("geen-utf8", gen_not_utf8, "geen-utf8", 23, column=11),
    Generated("symlink", gen_symlink, "symlink", 1),
    Generated("symlink-map", gen_symlinked_folder, "symlink", 1),
    Generated("id-dubbel", gen_duplicate_id, "id-dubbel", 1),
    Generated("geen-utf8-na-accent", gen_not_utf8_after_accent, "geen-utf8", 23, column=13),
    Generated("stuurteken", gen_control_character, "yaml-syntaxis", 7),
    Generated("nul-in-link", gen_nul_in_link, "buiten-inhoudsmap", 53),
    Generated("svg-bijlage", gen_svg_attachment, "bijlage-type", 53),
    Generated("stuurteken-in-tekst", gen_escape_in_body, "tekst-stuurteken", 53, column=5),
    Generated("tekst-haken", gen_brackets, "tekst-te-zwaar", 49),
    Generated("tekst-kop-hekjes", gen_hash_heading, "tekst-te-zwaar", 53),
    Generated("tekst-afkorting", gen_abbreviation, "tekst-te-groot", 49),
    Generated("tekst-lijst-diep", gen_deep_list, "tekst-te-diep", 49),
]
GENERATED_WARNINGS = [
    Generated("bestand-onbekend", gen_stray_file, "bestand-onbekend", 1),
    Generated("readme", gen_readme, "bestand-overgeslagen", 1),
    Generated("punt-map", gen_dot_folder, "map-overgeslagen", 1),
]
# fmt: on


# --- Every case: a corpus file (Case) or a generated one (Generated) ------------------------------


@pytest.mark.parametrize(
    "case, warning",
    _params(ERROR_CASES + GENERATED_ERRORS, warning=False)
    + _params(WARNING_CASES + GENERATED_WARNINGS, warning=True),
)
def test_case_json(case: Case | Generated, warning: bool, registry_only: Path) -> None:
    shown = case.make(registry_only)
    check_json(
        registry_only,
        shown,
        case.code,
        case.line,
        warning=warning,
        hint=case.hint,
        message=case.message,
        column=case.column,
    )


@pytest.mark.parametrize("case", _params(ERROR_CASES + GENERATED_ERRORS))
def test_error_case_text(case: Case | Generated, registry_only: Path) -> None:
    shown = case.make(registry_only)
    check_text(registry_only, shown, case.code, case.line)


# --- The corpus itself ----------------------------------------------------------------------------


def test_corpus_is_complete_and_large_enough() -> None:
    listed = [c.file for c in ERROR_CASES + WARNING_CASES]
    assert len(listed) == len(set(listed)), "a corpus file is listed twice"
    on_disk = sorted(p.name for p in CORPUS.iterdir())
    assert sorted(listed) == on_disk, "every corpus file needs exactly one row in the table"
    assert len(listed) >= 32
    assert len(ERROR_CASES) + len(GENERATED_ERRORS) >= 25
    assert len(ERROR_CASES) >= 25


def test_base_description_is_valid(registry_only: Path) -> None:
    """The generated cases start from a description with no problems at all."""
    (registry_only / "praktijken" / "geldig.md").write_bytes(_valid_praktijk())
    result = run_cli(registry_only, "json")
    assert result.returncode == 0, result.stdout
    assert json.loads(result.stdout)["diagnostics"] == []


# --- Every file kind: the same rules for text and nesting (issue 13 items 4 and 9) -----------------

# YAML written for a text value, and the code it must give. Each is also a variant the corpus does not
# hold: other invisible characters, a C1 control written as the YAML escape \N, other bidi controls.
TEXT_PROBLEMS = [
    ('"        "', "tekst-onzichtbaar"),
    ('"\\u00A0\\u2003\\u200B\\u2060\\u3164\\uFEFF\\u0301"', "tekst-onzichtbaar"),
    ('"Naam met \\u202Dwissel"', "tekst-leesrichting"),
    ('"Naam met \\u2068isolaat\\u2069"', "tekst-leesrichting"),
    ('"Naam met \\u200Fmarkering"', "tekst-leesrichting"),
    ('"Naam met bel\\a"', "tekst-stuurteken"),
    ('"Naam met \\x1b[31m kleur"', "tekst-stuurteken"),
    ('"Naam met \\N volgende regel"', "tekst-stuurteken"),
    ('"Naam met \\x7f"', "tekst-stuurteken"),
    ('"Twee\\tkolommen"', "tekst-stuurteken"),
    ('"Naam\\u2028regel"', "tekst-stuurteken"),
]
DEEP = "[" * 500 + "]" * 500  # 500 levels, as in the issue


def _replace_line(text: str, pattern: str, number: int, value: str) -> tuple[str, int]:
    """Replace the value of the ``number``-th line matching ``pattern`` (a 'key: value' line);
    return the new text and that line's number."""
    lines = text.split("\n")
    matches = [i for i, line in enumerate(lines) if re.match(pattern, line)]
    index = matches[number]
    key = lines[index].split(":", 1)[0]
    lines[index] = f"{key}: {value}"
    return "\n".join(lines), index + 1


def _registry_file(relative: str):
    """A registry or taxonomy file: put each value in a different one-line text field (naam,
    website)."""

    def make(content: Path, values: list[str]) -> list[tuple[str, int]]:
        path = content / relative
        text = path.read_text("utf-8")
        lines = []
        for number, value in enumerate(values):
            text, line = _replace_line(text, r"^\s*(- )?(naam|website): ", number, value)
            lines.append((f"content/{relative}", line))
        path.write_text(text, encoding="utf-8")
        return lines

    return make


def _description(kind: str, source: Path, key: str):
    """Descriptions: one copy of ``source`` per value, the value at ``key``."""

    def make(content: Path, values: list[str]) -> list[tuple[str, int]]:
        folder = content / FOLDERS[kind]
        folder.mkdir(exist_ok=True)
        original = source.read_text("utf-8")
        if kind == "praktijk":
            original = original.split("Het [eindverslag]", 1)[0]
        lines = []
        for number, value in enumerate(values):
            text, line = _replace_line(original, rf"^{key}: ", 0, value)
            (folder / f"kopie-{number}.md").write_text(text, encoding="utf-8")
            lines.append((f"content/{FOLDERS[kind]}/kopie-{number}.md", line))
        return lines

    return make


FILE_KINDS = {
    "praktijk": _description("praktijk", CORPUS / "bijlage-ontbreekt.md", "gemeente"),
    "archetype": _description(
        "archetype", REPO / "content" / "archetypen" / "buurtbemiddeling.md", "titel"
    ),
    "pagina": _description("pagina", REPO / "content" / "paginas" / "meedoen.md", "titel"),
    "organisaties": _registry_file("organisaties.yml"),
    "themas": _registry_file("taxonomie/themas.yml"),
    "doelgroepen": _registry_file("taxonomie/doelgroepen.yml"),
    "effecten": _registry_file("taxonomie/effecten.yml"),
}


def _validate_text(args: list[str], cwd: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "wwidw_build", "validate", *args, "--format", "text"],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "RecursionError" not in output, output[-3000:]
    assert result.returncode == 1, output[-3000:]
    return output


def _expect(output: str, shown: str, line: int, code: str) -> None:
    pattern = rf"^  {re.escape(shown)}:{line}:[1-9]\d*: fout \[{re.escape(code)}\] (.*)$"
    found = re.search(pattern, output, re.M)
    assert found, f"{pattern!r} not in:\n{output[-3000:]}"
    assert_dutch(found.group(1))


@pytest.mark.parametrize("kind", sorted(FILE_KINDS))
def test_text_rules_hold_in_every_file_kind(kind: str, registry_only: Path) -> None:
    places = FILE_KINDS[kind](registry_only, [value for value, _ in TEXT_PROBLEMS])
    output = _validate_text(["--content", str(registry_only)], registry_only.parent)
    for (shown, line), (_, code) in zip(places, TEXT_PROBLEMS, strict=True):
        _expect(output, shown, line, code)


@pytest.mark.parametrize("kind", sorted(FILE_KINDS))
def test_deep_nesting_is_refused_in_every_file_kind(kind: str, registry_only: Path) -> None:
    [(shown, line)] = FILE_KINDS[kind](registry_only, [DEEP])
    output = _validate_text(["--content", str(registry_only)], registry_only.parent)
    _expect(output, shown, line, "yaml-syntaxis")
    assert "te diep genest" in output


def _sources_file(folder: Path, values: list[str]) -> list[tuple[str, int]]:
    """bronnen.yml with one source per value, the value as its locatie (free text)."""
    lines = ["bronnen:"]
    places = []
    for number, value in enumerate(values):
        tier = "openbaar" if number == 0 else f"organisatie:org-{number}"
        lines += [f"  - naam: bron-{number}", f"    locatie: {value}", f"    niveau: {tier}"]
        places.append(("bronnen.yml", len(lines) - 1))
    (folder / "bronnen.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return places


def test_text_rules_and_nesting_hold_in_bronnen_yml(tmp_path: Path) -> None:
    places = _sources_file(tmp_path, [value for value, _ in TEXT_PROBLEMS])
    output = _validate_text(["--sources", "bronnen.yml"], tmp_path)
    for (shown, line), (_, code) in zip(places, TEXT_PROBLEMS, strict=True):
        _expect(output, shown, line, code)
    [(shown, line)] = _sources_file(tmp_path, [DEEP])
    _expect(_validate_text(["--sources", "bronnen.yml"], tmp_path), shown, line, "yaml-syntaxis")


# --- wwidw serve keeps the previous site on bad input (issue 13 item 4) ------------------------------


def test_serve_keeps_the_previous_site_when_a_file_turns_bad(content_copy: Path, tmp_path: Path):
    """A real preview: deep nesting in organisaties.yml, then in a description, is reported in Dutch
    and not built; the server lives on and still serves the site it built before."""
    import queue
    import threading
    import urllib.request

    process = subprocess.Popen(
        [sys.executable, "-m", "wwidw_build", "serve", "--content", str(content_copy)]
        + ["--port", "0", "--out", str(tmp_path / "voorbeeld")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=REPO,
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x) for x in process.stdout], daemon=True).start()
    seen: list[str] = []

    def wait_for(text: str, seconds: float = 240) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                assert process.poll() is None, "".join(seen)
                continue
            seen.append(line)
            if text in line:
                return line
        raise AssertionError(f"{text!r} not printed:\n{''.join(seen)}")

    def page() -> str:
        with urllib.request.urlopen(url + "organisaties/", timeout=10) as response:
            return response.read().decode("utf-8")

    try:
        url = re.search(r"http://127\.0\.0\.1:\d+/", wait_for("Voorbeeld van")).group()
        before = page()
        assert "Havenstad Wonen" in before
        bad = [
            (content_copy / "organisaties.yml", "  naam: Havenstad Wonen", f"  naam: {DEEP}"),
            (
                content_copy / "praktijken" / "klushuizen-spoorbuurt.md",
                "projectstatus:",
                f"wijk2: {DEEP}\nprojectstatus:",
            ),
        ]
        for path, old, new in bad:
            text = path.read_text("utf-8")
            assert old in text
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
            wait_for("Niet opnieuw gebouwd")
            assert process.poll() is None, "".join(seen)
            assert page() == before
        output = "".join(seen)
        assert "te diep genest" in output
        assert "Traceback" not in output and "RecursionError" not in output
    finally:
        process.kill()
        process.wait()
