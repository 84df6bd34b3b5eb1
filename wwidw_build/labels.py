"""Dutch labels shown on the site and in the exports: enumerations, kinds and audiences."""

from __future__ import annotations

from wwidw_build.audience import Audience
from wwidw_build.model import Registry

RICHTING = {
    "werkt": "Werkt",
    "veelbelovend": "Veelbelovend",
    "gemengd": "Gemengd",
    "geen_effect": "Geen effect",
    "averechts": "Averechts",
    "nog_onbekend": "Nog onbekend",
}
BEWIJSNIVEAU = {
    "goed_beschreven": "Goed beschreven",
    "goed_onderbouwd": "Goed onderbouwd",
    "eerste_aanwijzingen": "Eerste aanwijzingen voor effectiviteit",
    "goede_aanwijzingen": "Goede aanwijzingen voor effectiviteit",
    "sterke_aanwijzingen": "Sterke aanwijzingen voor effectiviteit",
}
MEETONTWERP = {
    "geen_meting": "Geen meting",
    "kwalitatief": "Kwalitatief",
    "monitoring": "Monitoring",
    "voor_nameting": "Voor- en nameting",
    "vergelijkingsgroep": "Vergelijkingsgroep",
    "voor_nameting_met_vergelijkingsgroep": "Voor- en nameting met vergelijkingsgroep",
    "natuurlijk_experiment": "Natuurlijk experiment",
    "rct": "Gerandomiseerd experiment (rct)",
}
PROJECTSTATUS = {"lopend": "Lopend", "afgerond": "Afgerond", "gestopt": "Gestopt"}
ZICHTBAARHEID = {
    "openbaar": "Openbaar",
    "partners": "Alleen partners",
    "organisatie": "Alleen eigen organisatie",
}
SOORT = {"praktijk": "Praktijk", "archetype": "Archetype"}


def audience_label(audience: Audience, registry: Registry) -> str:
    """Who a site is for, as the home page says it: 'U leest de versie voor: <label>'."""
    if audience.organisation:
        organisation = registry.organisaties.get(audience.organisation)
        return f"medewerkers van {organisation.naam if organisation else audience.organisation}"
    return {"openbaar": "iedereen (openbare site)", "partners": "partnerorganisaties"}.get(
        audience.name, audience.name
    )


def site_marker(audience: Audience, registry: Registry) -> str:
    """The marker every page of a partner or organisation site carries, so staff see what they may not
    pass on; the public site has none (empty)."""
    if audience.is_public:
        return ""
    if audience.organisation:
        organisation = registry.organisaties.get(audience.organisation)
        name = organisation.naam if organisation else audience.organisation
        return f"Alleen voor medewerkers van {name} — niet doorsturen"
    return "Alleen voor partners — niet doorsturen"


def feed_audience_label(audience: Audience, registry: Registry) -> str:
    """The same, as the feed's subtitle says it: '... beschrijvingen voor <label>'."""
    if audience.is_public:
        return "de openbare site"
    if audience.organisation:
        organisation = registry.organisaties.get(audience.organisation)
        return organisation.naam if organisation else audience.organisation
    return "partners"
