"""`wwidw source new`: a source repository per tier, its bronnen.yml, form and pinned workflows; refusals.

The workflows it writes are linted with actionlint and zizmor in tests/test_workflows.py.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, REPO, tree, wwidw
from git_repo import ENV, commit_all, git

from wwidw_build.authoring import source_repo
from wwidw_build.authoring.issue_form import FIELDS
from wwidw_build.cli.main import cli
from wwidw_build.cli.support import run
from wwidw_build.load import load_content

REF = "0123456789abcdef0123456789abcdef01234567"
ENGINE = "https://github.com/voorbeeld/kennisbank-engine.git"
PARTNERS = "git@github.com:voorbeeld/kennisbank-partners.git"
TIERS = ["openbaar", "partners", "organisatie:welzijn-de-brug"]


def scaffold(target: Path, tier: str, *extra: str) -> subprocess.CompletedProcess:
    return wwidw("source", "new", target, "--tier", tier, "--engine-ref", REF, *extra)


@pytest.fixture(scope="module", params=TIERS)
def made(request, tmp_path_factory) -> tuple[str, Path]:
    """A source repository of each tier, written once by the command."""
    target = tmp_path_factory.mktemp("bron") / "repo"
    extra = ["--engine-url", ENGINE]
    if request.param.startswith("organisatie:"):
        extra += ["--partners-url", PARTNERS]
    result = scaffold(target, request.param, *extra)
    assert result.returncode == 0, result.stderr
    return request.param, target


def test_the_repository_has_the_folders_and_files(made):
    tier, target = made
    files = set(tree(target))
    assert {"praktijken/.gitkeep", "archetypen/.gitkeep", "bijlagen/.gitkeep"} <= files
    assert {
        "README.md",
        "bronnen.yml",
        ".gitignore",
        ".github/CODEOWNERS",
        ".github/PULL_REQUEST_TEMPLATE.md",
        ".github/ISSUE_TEMPLATE/nieuwe-praktijk.yml",
        ".github/workflows/controle.yml",
        ".github/workflows/review-reactie.yml",
        ".github/workflows/formulier.yml",
        ".github/workflows/publiceren.yml",
        ".github/workflows/onderhoud.yml",
    } <= files
    registry_files = {"organisaties.yml", "taxonomie/themas.yml", "taxonomie/effecten.yml"}
    # Only the public source holds the registry and the taxonomies.
    assert (registry_files <= files) == (tier == "openbaar")
    assert not [
        f for f in files if f.startswith(("praktijken/", "archetypen/")) and f.endswith(".md")
    ]


def test_bronnen_yml_names_the_public_source_and_itself(made):
    tier, target = made
    entries = yaml.safe_load((target / "bronnen.yml").read_text(encoding="utf-8"))["bronnen"]
    by_name = {e["naam"]: e for e in entries}
    assert len(by_name) == len(entries)
    assert [e["niveau"] for e in entries].count("openbaar") == 1
    own = [e for e in entries if e["locatie"] == "."]
    assert own == [entries[-1]] and own[0]["niveau"] == tier
    assert set(own[0]) == {"naam", "locatie", "niveau"}
    if tier == "openbaar":
        assert entries == [{"naam": "openbaar", "locatie": ".", "niveau": "openbaar"}]
        return
    assert by_name["openbaar"] == {
        "naam": "openbaar",
        "locatie": ENGINE,
        "ref": "main",
        "pad": "content",
        "niveau": "openbaar",
    }
    if tier == "partners":
        assert [e["naam"] for e in entries] == ["openbaar", "partners"]
    else:
        assert [e["naam"] for e in entries] == ["openbaar", "partners", "welzijn-de-brug"]
        assert by_name["partners"] == {
            "naam": "partners",
            "locatie": PARTNERS,
            "ref": "main",
            "niveau": "partners",
        }
    for entry in entries:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", entry["naam"])


def test_every_workflow_calls_the_engine_pinned_to_the_commit(made):
    _, target = made
    for path in sorted((target / ".github" / "workflows").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        uses = re.findall(r"^\s+uses:\s*(\S+)", text, re.M)
        assert len(uses) == 1, path.name
        assert uses[0].startswith("voorbeeld/kennisbank-engine/.github/workflows/wwidw-"), uses
        assert uses[0].endswith(f".yml@{REF}"), uses
        job = next(iter(yaml.safe_load(text)["jobs"].values()))
        if path.name != "review-reactie.yml":
            assert job["with"]["engine-ref"] == REF
            assert job["with"]["engine-repository"] == "voorbeeld/kennisbank-engine"
            assert job["with"]["sources"] == "bronnen.yml"
        assert len(text.splitlines()) <= 50, path.name  # a few lines: the engine does the work


def test_the_checks_build_what_the_repositorys_readers_may_see(made):
    tier, target = made
    controle = yaml.safe_load((target / ".github/workflows/controle.yml").read_text("utf-8"))
    job = controle["jobs"]["review"]
    assert job["with"]["audience"] == tier
    assert job["permissions"] == {"contents": "read"}
    # Only an organisation repository needs a token: to read the partners repository.
    assert ("secrets" in job) == tier.startswith("organisatie:")
    publiceren = (target / ".github/workflows/publiceren.yml").read_text("utf-8")
    expected = "wwidw-publiceren-openbaar" if tier == "openbaar" else "wwidw-publiceren-beschermd"
    assert expected in publiceren
    if tier != "openbaar":
        assert f"audience: {tier}\n" in publiceren


def test_the_maintenance_issue_lists_this_source_weekly_in_this_repository(made):
    tier, target = made
    onderhoud = yaml.safe_load((target / ".github/workflows/onderhoud.yml").read_text("utf-8"))
    on = onderhoud.get("on", onderhoud.get(True))
    assert set(on) == {"schedule", "workflow_dispatch"} and len(on["schedule"]) == 1
    assert onderhoud["concurrency"] == {"group": "onderhoud", "cancel-in-progress": False}
    job = onderhoud["jobs"]["onderhoud"]
    assert job["uses"].split("@")[0].endswith("/wwidw-onderhoud.yml")
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    assert job["with"]["sources"] == "bronnen.yml"  # of which only the local source is listed
    assert ("secrets" in job) == tier.startswith("organisatie:")


def test_the_issue_form_offers_only_the_repositorys_own_tier(made):
    tier, target = made
    form = yaml.safe_load(
        (target / ".github/ISSUE_TEMPLATE/nieuwe-praktijk.yml").read_text("utf-8")
    )
    elements = {e["id"]: e for e in form["body"] if "id" in e}
    assert [e["id"] for e in form["body"] if "id" in e] == [f.element_id for f in FIELDS]
    assert elements["zichtbaarheid"]["attributes"]["options"] == [tier.split(":")[0]]
    organisations = elements["organisatie"]["attributes"]["options"]
    registry = load_content(CONTENT)[0].registry
    if tier == "openbaar":
        assert len(organisations) == len(registry.organisaties)
    elif tier == "partners":
        assert len(organisations) == len([o for o in registry.organisaties.values() if o.partner])
        assert "Woonbron Kempenland (woonbron-kempenland)" not in organisations
    else:
        assert organisations == ["Stichting Welzijn De Brug (welzijn-de-brug)"]
        assert "alleen voor Stichting Welzijn De Brug" in form["body"][0]["attributes"]["value"]


def test_the_readme_and_the_templates_are_dutch_and_name_the_tier(made):
    tier, target = made
    readme = (target / "README.md").read_text(encoding="utf-8")
    for heading in ("## Wie kan dit lezen?", "## Een beschrijving toevoegen", "## Hoe de site"):
        assert heading in readme
    visibility = tier.split(":")[0]
    assert f"zichtbaarheid `{visibility}`" in readme
    assert f"--visibility {visibility}" in readme and "--sources bronnen.yml" in readme
    assert f"wwidw @ git+https://github.com/voorbeeld/kennisbank-engine.git@{REF}" in readme
    assert ("privé" in readme) == (tier != "openbaar")
    assert ("BRONNEN_TOKEN" in readme) == tier.startswith("organisatie:")
    template = (target / ".github/PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert template.count("- [ ]") >= 5 and f"`{visibility}`" in template
    for word in (
        "persoonsgegevens",
        "zichtbaarheid",
        "concept: true",
        "wwidw validate",
        "geschiedenis",
    ):
        assert word in template
    owners = (target / ".github/CODEOWNERS").read_text(encoding="utf-8")
    assert "/.github/      @voorbeeld/kennisbank-beheer" in owners
    assert ("/taxonomie/" in owners) == (tier == "openbaar")


def test_an_empty_folder_is_fine(tmp_path):
    target = tmp_path / "leeg"
    target.mkdir()
    assert scaffold(target, "partners").returncode == 0
    assert (target / "bronnen.yml").is_file()


def test_a_folder_that_is_not_empty_is_refused_and_left_alone(tmp_path):
    target = tmp_path / "bestaand"
    target.mkdir()
    (target / "notities.txt").write_text("van mij", encoding="utf-8")
    result = scaffold(target, "partners")
    assert result.returncode == 1
    assert "is niet leeg" in result.stderr and "overschrijft nooit" in result.stderr
    assert tree(target) == {"notities.txt": b"van mij"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--tier", "geheim"], "Onbekend niveau 'geheim'"),
        (["--tier", "organisatie:woonbron-kempenland"], "Onbekend niveau"),  # not a partner
        (["--tier", "organisatie:bestaat-niet"], "Onbekend niveau"),
        (["--tier", "partners", "--engine-ref", "main"], "geen volledige commit"),
        (["--tier", "partners", "--engine-url", "https://gitlab.com/a/b.git"], "op GitHub"),
        (["--tier", "partners", "--partners-url", PARTNERS], "hoort alleen bij --tier organisatie"),
        (
            [
                "--tier",
                "organisatie:welzijn-de-brug",
                "--partners-url",
                "https://x:geheim@h.nl/p.git",
            ],
            "inloggegevens",
        ),
        (["--tier", "organisatie:welzijn-de-brug", "--partners-url", "partners"], "geen git-adres"),
    ],
)
def test_bad_options_are_usage_errors(tmp_path, monkeypatch, capsys, args, message):
    target = tmp_path / "nieuw"
    engine_ref = [] if "--engine-ref" in args else ["--engine-ref", REF]
    monkeypatch.chdir(REPO)
    assert run(cli, ["source", "new", str(target), *args, *engine_ref]) == 2
    stderr = capsys.readouterr().err
    assert message in stderr and "Gebruik --help" in stderr
    assert not target.exists()


def test_github_urls_of_every_kind_name_the_repository():
    for url in (
        "https://github.com/o/r.git",
        "https://github.com/o/r",
        "git@github.com:o/r.git",
        "ssh://git@github.com/o/r.git",
    ):
        assert source_repo.github_repository(url) == "o/r"


# Real git: the engine commit the workflows are pinned to.


def engine_checkout(path: Path) -> Path:
    path.mkdir()
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "user.name", "Test")
    git(path, "config", "user.email", "test@example.org")
    git(path, "config", "commit.gpgsign", "false")
    (path / "README.md").write_text("engine\n", encoding="utf-8")
    commit_all(path, "Engine")
    return path


def test_the_engine_commit_is_the_checkouts_head(tmp_path, monkeypatch):
    for key, value in ENV.items():
        monkeypatch.setenv(key, value)
    engine = engine_checkout(tmp_path / "engine")
    head = git(engine, "rev-parse", "HEAD").strip()
    assert source_repo.engine_commit(engine) == head
    assert not source_repo.engine_has_changes(engine)
    (engine / "README.md").write_text("changed\n", encoding="utf-8")
    assert source_repo.engine_has_changes(engine)
    # A folder inside a checkout (an engine installed into some repository's .venv) is not the engine.
    (engine / "sub").mkdir()
    assert source_repo.engine_commit(engine / "sub") is None
    assert source_repo.engine_commit(tmp_path) is None  # not a git checkout at all


def test_without_engine_ref_the_command_pins_this_checkouts_commit(tmp_path):
    head = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True, text=True
    )
    if head.returncode != 0 or source_repo.engine_commit() is None:
        pytest.skip("the engine under test is not a git checkout")
    target = tmp_path / "bron"
    result = wwidw("source", "new", target, "--tier", "partners")
    assert result.returncode == 0, result.stderr
    controle = (target / ".github/workflows/controle.yml").read_text(encoding="utf-8")
    assert f"wwidw-controle.yml@{head.stdout.strip()}\n" in controle
    assert "voorbeeldadres" in result.stderr  # the placeholder engine URL is pointed out


def test_outside_a_checkout_the_engine_ref_must_be_given(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(source_repo, "ENGINE_ROOT", tmp_path)  # an installed engine: no git
    monkeypatch.chdir(REPO)
    code = run(cli, ["source", "new", str(tmp_path / "bron"), "--tier", "partners"])
    assert code == 2
    assert "Geef --engine-ref <commit> op" in capsys.readouterr().err
    assert not (tmp_path / "bron").exists()


# With the engine: a scaffolded partners repository reads the public source over git (file://).

FORM_VALUES = {
    "Titel": "Buurtkamer aan de Dijk",
    "Samenvatting": "Bewoners runnen samen met een opbouwwerker een buurtkamer.",
    "Organisatie": "Stichting Welzijn De Brug (welzijn-de-brug)",
    "Gemeente": "Rivierstede",
    "Startjaar": "2022",
    "Projectstatus": "lopend",
    "Thema's": "Sociale cohesie (sociale-cohesie)",
    "Beoogde effecten": "minder-burenoverlast",
    "Privacy": "- [X] Er staan geen persoonsgegevens van bewoners in deze beschrijving",
}


def issue_body(form_file: Path, values: dict[str, str]) -> str:
    """An issue body as GitHub writes it for the form in ``form_file``."""
    form = yaml.safe_load(form_file.read_text(encoding="utf-8"))
    answers = []
    for element in form["body"]:
        if element["type"] == "markdown":
            continue
        label = element["attributes"]["label"]
        if element["type"] == "checkboxes":  # GitHub writes every option, checked or not
            unchecked = "\n".join(f"- [ ] {o['label']}" for o in element["attributes"]["options"])
            answers.append(f"### {label}\n\n{values.get(label, unchecked)}")
        else:
            answers.append(f"### {label}\n\n{values.get(label, '_No response_')}")
    return "\n\n".join(answers)


@pytest.fixture
def partners_repo(tmp_path, monkeypatch) -> Path:
    for key, value in ENV.items():
        monkeypatch.setenv(key, value)
    engine = engine_checkout(tmp_path / "engine")  # the public source: content/ on branch main
    shutil.copytree(CONTENT, engine / "content")
    commit_all(engine, "Openbare bron")
    target = tmp_path / "partners"
    assert scaffold(target, "partners").returncode == 0
    bronnen = target / "bronnen.yml"
    text = bronnen.read_text(encoding="utf-8")
    bronnen.write_text(text.replace(source_repo.PLACEHOLDER_ENGINE_URL, engine.as_uri()), "utf-8")
    sample = REPO / "voorbeeldbronnen/partners/praktijken/digitale-thuisadministratie.md"
    (target / "praktijken" / sample.name).write_bytes(sample.read_bytes())
    return target


def test_a_scaffolded_repository_validates_with_the_engine(partners_repo):
    result = wwidw("validate", "--sources", "bronnen.yml", cwd=partners_repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 fouten" in result.stdout
    # The public source was fetched into the cache the scaffold's .gitignore keeps out of git.
    assert (partners_repo / ".cache").is_dir() and ".cache/" in (
        partners_repo / ".gitignore"
    ).read_text()


def test_the_form_writes_its_own_tier_into_praktijken_and_nothing_else_there(
    partners_repo, tmp_path
):
    """What wwidw-formulier.yml relies on: a form of this repository's tier is one new file in
    praktijken/; a form edited to another tier's visibility is not (the workflow then refuses it)."""
    form_file = partners_repo / ".github/ISSUE_TEMPLATE/nieuwe-praktijk.yml"
    before = set(tree(partners_repo / "praktijken"))
    for visibility, written in (("partners", True), ("openbaar", False)):
        body = tmp_path / f"issue-{visibility}.md"
        values = FORM_VALUES | {"Zichtbaarheid": visibility, "Titel": f"Buurtkamer {visibility}"}
        body.write_text(issue_body(form_file, values), encoding="utf-8")
        wwidw("form", body, "--sources", "bronnen.yml", cwd=partners_repo)
        new = set(tree(partners_repo / "praktijken")) - before
        assert (new == {f"buurtkamer-{visibility}.md"}) == written, (visibility, new)
        before |= new


def test_the_maintenance_list_of_a_scaffolded_repository_names_its_own_descriptions_only(
    partners_repo,
):
    """What wwidw-onderhoud.yml runs there (`wwidw maintenance --sources bronnen.yml`): the public
    source is read over git for the validation, but only this repository's descriptions are listed."""
    result = wwidw(
        "maintenance",
        "--sources",
        "bronnen.yml",
        "--today",
        "2040-01-01",  # by then every description is three years old or a draft: all are listed
        "--format",
        "json",
        cwd=partners_repo,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["sources"] == ["partners"]
    files = [item["file"] for items in data["items"].values() for item in items]
    assert files == ["praktijken/digitale-thuisadministratie.md"]
