"""Audit stage: scan every output file for fingerprints of descriptions the audience may not see.

Fingerprints per hidden description: its id as a path (praktijken/<id>), its id as a token when it
is distinctive (has a hyphen), its title when it has three or more words, and up to three 8-word
sequences that occur in no other description (so shared phrasing never raises a false alarm).
Matching is on normalised word tokens, so markup, entities and line breaks cannot hide a leak.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from wwidw_build.model import KINDS, Document

SEQUENCE = 8
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"[0-9a-zà-ÿ]+(?:-[0-9a-zà-ÿ]+)*")
_TEXT_SUFFIXES = {".html", ".xml", ".json", ".csv", ".txt", ".js", ".css", ".md", ".yml", ".atom", ".pf_meta",
                  ".svg", ""}


def words(text: str) -> list[str]:
    return _WORD.findall(html.unescape(_TAG.sub(" ", text)).lower())


@dataclass(frozen=True)
class Fingerprints:
    paths: dict  # "praktijken/<id>" -> document key
    tokens: dict  # id token -> document key
    phrases: dict  # tuple of words -> document key
    attachments: dict  # attachment file name -> document key
    starts: dict = field(default_factory=dict)  # first three words -> phrases starting with them


def unique_sequences(documents: tuple[Document, ...]) -> dict[tuple[str, str], list[tuple[str, ...]]]:
    """Per description, up to three 8-word sequences of its body that no other description has
    (at any offset: every window of every body is counted, candidates are sampled every 4 words)."""
    per_doc = {}
    counts: Counter = Counter()
    for document in documents:
        tokens = words(document.body)
        windows = [tuple(tokens[i:i + SEQUENCE]) for i in range(max(len(tokens) - SEQUENCE + 1, 0))]
        per_doc[(document.kind, document.id)] = windows[::4]
        counts.update({hash(w) for w in windows})
    return {key: sorted(g for g in set(grams) if counts[hash(g)] == 1)[:3] for key, grams in per_doc.items()}


def fingerprints(hidden, visible, sequences, attachments_of) -> Fingerprints:
    visible_titles = {tuple(words(d.titel)) for d in visible}
    visible_attachments = {name for d in visible for name in attachments_of(d)}
    paths, tokens, phrases, files = {}, {}, {}, {}
    for document in hidden:
        key = f"{document.kind}/{document.id}"
        paths[f"{KINDS[document.kind]}/{document.id}"] = key
        if "-" in document.id:
            tokens[document.id] = key
        title = tuple(words(document.titel))
        if len(title) >= 3 and title not in visible_titles:
            phrases[title] = key
        for sequence in sequences.get((document.kind, document.id), []):
            phrases[sequence] = key
        for name in attachments_of(document):
            if name not in visible_attachments:
                files[name] = key
    starts: dict = {}
    for phrase in phrases:
        starts.setdefault(phrase[:3], []).append(phrase)
    return Fingerprints(paths, tokens, phrases, files, starts)


@dataclass(frozen=True)
class Leak:
    file: str
    description: str
    what: str


_PATH = re.compile(r"(praktijken|archetypen|praktijk|archetype)/([a-z0-9]+(?:-[a-z0-9]+)*)(?![a-z0-9-])")
_FOLDER = {"praktijk": "praktijken", "archetype": "archetypen", "praktijken": "praktijken", "archetypen": "archetypen"}


def scan_text(text: str, prints: Fingerprints) -> list[tuple[str, str]]:
    """Hits in the text with tags stripped (phrases across markup) and with attribute values kept."""
    hits = []
    unescaped = html.unescape(text)
    for match in set(_PATH.findall(unescaped.lower())):
        path = f"{_FOLDER[match[0]]}/{match[1]}"
        if path in prints.paths:
            hits.append((prints.paths[path], f"verwijzing {path}"))
    for tokens in (words(text), _WORD.findall(unescaped.lower())):
        hits += _scan_tokens(tokens, prints)
    return sorted(set(hits))


def _scan_tokens(tokens: list[str], prints: Fingerprints) -> list[tuple[str, str]]:
    hits = []
    for token in set(tokens):
        if token in prints.tokens:
            hits.append((prints.tokens[token], f"id {token}"))
    for i in range(len(tokens) - 2):
        for phrase in prints.starts.get((tokens[i], tokens[i + 1], tokens[i + 2]), ()):
            if tuple(tokens[i:i + len(phrase)]) == phrase:
                hits.append((prints.phrases[phrase], "tekst '" + " ".join(phrase) + "'"))
    return hits


def audit_tree(site: Path, prints: Fingerprints) -> list[Leak]:
    leaks = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        relative = path.relative_to(site).as_posix()
        if path.name in prints.attachments:
            leaks.append(Leak(relative, prints.attachments[path.name], "bijlage"))
        if path.suffix.lower() not in _TEXT_SUFFIXES:
            continue
        text = path.read_text("utf-8", errors="replace")
        leaks += [Leak(relative, key, what) for key, what in scan_text(text, prints)]
    return leaks
