"""Which descriptions changed against a base revision, and their text there, read from real git.

What is compared: the merge base of ``<base>`` and ``HEAD`` (for a branch made from ``main`` that is
the commit it started from, as in ``git diff <base>...HEAD``) against the *working tree*: committed,
staged and unstaged changes, plus untracked files that git does not ignore. In CI the working tree is
the checked-out commit, so the report shows what the pull request changes; locally a contributor sees
the effect of edits that are not committed yet, the same files the rest of the report loads.

Git runs as a subprocess with an argument list (never a shell), with ``-C <repository>``; the base is
resolved to a commit id first, so a ref name is never read as an option or a path.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from wwidw_build.model import KINDS

_IGNORED = {"README.md"}  # as in load.py: not a description
_FOLDERS = {folder: kind for kind, folder in KINDS.items()}
ADDED, MODIFIED, DELETED, RENAMED = "toegevoegd", "gewijzigd", "verwijderd", "hernoemd"


class GitProblem(Exception):
    """Git cannot answer: not a repository, an unknown base, no git at all. The message is Dutch."""


@dataclass(frozen=True)
class Change:
    """One changed description. Paths are relative to the content folder (``praktijken/x.md``)."""

    status: str  # ADDED, MODIFIED, DELETED or RENAMED
    kind: str  # praktijk or archetype
    path: str | None  # the path now; None when deleted
    old_path: str | None  # the path at the base; None when added
    old_git_path: (
        str | None
    )  # the path at the base relative to the repository, for reading it there


@dataclass(frozen=True)
class Changes:
    repository: Path  # the repository's top folder
    base: str  # as given, e.g. "main"
    commit: str  # the merge base the working tree is compared with
    descriptions: tuple[Change, ...]
    other: tuple[str, ...]  # other changed files under the content folder (content-relative)


def _git(repository: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        return subprocess.run(
            ["git", "-C", str(repository), *args], capture_output=True, env=env, check=False
        )
    except FileNotFoundError:
        raise GitProblem(
            "Het programma git is niet gevonden. Installeer git om te kunnen vergelijken."
        ) from None


def repository_root(content_dir: Path) -> Path:
    """The top folder of the git repository that holds ``content_dir``."""
    result = _git(Path(content_dir), "rev-parse", "--show-toplevel")
    if result.returncode != 0 or not result.stdout.strip():
        raise GitProblem(
            f"De map '{content_dir}' ligt niet in een git-repository. "
            "Voer 'wwidw review' uit in een kopie (clone) van de repository."
        )
    return Path(os.fsdecode(result.stdout.strip()))


def _commit(repository: Path, ref: str) -> str | None:
    result = _git(
        repository, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"
    )
    return result.stdout.decode().strip() if result.returncode == 0 else None


def merge_base(repository: Path, base: str) -> str:
    """The commit to compare with: where HEAD's history meets ``base``."""
    if not base or base.startswith("-"):
        raise GitProblem(
            f"'{base}' is geen geldige basis. Geef een branch, tag of commit op, bijvoorbeeld --base main."
        )
    head = _commit(repository, "HEAD")
    if head is None:
        raise GitProblem(
            "De repository heeft nog geen commit (HEAD); er is niets om mee te vergelijken."
        )
    commit = _commit(repository, base)
    if commit is None:
        raise GitProblem(
            f"Onbekende basis '{base}': die branch, tag of commit bestaat niet in deze repository. "
            "Haal hem eerst op (git fetch) of kies een andere met --base."
        )
    result = _git(repository, "merge-base", commit, head)
    if result.returncode != 0:
        raise GitProblem(f"De basis '{base}' en HEAD hebben geen gemeenschappelijke geschiedenis.")
    return result.stdout.decode().strip()


def changed(content_dir: Path, base: str) -> Changes:
    """The descriptions (and other files) under ``content_dir`` that differ from the merge base with ``base``."""
    repository = repository_root(content_dir)
    try:
        prefix = Path(content_dir).resolve().relative_to(repository.resolve()).as_posix()
    except ValueError:
        raise GitProblem(
            f"De map '{content_dir}' ligt buiten de git-repository {repository}."
        ) from None
    prefix = "" if prefix == "." else prefix
    commit = merge_base(repository, base)
    spec = f":(top,literal){prefix}" if prefix else ":(top)"
    diff = _git(
        repository,
        "diff",
        "--name-status",
        "-z",
        "-M",
        "--no-ext-diff",
        "--no-textconv",
        commit,
        "--",
        spec,
    )
    untracked = _git(repository, "ls-files", "-z", "--others", "--exclude-standard", "--", spec)
    for result in (diff, untracked):
        if result.returncode != 0:
            raise GitProblem(
                f"git kon de wijzigingen niet bepalen: {result.stderr.decode(errors='replace').strip()}"
            )
    entries = _parse_name_status(diff.stdout) + [
        ("A", None, os.fsdecode(p)) for p in _fields(untracked.stdout)
    ]
    descriptions: list[Change] = []
    other: list[str] = []
    for status, old, new in entries:
        found, rest = _classify(status, _inside(old, prefix), _inside(new, prefix), old)
        descriptions += found
        other += rest
    descriptions.sort(key=lambda c: c.path or c.old_path or "")
    return Changes(repository, base, commit, tuple(descriptions), tuple(sorted(set(other))))


def _fields(data: bytes) -> list[bytes]:
    return [field for field in data.split(b"\0") if field]


def _parse_name_status(data: bytes) -> list[tuple[str, str | None, str | None]]:
    """``git diff --name-status -z`` → (status letter, old path, new path), repository-relative."""
    fields = [os.fsdecode(f) for f in _fields(data)]
    entries = []
    index = 0
    while index < len(fields):
        letter = fields[index][:1]
        if letter in ("R", "C"):
            old, new = fields[index + 1], fields[index + 2]
            entries.append(("R" if letter == "R" else "A", old if letter == "R" else None, new))
            index += 3
            continue
        path = fields[index + 1]
        entries.append((letter, path if letter != "A" else None, path if letter != "D" else None))
        index += 2
    return entries


def _inside(path: str | None, prefix: str) -> str | None:
    """``path`` relative to the content folder, or None when it lies outside it."""
    if path is None:
        return None
    if not prefix:
        return path
    return path[len(prefix) + 1 :] if path.startswith(prefix + "/") else None


def description_kind(relative: str | None) -> str | None:
    """The kind of description at this content-relative path, or None when it is no description."""
    if relative is None:
        return None
    parts = PurePosixPath(relative).parts
    if (
        len(parts) < 2
        or parts[0] not in _FOLDERS
        or not relative.endswith(".md")
        or parts[-1] in _IGNORED
    ):
        return None
    if any(part.startswith(".") for part in parts[1:]):
        return None
    return _FOLDERS[parts[0]]


def _classify(
    letter: str, old: str | None, new: str | None, old_git: str | None
) -> tuple[list[Change], list[str]]:
    old_kind, new_kind = description_kind(old), description_kind(new)
    if letter == "R" and old_kind and old_kind == new_kind:
        return [Change(RENAMED, new_kind, new, old, old_git)], []
    changes: list[Change] = []
    other = [p for p, kind in ((old, old_kind), (new, new_kind)) if p is not None and kind is None]
    if letter in ("D", "R") and old_kind:
        changes.append(Change(DELETED, old_kind, None, old, old_git))
    if letter in ("A", "R") and new_kind:
        changes.append(Change(ADDED, new_kind, new, None, None))
    if letter not in ("A", "D", "R") and new_kind:
        changes.append(Change(MODIFIED, new_kind, new, old, old_git))
    return changes, list(dict.fromkeys(other))


def read_at(repository: Path, commit: str, git_path: str) -> bytes | None:
    """The bytes of ``git_path`` (repository-relative) at ``commit``, as ``git show <commit>:<path>``."""
    result = _git(repository, "cat-file", "blob", f"{commit}:{git_path}")
    return result.stdout if result.returncode == 0 else None
