"""Render each description body once (Markdown → sanitized HTML per section), for every audience.

Contributor HTML is sanitized here with nh3, against an allow-list sized to the Markdown extensions
enabled below. Links to attachments are rewritten to the site's bijlagen/ folder; links to other
descriptions become markers that ``resolve_internal_links`` turns into links or plain text per audience.

Every render runs within the bounds of ``render_bound`` (CPU time, memory, HTML size), in a forked
child, and includes a trial of what mkdocs later does with the description's other contributor text
(``engine_trial``: long section headings and front matter fields, escaped as on the page). Validate renders every body
this way (``render_within_bounds``) and keeps the renders (``keep``), so the build in the same process
reuses them instead of rendering again; ``render_body`` renders what was not kept, bounded too.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import markdown
import nh3

from wwidw_build import render_bound
from wwidw_build.checks.rules import allowed_attachment, resolve_link
from wwidw_build.diagnostics import Diagnostic, diag
from wwidw_build.model import KINDS, Document
from wwidw_build.pages import engine_trial
from wwidw_build.pages.escape import esc

EXTENSIONS = ["tables", "footnotes", "abbr", "admonition", "def_list", "sane_lists"]
TAGS = {
    "p",
    "br",
    "hr",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "em",
    "b",
    "i",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
    "img",
    "abbr",
    "sup",
    "sub",
    "div",
    "span",
    "del",
    "ins",
    "s",
}
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "abbr": {"title"},
    "th": {"align"},
    "td": {"align"},
    "li": {"id"},
    "sup": {"id"},
    "ol": {"start"},
}
CLASSES = {
    "div": {
        "admonition",
        "note",
        "tip",
        "info",
        "warning",
        "danger",
        "success",
        "question",
        "example",
        "quote",
        "abstract",
        "failure",
        "bug",
        "footnote",
    },
    "p": {"admonition-title"},
    "a": {"footnote-ref", "footnote-backref"},
}
URL_SCHEMES = {"http", "https", "mailto"}
INTERNAL = "#wwidw-intern/"
PAGE_PREFIX = "../../"  # description pages live at <kind folder>/<id>/ in the built site
_FOOTNOTE_ID = re.compile(r"^fn(?:ref\d*)?:[\w-]+$")
_INTERNAL_LINK = re.compile(
    r'<a\b[^>]*?\bhref="#wwidw-intern/(praktijk|archetype)/([a-z0-9-]+)"[^>]*>.*?</a>', re.S
)
_SCHEME = re.compile(r"^\s*[A-Za-z][A-Za-z0-9+.-]*:")
HIDDEN_LINK_TEXT = "een beschrijving die hier niet zichtbaar is"


@dataclass(frozen=True)
class RenderedBody:
    sections: tuple[
        tuple[str, str], ...
    ]  # (heading text, sanitized HTML); heading "" = before the first
    attachments: frozenset[str]  # file names under content/bijlagen/
    links: frozenset[tuple[str, str]]  # (kind, id) of linked descriptions


def section_heading(title: str) -> str:
    """A section's heading line on a page, as Markdown (the page builders write it, and the bounded
    render tries mkdocs' Markdown on it)."""
    return f"## {esc(title)}"


def _split(body: str) -> list[tuple[str, str, int]]:
    """The body's ``##`` sections: (heading text, Markdown, 0-based line of the heading in the body)."""
    parts: list[tuple[str, list[str], int]] = [("", [], 0)]
    in_fence = False
    for number, line in enumerate(body.splitlines()):
        if line.startswith(("```", "~~~")):
            in_fence = not in_fence
        if not in_fence and re.match(r"^##[ \t]+\S", line) and not line.startswith("###"):
            parts.append((line[2:].strip().rstrip("#").strip(), [], number))
        else:
            parts[-1][1].append(line)
    return [
        (title, "\n".join(lines), number)
        for title, lines, number in parts
        if title or "".join(lines).strip()
    ]


