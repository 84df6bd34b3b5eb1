"""Generate stage (wwidw_build.generate): the whole docs tree for one audience, from its selection alone."""

from __future__ import annotations

import dataclasses
import html
import json
import math
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import yaml
from generated_pages import front_matter
from hypothesis import given
from hypothesis import strategies as st

from wwidw_build import urls
from wwidw_build.audience import Audience
from wwidw_build.costs import BANDS, UNKNOWN
from wwidw_build.effect_results import (
    NO_RESULT,
    context_effects,
    directions_for,
    result_for,
    summary,
)
from wwidw_build.generate import generate_pages, slug, write_config, write_tree
from wwidw_build.labels import RICHTING
from wwidw_build.pages import json_ld
from wwidw_build.pages.builders import EFFECT_INTRO, PAGE_SIZE
from wwidw_build.pages.escape import attr, esc
from wwidw_build.pipeline import load_and_validate
from wwidw_build.selection import select

REPO = Path(__file__).resolve().parent.parent
PAYLOAD = "Praktijk <img src=x onerror=alert(1)> {: onclick=x}"
ALLOWED_META = {"title", "description", "soort", "wwidw_jsonld"}  # soort: fixed, from our code
AUDIENCES = ["openbaar", "partners", "organisatie:woonstede-rivierland"]


def linked_ids(page: str) -> list[str]:
    """Ids of descriptions in the summary lines of a list page (depth 1)."""
    return re.findall(
        r"^- \[[^\]]*\]\((?:\.\./)*(?:praktijken|archetypen)/([a-z0-9-]+)/\)", page, re.M
    )


def list_chain(pages: dict[str, str], folder: str, page: str) -> list[str]:
    """The pages of one paginated list, in order: <page>.md, <page>--2.md, ..."""
    chain, number = [], 1
    while (name := f"{folder}/{page if number == 1 else f'{page}--{number}'}.md") in pages:
        chain.append(name)
        number += 1
    return chain


def changed(document, **fields):
    return dataclasses.replace(document, **fields)


# --- the tree
# ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("audience", AUDIENCES)
def test_every_visible_description_gets_a_page_and_no_hidden_one_does(content, bodies, audience):
    selection = select(content, Audience(audience))
    pages = generate_pages(selection, bodies)
    for document in selection.visible:
        page = pages[urls.page_file(document.kind, document.id)]
        assert front_matter(page)[1].splitlines()[0] == f"# {esc(document.titel)}"
    for document in selection.hidden:
        assert urls.page_file(document.kind, document.id) not in pages
        assert not any(f"/{document.id}/)" in page for page in pages.values()), document.id
    for name in (
        "index.md",
        "over.md",
        "archetypen/index.md",
        "themas/index.md",
        "doelgroepen/index.md",
        "effecten/index.md",
        "effectdomeinen/index.md",
        "organisaties/index.md",
        "gemeenten/index.md",
    ):
        assert name in pages


@pytest.mark.parametrize("audience", AUDIENCES)
def test_page_meta_has_only_allow_listed_keys_and_escaped_values(content, bodies, audience):
    selection = select(content, Audience(audience))
    for name, page in generate_pages(selection, bodies).items():
        meta, _ = front_matter(page)
        assert set(meta) <= ALLOWED_META and "title" in meta, name
        for key, value in meta.items():
            # JSON-LD is JSON (quotes), made inert for a script element instead (json_ld.py)
            unsafe = r"[<>&\n]" if key == "wwidw_jsonld" else r"[<>\"\n]"
            assert isinstance(value, str) and not re.search(unsafe, value), (name, value)
    pages = generate_pages(selection, bodies)
    for document in selection.visible:
        meta, _ = front_matter(pages[urls.page_file(document.kind, document.id)])
        assert meta == {
            "title": attr(document.titel),
            "description": attr(document.samenvatting),
            "soort": document.kind,
            "wwidw_jsonld": json_ld.description_json_ld(selection, document),
        }
        assert json.loads(meta["wwidw_jsonld"]) == json_ld.description_data(selection, document)


