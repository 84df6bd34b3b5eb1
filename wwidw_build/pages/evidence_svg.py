"""Evidence pictures: results per effect by direction as an inline SVG, rendered at build time.

One horizontal stacked bar per effect, a segment per direction (``labels.RICHTING`` order), its
length proportional to the number of results. Colour is never the only carrier: every segment has
its own pattern and an outline, and under each bar its numbers stand in words ("2 werkt ·
1 gemengd"). The picture is ``role="img"`` named by its ``<title>`` and described by its ``<desc>``,
which says in words exactly what the bars show (the same text as under the bars). No script, no
external file or request; every text is escaped (``esc``). The figure is left out of the site search
(``data-pagefind-ignore``): a picture adds no words to a description's search entry.

Counts are over the results handed in: callers pass only what the audience sees (``Selection``).
"""

from __future__ import annotations

from dataclasses import dataclass

from wwidw_build import numbers
from wwidw_build.effect_results import count_label, direction_counts
from wwidw_build.labels import RICHTING
from wwidw_build.pages.escape import esc
from wwidw_build.records import Archetype, Praktijk, Result
from wwidw_build.selection import Selection

WIDTH = 720
BAR_WIDTH = 400  # the longest bar; the others are scaled to it
ROW = 62  # the height of one effect: its name, the bar, its numbers
BAR_HEIGHT = 18
LEGEND = 30
NO_RESULTS = "geen resultaten"
# Fill colour (the badges' colours) and pattern per direction; the outline (#000) gives every
# segment 3:1 against the page and its neighbours whatever its fill.
STYLE = {
    "werkt": ("#2e7d32", ""),  # solid
    "veelbelovend": ("#33691e", "M0 8L8 0"),  # diagonal stripes
    "gemengd": ("#f9a825", "M0 4H8M4 0V8"),  # grid
    "geen_effect": ("#6d4c41", "M0 4H8"),  # horizontal lines
    "averechts": ("#c62828", "M0 0L8 8M0 8L8 0"),  # crosses
    "nog_onbekend": ("#ffffff", "M4 0V8"),  # white with vertical lines
}


@dataclass(frozen=True)
class Bar:
    """One effect of the picture: its name and (direction, number of results) in RICHTING order."""

    name: str
    counts: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)


def bar(name: str, results) -> Bar:
    """The bar of one effect from its results (all of them for that effect)."""
    return Bar(name, tuple(direction_counts(tuple(results))))


def bars_for(effects: list[tuple[str, str]], results: list[Result]) -> list[Bar]:
    """One bar per (effect id, name), from ``results`` (of several praktijken, or one)."""
    return [bar(name, [r for r in results if r.effect == effect]) for effect, name in effects]


def counts_text(item: Bar) -> str:
    """The numbers of one bar in words: '3 resultaten: 2 werkt · 1 gemengd', or 'geen resultaten'."""
    if not item.total:
        return NO_RESULTS
    head = numbers.count(item.total, "resultaat", "resultaten")
    return head + ": " + " · ".join(count_label(r, n) for r, n in item.counts)


def description(bars: list[Bar]) -> str:
    """The text alternative: per effect its name and numbers, as the picture shows them."""
    return " ".join(f"{b.name}: {counts_text(b)}." for b in bars)


def figure(prefix: str, title: str, bars: list[Bar], caption: str = "") -> str:
    """The figure as one raw HTML block (no blank line inside, so Markdown passes it through).

    ``prefix`` makes the ids (title, description, patterns) unique on the page."""
    if not bars:
        return ""
    height = LEGEND + ROW * len(bars)
    scale = BAR_WIDTH / max([b.total for b in bars] + [1])
    parts = [
        '<figure class="wwidw-bewijsbeeld" tabindex="0" data-pagefind-ignore>',
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" '
        f'aria-labelledby="{prefix}-titel {prefix}-uitleg">',
        f'<title id="{prefix}-titel">{esc(title)}</title>',
        f'<desc id="{prefix}-uitleg">{esc(description(bars))}</desc>',
        _patterns(prefix),
        _legend(prefix),
    ]
    for row, item in enumerate(bars):
        parts.append(_row(prefix, item, LEGEND + ROW * row, scale))
    parts.append("</svg>")
    if caption:
        parts.append(f"<figcaption>{esc(caption)}</figcaption>")
    parts.append("</figure>")
    return "\n".join(parts)


