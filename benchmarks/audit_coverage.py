"""How many of a hidden description's strings the leak audit recognises (issue 13 item 15).

For every audience of a ``bronnen.yml`` (default: the sample sources), every string a contributor
wrote in a description that audience may not see is put alone on a page (HTML-escaped, in a <p>),
and the audit's fingerprints for that audience are run over it: recognised when the audit reports a
hit. The strings are defined here, not taken from the code under test, so the same script measures
an older engine (run it with ``PYTHONPATH=<checkout of that commit>``): each front-matter string value
(recursively), each sentence, line or paragraph of the body (link targets removed) and each web
address the body links to. An unrecognised string is counted as ``te kort`` (fewer than 5 letters
and digits, or no letter), ``gedeeld`` (its words also occur, in that order, in a description the
audience sees or in the registry, a single word also as the start of one there, since the search
index stores stems: finding it proves nothing), ``site`` (in the site's own text, as
this checkout's wwidw_build/site_chrome.py reads it: labels, enumerations, theme) or ``gemist``.

    .venv/bin/python benchmarks/audit_coverage.py [bronnen.yml]
"""

from __future__ import annotations

import html
import importlib.util
import inspect
import re
import sys
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from wwidw_build import audit
from wwidw_build.audience import all_audiences
from wwidw_build.content_sources import read_sources_file
from wwidw_build.pipeline import load_and_validate
from wwidw_build.selection import select
from wwidw_build.source_fetch import resolve

_DESTINATION = re.compile(
    r"\]\(\s*(?:<[^>\n]*>|[^)\s]*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:.*$", re.M)
_ADDRESS = re.compile(r"https?://[^\s<>\"'()\[\]]+", re.I)
_BLOCK = re.compile(r"^[ \t]*(?:\||(?:[#>*+-]|\d+[.)])(?:[ \t]|$))")
_HEADING = re.compile(r"^[ \t]*#")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[0-9a-zà-ÿ]")


def strings_of(document) -> list[str]:
    """Front-matter string values, recursively; the body's sentences, list items, table rows and
    headings (link text without its target); the web addresses the body links to."""
    loaded = getattr(document, "document", document)
    text = _DEFINITION.sub("", _DESTINATION.sub("]", loaded.body))
    blocks, lines = [], []
    for line in [*text.splitlines(), ""]:
        if lines and (not line.strip() or _BLOCK.match(line) or _HEADING.match(lines[0])):
            blocks.append(" ".join(lines))
            lines = []
        if line.strip():
            lines.append(line.strip())
    pieces = [piece for block in blocks for piece in _SENTENCE_END.split(block)]
    pieces = [piece for piece in pieces if _WORD.search(piece.lower())]
    return _values(loaded.meta) + pieces + _ADDRESS.findall(loaded.body)


def _values(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [s for item in value.values() for s in _values(item)]
    if isinstance(value, (list, tuple)):
        return [s for item in value for s in _values(item)]
    return []


def _registry_text(registry) -> str:
    out = []

    def walk(value):
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)
        elif hasattr(value, "__dataclass_fields__"):
            for name in value.__dataclass_fields__:
                walk(getattr(value, name))

    for table in (registry.organisaties, registry.themas, registry.doelgroepen, registry.domeinen):
        for key, entry in table.items():
            out.append(key)
            walk(entry)
    return " ".join(out)


def _chrome_words() -> tuple[str, set[str]]:
    """The site's own text by this checkout's site_chrome.py (loaded by path: the engine under test
    may be older and lack it), as ' word word ' lines, and its vocabulary."""
    path = Path(__file__).resolve().parent.parent / "wwidw_build" / "site_chrome.py"
    spec = importlib.util.spec_from_file_location("site_chrome_measured", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    streams = [audit.words(text) for text in module.chrome_texts()]
    return "\n".join(" " + " ".join(s) + " " for s in streams), {w for s in streams for w in s}


def measure(sources_file: Path) -> dict:
    sources, problems = read_sources_file(sources_file)
    assert not problems, problems
    content, diagnostics = load_and_validate([resolve(s) for s in sources])
    assert not [d for d in diagnostics if d.is_error], diagnostics
    sequences = audit.unique_sequences(content.documents)
    takes_registry = "registry" in inspect.signature(audit.fingerprints).parameters
    chrome, chrome_vocabulary = _chrome_words()
    totals: Counter = Counter()
    per_audience = {}
    for audience in all_audiences(content.registry):
        selection = select(content, audience)
        extra = {"registry": content.registry} if takes_registry else {}
        prints = audit.fingerprints(
            selection.hidden, selection.visible, sequences, lambda _d: frozenset(), **extra
        )
        shared = "\n".join(
            " " + " ".join(audit.words(" ".join([d.id, *strings_of(d)]))) + " "
            for d in selection.visible
        )
        shared += "\n " + " ".join(audit.words(_registry_text(content.registry))) + " "
        counts: Counter = Counter()
        for document in selection.hidden:
            for string in strings_of(document):
                counts["strings"] += 1
                if audit.scan_text(f"<p>{html.escape(string)}</p>", prints):
                    counts["herkend"] += 1
                    continue
                tokens = audit.words(string)
                if sum(map(len, tokens)) < 5 or not any(c.isalpha() for c in "".join(tokens)):
                    counts["te kort"] += 1
                elif " " + " ".join(tokens) + " " in shared or (
                    len(tokens) == 1 and " " + tokens[0] in shared
                ):
                    counts["gedeeld"] += 1
                elif " " + " ".join(tokens) + " " in chrome or (
                    len(tokens) == 1 and any(w.startswith(tokens[0]) for w in chrome_vocabulary)
                ):
                    counts["site"] += 1
                else:
                    counts["gemist"] += 1
        per_audience[audience.name] = counts
        totals.update(counts)
    return {"per_audience": per_audience, "totaal": totals}


def main() -> None:
    sources_file = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("bronnen.yml")
    result = measure(sources_file)
    columns = ("strings", "herkend", "te kort", "gedeeld", "site", "gemist")
    print(f"{'publiek':36}" + "".join(f"{c:>9}" for c in columns))
    for name, counts in [*result["per_audience"].items(), ("totaal", result["totaal"])]:
        print(f"{name:36}" + "".join(f"{counts[c]:>9}" for c in columns))


if __name__ == "__main__":
    main()
