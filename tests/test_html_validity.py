"""HTML validity of the built site: the Nu Html Checker (vnu.jar) finds no errors in the checked pages.

The real content is built for ``openbaar`` once (tests/checked_site.py). vnu.jar (node_modules, from
package-lock.json) runs once over the built HTML of every checked page, plus the live DOM of the Zoeken
page after a search with filters (the markup that theme/assets/zoeken.js makes), saved from Debian's
headless chromium. Every error must be fixed where it is made (theme/, pages/builders.py, generate.py,
search/site.py, zoeken.js), except the few that Material for MkDocs' own templates make and that we
cannot change without forking them: MATERIAL_ERRORS, each matched on the message AND on the exact
markup vnu points at, which must come from the named Material template and from none of ours.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import browser
import checked_site
import pytest

from wwidw_build.static_server import StaticServer

MATERIAL_TEMPLATES = Path(__import__("material").__file__).parent / "templates"
THEME = checked_site.REPO / "theme"


@dataclass(frozen=True)
class MaterialError:
    template: str  # path under material/templates/ that writes the markup
    message: str  # vnu's message, exactly
    markup: str  # the markup vnu highlights, exactly as in the template


MATERIAL_ERRORS = (
    # material/templates/base.html, outside every block: the drawer and search toggles are <input
    # type="checkbox" ... autocomplete="off">; "Attribute “autocomplete” is only allowed when the
    # input type is ..." (autocomplete is not allowed on checkboxes).
    MaterialError(
        "base.html",
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
        "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, “search”, "
        "“tel”, “text”, “time”, “url”, or “week”.",
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
    ),
    MaterialError(
        "base.html",
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
        "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, “search”, "
        "“tel”, “text”, “time”, “url”, or “week”.",
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
    ),
    # material/templates/partials/toc.html: the table of contents title is <label for="__toc">, but
    # the __toc checkbox is only written by partials/nav-item.html for a page in the navigation, and
    # description pages are not in it; "The value of the “for” attribute of the “label” element must
    # be the ID of a non-hidden form control."
    MaterialError(
        "partials/toc.html",
        "The value of the “for” attribute of the “label” element must be the ID of a non-hidden "
        "form control.",
        '<label class="md-nav__title" for="__toc">',
    ),
)


def highlighted(message: dict) -> str:
    """The markup vnu points at (its extract, cut to the highlighted part)."""
    extract = message.get("extract", "")
    start = message.get("hiliteStart", 0)
    return extract[start : start + message.get("hiliteLength", len(extract))]


def is_materials(message: dict) -> bool:
    return any(
        message.get("message") == known.message and highlighted(message) == known.markup
        for known in MATERIAL_ERRORS
    )


def live_search_page(site: Path, out: Path) -> Path:
    """The Zoeken page's DOM after a search, with every filter group open and two values selected."""
    with StaticServer(site) as server, browser.chromium() as chromium:
        context = browser.local_context(chromium, server.origin)
        page = context.new_page()
        page.goto(server.url("zoeken/?q=huurachterstanden"))
        page.wait_for_selector("#wwidw-zoeken[data-klaar='ja'][data-gezocht]")
        # Every group open: zoeken.js loads the values of a group when it is opened.
        page.evaluate(
            "() => document.querySelectorAll('#wwidw-zoeken details').forEach((d) => { d.open = true; })"
        )
        for facet in ("thema", "soort"):
            before = page.get_attribute("#wwidw-zoeken", "data-gezocht")
            page.locator(f"[data-facet='{facet}'] li:not(.wwidw-facet__leeg) input").first.check()
            page.wait_for_function(
                "(b) => document.getElementById('wwidw-zoeken').dataset.gezocht !== b", arg=before
            )
        page.wait_for_function(
            "() => { const r = document.getElementById('wwidw-zoeken');"
            " return r.dataset.geteld === r.dataset.gezocht"
            " && !document.querySelector('.wwidw-facet__telling:empty'); }"
        )
        assert page.locator(".wwidw-resultaat").count() > 0
        html = "<!DOCTYPE html>\n" + page.evaluate("() => document.documentElement.outerHTML")
        context.close()
    out.write_text(html, encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def vnu_messages(openbaar_site, tmp_path_factory) -> list[dict]:
    if not checked_site.VNU.is_file():
        pytest.fail(checked_site.NODE_HINT.format(tool=f"vnu-jar ({checked_site.VNU})"))
    java = shutil.which("java")
    if java is None:
        pytest.fail(
            "java is missing: run `make test` as root, or `sudo apt-get install -y default-jre-headless`."
        )
    files = [checked_site.html_file(openbaar_site, path) for path in checked_site.PAGES.values()]
    files.append(
        live_search_page(openbaar_site, tmp_path_factory.mktemp("vnu") / "zoeken-na-zoeken.html")
    )
    result = subprocess.run(
        [
            java,
            "-jar",
            str(checked_site.VNU),
            "--format",
            "json",
            "--errors-only",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    # vnu exits 1 when it found errors; its JSON report goes to stderr.
    assert result.returncode in (0, 1), result.stdout + result.stderr
    report = json.loads(result.stderr or result.stdout)
    return report["messages"]


def describe(message: dict) -> str:
    where = message.get("url", "").rsplit("/openbaar/", 1)[-1]
    return (
        f"{where}:{message.get('lastLine')}: {message.get('message')}\n    {highlighted(message)!r}"
    )


def test_the_checked_pages_have_no_html_errors(vnu_messages):
    errors = [
        m
        for m in vnu_messages
        if m.get("type") in ("error", "non-document-error") and not is_materials(m)
    ]
    assert not errors, "Nu Html Checker errors:\n" + "\n".join(describe(m) for m in errors)


def test_the_allow_list_is_still_needed(vnu_messages):
    """Every allow-listed Material error is still made; one that is not has to go from the list."""
    used = {(known.message, known.markup) for known in MATERIAL_ERRORS}
    seen = {(m.get("message"), highlighted(m)) for m in vnu_messages if is_materials(m)}
    assert seen == used, f"allow-listed Material errors no longer seen: {used - seen}"


@pytest.mark.parametrize("known", MATERIAL_ERRORS, ids=lambda k: f"{k.template}:{k.markup[:30]}")
def test_allow_listed_errors_come_from_materials_templates_only(known):
    template = MATERIAL_TEMPLATES / known.template
    assert known.markup in template.read_text(encoding="utf-8"), (
        f"{known.markup!r} is not in Material's {template}"
    )
    ours = [
        p
        for p in [*THEME.rglob("*"), *(checked_site.REPO / "wwidw_build").rglob("*.py")]
        if p.is_file()
        and p.suffix in (".html", ".js", ".py", ".css")
        and known.markup in p.read_text(encoding="utf-8")
    ]
    assert ours == [], f"{known.markup!r} is our markup too: {ours}"
