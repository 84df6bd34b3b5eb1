"""Changed descriptions against a base, from real git in temporary repositories."""

from __future__ import annotations

from pathlib import Path

import pytest
from git_repo import commit_all, edit, git, isolate, praktijk, sample_repo

from wwidw_build.review.git_changes import (
    ADDED,
    DELETED,
    MODIFIED,
    RENAMED,
    GitProblem,
    changed,
    description_kind,
    merge_base,
    read_at,
    repository_root,
)


@pytest.fixture(autouse=True)
def _isolated_git(monkeypatch):
    isolate(monkeypatch)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return sample_repo(tmp_path / "repo")


def statuses(changes) -> dict[str, tuple[str, str | None]]:
    return {(c.path or c.old_path): (c.status, c.old_path) for c in changes.descriptions}


def test_added_modified_deleted_and_renamed_on_a_branch(repo):
    git(repo, "checkout", "-q", "-b", "voorstel")
    new = praktijk(repo, "nieuwe-aanpak")
    new.write_text(
        praktijk(repo, "taalcafe-bibliotheek-oost").read_text(encoding="utf-8"), encoding="utf-8"
    )
    edit(
        praktijk(repo, "buurtmoestuin-kanaalweg"),
        "titel: ",
        "titel: Herzien: ",
    )
    praktijk(repo, "klushuizen-spoorbuurt").unlink()
    git(
        repo,
        "mv",
        "content/archetypen/klushuizen.md",
        "content/archetypen/klushuizen-in-de-stad.md",
    )
    commit_all(repo, "Voorstel")
    changes = changed(repo / "content", "main")
    assert statuses(changes) == {
        "praktijken/nieuwe-aanpak.md": (ADDED, None),
        "praktijken/buurtmoestuin-kanaalweg.md": (
            MODIFIED,
            "praktijken/buurtmoestuin-kanaalweg.md",
        ),
        "praktijken/klushuizen-spoorbuurt.md": (DELETED, "praktijken/klushuizen-spoorbuurt.md"),
        "archetypen/klushuizen-in-de-stad.md": (RENAMED, "archetypen/klushuizen.md"),
    }
    kinds = {c.path or c.old_path: c.kind for c in changes.descriptions}
    assert kinds["archetypen/klushuizen-in-de-stad.md"] == "archetype"
    assert kinds["praktijken/nieuwe-aanpak.md"] == "praktijk"
    assert changes.other == ()
    assert changes.commit == git(repo, "rev-parse", "main").strip()


def test_uncommitted_and_untracked_changes_count_too(repo):
    edit(praktijk(repo, "taalcafe-bibliotheek-oost"), "titel: ", "titel: Vernieuwd: ")
    praktijk(repo, "nog-niet-toegevoegd").write_text(
        "---\ntitel: Nog niet toegevoegd\n---\n", encoding="utf-8"
    )
    assert statuses(changed(repo / "content", "main")) == {
        "praktijken/taalcafe-bibliotheek-oost.md": (
            MODIFIED,
            "praktijken/taalcafe-bibliotheek-oost.md",
        ),
        "praktijken/nog-niet-toegevoegd.md": (ADDED, None),
    }


def test_the_base_is_where_the_branch_started(repo):
    """Changes made on main after the branch was made are not the branch's changes (git diff main...HEAD)."""
    git(repo, "checkout", "-q", "-b", "voorstel")
    edit(praktijk(repo, "taalcafe-bibliotheek-oost"), "titel: ", "titel: Op de branch: ")
    commit_all(repo, "Op de branch")
    git(repo, "checkout", "-q", "main")
    edit(praktijk(repo, "wijkconcierge-de-horst"), "titel: ", "titel: Op main: ")
    commit_all(repo, "Op main")
    start = git(repo, "rev-parse", "main~1").strip()
    git(repo, "checkout", "-q", "voorstel")
    changes = changed(repo / "content", "main")
    assert list(statuses(changes)) == ["praktijken/taalcafe-bibliotheek-oost.md"]
    assert changes.commit == start == merge_base(repo, "main")


def test_other_files_are_listed_apart(repo):
    edit(repo / "content" / "organisaties.yml", "partner: false", "partner: true")
    (repo / "content" / "praktijken" / "README.md").write_text("Uitleg\n", encoding="utf-8")
    (repo / "content" / "bijlagen" / "folder.pdf").write_bytes(b"%PDF-1.4\n")
    (repo / "elders.md").write_text("buiten de inhoudsmap\n", encoding="utf-8")
    changes = changed(repo / "content", "main")
    assert changes.descriptions == ()
    assert changes.other == ("bijlagen/folder.pdf", "organisaties.yml", "praktijken/README.md")


def test_unusual_file_names_survive(repo):
    """Names with spaces and accents come through unquoted (git's -z output)."""
    name = "met spatie en één accent"
    praktijk(repo, name).write_text("---\ntitel: x\n---\n", encoding="utf-8")
    assert statuses(changed(repo / "content", "main")) == {f"praktijken/{name}.md": (ADDED, None)}


def test_content_folder_deeper_in_the_repository(tmp_path):
    repo = sample_repo(tmp_path / "repo", content_at="site-bron/content")
    praktijk(repo, "klushuizen-spoorbuurt", "site-bron/content").unlink()
    changes = changed(repo / "site-bron" / "content", "main")
    assert [(c.status, c.old_git_path) for c in changes.descriptions] == [
        (DELETED, "site-bron/content/praktijken/klushuizen-spoorbuurt.md")
    ]
    assert repository_root(repo / "site-bron" / "content").resolve() == repo.resolve()


def test_read_at_returns_the_old_bytes(repo):
    path = praktijk(repo, "buurtmoestuin-kanaalweg")
    before = path.read_bytes()
    edit(path, "titel: ", "zichtbaarheid: openbaar")
    commit = merge_base(repo, "main")
    assert read_at(repo, commit, "content/praktijken/buurtmoestuin-kanaalweg.md") == before
    assert read_at(repo, commit, "content/praktijken/bestaat-niet.md") is None


@pytest.mark.parametrize(
    "folder, kind",
    [
        ("praktijken/a.md", "praktijk"),
        ("archetypen/b.md", "archetype"),
        ("praktijken/sub/c.md", "praktijk"),
        ("praktijken/README.md", None),
        ("praktijken/a.txt", None),
        ("bijlagen/a.md", None),
        ("praktijken/.verborgen/a.md", None),
        ("organisaties.yml", None),
        (None, None),
    ],
)
def test_description_kind(folder, kind):
    assert description_kind(folder) == kind


def test_not_a_repository(tmp_path):
    (tmp_path / "content").mkdir()
    with pytest.raises(GitProblem, match="niet in een git-repository"):
        changed(tmp_path / "content", "main")


@pytest.mark.parametrize("base", ["bestaat-niet", "main~5", "--output=/tmp/x", ""])
def test_unknown_or_malformed_base(repo, base):
    with pytest.raises(GitProblem, match="basis"):
        changed(repo / "content", base)


def test_repository_without_commits(tmp_path):
    (tmp_path / "content").mkdir()
    git(tmp_path, "init", "-q", "-b", "main")
    with pytest.raises(GitProblem, match="nog geen commit"):
        changed(tmp_path / "content", "main")


def test_unrelated_histories(repo):
    git(repo, "checkout", "-q", "--orphan", "los")
    commit_all(repo, "Los van main")
    with pytest.raises(GitProblem, match="geen gemeenschappelijke geschiedenis"):
        changed(repo / "content", "main")
