"""Overview pages of all praktijken and archetypen (pages/overviews.py), and the Meedoen page
(pages/site_pages.py) that sits next to them in the navigation.

The generated Markdown is checked per audience (counts from the selection, paths that cannot meet a
description id); then a real build of the public site with 60 extra praktijken (so the overview runs
over two pages) is opened in Chromium: the sort links change the order, following "volgende" reaches
every praktijk exactly once in every order, and the Meedoen page shows its text from content/paginas/.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import browser
import pytest
from generated_pages import front_matter
from sources import load_sources_file, mixed_copy, split_sources

from wwidw_build import urls
from wwidw_build.audience import Audience
from wwidw_build.build import build_all, render_bodies
from wwidw_build.generate import generate_pages, write_config
from wwidw_build.pages import overviews
from wwidw_build.pages.builders import PAGE_SIZE
from wwidw_build.pipeline import load_and_validate
from wwidw_build.render import MkDocsRenderer
from wwidw_build.selection import select
from wwidw_build.static_server import StaticServer

REPO = Path(__file__).resolve().parent.parent
AUDIENCES = ["openbaar", "partners", "organisatie:havenstad-wonen"]
ORDERS = {"titel": "praktijken/", "nieuwste": "overzicht/praktijken/nieuwste/"}
EXTRA = 60  # praktijken added to the built site: with the sample ones, more than PAGE_SIZE


@pytest.fixture(scope="module")
def content(tmp_path_factory):

    root = mixed_copy(tmp_path_factory.mktemp("overzicht") / "content")
    loaded, diagnostics = load_sources_file(split_sources(root))
    assert not [d for d in diagnostics if d.is_error], diagnostics
    return loaded


@pytest.fixture(scope="module")
def bodies(content):
    return render_bodies(content)


def linked_ids(page: str, folder: str) -> list[str]:
    """Ids of the descriptions in the summary lines of an overview page, in order."""
    return re.findall(rf"^- \[[^\]]*\]\((?:\.\./)*(?:{folder}/)?([a-z0-9-]+)/\)", page, re.M)


@pytest.mark.parametrize("audience", AUDIENCES)
def test_every_order_lists_each_visible_description_once_and_counts_only_those(
    content, bodies, audience
):
    selection = select(content, Audience(audience))
    pages = generate_pages(selection, bodies)
    for kind, folder in (("praktijk", "praktijken"), ("archetype", "archetypen")):
        visible = {d.id for d in selection.by_kind(kind)}
        for order in overviews.ORDERS:
            page = pages[overviews.overview_page(folder, order.key)]
            ids = linked_ids(page, folder)
            assert sorted(ids) == sorted(visible), (kind, order.key)
            noun = kind if len(visible) == 1 else folder
            assert f"{len(visible)} {noun}, gesorteerd op" in page
    hidden = {d.id for d in selection.hidden}
    overview_text = "".join(p for name, p in pages.items() if "overzicht/" in name)
    assert not any(f"/{i}.md" in overview_text for i in hidden)


def test_the_orders_sort_by_title_date_and_completeness(content, bodies):
    selection = select(content, Audience("partners"))
    pages = generate_pages(selection, bodies)
    by_id = {d.id: d for d in selection.by_kind("praktijk")}
    titles = [
        by_id[i].titel.lower() for i in linked_ids(pages["praktijken/index.md"], "praktijken")
    ]
    assert titles == sorted(titles)
    newest = linked_ids(pages["overzicht/praktijken/nieuwste.md"], "praktijken")
    dates = [by_id[i].laatst_bijgewerkt for i in newest]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and dates[: len(dated)] == dated
    complete = linked_ids(pages["overzicht/praktijken/volledigheid.md"], "praktijken")
    scores = [overviews._score(by_id[i]) for i in complete]
    assert scores == sorted(scores, reverse=True) and len(set(scores)) > 1
    assert "volledigheid " in pages["overzicht/praktijken/volledigheid.md"]


def test_the_sort_switch_marks_the_current_order_and_links_the_others(content, bodies):
    pages = generate_pages(select(content, Audience("openbaar")), bodies)
    page = pages["overzicht/praktijken/nieuwste.md"]
    switch = re.search(r'<nav class="wwidw-volgorde".*?</nav>', page).group(0)
    assert re.findall(r'<a href="([^"]+)"', switch) == [
        "../../../praktijken/",
        "./",
        "../volledigheid/",
    ]
    assert re.findall(r'<a href="[^"]+" aria-current="page">([^<]+)</a>', switch) == [
        "nieuwste eerst"
    ]


def test_paths_cannot_meet_a_description_id(content, bodies):
    """A praktijk called 'nieuwste', 'overzicht' or 'volledigheid' keeps its own page next to the
    overviews (the _Pages guard in generate would raise on a second page at one path)."""
    selection = select(content, Audience("openbaar"))
    first = selection.by_kind("praktijk")[0]
    extra = tuple(
        dataclasses.replace(first, id=name)
        for name in ("nieuwste", "overzicht", "volledigheid", "titel")
    )
    selection = dataclasses.replace(selection, visible=selection.visible + extra)
    bodies = {**bodies, **{("praktijk", d.id): bodies[("praktijk", first.id)] for d in extra}}
    pages = generate_pages(selection, bodies)
    for document in extra:
        assert (
            front_matter(pages[urls.page_file("praktijk", document.id)])[0]["soort"] == "praktijk"
        )
    assert "overzicht/praktijken/nieuwste.md" in pages and "praktijken/index.md" in pages


def test_many_descriptions_are_paged_with_links_both_ways(content, bodies):
    selection = select(content, Audience("openbaar"))
    first = selection.by_kind("praktijk")[0]
    extra = tuple(
        dataclasses.replace(first, id=f"kopie-{n}", titel=f"Kopie {n:03}") for n in range(120)
    )
    selection = dataclasses.replace(selection, visible=selection.visible + extra)
    bodies = {**bodies, **{("praktijk", d.id): bodies[("praktijk", first.id)] for d in extra}}
    pages = generate_pages(selection, bodies)
    total = len(selection.by_kind("praktijk"))
    count = -(-total // PAGE_SIZE)
    for order in overviews.ORDERS:
        names = [overviews.overview_page("praktijken", order.key, n) for n in range(1, count + 1)]
        seen = [i for name in names for i in linked_ids(pages[name], "praktijken")]
        assert sorted(seen) == sorted(d.id for d in selection.by_kind("praktijk"))
        assert overviews.overview_page("praktijken", order.key, count + 1) not in pages
        assert 'rel="next"' in pages[names[0]] and 'rel="prev"' in pages[names[-1]]
        assert f"(pagina 2 van {count})" in pages[names[1]]


def test_a_large_count_is_written_the_dutch_way(content):
    selection = select(content, Audience("openbaar"))
    first = selection.by_kind("praktijk")[0]
    extra = tuple(dataclasses.replace(first, id=f"kopie-{n}") for n in range(1_000))
    selection = dataclasses.replace(selection, visible=selection.visible + extra)
    total = len(selection.by_kind("praktijk"))
    assert total >= 1_000
    dutch = f"{total // 1000}.{total % 1000:03} praktijken, gesorteerd op"
    for order in overviews.ORDERS:
        assert (
            dutch
            in overviews.overview_pages(selection)[overviews.overview_page("praktijken", order.key)]
        )


def test_home_and_navigation_lead_to_the_overviews_and_meedoen(content, bodies, tmp_path):
    selection = select(content, Audience("openbaar"))
    home = generate_pages(selection, bodies)["index.md"]
    for target in ("praktijken/", "archetypen/", "paginas/meedoen/"):
        assert f"]({target})" in home, target
    write_config(selection, tmp_path / "docs", tmp_path / "mkdocs.yml")
    config = (tmp_path / "mkdocs.yml").read_text("utf-8")
    assert "Praktijken: praktijken/index.md" in config
    assert "Meedoen: paginas/meedoen.md" in config
    without = dataclasses.replace(selection, pages=())
    assert "paginas/meedoen" not in generate_pages(without, bodies)["index.md"]
    write_config(without, tmp_path / "docs", tmp_path / "zonder.yml")
    assert "Meedoen" not in (tmp_path / "zonder.yml").read_text("utf-8")


# --- in a real browser
# --------------------------------------------------------------------------------------


def _add_praktijken(content_dir: Path) -> None:
    """EXTRA copies of a public praktijk, each with its own title and date."""
    source = (content_dir / "praktijken" / "klushuizen-spoorbuurt.md").read_text("utf-8")
    for n in range(EXTRA):
        text = re.sub(r"^titel: .*$", f"titel: Proefpraktijk {n:02}", source, count=1, flags=re.M)
        day = date(2020, 1, 1) + timedelta(days=17 * n)
        text = re.sub(
            r"^laatst_bijgewerkt: .*$", f"laatst_bijgewerkt: {day}", text, count=1, flags=re.M
        )
        (content_dir / "praktijken" / f"proefpraktijk-{n:02}.md").write_text(text, "utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("overzicht-site")
    shutil.copytree(REPO / "content", root / "content", symlinks=True)
    _add_praktijken(root / "content")
    loaded, diagnostics = load_and_validate(root / "content")
    assert not [d for d in diagnostics if d.is_error], diagnostics
    [result] = build_all(loaded, [Audience("openbaar")], root / "site", renderer=MkDocsRenderer())
    assert result.ok, (result.problems, result.leaks)
    selection = select(loaded, Audience("openbaar"))
    assert len(selection.by_kind("praktijk")) > PAGE_SIZE
    with StaticServer(root / "site" / "openbaar") as server:
        yield server, selection, root / "site" / "openbaar"


@pytest.fixture
def open_page(chromium, site):
    server, _, _ = site
    with browser.watched_pages(chromium) as open_on:
        yield lambda path: open_on(server, path)


def listed(page) -> list[str]:
    """Ids of the praktijken listed on the open overview page, in order."""
    hrefs = page.eval_on_selector_all(
        "article > ul > li > a:first-child", "links => links.map(a => a.href)"
    )
    return [re.search(r"/praktijken/([a-z0-9-]+)/$", h).group(1) for h in hrefs]


def test_sort_links_change_the_order(open_page, site):
    _, selection, _ = site
    by_id = {d.id: d for d in selection.by_kind("praktijk")}
    page = open_page("praktijken/")
    titles = [by_id[i].titel.lower() for i in listed(page)]
    assert titles == sorted(titles) and len(titles) == PAGE_SIZE
    current = page.locator(".wwidw-volgorde a[aria-current='page']")
    assert current.inner_text() == "titel (A–Z)"
    page.get_by_role("link", name="nieuwste eerst").click()
    page.wait_for_url("**/overzicht/praktijken/nieuwste/")
    assert page.locator(".wwidw-volgorde a[aria-current='page']").inner_text() == "nieuwste eerst"
    dates = [by_id[i].laatst_bijgewerkt for i in listed(page)]
    newest = max(d.laatst_bijgewerkt for d in by_id.values() if d.laatst_bijgewerkt)
    assert dates[0] == newest and dates == sorted(dates, reverse=True)
    page.get_by_role("link", name="titel (A–Z)").click()
    page.wait_for_url("**/praktijken/")
    assert [by_id[i].titel.lower() for i in listed(page)] == titles


@pytest.mark.parametrize("order", list(ORDERS) + ["volledigheid"])
def test_paging_reaches_every_praktijk_exactly_once(open_page, site, order):
    _, selection, _ = site
    page = open_page(ORDERS.get(order, "overzicht/praktijken/volledigheid/"))
    seen, pages = [], 0
    while True:
        seen += listed(page)
        pages += 1
        following = page.locator("nav.wwidw-paginering a[rel='next']")
        if following.count() == 0:
            break
        following.click()
        page.wait_for_load_state("load")
    assert pages == -(-len(selection.by_kind("praktijk")) // PAGE_SIZE) and pages > 1
    assert len(seen) == len(set(seen))
    assert set(seen) == {d.id for d in selection.by_kind("praktijk")}


def test_a_full_overview_page_stays_under_100_kb(site):
    _, _, built = site
    pages = [built / "praktijken" / "index.html", *built.glob("overzicht/*/*/index.html")]
    assert len(pages) >= 2 * 3 and (built / "praktijken" / "index--2" / "index.html").is_file()
    assert {
        p.relative_to(built).as_posix(): p.stat().st_size
        for p in pages
        if p.stat().st_size > 100_000
    } == {}


def test_meedoen_shows_its_text_from_content(open_page):
    page = open_page("")
    page.locator(".md-content").get_by_role("link", name="meedoet").click()
    page.wait_for_url("**/paginas/meedoen/")
    assert page.locator("h1").inner_text() == "Meedoen"
    text = page.locator("article").inner_text()
    for part in ("Partner worden", "Een praktijk beschrijven", "redactie van Platform31"):
        assert part in text
    nav = page.locator("nav").get_by_role("link", name="Meedoen", exact=True)
    assert nav.count() >= 1  # in the navigation
