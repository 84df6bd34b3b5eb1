"""reference_build: which pages and files the other audiences take from the base build."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from wwidw_build.generate import NAV_PAGES
from wwidw_build.reference_build import (
    MarkerMissing,
    Reference,
    audited_elsewhere,
    html_path,
    link_pages,
    marker_html,
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


PARTNERS = "Alleen voor partners — niet doorsturen"
ORGANISATION = "Alleen voor medewerkers van <Wonen & Zo> — niet doorsturen"


def test_pages_are_reused_between_sites_that_both_have_a_marker(tmp_path):
    """The marker is in every page's HTML; a public page has none (nor Material's banner around it)."""
    pages = {"praktijken/a.md": "zelfde"}
    partners = reference(tmp_path, pages, marker=PARTNERS)
    assert reusable_pages(pages, partners, PARTNERS) == set(pages)
    assert reusable_pages(pages, partners, ORGANISATION) == set(pages)
    assert reusable_pages(pages, partners, "") == set()
    assert reusable_pages(pages, reference(tmp_path, pages), PARTNERS) == set()
    assert reusable_pages(pages, reference(tmp_path, pages), "") == set(pages)


def test_a_page_reused_by_a_site_with_another_marker_gets_that_marker(tmp_path):
    base = tmp_path / "base"
    (base / "praktijken" / "a").mkdir(parents=True)
    page = base / "praktijken" / "a" / "index.html"
    page.write_bytes(b"<body>" + marker_html(PARTNERS) + b"<p>Alleen voor partners</p>")
    site = tmp_path / "site"
    link_pages(reference(base, marker=PARTNERS), {"praktijken/a.md"}, site, ORGANISATION)
    copy = site / "praktijken" / "a" / "index.html"
    assert copy.read_bytes() == (
        b'<body><strong class="wwidw-kenmerk__tekst">Alleen voor medewerkers van &lt;Wonen &amp; '
        + "Zo&gt; — niet doorsturen</strong><p>Alleen voor partners</p>".encode()
    )
    assert (
        copy.stat().st_ino != page.stat().st_ino
    )  # a file of its own: the reference's is unchanged
    assert page.read_bytes().count(marker_html(PARTNERS)) == 1


def test_a_reused_page_without_the_reference_marker_is_an_error(tmp_path):
    (tmp_path / "base").mkdir()
    (tmp_path / "base" / "index.html").write_text("<body>geen markering</body>", encoding="utf-8")
    with pytest.raises(MarkerMissing):
        link_pages(
            reference(tmp_path / "base", marker=PARTNERS),
            {"index.md"},
            tmp_path / "s",
            ORGANISATION,
        )


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
