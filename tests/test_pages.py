"""Page builders (wwidw_build.pages.builders): Markdown per page, from one audience's selection of the real content.

Contributor text must arrive escaped: as HTML entities in Markdown (``esc``) and HTML-escaped in the
page meta (``attr``), which mkdocs reads as YAML and Material prints into <title> and
<meta name="description"> without escaping it again.
"""

from __future__ import annotations

import dataclasses
import html
import re

import pytest
from generated_pages import front_matter

from wwidw_build.audience import Audience
from wwidw_build.effect_results import summary
from wwidw_build.generate import url_resolver
from wwidw_build.labels import RICHTING
from wwidw_build.pages.builders import (
    PAGE_SIZE,
    archetype_page,
    link,
    list_pages,
    meta_block,
    paginate,
    praktijk_page,
    summary_line,
)
from wwidw_build.pages.escape import attr, esc
from wwidw_build.records import Component, Result
from wwidw_build.selection import Selection, select

PAYLOAD = "Praktijk <img src=x onerror=alert(1)> {: onclick=x}"
ALLOWED_META = {"title", "description", "soort"}  # soort: a fixed value from our code


def with_document(selection: Selection, document) -> Selection:
    """The selection with ``document`` in place of the visible document with the same kind and id."""
    visible = tuple(
        document if (d.kind, d.id) == (document.kind, document.id) else d for d in selection.visible
    )
    return dataclasses.replace(selection, visible=visible)


def changed(document, **fields):
    return dataclasses.replace(document, **fields)


def summary_links(page: str) -> list[str]:
    """Ids linked from the summary lines ("- [title](../<folder>/<id>.md) · ...") of a list page."""
    return re.findall(
        r"^- \[[^\]]*\]\(\.\./(?:praktijken|archetypen)/([a-z0-9-]+)\.md\)", page, re.M
    )


# --- meta_block
# --------------------------------------------------------------------------------------


def test_meta_block_has_only_the_allow_listed_keys():
    assert front_matter(meta_block("Titel"))[0] == {"title": "Titel"}
    assert front_matter(meta_block("Titel", "Omschrijving"))[0] == {
        "title": "Titel",
        "description": "Omschrijving",
    }


@pytest.mark.parametrize(
    "value",
    [
        PAYLOAD,
        "Zeg \"hallo\" & 'dag' <b>vet</b>",
        "Twee\nregels: en\tmeer   witruimte",
        'x"\ntemplate: evil.html\nextra: "y',  # an attempt to add keys
        "title: x\n---\n# Kop",  # an attempt to close the front matter early
        "# Geen kop, *geen* [link](javascript:alert(1))",
    ],
)
def test_meta_block_values_are_escaped_and_cannot_add_keys(value):
    meta, rest = front_matter(meta_block(value, value))
    assert set(meta) == {"title", "description"}
    expected = attr(value)
    assert meta == {"title": expected, "description": expected}
    for text in meta.values():
        assert not re.search(r"[<>\"\n]", text)
    assert rest == ""


@pytest.mark.parametrize(
    "value",
    [
        r"Klushuizen\x3c/title\x3e\x3cscript\x3ealert(1)\x3c/script\x3e",
        r"Samenvatting\x22 onmouseover=\x22alert(1)",
        "Eindigt op een backslash \\",
    ],
    ids=["x3c", "x22", "trailing-backslash"],
)
def test_meta_block_keeps_backslashes_literal(value):
    meta, _ = front_matter(meta_block(value, value))
    assert meta == {"title": attr(value), "description": attr(value)}
    assert "<" not in meta["title"] and '"' not in meta["description"]


# --- links and escaping in the page builders
# ---------------------------------------------------------


def test_link_escapes_the_text_and_keeps_the_target():
    assert link(1, "praktijken", "x", PAYLOAD) == f"[{esc(PAYLOAD)}](../praktijken/x.md)"
    assert link(0, "themas", "jeugd", "Jeugd") == "[Jeugd](themas/jeugd.md)"
    escaped = esc(PAYLOAD + " *_`[]()&\"'#;")
    assert re.fullmatch(
        r"(?:[A-Za-z0-9 ]|&#\d+;)+", escaped
    )  # letters, digits, spaces and entities only
    assert html.unescape(escaped) == PAYLOAD + " *_`[]()&\"'#;"