class _Linker:
    """nh3 attribute filter: drops unsafe titles and external images, rewrites relative links."""

    def __init__(self, document: Document, root: Path):
        self.document, self.root = document, root
        self.attachments: set[str] = set()
        self.links: set[tuple[str, str]] = set()

    def __call__(self, tag: str, attribute: str, value: str) -> str | None:
        if attribute == "title":
            return None if re.search(r"[<>&\"'`]", value) else value
        if attribute == "id":
            return value if _FOOTNOTE_ID.match(value) else None
        if attribute in ("href", "src"):
            return self._url(tag, value)
        return value

    def _url(self, tag: str, value: str) -> str | None:
        if value.startswith("#"):
            return value if _FOOTNOTE_ID.match(value[1:]) else None
        if _SCHEME.match(value) or value.startswith("//"):
            return value if tag == "a" else None  # never load images from other sites
        target = resolve_link(
            self.root, self.document.source.parent, value.split("#")[0].split("?")[0]
        )
        if target is None or not target.is_file():
            return None
        relative = PurePosixPath(target.relative_to(self.root).as_posix())
        if relative.parts[0] == "bijlagen" and len(relative.parts) == 2:
            if not allowed_attachment(target):
                return None
            self.attachments.add(relative.name)
            return PAGE_PREFIX + "bijlagen/" + relative.name
        for kind, folder in KINDS.items():
            if relative.parts[0] == folder and relative.suffix == ".md" and tag == "a":
                self.links.add((kind, relative.stem))
                return f"{INTERNAL}{kind}/{relative.stem}"
        return None


_MARKDOWN: list[markdown.Markdown] = []


def _converter() -> markdown.Markdown:
    """One Markdown instance per process: building one (with its extensions) costs more than a render."""
    if not _MARKDOWN:
        converter = markdown.Markdown(extensions=EXTENSIONS, output_format="html")
        converter.treeprocessors.register(render_bound.SizeGuard(converter), "wwidw-size", -100)
        _MARKDOWN.append(converter)
    return _MARKDOWN[0]


def _render(document: Document, root: Path, mark=lambda section: None) -> RenderedBody:
    """The render itself, unbounded: call it only through ``render_bound`` (``_bounded_render``).
    ``mark(n)`` is told which section (1-based) is being rendered."""
    linker = _Linker(document, root)
    sections = []
    converter = _converter()
    size = 0
    for number, (title, text, _) in enumerate(_split(document.body), start=1):
        mark(number)
        raw = converter.reset().convert(text)
        render_bound.check_size(size + len(raw))
        clean = nh3.clean(
            raw,
            tags=TAGS,
            attributes=ATTRIBUTES,
            allowed_classes=CLASSES,
            url_schemes=URL_SCHEMES,
            attribute_filter=linker,
            link_rel="noopener noreferrer",
        )
        size += len(clean)
        render_bound.check_size(size)
        sections.append((title, clean))
    return RenderedBody(tuple(sections), frozenset(linker.attachments), frozenset(linker.links))


def _bounded_render(item: tuple[Document, Path], mark) -> RenderedBody:
    """In a bounded child: the render, then a trial of mkdocs' Markdown on the page's other
    contributor text (``engine_trial``): each section heading as the page builders write it, and
    each front matter field. The sanitized HTML itself reaches mkdocs as a raw HTML block, which it
    only scans, in time linear in its size (bounded by the render). ``mark``: the section (1, 2, …)
    or field (-1, -2, …) being worked on."""
    document, root = item
    rendered = _render(document, root, mark)
    for number, (title, _) in enumerate(rendered.sections, start=1):
        mark(number)
        engine_trial.try_text(section_heading(title) if title else "")
    for number, (_, text) in enumerate(engine_trial.field_texts(document.meta), start=1):
        mark(-number)
        engine_trial.try_text(text)
    return rendered