def test_home_page_counts_what_the_audience_sees(content, bodies):
    for audience in AUDIENCES:
        selection = select(content, Audience(audience))
        home = generate_pages(selection, bodies)["index.md"]
        praktijken, archetypen = (
            len(selection.by_kind("praktijk")),
            len(selection.by_kind("archetype")),
        )
        assert (
            f"Deze kennisbank bevat **{praktijken} praktijken** en **{archetypen} archetypen**."
            in home
        )


def test_home_and_index_pages_link_only_to_themes_with_descriptions(content, bodies):
    selection = select(content, Audience("openbaar"))
    pages = generate_pages(selection, bodies)
    counts = Counter(t for d in selection.visible for t in d.themas)
    empty = [k for k in selection.registry.themas if not counts[k]]
    single = [k for k in selection.registry.themas if counts[k] == 1]
    assert empty and single  # the sample content has both
    for page in (pages["index.md"], pages["themas/index.md"]):
        for key in empty:
            name = esc(selection.registry.themas[key].naam)
            assert f"- {name} (nog geen beschrijvingen)" in page
            assert not re.search(rf"\((?:themas/)?{key}/\)", page), key  # not linked
        for key in single:
            name = re.escape(esc(selection.registry.themas[key].naam))
            assert re.search(
                rf"^- \[{name}\]\((?:themas/)?{key}/\) \(1 beschrijving\)$", page, re.M
            )
        assert "(0)" not in page and "(en)" not in page


def test_the_home_pages_newest_list_shows_costs_with_their_unit(content, bodies):
    home = html.unescape(generate_pages(select(content, Audience("openbaar")), bodies)["index.md"])
    newest = home.split("## Nieuwste praktijken", 1)[1].split("##", 1)[0]
    assert "€ 30.000 per woning" in newest and "€ 292 per huishouden" in newest


def test_the_about_page_shows_visibility_labels_without_keys_and_the_cost_bands(content, bodies):
    about = html.unescape(generate_pages(select(content, Audience("openbaar")), bodies)["over.md"])
    assert "- **Openbaar**\n" in about and "(`openbaar`)" not in about and "(openbaar)" not in about
    assert "## Kosten" in about
    for _, _, label in BANDS:
        assert f"| {label} |" in about
    assert "per woning" in about and f"**{UNKNOWN}**" in about


def test_archetype_page_has_the_generated_practice_section(content, bodies):
    selection = select(content, Audience("organisatie:woonstede-rivierland"))
    page = generate_pages(selection, bodies)["archetypen/klushuizen.md"]
    examples = [d for d in selection.by_kind("praktijk") if d.archetype == "klushuizen"]
    assert (
        len(examples) >= 2
    )  # klushuizen-spoorbuurt (openbaar) and klushuizen-kanaalzone (own organisation)
    section = page.split("## Praktijkvoorbeelden", 1)[1]
    assert "| Effect | " + " | ".join(RICHTING.values()) + " |" in section
    assert sorted(linked_ids(section)) == sorted(d.id for d in examples)
    archetype = selection.find("archetype", "klushuizen")
    total = 0
    for effect in archetype.beoogde_effecten:
        counts = Counter(r.richting for d in examples for r in d.resultaten if r.effect == effect)
        row = re.search(
            rf"^\| \[[^\]]*\]\(\.\./\.\./effecten/{effect}/\) \| (.*) \|$", section, re.M
        )
        assert row, effect
        cells = [int(c) for c in row.group(1).split(" | ")]
        assert cells == [counts.get(r, 0) for r in RICHTING]
        total += sum(cells)
    assert total > 0


# --- a praktijk's results on the list pages
# ------------------------------------------------------------------