def test_praktijk_page_escapes_a_hostile_title_and_summary(content, bodies):
    selection = select(content, Audience("openbaar"))
    document = changed(
        selection.find("praktijk", "klushuizen-spoorbuurt"),
        titel=PAYLOAD,
        samenvatting=PAYLOAD + " samenvatting",
    )
    selection = with_document(selection, document)
    page = praktijk_page(
        selection, document, bodies[("praktijk", document.id)], url_resolver(selection)
    )
    meta, rest = front_matter(page)
    assert meta == {
        "title": html.escape(PAYLOAD),
        "description": html.escape(PAYLOAD + " samenvatting"),
        "soort": "praktijk",
    }
    assert rest.splitlines()[0] == f"# {esc(PAYLOAD)}"
    assert f"*{esc(PAYLOAD + ' samenvatting')}*" in rest
    assert "<img" not in page
    assert (
        "{:" not in rest and "onerror=" not in rest
    )  # no attr_list or attribute syntax in the Markdown


def test_archetype_page_escapes_a_hostile_title_and_ingredient(content, bodies):
    selection = select(content, Audience("openbaar"))
    original = selection.find("archetype", "klushuizen")
    ingredients = (Component(naam=PAYLOAD, onderbouwing="<script>alert(1)</script>"),)
    document = changed(original, titel=PAYLOAD, werkzame_bestanddelen=ingredients)
    selection = with_document(selection, document)
    page = archetype_page(
        selection, document, bodies[("archetype", document.id)], url_resolver(selection)
    )
    meta, rest = front_matter(page)
    assert meta["title"] == html.escape(PAYLOAD) and set(meta) == ALLOWED_META
    assert rest.splitlines()[0] == f"# {esc(PAYLOAD)}"
    assert "<img" not in page and "<script" not in page and "{:" not in rest


def test_list_page_escapes_its_title_and_the_linked_titles(content):
    selection = select(content, Audience("openbaar"))
    document = changed(selection.find("praktijk", "klushuizen-spoorbuurt"), titel=PAYLOAD)
    pages = list_pages(
        with_document(selection, document), "themas", "woningvoorraad", PAYLOAD, "", [document]
    )
    page = pages["themas/woningvoorraad.md"]
    meta, rest = front_matter(page)
    assert meta == {"title": html.escape(PAYLOAD)}
    assert rest.splitlines()[0] == f"# {esc(PAYLOAD)}"
    assert f"- [{esc(PAYLOAD)}](../praktijken/klushuizen-spoorbuurt.md)" in rest
    assert "<img" not in page and "{:" not in rest


def test_summary_line_of_a_praktijk_has_organisation_place_and_badge(content):
    selection = select(content, Audience("openbaar"))
    document = selection.find("praktijk", "klushuizen-spoorbuurt")
    line = summary_line(selection, document, 1)
    assert line.startswith(
        f"- [{esc(document.titel)}](../praktijken/klushuizen-spoorbuurt.md) · Gemeente Lindeveen · "
    )
    assert badges(line) == [(r, n) for r, n in counted(document.document.meta["resultaten"])]


# --- a praktijk's results in a list: all of them, or per effect
# --------------------------------------------------


def badges(markdown: str) -> list[tuple[str, str]]:
    """(direction, text) of every badge, in order."""
    found = re.findall(r'<span class="wwidw-badge wwidw-([^"]+)">([^<]*)</span>', markdown)
    return [(html.unescape(r), html.unescape(t)) for r, t in found]


def counted(raw_results: list[dict]) -> list[tuple[str, str]]:
    """The badges of a summary, from the front matter: '2 werkt' per direction that occurs."""
    counts = {r: sum(x["richting"] == r for x in raw_results) for r in RICHTING}
    return [(r, f"{n} {RICHTING[r].lower()}") for r, n in counts.items() if n]


def strip(raw_results: list[dict]) -> list[dict]:
    """Front-matter results as {effect, richting} only."""
    return [{"effect": x["effect"], "richting": x["richting"]} for x in raw_results]


def text_of(markdown: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markdown))


