"""Load stage: read every file of the sources once into records, reporting what cannot be read."""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

from wwidw_build import strict_yaml
from wwidw_build.content_sources import ContentSource, shorthand
from wwidw_build.diagnostics import Diagnostic, diag
from wwidw_build.model import KINDS, PAGE_FOLDER, PAGE_KIND, Content, Document, Registry, SourceFile
from wwidw_build.registry import DATA_FILES, build_registry
from wwidw_build.source_fetch import SourceUnavailable

MAX_BYTES = 256 * 1024
_CLOSING = re.compile(r"^---[ \t]*$", re.M)
_PLACEHOLDER = ".gitkeep"  # skipped silently when empty (``wwidw source new`` writes them)
_NOT_DESCRIPTIONS = {"README.md"}  # .md files that explain a folder: skipped, with a warning


def load_content(root: Path) -> tuple[Content, list[Diagnostic]]:
    """Read the registry, the taxonomies and every description under ``root`` (one public source)."""
    return load_sources([shorthand(root)])


def load_sources(sources: list[ContentSource]) -> tuple[Content, list[Diagnostic]]:
    """Read every resolved source once: the registry and taxonomies from the public source only
    (the first one listed if several are public), the descriptions from each."""
    diagnostics: list[Diagnostic] = []
    public = next(s for s in sources if s.is_public)
    ordered = [public] + [s for s in sources if s is not public]
    data_files = _data_files(public, diagnostics)
    documents = []
    for origin in ordered:
        if origin is not public:
            diagnostics += _registry_outside_public(origin)
            diagnostics += _pages_outside_public(origin)
        for kind, folder in KINDS.items():
            for path in _walk(origin, origin.root / folder, diagnostics):
                document = _read_document(origin, kind, path, diagnostics)
                if document is not None:
                    documents.append(document)
    content = Content(
        public.root,
        data_files,
        build_registry(data_files),
        tuple(documents),
        sources=tuple(ordered),
        pages=tuple(_site_pages(public, diagnostics)),
    )
    return content, diagnostics


def _site_pages(public: ContentSource, diagnostics: list) -> list[Document]:
    """The site pages (Meedoen, ...) of the public source: every site shows them, so only the public
    source may hold them."""
    pages = []
    for path in _walk(public, public.root / PAGE_FOLDER, diagnostics):
        page = _read_document(public, PAGE_KIND, path, diagnostics)
        if page is not None:
            pages.append(page)
    return pages


def _pages_outside_public(origin: ContentSource) -> list[Diagnostic]:
    """A private source with site pages is an error: every audience shows a site page, so its text
    would reach readers who may not see that source."""
    folder = origin.root / PAGE_FOLDER
    if not folder.exists():
        return []
    return [
        diag(
            origin.display(folder),
            1,
            1,
            "paginas-buiten-openbare-bron",
            bron=origin.name,
            niveau=origin.tier,
        )
    ]


def load_registry(public: ContentSource) -> Registry:
    """Only the registry of the public source (which audiences exist), without its descriptions."""
    return build_registry(_data_files(public, []))


def _data_files(public: ContentSource, diagnostics: list) -> dict[str, SourceFile]:
    data_files = {}
    for key, relative in DATA_FILES.items():
        source = _read_data_file(public, relative, diagnostics)
        if source is not None:
            data_files[key] = source
    return data_files


def _registry_outside_public(origin: ContentSource) -> list[Diagnostic]:
    """The registry and taxonomies come from the public source only: a copy elsewhere is an error
    (it would silently disagree with the real one)."""
    return [
        diag(
            origin.display(origin.root / relative),
            1,
            1,
            "register-buiten-openbare-bron",
            bron=origin.name,
            niveau=origin.tier,
        )
        for relative in DATA_FILES.values()
        if (origin.root / relative).exists()
    ]


def display_path(root: Path, path: Path) -> str:
    """The path as a contributor knows it: relative to the repository (content/...)."""
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def _walk(origin: ContentSource, folder: Path, diagnostics: list) -> list[Path]:
    """All .md files below ``folder`` in a stable order. Nothing is skipped without a word: symlinks,
    stray files, a README.md and folders starting with a dot are reported; only an empty .gitkeep
    (git's placeholder for an empty folder) passes silently. A folder that cannot be listed stops
    the command (SourceUnavailable)."""
    found: list[Path] = []
    shown = origin.display
    if not folder.is_dir() or folder.is_symlink():
        if folder.is_symlink():
            diagnostics.append(diag(shown(folder), 1, 1, "symlink"))
        return found
    for dirpath, dirnames, filenames in os.walk(folder, onerror=_unreadable(origin)):
        here = Path(dirpath)
        kept = []
        for name in sorted(dirnames):
            if (here / name).is_symlink():
                diagnostics.append(diag(shown(here / name), 1, 1, "symlink"))
            elif name.startswith("."):
                diagnostics.append(diag(shown(here / name), 1, 1, "map-overgeslagen", naam=name))
            else:
                kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            path = here / name
            if name == _PLACEHOLDER and not path.is_symlink() and _is_empty_file(path):
                continue
            if path.is_symlink():
                diagnostics.append(diag(shown(path), 1, 1, "symlink"))
            elif name in _NOT_DESCRIPTIONS:
                diagnostics.append(diag(shown(path), 1, 1, "bestand-overgeslagen", naam=name))
            elif not name.endswith(".md") or not path.is_file():
                diagnostics.append(diag(shown(path), 1, 1, "bestand-onbekend"))
            else:
                found.append(path)
    return found