class BodyTooHeavy(Exception):
    """A body that does not render within the bounds; ``diagnostic`` says where and why (Dutch)."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(f"{diagnostic.file}:{diagnostic.line}: {diagnostic.message}")
        self.diagnostic = diagnostic

    def __reduce__(self):  # raised in a forked build worker, it comes back pickled
        return (BodyTooHeavy, (self.diagnostic,))


_CODES = {
    render_bound.TIME: "tekst-te-zwaar",
    render_bound.STOPPED: "tekst-te-zwaar",
    render_bound.MEMORY_USE: "tekst-te-zwaar",
    render_bound.SIZE: "tekst-te-groot",
    render_bound.DEPTH: "tekst-te-diep",
}


def _refusal(document: Document, exceeded: render_bound.Exceeded) -> Diagnostic:
    """The located diagnostic of a description that went over a bound: at the heading of the
    section, or the field, it was working on."""
    where, line, column = "", document.body_line, 1
    sections, fields = _split(document.body), engine_trial.field_texts(document.meta)
    if 1 <= exceeded.mark <= len(sections):
        title, _, offset = sections[exceeded.mark - 1]
        line = document.body_line + offset
        where = f" in de sectie '{title[:80]}'" if title else ""
    elif 1 <= -exceeded.mark <= len(fields):
        field = fields[-exceeded.mark - 1][0]
        line, column = document.parsed.position((field,))
        where = f" in het veld '{field[:80]}'"
    return diag(
        document.path,
        line,
        column,
        _CODES[exceeded.reason],
        waar=where,
        seconden=render_bound.SECONDS,
        tekens=f"{render_bound.HTML_CHARACTERS:,}".replace(",", "."),
        geheugen=render_bound.MEMORY >> 20,
    )


def render_within_bounds(documents, root: Path | None = None) -> list[RenderedBody | Diagnostic]:
    """Render the bodies (links resolved from ``root``, by default each one's own), each within the
    bounds, in forked children: per document its render, or the diagnostic that says which bound it
    went over (validate's check)."""
    documents = list(documents)
    for make in (_converter, engine_trial.engine):
        make()  # made once here, so no child has to import the extensions itself
    items = [(d, root or d.root) for d in documents]
    outcomes = render_bound.map_bounded(_bounded_render, items, workers=_workers(documents))
    return [
        _refusal(d, o) if isinstance(o, render_bound.Exceeded) else o
        for d, o in zip(documents, outcomes)
    ]


def _workers(documents: list) -> int:
    """A child per core, up to 8, and one for every 8 bodies at most (a fork costs a few renders;
    a heavy body costs seconds, so even a few get a second child)."""
    return max(1, min(os.cpu_count() or 1, 8, len(documents) // 8))


_KEPT: dict[tuple, RenderedBody] = {}


def _key(document: Document, root: Path) -> tuple:
    return (document.source, root, document.body)


def keep(renders: list[tuple[Document, RenderedBody]]) -> None:
    """Keep these renders (validate's, each from its own root) for the build in this process,
    instead of the ones kept before."""
    _KEPT.clear()
    _KEPT.update({_key(d, d.root): r for d, r in renders})


def render_body(document, root: Path) -> RenderedBody:
    """The body's render: the one validate kept, else rendered now within the bounds. A body over
    a bound raises ``BodyTooHeavy`` (with its Dutch, located diagnostic). ``document`` may also be
    a record (records.Description), as the build passes them."""
    document = getattr(document, "document", document)
    kept = _KEPT.get(_key(document, root))
    if kept is not None:
        return kept
    outcome = render_within_bounds([document], root)[0]
    if isinstance(outcome, Diagnostic):
        raise BodyTooHeavy(outcome)
    return outcome


def resolve_internal_links(fragment: str, url_for) -> str:
    """Per audience: markers become links to visible descriptions, or neutral plain text."""

    def replace(match: re.Match) -> str:
        url = url_for(match.group(1), match.group(2))
        if url is None:
            return html.escape(HIDDEN_LINK_TEXT)
        return match.group(0).replace(
            f'href="{INTERNAL}{match.group(1)}/{match.group(2)}"', f'href="{url}"', 1
        )

    return _INTERNAL_LINK.sub(replace, fragment)
