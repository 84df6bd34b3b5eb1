"""Reading the Markdown pages that generate_pages writes, for the tests of generate and pages."""

from __future__ import annotations

import yaml


def front_matter(page: str) -> tuple[dict, str]:
    """The page meta as mkdocs reads it (YAML between the --- lines) and the rest of the page."""
    assert page.startswith("---\n"), page[:80]
    head, separator, rest = page[4:].partition("\n---\n")
    assert separator, "front matter not closed"
    return yaml.safe_load(head), rest.lstrip("\n")
