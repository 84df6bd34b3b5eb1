"""Fingerprints: what the leak audit (audit.py) looks for of the descriptions an audience may not see.

Per hidden description: its id as a path (praktijken/<id>) and, when distinctive (with a hyphen), as
a token; every attachment it owns (attachments.py), by name and by its bytes; and every string a
contributor wrote in it (``contributor_strings``): each front-matter string value, recursively, and
each sentence, line or paragraph of the body, with the web addresses it links to. A string becomes
words (``words``); up to SEQUENCE words it is one fingerprint, a longer one gives its SEQUENCE-word
windows every SEQUENCE // 2 words (so any excerpt of 1.5 * SEQUENCE words contains one), the last
flush with its end.

A string is no fingerprint when it says too little (fewer than MIN_CHARACTERS letters and digits, or
no letter at all: numbers and dates) or when finding it proves nothing: when it also occurs in a
description the audience sees, in the registry and taxonomies, or in the site's chrome
(site_chrome.py). A one-word string is also none when a word of those starts with it (the search
index stores stems). Matching is on normalised words, so markup, entities and line breaks cannot
hide a leak.
"""

from __future__ import annotations

import functools
import html
import re
import sys
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from wwidw_build import urls
from wwidw_build.attachments import FOLDER, attachment_files, file_digest, referred_names
from wwidw_build.site_chrome import chrome_texts

SEQUENCE = 8
MIN_CHARACTERS = 5
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"[0-9a-zà-ÿ]+(?:-[0-9a-zà-ÿ]+)*")


def words(text: str) -> list[str]:
    """The normalised words of a text: tags removed, entities decoded, lower case."""
    if "<" in text:
        text = _TAG.sub(" ", text)
    return _WORD.findall(html.unescape(text).lower())


@dataclass(frozen=True)
class Fingerprints:
    paths: dict  # "praktijken/<id>" -> document key
    tokens: dict  # distinctive single word (id with a hyphen, one-word string) -> document key
    phrases: dict  # tuple of words -> document key
    attachments: dict  # attachment file name -> document key
    anchors: dict = field(default_factory=dict)  # word -> [(its offset in a phrase, phrase)]
    attachment_bytes: dict = field(default_factory=dict)  # sha256 of a hidden attachment -> key
    shared_bytes: frozenset = frozenset()  # sha256 of attachments the audience may have
    named_bytes: dict = field(default_factory=dict)  # name -> sha256 of the hidden files so named


# ---------------------------------------------------------------------------------------------------
# Contributor strings


_DESTINATION = re.compile(
    r"\]\(\s*(?:<[^>\n]*>|[^)\s]*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:.*$", re.M)
_ADDRESS = re.compile(r"https?://[^\s<>\"'()\[\]]+", re.I)
# A line that starts a block of its own (heading, list item, quote, table row); a heading is one
# line; a sentence ends at . ! or ?
_BLOCK = re.compile(r"^[ \t]*(?:\||(?:[#>*+-]|\d+[.)])(?:[ \t]|$))")
_HEADING = re.compile(r"^[ \t]*#")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def contributor_strings(document) -> list[str]:
    """Every string a contributor wrote in a description (a loaded document or its record)."""
    loaded = getattr(document, "document", document)
    return [*front_matter_strings(loaded.meta), *body_strings(loaded.body)]


