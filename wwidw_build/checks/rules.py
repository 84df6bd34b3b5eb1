"""Cross-file rules for one description: references, years, visibility, sections, privacy, links."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path, PurePosixPath

from wwidw_build import urls
from wwidw_build.attachments import file_digest, owners, readers
from wwidw_build.audience import all_audiences
from wwidw_build.checks import text
from wwidw_build.checks.evidence_rules import check_evidence
from wwidw_build.checks.privacy import find_personal_data
from wwidw_build.checks.suggest import suggestion
from wwidw_build.content_sources import may_refer, tier_of
from wwidw_build.diagnostics import Diagnostic, diag
from wwidw_build.model import Content, Document
from wwidw_build.sections import SECTIONS, filled_sections

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
RESERVED_IDS = urls.RESERVED_PAGES  # the site uses <folder>/index for its list pages
EARLIEST_YEAR = 1945
# Link targets as the renderer finds them: Markdown links and images, HTML href/src in any case and
# quoting inside a tag (prose such as 'src=x' links nothing), reference definitions (the target may be
# on the next line). Unquoted attribute values are not checked, as before: '<img src=x …>' in prose, in
# code or as a sanitized payload is no broken link to report. This finds broken links only; which
# attachments a body refers to (what may leak) is attachments.referred_names, which reads every spelling.
_LINK = re.compile(
    r"\]\(\s*(?:<([^>\n]*)>|((?:\\.|[^)\s>\\])+))"
    r"|<[A-Za-z][^<>]*?[\s/](?:src|href)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')"
    r"|^[ ]{0,3}\[(?!\^)[^\]]+\]:\s*(?:<([^>\n]*)>|([^\s>]+))",
    re.M | re.I,
)
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//|^#")


def suggest_id(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "mijn-beschrijving"


def check_document(
    doc: Document, content: Content, archetypes: dict[str, Document], today: date
) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    if not ID_PATTERN.match(doc.id):
        out.append(diag(doc.path, 1, 1, "id-ongeldig", id=doc.id, voorstel=suggest_id(doc.id)))
    elif doc.id in RESERVED_IDS:
        out.append(diag(doc.path, 1, 1, "id-gereserveerd", id=doc.id))
    out += _references(doc, content, archetypes)
    if doc.kind == "praktijk":
        out += _years(doc, today)
    out += _visibility(doc, content)
    out += _tiers(doc, content, archetypes)
    out += _sections(doc)
    out += _privacy(doc)
    out += _body_characters(doc)
    out += _links(doc, doc.root)
    out += check_evidence(doc, today)
    return out


def _ids_at(doc: Document, key: str) -> list[tuple[tuple, object]]:
    value = doc.meta.get(key)
    if isinstance(value, list):
        return [((key, i), v) for i, v in enumerate(value)]
    return [((key,), value)] if value is not None else []


def _references(
    doc: Document, content: Content, archetypes: dict[str, Document]
) -> list[Diagnostic]:
    reg = content.registry
    names = {
        "organisatie": ("onbekende-organisatie", {k: o.naam for k, o in reg.organisaties.items()}),
        "themas": ("onbekend-thema", {k: t.naam for k, t in reg.themas.items()}),
        "doelgroepen": ("onbekende-doelgroep", {k: t.naam for k, t in reg.doelgroepen.items()}),
        "beoogde_effecten": ("onbekend-effect", {k: e.naam for k, e in reg.effecten.items()}),
        "archetype": ("onbekend-archetype", {k: d.titel for k, d in archetypes.items()}),
        "verwante_archetypen": ("onbekend-archetype", {k: d.titel for k, d in archetypes.items()}),
    }
    out = []
    for key, (code, known) in names.items():
        for path, value in _ids_at(doc, key):
            if isinstance(value, str) and value not in known:
                out.append(
                    diag(
                        doc.path,
                        *doc.position(path),
                        code,
                        waarde=value,
                        suggestie=suggestion(value, known),
                    )
                )
    intended = {v for _, v in _ids_at(doc, "beoogde_effecten") if isinstance(v, str)}
    effects = names["beoogde_effecten"][1]
    for key in ("resultaten", "niet_beoogde_effecten"):
        out += _result_effects(doc, key, intended, effects)
    return out


def _result_effects(doc: Document, key: str, intended: set, effects: dict) -> list[Diagnostic]:
    out = []
    results = doc.meta.get(key)
    for i, result in enumerate(results if isinstance(results, list) else []):
        effect = result.get("effect") if isinstance(result, dict) else None
        if not isinstance(effect, str):
            continue
        position = doc.position((key, i, "effect"))
        if effect not in effects:
            out.append(
                diag(
                    doc.path,
                    *position,
                    "onbekend-effect",
                    waarde=effect,
                    suggestie=suggestion(effect, effects),
                )
            )
        elif key == "resultaten" and effect not in intended:
            out.append(diag(doc.path, *position, "resultaat-niet-beoogd", waarde=effect))
    return out


def _years(doc: Document, today: date) -> list[Diagnostic]:
    out = []
    limits = {
        "startjaar": (EARLIEST_YEAR, today.year + 1),
        "eindjaar": (EARLIEST_YEAR, today.year + 10),
    }
    years = {}
    for key, (low, high) in limits.items():
        value = doc.meta.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            years[key] = value
            if not low <= value <= high:
                out.append(
                    diag(
                        doc.path,
                        *doc.position((key,)),
                        "jaar-onwaarschijnlijk",
                        jaar=value,
                        veld=key,
                        van=low,
                        tot=high,
                    )
                )
    start, end = years.get("startjaar"), years.get("eindjaar")
    if start is not None and end is not None and end < start:
        out.append(
            diag(
                doc.path,
                *doc.position(("eindjaar",)),
                "eindjaar-voor-startjaar",
                eindjaar=end,
                startjaar=start,
            )
        )
    status = doc.meta.get("projectstatus")
    if status == "lopend" and end is not None and end < today.year:
        out.append(
            diag(doc.path, *doc.position(("eindjaar",)), "lopend-met-eindjaar", eindjaar=end)
        )
    if status in ("afgerond", "gestopt") and "eindjaar" not in doc.meta:
        out.append(
            diag(doc.path, *doc.position(("projectstatus",)), "eindjaar-ontbreekt", status=status)
        )
    return out


def _visibility(doc: Document, content: Content) -> list[Diagnostic]:
    out = []
    visibility = doc.zichtbaarheid
    where = doc.position(("zichtbaarheid",))
    organisation = (
        content.registry.organisaties.get(doc.organisatie or "") if doc.kind == "praktijk" else None
    )
    if visibility == "organisatie" and organisation is None:
        out.append(diag(doc.path, *where, "zichtbaarheid-zonder-organisatie"))
    if (
        organisation is not None
        and not organisation.partner
        and visibility in ("partners", "organisatie")
    ):
        lezers = (
            "alleen partners haar lezen, de eigen organisatie niet"
            if visibility == "partners"
            else "niemand haar lezen"
        )
        out.append(
            diag(
                doc.path,
                *where,
                "organisatie-geen-partner",
                waarde=organisation.id,
                zichtbaarheid=visibility,
                lezers=lezers,
            )
        )
    return out


def _tiers(doc: Document, content: Content, archetypes: dict[str, Document]) -> list[Diagnostic]:
    """A description lives in the source of its tier, and names only descriptions every one of
    its readers may also read (the same or a more public tier)."""
    out = []
    origin = doc.origin
    wanted = tier_of(doc.zichtbaarheid, doc.organisatie if doc.kind == "praktijk" else None)
    if origin is not None and wanted is not None and wanted != origin.tier:
        target = next((s for s in content.sources if s.tier == wanted), None)
        out.append(
            diag(
                doc.path,
                *doc.position(("zichtbaarheid",)),
                "hoort-in-bron",
                zichtbaarheid=doc.zichtbaarheid,
                doel=f"bron '{target.name}' ({wanted})"
                if target
                else f"een bron met niveau '{wanted}'",
                doelnaam=target.name if target else "<bron>",
                bron=origin.name,
                niveau=origin.tier,
                id=doc.id,
            )
        )
    for path, value in _ids_at(doc, "archetype") + _ids_at(doc, "verwante_archetypen"):
        linked = archetypes.get(value) if isinstance(value, str) else None
        if linked is not None and not may_refer(doc.tier, linked.tier):
            out.append(
                diag(
                    doc.path,
                    *doc.position(path),
                    "verwijzing-minder-openbaar",
                    niveau=doc.tier,
                    waarde=value,
                    bron=linked.origin.name if linked.origin else "?",
                    doelniveau=linked.tier,
                )
            )
    return out


def _sections(doc: Document) -> list[Diagnostic]:
    filled = set(filled_sections(doc.kind, doc.body))
    return [
        diag(doc.path, doc.body_line, 1, "sectie-ontbreekt", sectie=s)
        for s in SECTIONS[doc.kind]
        if s not in filled
    ]


def _line_col(text: str, offset: int, first_line: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset)
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return first_line + line, column


def _body_characters(doc: Document) -> list[Diagnostic]:
    """Control and bidirectional characters in the body (tabs and newlines are fine): the first of
    each kind of character, located, so a file full of them gives a few lines, not thousands."""
    out, seen = [], set()
    for offset, code, char in text.forbidden(doc.body, multiline=True):
        if char not in seen:
            seen.add(char)
            line, column = _line_col(doc.body, offset, doc.body_line)
            out.append(diag(doc.path, line, column, code, waar="De tekst", teken=char))
    return out


def _privacy(doc: Document) -> list[Diagnostic]:
    out = [
        diag(doc.path, *_line_col(doc.body, f.offset, doc.body_line), f.code, waarde=f.value)
        for f in find_personal_data(doc.body)
    ]
    summary = doc.meta.get("samenvatting")
    if isinstance(summary, str):
        line, column = doc.parsed.value_positions.get(("samenvatting",), (2, 1))
        out += [
            diag(doc.path, line, column, f.code, waarde=f.value)
            for f in find_personal_data(summary)
        ]
    return out


# File types an attachment may have: documents, spreadsheets and bitmap images. Not SVG or HTML (or
# anything else a browser runs as a page): served from the site itself, their script would run
# there.
ATTACHMENT_TYPES = frozenset(
    {
        ".pdf",
        ".docx",
        ".xlsx",
        ".pptx",
        ".odt",
        ".ods",
        ".odp",
        ".csv",
        ".txt",
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".webp",
    }
)


def allowed_attachment(path: Path) -> bool:
    return path.suffix.lower() in ATTACHMENT_TYPES


def _links(doc: Document, root: Path) -> list[Diagnostic]:
    """Relative links must point at existing files inside content/ (attachments: ../bijlagen/...),
    and an attachment must be of an allowed type."""
    out = []
    for offset, target in _targets(doc.body):
        position = _line_col(doc.body, offset, doc.body_line)
        resolved = resolve_link(root, doc.source.parent, target)
        if resolved is None:
            out.append(diag(doc.path, *position, "buiten-inhoudsmap"))
        elif not resolved.is_file():
            out.append(diag(doc.path, *position, "bijlage-ontbreekt", waarde=target))
        elif resolved.parent == root / "bijlagen" and not allowed_attachment(resolved):
            out.append(
                diag(
                    doc.path,
                    *position,
                    "bijlage-type",
                    waarde=target,
                    type=resolved.suffix.lower().lstrip(".") or "zonder extensie",
                )
            )
    return out


def link_problems(doc: Document, root: Path) -> list[Diagnostic]:
    """The link checks of a body, for a site page too (validate): every relative link must resolve."""
    return _links(doc, root)


def _targets(body: str) -> list[tuple[int, str]]:
    """(offset, target) of every relative link in the body, decoded as the renderer reads it
    (Markdown escapes, HTML entities), without its #fragment or ?query."""
    found = []
    for match in _LINK.finditer(body):
        raw = next(group for group in match.groups() if group is not None)
        target = html.unescape(_MARKDOWN_ESCAPE.sub(r"\1", raw)).split("#", 1)[0].split("?", 1)[0]
        if target and not _SCHEME.match(target):
            found.append((match.start(), target))
    return found


