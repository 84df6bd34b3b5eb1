"""The content of a pull request, carried from the untrusted check to the trusted review comment.

The pull request check (wwidw-controle.yml) runs the pull request's own code, so nothing it *writes*
may reach a comment. It only packs the pull request's content: the changed files under the content
folder that a description source holds, as they are in the pull request, and the paths it deletes
(``pack``). The comment workflow (wwidw-review-reactie.yml) checks out the default branch, unpacks
that artifact onto it as data (``apply``) and runs the default branch's own ``wwidw review`` on the
result.

``apply`` trusts nothing in the artifact: the artifact may have been written by any code the pull
request chose. It accepts no entries but the expected ones (``pr-nummer``, required; ``verwijderd``
and ``bestanden/``, left out of an artifact when empty), regular files and folders only (no symlinks
or other kinds), content paths from a fixed allow-list (``praktijken/``, ``archetypen/``,
``bijlagen/``, ``organisaties.yml``, ``taxonomie/*.yml`` under the content folder, each part a plain
name), within size and count limits; anything else refuses the whole artifact before one file is
written. It writes only regular files below the content
folder of the checkout, never through a symlink, and stages them (``git add``) so the review sees
renames as the check did.

Standard library only: it runs before the engine is installed. Messages go to the workflow log.
"""

from __future__ import annotations

import argparse
import os
import re
import stat
import subprocess
import sys
from pathlib import Path, PurePosixPath

# A plain name: no leading dot (so never `.`, `..` or a hidden file), no separators or spaces. Every
# valid description id and attachment name is one (schemas: ids are lowercase words with dashes).
PART = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]{0,127}")
FOLDER = re.compile(
    r"[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*"
)  # as bronnen.yml's pad
TREES = ("praktijken", "archetypen", "bijlagen")  # any plain names below these
DATA_FILES = re.compile(r"organisaties\.yml|taxonomie/[A-Za-z0-9_][A-Za-z0-9_-]{0,63}\.yml")
PR_NUMBER = re.compile(r"[1-9][0-9]{0,9}\n?")
MAX_DEPTH = 8  # parts below the content folder
MAX_FILE = 16 * 1024 * 1024  # a description is at most 256 KB; an attachment may be larger
MAX_TOTAL = 64 * 1024 * 1024
MAX_FILES = 1000
MAX_LIST = 1024 * 1024  # the list of deleted paths
TOP = {"pr-nummer", "verwijderd", "bestanden"}


class Refused(Exception):
    """The artifact is not what the check packs; nothing is applied."""


def content_prefix(folder: str) -> str:
    """The content folder, repository-relative with no trailing slash; '' for the repository root."""
    folder = folder.strip().rstrip("/")
    if folder in ("", "."):
        return ""
    if not FOLDER.fullmatch(folder) or len(folder) > 200:
        raise Refused(f"content folder {folder!r} is not a plain relative path")
    return folder


def allowed(path: str, prefix: str) -> bool:
    """Whether ``path`` (repository-relative, '/'-separated) is content the review may read."""
    if prefix:
        if not path.startswith(prefix + "/"):
            return False
        path = path[len(prefix) + 1 :]
    parts = path.split("/")
    if not 1 <= len(parts) <= MAX_DEPTH or not all(PART.fullmatch(p) for p in parts):
        return False
    if parts[0] in TREES:
        return len(parts) >= 2
    return bool(DATA_FILES.fullmatch(path))


# --- pack: in the pull request check (untrusted; a convenience, apply is the guarantee) ---------------


def _git(*args: str) -> bytes:
    return subprocess.run(["git", *args], check=True, capture_output=True).stdout


def pack(base: str, folder: str, number: str, out: Path) -> None:
    prefix = content_prefix(folder)
    out = out.absolute()
    os.chdir(_git("rev-parse", "--show-toplevel").decode().strip())  # paths are relative to it
    if not PR_NUMBER.fullmatch(number + "\n"):
        raise Refused(f"pull request number {number!r} is not a positive integer")
    commit = (
        _git("rev-parse", "--verify", "--end-of-options", f"{base}^{{commit}}").decode().strip()
    )
    merge_base = _git("merge-base", commit, "HEAD").decode().strip()
    spec = f":(top,literal){prefix}" if prefix else ":(top)"
    fields = _git(
        "diff",
        "--name-status",
        "--no-renames",
        "-z",
        "--no-ext-diff",
        merge_base,
        "HEAD",
        "--",
        spec,
    ).split(b"\0")
    files = out / "bestanden"
    files.mkdir(parents=True)
    deleted, packed, skipped, total = [], 0, [], 0
    for letter, raw in zip(fields[0::2], fields[1::2]):
        path = os.fsdecode(raw)
        if not allowed(path, prefix):
            skipped.append(path)
        elif letter == b"D":
            deleted.append(path)
        else:
            source = Path(path)
            info = source.lstat()
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE:
                skipped.append(path)
                continue
            total += info.st_size
            if total > MAX_TOTAL or packed >= MAX_FILES:
                raise Refused("the pull request changes more content than the review comment takes")
            target = files / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
            packed += 1
    (out / "verwijderd").write_text("".join(p + "\n" for p in deleted), encoding="utf-8")
    (out / "pr-nummer").write_text(number + "\n", encoding="utf-8")
    print(f"Packed {packed} changed and {len(deleted)} deleted content file(s).")
    for path in skipped:
        print(f"Not packed (not content the review reads, or too large): {path}")


