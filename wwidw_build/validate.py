"""Validate stage: schema checks and cross-file rules over loaded content, as diagnostics."""

from __future__ import annotations

import os
from collections.abc import Collection
from datetime import date
from pathlib import Path

from wwidw_build import forking
from wwidw_build.checks import schema_check
from wwidw_build.checks.rules import (
    ID_PATTERN,
    RESERVED_IDS,
    attachment_owners,
    check_document,
    link_problems,
    suggest_id,
)
from wwidw_build.diagnostics import Diagnostic, diag
from wwidw_build.model import Content, Document, SourceFile
from wwidw_build.pages import body_render


def validate(
    content: Content, today: date | None = None, rendered: Collection[Path] | None = None
) -> list[Diagnostic]:
    """Every check runs, so all problems are reported at once; sorted by file and position.

    Every body is rendered within the bounds (and the renders kept for a build in this process);
    ``rendered``: only the descriptions at these paths (``Document.source``), for a command that
    reports on a few and builds nothing (``wwidw review``)."""
    today = today or date.today()
    out: list[Diagnostic] = []
    for key, source in content.data_files.items():
        out += _check_data_file(key, source)
    out += _validate_documents(content, today)
    out += _validate_pages(content.pages)
    if rendered is None:
        out += _render_problems(content.documents + content.pages, keep=True)
    else:
        out += _render_problems([d for d in content.documents if d.source in set(rendered)])
    out += _duplicate_documents(content.documents)
    out += _check_sources(content)
    out += attachment_owners(content)
    return sorted(set(out), key=lambda d: (d.file, d.line, d.column, d.code))


PARALLEL_FROM = 400  # below this, starting worker processes costs more than it saves


def _validate_documents(content: Content, today: date) -> list[Diagnostic]:
    archetypes = {d.id: d for d in content.by_kind("archetype")}
    per_document = forking.map_forked(
        _validate_some,
        content.documents,
        (content, archetypes, today),
        workers=min(os.cpu_count() or 1, 8),
        parallel_from=PARALLEL_FROM,
    )
    return [d for diagnostics in per_document for d in diagnostics]


def _validate_some(documents: list[Document], shared: tuple) -> list[list[Diagnostic]]:
    content, archetypes, today = shared
    return [_checks(document, content, archetypes, today) for document in documents]


def validate_document(
    document: Document, content: Content, archetypes: dict[str, Document], today: date
) -> list[Diagnostic]:
    """Every check of one description, its render within the bounds included (wwidw new, form)."""
    return _checks(document, content, archetypes, today) + _render_problems([document])


def _checks(
    document: Document, content: Content, archetypes: dict[str, Document], today: date
) -> list[Diagnostic]:
    if not _readable(document):
        return []  # unreadable front matter is already reported by the loader
    return schema_check.check(
        document.kind, document.meta, document.parsed, document.path
    ) + check_document(document, content, archetypes, today)


def _validate_pages(pages: tuple[Document, ...]) -> list[Diagnostic]:
    """A site page: its front matter against schemas/pagina.schema.json, its file name a valid id
    (it becomes the page's address), its links resolving within the public source (so it can only
    link to public descriptions); its body is rendered and sanitized like a description's."""
    out: list[Diagnostic] = []
    for page in pages:
        if not ID_PATTERN.match(page.id):
            out.append(
                diag(page.path, 1, 1, "id-ongeldig", id=page.id, voorstel=suggest_id(page.id))
            )
        elif page.id in RESERVED_IDS:
            out.append(diag(page.path, 1, 1, "id-gereserveerd", id=page.id))
        if _readable(page):
            out += schema_check.check(page.kind, page.meta, page.parsed, page.path)
            out += link_problems(page, page.root)
    return out


def _readable(document: Document) -> bool:
    return not (document.parsed.value is None and document.parsed.problems)


def _render_problems(documents, keep: bool = False) -> list[Diagnostic]:
    """Render every readable body within the bounds (body_render, in forked children): a body that
    goes over one is an error. With ``keep``, the renders are kept for a build in this process."""
    readable = [d for d in documents if _readable(d)]
    outcomes = body_render.render_within_bounds(readable)
    if keep:
        body_render.keep(
            [(d, o) for d, o in zip(readable, outcomes) if not isinstance(o, Diagnostic)]
        )
    return [o for o in outcomes if isinstance(o, Diagnostic)]


def _check_data_file(key: str, source: SourceFile) -> list[Diagnostic]:
    parsed = source.parsed
    if parsed.value is None and parsed.problems:
        return []
    out = schema_check.check(key, parsed.value, parsed, source.path)
    seen: dict[str, int] = {}
    entries = parsed.value if isinstance(parsed.value, list) else []
    soort = {"organisaties": "organisatie", "themas": "thema", "doelgroepen": "doelgroep"}.get(
        key, "domein"
    )
    for i, entry in enumerate(entries):
        out += _duplicate_id(source, (i,), entry, seen, soort)
        if (
            key == "effecten"
            and isinstance(entry, dict)
            and isinstance(entry.get("effecten"), list)
        ):
            for j, effect in enumerate(entry["effecten"]):
                out += _duplicate_id(source, (i, "effecten", j), effect, seen, "effect")
    return out


def _duplicate_id(
    source: SourceFile, path: tuple, entry, seen: dict, soort: str
) -> list[Diagnostic]:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        return []
    line, column = source.parsed.position(path + ("id",))
    if entry["id"] in RESERVED_IDS:
        return [diag(source.path, line, column, "id-gereserveerd", id=entry["id"])]
    if entry["id"] in seen:
        return [
            diag(
                source.path,
                line,
                column,
                "id-dubbel",
                id=entry["id"],
                ander=f"regel {seen[entry['id']]}",
                soort=soort,
            )
        ]
    seen[entry["id"]] = line
    return []


def _check_sources(content: Content) -> list[Diagnostic]:
    """An organisation's source needs that organisation to be a partner in the registry (else no
    audience may read it, and its descriptions would silently vanish)."""
    out = []
    for source in content.sources:
        organisation = content.registry.organisaties.get(source.organisation or "")
        if source.organisation and (organisation is None or not organisation.partner):
            out.append(
                diag(
                    source.declared_in or source.name,
                    source.declared_line,
                    1,
                    "bron-organisatie-onbekend",
                    naam=source.name,
                    niveau=source.tier,
                    organisatie=source.organisation,
                )
            )
    return out


def _duplicate_documents(documents: tuple[Document, ...]) -> list[Diagnostic]:
    out = []
    first: dict[tuple[str, str], Document] = {}
    for document in documents:
        key = (document.kind, document.id)
        if key in first and first[key].origin != document.origin and first[key].origin:
            other = first[key]
            out.append(
                diag(
                    document.path,
                    1,
                    1,
                    "id-dubbel-bron",
                    id=document.id,
                    anderebron=f"{other.origin.name}, {other.origin.tier}",
                    ander=other.path,
                )
            )
        elif key in first:
            out.append(
                diag(
                    document.path,
                    1,
                    1,
                    "id-dubbel",
                    id=document.id,
                    ander=first[key].path,
                    soort=document.kind,
                )
            )
        else:
            first[key] = document
    return out
