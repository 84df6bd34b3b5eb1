"""Place and organisation names, taken from the data, so that similarity can leave them out.

Two descriptions in the same neighbourhood, or by the same organisation, share many words that say
nothing about what they do ("Rivierenwijk", "Rivierstede", "Woonstede Rivierland"). Which words are
names is read from the data itself, never from a list: every ``gemeente`` and ``wijk`` value and every
``partners`` entry of every description (the compared one included), every ``organisatie`` id, and
every organisation's id and name in the registry (content/organisaties.yml).

A name often holds an ordinary word too: "Buurtbemiddeling Havenstad", "Politie basisteam
Rivierstede-Zuid", "Gemeente Lindeveen", "Havenstad Wonen". Such a word is kept when the descriptions
also use it as an ordinary word: written in lower case in running text (titles, samenvattingen,
bodies; web and e-mail addresses excluded), as Dutch writes common nouns and never names, or in
capitals as an abbreviation ("GGZ"). So "buurtbemiddeling", "politie", "gemeente" and "GGZ" stay,
"Havenstad", "Rivierenwijk" and "De Brug" go.

Words are compared by their own Snowball stem (:func:`wwidw_build.search.text.stems`), so a form that
stems alike goes with its name, and so does the adjective in -s(e) ("Havenstadse" with "Havenstad");
like the rest of the analysis, case and accents are folded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from wwidw_build.model import Content, Document
from wwidw_build.search import text as search_text
from wwidw_build.sections import without_comments

NAME_FIELDS = ("gemeente", "wijk", "organisatie", "partners")  # front matter holding only names
_TOKEN = re.compile(r"[^\W\d_]+")
# Web and e-mail addresses are written in lower case whatever they name ("www.havenstad.example"):
# every run of non-space holding "://", "www.", "@" or a dot between letters (looked for once per run).
_ADDRESS = re.compile(r"(?<!\S)(?=\S*?(?:://|www\.|@|\w\.\w))\S+")
# id(content) → (content, its ordinary words): a review compares several descriptions with one content.
_ordinary: dict[int, tuple[Content, set[str]]] = {}


def names(content: Content, extra: Sequence[Document] = ()) -> list[str]:
    """Every place and organisation name in the data, as written (duplicates removed)."""
    found: dict[str, None] = {}
    for document in (*content.documents, *extra):
        for key in NAME_FIELDS:
            for value in _strings(document.meta.get(key)):
                found[value] = None
    for organisation in content.registry.organisaties.values():
        found[organisation.id] = None
        found[organisation.naam] = None
    return list(found)


def running_text(document: Document) -> str:
    """The words a contributor wrote in sentences: title, samenvatting and body (no addresses)."""
    samenvatting = document.meta.get("samenvatting")
    text = " ".join(
        (
            document.titel,
            samenvatting if isinstance(samenvatting, str) else "",
            without_comments(document.body),
        )
    )
    return _ADDRESS.sub(" ", text)


def ordinary_words(texts: Iterable[str]) -> set[str]:
    """Every word written in lower case, or in capitals (an abbreviation), somewhere in ``texts``,
    folded: words used as ordinary words."""
    written: set[str] = set()
    for text in texts:
        written.update(_TOKEN.findall(text))
    return {search_text.fold(w) for w in written if len(w) > 1 and (w.islower() or w.isupper())}


def name_stems(content: Content, extra: Sequence[Document] = ()) -> frozenset[str]:
    """The own stems of the words that are names in ``content`` and ``extra``, and only names."""
    words = {
        word
        for name in names(content, extra)
        for word in search_text.words(name)
        if word not in search_text.STOP_WORDS
    }
    candidates = {_own_stem(word) for word in words} - {""}
    # A word and its stem begin alike: stem only the ordinary words that begin as a name's word does.
    beginnings = {word[:3] for word in words}
    ordinary = {
        _own_stem(word)
        for word in _corpus_ordinary_words(content) | ordinary_words(map(running_text, extra))
        if word[:3] in beginnings
    }
    return frozenset(candidates - ordinary)


def _corpus_ordinary_words(content: Content) -> set[str]:
    cached = _ordinary.get(id(content))
    if cached is None or cached[0] is not content:
        if len(_ordinary) >= 4:
            _ordinary.clear()
        cached = (content, ordinary_words(map(running_text, content.documents)))
        _ordinary[id(content)] = cached
    return cached[1]


def without_names(text: str, stems: frozenset[str]) -> str:
    """``text`` as its words (folded), leaving out every word whose own stem is a name's, or a name's
    with an adjective's -s(e) ("Havenstadse")."""
    kept = []
    for word in search_text.words(text):
        stem = _own_stem(word)
        if stem not in stems and not (stem.endswith("s") and stem[:-1] in stems):
            kept.append(word)
    return " ".join(kept)


def _own_stem(word: str) -> str:
    found = search_text.stems(word)
    return found[0] if found else ""


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []
