"""Wat Werkt in de Wijk: static-site generator over a Git-based content repository."""

from importlib.metadata import version

__version__ = version("wwidw")  # the one version source is pyproject.toml
