"""Audit stage: scan every output file for fingerprints of descriptions the audience may not see.

What is looked for is in fingerprints.py: per hidden description its id as a path and a token, every
string a contributor wrote in it that nothing the audience may see also contains, and its attachments
by name and by bytes. Every file is read and scanned; only a file whose bytes passed an audit for
fingerprints that include these (``audited``: the digests the first audience's scan found clean in
this same build, see reference_build.audited_elsewhere) is not scanned again for text. A file's
place never stands in for its content: a page hard-linked from an earlier build is read like any other.
"""

from __future__ import annotations

import contextlib
import gzip
import html
import json
import posixpath
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

from wwidw_build import forking, urls
from wwidw_build.attachments import FOLDER, digest
from wwidw_build.fingerprints import (  # noqa: F401 - the audit's public names
    SEQUENCE,
    Fingerprints,
    find_phrases,
    fingerprints,
    unique_sequences,
    words,
)

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
# meta). The index proper lists word stems in sorted order: each of its strings is scanned on its
# own, since neighbours there are no phrase.
PAGEFIND_SUFFIXES = {".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter"}
PAGEFIND_WORDS = {".pf_index"}
PAGEFIND_SIGNATURE = b"pagefind_dcd"


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
    return _scan_streams([_TAG.sub(" ", text), "\n".join(tags)], prints)


def scan_strings(strings, prints: Fingerprints) -> list[tuple[str, str]]:
    """Hits in each of the strings (its text and its tags), where a phrase never spans two
    strings: a Pagefind index lists its words side by side."""
    return _scan_streams(
        [part for s in strings for part in (_TAG.sub(" ", s), " ".join(_TAG.findall(s)))], prints
    )


def _scan_streams(streams: list[str], prints: Fingerprints) -> list[tuple[str, str]]:
    """Hits in each stream of text: paths, and words and phrases that never cross two streams."""
    hits, tokens = [], []
    for part in streams:
        stream = _json_unescape(html.unescape(part)).lower()
        for match in set(_PATH.findall(stream)):
            path = f"{urls.folder(match[0])}/{match[1]}"
            if path in prints.paths:
                hits.append((prints.paths[path], f"verwijzing {path}"))
        tokens += _WORD.findall(stream)
        tokens.append(None)  # no window of words crosses two streams
    return sorted(set(hits + _scan_tokens(tokens, prints)))


_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


def _json_unescape(text: str) -> str:
    """JSON's \\uXXXX escapes decoded (the JSON-LD of a page writes <, > and & so, json_ld.py):
    a phrase with '&' in it is found there as on the page, not split by a 'u0026'."""
    return _JSON_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "\\u" in text else text


def _scan_tokens(tokens: list, prints: Fingerprints) -> list[tuple[str, str]]:
    hits = [
        (prints.tokens[t], f"id {t}" if _is_id(t, prints) else f"woord '{t}'")
        for t in set(tokens) & prints.tokens.keys()
    ]
    return hits + [
        (prints.phrases[phrase], "tekst '" + " ".join(phrase) + "'")
        for phrase in find_phrases(tokens, prints.anchors)
    ]


def _is_id(token: str, prints: Fingerprints) -> bool:
    return prints.tokens[token].split("/", 1)[1] == token


def audit_tree(site: Path, prints: Fingerprints, skip: Path | None = None) -> list[Leak]:
    """Scan every file of ``site`` (see ``audit_files``)."""
    return audit_files(site, sorted(p for p in site.rglob("*") if p.is_file()), prints)


def audit_files(
    site: Path,
    paths,
    prints: Fingerprints,
    skip: Path | None = None,
    workers: int = 1,
    audited: frozenset = frozenset(),
) -> list[Leak]:
    """The leaks in the given files of ``site`` (see ``scan``). ``skip``, a folder whose files
    were once taken as audited when this file was the same, is ignored: a place vouches for
    nothing, every file is read."""
    return scan(site, paths, prints, audited, workers)[0]