def praktijk_lines(page: str) -> dict[str, str]:
    """{praktijk id: the text after its link} of the summary lines of a generated list page."""
    lines = re.findall(r"^- \[[^\]]*\]\((?:\.\./)*praktijken/([a-z0-9-]+)/\) · (.*)$", page, re.M)
    return {doc_id: html.unescape(re.sub(r"<[^>]+>", "", rest)) for doc_id, rest in lines}


def named_results(selection, document, effects) -> str:
    """What a list about several effects says of a praktijk: each effect that concerns it, by name."""
    names = selection.registry.effecten
    shown = [
        f"{names[e].naam}: {result_for(document, e) if directions_for(document, e) else NO_RESULT}"
        for e in context_effects(document, effects)
    ]
    return "; ".join(shown) or f"{NO_RESULT} voor deze effecten"


@pytest.mark.parametrize("audience", AUDIENCES)
def test_lists_about_effects_show_results_for_those_effects_and_other_lists_all_results(
    content, bodies, audience
):
    selection = select(content, Audience(audience))
    pages = generate_pages(selection, bodies)
    praktijken = {d.id: d for d in selection.by_kind("praktijk")}
    seen = Counter()
    for effect in selection.registry.effecten:
        chain = list_chain(pages, "effecten", effect)
        assert chain, effect
        for name in chain:
            lines = praktijk_lines(pages[name])
            assert not lines or EFFECT_INTRO in pages[name]
            for doc_id, text in lines.items():
                assert text.endswith(" · " + result_for(praktijken[doc_id], effect)), (name, doc_id)
                seen["effect"] += 1
    for domain in selection.registry.domeinen.values():
        effects = tuple(e.id for e in domain.effecten)
        for name in list_chain(pages, "effectdomeinen", domain.id):
            for doc_id, text in praktijk_lines(pages[name]).items():
                document = praktijken[doc_id]
                expected = (
                    result_for(document, effects[0])
                    if len(effects) == 1
                    else named_results(selection, document, effects)
                )
                assert text.endswith(" · " + expected), (name, doc_id)
                seen["domain"] += 1
    for archetype in selection.by_kind("archetype"):
        section = pages[f"archetypen/{archetype.id}.md"].split("## Praktijkvoorbeelden", 1)[1]
        for doc_id, text in praktijk_lines(section).items():
            expected = named_results(selection, praktijken[doc_id], archetype.beoogde_effecten)
            assert text.endswith(" · " + expected), (archetype.id, doc_id)
            seen["archetype"] += 1
    summaries = [
        name
        for name in pages
        if name == "index.md"
        or name.split("/")[0] in ("themas", "doelgroepen", "organisaties", "gemeenten")
    ]
    for name in summaries:
        for doc_id, text in praktijk_lines(pages[name]).items():
            assert text.endswith(" · " + summary(praktijken[doc_id].resultaten)), (name, doc_id)
            seen["summary"] += 1
    assert set(seen) == {"effect", "domain", "archetype", "summary"}, seen


# --- pagination in the generated tree
# ----------------------------------------------------------------


