"""The engine as a package (issue 12): ``pip install "wwidw @ git+<url>@<ref>"`` in a content repository.

The wheel must carry everything the build needs: the code, the JSON Schemas (schemas/), the theme
overrides (theme/) and the base mkdocs config (wwidw_build/mkdocs.yml). It is built from a copy of
the repository (pip builds in the source tree, and stale files of a build/ folder left there would end
up in later wheels) with this venv's setuptools, so no package index is needed. An engine installed
from it into a fresh venv outside the repository then validates and builds a small content folder.
That venv gets its dependencies from this venv's site-packages through a .pth file (there is no
package index offline); the engine itself is the wheel's, which the tests check.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import git_repo
import pytest
from conftest import CONTENT, REPO
from mkdocs.utils.yaml import yaml_load

from wwidw_build import resources
from wwidw_build.search.site import BINARY_ENV, pagefind_binary

# Repository folder -> where the wheel carries it (pyproject.toml's package-dir).
DATA_FOLDERS = {"schemas": "wwidw_build/schemas", "theme": "wwidw_build/theme"}
# Not part of a checkout as pip sees it from git: caches, venvs, build output.
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "build", "dist", "*.egg-info", "site", "out", ".voorbeeld",
    ".cache", ".*_cache", "__pycache__", "*.pyc",
)  # fmt: skip
# Two public praktijken of the sample content that need no archetype.
SAMPLE = ["praktijken/energiecoaches-zuiderdam.md", "praktijken/wijkbudget-bewoners-beslissen.md"]


def run(command: list, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, timeout=600, **kwargs
    )
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


def source_files(folder: Path) -> list[str]:
    """Every file of a repository folder, as a path relative to it (no Python caches)."""
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "wwidw"
    shutil.copytree(REPO, source, ignore=NOT_SOURCE)
    run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index"]
        + ["--wheel-dir", work / "dist", source]
    )
    (built,) = (work / "dist").glob("wwidw-*.whl")
    return built


@pytest.fixture(scope="module")
def engine(wheel, tmp_path_factory) -> Path:
    """A fresh venv outside the repository with the wheel installed: its bin/ folder."""
    venv = tmp_path_factory.mktemp("engine") / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv])
    python = venv / "bin" / "python"
    run(
        [sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index"]
        + [wheel]
    )
    # The dependencies (mkdocs, Material, ...) from this venv. Only the folder is added to sys.path:
    # Python reads no .pth file in it, so this venv's editable install of wwidw stays out.
    site_packages = Path(
        run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]
        ).stdout.strip()
    )
    dependencies = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site_packages / "wwidw-test-dependencies.pth").write_text(
        "\n".join(sorted(dependencies)) + "\n"
    )
    return venv / "bin"


def installed(engine: Path, *args, cwd: Path) -> subprocess.CompletedProcess:
    """``wwidw ARGS`` of the installed engine, as a content repository runs it: its own venv first
    on PATH, no PYTHONPATH, the current folder outside this repository, and Pagefind through
    PAGEFIND_BINARY_PATH (an installed engine has no node_modules)."""
    assert not cwd.resolve().is_relative_to(REPO)
    binary = pagefind_binary()
    assert binary is not None and binary.is_file(), "Pagefind ontbreekt: voer 'make install' uit"
    drop = {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env |= {"PATH": f"{engine}{os.pathsep}{os.environ['PATH']}", BINARY_ENV: str(binary)}
    return run([engine / "wwidw", *args], cwd=cwd, env=env)


def sample_content(folder: Path) -> Path:
    """The repository's registry and taxonomies, and the SAMPLE descriptions."""
    folder.mkdir(parents=True)
    shutil.copy(CONTENT / "organisaties.yml", folder / "organisaties.yml")
    shutil.copytree(CONTENT / "taxonomie", folder / "taxonomie")
    for name in SAMPLE:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CONTENT / name, folder / name)
    return folder


# --- the wheel ----------------------------------------------------------------------------------


