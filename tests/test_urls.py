"""Description addresses (wwidw_build.urls): one folder per kind, the page file and its URL."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wwidw_build import urls
from wwidw_build.audience import Audience
from wwidw_build.exports.as_json import records
from wwidw_build.generate import generate_pages, output_dir
from wwidw_build.selection import select


@pytest.mark.parametrize("kind, folder", [("praktijk", "praktijken"), ("archetype", "archetypen")])
def test_the_folder_of_a_kind_and_of_a_folder(kind, folder):
    assert urls.folder(kind) == urls.folder(folder) == folder
    assert folder in urls.FOLDERS


def test_an_unknown_kind_has_no_folder():
    with pytest.raises(KeyError):
        urls.folder("thema")


def test_page_file_and_url():
    assert urls.page_file("praktijk", "buurt-x") == "praktijken/buurt-x.md"
    assert urls.page_url("archetype", "klushuizen") == "archetypen/klushuizen/"


@pytest.mark.parametrize("kind", ["praktijk", "archetype"])
def test_the_url_is_where_mkdocs_writes_the_page(kind):
    """mkdocs (use_directory_urls) writes <folder>/<id>.md to <folder>/<id>/."""
    assert output_dir(urls.page_file(kind, "een-id")) + "/" == urls.page_url(kind, "een-id")


def test_description_pages_are_under_their_urls(content, bodies):
    selection = select(content, Audience("partners"))
    pages = generate_pages(selection, bodies)
    for item in records(selection):
        assert urls.page_file(item["soort"], item["id"]) in pages
        assert item["url"] == urls.page_url(item["soort"], item["id"])


# --- Page names from free text never meet the pages we generate (issue 13 item 9) -------------------


@pytest.mark.parametrize("value", ["Index", "INDEX", "index", " Index! ", "--index--"])
def test_a_value_named_like_a_list_page_gets_another_page(value):
    assert urls.page_name(value) == "index-1"
    assert urls.page_name(value) not in urls.RESERVED_PAGES


@given(st.text())
def test_a_page_name_is_never_reserved_nor_a_continuation_page(value):
    name = urls.page_name(value)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name)  # never '--': continuation pages have it
    assert name.lower() not in urls.RESERVED_PAGES


@given(st.sampled_from(sorted(urls.RESERVED_PAGES)), st.text(" -_.!?'\"()/\\\t"))
def test_reserved_names_with_any_decoration_are_moved_aside(reserved, decoration):
    for value in (reserved.upper(), reserved.title(), decoration + reserved + decoration):
        assert urls.page_name(value) not in urls.RESERVED_PAGES


def test_continuation_pages_have_a_double_dash():
    assert urls.continuation_page("index", 1) == "index"
    assert urls.continuation_page("den-haag", 3) == "den-haag--3"


@pytest.mark.parametrize("municipality", ["Index", "INDEX", "index."])
def test_a_municipality_named_index_keeps_the_municipality_list(content, bodies, municipality):
    """Once `gemeente: "Index"` overwrote gemeenten/index.md, the list of all municipalities."""
    selection = select(content, Audience("openbaar"))
    first = selection.by_kind("praktijk")[0]
    visible = tuple(
        dataclasses.replace(d, gemeente=municipality) if d is first else d
        for d in selection.visible
    )
    pages = generate_pages(dataclasses.replace(selection, visible=visible), bodies)
    index = pages["gemeenten/index.md"]
    assert index.startswith("---\ntitle: Gemeenten\n")
    others = {d.gemeente for d in visible if d.kind == "praktijk"} - {municipality}
    assert all(urls.page_name(m) in index for m in others)
    assert "](index-1/)" in index
    assert f"/{first.id}/" in pages["gemeenten/index-1.md"]


def test_two_pages_at_one_path_are_a_bug_not_an_overwrite(content, bodies, monkeypatch):
    """Whatever a future page name does: a second page at a path fails loudly."""
    import wwidw_build.generate as generate

    monkeypatch.setattr(generate, "slug", lambda text: "index")
    with pytest.raises(ValueError, match="gemeenten/index.md"):
        generate_pages(select(content, Audience("openbaar")), bodies)
