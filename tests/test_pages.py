"""Page builders (wwidw_build.pages.builders): Markdown per page, from one audience's selection of the real content.

Contributor text must arrive escaped: as HTML entities in Markdown (``esc``) and HTML-escaped in the
page meta (``attr``), which mkdocs reads as YAML and Material prints into <title> and
<meta name="description"> without escaping it again.
"""

from __future__ import annotations

import dataclasses
import datetime
import html
import json
import re

import pytest
from generated_pages import front_matter

from wwidw_build.audience import Audience
from wwidw_build.effect_results import summary
from wwidw_build.generate import url_resolver
from wwidw_build.labels import RICHTING
from wwidw_build.pages.builders import (
    EXAMPLES_ON_PAGE,
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
from wwidw_build.pages.evidence_view import effect_size_text, follow_up_text
from wwidw_build.records import Component, Cost, EffectSize, FollowUp, Result
from wwidw_build.selection import Selection, select

PAYLOAD = "Praktijk <img src=x onerror=alert(1)> {: onclick=x}"
ALLOWED_META = {
    "title",
    "description",
    "soort",
    "wwidw_jsonld",
}  # soort: a fixed value from our code


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
    ld = meta.pop("wwidw_jsonld")
    assert meta == {
        "title": html.escape(PAYLOAD),
        "description": html.escape(PAYLOAD + " samenvatting"),
        "soort": "praktijk",
    }
    assert json.loads(ld)["name"] == PAYLOAD  # inert JSON (json_ld.py, tests/test_json_ld.py)
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


def test_a_summary_line_shows_the_cost_with_its_unit(content):
    selection = select(content, Audience("openbaar"))
    houses = selection.find("praktijk", "klushuizen-spoorbuurt")  # bereik_eenheid: woningen
    assert " · € 30.000 per woning · " in html.unescape(summary_line(selection, houses, 1))
    people = changed(houses, bereik_eenheid=None, kosten=Cost(per_deelnemer_eur=12.5))
    assert " · € 12,50 per deelnemer · " in html.unescape(summary_line(selection, people, 1))
    assert " per " not in summary_line(selection, changed(houses, kosten=None), 1)


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
    assert text_of(line).split(" · ", 4)[4] == (
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
    # The contact person's name may still appear as an author (auteurs), never as the contact.
    assert (f"| Contact | {esc(document.contact.naam)}" in page) is shown
    assert (esc(document.contact.email) in page) is shown


def test_public_contact_details_are_shown_on_the_open_site(content, bodies):
    selection = select(content, Audience("openbaar"))
    document = selection.find("praktijk", "energiecoaches-zuiderdam")
    assert document.contact.openbaar is True
    page = praktijk_page(
        selection, document, bodies[("praktijk", document.id)], url_resolver(selection)
    )
    email = esc(document.contact.email)
    assert (
        f'| Contact | {esc(document.contact.naam)} · <a href="mailto:{email}">{email}</a> |' in page
    )


def facts_row(page: str, label: str) -> str:
    """The value cell of a facts table row."""
    match = re.search(rf"^\| {re.escape(label)} \| (.+) \|$", page, re.M)
    assert match, label
    return match.group(1)


def test_the_facts_table_has_a_visible_header_and_names_units_and_euros(content, bodies):
    selection = select(content, Audience("openbaar"))
    document = selection.find("praktijk", "klushuizen-spoorbuurt")
    page = praktijk_page(
        selection, document, bodies[("praktijk", document.id)], url_resolver(selection)
    )
    header = page.split("| --- | --- |", 1)[0].rstrip().splitlines()[-1]
    # A header a reader sees (not only a screen reader): no row that looks empty.
    assert re.sub(r"<[^>]+>", "", header) == "| Kenmerk | Gegevens |" and "wwidw-sr" not in header
    assert facts_row(page, "Bereik") == "46 woningen"
    assert facts_row(page, "Kosten").startswith(
        esc("€ 1.380.000 totaal; € 30.000 per woning; financiering:")
    )


def test_measurements_and_follow_ups_have_a_decimal_comma(content, bodies):
    selection = select(content, Audience("openbaar"))
    original = selection.find("praktijk", "klushuizen-spoorbuurt")
    first = dataclasses.replace(
        original.resultaten[0],
        nulmeting=2.6,
        eindmeting=1234.5,
        nameting=FollowUp(gepland="2025-03", waarde=5.9),
    )
    document = changed(original, resultaten=(first, *original.resultaten[1:]))
    page = praktijk_page(
        with_document(selection, document),
        document,
        bodies[("praktijk", document.id)],
        url_resolver(selection),
    )
    page = html.unescape(page)
    row = result_rows(page, "Resultaten per effect")[0]
    assert row[-2:] == ["2,6", "1.234,5"]
    assert "Nameting (maart 2025): 5,9" in row[2] and "2.6" not in page


def test_praktijk_page_shows_partners_authors_and_last_update(content, bodies):
    selection = select(content, Audience("openbaar"))
    document = changed(
        selection.find("praktijk", "klushuizen-spoorbuurt"),
        partners=("havenstad-wonen", "Buurtvereniging <Spoor> & co"),
        auteurs=("Ingrid van Wamel", "Jan <b>de</b> Vries"),
        laatst_bijgewerkt=datetime.date(2026, 3, 5),
    )
    selection = with_document(selection, document)
    page = praktijk_page(
        selection, document, bodies[("praktijk", document.id)], url_resolver(selection)
    )
    havenstad = selection.registry.organisaties["havenstad-wonen"].naam
    assert facts_row(page, "Partners") == (
        f"[{esc(havenstad)}](../organisaties/havenstad-wonen.md), "
        f"{esc('Buurtvereniging <Spoor> & co')}"
    )
    assert facts_row(page, "Auteurs") == f"Ingrid van Wamel, {esc('Jan <b>de</b> Vries')}"
    assert facts_row(page, "Laatst bijgewerkt") == "5 maart 2026"
    bare = changed(document, partners=(), auteurs=(), laatst_bijgewerkt=None)
    page = praktijk_page(
        with_document(selection, bare), bare, bodies[("praktijk", bare.id)], url_resolver(selection)
    )
    assert [facts_row(page, label) for label in ("Partners", "Auteurs", "Laatst bijgewerkt")] == [
        "—"
    ] * 3


def test_a_hostile_contact_address_is_escaped_in_its_mailto_link(content, bodies):
    selection = select(content, Audience("partners"))
    document = selection.find("praktijk", "klushuizen-spoorbuurt")
    hostile = 'a@b.example" onclick="alert(1)|x'
    document = changed(document, contact=dataclasses.replace(document.contact, email=hostile))
    page = praktijk_page(
        with_document(selection, document),
        document,
        bodies[("praktijk", document.id)],
        url_resolver(selection),
    )
    cell = facts_row(page, "Contact")
    assert cell.endswith(f'<a href="mailto:{esc(hostile)}">{esc(hostile)}</a>')
    assert '"' not in esc(hostile) and "|" not in esc(hostile)


def result_rows(page: str, heading: str) -> list[list[str]]:
    """The cells of each body row of the table under ``heading``."""
    section = page.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    return [[c.strip() for c in row.strip("|").split(" | ")] for row in rows[2:]]


def test_a_result_and_its_explanation_share_one_row(content, bodies):
    selection = select(content, Audience("openbaar"))
    document = selection.find("praktijk", "klushuizen-spoorbuurt")
    first = dataclasses.replace(
        document.resultaten[0],
        toelichting="Uitleg <i>bij</i> | het eerste effect",
        effectgrootte=EffectSize(maat="cohens_d", waarde=0.4),
        nameting=FollowUp(gepland="2025-06", waarde="7,5"),
    )
    second = dataclasses.replace(
        document.resultaten[1], toelichting=None, effectgrootte=None, nameting=None
    )
    document = changed(document, resultaten=(first, second, *document.resultaten[2:]))
    page = praktijk_page(
        with_document(selection, document),
        document,
        bodies[("praktijk", document.id)],
        url_resolver(selection),
    )
    section = page.split("## Resultaten per effect\n", 1)[1]
    header = next(line for line in section.split("\n") if line.startswith("| "))
    assert header.startswith(
        "| Effect | Resultaat | Toelichting |"
    )  # on a phone, next to the effect
    rows = result_rows(page, "Resultaten per effect")
    assert len(rows) == len(document.resultaten) and all(len(r) == 6 for r in rows)
    assert rows[0][2] == "<br>".join(
        [
            esc("Uitleg <i>bij</i> | het eerste effect"),
            effect_size_text(first.effectgrootte),
            follow_up_text(first.nameting, datetime.date.today()),
        ]
    )
    assert rows[1][2] == "—"
    # No loose notes below the table any more.
    section = page.split("## Resultaten per effect\n", 1)[1].split("\n## ", 1)[0]
    assert not re.search(r"^- ", section, re.M)


def test_an_unintended_effect_and_its_explanation_share_one_row(content, bodies):
    selection = select(content, Audience("openbaar"))
    document = selection.find("praktijk", "klushuizen-spoorbuurt")
    unintended = Result(
        effect="minder-verloedering", richting="averechts", toelichting="Zo <ging> het"
    )
    document = changed(document, niet_beoogde_effecten=(unintended,))
    page = praktijk_page(
        with_document(selection, document),
        document,
        bodies[("praktijk", document.id)],
        url_resolver(selection),
    )
    (row,) = result_rows(page, "Niet-beoogde effecten")
    assert row[2] == esc("Zo <ging> het")


def test_archetype_page_shows_experts_date_target_groups_and_cost(content, bodies):
    selection = select(content, Audience("openbaar"))
    document = changed(
        selection.find("archetype", "klushuizen"),
        auteurs=("Dr. A. <Expert>",),
        laatst_herzien=datetime.date(2025, 11, 30),
        doelgroepen=("ouderen",),
        kostenindicatie="€ 500 per huishouden <script>",
    )
    page = archetype_page(
        with_document(selection, document),
        document,
        bodies[("archetype", document.id)],
        url_resolver(selection),
    )
    ouderen = selection.registry.doelgroepen["ouderen"].naam
    assert f"**Doelgroepen:** [{esc(ouderen)}](../doelgroepen/ouderen.md)" in page
    assert f"**Kostenindicatie:** {esc('€ 500 per huishouden <script>')}" in page
    assert f"**Auteurs (experts):** {esc('Dr. A. <Expert>')}" in page
    assert "**Laatst herzien:** 30 november 2025" in page
    assert "<script>" not in page


def cost_rows(page: str) -> list[list[str]]:
    """The rows of the 'Kosten van de praktijkvoorbeelden' table (its cells)."""
    lines = page.split("| Praktijk | Kosten | Bereik |\n| --- | --- | --- |\n", 1)[1].splitlines()
    rows = []
    for line in lines:
        if not line.startswith("| "):
            break
        rows.append([c.strip() for c in line.strip("|").split(" | ")])
    return rows


def test_an_archetype_page_sets_the_costs_of_its_visible_practices_side_by_side(content, bodies):
    archetype_of = {}
    for audience in ("openbaar", "organisatie:woonstede-rivierland"):
        selection = select(content, Audience(audience))
        archetype = selection.find("archetype", "klushuizen")
        page = archetype_page(
            selection, archetype, bodies[("archetype", "klushuizen")], url_resolver(selection)
        )
        assert f"**Kostenindicatie:** {esc(archetype.kostenindicatie)}" in page
        archetype_of[audience] = cost_rows(html.unescape(page))
    public = archetype_of["openbaar"]
    assert public == [
        [
            "[Klushuizen in de Spoorbuurt](../praktijken/klushuizen-spoorbuurt.md)",
            "€ 30.000 per woning",
            "46 woningen",
        ]
    ]
    # The organisation's own praktijk is on its own site only, never on the public page.
    own = archetype_of["organisatie:woonstede-rivierland"]
    assert len(own) > len(public) and any("klushuizen-kanaalzone" in row[0] for row in own)


def test_archetype_costs_are_grouped_by_unit_cheapest_first(content, bodies):
    selection = select(content, Audience("openbaar"))
    houses = selection.find("praktijk", "klushuizen-spoorbuurt")
    people = changed(houses, bereik_eenheid="mensen")
    extra = [
        changed(people, id="duur", titel="A", kosten=Cost(per_deelnemer_eur=900)),
        changed(people, id="goedkoop", titel="B", kosten=Cost(per_deelnemer_eur=90)),
        changed(houses, id="zonder-kosten", titel="C", kosten=None),
    ]
    selection = dataclasses.replace(selection, visible=selection.visible + tuple(extra))
    archetype = selection.find("archetype", "klushuizen")
    page = archetype_page(
        selection, archetype, bodies[("archetype", "klushuizen")], url_resolver(selection)
    )
    rows = cost_rows(html.unescape(page))
    assert [row[1] for row in rows] == [
        "€ 90 per deelnemer",
        "€ 900 per deelnemer",
        "€ 30.000 per woning",
    ]
    assert (
        "Van 1 praktijkvoorbeeld zijn geen kosten per deelnemer, huishouden of woning bekend."
        in page
    )


def test_archetype_costs_of_a_partial_list_say_they_are_of_the_listed_ones(content, bodies):
    selection = select(content, Audience("openbaar"))
    houses = selection.find("praktijk", "klushuizen-spoorbuurt")
    extra = [
        changed(houses, id=f"zonder-kosten-{n:02}", titel=f"Zonder kosten {n:02}", kosten=None)
        for n in range(EXAMPLES_ON_PAGE + 5)
    ]
    selection = dataclasses.replace(selection, visible=selection.visible + tuple(extra))
    archetype = selection.find("archetype", "klushuizen")
    total = sum(1 for d in selection.by_kind("praktijk") if d.archetype == "klushuizen")
    assert total > EXAMPLES_ON_PAGE
    page = html.unescape(
        archetype_page(
            selection, archetype, bodies[("archetype", "klushuizen")], url_resolver(selection)
        )
    )
    assert cost_rows(page)[0][1] == "€ 30.000 per woning"
    assert (
        f"Dit zijn de kosten van de {EXAMPLES_ON_PAGE} praktijkvoorbeelden hierboven, "
        f"van {total} in totaal." in page
    )
    unknown = EXAMPLES_ON_PAGE - len(cost_rows(page))
    assert (
        f"Van {unknown} praktijkvoorbeelden hierboven zijn geen kosten per deelnemer, huishouden "
        "of woning bekend." in page
    )


def test_archetype_result_counts_are_written_the_dutch_way(content, bodies):
    selection = select(content, Audience("openbaar"))
    source = selection.find("praktijk", "klushuizen-spoorbuurt")
    extra = tuple(changed(source, id=f"kopie-{n}") for n in range(1_000))
    selection = dataclasses.replace(selection, visible=selection.visible + extra)
    archetype = selection.find("archetype", "klushuizen")
    page = archetype_page(
        selection, archetype, bodies[("archetype", "klushuizen")], url_resolver(selection)
    )
    effect = source.resultaten[0].effect
    rows = [line for line in page.splitlines() if line.startswith("| ") and f"/{effect}.md" in line]
    assert rows and re.search(r"\| 1\.0\d\d \|", rows[0]), rows


def test_related_archetypes_link_only_to_visible_ones(content, bodies):
    hidden = select(content, Audience("partners")).find("archetype", "wijkconcierge")
    for audience, shown in (("openbaar", False), ("partners", True)):
        selection = select(content, Audience(audience))
        document = changed(
            selection.find("archetype", "klushuizen"),
            verwante_archetypen=("wijkconcierge", "buurtbemiddeling"),
        )
        page = archetype_page(
            with_document(selection, document),
            document,
            bodies[("archetype", document.id)],
            url_resolver(selection),
        )
        related = page.split("## Verwante archetypen\n", 1)[1].split("\n## ", 1)[0]
        assert "[Buurtbemiddeling](../archetypen/buurtbemiddeling.md)" in related
        assert ("wijkconcierge" in page) is shown
        assert (esc(hidden.titel) in page) is shown
        assert ("niet zichtbaar" in related) is not shown
    assert hidden.zichtbaarheid != "openbaar"


@pytest.mark.parametrize(
    "audience, doc_id, label",
    [
        ("partners", "klushuizen-spoorbuurt", "Openbaar"),
        ("partners", "wijkconcierge", "Alleen partners"),
        ("organisatie:havenstad-wonen", "wijkconcierge", "Alleen partners"),
    ],
)
def test_a_description_page_on_a_protected_site_shows_its_own_visibility(
    content, bodies, audience, doc_id, label
):
    selection = select(content, Audience(audience))
    document = next(d for d in selection.visible if d.id == doc_id)
    build = praktijk_page if document.kind == "praktijk" else archetype_page
    page = build(selection, document, bodies[(document.kind, doc_id)], url_resolver(selection))
    assert (
        f'<p class="wwidw-zichtbaarheid wwidw-zichtbaarheid-{document.zichtbaarheid}" '
        f"data-pagefind-ignore>Zichtbaarheid: <strong>{label}</strong></p>"
    ) in page
    assert page.count("wwidw-zichtbaarheid-") == 1


def test_an_own_organisation_description_shows_alleen_eigen_organisatie(content, bodies):
    owner = next(d for d in content.documents if d.zichtbaarheid == "organisatie").organisatie
    selection = select(content, Audience(f"organisatie:{owner}"))
    own = next(d for d in selection.visible if d.zichtbaarheid == "organisatie")
    page = praktijk_page(selection, own, bodies[(own.kind, own.id)], url_resolver(selection))
    assert "Zichtbaarheid: <strong>Alleen eigen organisatie</strong>" in page


def test_the_public_site_shows_no_visibility_badge(content, bodies):
    """Everything there is public: a badge would say nothing (the partners' page of the same
    description has one)."""
    for audience, shown in (("partners", True), ("openbaar", False)):
        selection = select(content, Audience(audience))
        for document in select(content, Audience("openbaar")).visible:
            build = praktijk_page if document.kind == "praktijk" else archetype_page
            page = build(
                selection, document, bodies[(document.kind, document.id)], url_resolver(selection)
            )
            assert ("Zichtbaarheid: <strong>Openbaar</strong>" in page) is shown
            assert ("wwidw-zichtbaarheid" in page) is shown


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
        assert f"{len(many)} beschrijvingen." in page
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
    assert list(pages) == ["themas/jeugd.md"] and "0 beschrijvingen." in pages["themas/jeugd.md"]


def test_a_list_of_one_says_beschrijving_in_the_singular(content):
    one = [select(content, Audience("openbaar")).find("praktijk", "klushuizen-spoorbuurt")]
    page = list_pages(select(content, Audience("openbaar")), "themas", "jeugd", "Jeugd", "", one)
    assert "1 beschrijving." in page["themas/jeugd.md"] and "(en)" not in page["themas/jeugd.md"]