def test_list_pages_in_the_tree_paginate_at_page_size(content, bodies):
    """Taxonomy, organisation and municipality lists split over pages of PAGE_SIZE when they grow."""
    selection = select(content, Audience("openbaar"))
    source = selection.find("praktijk", "klushuizen-spoorbuurt")
    extra = [
        dataclasses.replace(source, id=f"kopie-{i:03d}", titel=f"Kopie {i:03d}")
        for i in range(2 * PAGE_SIZE + 7)
    ]
    selection = dataclasses.replace(selection, visible=selection.visible + tuple(extra))
    many_bodies = {**bodies, **{("praktijk", d.id): bodies[("praktijk", source.id)] for d in extra}}
    pages = generate_pages(selection, many_bodies)

    lists = [("themas", t, "themas") for t in source.themas]
    lists += [("doelgroepen", t, "doelgroepen") for t in source.doelgroepen]
    lists += [("effecten", e, "beoogde_effecten") for e in source.beoogde_effecten]
    lists += [
        ("organisaties", source.organisatie, "organisatie"),
        ("gemeenten", slug(source.gemeente), "gemeente"),
    ]
    for folder, key, field in lists:
        value = getattr(source, field) if field in ("organisatie", "gemeente") else key
        expected = [
            d.id
            for d in selection.visible
            if (
                value in getattr(d, field, ())
                if isinstance(getattr(d, field, None), tuple)
                else getattr(d, field, None) == value
            )
        ]
        chain = list_chain(pages, folder, key)
        assert len(expected) > 2 * PAGE_SIZE
        assert len(chain) == math.ceil(len(expected) / PAGE_SIZE), (folder, key)
        per_page = [linked_ids(pages[name]) for name in chain]
        assert all(len(ids) <= PAGE_SIZE for ids in per_page)
        assert sorted(i for ids in per_page for i in ids) == sorted(expected), (folder, key)
        index = pages[f"{folder}/index.md"]
        assert (
            f"]({key}/) ({len(expected)} beschrijvingen)" in index
        )  # the index counts all, links the first page
    # The archetype list and the home page are not affected by many praktijken.
    assert list_chain(pages, "archetypen", "index") == ["archetypen/index.md"]
    newest = pages["index.md"].split("## Nieuwste praktijken", 1)[1].split("##", 1)[0]
    assert len(re.findall(r"^- \[", newest, re.M)) == 10


# --- escaping through the whole tree
# -----------------------------------------------------------------


def test_a_hostile_title_and_municipality_are_escaped_on_every_page(content, bodies):
    selection = select(content, Audience("openbaar"))
    original = selection.find("praktijk", "klushuizen-spoorbuurt")
    hostile_place = "Lindeveen <b onclick=x>{: .groot}"
    document = changed(
        original, titel=PAYLOAD, gemeente=hostile_place, laatst_bijgewerkt=date(2999, 1, 1)
    )
    selection = dataclasses.replace(
        selection, visible=tuple(document if d is original else d for d in selection.visible)
    )
    pages = generate_pages(selection, bodies)

    own = pages["praktijken/klushuizen-spoorbuurt.md"]
    meta, rest = front_matter(own)
    assert meta["title"] == html.escape(PAYLOAD)
    assert rest.splitlines()[0] == f"# {esc(PAYLOAD)}"
    # Linked (escaped) from its theme, target group, effect, organisation, municipality and
    # archetype pages, the effect domains and the home page's newest list.
    link_text = f"[{esc(PAYLOAD)}](../../praktijken/klushuizen-spoorbuurt/)"
    place = slug(hostile_place)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", place)
    for name in (
        f"themas/{original.themas[0]}.md",
        f"doelgroepen/{original.doelgroepen[0]}.md",
        f"effecten/{original.beoogde_effecten[0]}.md",
        "organisaties/gemeente-lindeveen.md",
        f"gemeenten/{place}.md",
        "archetypen/klushuizen.md",
    ):
        assert link_text in pages[name], name
    assert f"[{esc(PAYLOAD)}](praktijken/klushuizen-spoorbuurt/)" in pages["index.md"]
    place_meta, place_rest = front_matter(pages[f"gemeenten/{place}.md"])
    assert place_meta == {"title": html.escape(hostile_place)}
    assert place_rest.splitlines()[0] == f"# {esc(hostile_place)}"
    assert f"[{esc(hostile_place)}]({place}/)" in pages["gemeenten/index.md"]
    for name, page in pages.items():
        assert "<img" not in page and "<b " not in page, name
        assert "{:" not in front_matter(page)[1], name


# --- slug
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Lindeveen", "lindeveen"),
        ("Den Haag", "den-haag"),
        ("Zuiderdam-West", "zuiderdam-west"),
        ("'s-Hertogenbosch", "s-hertogenbosch"),
        ("  Bergen (NH)  ", "bergen-nh"),
        ("Alphen a/d Rijn", "alphen-a-d-rijn"),
        ("Súdwest-Fryslân", "s-dwest-frysl-n"),
        ("2024", "2024"),
        ("", "onbekend"),
        ("---", "onbekend"),
        ("Ærø", "r"),
    ],
)
def test_slug(text, expected):
    assert slug(text) == expected