def test_a_summary_counts_all_results_and_never_shows_one_for_all(content):
    selection = select(content, Audience("openbaar"))
    for document in selection.by_kind("praktijk"):
        line = summary_line(selection, document, 1)
        raw = document.document.meta.get("resultaten", [])
        assert badges(line) == counted(raw), document.id
        assert text_of(line).endswith(" · " + summary(document.resultaten)), document.id
    bare = changed(selection.find("praktijk", "klushuizen-spoorbuurt"), resultaten=())
    line = summary_line(with_document(selection, bare), bare, 1)
    assert badges(line) == [] and text_of(line).endswith(" · geen resultaten")


def test_on_an_effect_list_a_praktijk_shows_its_result_for_that_effect(content):
    selection = select(content, Audience("openbaar"))
    checked = set()
    for document in selection.by_kind("praktijk"):
        raw = document.document.meta.get("resultaten", [])
        for effect in document.beoogde_effecten:
            line = summary_line(selection, document, 1, (effect,))
            own = [r for r in RICHTING if {"effect": effect, "richting": r} in strip(raw)]
            assert badges(line) == [(r, RICHTING[r]) for r in own], (document.id, effect)
            if not own:
                assert text_of(line).endswith(" · geen resultaat voor dit effect")
            checked.add(bool(own))
    assert checked == {True, False}  # the sample has both


def test_the_loneliness_list_shows_buurtmoestuins_loneliness_result_not_its_first(content):
    selection = select(content, Audience("openbaar"))
    document = selection.find("praktijk", "buurtmoestuin-kanaalweg")
    raw = document.document.meta["resultaten"]
    own = [x["richting"] for x in raw if x["effect"] == "minder-eenzaamheid"]
    assert own and raw[0]["effect"] != "minder-eenzaamheid" and raw[0]["richting"] not in own
    line = summary_line(selection, document, 1, ("minder-eenzaamheid",))
    assert badges(line) == [(r, RICHTING[r]) for r in own]


def test_a_list_about_several_effects_names_each_effect_that_concerns_the_praktijk(content):
    selection = select(content, Audience("openbaar"))
    names = {k: e.naam for k, e in selection.registry.effecten.items()}
    document = changed(
        selection.find("praktijk", "buurtmoestuin-kanaalweg"),
        beoogde_effecten=("minder-eenzaamheid", "meer-groen-in-de-wijk", "meer-zelfbeheer"),
        resultaten=(
            Result(effect="meer-groen-in-de-wijk", richting="werkt"),
            Result(effect="meer-groen-in-de-wijk", richting="gemengd"),
            Result(effect="minder-zwerfafval", richting="averechts"),  # reported, not intended
        ),
    )
    effects = (
        "minder-zwerfafval",
        "minder-eenzaamheid",
        "meer-groen-in-de-wijk",
        "minder-leegstand-winkels",
    )
    line = summary_line(with_document(selection, document), document, 1, effects)
    assert text_of(line).split(" · ", 3)[3] == (
        f"{names['minder-zwerfafval']}: Averechts; {names['minder-eenzaamheid']}: geen resultaat; "
        f"{names['meer-groen-in-de-wijk']}: Werkt · Gemengd"
    )
    none = summary_line(
        selection, document, 1, ("minder-leegstand-winkels", "minder-parkeeroverlast")
    )
    assert text_of(none).endswith(" · geen resultaat voor deze effecten") and not badges(none)


# --- facts panel and contact details
# -----------------------------------------------------------------


def test_praktijk_page_has_the_facts_panel(content, bodies):
    selection = select(content, Audience("openbaar"))
    document = selection.find("praktijk", "klushuizen-spoorbuurt")
    page = praktijk_page(
        selection, document, bodies[("praktijk", document.id)], url_resolver(selection)
    )
    for label in (
        "Organisatie",
        "Gemeente en wijk",
        "Periode",
        "Projectstatus",
        "Thema's",
        "Doelgroepen",
        "Beoogde effecten",
        "Meetontwerp",
        "Bewijsniveau",
        "Bereik",
        "Kosten",
        "Volledigheid",
    ):
        assert re.search(rf"^\| {re.escape(label)} \| .+ \|$", page, re.M), label
    assert "| Organisatie | [Gemeente Lindeveen](../organisaties/gemeente-lindeveen.md) |" in page
    assert page.count('class="wwidw-badge') == len(document.resultaten)