def linked_files(doc: Document, root: Path) -> list[Path]:
    """The files inside content/ that the body links to (attachments, other descriptions)."""
    found = []
    for _offset, target in _targets(doc.body):
        resolved = resolve_link(root, doc.source.parent, target)
        if resolved is not None and resolved.is_file():
            found.append(resolved)
    return found


def attachment_owners(content: Content) -> list[Diagnostic]:
    """A description may refer only to attachments whose every other owner is at least as public
    as itself: everyone who may read it may read them (``attachments.readers``, by ``may_see``).
    Otherwise its readers could not get the file, or would get one meant for fewer readers. A copy
    of an attachment in another source (the same name and bytes) that a less public description
    owns is reported as a warning: a build that reads both sources takes it for a leak."""
    registry = content.registry
    audiences = all_audiences(registry)
    cache: dict = {}

    def readers_of(document: Document) -> frozenset:
        key = (document.kind, document.id, document.path)
        if key not in cache:
            cache[key] = readers(document, registry, audiences)
        return cache[key]

    found = owners(content.documents)
    out = []
    for (_root, name), documents in found.items():
        for document in documents:
            fewer = [o for o in documents if not readers_of(document) <= readers_of(o)]
            if fewer:
                out.append(_shared(document, name, fewer, "bijlage-minder-openbaar"))
    for name, copies in _copies(found):
        for root, documents in copies:
            others = [o for other, owners_there in copies if other != root for o in owners_there]
            for document in documents:
                fewer = [o for o in others if not readers_of(document) <= readers_of(o)]
                if fewer:
                    out.append(_shared(document, name, fewer, "bijlage-kopie-minder-openbaar"))
    return out


