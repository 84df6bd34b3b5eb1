"""Dutch text analysis for the search index: words, stop words, de-pluralisation and stemming.

The same analysis runs when a description is indexed and when a query is made, so a query word and
the words in a description meet in the same form. Everything here works offline: the stemmer is
Snowball's Dutch stemmer (``snowballstemmer``) and the stop word list is shipped below. lunr's own
``languages="nl"`` is not used: it needs nltk and downloads its stop words at run time.

Dutch plurals: the stemmer alone maps many plurals onto their singular ("bewoners" → "bewoner",
"huurachterstanden" → "huurachterstand"), but not all of them ("schulden"/"schuld", "adressen"/"adres",
"problemen"/"probleem", "portiekflats"/"portiekflat"), and which ones differs between snowballstemmer 2
and 3. So every word is indexed and queried as the stem of the word itself *and* the stems of its
likely singular forms (:func:`singulars`). A wrong guess only adds a term that rarely matches anything
else; it never removes the word's own stem, so nothing that matched before stops matching.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import snowballstemmer
from lunr.pipeline import Pipeline
from lunr.tokenizer import Tokenizer

# Common Dutch function words (lower case, accents folded), never indexed or searched for.
STOP_WORDS = frozenset(
    """
    aan al alle alleen als altijd ander andere anders bij bijna ben dan dat daar daarna daarom
    de deze die dit doch doen door dus een eens eigen elk elke en er geen geweest haar had
    hadden heb hebben hebt heeft hem hen het hier hij hoe hun iemand iedereen iets ik in is ja
    je jij jou jouw jullie kan kon konden kun kunnen maar me meer men met mij mijn moest moet
    moeten na naar nee niet niets nog nu of om omdat onder ons onze ook op over per reeds sinds
    te tegen toch toen tot tussen u uit uw van vanaf veel via voor waar waarom wanneer want
    waren was wat we wel welk welke werd werden wie wij wil worden wordt zal ze zei zelf zich
    zij zijn zo zoals zonder zou zouden zullen
    """.split()
)

# Plurals that no rule below gets right.
_IRREGULAR = {
    "kinderen": "kind",
    "steden": "stad",
    "schepen": "schip",
    "eieren": "ei",
    "liederen": "lied",
    "bladeren": "blad",
}

_WORD = re.compile(r"[^\W_]+")
_GENITIVE_S = re.compile(r"['’]s\b")
# A closed last syllable with one short-looking vowel: its plural may have lengthened it
# (straat → straten, probleem → problemen), so the singular may need the vowel doubled.
_OPEN_SYLLABLE = re.compile(r"[^aeiouy]([aeiou])([^aeiouywj])\Z")
_STEMMER = snowballstemmer.stemmer("dutch")


def fold(text: str) -> str:
    """Lower case without accents: "Cliënt" → "client", "één" → "een", "café" → "cafe"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The words in a piece of text: folded, without "'s", numbers or single letters."""
    return [
        w for w in _WORD.findall(_GENITIVE_S.sub("", fold(text))) if len(w) > 1 and not w.isdigit()
    ]


def singulars(word: str) -> tuple[str, ...]:
    """Likely singular forms of a Dutch plural (several when the vowel length is unclear)."""
    if word in _IRREGULAR:
        return (_IRREGULAR[word],)
    if len(word) < 5:
        return ()
    if word.endswith("heden"):
        return (word[:-5] + "heid",)  # mogelijkheden → mogelijkheid
    if word.endswith("ies"):
        return (word[:-1],)  # ruzies → ruzie
    if word.endswith("en"):
        return _en_plural(word[:-2])
    if word.endswith("s") and word[-2] not in "siuz":
        return (word[:-1],)  # bewoners → bewoner, portiekflats → portiekflat
    return ()


def _en_plural(base: str) -> tuple[str, ...]:
    if base.endswith("z"):
        return (base[:-1] + "s",)  # huizen → huis
    if base.endswith("v"):
        return (base[:-1] + "f",)  # brieven → brief
    if len(base) > 2 and base[-1] == base[-2] and base[-1] not in "aeiouy":
        return (base[:-1],)  # adressen → adres, gezinnen → gezin
    match = _OPEN_SYLLABLE.search(base)
    if match:  # straten → strat/straat, dagen → dag/daag
        vowel, consonant = match.groups()
        return (base, base[: match.start(1)] + vowel * 2 + consonant)
    return (base,)  # huurachterstanden → huurachterstand, schulden → schuld


@functools.lru_cache(maxsize=65536)
def stems(word: str) -> tuple[str, ...]:
    """The index terms for one word: its own stem first, then those of its likely singulars."""
    found: list[str] = []
    for form in (word, *singulars(word)):
        stem = _STEMMER.stemWord(form)
        if stem and stem not in found:
            found.append(stem)
    return tuple(found)


def terms(text: str) -> list[str]:
    """Every index term of a text, in order and with repeats (what the index pipeline produces)."""
    return [str(token) for token in PIPELINE_RUN(Tokenizer(text))]


def word_terms(text: str) -> list[tuple[str, ...]]:
    """The index terms of each distinct word of a query that is not a stop word, in order: a search
    that must match every word needs each word's terms together."""
    found: dict[tuple[str, ...], None] = {}
    for token in Tokenizer(text):
        for word in words(str(token)):
            if word not in STOP_WORDS and stems(word):
                found[stems(word)] = None
    return list(found)


# lunr pipeline functions: (token, i, tokens) → token, list of tokens, or None to drop it.


def split_words(token, i=None, tokens=None):
    found = words(str(token))
    return [token.clone(lambda _s, _m, w=w: w) for w in found] or None


def drop_stop_words(token, i=None, tokens=None):
    return None if str(token) in STOP_WORDS else token


def stem_dutch(token, i=None, tokens=None):
    return [token.clone(lambda _s, _m, s=s: s) for s in stems(str(token))] or None


Pipeline.register_function(split_words, "wwidw-nl-woorden")
Pipeline.register_function(drop_stop_words, "wwidw-nl-stopwoorden")
Pipeline.register_function(stem_dutch, "wwidw-nl-stam")
FUNCTIONS = (split_words, drop_stop_words, stem_dutch)


def pipeline() -> Pipeline:
    """A fresh lunr pipeline with the three functions, for indexing and for queries alike."""
    built = Pipeline()
    built.add(*FUNCTIONS)
    return built


PIPELINE_RUN = pipeline().run