# --- apply: in the comment workflow (trusted code, untrusted artifact) --------------------------------


def _read_small(path: Path, limit: int) -> str:
    info = path.lstat()
    if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
        raise Refused(f"{path.name} is not a regular file of at most {limit} bytes")
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise Refused(f"{path.name} is not UTF-8 text") from None


def inspect(artifact: Path, prefix: str) -> tuple[str, dict[str, Path], list[str]]:
    """Check the whole artifact; return the PR number, {repository path: file} and the deleted paths."""
    if artifact.is_symlink() or not artifact.is_dir():
        raise Refused("the artifact is not a folder")
    top = {entry.name for entry in artifact.iterdir()}
    if not top <= TOP or "pr-nummer" not in top:
        raise Refused(f"the artifact holds {sorted(top)}: pr-nummer and no more than {sorted(TOP)}")
    number = _read_small(artifact / "pr-nummer", 64)
    if not PR_NUMBER.fullmatch(number):
        raise Refused("pr-nummer is not a positive integer")
    # An artifact leaves out empty folders, and so `bestanden` when nothing changed; `verwijderd` may
    # be left out alike.
    listed = _read_small(artifact / "verwijderd", MAX_LIST) if "verwijderd" in top else ""
    deleted = listed.splitlines()
    for path in deleted:
        if not allowed(path, prefix):
            raise Refused(f"verwijderd names {path!r}, which is not content")
    root = artifact / "bestanden"
    if "bestanden" in top and not stat.S_ISDIR(root.lstat().st_mode):
        raise Refused("bestanden is not a folder")
    files: dict[str, Path] = {}
    total = 0
    for folder, dirnames, filenames in os.walk(root):
        here = Path(folder)
        for name in [*dirnames, *filenames]:
            entry = here / name
            relative = entry.relative_to(root).as_posix()
            mode = entry.lstat().st_mode
            if stat.S_ISDIR(mode):
                if not all(PART.fullmatch(p) for p in relative.split("/")):
                    raise Refused(f"the folder {relative!r} is not a plain name")
                continue
            if not stat.S_ISREG(mode):
                raise Refused(f"{relative!r} is not a regular file (a symlink or special file)")
            if not allowed(relative, prefix):
                raise Refused(f"{relative!r} is not content the review reads")
            size = entry.lstat().st_size
            total += size
            if size > MAX_FILE or total > MAX_TOTAL or len(files) >= MAX_FILES:
                raise Refused("the artifact is larger than the review comment takes")
            files[relative] = entry
    if set(files) & set(deleted):
        raise Refused("a path is both changed and deleted")
    return number.strip(), files, deleted


def _target(checkout: Path, path: str) -> Path:
    """Where ``path`` goes in the checkout. Refused when a symlink or anything but a folder is on the
    way there, or when the path itself exists as anything but a regular file."""
    target = checkout / path
    here = checkout
    for part in PurePosixPath(path).parts:
        here = here / part
        try:
            mode = here.lstat().st_mode
        except FileNotFoundError:
            break  # nothing exists below a missing folder
        if here == target and not stat.S_ISREG(mode):
            raise Refused(f"{path} in the checkout is not a regular file")
        if here != target and not stat.S_ISDIR(mode):
            raise Refused(f"{here.relative_to(checkout)} in the checkout is not a plain folder")
    return target


def apply(artifact: Path, folder: str, checkout: Path, report: Path) -> None:
    prefix = content_prefix(folder)
    number, files, deleted = inspect(artifact, prefix)
    checkout = checkout.resolve()
    # Every target is checked before anything is written.
    removals = [_target(checkout, path) for path in deleted]
    writes = [(_target(checkout, path), source) for path, source in sorted(files.items())]
    for target in removals:
        if os.path.lexists(target):
            target.unlink()
    for target, source in writes:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.parent / f".{target.name}.wwidw-partial"  # never an allowed name
        with open(partial, "xb") as handle:  # exclusive: never through anything left in the way
            handle.write(source.read_bytes())
        os.replace(partial, target)
    # Staged, so the review's `git diff -M` sees a rename as the check did.
    spec = f":(top,literal){prefix}" if prefix else ":(top)"
    subprocess.run(["git", "-C", str(checkout), "add", "--all", "--", spec], check=True)
    report.mkdir(parents=True, exist_ok=True)
    (report / "pr-nummer").write_text(number + "\n", encoding="utf-8")
    print(f"Applied {len(files)} changed and {len(deleted)} deleted content file(s) of #{number}.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    packing = commands.add_parser("pack", help="pack the pull request's content (the check)")
    packing.add_argument("--base", required=True, help="the base branch, e.g. origin/main")
    packing.add_argument("--content-folder", required=True)
    packing.add_argument("--pr-number", required=True)
    packing.add_argument("--out", type=Path, required=True)
    applying = commands.add_parser("apply", help="unpack it onto the checkout (the comment)")
    applying.add_argument("--artifact", type=Path, required=True)
    applying.add_argument("--content-folder", required=True)
    applying.add_argument("--checkout", type=Path, default=Path("."))
    applying.add_argument("--report", type=Path, required=True, help="where pr-nummer goes")
    args = parser.parse_args(argv)
    try:
        if args.command == "pack":
            pack(args.base, args.content_folder, args.pr_number, args.out)
        else:
            apply(args.artifact, args.content_folder, args.checkout, args.report)
    except Refused as refused:
        print(f"::error::{args.command}: refused: {refused}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
