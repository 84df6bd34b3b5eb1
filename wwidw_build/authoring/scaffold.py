"""Scaffold a new description: answers in, a valid Markdown file with the section template out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import frontmatter

from wwidw_build.checks.rules import suggest_id
from wwidw_build.content_sources import ContentSource, tier_of
from wwidw_build.diagnostics import Diagnostic
from wwidw_build.load import document_from_text
from wwidw_build.model import KINDS, Content, Effect, Registry
from wwidw_build.sections import template
from wwidw_build.validate import validate_document


@dataclass
class Answers:
    """What the contributor told the scaffold; empty fields are left out of the file."""

    kind: str
    titel: str = ""
    samenvatting: str = ""
    organisatie: str = ""
    gemeente: str = ""
    wijk: str = ""
    startjaar: int | None = None
    eindjaar: int | None = None
    projectstatus: str = ""
    themas: list[str] = field(default_factory=list)
    doelgroepen: list[str] = field(default_factory=list)
    effecten: list[str] = field(default_factory=list)
    resultaten: list[dict] = field(default_factory=list)  # resultaten items, as in the front matter
    niet_beoogde_effecten: list[dict] = field(default_factory=list)
    meetontwerp: str = ""
    evaluatie_soort: str = ""  # intern | extern
    evaluatie_door: str = ""
    bereik: int | None = None
    bereik_eenheid: str = ""  # mensen | huishoudens
    kosten_totaal: int | None = None
    kosten_per_deelnemer: int | float | None = None
    financiering: list[str] = field(default_factory=list)
    zichtbaarheid: str = ""
    contact_naam: str = ""
    contact_email: str = ""
    contact_openbaar: bool = False
    bestanddelen: list[str] = field(default_factory=list)
    bewijsniveau: str = ""
    auteurs: list[str] = field(default_factory=list)
    id: str = ""
    secties: dict[str, str] = field(
        default_factory=dict
    )  # section title -> text (issue form); else the hint

    @property
    def file_id(self) -> str:
        return self.id or suggest_id(self.titel)


def search_effects(registry: Registry, word: str) -> list[Effect]:
    """Effects whose id, name, description or domain name contains the word (case-insensitive)."""
    word = word.strip().lower()
    if not word:
        return []
    return [
        e
        for e in registry.effecten.values()
        if word
        in " ".join([e.id, e.naam, e.omschrijving or "", registry.domeinen[e.domein].naam]).lower()
    ]


def front_matter(answers: Answers, today: date) -> dict:
    if answers.kind == "archetype":
        meta = {
            "titel": answers.titel,
            "samenvatting": answers.samenvatting,
            "zichtbaarheid": answers.zichtbaarheid,
            "themas": answers.themas,
            "doelgroepen": answers.doelgroepen,
            "beoogde_effecten": answers.effecten,
            "werkzame_bestanddelen": [
                {
                    "naam": n,
                    "onderbouwing": "Nog te onderbouwen: waarom draagt dit bij aan het effect?",
                }
                for n in answers.bestanddelen
            ],
            "bewijsniveau": answers.bewijsniveau,
            "auteurs": answers.auteurs,
            "laatst_herzien": today.isoformat(),
            "concept": True,
        }
    else:
        contact = (
            {
                "naam": answers.contact_naam,
                "email": answers.contact_email,
                "openbaar": answers.contact_openbaar,
            }
            if answers.contact_naam
            else {}
        )
        evaluation = (
            {"soort": answers.evaluatie_soort, "door": answers.evaluatie_door}
            if answers.evaluatie_soort
            else {}
        )
        costs = {
            "totaal_eur": answers.kosten_totaal,
            "per_deelnemer_eur": answers.kosten_per_deelnemer,
            "financiering": answers.financiering,
        }
        meta = {
            "titel": answers.titel,
            "samenvatting": answers.samenvatting,
            "organisatie": answers.organisatie,
            "zichtbaarheid": answers.zichtbaarheid,
            "gemeente": answers.gemeente,
            "wijk": answers.wijk,
            "startjaar": answers.startjaar,
            "eindjaar": answers.eindjaar,
            "projectstatus": answers.projectstatus,
            "themas": answers.themas,
            "doelgroepen": answers.doelgroepen,
            "beoogde_effecten": answers.effecten,
            "resultaten": answers.resultaten,
            "niet_beoogde_effecten": answers.niet_beoogde_effecten,
            "evaluatie": {k: v for k, v in evaluation.items() if v},
            "meetontwerp": answers.meetontwerp,
            "bewijsniveau": answers.bewijsniveau,
            "bereik": answers.bereik,
            "bereik_eenheid": answers.bereik_eenheid,
            "kosten": {k: v for k, v in costs.items() if v not in (None, [])},
            "contact": {k: v for k, v in contact.items() if v not in ("", None)},
            "auteurs": answers.auteurs,
            "laatst_bijgewerkt": today.isoformat(),
            "concept": True,
        }
    return {k: v for k, v in meta.items() if v not in ("", None, [], {})}


def render(answers: Answers, today: date) -> str:
    post = frontmatter.Post(template(answers.kind, answers.secties), **front_matter(answers, today))
    return frontmatter.dumps(post, sort_keys=False, width=100) + "\n"


def target_source(content: Content, answers: Answers) -> ContentSource:
    """The source a new description goes into: the local source of its tier; otherwise a local
    one (the public source first), where the validator then says which source it belongs in. Never
    a git source's cache."""
    organisation = answers.organisatie if answers.kind == "praktijk" else None
    wanted = tier_of(answers.zichtbaarheid, organisation)
    local = [s for s in content.sources if not s.is_git] or list(content.sources)
    return next((s for s in local if s.tier == wanted), local[0])


def target_path(content: Content, answers: Answers) -> Path:
    root = target_source(content, answers).root
    return root / KINDS[answers.kind] / f"{answers.file_id}.md"


def check(content: Content, answers: Answers, today: date) -> tuple[str, Path, list[Diagnostic]]:
    """Render the file and run the full validator on it in memory, before anything is written."""
    text = render(answers, today)
    origin = target_source(content, answers)
    path = origin.root / KINDS[answers.kind] / f"{answers.file_id}.md"
    diagnostics: list[Diagnostic] = []
    document = document_from_text(origin, answers.kind, path, text, diagnostics)
    archetypes = {d.id: d for d in content.by_kind("archetype")}
    if document is not None:
        diagnostics += validate_document(document, content, archetypes, today)
    return text, path, diagnostics


def write_new(path: Path, text: str) -> None:
    """Write a new file; never overwrite (mode 'x' fails if it exists)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)
