"""reference_build: which pages and files the other audiences take from the base build."""

from __future__ import annotations

from types import SimpleNamespace

from wwidw_build.generate import NAV_PAGES
from wwidw_build.reference_build import (
    Reference,
    audited_elsewhere,
    html_path,
    link_pages,
    reusable_pages,
)


def doc(key: str):
    return SimpleNamespace(kind="praktijk", id=key)


def reference(site, pages=None, hidden=(), audited=frozenset(), marker=""):
    selection = SimpleNamespace(hidden=[doc(k) for k in hidden])
    return Reference(pages or {}, site, selection, audited, marker)


def test_only_identical_pages_that_are_no_navigation_target_are_reused(tmp_path):
    nav = sorted(NAV_PAGES)[0]
    pages = {"praktijken/a.md": "zelfde", "praktijken/b.md": "nieuw", nav: "zelfde"}
    base = {"praktijken/a.md": "zelfde", "praktijken/b.md": "oud", nav: "zelfde"}
    assert reusable_pages(pages, reference(tmp_path, base)) == {"praktijken/a.md"}
    assert reusable_pages(pages, None) == set()


def test_no_page_is_reused_from_a_site_with_another_marker(tmp_path):
    """The site marker ("Alleen voor partners — niet doorsturen") is in every page's HTML."""
    pages = {"praktijken/a.md": "zelfde"}
    partners = reference(tmp_path, pages, marker="Alleen voor partners — niet doorsturen")
    assert reusable_pages(pages, partners, "Alleen voor partners — niet doorsturen") == set(pages)
    assert reusable_pages(pages, partners, "Alleen voor medewerkers van X — niet doorsturen") == set()
    assert reusable_pages(pages, partners, "") == set()


def test_the_reference_audit_counts_only_when_it_hid_at_least_as_much(tmp_path):
    ref = reference(tmp_path, hidden=("a", "b"), audited=frozenset({"d1", "d2"}))
    assert audited_elsewhere(ref, SimpleNamespace(hidden=[doc("a")])) == {"d1", "d2"}
    assert audited_elsewhere(ref, SimpleNamespace(hidden=[doc("a"), doc("c")])) == frozenset()
    assert audited_elsewhere(None, SimpleNamespace(hidden=[])) == frozenset()


def test_the_reference_vouches_for_bytes_it_audited_never_for_a_place(tmp_path):
    """What the reference audit vouches for is a set of digests taken from the bytes it scanned, not
    its folder on disk: a published reference folder (that another build may have replaced) is
    never read."""
    ref = reference(tmp_path / "weg", hidden=("a",), audited=frozenset({"d1"}))
    assert audited_elsewhere(ref, SimpleNamespace(hidden=[])) == {"d1"}


def test_pages_are_linked_where_mkdocs_writes_them(tmp_path):
    assert html_path("praktijken/a.md") == "praktijken/a/index.html"
    assert html_path("index.md") == "index.html"
    base = tmp_path / "base"
    (base / "praktijken" / "a").mkdir(parents=True)
    (base / "praktijken" / "a" / "index.html").write_text("pagina a", encoding="utf-8")
    site = tmp_path / "site"
    link_pages(reference(base), {"praktijken/a.md"}, site)
    copy = site / "praktijken" / "a" / "index.html"
    assert copy.read_text(encoding="utf-8") == "pagina a"
    assert copy.stat().st_ino == (base / "praktijken" / "a" / "index.html").stat().st_ino
