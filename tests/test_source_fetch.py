"""Git sources over real git repositories (file://): fetched shallow at their ref into .cache/, an
unreachable one a Dutch error naming the source (never its URL), exit 2, and the site untouched."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import REPO, tree, wwidw
from git_repo import ENV, commit_all, git

from wwidw_build.content_sources import read_sources_file
from wwidw_build.source_fetch import SourceUnavailable, cache_folder, resolve


def source_repo(path: Path, folder: Path, at: str = "") -> Path:
    """A git repository at ``path`` holding a copy of ``folder`` (at subfolder ``at``)."""
    path.mkdir(parents=True)
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "user.name", "Test")
    git(path, "config", "user.email", "test@example.org")
    shutil.copytree(folder, path / at if at else path, dirs_exist_ok=True)
    commit_all(path, "Inhoud")
    return path


def sources_file(folder: Path, entries: list[dict]) -> Path:
    path = folder / "bronnen.yml"
    path.write_text(yaml.safe_dump({"bronnen": entries}, sort_keys=False), "utf-8")
    return path


@pytest.fixture
def git_sources(tmp_path, monkeypatch):
    """The public source and the partners source as git repositories, reached over file://."""
    for key, value in ENV.items():
        monkeypatch.setenv(key, value)
    public = source_repo(tmp_path / "repos" / "engine", REPO / "content", at="content")
    partners = source_repo(tmp_path / "repos" / "partners", REPO / "voorbeeldbronnen" / "partners")
    work = tmp_path / "work"
    work.mkdir()
    entries = [
        {"naam": "openbaar", "locatie": public.as_uri(), "pad": "content", "niveau": "openbaar"},
        {"naam": "partners", "locatie": partners.as_uri(), "ref": "main", "niveau": "partners"},
    ]
    return work, sources_file(work, entries), public, partners


def test_git_sources_are_fetched_into_the_cache_and_built(git_sources):
    work, bronnen, public, partners = git_sources
    result = wwidw(
        "build", "--sources", bronnen, "--audience", "partners", "--out", work / "site", cwd=work
    )
    assert result.returncode == 0, result.stderr
    site = work / "site" / "partners"
    assert (site / "praktijken" / "samen-tegen-schulden-lindeveen" / "index.html").is_file()
    assert (site / "archetypen" / "wijkconcierge" / "index.html").is_file()
    cached = work / ".cache" / "wwidw" / "bronnen"
    assert (cached / "partners" / "praktijken" / "digitale-thuisadministratie.md").is_file()
    # Shallow: one commit only.
    assert git(cached / "partners", "rev-list", "--count", "HEAD").strip() == "1"


def test_a_new_commit_is_fetched_and_a_ref_is_followed(git_sources, monkeypatch):
    work, bronnen, public, partners = git_sources
    sources, _ = read_sources_file(bronnen)
    first = resolve(sources[1])
    assert (first.root / "praktijken" / "digitale-thuisadministratie.md").is_file()
    (partners / "praktijken" / "digitale-thuisadministratie.md").unlink()
    commit_all(partners, "Weg")
    again = resolve(sources[1])
    assert not (again.root / "praktijken" / "digitale-thuisadministratie.md").exists()
    # A tag as ref: the old state again.
    git(partners, "tag", "v1", "HEAD~1")
    text = bronnen.read_text("utf-8").replace("ref: main", "ref: v1")
    bronnen.write_text(text, "utf-8")
    sources, _ = read_sources_file(bronnen)
    tagged = resolve(sources[1])
    assert (tagged.root / "praktijken" / "digitale-thuisadministratie.md").is_file()
    assert cache_folder(sources[1]) == work / ".cache" / "wwidw" / "bronnen" / "partners"


def test_messages_name_files_in_a_git_source_by_source_name(git_sources):
    work, bronnen, public, partners = git_sources
    path = partners / "praktijken" / "digitale-thuisadministratie.md"
    path.write_text(path.read_text("utf-8").replace("titel:", "titels:", 1), "utf-8")
    commit_all(partners, "Fout")
    result = wwidw("validate", "--sources", bronnen, cwd=work)
    assert result.returncode == 1
    assert "partners:praktijken/digitale-thuisadministratie.md:" in result.stdout
    assert str(partners) not in result.stdout


def test_unreachable_source_is_a_dutch_error_without_its_url_and_the_site_stays(git_sources):
    work, bronnen, public, partners = git_sources
    out = work / "site"
    assert (
        wwidw(
            "build", "--sources", bronnen, "--audience", "partners", "--out", out, cwd=work
        ).returncode
        == 0
    )
    before = tree(out)
    secret_url = "https://reader:hunter2@git.invalid/partners.git"
    moved = partners.with_name("elders")
    partners.rename(moved)
    result = wwidw("build", "--sources", bronnen, "--audience", "partners", "--out", out, cwd=work)
    assert result.returncode == 2
    assert "De bron 'partners' (partners)" in result.stderr and "niet bereikbaar" in result.stderr
    assert partners.as_uri() not in result.stderr + result.stdout
    assert "Traceback" not in result.stderr
    assert tree(out) == before
    # A location with credentials is refused before git ever sees it, and never echoed.
    text = bronnen.read_text("utf-8").replace(partners.as_uri(), secret_url)
    bronnen.write_text(text, "utf-8")
    result = wwidw("build", "--sources", bronnen, "--audience", "partners", "--out", out, cwd=work)
    assert result.returncode == 1 and "[bron-met-wachtwoord]" in result.stderr
    assert "hunter2" not in result.stderr + result.stdout


def test_unknown_ref_is_unreachable(git_sources):
    work, bronnen, public, partners = git_sources
    bronnen.write_text(
        bronnen.read_text("utf-8").replace("ref: main", "ref: bestaat-niet"), "utf-8"
    )
    sources, _ = read_sources_file(bronnen)
    with pytest.raises(SourceUnavailable, match="ref 'bestaat-niet'"):
        resolve(sources[1])


def test_missing_pad_names_the_field(git_sources):
    work, bronnen, public, partners = git_sources
    bronnen.write_text(bronnen.read_text("utf-8").replace("pad: content", "pad: inhoud"), "utf-8")
    result = wwidw("validate", "--sources", bronnen, cwd=work)
    assert result.returncode == 2 and "'inhoud' (pad)" in result.stderr
