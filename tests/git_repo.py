"""Temporary git repositories with the sample content, for the tests of `wwidw review` (real git)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from sources import mixed_copy

CONTENT = Path(__file__).resolve().parent.parent / "content"
# Git must not read the tester's own configuration (signing, hooks, default branch, ...).
ENV = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0"}


def isolate(monkeypatch) -> None:
    """Apply ENV to this process, so the code under test runs git the same way."""
    for key, value in ENV.items():
        monkeypatch.setenv(key, value)


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(repo), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **ENV},
        check=False,
    )
    assert result.returncode == 0, (args, result.stderr)
    return result.stdout


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def sample_repo(path: Path, content_at: str = "content") -> Path:
    """A repository at ``path`` whose branch ``main`` holds one commit: the sample content."""
    path.mkdir(parents=True)
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "user.name", "Test Reviewer")
    git(path, "config", "user.email", "test@example.org")
    git(path, "config", "commit.gpgsign", "false")
    # Every sample description in one folder (as before content sources): the review is about
    # who can see what, so its scenarios need every tier; tier errors are then expected.
    mixed_copy(path / content_at)
    commit_all(path, "Voorbeeldinhoud")
    return path


def praktijk(repo: Path, doc_id: str, content_at: str = "content") -> Path:
    return repo / content_at / "praktijken" / f"{doc_id}.md"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