@pytest.mark.parametrize(
    "audience, shown",
    [("openbaar", False), ("partners", True), ("organisatie:gemeente-lindeveen", True)],
)
def test_contact_details_follow_contact_openbaar(content, bodies, audience, shown):
    selection = select(content, Audience(audience))
    document = selection.find("praktijk", "klushuizen-spoorbuurt")
    assert document.contact.openbaar is False
    page = praktijk_page(
        selection, document, bodies[("praktijk", document.id)], url_resolver(selection)
    )
    assert ("| Contact |" in page) is shown
    assert (esc(document.contact.naam) in page) is shown
    assert (esc(document.contact.email) in page) is shown


def test_public_contact_details_are_shown_on_the_open_site(content, bodies):
    selection = select(content, Audience("openbaar"))
    document = selection.find("praktijk", "energiecoaches-zuiderdam")
    assert document.contact.openbaar is True
    page = praktijk_page(
        selection, document, bodies[("praktijk", document.id)], url_resolver(selection)
    )
    assert f"| Contact | {esc(document.contact.naam)} · {esc(document.contact.email)} |" in page


# --- pagination
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "count, sizes",
    [
        (0, [0]),
        (1, [1]),
        (PAGE_SIZE, [PAGE_SIZE]),
        (PAGE_SIZE + 1, [PAGE_SIZE, 1]),
        (2 * PAGE_SIZE + 3, [PAGE_SIZE, PAGE_SIZE, 3]),
    ],
)
def test_paginate(count, sizes):
    chunks = paginate(list(range(count)))
    assert [len(c) for c in chunks] == sizes
    assert [x for c in chunks for x in c] == list(range(count))


def copies(document, count: int) -> list:
    """``count`` copies of a description with their own id and title (as if that many were written)."""
    return [
        dataclasses.replace(document, id=f"kopie-{i:03d}", titel=f"Kopie {i:03d}")
        for i in range(count)
    ]


def test_list_pages_paginate_at_page_size(content):
    selection = select(content, Audience("openbaar"))
    many = copies(selection.find("praktijk", "klushuizen-spoorbuurt"), 2 * PAGE_SIZE + 3)
    selection = dataclasses.replace(selection, visible=selection.visible + tuple(many))
    pages = list_pages(
        selection, "themas", "woningvoorraad", "Woningvoorraad", "", list(reversed(many))
    )
    assert list(pages) == [
        "themas/woningvoorraad.md",
        "themas/woningvoorraad--2.md",
        "themas/woningvoorraad--3.md",
    ]
    first, second, third = pages.values()
    linked = [summary_links(p) for p in pages.values()]
    assert [len(ids) for ids in linked] == [PAGE_SIZE, PAGE_SIZE, 3]
    assert [i for ids in linked for i in ids] == [d.id for d in many]  # sorted by title, each once
    for page in pages.values():
        assert f"{len(many)} beschrijving(en)." in page
        assert set(front_matter(page)[0]) == {"title"}
    assert "Pagina 1 van 3: [volgende →](woningvoorraad--2.md)" in first and "vorige" not in first
    assert (
        "Pagina 2 van 3: [← vorige](woningvoorraad.md) · [volgende →](woningvoorraad--3.md)"
        in second
    )
    assert "Pagina 3 van 3: [← vorige](woningvoorraad--2.md)" in third and "volgende" not in third


def test_a_full_page_is_not_split(content):
    selection = select(content, Audience("openbaar"))
    many = copies(selection.find("praktijk", "klushuizen-spoorbuurt"), PAGE_SIZE)
    pages = list_pages(selection, "themas", "jeugd", "Jeugd", "", many)
    assert list(pages) == ["themas/jeugd.md"]
    assert (
        len(summary_links(pages["themas/jeugd.md"])) == PAGE_SIZE
        and "Pagina" not in pages["themas/jeugd.md"]
    )


def test_an_empty_list_still_gets_a_page(content):
    pages = list_pages(select(content, Audience("openbaar")), "themas", "jeugd", "Jeugd", "", [])
    assert list(pages) == ["themas/jeugd.md"] and "0 beschrijving(en)." in pages["themas/jeugd.md"]
