"""The review report as Dutch Markdown, for a comment on the pull request in the (private) repository.

Every string that comes from a contributor (titles, ids, file names, field values, diagnostic
messages that quote values) goes through ``inert.md`` or ``inert.code``, so it cannot add links,
images, mentions, references or HTML to the comment.
"""

from __future__ import annotations

from wwidw_build.model import Registry
from wwidw_build.review import changes as r
from wwidw_build.review.git_changes import ADDED, DELETED, MODIFIED, RENAMED
from wwidw_build.review.inert import code, md
from wwidw_build.review.verdicts import LOG_CODE

_ICONS = {ADDED: "➕", MODIFIED: "✏️", RENAMED: "🔀", DELETED: "🗑️"}
_SEVERITY = {"error": "fout", "warning": "waarschuwing"}
_ALERTS = {
    r.OPENBAAR: ("⚠️ Wordt openbaar", "voor iedereen te lezen, ook buiten de partners"),
    r.PUBLISHED: ("📢 Concept wordt gepubliceerd", "nu zichtbaar voor"),
    r.WIDER: ("🔓 Zichtbaar voor meer publieken", "erbij"),
    r.NARROWER: ("🔒 Minder zichtbaar", "niet meer voor"),
    r.GONE: ("🗑️ Verdwijnt", "niet meer te lezen voor"),
    r.CONCEPT_AGAIN: ("↩️ Wordt weer concept", "niet meer te lezen voor"),
    r.UNKNOWN_BEFORE: ("❓ Zichtbaarheid vóór de wijziging onbekend", "nu zichtbaar voor"),
}
# The reviewer's checklist per kind: (question, sections and fields whose absence is worth a note)
CHECKLIST = {
    "praktijk": (
        (
            "Is de aanleiding concreet: welke wijk, welk probleem, welke signalen of cijfers?",
            ("Aanleiding",),
            (),
        ),
        (
            "Zijn de werkzame bestanddelen benoemd en onderbouwd: waarom zou juist dit het verschil maken?",
            ("Werkzame bestanddelen",),
            (),
        ),
        (
            "Hoe zijn de effecten gemeten (meetontwerp, nul- en eindmeting), en past het bewijsniveau daarbij?",
            ("Resultaten",),
            ("resultaten", "meetontwerp", "bewijsniveau"),
        ),
        (
            "Zijn de kosten gegeven (totaal, per deelnemer, financiering), en wat leverde het op?",
            ("Kosten en baten",),
            ("kosten",),
        ),
        (
            "Zijn de lessen opgeschreven, ook wat niet werkte of tegenviel?",
            ("Lessen (wat werkte wel en niet)",),
            (),
        ),
    ),
    "archetype": (
        ("Is het probleem concreet beschreven, met hoe groot het is?", ("Probleem",), ()),
        (
            "Zijn de werkzame bestanddelen benoemd en onderbouwd (het mechanisme)?",
            ("Werkzame bestanddelen (mechanisme)",),
            (),
        ),
        (
            "Hoe zijn de effecten gemeten in het onderzoek, en past het bewijsniveau bij de bronnen?",
            ("Effectiviteit",),
            ("bronnen",),
        ),
        (
            "Zijn de kosten gegeven, en wat levert het op?",
            ("Kosten en baten",),
            ("kostenindicatie",),
        ),
        (
            "Staat erbij voor wie en waar het wel en niet werkt?",
            ("Voor wie en waar het werkt (moderatoren)",),
            (),
        ),
    ),
}
PRIVACY = (
    "Staan er geen persoonsgegevens van bewoners in (namen met adressen, e-mail, telefoon, BSN)?"
)
VISIBILITY = "Klopt de zichtbaarheid, en weet de eigen organisatie wie de beschrijving kan lezen?"
EDITORS = "alleen de redactie mag dit wijzigen"
EDITORS_CHECK = (
    "Alleen de redactie mag het bewijsniveau en de beoordeling wijzigen: komt deze wijziging van de "
    "redactie, of heeft de redactie ermee ingestemd?"
)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _audience_list(names: tuple[str, ...], registry: Registry) -> str:
    """Every audience by name, as computed by the visibility rule."""
    return ", ".join(code(name) for name in names) if names else "niemand"


def _summary(names: tuple[str, ...], registry: Registry) -> str:
    """Who that is, in a few words: iedereen, alle partners, or the organisations by name."""
    if "openbaar" in names:
        return "iedereen (openbaar)"
    if "partners" in names:
        return "alle partners"
    organisations = [registry.organisaties.get(n.split(":", 1)[1]) for n in names]
    return ", ".join(md(o.naam) for o in organisations if o) or "niemand"


def _short_audiences(item: r.Item, registry: Registry) -> str:
    if item.change.status == DELETED:
        return "—"
    if not item.new_audiences and item.new is not None and item.new.concept:
        return "niemand (concept)"
    return _summary(item.new_audiences, registry)


def _label(item: r.Item) -> str:
    titel = f" — {md(item.titel)}" if item.titel else ""
    return f"{item.kind} {code(item.id)}{titel}"


def render(review: r.Review) -> str:
    """The whole report."""
    lines = _header(review) + _verdicts(review) + _alerts(review) + _errors(review)
    lines += _overview(review)
    for item in review.items:
        lines += _details(item, review)
    return "\n".join(lines).rstrip() + "\n"


def _header(review: r.Review) -> list[str]:
    changes = review.changes
    counts = {status: sum(i.change.status == status for i in review.items) for status in _ICONS}
    lines = [
        "# Reviewrapport: gewijzigde beschrijvingen",
        "",
        "> 🔒 **Alleen voor de repository.** Dit rapport hoort bij de pull request in de besloten repository.",
        "> Het noemt ook beschrijvingen die niet openbaar zijn (alleen partners, één organisatie, concepten).",
        "> Zet het nergens anders neer: niet op de site en niet in een openbaar kanaal.",
        "",
        f"Vergeleken met {code(changes.base)} (commit {code(changes.commit[:12])}, waar deze versie van "
        f"{code(changes.base)} afsplitst) en de bestanden zoals ze nu in {code(review.content_shown)} staan.",
        "",
    ]
    if not review.items:
        return (
            lines
            + ["Er zijn geen praktijk- of archetypebeschrijvingen gewijzigd.", ""]
            + _other(review)
        )
    summary = ", ".join(f"{n} {status}" for status, n in counts.items() if n)
    lines.append(
        f"**{_plural(len(review.items), 'gewijzigde beschrijving', 'gewijzigde beschrijvingen')}:** {summary}."
    )
    return lines + [""] + _other(review)


def _other(review: r.Review) -> list[str]:
    if not review.changes.other:
        return []
    files = ", ".join(code(f) for f in review.changes.other)
    return [
        f"Andere gewijzigde bestanden in {code(review.content_shown)}: {files}. Het register en de "
        "taxonomieën bepalen mee wat er op de site staat; kijk die apart na.",
        "",
    ]


def _verdicts(review: r.Review) -> list[str]:
    """The substantive changes first: the editors' ones flagged, then per description its changes
    and whether its change log gained an entry."""
    if not review.items:
        return []
    lines = ["## Inhoudelijke wijzigingen", ""]
    changed = [item for item in review.items if item.verdicts.changes]
    if not changed:
        return lines + [
            "Geen wijzigingen in de richting van een resultaat, het bewijsniveau, het meetontwerp, "
            "de zichtbaarheid of de beoordeling.",
            "",
        ]
    for item, verdict in review.editors_only:
        new = " (nieuw)" if item.change.status == ADDED else ""
        lines.append(f"- 🛡️ **{EDITORS.capitalize()}:** {md(verdict.text)} ({_label(item)}{new})")
    if review.editors_only:
        lines.append("")
    for item in changed:
        lines += [f"**{_label(item)}** ({code(item.file)})", ""] + _verdict_lines(item) + [""]
    return lines


def _verdict_lines(item: r.Item) -> list[str]:
    verdicts = item.verdicts
    lines = [
        f"- {md(v.text)}" + (f" — 🛡️ **{EDITORS}**" if v.editors_only else "")
        for v in verdicts.changes
    ]
    for datum, reden in verdicts.logged:
        lines.append(f"- 📜 Nieuw in de geschiedenis: {code(datum)} — {md(reden)}")
    if verdicts.unlogged:
        lines.append(
            "- ❌ **Geen nieuwe regel in `geschiedenis`:** zet in het voorwerk een regel met de datum "
            f"en de reden van deze wijziging (fout {code(LOG_CODE)})."
        )
    return lines


def _alerts(review: r.Review) -> list[str]:
    if not review.items:
        return []
    lines = ["## Wie kan wat zien: wijzigingen", ""]
    alerts = review.alerts
    if not alerts:
        return lines + ["Geen wijzigingen in wie wat kan lezen.", ""]
    order = list(_ALERTS)
    for alert in sorted(alerts, key=lambda a: order.index(a.kind)):
        title, detail = _ALERTS[alert.kind]
        new = alert.item.change.status == ADDED and alert.kind in (r.OPENBAAR, r.PUBLISHED, r.WIDER)
        if alert.kind == r.OPENBAAR:
            tail = (
                f"{' (nieuw)' if new else f' (was: {_was(alert.item, review.registry)})'}; {detail}"
            )
        else:
            tail = f"{' (nieuw)' if new else ''}; {detail}: {_summary(alert.audiences, review.registry)}"
            if alert.kind in (r.NARROWER, r.CONCEPT_AGAIN):
                tail += f" (nu: {_summary(alert.item.new_audiences, review.registry)})"
        lines.append(f"- **{title}:** {_label(alert.item)}{tail}")
    return lines + [""]


