"""The built public site that the accessibility and HTML validity tests check, and the tools they use.

The site is the real content, copied and built for ``openbaar`` once per test session (the fixture
``openbaar_site`` in conftest.py). The checked pages cover every kind of page template: the home page,
description pages (praktijk and archetype, with badges, tables, evidence pictures, links and JSON-LD),
a list page (a theme), an effect page (its evidence picture), the knowledge matrix, the Zoeken page,
the overviews of all praktijken/archetypen and the Meedoen page. axe-core and the Nu Html Checker
(vnu-jar) come from the npm registry, pinned by package-lock.json: ``make test`` runs ``npm ci``
(``npm ci --no-audit --no-fund --ignore-scripts`` by hand).
"""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NODE_MODULES = REPO / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
NODE_HINT = (
    "{tool} is missing: run `make test` (it installs the npm test tools), or by hand "
    "`npm ci --no-audit --no-fund --ignore-scripts` in the repository root."
)

# Name -> site path of each checked page (folder of its index.html, "" for the home page).
PAGES = {
    "home": "",
    "praktijk": "praktijken/buurtmoestuin-kanaalweg/",  # four result directions, an archetype section
    "praktijk-geen-effect": "praktijken/huisuitzettingen-voorkomen-kempenhoeve/",  # a 'geen effect' badge
    "archetype": "archetypen/bewonersgroen/",  # praktijkvoorbeelden with badges, sources, counts table
    "thema": "themas/armoede-en-schulden/",  # a list page
    "zoeken": "zoeken/",
    "over": "over/",  # the visibility levels and the cost bands table
    "kennismatrix": "kennismatrix/",  # two matrix tables in scroll containers, empty cells in words
    "effect": "effecten/minder-eenzaamheid/",  # an evidence picture (inline SVG) above a list
    "overzicht": "praktijken/",  # all praktijken by title, with the sort switch
    "overzicht-nieuwste": "overzicht/archetypen/nieuwste/",  # another order, another kind
    "meedoen": "paginas/meedoen/",  # a site page from content/paginas/
}


def build_openbaar(root: Path) -> Path:
    """Copy content/ into ``root`` and build the openbaar site there; returns the site folder."""
    from wwidw_build.audience import Audience
    from wwidw_build.build import build_all
    from wwidw_build.pipeline import load_and_validate
    from wwidw_build.render import MkDocsRenderer

    content_dir = root / "content"
    shutil.copytree(REPO / "content", content_dir, symlinks=True)
    content, diagnostics = load_and_validate(content_dir)
    errors = [d for d in diagnostics if d.is_error]
    assert not errors, errors
    [result] = build_all(content, [Audience("openbaar")], root / "site", renderer=MkDocsRenderer())
    assert result.ok, (result.problems, result.leaks)
    site = root / "site" / "openbaar"
    for name, path in PAGES.items():
        assert (site / path / "index.html").is_file(), (
            f"checked page {name} ({path}) is not in the built site"
        )
    return site


def html_file(site: Path, path: str) -> Path:
    return site / path / "index.html"
