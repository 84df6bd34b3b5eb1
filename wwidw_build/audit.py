"""Audit stage: scan every output file for fingerprints of descriptions the audience may not see.

Fingerprints per hidden description: its id as a path (praktijken/<id>), its id as a token when it
is distinctive (has a hyphen), its title when it has three or more words, and up to three 8-word
sequences that occur in no other description (so shared phrasing never raises a false alarm).
Matching is on normalised word tokens, so markup, entities and line breaks cannot hide a leak.
"""

from __future__ import annotations

import contextlib
import gzip
import html
import json
import posixpath
import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from wwidw_build import forking, urls
from wwidw_build.model import Document

SEQUENCE = 8
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"[0-9a-zà-ÿ]+(?:-[0-9a-zà-ÿ]+)*")
_TEXT_SUFFIXES = {
    ".html",
    ".xml",
    ".json",
    ".csv",
    ".txt",
    ".js",
    ".css",
    ".md",
    ".yml",
    ".atom",
    ".svg",
    "",
}
# Pagefind's index files: gzip, then a signature, then JSON (fragments) or CBOR (index, filter,
# meta).
PAGEFIND_SUFFIXES = {".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter"}
PAGEFIND_SIGNATURE = b"pagefind_dcd"


def words(text: str) -> list[str]:
    return _WORD.findall(html.unescape(_TAG.sub(" ", text)).lower())


@dataclass(frozen=True)
class Fingerprints:
    paths: dict  # "praktijken/<id>" -> document key
    tokens: dict  # id token -> document key
    phrases: dict  # tuple of words -> document key
    attachments: dict  # attachment file name -> document key
    by_start: dict = field(
        default_factory=dict
    )  # length n -> {first n words: [phrases]}, n <= SEQUENCE


def unique_sequences(
    documents: tuple[Document, ...],
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


def fingerprints(hidden, visible, sequences, attachments_of) -> Fingerprints:
    visible_titles = {tuple(words(d.titel)) for d in visible}
    visible_attachments = {name for d in visible for name in attachments_of(d)}
    paths, tokens, phrases, files = {}, {}, {}, {}
    for document in hidden:
        key = f"{document.kind}/{document.id}"
        paths[f"{urls.folder(document.kind)}/{document.id}"] = key
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
    return Fingerprints(paths, tokens, phrases, files, _by_start(phrases))


def _by_start(phrases) -> dict:
    """Phrases grouped by their first n words: n = SEQUENCE for phrases that long, else the shortest
    phrase length. A scan builds the set of n-word windows of a text once per n and intersects it
    with the keys (in C), whatever the words; a phrase longer than n is then checked where it may start."""
    short = min((len(phrase) for phrase in phrases if len(phrase) < SEQUENCE), default=SEQUENCE)
    groups: dict = {}
    for phrase in phrases:
        n = SEQUENCE if len(phrase) >= SEQUENCE else short
        groups.setdefault(n, {}).setdefault(phrase[:n], []).append(phrase)
    return groups


_LINK = re.compile(r'<(?:a|link|img|script)\b[^>]*?\b(?:href|src)="([^"#?]*)[^"]*"')


def broken_links(site: Path) -> list[tuple[str, str]]:
    """Internal links (relative URLs) in the HTML that point at nothing in the built site."""
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    broken = []
    for page in sorted(f for f in files if f.endswith(".html")):
        base = posixpath.dirname(page)
        for target in set(_LINK.findall((site / page).read_text("utf-8", errors="replace"))):
            if not target or re.match(r"^[a-z][a-z0-9+.-]*:|^//", target, re.I):
                continue
            path = posixpath.normpath(
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.join(base, html.unescape(target))
            )
            if (
                path not in files
                and posixpath.normpath(posixpath.join(path, "index.html")) not in files
            ):
                broken.append((page, target))
    return broken


@dataclass(frozen=True)
class Leak:
    file: str
    description: str
    what: str


_PATH = re.compile(
    r"(praktijken|archetypen|praktijk|archetype)/([a-z0-9]+(?:-[a-z0-9]+)*)(?![a-z0-9-])"
)


def scan_text(
    text: str, prints: Fingerprints, seen_tags: set | None = None
) -> list[tuple[str, str]]:
    """Hits in the text with tags stripped (phrases across markup) and in the tags themselves
    (attribute values), each as its own stream of words. Tags in ``seen_tags`` were scanned before
    (the same header and navigation are on every page) and are skipped; new ones are added to it."""
    tags = dict.fromkeys(_TAG.findall(text))  # each distinct tag once, in order
    if seen_tags is not None:
        tags = [tag for tag in tags if tag not in seen_tags]
        seen_tags.update(tags)
    hits = []
    for stream in (
        html.unescape(_TAG.sub(" ", text)).lower(),
        html.unescape("\n".join(tags)).lower(),
    ):
        for match in set(_PATH.findall(stream)):
            path = f"{urls.folder(match[0])}/{match[1]}"
            if path in prints.paths:
                hits.append((prints.paths[path], f"verwijzing {path}"))
        hits += _scan_tokens(_WORD.findall(stream), prints)
    return sorted(set(hits))


def _scan_tokens(tokens: list[str], prints: Fingerprints) -> list[tuple[str, str]]:
    """Set operations in C find the n-word windows that start a fingerprint; only those are checked."""
    hits = [(prints.tokens[t], f"id {t}") for t in set(tokens) & prints.tokens.keys()]
    for n, starts in prints.by_start.items():
        found = set(zip(*(tokens[i:] for i in range(n)))) & starts.keys()
        windows = (
            None  # the n-word windows in order, built once and only for a phrase longer than n
        )
        for phrase in (phrase for start in found for phrase in starts[start]):
            if len(phrase) > n and windows is None:
                windows = list(zip(*(tokens[i:] for i in range(n))))
            if len(phrase) == n or _occurs(phrase, tokens, windows):
                hits.append((prints.phrases[phrase], "tekst '" + " ".join(phrase) + "'"))
    return hits


def _occurs(phrase: tuple[str, ...], tokens: list[str], windows: list[tuple[str, ...]]) -> bool:
    """Whether a phrase longer than its windows occurs, looked for where its first words occur."""
    start, position = phrase[: len(windows[0])], -1
    while True:
        try:
            position = windows.index(start, position + 1)
        except ValueError:
            return False
        if tuple(tokens[position : position + len(phrase)]) == phrase:
            return True


def _same_file(path: Path, other: Path) -> bool:
    try:
        mine, theirs = path.stat(), other.stat()
        if (mine.st_dev, mine.st_ino) == (theirs.st_dev, theirs.st_ino):
            return True  # a hard link
        return theirs.st_size == mine.st_size and other.read_bytes() == path.read_bytes()
    except OSError:
        return False


def audit_tree(site: Path, prints: Fingerprints, skip: Path | None = None) -> list[Leak]:
    """Scan every file of ``site`` (see ``audit_files``)."""
    return audit_files(site, sorted(p for p in site.rglob("*") if p.is_file()), prints, skip)


def audit_files(
    site: Path, paths, prints: Fingerprints, skip: Path | None = None, workers: int = 1
) -> list[Leak]:
    """Scan the given files of ``site``, split over ``workers`` forked processes when there are many.
    With ``skip``, files byte-identical to the file at the same place under ``skip`` are left out: the
    caller vouches that ``skip`` passed an audit at least as strict."""
    per_file = forking.map_forked(
        _audit_some, paths, (site, prints, skip), workers=workers, parallel_from=PARALLEL_FROM
    )
    return [leak for leaks in per_file for leak in leaks]


PARALLEL_FROM = 200  # files


def _audit_some(paths: list[Path], shared: tuple) -> list[list[Leak]]:
    """The leaks of each file; a tag already scanned in an earlier file of ``paths`` is skipped."""
    site, prints, skip = shared
    seen_tags: set = set()
    return [_audit_file(site, path, prints, skip, seen_tags) for path in paths]


def _audit_file(site: Path, path: Path, prints: Fingerprints, skip, seen_tags: set) -> list[Leak]:
    relative = path.relative_to(site).as_posix()
    leaks = []
    if path.name in prints.attachments:
        leaks.append(Leak(relative, prints.attachments[path.name], "bijlage"))
    if skip is not None and _same_file(path, skip / relative):
        return leaks
    if path.suffix.lower() in PAGEFIND_SUFFIXES:
        text = pagefind_text(path.read_bytes())
    elif path.suffix.lower() in _TEXT_SUFFIXES:
        text = path.read_text("utf-8", errors="replace")
    else:
        return leaks
    return leaks + [Leak(relative, key, what) for key, what in scan_text(text, prints, seen_tags)]


def pagefind_text(data: bytes) -> str:
    """The text in a Pagefind index file, one string a line: decompressed, signature removed, and the
    strings of its JSON or CBOR taken out (so no length byte can glue itself to a word); the raw
    bytes as text when the data is neither."""
    with contextlib.suppress(OSError, EOFError, zlib.error):  # not compressed: scan it as it is
        data = gzip.decompress(data)
    data = data.removeprefix(PAGEFIND_SIGNATURE)
    try:
        return "\n".join(_json_strings(json.loads(data.decode("utf-8"))))
    except ValueError:
        pass
    try:
        return "\n".join(_cbor_strings(data))
    except ValueError:
        return data.decode("utf-8", errors="replace")


def _json_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in [key, *_json_strings(item)]]
    if isinstance(value, list):
        return [s for item in value for s in _json_strings(item)]
    return []


