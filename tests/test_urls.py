"""Description addresses (wwidw_build.urls): one folder per kind, the page file and its URL."""

from __future__ import annotations

import pytest

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
