"""Where am I, in a real browser: the site marker of a partner or organisation site (labels.site_marker,
shown by theme/main.html in Material's banner) and a description's visibility badge (pages/builders.py).

Once per module the sample sources (bronnen.yml) are built for ``openbaar``, ``partners`` and one
organisation, served on 127.0.0.1 and opened in Debian's headless chromium (tests/browser.py: every
request that is not to the local server is blocked). On a protected site the marker is visible at the
top of the home page, a description page and the Zoeken page, on a desktop and a phone, in print too,
and axe-core finds nothing serious there; the same pages of the public site have neither marker nor
badge.
"""

from __future__ import annotations

import browser
import checked_site
import pytest
from sources import copy_sample_sources, load_sources_file
from test_accessibility import DESKTOP, PHONE, assert_accessible

from wwidw_build import urls
from wwidw_build.audience import Audience
from wwidw_build.build import build_all
from wwidw_build.render import MkDocsRenderer
from wwidw_build.selection import select
from wwidw_build.static_server import StaticServer

ORGANISATION = "organisatie:havenstad-wonen"
AUDIENCES = ("openbaar", "partners", ORGANISATION)
MARKERS = {
    "partners": "Alleen voor partners — niet doorsturen",
    ORGANISATION: "Alleen voor medewerkers van Havenstad Wonen — niet doorsturen",
}
PUBLIC_PRAKTIJK = "praktijken/klushuizen-spoorbuurt/"  # openbaar: on every site
PAGES = {"home": "", "beschrijving": PUBLIC_PRAKTIJK, "zoeken": "zoeken/"}
VIEWPORTS = {"desktop": DESKTOP, "telefoon": PHONE}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("kenmerk")
    content, diagnostics = load_sources_file(copy_sample_sources(root))
    assert not [d for d in diagnostics if d.is_error]
    results = build_all(
        content, [Audience(a) for a in AUDIENCES], root / "site", renderer=MkDocsRenderer()
    )
    assert all(r.ok for r in results), [(r.audience, r.problems, r.leaks) for r in results]
    return content, root / "site", {r.audience: r for r in results}


@pytest.fixture(scope="module")
def servers(built):
    _, out, _ = built
    with (
        StaticServer(out / Audience("openbaar").folder) as openbaar,
        StaticServer(out / Audience("partners").folder) as partners,
        StaticServer(out / Audience(ORGANISATION).folder) as organisation,
    ):
        yield {"openbaar": openbaar, "partners": partners, ORGANISATION: organisation}


@pytest.fixture
def open_page(chromium, servers):
    """open_page(audience, path, **context options) -> page; afterwards: no request left the local
    server and no script failed."""
    with browser.watched_pages(chromium) as open_on:
        yield lambda audience, path, **options: open_on(servers[audience], path, **options)


def axe():
    if not checked_site.AXE.is_file():
        pytest.fail(checked_site.NODE_HINT.format(tool=f"axe-core ({checked_site.AXE})"))
    return checked_site.AXE


def marker(page):
    return page.locator(".md-banner .wwidw-kenmerk")


def assert_marker_shown(page, text: str) -> None:
    shown = marker(page)
    assert shown.count() == 1 and shown.is_visible()
    assert shown.inner_text().strip() == f"⚠ {text}"  # the sign is hidden from screen readers
    assert shown.locator("strong").inner_text() == text
    box = shown.bounding_box()
    assert box["y"] < 120 and box["width"] > 0  # at the top of the page, above the content
    colours = shown.evaluate(
        "e => [getComputedStyle(e).color, getComputedStyle(e.closest('.md-banner')).backgroundColor]"
    )
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 213, 79)"]  # black on amber, 12.6:1


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("audience", MARKERS)
def test_every_page_of_a_protected_site_says_who_it_is_for(open_page, audience, name, viewport):
    page = open_page(audience, PAGES[name], **VIEWPORTS[viewport])
    if name == "zoeken":
        browser.search_ready(page)
    assert_marker_shown(page, MARKERS[audience])
    assert_accessible(page, axe())
    page.emulate_media(media="print")
    assert marker(page).is_visible()  # Material hides its banner in print; a printout must say it
    # The same page of the public site carries none: everything there is public.
    public = open_page("openbaar", PAGES[name], **VIEWPORTS[viewport])
    if name == "zoeken":
        browser.search_ready(public)
    assert public.locator(".md-banner").count() == 0
    assert "niet doorsturen" not in public.content()


def badge_of(page) -> str:
    badge = page.locator(".wwidw-zichtbaarheid")
    assert badge.count() == 1 and badge.is_visible()
    return badge.inner_text()


def test_the_badge_shows_the_description_s_own_visibility(built, open_page):
    content, _, _ = built
    selection = select(content, Audience(ORGANISATION))
    for zichtbaarheid, label in (
        ("openbaar", "Openbaar"),
        ("partners", "Alleen partners"),
        ("organisatie", "Alleen eigen organisatie"),
    ):
        document = next(d for d in selection.visible if d.zichtbaarheid == zichtbaarheid)
        path = urls.page_url(document.kind, document.id)
        page = open_page(ORGANISATION, path, **PHONE)
        assert badge_of(page) == f"Zichtbaarheid: {label}", path
        if zichtbaarheid != "organisatie":
            assert badge_of(open_page("partners", path, **DESKTOP)) == f"Zichtbaarheid: {label}"
    # The public site shows none: everything there is public.
    assert open_page("openbaar", PUBLIC_PRAKTIJK).locator(".wwidw-zichtbaarheid").count() == 0


def test_pages_reused_from_the_partners_build_carry_the_organisation_s_marker(built, tmp_path):
    """The organisation's build reuses the partners build's pages with its own marker put in
    (reference_build): each page is byte for byte the page the organisation renders alone."""
    content, out, results = built
    assert results[ORGANISATION].reused > 0
    [alone] = build_all(content, [Audience(ORGANISATION)], tmp_path, renderer=MkDocsRenderer())
    assert alone.ok and alone.reused == 0
    folder = Audience(ORGANISATION).folder
    own = {
        p.relative_to(tmp_path / folder): p.read_bytes()
        for p in (tmp_path / folder).rglob("*.html")
    }
    shared = {p.relative_to(out / folder): p.read_bytes() for p in (out / folder).rglob("*.html")}
    assert own.keys() == shared.keys()
    assert [page for page in own if own[page] != shared[page]] == []
    marker = MARKERS[ORGANISATION].encode()
    assert all(marker in page and b"Alleen voor partners" not in page for page in own.values())