def _is_empty_file(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size == 0
    except OSError:
        return False


def _unreadable(origin: ContentSource):
    def stop(error: OSError) -> None:
        raise SourceUnavailable(
            f"De bron '{origin.name}' ({origin.tier}) is niet helemaal te lezen: "
            f"{origin.display(Path(error.filename or origin.root))} kan niet worden geopend."
        )

    return stop


@functools.lru_cache(maxsize=16)
def _resolved(root: Path) -> Path:
    return root.resolve()


def _origin(place: ContentSource | Path) -> ContentSource:
    """A source, or a bare content folder taken as the one public source (``--content``)."""
    return place if isinstance(place, ContentSource) else shorthand(place)


def read_text(place: ContentSource | Path, path: Path, diagnostics: list) -> str | None:
    """Read a file strictly: no symlinks, inside the source's folder, at most 256 KiB, UTF-8."""
    origin = _origin(place)
    root = origin.root
    shown = origin.display(path)
    if path.is_symlink():
        diagnostics.append(diag(shown, 1, 1, "symlink"))
        return None
    if not path.resolve().is_relative_to(_resolved(root)):
        diagnostics.append(diag(shown, 1, 1, "buiten-inhoudsmap"))
        return None
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        diagnostics.append(
            diag(
                shown, 1, 1, "bestand-te-groot", grootte=len(data) // 1024, grens=MAX_BYTES // 1024
            )
        )
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        diagnostics.append(diag(shown, line, column, "geen-utf8", positie=exc.start))
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def _read_data_file(origin: ContentSource, relative: str, diagnostics: list) -> SourceFile | None:
    path = origin.root / relative
    shown = origin.display(path)
    if not path.exists() and not path.is_symlink():
        diagnostics.append(diag(shown, 1, 1, "register-ontbreekt", bestand=shown))
        return None
    text = read_text(origin, path, diagnostics)
    if text is None:
        return None
    parsed = strict_yaml.parse(text)
    diagnostics.extend(_problems(shown, parsed))
    return SourceFile(shown, parsed)


def _read_document(
    origin: ContentSource, kind: str, path: Path, diagnostics: list
) -> Document | None:
    text = read_text(origin, path, diagnostics)
    return None if text is None else document_from_text(origin, kind, path, text, diagnostics)


def document_from_text(
    place: ContentSource | Path, kind: str, path: Path, text: str, diagnostics: list
) -> Document | None:
    """Parse one description's text (also used for files not yet written, by ``wwidw new``)."""
    origin = _origin(place)
    shown = origin.display(path)
    split = split_front_matter(text)
    if isinstance(split, str):
        diagnostics.append(diag(shown, 1, 1, split))
        return None
    front, body, body_line = split
    parsed = strict_yaml.parse(front, line_offset=1)
    diagnostics.extend(_problems(shown, parsed))
    meta = parsed.value
    if (
        parsed.value is None
        and not parsed.problems
        or parsed.value is not None
        and not isinstance(meta, dict)
    ):
        diagnostics.append(diag(shown, 2, 1, "voorwerk-geen-velden"))
    if not isinstance(meta, dict):
        meta = {}
    return Document(kind, path.stem, shown, path, meta, body, body_line, parsed, origin)


def split_front_matter(text: str) -> tuple[str, str, int] | str:
    """Split into (front matter, body, body's first line), or return an error code."""
    if not text.strip():
        return "bestand-leeg"
    if not (text.startswith("---\n") or text.rstrip("\n") == "---"):
        return "voorwerk-ontbreekt"
    rest = text[4:]
    closing = _CLOSING.search(rest)
    if closing is None:
        return "voorwerk-niet-afgesloten"
    front = rest[: closing.start()]
    body_start = closing.end() + 1
    body_line = 2 + front.count("\n") + 1
    return front, rest[body_start:], body_line


def _problems(shown: str, parsed: strict_yaml.Parsed) -> list[Diagnostic]:
    return [diag(shown, p.line, p.column, p.code, **p.params) for p in parsed.problems]
