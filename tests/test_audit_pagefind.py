"""The leak audit reads Pagefind's index files: gzip, a ``pagefind_dcd`` signature, then JSON or CBOR.

A hidden description's title planted into a fragment, a filter or the index must be found there, while
the same files without it are clean; the strings are taken out of the CBOR so no length byte glues
itself to a word.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from wwidw_build import audit
from wwidw_build.model import Document
from wwidw_build.strict_yaml import Parsed

HIDDEN_ID = "zwaluw-kiezelpad"
HIDDEN_TITLE = "Zwaluwstaart Kiezelpad Project"
KEY = f"praktijk/{HIDDEN_ID}"


def doc(doc_id: str, titel: str, body: str = "") -> Document:
    return Document(
        "praktijk",
        doc_id,
        f"content/praktijken/{doc_id}.md",
        Path(f"/nergens/{doc_id}.md"),
        {"titel": titel},
        body,
        1,
        Parsed(),
    )


@pytest.fixture
def prints():
    hidden = doc(HIDDEN_ID, HIDDEN_TITLE)
    visible = doc("gewone-praktijk", "Gewone praktijk in de buurt")
    return audit.fingerprints((hidden,), (visible,), {}, lambda _d: frozenset())


def pagefind_file(payload: bytes) -> bytes:
    return gzip.compress(audit.PAGEFIND_SIGNATURE + payload)


def cbor_text(text: str) -> bytes:
    """A CBOR text string (major type 3) with the shortest length header."""
    data = text.encode("utf-8")
    if len(data) < 24:
        return bytes([0x60 + len(data)]) + data
    if len(data) < 256:
        return bytes([0x78, len(data)]) + data
    return bytes([0x79]) + len(data).to_bytes(2, "big") + data


def cbor_filter(name: str, values: list[str]) -> bytes:
    """Roughly Pagefind's filter layout: [name, {value: [page numbers]}]."""
    body = b"\x82" + cbor_text(name) + bytes([0xA0 + len(values)])
    for number, value in enumerate(values):
        body += cbor_text(value) + b"\x81" + bytes([number])
    return body


def fragment(title: str, content: str) -> bytes:
    return json.dumps(
        {
            "url": "/praktijken/gewone-praktijk/",
            "content": content,
            "word_count": 9,
            "filters": {"thema": ["Wonen"]},
            "meta": {"title": title},
            "anchors": [],
        },
        ensure_ascii=False,
    ).encode("utf-8")


def write(site: Path, relative: str, data: bytes) -> None:
    path = site / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def leaks_in(site: Path, prints) -> set[tuple[str, str]]:
    return {(leak.file, leak.description) for leak in audit.audit_tree(site, prints)}


def test_a_hidden_title_in_a_gzip_fragment_is_caught(tmp_path, prints):
    write(
        tmp_path,
        "pagefind/fragment/nl_1a2b3c4.pf_fragment",
        pagefind_file(fragment(HIDDEN_TITLE, "Een gewone tekst.\nMet een regel.")),
    )
    assert leaks_in(tmp_path, prints) == {("pagefind/fragment/nl_1a2b3c4.pf_fragment", KEY)}


def test_a_hidden_title_across_an_escaped_line_break_is_caught(tmp_path, prints):
    # In the JSON the line break is the two characters "\n": read raw, "nkiezelpad" would hide the
    # title.
    write(
        tmp_path,
        "pagefind/fragment/nl_5d6e7f8.pf_fragment",
        pagefind_file(fragment("Gewoon", "Zwaluwstaart\nKiezelpad\nProject")),
    )
    assert leaks_in(tmp_path, prints) == {("pagefind/fragment/nl_5d6e7f8.pf_fragment", KEY)}


@pytest.mark.parametrize("suffix", [".pf_filter", ".pf_meta", ".pf_index"])
def test_a_hidden_title_in_cbor_is_caught(tmp_path, prints, suffix):
    # The title as one CBOR string: read raw, a length byte ("l", "i", ...) would glue to it.
    payload = cbor_filter("thema", ["Wonen", HIDDEN_TITLE])
    write(tmp_path, f"pagefind/filter/nl_0a1b2c3{suffix}", pagefind_file(payload))
    assert leaks_in(tmp_path, prints) == {(f"pagefind/filter/nl_0a1b2c3{suffix}", KEY)}