def _errors(review: r.Review) -> list[str]:
    lines = []
    if review.failed:
        names = ", ".join(code(item.id) for item in review.failed)
        lines += [
            "## ❌ Fouten",
            "",
            f"{_plural(len(review.failed), 'gewijzigde beschrijving bevat', 'gewijzigde beschrijvingen bevatten')} "
            f"fouten: {names}. Die moeten opgelost zijn voordat er iets gepubliceerd kan worden "
            "(de meldingen staan hieronder per beschrijving).",
            "",
        ]
    if review.other_errors:
        lines += [
            f"Let op: in bestanden die niet gewijzigd zijn staan {_plural(review.other_errors, 'fout', 'fouten')}, "
            "bijvoorbeeld een verwijzing naar een verwijderde of hernoemde beschrijving. "
            "Zie `wwidw validate`.",
            "",
        ]
    return lines


def _overview(review: r.Review) -> list[str]:
    if not review.items:
        return []
    lines = [
        "## Overzicht",
        "",
        "| wijziging | soort | id | titel | zichtbaar voor | volledigheid | fouten | waarschuwingen |",
        "| --- | --- | --- | --- | --- | ---: | ---: | ---: |",
    ]
    for item in review.items:
        score = str(item.completeness.score) if item.completeness else "—"
        lines.append(
            f"| {_ICONS[item.change.status]} {item.change.status} | {item.kind} | {code(item.id)} | "
            f"{md(item.titel or '')} | {_short_audiences(item, review.registry)} | {score} | "
            f"{item.errors} | {item.warnings} |"
        )
    return lines + [""]


def _was(item: r.Item, registry: Registry) -> str:
    if item.old_audiences is None:
        return "onbekend, de oude versie kon niet worden gelezen"
    if not item.old_audiences and item.old is not None and item.old.concept:
        return "niemand, het was een concept"
    return _summary(item.old_audiences, registry)


def _before(item: r.Item, registry: Registry) -> str:
    if not item.old_audiences:
        return _was(item, registry)
    return (
        f"{_summary(item.old_audiences, registry)}: {_audience_list(item.old_audiences, registry)}"
    )


def _details(item: r.Item, review: r.Review) -> list[str]:
    status, registry = item.change.status, review.registry
    lines = ["---", "", f"### {_ICONS[status]} {status.capitalize()}: {_label(item)}", ""]
    old_file = f"{review.content_shown}/{item.change.old_path}" if item.change.old_path else ""
    lines.append(
        f"- Bestand: {code(item.file)}"
        + (
            f" (was {code(old_file)}: de id en het webadres veranderen)"
            if status == RENAMED
            else ""
        )
    )
    if status == DELETED:
        return lines + [
            f"- Was zichtbaar voor: {_before(item, registry)}",
            "",
            "**Checklist voor de reviewer**",
            "",
            "- [ ] Is het verwijderen afgesproken met de organisatie die de beschrijving schreef?",
            "- [ ] Verwijst er niets meer naar (archetype, verwante archetypen, links)? "
            "`wwidw validate` vindt de meeste verwijzingen.",
            "",
        ]
    if item.verdicts.changes:
        lines += ["- **Inhoudelijke wijzigingen:**"]
        lines += [f"  {line}" for line in _verdict_lines(item)]
    lines += _visibility(item, registry) + _completeness(item) + _findings(item) + _similar(item)
    return lines + ["", "**Checklist voor de reviewer**", ""] + checklist(item) + [""]


def _visibility(item: r.Item, registry: Registry) -> list[str]:
    if item.new is None:
        return [
            "- Zichtbaar voor: niemand, het bestand kon niet worden gelezen (zie de meldingen)."
        ]
    value = item.new.zichtbaarheid
    old = item.old.zichtbaarheid if item.old is not None else value
    shown = f"{code(value)}" if value else "ontbreekt of is ongeldig"
    organisation = registry.organisaties.get(item.new.organisatie or "")
    lines = (
        [f"- Organisatie: {code(item.new.organisatie)} ({md(organisation.naam)})"]
        if organisation
        else []
    )
    lines += [
        f"- Zichtbaarheid: {shown}"
        + (f" (was {code(old or '?')})" if old != value else "")
        + ("; **concept**" if item.new.concept else "")
    ]
    if item.new.concept:
        lines.append(
            f"- Zichtbaar voor: niemand, het is een concept. Zonder `concept: true` wordt dat: "
            f"{_audience_list(item.draft_audiences, registry)}"
        )
    elif item.new_audiences:
        lines.append(
            f"- Zichtbaar voor: {_summary(item.new_audiences, registry)}: "
            f"{_audience_list(item.new_audiences, registry)}"
        )
    else:
        lines.append(
            "- Zichtbaar voor: niemand"
            + ("" if value else " (de zichtbaarheid ontbreekt of is ongeldig)")
        )
    if item.change.status != ADDED:
        same = item.old_audiences == item.new_audiences
        lines.append(
            "- Wie het kan lezen, blijft gelijk."
            if same
            else f"- Was zichtbaar voor: {_before(item, registry)}"
        )
    return lines


