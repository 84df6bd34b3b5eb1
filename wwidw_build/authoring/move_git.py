"""The git steps `wwidw move` prints: per repository (found with ``git rev-parse --show-toplevel``
from each source's folder) the files to ``git add`` and to ``git rm``, relative to that repository,
and a commit. Nothing here runs a command that changes a repository."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from wwidw_build.content_sources import ContentSource

_ENV = {"GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}


@dataclass(frozen=True)
class GitSteps:
    """What to run in one repository (``repository`` None: the folder is in none). ``added`` and
    ``removed`` are relative to the repository."""

    sources: tuple[ContentSource, ...]
    folder: Path  # the first source's folder
    repository: Path | None
    added: tuple[str, ...]
    removed: tuple[str, ...]
    message: str


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess | None:
    try:
        return subprocess.run(
            ["git", "-C", str(folder), *args],
            capture_output=True,
            env={**os.environ, **_ENV},
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except OSError:  # no git at all
        return None


def repository_of(folder: Path) -> Path | None:
    """The top folder of the git repository holding ``folder``, or None."""
    result = _git(folder, "rev-parse", "--show-toplevel")
    top = os.fsdecode(result.stdout.strip()) if result is not None else ""
    return Path(top) if result is not None and result.returncode == 0 and top else None


def relative(path: Path, repository: Path) -> str:
    return path.resolve().relative_to(repository.resolve()).as_posix()


def tracked(folder: Path, paths: list[Path]) -> set[Path]:
    """Which of ``paths`` git tracks (only those need ``git rm``); asked before they are removed."""
    repository = repository_of(folder)
    if repository is None:
        return set()
    names = {relative(p, repository): p for p in paths}
    result = _git(repository, "ls-files", "-z", "--", *names)
    listed = {os.fsdecode(p) for p in result.stdout.split(b"\0") if p} if result else set()
    return {path for name, path in names.items() if name in listed}


def steps(
    origin: ContentSource,
    target: ContentSource,
    added: list[Path],
    removed: list[Path],
    message: str,
) -> tuple[GitSteps, ...]:
    """The steps for the target's repository and for the old source's; one set when they are the
    same repository (git then sees a rename)."""
    target_repo, origin_repo = repository_of(target.root), repository_of(origin.root)
    if target_repo is not None and target_repo == origin_repo:
        return (_one((target, origin), target.root, target_repo, added, removed, message),)
    return (
        _one((target,), target.root, target_repo, added, [], message),
        _one((origin,), origin.root, origin_repo, [], removed, message),
    )


def _one(
    sources: tuple[ContentSource, ...],
    folder: Path,
    repository: Path | None,
    added: list[Path],
    removed: list[Path],
    message: str,
) -> GitSteps:
    if repository is None:
        return GitSteps(sources, folder, None, (), (), message)
    return GitSteps(
        sources,
        folder,
        repository,
        tuple(relative(p, repository) for p in added),
        tuple(relative(p, repository) for p in removed),
        message,
    )
