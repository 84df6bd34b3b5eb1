"""Evidence pictures (wwidw_build.pages.evidence_svg): the numbers of the bars are the results the
audience sees, the text alternative says exactly what the bars show, and every text is escaped."""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET

import pytest

from wwidw_build.audience import Audience
from wwidw_build.effect_results import direction_counts
from wwidw_build.generate import generate_pages
from wwidw_build.labels import RICHTING
from wwidw_build.pages import evidence_svg
from wwidw_build.pages.evidence_svg import (
    BAR_WIDTH,
    Bar,
    archetype_figure,
    effect_figure,
    figure,
    praktijk_figure,
)
from wwidw_build.records import Result
from wwidw_build.selection import select

SVG = "{http://www.w3.org/2000/svg}"
PAYLOAD = 'Minder <script>alert(1)</script> "overlast" & <img src=x onerror=alert(2)>'


@dataclasses.dataclass
class Picture:
    title: str
    desc: str
    rows: list[tuple[str, list[tuple[str, float]], str]]  # name, [(richting, width)], counts text


def parse(html_figure: str) -> Picture:
    """The SVG of a figure read back: its title and description, and per row what it draws."""
    svg = re.search(r"<svg.*?</svg>", html_figure, re.S).group()
    root = ET.fromstring(svg)  # well-formed XML, its entities decoded
    rows = []
    groups = root.findall(f"{SVG}g")
    for group in groups[1:]:  # the first group is the legend
        texts = [t.text for t in group.findall(f"{SVG}text")]
        segments = [
            (r.get("class").removeprefix("wwidw-segment-"), float(r.get("width")))
            for r in group.findall(f"{SVG}rect")
        ]
        rows.append((texts[0], segments, texts[1]))
    return Picture(root.find(f"{SVG}title").text, root.find(f"{SVG}desc").text, rows)


def drawn_counts(picture: Picture) -> dict[str, list[tuple[str, int]]]:
    """Per effect name the (direction, number) the bar lengths stand for: the longest bar is
    BAR_WIDTH long and stands for the total written under it."""
    drawn = [(sum(w for _, w in segments), text) for _, segments, text in picture.rows if segments]
    longest, text = max(drawn)
    assert longest == pytest.approx(BAR_WIDTH)
    unit = BAR_WIDTH / int(re.match(r"(\d+) resulta", text).group(1))
    return {
        name: [(richting, round(width / unit)) for richting, width in segments]
        for name, segments, _ in picture.rows
    }


def words(counts: list[tuple[str, int]]) -> str:
    if not counts:
        return "geen resultaten"
    total = sum(n for _, n in counts)
    head = "1 resultaat" if total == 1 else f"{total} resultaten"
    return head + ": " + " · ".join(f"{n} {RICHTING[r].lower()}" for r, n in counts)


@pytest.fixture(scope="module")
def openbaar(content):
    return select(content, Audience("openbaar"))


def test_the_archetype_picture_counts_the_results_of_its_visible_examples(openbaar):
    archetype = openbaar.find("archetype", "bewonersgroen")
    examples = [p for p in openbaar.by_kind("praktijk") if p.archetype == archetype.id]
    expected = {
        openbaar.registry.effecten[e].naam: direction_counts(
            tuple(r for p in examples for r in p.resultaten if r.effect == e)
        )
        for e in archetype.beoogde_effecten
    }
    picture = parse(archetype_figure(openbaar, archetype))
    assert drawn_counts(picture) == expected
    assert any(expected.values()) and not all(expected.values())  # bars and empty rows
    for name, _, text in picture.rows:
        assert text == words(expected[name])


def test_the_text_alternative_says_what_the_picture_shows(openbaar):
    for figure_html in (
        archetype_figure(openbaar, openbaar.find("archetype", "bewonersgroen")),
        effect_figure(openbaar, "minder-eenzaamheid"),
        praktijk_figure(openbaar, openbaar.find("praktijk", "buurtmoestuin-kanaalweg")),
    ):
        picture = parse(figure_html)
        drawn = drawn_counts(picture)
        assert picture.desc == " ".join(f"{name}: {words(drawn[name])}." for name in drawn)
        assert 'role="img"' in figure_html
        assert 'aria-labelledby="wwidw-bewijs-titel wwidw-bewijs-uitleg"' in figure_html
        assert "data-pagefind-ignore" in figure_html.split(">", 1)[0]


def test_the_effect_picture_counts_every_visible_result_for_the_effect(openbaar):
    effect = "minder-eenzaamheid"
    results = [r for p in openbaar.by_kind("praktijk") for r in p.resultaten if r.effect == effect]
    picture = parse(effect_figure(openbaar, effect))
    assert drawn_counts(picture) == {
        openbaar.registry.effecten[effect].naam: direction_counts(tuple(results))
    }
    assert effect_figure(openbaar, "effect-zonder-resultaten") == ""


def test_a_praktijk_picture_shows_each_of_its_effects_with_its_direction(openbaar):
    praktijk = openbaar.find("praktijk", "buurtmoestuin-kanaalweg")
    picture = parse(praktijk_figure(openbaar, praktijk))
    names = openbaar.registry.effecten
    assert drawn_counts(picture) == {
        names[e].naam: direction_counts(tuple(r for r in praktijk.resultaten if r.effect == e))
        for e in dict.fromkeys(r.effect for r in praktijk.resultaten)
    }
    assert len({r.richting for r in praktijk.resultaten}) >= 3
    assert praktijk_figure(openbaar, dataclasses.replace(praktijk, resultaten=())) == ""


def test_colour_is_not_the_only_carrier():
    """Every direction has its own pattern, and every bar its numbers in words."""
    patterns = [path for _, path in evidence_svg.STYLE.values()]
    assert len(set(patterns)) == len(patterns) == len(RICHTING)
    html_figure = figure("p", "Titel", [Bar("Effect", (("werkt", 2), ("gemengd", 1)))])
    [(name, segments, text)] = parse(html_figure).rows
    assert (name, text) == ("Effect", "3 resultaten: 2 werkt · 1 gemengd")
    assert [r for r, _ in segments] == ["werkt", "gemengd"]
    assert [w for _, w in segments] == pytest.approx([BAR_WIDTH * 2 / 3, BAR_WIDTH / 3], abs=0.01)
    for richting in RICHTING:
        assert f'fill="url(#p-{richting})"' in html_figure


def test_a_hostile_effect_name_is_escaped(openbaar):
    registry = openbaar.registry
    effects = dict(registry.effecten)
    effects["meer-groen-in-de-wijk"] = dataclasses.replace(
        effects["meer-groen-in-de-wijk"], naam=PAYLOAD
    )
    selection = dataclasses.replace(
        openbaar, registry=dataclasses.replace(registry, effecten=effects)
    )
    html_figure = archetype_figure(selection, selection.find("archetype", "bewonersgroen"))
    assert (
        "<script" not in html_figure
        and "<img" not in html_figure
        and '"overlast"' not in html_figure
    )
    picture = parse(html_figure)
    assert picture.rows[0][0] == PAYLOAD  # read back as the text it is
    assert picture.desc.startswith(PAYLOAD + ": ")
    title = figure("p", PAYLOAD, [Bar("x", ())], PAYLOAD)
    assert "<script" not in title and parse(title).title == PAYLOAD


def test_the_picture_has_no_script_and_no_external_reference(openbaar):
    html_figure = archetype_figure(openbaar, openbaar.find("archetype", "bewonersgroen"))
    root = ET.fromstring(re.search(r"<svg.*?</svg>", html_figure, re.S).group())
    assert "<script" not in html_figure and root.find(f".//{SVG}script") is None
    assert not [a for e in root.iter() for a in e.attrib if a.lower().startswith("on")]
    values = [(k, v) for e in root.iter() for k, v in e.attrib.items()]
    assert not [k for k, _ in values if "href" in k or k == "src"]
    references = [v for _, v in values if "url(" in v or "//" in v.replace("http://www.w3.org", "")]
    assert references and all(
        re.fullmatch(r"url\(#wwidw-bewijs-[a-z_]+\)", r) for r in references
    ), references
    assert "\n\n" not in html_figure  # one raw HTML block: Markdown passes it through unchanged


def test_the_pages_carry_the_pictures(content, bodies):
    pages = generate_pages(select(content, Audience("openbaar")), bodies)
    for path in (
        "archetypen/bewonersgroen.md",
        "effecten/minder-eenzaamheid.md",
        "praktijken/buurtmoestuin-kanaalweg.md",
    ):
        assert pages[path].count('<figure class="wwidw-bewijsbeeld"') == 1, path
        assert pages[path].count("<svg") == 1, path
    # the praktijk picture sits under the results heading, before the results table
    page = pages["praktijken/buurtmoestuin-kanaalweg.md"]
    assert page.index("## Resultaten per effect") < page.index("<svg") < page.index("| Effect |")


def test_a_result_outside_the_picture_s_effects_is_not_counted():
    results = [
        Result(effect="a", richting="werkt"),
        Result(effect="b", richting="averechts"),
        Result(effect="a", richting="veelbelovend"),
    ]
    [only] = evidence_svg.bars_for([("a", "A")], results)
    assert only.counts == (("werkt", 1), ("veelbelovend", 1))
