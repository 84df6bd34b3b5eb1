"""schema.org JSON-LD per description page: what a search engine or a citation manager can read.

Only fields the page itself shows go in (title, samenvatting, authors, date, themes, target groups,
effects, organisation, place), from the record this audience sees; no URL (the generated pages do
not know the site's address) and nothing about who else may read it. ``isAccessibleForFree`` is said
on the public site only: a partner or organisation page is not free to read for anyone.

The JSON goes into the page meta (``wwidw_jsonld``) and the theme prints it, unescaped, inside
``<script type="application/ld+json">`` in the page head. So it must be inert there: ``<``, ``>``
and ``&`` are written as ``\\u003c``, ``\\u003e``, ``\\u0026`` (a title with ``</script>`` or
``<!--`` cannot end or change the element), and U+2028/U+2029 as escapes too; ``json.loads`` still
gives back exactly the contributor's text.
"""

from __future__ import annotations

import json

from wwidw_build.records import Praktijk, Record
from wwidw_build.selection import Selection

SITE_NAME = "Wat Werkt in de Wijk"
_INERT = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def script_json(data: dict) -> str:
    """``data`` as JSON that is safe as the whole text of a script element."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_INERT)


def description_data(selection: Selection, document: Record) -> dict:
    """The schema.org Article of one description page, from fields that page shows."""
    reg = selection.registry
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Article",
        "name": document.titel,
        "headline": document.titel,
        "description": document.samenvatting,
        "inLanguage": "nl",
        "isPartOf": {"@type": "WebSite", "name": SITE_NAME},
    }
    if document.auteurs:
        data["author"] = [{"@type": "Person", "name": name} for name in document.auteurs]
    day = document.laatst_bijgewerkt if isinstance(document, Praktijk) else document.laatst_herzien
    if day:
        data["dateModified"] = day.isoformat()
    themes = [reg.themas[t].naam for t in document.themas if t in reg.themas]
    if themes:
        data["keywords"] = themes
    effects = [reg.effecten[e].naam for e in document.beoogde_effecten if e in reg.effecten]
    if effects:
        data["about"] = [{"@type": "Thing", "name": name} for name in effects]
    groups = [reg.doelgroepen[g].naam for g in document.doelgroepen if g in reg.doelgroepen]
    if groups:
        data["audience"] = [{"@type": "Audience", "audienceType": name} for name in groups]
    if isinstance(document, Praktijk):
        organisation = reg.organisaties.get(document.organisatie)
        if organisation:
            data["sourceOrganization"] = {"@type": "Organization", "name": organisation.naam}
        place = document.gemeente + (f", {document.wijk}" if document.wijk else "")
        data["contentLocation"] = {"@type": "Place", "name": place}
    if selection.audience.is_public:
        data["isAccessibleForFree"] = True
    return data


def description_json_ld(selection: Selection, document: Record) -> str:
    return script_json(description_data(selection, document))
