"""Accessibility of the built site: axe-core in Debian's headless chromium finds nothing serious.

The real content is built for ``openbaar`` once (tests/checked_site.py) and served on 127.0.0.1;
every request that is not to the local server is blocked. Each checked page is opened on a desktop
and a phone viewport, axe-core (node_modules, from package-lock.json) is injected and run on the whole
document, and no violation with impact "serious" or "critical" may remain. The Zoeken page is also
checked after a search, with filter groups opened and values selected (the markup zoeken.js makes).
"""

from __future__ import annotations

import json

import browser
import checked_site
import pytest

from wwidw_build.static_server import StaticServer

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
VIEWPORTS = {"desktop": DESKTOP, "telefoon": PHONE}
BLOCKING = ("serious", "critical")

AXE_RUN = r"""
async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({target: n.target, impact: n.impact, html: n.html.slice(0, 300),
                                summary: n.failureSummary})),
  }));
}
"""


@pytest.fixture(scope="module")
def axe_script():
    if not checked_site.AXE.is_file():
        pytest.fail(checked_site.NODE_HINT.format(tool=f"axe-core ({checked_site.AXE})"))
    return checked_site.AXE


@pytest.fixture(scope="module")
def server(openbaar_site):
    with StaticServer(openbaar_site) as instance:
        yield instance


@pytest.fixture
def open_page(chromium, server):
    """open_page(path, **context options) -> page; afterwards: every request went to the local server
    and no script failed."""
    with browser.watched_pages(chromium) as open_on:
        yield lambda path, **options: open_on(server, path, **options)


def serious_violations(page, axe_script) -> list[dict]:
    page.add_script_tag(path=str(axe_script))
    return [v for v in page.evaluate(AXE_RUN) if v["impact"] in BLOCKING]


def report(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"]:
            lines.append(f"    {json.dumps(node['target'])}: {node['html']}")
            lines.append("        " + (node["summary"] or "").replace("\n", "\n        "))
    return "\n".join(lines)


def assert_accessible(page, axe_script) -> None:
    violations = serious_violations(page, axe_script)
    assert not violations, "axe-core found serious or critical violations:\n" + report(violations)


# --- the Zoeken page, driven
# -----------------------------------------------------------------------


# Every open facet group has its values (each with a count) or says it has none; no count is
# pending.
GROUPS_LOADED = """() => {
  const r = document.getElementById('wwidw-zoeken');
  return r.dataset.geteld === r.dataset.gezocht && [...document.querySelectorAll('[data-facet]')].every((g) => {
    const note = g.querySelector('.wwidw-facet__melding');
    const counts = [...g.querySelectorAll('.wwidw-facet__telling')].map((c) => c.textContent);
    return !g.open || (counts.length > 0 && counts.every(Boolean))
      || (note !== null && !note.hidden && note.textContent === 'Geen waarden.');
  });
}"""


def open_every_filter_group(page) -> None:
    """Open the filter panel and every group in it; their values load (zoeken.js loads them on opening)."""
    if not page.locator("#wwidw-facetten").evaluate("d => d.open"):
        page.locator("#wwidw-facetten > summary").click()
    for group in page.locator("[data-facet]:not([hidden])").all():
        if not group.evaluate("d => d.open"):
            group.locator(":scope > summary").click()
    page.wait_for_function(GROUPS_LOADED)


def select_first_value(page, facet: str) -> None:
    box = page.locator(f"[data-facet='{facet}'] li:not(.wwidw-facet__leeg) input").first
    browser.after_search(page, box.click)
    assert box.is_checked()


def search(page, term: str) -> None:
    page.fill("#wwidw-zoekterm", term)
    browser.after_search(page, lambda: page.press("#wwidw-zoekterm", "Enter"))


# --- the tests
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", checked_site.PAGES)
def test_page_has_no_serious_accessibility_violations(open_page, axe_script, name, viewport):
    page = open_page(checked_site.PAGES[name], **VIEWPORTS[viewport])
    if name == "zoeken":
        browser.search_ready(page)
    assert_accessible(page, axe_script)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_search_page_with_results_and_filters_has_no_serious_violations(
    open_page, axe_script, viewport
):
    page = open_page("zoeken/", **VIEWPORTS[viewport])
    browser.search_ready(page)
    search(page, "huurachterstanden")
    open_every_filter_group(page)
    select_first_value(page, "thema")
    select_first_value(page, "soort")
    assert page.locator(".wwidw-resultaat").count() > 0
    assert page.is_visible("#wwidw-wissen")
    assert_accessible(page, axe_script)


def test_the_search_page_with_more_results_and_no_results_has_no_serious_violations(
    open_page, axe_script
):
    page = open_page("zoeken/?sortering=nieuwste", **DESKTOP)  # every description, newest first
    browser.search_ready(page)
    open_every_filter_group(page)
    assert page.is_visible("#wwidw-meer")
    count = page.locator(".wwidw-resultaat").count()
    page.click("#wwidw-meer")
    page.wait_for_function(
        "(n) => document.querySelectorAll('.wwidw-resultaat').length > n", arg=count
    )
    assert_accessible(page, axe_script)
    search(page, "qqxyzzyonvindbaar")
    assert page.locator(".wwidw-resultaat").count() == 0
    assert_accessible(page, axe_script)
