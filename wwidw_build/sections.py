"""The body section templates per kind, with a writing hint per section, and heading parsing."""

from __future__ import annotations

import re

PRAKTIJK_SECTIONS: dict[str, str] = {
    "Aanleiding": "Welk probleem zag u in de wijk, en hoe wist u dat? Noem cijfers of signalen.",
    "Doel": "Wat wilde u bereiken, en bij wie? Zo concreet mogelijk.",
    "Doelgroep": "Voor wie was de aanpak bedoeld, en wie bereikte u echt?",
    "Aanpak": "Wat deed u, met wie, hoe vaak en hoe lang? Beschrijf het zo dat een collega het kan nadoen.",
    "Werkzame bestanddelen": "Welke onderdelen maakten volgens u het verschil, en waarom denkt u dat?",
    "Resultaten": "Wat is er gemeten of gezien? Ook wat niet werkte of tegenviel.",
    "Kosten en baten": "Wat kostte het (geld, uren) en wat leverde het op, en voor wie?",
    "Lessen (wat werkte wel en niet)": "Wat zou u een collega meegeven? Wat zou u anders doen?",
}

ARCHETYPE_SECTIONS: dict[str, str] = {
    "Probleem": "Welk probleem in wijken pakt dit type interventie aan, en hoe groot is het?",
    "Werkwijze": "Hoe ziet de interventie er in de praktijk uit? Wat zijn de vaste stappen?",
    "Werkzame bestanddelen (mechanisme)": "Waardoor werkt het? Welk mechanisme zit erachter?",
    "Voor wie en waar het werkt (moderatoren)": "Bij welke doelgroepen en in welke wijken werkt het wel of juist niet?",
    "Implementatie": "Wat is nodig om het goed uit te voeren: mensen, partners, randvoorwaarden?",
    "Effectiviteit": "Wat zegt het onderzoek over de effecten, en hoe sterk is dat bewijs?",
    "Kosten en baten": "Wat kost het, en wat levert het op, voor wie?",
}

SECTIONS = {"praktijk": PRAKTIJK_SECTIONS, "archetype": ARCHETYPE_SECTIONS}

# Without a lazy group before a trailing [ \t#]*: that backtracks quadratically on a long run of #.
_HEADING = re.compile(r"^##[ \t]+(.+)$")
_FENCE = re.compile(r"^(```|~~~)")
MIN_WORDS = 15  # a section with fewer words counts as empty


def normalise(title: str) -> str:
    return re.sub(r"\s+", " ", title.strip().lower())


def split_sections(body: str) -> dict[str, str]:
    """Map each normalised ``##`` heading to its text (code fences are skipped)."""
    sections: dict[str, list[str]] = {}
    current = None
    in_fence = False
    for line in body.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else _HEADING.match(line)
        if match:
            text = match.group(1)  # its first character, then the rest without closing #s
            current = normalise(text[0] + text[1:].rstrip(" \t#"))
            sections.setdefault(current, [])
        elif current is not None:
            sections[current].append(line)
    return {title: "\n".join(lines) for title, lines in sections.items()}


def without_comments(text: str, replacement: str = " ") -> str:
    """``text`` with every closed HTML comment replaced, as ``re.sub(r"<!--.*?-->", ...)`` with
    re.S does, but in linear time: that regex rescans to the end from every unclosed '<!--'."""
    parts, start = [], 0
    while (opening := text.find("<!--", start)) >= 0:
        closing = text.find("-->", opening + 4)
        if closing < 0:
            break  # no comment is closed after this one either
        parts += [text[start:opening], replacement]
        start = closing + 3
    return "".join(parts) + text[start:]


def word_count(text: str) -> int:
    return len(without_comments(text).split())


HINT_PREFIX = "Schrijftip:"
_MARKUP = "_*"  # emphasis around a hint: _…_, *…*, **…**


def prose_words(text: str, hint: str) -> int:
    """The words of a section's text that are the contributor's own: without HTML comments and
    without the section's writing hint, however the hint was left in (in a comment, as plain or
    italic text, with or without "Schrijftip:", wrapped over lines). Linear time: whitespace is
    normalised once and the hint removed with ``str.replace``."""
    words = " ".join(without_comments(text).split())
    words = words.replace(" ".join(hint.split()), " ")
    return sum(1 for w in words.split() if w.strip(_MARKUP) not in ("", HINT_PREFIX))


def filled_sections(kind: str, body: str) -> list[str]:
    """The template sections of ``kind`` that the body has with real text in them: at least
    ``MIN_WORDS`` words besides the section's writing hint."""
    found = split_sections(body)
    return [
        title
        for title, hint in SECTIONS[kind].items()
        if prose_words(found.get(normalise(title), ""), hint) >= MIN_WORDS
    ]


def template(kind: str, texts: dict[str, str] | None = None) -> str:
    """The section template as written by ``wwidw new``: per section the given text (from the issue
    form), or else a writing hint."""
    texts = texts or {}
    return "\n".join(
        f"## {title}\n\n{texts[title].strip()}\n"
        if texts.get(title, "").strip()
        else f"## {title}\n\n<!-- {HINT_PREFIX} {hint} -->\n"
        for title, hint in SECTIONS[kind].items()
    )
