"""Content sources: the repositories (or folders) the knowledge bank is assembled from, each with
exactly one tier, listed in ``bronnen.yml``. ``--content DIR`` is the one-public-source shorthand.

This module reads the list and says where each source's files are; fetching git sources is
``source_fetch``; which sources an audience may read is ``audience.may_read`` (the one rule).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from wwidw_build import strict_yaml
from wwidw_build.checks import schema_check
from wwidw_build.diagnostics import Diagnostic, diag

PUBLIC = "openbaar"
PARTNERS = "partners"
_GIT_URL = re.compile(r"^(?:https?|ssh|git|file)://|^[A-Za-z0-9._-]+@[A-Za-z0-9._-]+:")
_CREDENTIALS = re.compile(r"^[a-z+]+://[^/@]*:[^/@]*@|^[a-z+]+://[^/@]+@", re.I)
MAX_BYTES = 64 * 1024


@dataclass(frozen=True)
class ContentSource:
    """One source: its name and tier, where it is configured and, once resolved, its folder."""

    name: str  # 'naam'
    tier: str  # 'niveau': openbaar, partners or organisatie:<id>
    location: str  # 'locatie' as written: a folder (relative to bronnen.yml) or a git URL
    ref: str | None = None
    subpath: str | None = None  # 'pad'
    base: Path = Path(".")  # the folder bronnen.yml lives in (local paths are relative to it)
    root: Path | None = (
        None  # the folder holding praktijken/, archetypen/, bijlagen/, once resolved
    )
    shown: str = ""  # how paths in this source are shown in messages: shown + '/' + relative path
    declared_in: str = ""  # bronnen.yml as shown, and the line of this entry (for messages)
    declared_line: int = 1

    @property
    def is_git(self) -> bool:
        return bool(_GIT_URL.match(self.location))

    @property
    def is_public(self) -> bool:
        return self.tier == PUBLIC

    @property
    def organisation(self) -> str | None:
        kind, _, organisation = self.tier.partition(":")
        return organisation if kind == "organisatie" else None

    def display(self, path: Path) -> str:
        """A path in this source as a contributor knows it (clickable from where bronnen.yml is)."""
        assert self.root is not None
        try:
            relative = path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)
        if relative == ".":
            return self.shown.rstrip(":") or "."
        if not self.shown or self.shown.endswith(
            ":"
        ):  # a git source's root: 'naam:praktijken/x.md'
            return f"{self.shown}{relative}"
        return f"{self.shown}/{relative}"


def shorthand(content_dir: Path) -> ContentSource:
    """``--content DIR``: one public source; its files are shown as ``<DIR's name>/...``."""
    root = Path(content_dir).absolute()
    return ContentSource(
        name=root.name or "content",
        tier=PUBLIC,
        location=str(content_dir),
        base=root.parent,
        root=root,
        shown=root.name,
    )


def local_root(source: ContentSource) -> Path:
    """The folder of a local (non-git) source, with its ``pad``."""
    folder = source.base / source.location
    return (folder / source.subpath if source.subpath else folder).absolute()


def shown_local(source: ContentSource, root: Path) -> str:
    relative = os.path.relpath(root, source.base)
    return "" if relative == "." else Path(relative).as_posix()


def tier_of(visibility: str | None, organisation: str | None) -> str | None:
    """The tier a description with this ``zichtbaarheid`` (and organisation) belongs in."""
    if visibility in (PUBLIC, PARTNERS):
        return visibility
    if visibility == "organisatie" and organisation:
        return f"organisatie:{organisation}"
    return None


def tier_rank(tier: str) -> int:
    """0 public, 1 partners, 2 one organisation: a reference may only go to a lower or equal rank
    (and, at rank 2, only to the same organisation)."""
    return {PUBLIC: 0, PARTNERS: 1}.get(tier, 2)


def may_refer(from_tier: str, to_tier: str) -> bool:
    """Every reader of ``from_tier`` can also read ``to_tier``."""
    return to_tier == from_tier or tier_rank(to_tier) < tier_rank(from_tier)


def read_sources_file(path: Path) -> tuple[list[ContentSource], list[Diagnostic]]:
    """Parse and check ``bronnen.yml``: the schema, unique names and tiers, one public source, no
    credentials in a location. Local sources get their folder; git sources are resolved later."""
    path = Path(path)
    shown = str(path)
    try:
        data = path.read_bytes()
    except OSError:
        return [], [diag(shown, 1, 1, "bronnen-onleesbaar")]
    if len(data) > MAX_BYTES:
        return [], [
            diag(
                shown, 1, 1, "bestand-te-groot", grootte=len(data) // 1024, grens=MAX_BYTES // 1024
            )
        ]
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        return [], [diag(shown, 1, 1, "geen-utf8", positie=exc.start)]
    parsed = strict_yaml.parse(text)
    out = [diag(shown, p.line, p.column, p.code, **p.params) for p in parsed.problems]
    if parsed.value is None and parsed.problems:
        return [], out
    out += schema_check.check("bronnen", parsed.value, parsed, shown)
    if out:
        return [], out
    base = path.absolute().parent
    sources: list[ContentSource] = []
    names: dict[str, int] = {}
    tiers: dict[str, str] = {}
    for i, entry in enumerate(parsed.value["bronnen"]):
        at = parsed.position(("bronnen", i, "naam"))
        source = ContentSource(
            name=entry["naam"],
            tier=entry["niveau"],
            location=entry["locatie"],
            ref=entry.get("ref"),
            subpath=entry.get("pad"),
            base=base,
            declared_in=shown,
            declared_line=at[0],
        )
        if source.name in names:
            out.append(
                diag(
                    shown, *at, "bron-dubbel", naam=source.name, ander=f"regel {names[source.name]}"
                )
            )
        if source.tier in tiers:
            out.append(
                diag(
                    shown,
                    *parsed.position(("bronnen", i, "niveau")),
                    "bron-niveau-dubbel",
                    niveau=source.tier,
                    ander=tiers[source.tier],
                )
            )
        if _CREDENTIALS.match(source.location):
            out.append(
                diag(shown, *parsed.position(("bronnen", i, "locatie")), "bron-met-wachtwoord")
            )
        if source.ref and not source.is_git:
            out.append(diag(shown, *parsed.position(("bronnen", i, "ref")), "bron-ref-lokaal"))
        names.setdefault(source.name, at[0])
        tiers.setdefault(source.tier, source.name)
        if not source.is_git:
            root = local_root(source)
            source = with_root(source, root, shown_local(source, root))
        sources.append(source)
    if PUBLIC not in tiers:
        out.append(diag(shown, 1, 1, "bron-openbaar-ontbreekt"))
    return (sources if not out else []), out


def with_root(source: ContentSource, root: Path, shown: str) -> ContentSource:
    """The source once its folder is known (a local one at once, a git source after fetching)."""
    return replace(source, root=root, shown=shown)