@pytest.mark.parametrize("suffix", [".pf_filter", ".pf_meta"])
def test_a_hidden_title_split_over_cbor_strings_is_caught(tmp_path, prints, suffix):
    # Each word as its own CBOR string: read raw, a length byte ("l", "i", ...) would glue to it.
    payload = cbor_filter("thema", ["Wonen", *HIDDEN_TITLE.split()])
    write(tmp_path, f"pagefind/filter/nl_0a1b2c3{suffix}", pagefind_file(payload))
    assert leaks_in(tmp_path, prints) == {(f"pagefind/filter/nl_0a1b2c3{suffix}", KEY)}


def test_neighbouring_words_of_the_index_are_no_phrase(tmp_path):
    """The index proper lists word stems in sorted order: two neighbours there are no leak of a
    hidden two-word string, a hidden word itself is."""
    hidden = doc(HIDDEN_ID, "Jan Jansen", "## Aanleiding\n\nKwelderzand.\n")
    prints = audit.fingerprints((hidden,), (), {}, lambda _d: frozenset())
    assert ("jan", "jansen") in prints.phrases and "kwelderzand" in prints.tokens
    write(tmp_path, "pagefind/index/nl_1.pf_index", pagefind_file(cbor_filter("jan", ["jansen"])))
    assert leaks_in(tmp_path, prints) == set()
    write(tmp_path, "pagefind/index/nl_2.pf_index", pagefind_file(cbor_filter("kwelderzand", [])))
    assert leaks_in(tmp_path, prints) == {("pagefind/index/nl_2.pf_index", KEY)}


def test_a_hidden_id_in_a_fragment_url_is_caught(tmp_path, prints):
    data = json.dumps(
        {"url": f"/praktijken/{HIDDEN_ID}/", "content": "Tekst.", "meta": {}}
    ).encode()
    write(tmp_path, "pagefind/fragment/nl_9f9f9f9.pf_fragment", pagefind_file(data))
    whats = {leak.what for leak in audit.audit_tree(tmp_path, prints)}
    assert f"verwijzing praktijken/{HIDDEN_ID}" in whats and f"id {HIDDEN_ID}" in whats


def test_clean_pagefind_files_pass(tmp_path, prints):
    write(
        tmp_path,
        "pagefind/fragment/nl_1111111.pf_fragment",
        pagefind_file(
            fragment("Gewone praktijk in de buurt", "Zwaluwstaart en kiezelpad, los van elkaar.")
        ),
    )
    write(
        tmp_path,
        "pagefind/filter/nl_2222222.pf_filter",
        pagefind_file(cbor_filter("thema", ["Wonen", "Zorg"])),
    )
    write(
        tmp_path,
        "pagefind/pagefind.nl_3333333.pf_meta",
        pagefind_file(b"\x82e1.5.2\x81jnl_1111111"),
    )
    assert leaks_in(tmp_path, prints) == set()


def test_uncompressed_or_unparsable_files_are_still_scanned(tmp_path, prints):
    write(
        tmp_path, "pagefind/index/nl_4444444.pf_index", HIDDEN_TITLE.encode()
    )  # neither gzip nor CBOR
    write(
        tmp_path,
        "pagefind/index/nl_5555555.pf_index",
        pagefind_file(b"\xff\xfe " + HIDDEN_TITLE.encode()),
    )
    assert leaks_in(tmp_path, prints) == {
        ("pagefind/index/nl_4444444.pf_index", KEY),
        ("pagefind/index/nl_5555555.pf_index", KEY),
    }


def test_pagefind_text_takes_the_strings_out():
    assert audit.pagefind_text(pagefind_file(cbor_filter("thema", ["Wonen", "Zorg"]))).split(
        "\n"
    ) == ["thema", "Wonen", "Zorg"]
    long = "Huishoudens met een betalingsachterstand " * 10
    assert audit.pagefind_text(pagefind_file(cbor_text(long))) == long
    assert audit.pagefind_text(pagefind_file(b'{"meta": {"title": "T\\u00eftel"}}')).split(
        "\n"
    ) == ["meta", "title", "Tïtel"]
