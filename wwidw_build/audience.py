"""Audiences and the one visibility rule (DESIGN.md section 3). Nothing else decides who sees what."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wwidw_build.model import Document, Registry

if TYPE_CHECKING:
    from wwidw_build.content_sources import ContentSource
    from wwidw_build.records import Praktijk, Record

_ORG = re.compile(r"^organisatie:([a-z0-9]+(?:-[a-z0-9]+)*)\Z")


@dataclass(frozen=True)
class Audience:
    name: str  # "openbaar", "partners" or "organisatie:<id>"

    @property
    def organisation(self) -> str | None:
        match = _ORG.match(self.name)
        return match.group(1) if match else None

    @property
    def folder(self) -> str:
        """The folder under site/: 'organisatie:<id>' becomes 'organisatie-<id>'."""
        return self.name.replace(":", "-")

    @property
    def is_public(self) -> bool:
        return self.name == "openbaar"


class UnknownAudience(ValueError):
    pass


def parse_audience(text: str, registry: Registry) -> Audience:
    """Parse an audience name; an organisation must be a partner in the registry."""
    if text in ("openbaar", "partners"):
        return Audience(text)
    match = _ORG.match(text)
    if (
        match
        and match.group(1) in registry.organisaties
        and registry.organisaties[match.group(1)].partner
    ):
        return Audience(text)
    raise UnknownAudience(text)


def all_audiences(registry: Registry) -> list[Audience]:
    """openbaar, partners and one audience per partner organisation."""
    return [Audience("openbaar"), Audience("partners")] + [
        Audience(f"organisatie:{o.id}") for o in registry.organisaties.values() if o.partner
    ]


def may_see(
    audience: Audience,
    document: Document | Record,
    registry: Registry,
    include_concepts: bool = False,
) -> bool:
    """THE visibility rule, for a loaded document (possibly invalid) and a validated record alike.
    Unknown, missing or malformed visibility is never visible."""
    if document.concept_malformed or (document.concept and not include_concepts):
        return False
    organisation = document.organisatie if document.kind == "praktijk" else None
    return _tier_visible(audience, document.zichtbaarheid, organisation, registry)


def may_read(audience: Audience, source: ContentSource, registry: Registry) -> bool:
    """Whether a build for ``audience`` may read ``source`` at all: by the same rule, when a
    description of the source's tier would be visible to it. Sources decide what a build *can*
    read (least privilege), ``may_see`` what it *does* show."""
    visibility, _, organisation = source.tier.partition(":")
    return _tier_visible(audience, visibility, organisation or None, registry)


def _tier_visible(
    audience: Audience, visibility: str | None, organisation: str | None, registry: Registry
) -> bool:
    if visibility == "openbaar":
        return True
    if visibility == "partners":
        if audience.name == "partners":
            return True
        member = registry.organisaties.get(audience.organisation or "")
        return member is not None and member.partner
    if visibility == "organisatie":
        return audience.organisation is not None and organisation == audience.organisation
    return False


def show_contact(audience: Audience, record: Praktijk) -> bool:
    contact = record.contact
    return contact is not None and (contact.openbaar or not audience.is_public)
