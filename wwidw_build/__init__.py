"""Wat Werkt in de Wijk: static-site generator over a Git-based content repository."""

__version__ = "0.1.0"