def front_matter_strings(value) -> list[str]:
    """The string values of front matter, recursively (not its keys: those are the schema's)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [s for item in value.values() for s in front_matter_strings(item)]
    if isinstance(value, (list, tuple)):
        return [s for item in value for s in front_matter_strings(item)]
    return []


def body_strings(body: str) -> list[str]:
    """The body's sentences, list items, table rows and headings as a reader sees them (link text
    without its target), then the web addresses it links to."""
    text = _DEFINITION.sub("", _DESTINATION.sub("]", body))
    blocks: list[str] = []
    lines: list[str] = []
    for line in [*text.splitlines(), ""]:
        if lines and (not line.strip() or _BLOCK.match(line) or _HEADING.match(lines[0])):
            blocks.append(" ".join(lines))
            lines = []
        if line.strip():
            lines.append(line.strip())
    pieces = [piece for block in blocks for piece in _SENTENCE_END.split(block)]
    return [piece for piece in pieces if _WORD.search(piece.lower())] + _ADDRESS.findall(body)


# ---------------------------------------------------------------------------------------------------
# Fingerprints


def fingerprints(hidden, visible, sequences, attachments_of, registry=None) -> Fingerprints:
    """The fingerprints of the ``hidden`` descriptions for an audience that sees ``visible``.
    ``sequences``: extra body sequences per (kind, id) (``unique_sequences``); ``attachments_of``:
    attachment names per description (attachments.attachment_names); ``registry``: the registry,
    whose strings are no fingerprints."""
    paths, ids, singles, phrases = {}, {}, {}, {}
    for document in hidden:
        key = f"{document.kind}/{document.id}"
        paths[f"{urls.folder(document.kind)}/{document.id}"] = key
        if "-" in document.id:
            ids[document.id] = key
        for text in contributor_strings(document):
            _add(tuple(_interned(words(text))), key, singles, phrases)
        for sequence in sequences.get((document.kind, document.id), []):
            phrases.setdefault(tuple(sequence), key)
    _drop_shared(singles, phrases, _shared_streams(visible, registry))
    files, named_bytes, hidden_bytes, shared_bytes = _attachments(hidden, visible, attachments_of)
    return Fingerprints(
        paths,
        {**singles, **ids},  # an id is unique: it stays even where a word of the site equals it
        phrases,
        files,
        index_anchors(phrases),
        hidden_bytes,
        shared_bytes,
        named_bytes,
    )


def _interned(tokens: list[str]) -> list[str]:
    return [sys.intern(token) for token in tokens]


def distinctive(tokens: tuple[str, ...]) -> bool:
    """Whether a string's words say enough to be a fingerprint: MIN_CHARACTERS letters and digits,
    at least one letter."""
    return sum(len(t) for t in tokens) >= MIN_CHARACTERS and any(
        c.isalpha() for t in tokens for c in t
    )


def _add(string: tuple[str, ...], key: str, tokens: dict, phrases: dict) -> None:
    if not distinctive(string):
        return
    if len(string) == 1:
        tokens.setdefault(string[0], key)
    elif len(string) <= SEQUENCE:
        phrases.setdefault(string, key)
    else:
        step = SEQUENCE // 2
        starts = list(range(0, len(string) - SEQUENCE + 1, step))
        if starts[-1] != len(string) - SEQUENCE:
            starts.append(len(string) - SEQUENCE)
        for start in starts:
            phrases.setdefault(string[start : start + SEQUENCE], key)


def _shared_streams(visible, registry):
    """Word streams of what the audience may see anyway: each visible description (its id, front
    matter and body) and the registry (the chrome is looked up apart: ``_chrome``)."""
    for document in visible:
        loaded = getattr(document, "document", document)
        yield words(" \n".join([document.id, *front_matter_strings(loaded.meta), loaded.body]))
    if registry is not None:
        yield words(" \n".join(registry_strings(registry)))


def registry_strings(registry) -> list[str]:
    """Every id and string of the registry and the taxonomies."""
    out = []
    for table in (registry.organisaties, registry.themas, registry.doelgroepen, registry.domeinen):
        for key, entry in table.items():
            out.append(key)
            out += _dataclass_strings(entry)
    return out


def _dataclass_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [s for item in value for s in _dataclass_strings(item)]
    if hasattr(value, "__dataclass_fields__"):
        return [
            s
            for name in value.__dataclass_fields__
            for s in _dataclass_strings(getattr(value, name))
        ]
    return []


@functools.cache
def _chrome() -> tuple[str, frozenset[str], list[str]]:
    """The chrome's words, once per process: every file's words as one line (' a b c ' lines, so a
    phrase is found by a substring search and never across files), and its vocabulary (also sorted)."""
    streams = [words(text) for text in chrome_texts()]
    text = "\n".join(" " + " ".join(stream) + " " for stream in streams)
    vocabulary = frozenset(word for stream in streams for word in stream)
    return text, vocabulary, sorted(vocabulary)


def _drop_shared(singles: dict, phrases: dict, streams) -> None:
    """Remove the one-word strings and the phrases that occur in the shared streams or the chrome;
    a one-word string also when a shared word starts with it (the search index stores stems)."""
    chrome, chrome_words, chrome_sorted = _chrome()
    for phrase in [p for p in phrases if chrome_words.issuperset(p)]:
        if " " + " ".join(phrase) + " " in chrome:
            del phrases[phrase]
    streams = list(streams)
    counts = Counter(chain.from_iterable(streams))
    vocabulary = counts.keys()
    # Only a phrase whose every word the shared text has can occur in it; it is looked for where
    # its rarest word stands.
    anchors = index_anchors([p for p in phrases if vocabulary >= set(p)], counts)
    for stream in streams:
        for phrase in find_phrases(stream, anchors):
            phrases.pop(phrase, None)
            _forget(anchors, phrase)
    for ordered in (sorted(vocabulary), chrome_sorted):
        for token in list(singles):
            position = bisect_left(ordered, token)
            if position < len(ordered) and ordered[position].startswith(token):
                del singles[token]


def _forget(anchors: dict, phrase: tuple[str, ...]) -> None:
    """Take a phrase out of the anchor index (found once is enough)."""
    for word in set(phrase):
        entries = anchors.get(word)
        if entries is not None:
            entries[:] = [entry for entry in entries if entry[1] != phrase]
            if not entries:
                del anchors[word]


def index_anchors(phrases, counts: Counter | None = None) -> dict:
    """Each phrase under its anchor, with the anchor's offset in it: its rarest word by ``counts``,
    else its longest (the rarest, as a rule). A scan looks for the anchors (a set operation in C)
    and checks a phrase only where its anchor stands."""
    counts = counts or Counter()
    index: dict = {}
    for phrase in phrases:
        offset = min(range(len(phrase)), key=lambda i: (counts[phrase[i]], -len(phrase[i])))
        index.setdefault(phrase[offset], []).append((offset, phrase))
    return index


def find_phrases(tokens: list, anchors: dict) -> list[tuple[str, ...]]:
    """The phrases of ``anchors`` (``index_anchors``) that occur in ``tokens``."""
    present = anchors.keys() & set(tokens)
    if not present:
        return []
    found = set()
    for position, token in enumerate(tokens):
        if token in present:
            for offset, phrase in anchors[token]:
                start = position - offset
                if start >= 0 and tuple(tokens[start : start + len(phrase)]) == phrase:
                    found.add(phrase)
    return list(found)


def unique_sequences(
    documents: tuple,
) -> dict[tuple[str, str], list[tuple[str, ...]]]:
    """Per description, up to three 8-word sequences of its body that no other description has
    (at any offset: every window of every body is counted, candidates are sampled every 4 words)."""
    per_doc = {}
    counts: Counter = Counter()
    for document in documents:
        tokens = words(document.body)
        windows = [
            tuple(tokens[i : i + SEQUENCE]) for i in range(max(len(tokens) - SEQUENCE + 1, 0))
        ]
        per_doc[(document.kind, document.id)] = windows[::4]
        counts.update({hash(w) for w in windows})
    return {
        key: sorted(g for g in set(grams) if counts[hash(g)] == 1)[:3]
        for key, grams in per_doc.items()
    }


# ---------------------------------------------------------------------------------------------------
# Attachments


def _attachments(hidden, visible, attachments_of) -> tuple[dict, dict, dict, frozenset]:
    """Every attachment a hidden description owns, even one a visible description links too: by
    name (with the bytes of the hidden files of that name, where they can be read) and by its bytes;
    and the bytes of the attachments the audience may have (owned by visible descriptions only),
    which are no leak under another name."""
    listings: dict[Path, frozenset[str]] = {}
    names, named_bytes, hidden_bytes, owned = {}, {}, {}, set()
    for document in hidden:
        key = f"{document.kind}/{document.id}"
        root = document.root
        if root not in listings:
            listings[root] = attachment_files(root)
        referred = referred_names(document, listings[root])
        for name in sorted(set(attachments_of(document)) | referred):
            names.setdefault(name, key)
            owned.add((root, name))
            found = file_digest(root / FOLDER / name)
            if found is not None:
                hidden_bytes.setdefault(found, key)
                named_bytes.setdefault(name, set()).add(found)
    shared = set()
    for document in visible:
        for name in attachments_of(document):
            if (document.root, name) not in owned:
                found = file_digest(document.root / FOLDER / name)
                if found is not None:
                    shared.add(found)
    named = {name: frozenset(found) for name, found in named_bytes.items()}
    return names, named, hidden_bytes, frozenset(shared)