def _patterns(prefix: str) -> str:
    defs = []
    for richting, (colour, path) in STYLE.items():
        lines = f'<path d="{path}" stroke="#000" stroke-width="1.2"/>' if path else ""
        defs.append(
            f'<pattern id="{prefix}-{richting}" width="8" height="8" patternUnits="userSpaceOnUse">'
            f'<rect width="8" height="8" fill="{colour}"/>{lines}</pattern>'
        )
    return "<defs>" + "".join(defs) + "</defs>"


def _swatch(prefix: str, richting: str, x: float, y: float, width: float) -> str:
    richting = richting if richting in STYLE else "nog_onbekend"  # validated; never markup
    return (
        f'<rect class="wwidw-segment-{richting}" x="{x:g}" y="{y:g}" width="{width:g}" '
        f'height="{BAR_HEIGHT}" fill="url(#{prefix}-{richting})" stroke="#000"/>'
    )


def _legend(prefix: str) -> str:
    """The key: a swatch and the label of every direction (hidden from screen readers with the rest
    of the picture; the description says the directions in words)."""
    parts, x = [], 0.0
    for richting, label in RICHTING.items():
        parts.append(_swatch(prefix, richting, x + 1, 4, 18))
        parts.append(f'<text x="{x + 24:g}" y="18" font-size="13">{esc(label)}</text>')
        # Room for a wide font: the labels must not touch the next swatch.
        x += 38 + 8.2 * len(label)
    return "<g>" + "".join(parts) + "</g>"


def _row(prefix: str, item: Bar, top: float, scale: float) -> str:
    parts = [
        f'<text x="0" y="{top + 16:g}" font-size="14" font-weight="bold">{esc(item.name)}</text>'
    ]
    x = 1.0
    for richting, count in item.counts:
        parts.append(_swatch(prefix, richting, x, top + 22, count * scale))
        x += count * scale
    parts.append(f'<text x="0" y="{top + 56:g}" font-size="12">{esc(counts_text(item))}</text>')
    return "<g>" + "".join(parts) + "</g>"


_GROUPED: list = [None, ({}, {})]  # (the selection's visible tuple, its results grouped), last call


def _grouped(selection: Selection) -> tuple[dict[str, list[Result]], dict[str, list[Result]]]:
    """The visible praktijken's results by effect and by archetype, once per selection (a page per
    effect and per archetype would otherwise each read every praktijk)."""
    if _GROUPED[0] is not selection.visible:
        by_effect: dict[str, list[Result]] = {}
        by_archetype: dict[str, list[Result]] = {}
        for praktijk in selection.by_kind("praktijk"):
            for result in praktijk.resultaten:
                by_effect.setdefault(result.effect, []).append(result)
                if praktijk.archetype:
                    by_archetype.setdefault(praktijk.archetype, []).append(result)
        _GROUPED[:] = [selection.visible, (by_effect, by_archetype)]
    return _GROUPED[1]


def _effect_name(selection: Selection, effect_id: str) -> str:
    effect = selection.registry.effecten.get(effect_id)
    return effect.naam if effect else effect_id


def archetype_figure(selection: Selection, archetype: Archetype) -> str:
    """Per intended effect of an archetype, the results of its visible praktijkvoorbeelden."""
    results = _grouped(selection)[1].get(archetype.id, [])
    effects = [(e, _effect_name(selection, e)) for e in archetype.beoogde_effecten]
    if not {r.effect for r in results} & set(archetype.beoogde_effecten):
        return ""
    return figure(
        "wwidw-bewijs",
        "Resultaten van de praktijkvoorbeelden per beoogd effect",
        bars_for(effects, results),
        "Per effect het aantal resultaten van de praktijkvoorbeelden per richting; "
        "dezelfde aantallen staan in de tabel hieronder.",
    )


def effect_figure(selection: Selection, effect_id: str) -> str:
    """One effect: the results for it of every visible praktijk."""
    results = _grouped(selection)[0].get(effect_id, [])
    if not results:
        return ""
    return figure(
        "wwidw-bewijs",
        "Resultaten van de praktijken voor dit effect",
        [bar(_effect_name(selection, effect_id), results)],
        "Het aantal resultaten voor dit effect per richting, van alle praktijken hier.",
    )


def praktijk_figure(selection: Selection, praktijk: Praktijk) -> str:
    """A praktijk's results at a glance: per effect with a result, its results by direction."""
    if not praktijk.resultaten:
        return ""
    effects = list(dict.fromkeys(r.effect for r in praktijk.resultaten))
    return figure(
        "wwidw-bewijs",
        "Resultaten van deze praktijk in één oogopslag",
        bars_for([(e, _effect_name(selection, e)) for e in effects], list(praktijk.resultaten)),
        "Per effect de resultaten van deze praktijk per richting; de toelichting staat in de tabel "
        "hieronder.",
    )
