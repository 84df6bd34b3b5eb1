"""The engine's own files: the JSON Schemas, the theme overrides and the base mkdocs configuration.

They ship inside the package, so an installed engine (``pip install "wwidw @ git+<url>@<ref>"`` in a
content repository) has them too: pyproject.toml maps the repository's ``schemas/`` and ``theme/`` to
the data packages ``wwidw_build.schemas`` and ``wwidw_build.theme``, and the base config is
``wwidw_build/mkdocs.yml``. In a wheel they sit inside ``wwidw_build/``; in an editable install they
are the repository's folders. Every module finds them here, never next to the package.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def _on_disk(package: str) -> Path:
    """The folder of ``package``: a real path, since mkdocs reads the theme and config from disk."""
    folder = files(package)
    if not isinstance(folder, Path):  # e.g. a zipped install; pip always unpacks a wheel
        raise RuntimeError(
            f"{package} staat niet als map op schijf ({folder}); installeer wwidw met pip"
        )
    return folder


SCHEMAS = _on_disk("wwidw_build.schemas")
THEME = _on_disk("wwidw_build.theme")  # mkdocs' theme custom_dir
BASE_CONFIG = _on_disk("wwidw_build") / "mkdocs.yml"  # INHERITed by every generated mkdocs config


def schema_path(name: str) -> Path:
    """The JSON Schema ``<name>.schema.json`` (``praktijk``, ``export-beschrijvingen``, ...)."""
    return SCHEMAS / f"{name}.schema.json"
