"""`wwidw review` in a source repository: the report names only what that repository's readers may
see. A partners repository's review never mentions an organisation's description, even when
bronnen.yml lists that organisation's source and the new description is a near copy of it."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import wwidw
from git_repo import ENV, commit_all, git
from sources import copy_sample_sources

ORGANISATION_ONLY = "wijkconcierge-flat-zuid"  # organisatie:havenstad-wonen


@pytest.fixture
def partners_repository(tmp_path, monkeypatch):
    for key, value in ENV.items():
        monkeypatch.setenv(key, value)
    bronnen = copy_sample_sources(tmp_path)
    repo = tmp_path / "voorbeeldbronnen" / "partners"
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Test")
    git(repo, "config", "user.email", "test@example.org")
    commit_all(repo, "Partnersbron")
    git(repo, "checkout", "-q", "-b", "voorstel")
    original = (
        tmp_path / "voorbeeldbronnen" / "havenstad-wonen" / "praktijken" / f"{ORGANISATION_ONLY}.md"
    )
    text = original.read_text("utf-8")
    text = re.sub(r"^zichtbaarheid: .*$", "zichtbaarheid: partners", text, count=1, flags=re.M)
    new = repo / "praktijken" / "wijkconcierge-flat-noord.md"
    new.write_text(text, "utf-8")
    commit_all(repo, "Nieuwe praktijk")
    return tmp_path, bronnen, repo, new


def test_a_partners_review_never_names_an_organisation_description(partners_repository):
    base, bronnen, repo, new = partners_repository
    # Control: with every source read, the organisation's description is the closest match.
    everything = wwidw("validate", "--sources", bronnen, "--compare", new, cwd=base)
    assert ORGANISATION_ONLY in everything.stdout.split("Lijkt op:", 1)[1]
    result = wwidw(
        "review", "--sources", bronnen, "--source", "partners", "--base", "main", cwd=base
    )
    assert "wijkconcierge-flat-noord" in result.stdout, result.stderr
    assert ORGANISATION_ONLY not in result.stdout


def test_review_reads_nothing_of_a_source_its_readers_may_not_read(partners_repository):
    """The organisation's source gone: the partners review still runs, and reports the same."""
    base, bronnen, repo, new = partners_repository
    args = ("review", "--sources", bronnen, "--source", "partners", "--base", "main")
    before = wwidw(*args, cwd=base)
    shutil.rmtree(base / "voorbeeldbronnen" / "havenstad-wonen")
    shutil.rmtree(base / "voorbeeldbronnen" / "woonstede-rivierland")
    after = wwidw(*args, cwd=base)
    assert after.returncode == before.returncode and after.stdout == before.stdout


def test_several_local_sources_need_a_choice(partners_repository):
    base, bronnen, repo, new = partners_repository
    result = wwidw("review", "--sources", bronnen, "--base", "main", cwd=base)
    assert result.returncode == 2 and "--source" in result.stderr