def scan(
    site: Path, paths, prints: Fingerprints, audited: frozenset = frozenset(), workers: int = 1
) -> tuple[list[Leak], frozenset[str]]:
    """Scan the given files of ``site``, split over ``workers`` forked processes when there are
    many: the leaks, and the digests (sha256) of the files without one. A file whose digest is in
    ``audited`` passed an audit for fingerprints that include ``prints`` (the caller vouches): its
    text is not scanned again, its name and bytes are checked as always."""
    per_file = forking.map_forked(
        _audit_some, paths, (site, prints, audited), workers=workers, parallel_from=PARALLEL_FROM
    )
    leaks = [leak for file_leaks, _digest in per_file for leak in file_leaks]
    clean = frozenset(file_digest for file_leaks, file_digest in per_file if not file_leaks)
    return leaks, clean


PARALLEL_FROM = 200  # files


def _audit_some(paths: list[Path], shared: tuple) -> list[tuple[list[Leak], str]]:
    """The leaks and the digest of each file; a tag already scanned in an earlier file of
    ``paths`` is skipped."""
    site, prints, audited = shared
    seen_tags: set = set()
    return [_audit_file(site, path, prints, audited, seen_tags) for path in paths]


def _audit_file(
    site: Path, path: Path, prints: Fingerprints, audited: frozenset, seen_tags: set
) -> tuple[list[Leak], str]:
    relative = path.relative_to(site).as_posix()
    data = path.read_bytes()
    file_digest = digest(data)
    leaks = [
        Leak(relative, key, "bijlage") for key in _attachment(relative, data, file_digest, prints)
    ]
    suffix = path.suffix.lower()
    if file_digest in audited:
        return leaks, file_digest
    if suffix in PAGEFIND_WORDS:
        found = scan_strings(pagefind_strings(data), prints)
    elif suffix in PAGEFIND_SUFFIXES:
        found = scan_text(pagefind_text(data), prints)
    elif suffix in _TEXT_SUFFIXES:
        found = scan_text(data.decode("utf-8", errors="replace"), prints, seen_tags)
    else:
        return leaks, file_digest
    return leaks + [Leak(relative, key, what) for key, what in found], file_digest


def _attachment(relative: str, data: bytes, file_digest: str, prints: Fingerprints) -> list[str]:
    """The hidden description whose attachment this file is. In bijlagen/ (where the build puts
    attachments) by its name, even when a visible description links a file of that name too,
    unless its bytes differ from every hidden file so named (another file with the same name); and
    anywhere by its bytes, unless they are those of an attachment the audience may have."""
    if not data:
        return []
    folder, name = posixpath.split(relative)
    if folder == FOLDER and name in prints.attachments:
        known = prints.named_bytes.get(name)
        if not known or file_digest in known:
            return [prints.attachments[name]]
    if file_digest in prints.attachment_bytes and file_digest not in prints.shared_bytes:
        return [prints.attachment_bytes[file_digest]]
    return []


def pagefind_text(data: bytes) -> str:
    """The text in a Pagefind index file, one string a line (see ``pagefind_strings``)."""
    return "\n".join(pagefind_strings(data))


def pagefind_strings(data: bytes) -> list[str]:
    """The strings in a Pagefind index file: decompressed, signature removed, and the strings of its
    JSON or CBOR taken out (so no length byte can glue itself to a word); the raw bytes as one text
    when the data is neither."""
    with contextlib.suppress(OSError, EOFError, zlib.error):  # not compressed: scan it as it is
        data = gzip.decompress(data)
    data = data.removeprefix(PAGEFIND_SIGNATURE)
    try:
        return _json_strings(json.loads(data.decode("utf-8")))
    except ValueError:
        pass
    try:
        return _cbor_strings(data)
    except ValueError:
        return [data.decode("utf-8", errors="replace")]


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
