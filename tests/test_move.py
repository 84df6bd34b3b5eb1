"""`wwidw move`: a description with its attachments between real git repositories, one per source
(the repository's sample sources, each made its own repository)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import wwidw
from git_repo import ENV, commit_all, git, isolate
from sources import copy_sample_sources

from wwidw_build.authoring.move_files import CannotEdit, with_visibility
from wwidw_build.cli.main import cli
from wwidw_build.cli.support import run
from wwidw_build.content_sources import shorthand
from wwidw_build.load import document_from_text

MOVED = "buurtbemiddeling-portiekflats-noord"  # partners, organisatie havenstad-wonen
NEIGHBOUR = "huisbezoeken-senioren-de-horst"  # partners; shares an attachment with MOVED
OWN = "portiekafspraken.pdf"  # only MOVED links to it
SHARED = "gespreksleidraad.pdf"  # MOVED and NEIGHBOUR link to it
REPOS = {
    "openbaar": "content",
    "partners": "voorbeeldbronnen/partners",
    "havenstad-wonen": "voorbeeldbronnen/havenstad-wonen",
    "woonstede-rivierland": "voorbeeldbronnen/woonstede-rivierland",
}


def link(path: Path, name: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"\nZie ook [de bijlage](../bijlagen/{name}).\n")


@pytest.fixture
def place(tmp_path) -> Path:
    """The sample sources, each folder its own git repository with one commit on main; partners
    has two attachments: one of MOVED alone, one it shares with NEIGHBOUR."""
    copy_sample_sources(tmp_path)
    partners = tmp_path / REPOS["partners"]
    (partners / "bijlagen" / OWN).write_bytes(b"%PDF-1.4\n% afspraken per portiek\n")
    (partners / "bijlagen" / SHARED).write_bytes(b"%PDF-1.4\n% leidraad voor het gesprek\n")
    link(partners / "praktijken" / f"{MOVED}.md", OWN)
    link(partners / "praktijken" / f"{MOVED}.md", SHARED)
    link(partners / "praktijken" / f"{NEIGHBOUR}.md", SHARED)
    for folder in REPOS.values():
        repo = tmp_path / folder
        git(repo, "init", "-q", "-b", "main")
        git(repo, "config", "user.name", "Test Bijdrager")
        git(repo, "config", "user.email", "test@example.org")
        git(repo, "config", "commit.gpgsign", "false")
        commit_all(repo, "Voorbeeldbron")
    return tmp_path


@pytest.fixture
def move(monkeypatch, capsys):
    """Run ``wwidw move ARGS`` in ``place`` in this process (quicker than a subprocess per call),
    with git isolated from the tester's configuration as in git_repo."""
    isolate(monkeypatch)

    def run_move(place: Path, *args: str) -> subprocess.CompletedProcess:
        monkeypatch.chdir(place)
        capsys.readouterr()
        code = run(cli, ["move", *args])
        out = capsys.readouterr()
        return subprocess.CompletedProcess(["wwidw", "move", *args], code, out.out, out.err)

    return run_move


def files(place: Path) -> dict[str, bytes]:
    """Every file and folder outside .git, with the bytes of the files."""
    out = {}
    for path in sorted(place.rglob("*")):
        if ".git" in path.relative_to(place).parts:
            continue
        out[path.relative_to(place).as_posix()] = path.read_bytes() if path.is_file() else b"<map>"
    return out


def clean(place: Path) -> bool:
    return all(git(place / folder, "status", "--porcelain") == "" for folder in REPOS.values())


