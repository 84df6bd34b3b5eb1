"""Make a content source readable on this machine: a local folder is checked, a git source is
fetched (shallow, at its ref) into ``.cache/wwidw/bronnen/<naam>`` with the user's own credentials
(SSH agent or git credential helper). Nothing here stores a token: a location with credentials in
it is refused when bronnen.yml is read, and git's messages (which may hold the URL) are never shown.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from wwidw_build.content_sources import ContentSource, local_root, shown_local, with_root

CACHE = Path(".cache") / "wwidw" / "bronnen"
GIT_TIMEOUT = 600  # seconds for one git command; a hung connection must not hang a CI job forever


class SourceUnavailable(Exception):
    """A source this command needs cannot be read; the message is Dutch and names only the source."""


def resolve(source: ContentSource) -> ContentSource:
    """The source with ``root`` set to a readable folder; SourceUnavailable otherwise."""
    if source.is_git:
        checkout = _fetch(source)
        root = checkout / source.subpath if source.subpath else checkout
        source = with_root(source, root, f"{source.name}:{source.subpath or ''}")
    elif source.root is None:
        root = local_root(source)
        source = with_root(source, root, shown_local(source, root))
    _require_folder(source)
    return source


def _require_folder(source: ContentSource) -> None:
    root = source.root
    assert root is not None
    where = f"in bron '{source.name}' ({source.tier})"
    if source.subpath and not root.is_dir():
        raise SourceUnavailable(
            f"De map '{source.subpath}' (pad) bestaat niet {where}. Controleer 'pad' in "
            f"{source.declared_in or 'bronnen.yml'}, regel {source.declared_line}."
        )
    if not root.is_dir() or not os.access(root, os.R_OK | os.X_OK):
        raise SourceUnavailable(
            f"De bron '{source.name}' ({source.tier}) is niet te lezen: de map bestaat niet of je "
            f"hebt er geen leestoegang toe. Controleer 'locatie' in {source.declared_in or 'bronnen.yml'}, "
            f"regel {source.declared_line}."
        )


def cache_folder(source: ContentSource) -> Path:
    return source.base / CACHE / source.name


def _fetch(source: ContentSource) -> Path:
    """Clone or update the shallow checkout of a git source at its ref (default: the remote's HEAD)."""
    folder = cache_folder(source)
    try:
        if not (folder / ".git").is_dir():
            folder.mkdir(parents=True, exist_ok=True)
            _git(folder, "init", "--quiet")
            _git(folder, "remote", "add", "origin", source.location)
        else:
            _git(folder, "remote", "set-url", "origin", source.location)
        _git(
            folder, "fetch", "--quiet", "--depth", "1", "--no-tags", "origin", source.ref or "HEAD"
        )
        _git(folder, "checkout", "--quiet", "--force", "--detach", "FETCH_HEAD")
        _git(folder, "clean", "--quiet", "-d", "--force", "-x")
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError):
        ref = f" (ref '{source.ref}')" if source.ref else ""
        raise SourceUnavailable(
            f"De bron '{source.name}' ({source.tier}){ref} is niet bereikbaar: git kon haar niet "
            "ophalen. Controleer of je leestoegang hebt tot die repository (via je SSH-agent of git "
            f"credential helper) en of 'locatie' en 'ref' kloppen in {source.declared_in or 'bronnen.yml'}, "
            f"regel {source.declared_line}."
        ) from None
    return folder


def _git(folder: Path, *args: str) -> None:
    """Run git quietly; its output (which may name the URL) is captured and never shown."""
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0"}  # never wait for a password on the terminal
    env.pop("GIT_DIR", None)
    env.pop("GIT_WORK_TREE", None)
    subprocess.run(
        ["git", "-C", str(folder), *args],
        check=True,
        capture_output=True,
        env=env,
        timeout=GIT_TIMEOUT,
        stdin=subprocess.DEVNULL,
    )