def test_the_wheel_carries_the_code_schemas_theme_and_base_config(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA")))
    expected = {"wwidw_build/mkdocs.yml"}
    for folder, packaged in DATA_FOLDERS.items():
        expected |= {f"{packaged}/{name}" for name in source_files(REPO / folder)}
    # Every module too: pyproject.toml lists the code packages by hand.
    expected |= {f"wwidw_build/{name}" for name in source_files(REPO / "wwidw_build")}
    assert expected - names == set()
    dist_info = wheel.name.split("-py3")[0] + ".dist-info"
    assert {n.split("/")[0] for n in names} == {"wwidw_build", dist_info}
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    assert "Name: wwidw\n" in metadata.decode("utf-8")


def test_the_root_mkdocs_yml_is_the_packaged_base_config():
    # A developer's `mkdocs -f mkdocs.yml` in this repository reads the same configuration.
    with (REPO / "mkdocs.yml").open("rb") as root, resources.BASE_CONFIG.open("rb") as base:
        assert yaml_load(root) == yaml_load(base)


# --- the installed engine -----------------------------------------------------------------------


def test_the_installed_engine_runs_from_its_own_venv(engine, tmp_path):
    probe = (
        "import json, sys, wwidw_build; from wwidw_build import resources as r; print(json.dumps("
        "{'files': [wwidw_build.__file__, str(r.SCHEMAS), str(r.THEME), str(r.BASE_CONFIG)], "
        "'path': sys.path, 'version': wwidw_build.__version__}))"
    )
    found = json.loads(run([engine / "python", "-c", probe], cwd=tmp_path, env={}).stdout)
    venv = engine.parent
    assert all(Path(f).is_relative_to(venv) for f in found["files"]), found["files"]
    # Of this repository, only this venv's site-packages (the dependencies) is on the path.
    dependencies = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    on_path = [p for p in found["path"] if p and Path(p).resolve().is_relative_to(REPO)]
    assert set(on_path) <= dependencies, on_path
    assert installed(engine, "--version", cwd=tmp_path).stdout == f"wwidw {found['version']}\n"


def test_the_installed_engine_validates_and_builds_a_content_folder(engine, tmp_path):
    sample_content(tmp_path / "content")
    installed(engine, "validate", "--content", "content", cwd=tmp_path)
    installed(
        engine, "build", "--content", "content", "--audience", "openbaar", "--out", "site",
        "--quiet", cwd=tmp_path,
    )  # fmt: skip
    site = tmp_path / "site" / "openbaar"
    assert (site / "index.html").is_file()
    assert (site / "praktijken" / "energiecoaches-zuiderdam" / "index.html").is_file()
    for asset in ("wwidw.css", "zoeken.js"):  # theme/assets
        assert (site / "assets" / asset).read_bytes() == (
            REPO / "theme/assets" / asset
        ).read_bytes()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "wwidw-kopzoeken" in home and "Gemaakt met" in home  # theme/main.html and partials/
    assert not list(site.rglob("*.py"))  # the theme's __init__.py stays out of the site
    assert (site / "pagefind" / "pagefind.js").is_file()
    schema = resources.schema_path("export-beschrijvingen")
    assert (site / "data" / "beschrijvingen.schema.json").read_bytes() == schema.read_bytes()


def test_the_installed_engine_builds_a_source_repository(engine, tmp_path, monkeypatch):
    """A partners source repository, as `wwidw source new` sets one up: its own descriptions at
    its root and a bronnen.yml naming the public source by git URL (here file://) and itself."""
    for key, value in git_repo.ENV.items():
        monkeypatch.setenv(key, value)
    public = tmp_path / "engine-repo"
    public.mkdir()
    git_repo.git(public, "init", "-q", "-b", "main")
    sample_content(public / "content")
    shutil.copytree(CONTENT / "archetypen", public / "content" / "archetypen", dirs_exist_ok=True)
    git_repo.git(public, "-c", "user.name=T", "-c", "user.email=t@example.org", "add", "-A")
    git_repo.git(
        public, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "x"
    )
    partners = tmp_path / "partners-repo"
    shutil.copytree(REPO / "voorbeeldbronnen" / "partners", partners)
    (partners / "bronnen.yml").write_text(
        "bronnen:\n"
        f"  - naam: openbaar\n    locatie: {public.as_uri()}\n    pad: content\n    niveau: openbaar\n"
        "  - naam: partners\n    locatie: .\n    niveau: partners\n",
        encoding="utf-8",
    )
    installed(engine, "validate", "--sources", "bronnen.yml", cwd=partners)
    installed(
        engine, "build", "--sources", "bronnen.yml", "--audience", "partners", "--out", "site",
        "--quiet", cwd=partners,
    )  # fmt: skip
    site = partners / "site" / "partners"
    assert (site / "praktijken" / "samen-tegen-schulden-lindeveen" / "index.html").is_file()
    assert (site / "praktijken" / "energiecoaches-zuiderdam" / "index.html").is_file()
    assert (partners / ".cache" / "wwidw" / "bronnen" / "openbaar" / "content").is_dir()
