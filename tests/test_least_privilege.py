"""Least privilege: building an audience reads only the sources that audience may see. Tested by
making every other source unreadable: gone from disk, an unreachable git URL, or (since these
tests may run as root, where file permissions do not stop a read) forbidden by an audit hook that
kills the process on any attempt to open or list a file inside it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, tree, wwidw
from sources import copy_sample_sources

PRIVATE = {
    "partners": "voorbeeldbronnen/partners",
    "havenstad-wonen": "voorbeeldbronnen/havenstad-wonen",
    "woonstede-rivierland": "voorbeeldbronnen/woonstede-rivierland",
}
# audience -> the sample sources it may not read
UNREADABLE = {
    "openbaar": ["partners", "havenstad-wonen", "woonstede-rivierland"],
    "partners": ["havenstad-wonen", "woonstede-rivierland"],
    "organisatie:havenstad-wonen": ["woonstede-rivierland"],
    "organisatie:platform31": ["havenstad-wonen", "woonstede-rivierland"],
}

GUARD = """
import os, sys
forbidden = [os.path.realpath(p) for p in sys.argv[1].split(os.pathsep) if p]
def guard(event, args):
    readable = args and isinstance(args[0], (str, bytes, os.PathLike))
    if event in ("open", "os.listdir", "os.scandir", "os.walk") and readable:
        path = os.path.realpath(os.fsdecode(args[0]))
        if any(path == f or path.startswith(f + os.sep) for f in forbidden):
            os.write(2, ("FORBIDDEN READ: " + path + "\\n").encode())
            os._exit(99)
sys.addaudithook(guard)
sys.argv = ["wwidw"] + sys.argv[2:]
from wwidw_build.cli.main import main
main()
"""


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """Every audience of the sample sources built with every source readable."""
    base = tmp_path_factory.mktemp("alle")
    bronnen = copy_sample_sources(base)
    result = wwidw("build", "--sources", bronnen, "--out", base / "site", "--quiet", cwd=base)
    assert result.returncode == 0, result.stderr
    return base / "site"


def build(bronnen: Path, audience: str, folder: Path):
    """``wwidw build --sources BRONNEN --audience AUDIENCE --out FOLDER/site``, run in FOLDER."""
    return wwidw(
        "build", "--sources", bronnen, "--audience", audience, "--out", folder / "site", cwd=folder
    )


def _pages(site: Path) -> dict[str, bytes]:
    return {k: v for k, v in tree(site).items() if not k.startswith("pagefind/")}


@pytest.mark.parametrize("audience", list(UNREADABLE))
def test_build_succeeds_and_is_complete_with_every_other_source_gone(tmp_path, reference, audience):
    bronnen = copy_sample_sources(tmp_path)
    for name in UNREADABLE[audience]:
        shutil.rmtree(tmp_path / PRIVATE[name])
    result = build(bronnen, audience, tmp_path)
    assert result.returncode == 0, result.stderr
    folder = audience.replace(":", "-")
    assert _pages(tmp_path / "site" / folder) == _pages(reference / folder)


def test_public_build_with_private_sources_as_unreachable_git_urls(tmp_path, reference):
    bronnen = copy_sample_sources(tmp_path)
    text = bronnen.read_text("utf-8")
    for name, folder in PRIVATE.items():
        shutil.rmtree(tmp_path / folder)
        text = text.replace(
            f"locatie: {folder}", f"locatie: {(tmp_path / 'nergens' / name).as_uri()}"
        )
    bronnen.write_text(text, "utf-8")
    result = build(bronnen, "openbaar", tmp_path)
    assert result.returncode == 0, result.stderr
    assert _pages(tmp_path / "site" / "openbaar") == _pages(reference / "openbaar")
    assert not (tmp_path / ".cache" / "wwidw" / "bronnen").exists()  # nothing was even fetched


@pytest.mark.parametrize("audience", ["openbaar", "partners", "organisatie:havenstad-wonen"])
def test_audit_hook_sees_no_read_of_a_source_the_audience_may_not_see(tmp_path, audience):
    bronnen = copy_sample_sources(tmp_path)
    forbidden = ":".join(str(tmp_path / PRIVATE[n]) for n in UNREADABLE[audience])
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            GUARD,
            forbidden,
            "build",
            "--sources",
            str(bronnen),
            "--audience",
            audience,
            "--out",
            str(tmp_path / "site"),
            "--quiet",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "FORBIDDEN READ" not in result.stderr


def test_the_guard_itself_catches_a_read(tmp_path):
    """The audit hook is not vacuous: building 'alle' reads every source and is stopped."""
    bronnen = copy_sample_sources(tmp_path)
    forbidden = str(tmp_path / PRIVATE["woonstede-rivierland"])
    result = subprocess.run(
        [sys.executable, "-c", GUARD, forbidden, "validate", "--sources", str(bronnen)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 99 and "FORBIDDEN READ" in result.stderr


def test_a_source_the_audience_needs_is_unreachable(tmp_path):
    bronnen = copy_sample_sources(tmp_path)
    shutil.rmtree(tmp_path / PRIVATE["havenstad-wonen"])
    result = build(bronnen, "organisatie:havenstad-wonen", tmp_path)
    assert result.returncode == 2
    assert (
        "De bron 'havenstad-wonen' (organisatie:havenstad-wonen) is niet te lezen" in result.stderr
    )
    assert not (tmp_path / "site").exists()


def test_repository_sample_public_build_without_private_sources(tmp_path):
    """The acceptance line on the repository's own bronnen.yml: a copy whose private sample sources
    are gone builds the full public site."""
    bronnen = copy_sample_sources(tmp_path)
    shutil.rmtree(tmp_path / "voorbeeldbronnen")
    result = build(bronnen, "openbaar", tmp_path)
    assert result.returncode == 0, result.stderr
    public_ids = {p.stem for p in (REPO / "content" / "praktijken").glob("*.md")}
    built = {
        p.name for p in (tmp_path / "site" / "openbaar" / "praktijken").iterdir() if p.is_dir()
    }
    concepts = {
        i
        for i in public_ids
        if "concept: true" in (REPO / "content" / "praktijken" / f"{i}.md").read_text("utf-8")
    }
    assert public_ids - concepts <= built