def _copies(found: dict) -> list[tuple[str, list[tuple[Path, list]]]]:
    """Groups of the same attachment in several sources: the same name and the same bytes."""
    by_name: dict[str, list] = {}
    for (root, name), documents in found.items():
        by_name.setdefault(name, []).append((root, documents))
    groups = []
    for name, places in by_name.items():
        if len(places) < 2:
            continue
        by_bytes: dict[str, list] = {}
        for root, documents in places:
            found_bytes = file_digest(root / "bijlagen" / name)
            if found_bytes is not None:
                by_bytes.setdefault(found_bytes, []).append((root, documents))
        groups += [(name, copies) for copies in by_bytes.values() if len(copies) > 1]
    return groups


def _shared(document: Document, name: str, fewer: list, code: str) -> Diagnostic:
    return diag(
        document.path,
        *_reference_position(document, name),
        code,
        waarde=name,
        andere=", ".join(_described(other) for other in fewer),
    )


def _reference_position(doc: Document, name: str) -> tuple[int, int]:
    """Where the body refers to attachment ``name`` (its first link, else the first mention)."""
    for offset, target in _targets(doc.body):
        if target.rstrip("/").rsplit("/", 1)[-1] == name:
            return _line_col(doc.body, offset, doc.body_line)
    offset = doc.body.find(name)
    return _line_col(doc.body, max(offset, 0), doc.body_line)


def _described(doc: Document) -> str:
    visibility = doc.zichtbaarheid or "zonder geldige zichtbaarheid"
    concept = ", concept" if doc.concept or doc.concept_malformed else ""
    return f"'{doc.id}' ({doc.path}: {visibility}{concept})"


def resolve_link(root: Path, base: Path, target: str) -> Path | None:
    """Resolve a link as Markdown does (relative to the document's folder, '/' meaning the content
    root); None when it leaves the content root."""
    start = [] if target.startswith("/") else list(base.relative_to(root).parts)
    parts = list(start)
    for part in PurePosixPath(target.lstrip("/")).parts:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part != ".":
            parts.append(part)
    path = root.joinpath(*parts)
    try:
        if path.is_symlink() or not path.resolve().is_relative_to(root.resolve()):
            return None
    except (ValueError, OSError):  # e.g. an embedded NUL byte: not a usable path
        return None
    return path