def steps_for(output: str, repository: Path) -> list[str]:
    """The commands printed under 'In de repository van ...: <repository>' (after its cd)."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.endswith(f": {repository}"))
    block = []
    for line in lines[start + 1 :]:
        if not line.startswith("    "):
            break
        block.append(line.strip())
    assert block[0] == f"cd {shlex.quote(str(repository))}"
    return block[1:]


def run_steps(commands: list[str], repository: Path) -> None:
    for command in commands:
        words = shlex.split(command)
        assert words[0] == "git"
        git(repository, *words[1:])


def changed_lines(old: bytes, new: bytes) -> list[tuple[bytes, bytes]]:
    old_lines, new_lines = old.split(b"\n"), new.split(b"\n")
    assert len(old_lines) == len(new_lines)
    return [(a, b) for a, b in zip(old_lines, new_lines, strict=True) if a != b]


def test_partners_to_organisation_and_back_with_attachments(place, move):
    partners, havenstad = place / REPOS["partners"], place / REPOS["havenstad-wonen"]
    original = (partners / "praktijken" / f"{MOVED}.md").read_bytes()
    own, shared = (
        (partners / "bijlagen" / OWN).read_bytes(),
        (partners / "bijlagen" / SHARED).read_bytes(),
    )

    result = move(place, MOVED, "--to", "havenstad-wonen")
    assert result.returncode == 0, result.stderr
    moved = havenstad / "praktijken" / f"{MOVED}.md"
    assert not (partners / "praktijken" / f"{MOVED}.md").exists()
    assert changed_lines(original, moved.read_bytes()) == [
        (b"zichtbaarheid: partners", b"zichtbaarheid: organisatie")
    ]
    # Its own attachment moves; the shared one is copied, and the command says so.
    assert not (partners / "bijlagen" / OWN).exists()
    assert (havenstad / "bijlagen" / OWN).read_bytes() == own
    assert (partners / "bijlagen" / SHARED).read_bytes() == shared
    assert (havenstad / "bijlagen" / SHARED).read_bytes() == shared
    assert f"gekopieerd naar voorbeeldbronnen/havenstad-wonen/bijlagen/{SHARED}" in result.stdout
    assert f"'{NEIGHBOUR}' gebruikt haar ook" in result.stdout
    # The git steps: per repository, paths relative to it.
    added = steps_for(result.stdout, havenstad)
    assert added == [
        f"git add -- praktijken/{MOVED}.md bijlagen/{OWN} bijlagen/{SHARED}",
        f"git commit -m '{MOVED} verplaatst van bron partners naar bron havenstad-wonen'",
    ]
    removed = steps_for(result.stdout, partners)
    assert removed == [
        f"git rm -- praktijken/{MOVED}.md bijlagen/{OWN}",
        f"git commit -m '{MOVED} verplaatst van bron partners naar bron havenstad-wonen'",
    ]
    run_steps(added, havenstad)
    run_steps(removed, partners)
    assert clean(place)
    assert wwidw("validate", "--sources", "bronnen.yml", cwd=place).returncode == 0

    back = move(place, MOVED, "--to", "partners")
    assert back.returncode == 0, back.stderr
    assert (partners / "praktijken" / f"{MOVED}.md").read_bytes() == original
    assert not moved.exists()
    assert (partners / "bijlagen" / OWN).read_bytes() == own
    assert not (havenstad / "bijlagen" / OWN).exists()
    # The shared copy is used by nothing else in havenstad-wonen, and partners still has it.
    assert not (havenstad / "bijlagen" / SHARED).exists()
    assert (partners / "bijlagen" / SHARED).read_bytes() == shared
    assert (
        f"een gelijk bestand stond al op voorbeeldbronnen/partners/bijlagen/{SHARED}" in back.stdout
    )
    assert steps_for(back.stdout, partners)[0] == f"git add -- praktijken/{MOVED}.md bijlagen/{OWN}"
    assert steps_for(back.stdout, havenstad)[0] == (
        f"git rm -- praktijken/{MOVED}.md bijlagen/{OWN} bijlagen/{SHARED}"
    )


def test_organisation_to_partners_keeps_every_other_byte(place, move):
    """CRLF line endings, a quoted value and a comment survive: only the value changes."""
    havenstad = place / REPOS["havenstad-wonen"]
    path = havenstad / "praktijken" / "wijkconcierge-flat-zuid.md"
    text = path.read_bytes().replace(b"\n", b"\r\n")
    text = text.replace(b"zichtbaarheid: organisatie", b"zichtbaarheid: 'organisatie'  # intern")
    path.write_bytes(text)
    commit_all(havenstad, "CRLF")

    result = move(place, "wijkconcierge-flat-zuid", "--to", "partners")
    assert result.returncode == 0, result.stderr
    new = (place / REPOS["partners"] / "praktijken" / "wijkconcierge-flat-zuid.md").read_bytes()
    assert changed_lines(text, new) == [
        (b"zichtbaarheid: 'organisatie'  # intern\r", b"zichtbaarheid: 'partners'  # intern\r")
    ]
    assert not path.exists()


def test_a_move_that_breaks_a_public_reference_is_rolled_back(place, move):
    before = files(place)
    result = move(place, "buurtbemiddeling", "--to", "partners")
    assert result.returncode == 1
    assert "[verwijzing-minder-openbaar]" in result.stderr
    assert "content/praktijken/pleinmediation-jongeren.md" in result.stderr
    assert "alles is teruggezet" in result.stderr
    assert files(place) == before
    assert clean(place)


def test_a_rollback_also_removes_the_folders_it_made(place, move):
    """A partners description links to MOVED: moving it breaks that link. havenstad-wonen has no
    bijlagen/ yet, so the move makes one; the rollback removes it again."""
    partners, havenstad = place / REPOS["partners"], place / REPOS["havenstad-wonen"]
    git(havenstad, "rm", "-q", "bijlagen/.gitkeep")
    commit_all(havenstad, "Geen bijlagen")
    assert not (havenstad / "bijlagen").exists()
    with (partners / "praktijken" / f"{NEIGHBOUR}.md").open("a", encoding="utf-8") as handle:
        handle.write(f"\nVergelijk [Havenstad-Noord]({MOVED}.md).\n")
    commit_all(partners, "Verwijzing")
    before = files(place)

    result = move(place, MOVED, "--to", "havenstad-wonen")
    assert result.returncode == 1
    assert "[bijlage-ontbreekt]" in result.stderr and NEIGHBOUR in result.stderr
    assert files(place) == before
    assert not (havenstad / "bijlagen").exists()
    assert clean(place)


def test_making_a_description_public_needs_the_flag(place, move):
    before = files(place)
    result = move(place, MOVED, "--to", "openbaar")
    assert result.returncode == 1
    assert "--make-public" in result.stderr and "'Wordt openbaar'" in result.stderr
    assert "iedereen" in result.stderr
    assert files(place) == before
    wrong = move(place, MOVED, "--to", "havenstad-wonen", "--make-public")
    assert wrong.returncode == 2 and "openbare bron" in wrong.stderr
    assert files(place) == before


def test_a_description_made_public_shows_as_wordt_openbaar_in_the_review(place, move):
    public, partners = place / REPOS["openbaar"], place / REPOS["partners"]
    git(public, "checkout", "-q", "-b", "verplaats")
    result = move(place, MOVED, "--to", "openbaar", "--make-public")
    assert result.returncode == 0, result.stderr
    assert (public / "praktijken" / f"{MOVED}.md").is_file()
    assert (public / "bijlagen" / OWN).is_file() and (public / "bijlagen" / SHARED).is_file()
    run_steps(steps_for(result.stdout, public), public)
    run_steps(steps_for(result.stdout, partners), partners)
    assert clean(place)

    review = wwidw(
        "review", "--base", "main", "--sources", "bronnen.yml", "--source", "openbaar",
        cwd=place, env={**os.environ, **ENV},
    )  # fmt: skip
    assert review.returncode == 0, review.stderr
    alert = [line for line in review.stdout.splitlines() if "⚠️ Wordt openbaar:" in line]
    assert len(alert) == 1 and MOVED in alert[0]


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["bestaat-niet", "--to", "partners"], 2, "geen praktijk of archetype met id"),
        (["../geheim", "--to", "partners"], 2, "is geen id"),
        ([MOVED, "--to", "nergens"], 2, "Onbekende bron 'nergens'"),
        ([MOVED, "--to", "partners"], 2, "staat al in bron 'partners'"),
        ([MOVED], 2, "--to"),
        (["wijkconcierge", "--to", "havenstad-wonen"], 1, "nooit voor één organisatie"),
        (["digitale-thuisadministratie", "--to", "havenstad-wonen"], 1, "eigen organisatie"),
    ],
)
def test_refusals_and_usage_errors_change_nothing(place, move, args, code, words):
    before = files(place)
    result = move(place, *args)
    assert result.returncode == code, result.stderr
    assert words in result.stderr
    assert files(place) == before


def test_a_git_source_is_not_a_local_checkout(place, move):
    sources = place / "bronnen.yml"
    sources.write_text(
        sources.read_text().replace(
            "locatie: voorbeeldbronnen/havenstad-wonen", "locatie: git@example.org:havenstad.git"
        )
    )
    before = files(place)
    result = move(place, MOVED, "--to", "havenstad-wonen")
    assert result.returncode == 1
    assert "git-bron" in result.stderr and "Clone" in result.stderr and "'locatie'" in result.stderr
    assert files(place) == before


def test_an_existing_file_in_the_target_is_never_overwritten(place, move):
    havenstad = place / REPOS["havenstad-wonen"]
    (havenstad / "bijlagen" / OWN).write_bytes(b"%PDF-1.4\n% een ander bestand\n")
    before = files(place)
    result = move(place, MOVED, "--to", "havenstad-wonen")
    assert result.returncode == 1
    assert f"voorbeeldbronnen/havenstad-wonen/bijlagen/{OWN}" in result.stderr
    assert "nooit een bestand overschreven" in result.stderr
    assert files(place) == before


def test_steps_for_a_folder_outside_git_say_so(place, move):
    shutil.rmtree(place / REPOS["havenstad-wonen"] / ".git")
    result = move(place, MOVED, "--to", "havenstad-wonen")
    assert result.returncode == 0, result.stderr
    assert "ligt niet in een git-repository" in result.stdout
    assert steps_for(result.stdout, place / REPOS["partners"])[0].startswith("git rm -- ")


def test_sources_in_one_repository_get_one_set_of_steps(tmp_path, move):
    copy_sample_sources(tmp_path)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.name", "Test")
    git(tmp_path, "config", "user.email", "test@example.org")
    commit_all(tmp_path, "Alles")
    result = move(tmp_path, "wijkconcierge-flat-zuid", "--to", "partners")
    assert result.returncode == 0, result.stderr
    assert steps_for(result.stdout, tmp_path) == [
        "git add -- voorbeeldbronnen/partners/praktijken/wijkconcierge-flat-zuid.md",
        "git rm -- voorbeeldbronnen/havenstad-wonen/praktijken/wijkconcierge-flat-zuid.md",
        "git commit -m 'wijkconcierge-flat-zuid verplaatst van bron havenstad-wonen naar bron partners'",
    ]


@pytest.mark.parametrize(
    "line",
    ["zichtbaarheid:\n  partners", "zichtbaarheid: &a partners", "zichtbaarheid: >-\n  partners"],
)
def test_a_visibility_not_on_one_plain_line_is_not_guessed(tmp_path, line):
    text = f"---\ntitel: X\n{line}\n---\n\n## Aanleiding\n"
    source = shorthand(tmp_path)
    document = document_from_text(source, "praktijk", tmp_path / "praktijken" / "x.md", text, [])
    with pytest.raises(CannotEdit):
        with_visibility(text.encode(), document, "openbaar")


def test_the_hint_of_hoort_in_bron_works(place, move):
    """A description whose zichtbaarheid already names another tier: `validate` says which command
    moves it, and that command moves it unchanged (no line to edit)."""
    public = place / REPOS["openbaar"]
    path = public / "praktijken" / "taalcafe-bibliotheek-oost.md"
    text = path.read_bytes().replace(b"zichtbaarheid: openbaar", b"zichtbaarheid: partners")
    path.write_bytes(text)
    checked = wwidw("validate", "--sources", "bronnen.yml", cwd=place)
    assert checked.returncode == 1 and "[hoort-in-bron]" in checked.stdout
    assert "wwidw move taalcafe-bibliotheek-oost --to partners" in checked.stdout

    result = move(place, "taalcafe-bibliotheek-oost", "--to", "partners")
    assert result.returncode == 0, result.stderr
    assert "zichtbaarheid:" not in result.stdout  # nothing to change
    moved = place / REPOS["partners"] / "praktijken" / "taalcafe-bibliotheek-oost.md"
    assert moved.read_bytes() == text and not path.exists()
    assert wwidw("validate", "--sources", "bronnen.yml", cwd=place).returncode == 0


def test_errors_that_were_there_before_do_not_block_a_move(place, move):
    other = place / REPOS["woonstede-rivierland"] / "praktijken" / "klushuizen-kanaalzone.md"
    other.write_text(
        other.read_text().replace("zichtbaarheid: organisatie", "zichtbaarheid: iedereen")
    )
    result = move(place, MOVED, "--to", "havenstad-wonen")
    assert result.returncode == 0, result.stderr
    assert "andere fout" in result.stdout