def _completeness(item: r.Item) -> list[str]:
    c, old = item.completeness, item.old_completeness
    if c is None:
        return []
    was = f" (was {old.score})" if old is not None and old.score != c.score else ""
    lines = [f"- Volledigheid: **{c.score}**/100{was}"]
    if c.missing_sections:
        lines.append("  - Ontbrekende of lege secties: " + ", ".join(map(md, c.missing_sections)))
    if c.missing_fields:
        lines.append("  - Niet ingevulde velden: " + ", ".join(code(f) for f in c.missing_fields))
    return lines


def _findings(item: r.Item) -> list[str]:
    if not item.diagnostics:
        return ["- Controle (`wwidw validate`): geen meldingen."]
    lines = [
        f"- Controle (`wwidw validate`): {_plural(item.errors, 'fout', 'fouten')}, "
        f"{_plural(item.warnings, 'waarschuwing', 'waarschuwingen')}"
    ]
    for d in item.diagnostics:
        icon = "❌" if d.is_error else "⚠️"
        hint = f" → {md(d.hint)}" if d.hint else ""
        lines.append(
            f"  - {icon} regel {d.line}, kolom {d.column}: {_SEVERITY[d.severity.value]} "
            f"{code(d.code)}: {md(d.message)}{hint}"
        )
    return lines


def _similar(item: r.Item) -> list[str]:
    lines = [
        "- Lijkt op:" if item.matches else "- Lijkt op: geen vergelijkbare beschrijvingen gevonden."
    ]
    for rank, match in enumerate(item.matches, 1):
        visibility = match.document.zichtbaarheid or "onbekend"
        extra = "" if visibility == "openbaar" else f", zichtbaarheid {code(visibility)}"
        extra += ", concept" if match.document.concept else ""
        flag = " — **waarschijnlijk dubbel**" if match.likely_duplicate else ""
        lines.append(
            f"  {rank}. {match.kind} {code(match.id)} — {md(match.titel)} "
            f"(gelijkenis {round(match.relative * 100)}%{extra}){flag}"
        )
    if any(match.likely_duplicate for match in item.matches):
        lines.append(
            "- ⚠️ **Mogelijk dubbel:** lees de gemarkeerde beschrijving eerst. Gaat het om dezelfde aanpak, "
            "vul dan liever die aan."
        )
    if item.kind == "praktijk" and item.new is not None and not item.new.meta.get("archetype"):
        suggestion = item.suggested_archetype
        lines.append(
            f"- Voorgesteld archetype: {code(suggestion)} (zet `archetype: {suggestion}` in het voorwerk "
            "als het klopt)."
            if suggestion
            else "- Geen archetype, en er is er geen om voor te stellen."
        )
    return lines


def checklist(item: r.Item) -> list[str]:
    """The reviewer's task list; a question notes the sections and fields that are missing for it."""
    c = item.completeness
    sections = set(c.missing_sections) if c else set()
    fields = set(c.missing_fields) if c else set()
    lines = []
    for question, wanted_sections, wanted_fields in CHECKLIST[item.kind]:
        gaps = [f"sectie ‘{s}’" for s in wanted_sections if s in sections]
        gaps += [f"veld {code(f)}" for f in wanted_fields if f in fields]
        lines.append(
            f"- [ ] {question}" + (f" _Ontbreekt of leeg: {', '.join(gaps)}._" if gaps else "")
        )
    privacy = sum(d.code.startswith("persoonsgegevens-") for d in item.diagnostics)
    lines.append(
        f"- [ ] {PRIVACY}"
        + (
            f" _De controle vond {privacy}× iets dat erop lijkt (zie hierboven)._"
            if privacy
            else ""
        )
    )
    lines.append(f"- [ ] {VISIBILITY}")
    if item.verdicts.editors_only:
        lines.append(f"- [ ] 🛡️ {EDITORS_CHECK}")
    return lines
