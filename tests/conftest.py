"""Shared fixtures: the repository's real content, loaded once (do not change it) or copied so tests can
change it freely; and the helpers several test modules use (the command line as a user runs it, a folder
as {path: bytes}, a Chromium for the browser tests)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"


def wwidw(*args, cwd=REPO, **kwargs) -> subprocess.CompletedProcess:
    """``python -m wwidw_build ARGS`` as a user runs it (output captured as text); ``kwargs`` go to
    ``subprocess.run`` (e.g. ``env``)."""
    return subprocess.run(
        [sys.executable, "-m", "wwidw_build", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        **kwargs,
    )


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` as {relative path: bytes}."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="session")
def content():
    """The repository's sample sources (bronnen.yml: content/ and voorbeeldbronnen/), loaded and
    validated once per session; shared, so never change it."""
    from sources import SAMPLE_SOURCES, load_sources_file

    loaded, diagnostics = load_sources_file(SAMPLE_SOURCES)
    assert not [d for d in diagnostics if d.is_error]
    return loaded


@pytest.fixture(scope="session")
def bodies(content):
    """Every description body of content/ rendered once, as the build does."""
    from wwidw_build.build import render_bodies

    return render_bodies(content)


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A full copy of content/ in a temporary folder (returns the copied content/ path)."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target, symlinks=True)
    return target


@pytest.fixture
def registry_only(tmp_path: Path) -> Path:
    """A content folder with the registry and taxonomies, the archetypes, and no praktijken."""
    target = tmp_path / "content"
    (target / "praktijken").mkdir(parents=True)
    shutil.copy(CONTENT / "organisaties.yml", target / "organisaties.yml")
    shutil.copytree(CONTENT / "taxonomie", target / "taxonomie")
    shutil.copytree(CONTENT / "archetypen", target / "archetypen")
    return target


@pytest.fixture(scope="session")
def openbaar_site(tmp_path_factory) -> Path:
    """The real content built for ``openbaar`` once per session (tests/checked_site.py); do not change it."""
    import checked_site

    return checked_site.build_openbaar(tmp_path_factory.mktemp("openbaar-site"))


@pytest.fixture(scope="module")
def chromium():
    """Debian's chromium through Playwright (tests/browser.py), once per module."""
    import browser

    try:
        with browser.chromium() as instance:
            yield instance
    except (ImportError, FileNotFoundError) as error:
        pytest.fail(f"{error}\n{browser.INSTALL_HINT}")


@pytest.fixture
def sessions():
    """Register the session id of a started process (tests/processes.py); whatever of its session
    outlives a failed test is killed."""
    from processes import end_session

    started: list[int] = []
    yield started.append
    for session in started:
        end_session(session)
