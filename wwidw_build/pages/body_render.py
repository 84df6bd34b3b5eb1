"""Render each description body once (Markdown → sanitized HTML per section), for every audience.

Contributor HTML is sanitized here with nh3, against an allow-list sized to the Markdown extensions
enabled below. Links to attachments are rewritten to the site's bijlagen/ folder; links to other
descriptions become markers that ``resolve_internal_links`` turns into links or plain text per audience.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import markdown
import nh3

from wwidw_build.checks.rules import allowed_attachment, resolve_link
from wwidw_build.model import KINDS, Document

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


def _split(body: str) -> list[tuple[str, str]]:
    parts: list[tuple[str, list[str]]] = [("", [])]
    in_fence = False
    for line in body.splitlines():
        if line.startswith(("```", "~~~")):
            in_fence = not in_fence
        if not in_fence and re.match(r"^##[ \t]+\S", line) and not line.startswith("###"):
            parts.append((line[2:].strip().rstrip("#").strip(), []))
        else:
            parts[-1][1].append(line)
    return [(title, "\n".join(lines)) for title, lines in parts if title or "".join(lines).strip()]


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
        _MARKDOWN.append(markdown.Markdown(extensions=EXTENSIONS, output_format="html"))
    return _MARKDOWN[0]


def render_body(document: Document, root: Path) -> RenderedBody:
    linker = _Linker(document, root)
    sections = []
    converter = _converter()
    for title, text in _split(document.body):
        raw = converter.reset().convert(text)
        clean = nh3.clean(
            raw,
            tags=TAGS,
            attributes=ATTRIBUTES,
            allowed_classes=CLASSES,
            url_schemes=URL_SCHEMES,
            attribute_filter=linker,
            link_rel="noopener noreferrer",
        )
        sections.append((title, clean))
    return RenderedBody(tuple(sections), frozenset(linker.attachments), frozenset(linker.links))


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