def _header_bytes(infos: tuple[int, ...]) -> bytes:
    """A regex character class of the first bytes of every non-string CBOR item with these infos."""
    return (
        b"["
        + b"".join(
            re.escape(bytes([major << 5 | info])) for major in (0, 1, 4, 5, 6, 7) for info in infos
        )
        + b"]"
    )


# A run of CBOR items that are not byte or text strings: numbers, container and tag headers, simple
# values. Skipping them with one regex keeps the Python loop for the strings (index chunks are
# mostly numbers: page and word positions).
_NON_STRINGS = re.compile(
    b"(?:"
    + b"|".join(
        [
            _header_bytes(tuple(range(24)) + (31,)),
            _header_bytes((24,)) + b".",
            _header_bytes((25,)) + b".{2}",
            _header_bytes((26,)) + b".{4}",
            _header_bytes((27,)) + b".{8}",
        ]
    )
    + b")*",
    re.S,
)


def _cbor_strings(data: bytes) -> list[str]:
    """The text strings of CBOR data, read item by item (containers only announce what follows)."""
    strings, i = [], 0
    while i < len(data):
        i = _NON_STRINGS.match(data, i).end()
        if i >= len(data):
            break
        major, info = data[i] >> 5, data[i] & 31
        i += 1
        if info < 24 or info == 31:
            length = info if info < 24 else 0  # 31: indefinite length or "break"; its chunks follow
        elif info <= 27:
            size = 1 << (info - 24)
            if i + size > len(data):
                raise ValueError("truncated CBOR")
            length, i = int.from_bytes(data[i : i + size], "big"), i + size
        else:
            raise ValueError("not CBOR")
        if major in (2, 3) and info != 31:
            if i + length > len(data):
                raise ValueError("truncated CBOR")
            if major == 3:
                strings.append(data[i : i + length].decode("utf-8", errors="replace"))
            i += length
    return strings