@given(st.text())
def test_slug_is_always_a_safe_file_name(text):
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug(text))


def test_every_praktijk_is_on_its_municipality_page_even_when_slugs_collide(content, bodies):
    selection = select(content, Audience("openbaar"))
    first, second = selection.by_kind("praktijk")[:2]
    spelled = {first.id: "'s-Hertogenbosch", second.id: "s-Hertogenbosch"}
    visible = tuple(
        changed(d, gemeente=spelled[d.id]) if d.id in spelled else d for d in selection.visible
    )
    pages = generate_pages(dataclasses.replace(selection, visible=visible), bodies)
    listed = {
        i for name, page in pages.items() if name.startswith("gemeenten/") for i in linked_ids(page)
    }
    assert {first.id, second.id} <= listed


@pytest.mark.parametrize("folder", ["praktijken", "archetypen"])
def test_the_id_index_is_reserved_for_list_pages(content_copy, folder):
    """archetypen/index.md is the archetype list, so no description may take the id 'index'."""
    source = next((content_copy / folder).glob("*.md"))
    (content_copy / folder / "index.md").write_text(
        source.read_text(encoding="utf-8"), encoding="utf-8"
    )
    diagnostics = load_and_validate(content_copy)[1]
    assert [(d.file, d.code) for d in diagnostics if d.is_error] == [
        (f"content/{folder}/index.md", "id-gereserveerd")
    ]


# --- writing the tree and the config
# -----------------------------------------------------------------


def test_write_tree_and_config(tmp_path, content, bodies):
    selection = select(content, Audience("organisatie:platform31"))
    pages = generate_pages(selection, bodies)
    docs, config = tmp_path / "docs", tmp_path / "mkdocs.yml"
    write_tree(pages, docs)
    write_config(selection, docs, config)
    written = {
        p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.rglob("*.md")
    }
    assert written == pages
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    # The packaged base config and theme (wwidw_build.resources): in this editable install, the
    # repository's own files. tests/test_package.py checks an installed wheel.
    assert data["INHERIT"] == str(REPO / "wwidw_build" / "mkdocs.yml")
    assert data["docs_dir"] == str(docs)
    assert data["theme"] == {"name": "material", "custom_dir": str(REPO / "theme")}
    # The one audience-specific value that reaches the HTML through the config is the site marker
    # (pages are reused only across audiences with the same marker).
    assert data["extra"] == {
        "wwidw_kenmerk": "Alleen voor medewerkers van Platform31 — niet doorsturen"
    }
    assert "site_name" not in data
    public = select(content, Audience("openbaar"))
    write_config(public, docs, config)
    assert "extra" not in yaml.safe_load(config.read_text(encoding="utf-8"))
    for entry in data["nav"]:
        assert list(entry.values())[0] in pages


def test_an_archetype_with_many_examples_links_to_a_paginated_list(content, bodies):
    """At scale an archetype has thousands of examples: its own page lists a few, list pages the rest."""
    selection = select(content, Audience("openbaar"))
    source = next(d for d in selection.by_kind("praktijk") if d.archetype == "klushuizen")
    copies = tuple(
        dataclasses.replace(source, id=f"klus-{i:03d}", titel=f"Klus {i:03d}") for i in range(120)
    )
    pages = generate_pages(
        dataclasses.replace(selection, visible=selection.visible + copies),
        {**bodies, **{("praktijk", d.id): bodies[("praktijk", source.id)] for d in copies}},
    )
    archetype = pages["archetypen/klushuizen.md"]
    assert len(linked_ids(archetype)) <= 10 and "praktijkvoorbeelden/klushuizen/" in archetype
    listed = {
        i
        for name, page in pages.items()
        if name.startswith("praktijkvoorbeelden/")
        for i in linked_ids(page)
    }
    assert {d.id for d in copies} <= listed
