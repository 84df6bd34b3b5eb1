"""Select stage: the corpus one audience may see, decided once, before anything is generated."""

from __future__ import annotations

from dataclasses import dataclass

from wwidw_build.audience import Audience, may_see
from wwidw_build.model import Content, Document, Registry
from wwidw_build.records import Record


@dataclass(frozen=True)
class Selection:
    audience: Audience
    registry: Registry
    visible: tuple[Record, ...]
    hidden: tuple[Record, ...]  # only for the leak audit: never handed to generate
    pages: tuple[
        Document, ...
    ] = ()  # site pages (Meedoen): public source only, shown to every audience

    def by_kind(self, kind: str) -> list[Record]:
        return [d for d in self.visible if d.kind == kind]

    def find(self, kind: str, doc_id: str) -> Record | None:
        return next((d for d in self.visible if d.kind == kind and d.id == doc_id), None)


def select(content: Content, audience: Audience, include_concepts: bool = False) -> Selection:
    """Split the validated descriptions (their records) into what ``audience`` sees and the rest."""
    if len(content.records) != len(content.documents):
        raise ValueError("select needs validated content (pipeline.load_and_validate, no errors)")
    visible, hidden = [], []
    for document in content.records:
        (
            visible if may_see(audience, document, content.registry, include_concepts) else hidden
        ).append(document)
    return Selection(audience, content.registry, tuple(visible), tuple(hidden), pages=content.pages)
