"""Synthetic corpus generator for benchmarks: a complete content folder with n praktijk descriptions.

The registry, the taxonomies and the archetypes are copied from the repository's real content/, and
every synthetic praktijk refers to their real ids, so the corpus validates like real content does.
Everything random comes from ``random.Random`` seeded per file with (seed, file number): the same
seed always gives the same files, and file k is the same whatever n is.

Usage: python benchmarks/corpus.py OUT_DIR N [--seed S]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.append(str(REPO))  # wwidw_build even without an install, as run.py does

from wwidw_build import evidence  # noqa: E402  (the ladder a claim must stay within)
from wwidw_build.sections import (  # noqa: E402  (the eight ## headings, in order)
    PRAKTIJK_SECTIONS,
    filled_sections,
)

CONTENT = REPO / "content"
MARKER = ".synthetic-corpus.json"  # written last, in the target folder; the loader never reads it
MIN_WORDS, MAX_WORDS = 350, 700
FIRST_YEAR, LAST_YEAR = 2005, 2025  # fixed, so the corpus does not depend on today's date


# --- Sentence bank --------------------------------------------------------------------------------
# Placeholders: {wijk} {gemeente} {doelgroep} {organisatie} {jaar} {cijfer} {n} {n_hoog} {n_laag}
# {pct} {bedrag} {bedrag_klein} {uren}. Numbers stay small or use thousands dots, so the privacy
# check (e-mail, phone, 9-digit numbers) never fires.

SECTION_SENTENCES: dict[str, tuple[str, ...]] = {
    "Aanleiding": (
        "In de {wijk} namen de klachten over overlast en vervuiling al jaren toe, vooral rond de portiekflats.",
        "Wijkconsulenten merkten dat steeds meer huurders in {gemeente} moeite hadden hun vaste lasten te betalen.",
        "Uit de bewonersenquête van {jaar} bleek dat bewoners hun buurt gemiddeld een {cijfer} gaven.",
        "Professionals in de wijk zagen elkaar nauwelijks en wisten weinig van elkaars activiteiten.",
        "Veel oudere bewoners woonden alleen en kwamen, zo vertelden ze zelf, soms weken niemand tegen.",
        "Het aantal meldingen over zwerfafval en bijplaatsingen bij de containers was in twee jaar bijna verdubbeld.",
        "Bewoners gaven tijdens een buurtavond aan dat ze zich 's avonds onveilig voelden op het plein.",
        "De wijk telt relatief veel jonge gezinnen met een laag inkomen en weinig ruimte om te spelen.",
        "Leegstaande winkelpanden in de hoofdstraat gaven de buurt een verwaarloosde uitstraling.",
        "Signalen van de huisarts en het wijkteam wezen op toenemende eenzaamheid onder alleenstaanden.",
        "Het aandeel woningen met achterstallig onderhoud lag ver boven het gemiddelde van {gemeente}.",
    ),
    "Doel": (
        "We wilden dat bewoners conflicten eerder en zelf zouden oplossen, zonder tussenkomst "
        "van corporatie of politie.",
        "Het doel was om binnen twee jaar minstens {n} huishoudens te bereiken die nog niet in beeld waren.",
        "De aanpak moest het contact tussen buren versterken en de drempel naar hulp verlagen.",
        "Concreet wilden we het aantal overlastmeldingen in de {wijk} met een kwart terugbrengen.",
        "We wilden dat bewoners de openbare ruimte weer als iets van henzelf zouden ervaren.",
        "Daarnaast hoopten we vrijwilligers te vinden die de activiteiten na afloop zelf konden voortzetten.",
        "Voor de corporatie was het belangrijk dat huisuitzettingen wegens huurachterstand "
        "zoveel mogelijk werden voorkomen.",
        "Een tweede doel was dat professionals van verschillende organisaties elkaar sneller zouden vinden.",
        "We streefden naar een buurt waar kinderen veilig buiten kunnen spelen, ook na schooltijd.",
        "Ten slotte wilden we leren welke onderdelen van de aanpak echt het verschil maakten.",
    ),
    "Doelgroep": (
        "De aanpak was in de eerste plaats bedoeld voor {doelgroep} in de {wijk}.",
        "In de praktijk bereikten we vooral bewoners die al enigszins actief waren in de buurt.",
        "Bewoners die minder goed Nederlands spreken, waren lastiger te bereiken dan we hadden gedacht.",
        "Via huisbezoeken kwamen we ook in contact met mensen die nooit naar een bijeenkomst komen.",
        "Ongeveer een derde van de deelnemers woonde korter dan vijf jaar in de wijk.",
        "Jongeren haakten vaak af, tenzij een jongerenwerker die ze al kenden hen meenam.",
        "We hebben bewust geen inkomensgrens gesteld, zodat niemand zich buitengesloten hoefde te voelen.",
        "Sleutelfiguren uit verschillende gemeenschappen hielpen ons bewoners met een migratieachtergrond te bereiken.",
        "Ook ondernemers uit het winkelcentrum sloten zich na een paar maanden aan.",
        "Bewoners met ernstige psychische problemen verwezen we met een warme overdracht door naar het wijkteam.",
    ),
    "Aanpak": (
        "Twee keer per week liepen een wijkconsulent en een opbouwwerker samen een ronde door de buurt.",
        "Elke maand organiseerden we een bijeenkomst in het buurthuis waar bewoners ideeën konden inbrengen.",
        "Vrijwilligers kregen een training van vier dagdelen en daarna maandelijkse intervisie.",
        "Meldingen kwamen binnen via de corporatie, de wijkagent en het wijkteam en werden binnen een week opgepakt.",
        "Per portiek maakten bewoners samen afspraken over schoonmaak, geluid en het gebruik van de bergingen.",
        "We begonnen met een proef in drie straten en breidden na een half jaar uit naar de hele wijk.",
        "Een vaste coördinator van {organisatie} hield het overzicht en was het aanspreekpunt voor alle partners.",
        "Bij elk huisbezoek gebruikten medewerkers een korte gesprekslijst, maar de bewoner bepaalde het gesprek.",
        "Plantenbakken, gereedschap en zaden stelde de gemeente gratis beschikbaar.",
        "Na afloop van elk traject volgde binnen acht weken een nazorggesprek.",
        "Het projectteam kwam elke zes weken bijeen om voortgang en knelpunten te bespreken.",
    ),
    "Werkzame bestanddelen": (
        "Het vaste gezicht in de wijk zorgde ervoor dat bewoners vertrouwen kregen en problemen eerder meldden.",
        "Doordat bewoners zelf de afspraken maakten, werden ze beter nageleefd dan opgelegde regels.",
        "De korte lijnen tussen corporatie, gemeente en welzijn maakten snelle oplossingen mogelijk.",
        "Outreachend werken bleek essentieel: wachten tot mensen zich zelf melden werkt bij deze groep niet.",
        "Kleine, zichtbare verbeteringen in de eerste maanden gaven bewoners het gevoel dat er echt iets veranderde.",
        "De combinatie van praktische hulp en een luisterend oor maakte volgens deelnemers het verschil.",
        "Vrijwilligers uit de buurt zelf werden sneller geaccepteerd dan professionals van buiten.",
        "Eén laagdrempelig aanmeldpunt voorkwam dat signalen tussen organisaties bleven liggen.",
        "Waardering voor vrijwilligers, ook in kleine gebaren, hield de groep bij elkaar.",
        "Een flexibel budget maakte het mogelijk snel in te spelen op wat bewoners aandroegen.",
    ),
    "Resultaten": (
        "Het aantal meldingen daalde van {n_hoog} in het eerste jaar naar {n_laag} in het laatste jaar.",
        "In totaal deden {n} bewoners mee aan een of meer activiteiten.",
        "Het rapportcijfer voor de buurt steeg licht, maar dat gebeurde ook in vergelijkbare wijken.",
        "Ongeveer {pct} procent van de deelnemers zei na afloop meer contact met buren te hebben.",
        "We hebben geen vergelijkingsgroep, dus we kunnen het effect niet met zekerheid aan de aanpak toeschrijven.",
        "Bij een deel van de huishoudens keerden de problemen na een jaar terug.",
        "De schouw liet zien dat de openbare ruimte na afloop schoner was dan bij de start.",
        "Het aantal huisuitzettingen wegens huurachterstand daalde in de projectperiode tot bijna nul.",
        "Niet alle doelen zijn gehaald: het bereik onder jongeren bleef achter bij de verwachting.",
        "Partners gaven in de evaluatie aan dat de samenwerking duidelijk was verbeterd.",
    ),
    "Kosten en baten": (
        "De totale kosten bedroegen ongeveer {bedrag} euro, vooral voor de inzet van personeel.",
        "De gemeente betaalde het grootste deel uit het wijkbudget en de corporatie droeg de rest bij.",
        "Vrijwilligers staken er samen naar schatting {uren} uur per jaar in.",
        "Tegenover de kosten staan vermeden uitgaven aan ontruimingen, juridische procedures en "
        "herstel van vernielingen.",
        "Een volledige kosten-batenanalyse hebben we niet gemaakt; deze cijfers zijn een eerste schatting.",
        "Per deelnemer kwamen de kosten uit op ongeveer {bedrag_klein} euro.",
        "De grootste baten lagen bij de corporatie, die minder tijd kwijt was aan klachtenbehandeling.",
        "Voor bewoners leverde het vooral rust en woonplezier op, en dat is lastig in geld uit te drukken.",
        "De inzet van de coördinator was de grootste kostenpost en is ook het moeilijkst te schrappen.",
        "Materiaalkosten vielen mee doordat lokale ondernemers gereedschap en planten sponsorden.",
    ),
    "Lessen (wat werkte wel en niet)": (
        "Begin klein en neem de tijd om vertrouwen op te bouwen voordat je gaat opschalen.",
        "Spreek vooraf met alle partners af wie welke taak heeft, anders blijven signalen liggen.",
        "We hebben te laat een nulmeting gedaan, waardoor het effect lastig te bepalen was.",
        "Investeer in het vasthouden van vrijwilligers, want het verloop was groter dan verwacht.",
        "Bewoners moeten echt invloed hebben op de keuzes, anders haken ze snel af.",
        "Een financiering voor meerdere jaren had veel onzekerheid bij het team weggenomen.",
        "De aanpak werkte minder goed bij bewoners met complexe problemen; daar is specialistische hulp nodig.",
        "Koppel resultaten regelmatig terug naar de buurt, ook als ze tegenvallen.",
        "Achteraf hadden we jongeren eerder en actiever moeten betrekken bij de opzet.",
        "Wie dit wil nadoen, raden we aan om met de wijkagent en het wijkteam te beginnen.",
    ),
}

GENERAL_SENTENCES: tuple[str, ...] = (
    "Dat vroeg om geduld van iedereen die erbij betrokken was.",
    "In {gemeente} was dit de eerste keer dat organisaties op deze manier samenwerkten.",
    "De ervaringen van bewoners waren daarbij steeds het vertrekpunt.",
    "Daarover waren niet alle partners het vanaf het begin met elkaar eens.",
    "Het buurthuis aan de rand van de {wijk} bleek daarvoor een goede uitvalsbasis.",
    "Ook de wijkagent was daar vanaf het begin nauw bij betrokken.",
    "We hebben dit onderdeel halverwege bijgesteld na gesprekken met bewoners.",
    "Dat sluit aan bij wat andere gemeenten met een vergelijkbare aanpak melden.",
    "Een deel van de gesprekken vond bij bewoners thuis plaats, aan de keukentafel.",
    "Niet alles liep volgens plan, maar de grote lijn bleef overeind.",
    "Medewerkers van {organisatie} kenden de buurt goed, en dat hielp.",
    "Het kostte meer tijd dan gepland, vooral in de eerste maanden.",
)

INTERVENTIES = (
    "Buurtbemiddeling",
    "Wijkconciërge",
    "Energiecoaches",
    "Taalcafé",
    "Geveltuinen",
    "Buurtmoestuin",
    "Schuldhulp aan de keukentafel",
    "Huisbezoeken bij senioren",
    "Straathoekwerk",
    "Portiekgesprekken",
    "Klushuizen",
    "Bewoners beslissen over het wijkbudget",
    "Opruimdagen met bewoners",
    "Jongerenwerk op straat",
    "Buurtsportcoach",
    "Vroegsignalering van huurachterstand",
    "Buurtkamer",
    "Maatjesproject",
)
WIJKEN = (  # all "de" words, so "in de {wijk}" reads well
    "Rivierenwijk",
    "Spoorbuurt",
    "Bloemenbuurt",
    "Vogelwijk",
    "Schildersbuurt",
    "Stationsbuurt",
    "Kanaalzone",
    "Bomenwijk",
    "Dichterswijk",
    "Zeeheldenbuurt",
    "Kersenbuurt",
    "Molenwijk",
    "Componistenbuurt",
    "Horst",
    "Oostflank",
    "Singelbuurt",
)
GEMEENTEN = (
    "Lindeveen",
    "Havenstad",
    "Rivierstede",
    "Veenwijk",
    "Kempenhoeve",
    "Zuiderdam",
    "Brederhoven",
    "Aaldam",
    "Westerkoog",
    "Meerdijk",
)
VOORNAMEN = (
    "Anouk",
    "Bram",
    "Fatima",
    "Joost",
    "Karin",
    "Mehmet",
    "Nadia",
    "Pieter",
    "Sanne",
    "Youssef",
    "Ingrid",
    "Ruben",
    "Esther",
    "Daan",
    "Latifa",
    "Wim",
    "Marloes",
    "Kees",
    "Sevda",
    "Tom",
)
ACHTERNAMEN = (
    "de Vries",
    "Jansen",
    "van Dijk",
    "Bakker",
    "El Amrani",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "Yilmaz",
    "van den Berg",
    "Bos",
    "Hoekstra",
    "Kramer",
    "van Wamel",
    "Geerdink",
    "Boukhari",
    "Peters",
    "Vermeulen",
)
VRIJE_PARTNERS = (
    "Buurtvereniging {wijk}",
    "Wijkteam {gemeente}",
    "Politie, basisteam {gemeente}",
    "Bibliotheek {gemeente}",
    "Huisartsenpraktijk {wijk}",
    "Stichting Buurtwerk {gemeente}",
    "Voedselbank {gemeente}",
    "Ondernemersvereniging {wijk}",
    "Basisschool De Regenboog",
)
FINANCIERS = (
    "Gemeente {gemeente} (wijkbudget)",
    "Woningcorporatie",
    "Provincie (leefbaarheidsregeling)",
    "Zorgverzekeraar",
    "Fonds voor buurtinitiatieven",
    "Rijk (Volkshuisvestingsfonds)",
    "Eigen bijdrage van deelnemers",
)
RICHTINGEN = ("werkt", "veelbelovend", "gemengd", "geen_effect", "averechts", "nog_onbekend")
MEETONTWERPEN = (
    "geen_meting",
    "kwalitatief",
    "monitoring",
    "voor_nameting",
    "vergelijkingsgroep",
    "voor_nameting_met_vergelijkingsgroep",
    "natuurlijk_experiment",
    "rct",
)
BEWIJSNIVEAUS = (
    "goed_beschreven",
    "goed_onderbouwd",
    "eerste_aanwijzingen",
    "goede_aanwijzingen",
    "sterke_aanwijzingen",
)
TOELICHTINGEN = (
    "Gemeten in de wijkmonitor van de gemeente; het stedelijk gemiddelde veranderde nauwelijks.",
    "De daling zette pas in het tweede jaar in, toen de aanpak bekend was in de buurt.",
    "Gebaseerd op gesprekken met deelnemers en partners; er is geen vergelijkingsgroep.",
    "De cijfers zijn klein, dus voorzichtigheid bij de interpretatie is op zijn plaats.",
    "Een deel van de verbetering is waarschijnlijk ook aan landelijke ontwikkelingen te danken.",
    "De eindmeting vond een half jaar na afloop plaats.",
)
SAMENVATTING_SLOT = (
    "De resultaten zijn gemengd: niet alles werkte, en dat staat hieronder ook beschreven.",
    "Deelnemers en partners zijn positief, maar een harde effectmeting ontbreekt nog.",
    "De meldingen daalden merkbaar, al is niet zeker welk deel aan de aanpak te danken is.",
    "De aanpak is na afloop door bewoners en partners zelf voortgezet.",
    "Het bereik viel tegen, maar wie meedeed, had er veel baat bij.",
    "De aanpak is voortijdig gestopt; de lessen daarvan zijn juist nuttig voor anderen.",
)


# --- Reading the real content
# ----------------------------------------------------------------------


def _load_yaml(path: Path):
    return yaml.safe_load(path.read_text("utf-8"))


def _front_matter(path: Path) -> dict:
    text = path.read_text("utf-8")
    if not text.startswith("---\n"):
        return {}
    end = re.search(r"^---[ \t]*$", text[4:], re.M)
    meta = yaml.safe_load(text[4 : 4 + end.start()]) if end else None
    return meta if isinstance(meta, dict) else {}


def read_registry(content: Path) -> dict:
    """The real ids (and a few names) from a content folder's registry, taxonomies and archetypes."""
    organisaties = [
        e for e in _load_yaml(content / "organisaties.yml") or [] if isinstance(e, dict)
    ]
    effecten = {}
    for domain in _load_yaml(content / "taxonomie" / "effecten.yml") or []:
        for effect in domain.get("effecten") or []:
            effecten[effect["id"]] = effect
    archetypen = {}
    for path in sorted((content / "archetypen").glob("*.md")):
        meta = _front_matter(path)
        if meta.get("concept") is not True:
            archetypen[path.stem] = meta
    return {
        "organisaties": organisaties,
        "themas": [e["id"] for e in _load_yaml(content / "taxonomie" / "themas.yml")],
        "doelgroepen": {
            e["id"]: e.get("naam", e["id"])
            for e in _load_yaml(content / "taxonomie" / "doelgroepen.yml")
        },
        "effecten": effecten,
        "archetypen": archetypen,
    }


# --- One praktijk
# ----------------------------------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def _domain(organisation: dict) -> str:
    website = organisation.get("website")
    if isinstance(website, str) and website.endswith(".example"):
        return re.sub(r"^https?://(www\.)?", "", website)
    return f"{organisation['id']}.example"


def _dutch_number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _name(rng: random.Random) -> str:
    return f"{rng.choice(VOORNAMEN)} {rng.choice(ACHTERNAMEN)}"


def _measurement(rng: random.Random):
    kind = rng.random()
    if kind < 0.45:
        return rng.randint(1, 500)
    if kind < 0.7:
        return round(rng.uniform(4.5, 8.5), 1)
    if kind < 0.85:
        return f"{rng.randint(4, 8)},{rng.randint(0, 9)}"
    return rng.choice(
        ("niet gemeten", "onbekend", f"{rng.randint(2, 40)} van de {rng.randint(41, 90)}")
    )


def _front(rng: random.Random, reg: dict, ctx: dict) -> dict:
    organisation = ctx["org"]
    if organisation.get("partner") is True:
        zichtbaarheid = rng.choices(("openbaar", "partners", "organisatie"), weights=(6, 3, 2))[0]
    else:
        zichtbaarheid = (
            "openbaar"  # partners/organisatie would hide a non-partner's own description
        )
    status = rng.choices(("lopend", "afgerond", "gestopt"), weights=(4, 5, 1))[0]
    start = rng.randint(FIRST_YEAR, LAST_YEAR - (0 if status == "lopend" else 1))
    effects = rng.sample(sorted(reg["effecten"]), rng.randint(1, 4))
    archetypes = sorted(
        a
        for a, meta in reg["archetypen"].items()
        if zichtbaarheid != "openbaar" or meta.get("zichtbaarheid") == "openbaar"
    )

    meta: dict = {"titel": ctx["titel"]}
    summary = [
        f"{ctx['interventie']} in de {ctx['wijk']} in {ctx['gemeente']}: {ctx['organisatie']} en partners "
        f"zetten de aanpak in voor {ctx['doelgroep']}.",
        f"Het ging vooral om {reg['effecten'][effects[0]].get('naam', effects[0]).lower()}.",
        rng.choice(SAMENVATTING_SLOT),
    ]
    meta["samenvatting"] = " ".join(summary[: rng.randint(2, 3)])
    meta["organisatie"] = organisation["id"]
    meta["zichtbaarheid"] = zichtbaarheid
    meta["gemeente"] = ctx["gemeente"]
    if rng.random() < 0.9:
        meta["wijk"] = ctx["wijk"]
    meta["startjaar"] = start
    if status != "lopend":
        meta["eindjaar"] = rng.randint(start, min(start + 6, LAST_YEAR))
    meta["projectstatus"] = status
    if archetypes and rng.random() < 0.6:
        meta["archetype"] = rng.choice(archetypes)
    meta["themas"] = rng.sample(reg["themas"], rng.randint(1, 3))
    if rng.random() < 0.85:
        meta["doelgroepen"] = [ctx["doelgroep_id"]] + rng.sample(
            [d for d in reg["doelgroepen"] if d != ctx["doelgroep_id"]], rng.randint(0, 2)
        )
    meta["beoogde_effecten"] = effects
    if rng.random() < 0.8:
        results = []
        for effect in rng.sample(effects, rng.randint(1, len(effects))):
            result = {"effect": effect, "richting": rng.choice(RICHTINGEN)}
            indicators = reg["effecten"][effect].get("indicatoren") or ["Aantal meldingen per jaar"]
            if rng.random() < 0.9:
                result["indicator"] = rng.choice(indicators)
            if rng.random() < 0.8:
                result["nulmeting"] = _measurement(rng)
                result["eindmeting"] = _measurement(rng)
            if rng.random() < 0.7:
                result["toelichting"] = rng.choice(TOELICHTINGEN)
            results.append(result)
        meta["resultaten"] = results
    if rng.random() < 0.9:
        meta["meetontwerp"] = rng.choice(MEETONTWERPEN)
    if rng.random() < 0.85:
        meta["bewijsniveau"] = rng.choice(BEWIJSNIVEAUS)
    if rng.random() < 0.85:
        meta["bereik"] = ctx["bereik"]
    if rng.random() < 0.8:
        kosten: dict = {"totaal_eur": ctx["kosten"]}
        if ctx["bereik"] and rng.random() < 0.8:
            kosten["per_deelnemer_eur"] = round(ctx["kosten"] / ctx["bereik"], 2)
        if rng.random() < 0.8:
            kosten["financiering"] = [
                f.format(**ctx) for f in rng.sample(FINANCIERS, rng.randint(1, 3))
            ]
        meta["kosten"] = kosten
    if rng.random() < 0.75:
        others = [o["id"] for o in reg["organisaties"] if o["id"] != organisation["id"]]
        free = [p.format(**ctx) for p in VRIJE_PARTNERS]
        meta["partners"] = rng.sample(others, rng.randint(0, 2)) + rng.sample(
            free, rng.randint(1, 3)
        )
    if rng.random() < 0.85:
        contact_name = ctx["contact"]
        first, last = contact_name.split(" ", 1)
        contact: dict = {"naam": contact_name}
        if rng.random() < 0.9:
            contact["email"] = f"{first[0].lower()}.{_slug(last)}@{_domain(organisation)}"
        if rng.random() < 0.7:
            contact["openbaar"] = rng.random() < 0.3
        meta["contact"] = contact
    if rng.random() < 0.8:
        meta["auteurs"] = [ctx["contact"]] + ([_name(rng)] if rng.random() < 0.4 else [])
    if rng.random() < 0.9:
        day = date(2019, 1, 1) + timedelta(days=rng.randint(0, 7 * 365))
        meta["laatst_bijgewerkt"] = day.isoformat()
    concept = rng.random()
    if concept < 0.05:
        meta["concept"] = True
    elif concept < 0.15:
        meta["concept"] = False
    return meta


def _numbers(rng: random.Random) -> dict:
    hoog = rng.randint(40, 400)
    return {
        "jaar": rng.randint(FIRST_YEAR, LAST_YEAR),
        "cijfer": f"{rng.randint(5, 7)},{rng.randint(0, 9)}",
        "n": rng.randint(12, 450),
        "n_hoog": hoog,
        "n_laag": rng.randint(5, hoog - 1),
        "pct": rng.randint(15, 85),
        "bedrag": _dutch_number(rng.randint(15, 900) * 1000),
        "bedrag_klein": rng.randint(80, 2500),
        "uren": _dutch_number(rng.randint(200, 4000)),
    }


def _body(rng: random.Random, ctx: dict) -> str:
    """Eight sections of shuffled sentences, each over the validator's 15-word minimum."""
    general = list(GENERAL_SENTENCES)
    rng.shuffle(general)
    per_section = rng.randint(42, 68)
    sections: dict[str, list[str]] = {}
    spare: dict[str, list[str]] = {}
    for title in PRAKTIJK_SECTIONS:
        pool = list(SECTION_SENTENCES[title])
        rng.shuffle(pool)
        chosen, words = [], 0
        while words < per_section and (pool or general):
            template = (
                pool.pop() if pool and (rng.random() < 0.85 or not general) else general.pop()
            )
            sentence = template.format(**ctx, **_numbers(rng))
            chosen.append(sentence)
            words += len(sentence.split())
        sections[title], spare[title] = chosen, pool

    def render() -> str:
        parts = []
        for title, sentences in sections.items():
            parts.append(f"## {title}\n")
            if (
                title in ("Werkzame bestanddelen", "Lessen (wat werkte wel en niet)")
                and ctx["lijsten"]
            ):
                parts.append("\n".join(f"- {s}" for s in sentences) + "\n")
            else:
                i = 0
                while i < len(sentences):
                    size = rng.choice((2, 3))
                    parts.append(" ".join(sentences[i : i + size]) + "\n")
                    i += size
        return "\n".join(parts)

    state = rng.getstate()
    body = render()
    while (
        not MIN_WORDS <= len(body.split()) <= MAX_WORDS
    ):  # rarely needed; deterministic either way
        if len(body.split()) > MAX_WORDS:
            longest = max(sections, key=lambda t: len(sections[t]))
            sections[longest].pop()
        else:
            title = max((t for t in sections if spare[t]), key=lambda t: len(spare[t]))
            sections[title].append(spare[title].pop().format(**ctx, **_numbers(rng)))
        rng.setstate(state)
        body = render()
    return body


def _honest_claim(meta: dict, body: str) -> str:
    """The drawn bewijsniveau, lowered to what the design, results and theory support (as
    ``wwidw validate`` demands), and below the effect claims when the results contradict it."""
    results = meta.get("resultaten", [])
    ceiling = evidence.ceiling(
        meta.get("meetontwerp"),
        len(results),
        "Werkzame bestanddelen" in filled_sections("praktijk", body),
    )
    claim = meta["bewijsniveau"]
    if evidence.exceeds(claim, ceiling):
        claim = ceiling.level
    if evidence.contradicted(claim, [r["richting"] for r in results]):
        claim = min(ceiling.level, evidence.NO_EFFECT_CLAIM, key=evidence.rank)
    return claim


def praktijk_text(number: int, seed: int, reg: dict) -> str:
    """The full text (front matter and body) of synthetic praktijk ``number``."""
    rng = random.Random(f"wwidw-synth:{seed}:{number}")
    organisation = rng.choice(reg["organisaties"])
    doelgroep_id = rng.choice(sorted(reg["doelgroepen"]))
    ctx = {
        "org": organisation,
        "organisatie": organisation.get("naam", organisation["id"]),
        "interventie": rng.choice(INTERVENTIES),
        "wijk": rng.choice(WIJKEN),
        "gemeente": rng.choice(GEMEENTEN),
        "doelgroep_id": doelgroep_id,
        "doelgroep": reg["doelgroepen"][doelgroep_id].lower(),
        "contact": _name(rng),
        "bereik": rng.randint(0, 1500),
        "kosten": rng.randint(5, 1500) * 1000,
        "lijsten": rng.random() < 0.35,
    }
    ctx["titel"] = f"{ctx['interventie']} in de {ctx['wijk']}"
    meta = _front(rng, reg, ctx)
    text_ctx = {k: v for k, v in ctx.items() if isinstance(v, str)}
    body = _body(rng, text_ctx | {"lijsten": ctx["lijsten"]})
    if "bewijsniveau" in meta:
        meta["bewijsniveau"] = _honest_claim(meta, body)
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)
    return f"---\n{front}---\n\n{body}"


# --- The corpus ----------------------------------------------------------------------------------


def fingerprint() -> str:
    """Changes whenever this generator or the copied real content changes (invalidates reused corpora)."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    sources = [
        CONTENT / "organisaties.yml",
        *sorted((CONTENT / "taxonomie").rglob("*")),
        *sorted((CONTENT / "archetypen").rglob("*")),
    ]
    for path in sources:
        if path.is_file():
            digest.update(str(path.relative_to(CONTENT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def read_marker(target: Path) -> dict | None:
    try:
        return json.loads((Path(target) / MARKER).read_text("utf-8"))
    except (OSError, ValueError):
        return None


def is_current(target: Path, n: int, seed: int) -> bool:
    """True when ``target`` holds a finished corpus of this generator for exactly this n and seed."""
    marker = read_marker(target)
    return marker == {"n": n, "seed": seed, "fingerprint": fingerprint()}


def generate(target: Path, n: int, seed: int = 1) -> Path:
    """Write a complete content folder at ``target`` with n synthetic praktijken; return ``target``.

    An existing folder is only replaced when it is an earlier synthetic corpus (it has the marker file).
    """
    target = Path(target)
    if target.exists():
        if not target.is_dir() or any(target.iterdir()) and read_marker(target) is None:
            raise FileExistsError(
                f"{target} exists and is not a synthetic corpus; refusing to overwrite it"
            )
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copy2(CONTENT / "organisaties.yml", target / "organisaties.yml")
    shutil.copytree(CONTENT / "taxonomie", target / "taxonomie")
    shutil.copytree(CONTENT / "archetypen", target / "archetypen")
    reg = read_registry(target)
    folder = target / "praktijken"
    folder.mkdir()
    for number in range(1, n + 1):
        (folder / f"synth-{number:05d}.md").write_text(praktijk_text(number, seed, reg), "utf-8")
    (target / MARKER).write_text(
        json.dumps({"n": n, "seed": seed, "fingerprint": fingerprint()}) + "\n", "utf-8"
    )
    return target


_TIER_FIELD = re.compile(r"^(zichtbaarheid|organisatie):\s*\"?([a-z0-9-]+)\"?\s*$", re.M)


def tier_of_file(path: Path) -> str:
    """The tier a description file belongs in, read from its front matter as written (a file
    without a usable zichtbaarheid stays in the public source, where the validator reports it)."""
    try:
        text = path.read_text("utf-8")
    except (UnicodeDecodeError, OSError):
        return "openbaar"
    front = text.split("\n---", 1)[0]
    fields = dict(_TIER_FIELD.findall(front))
    visibility = fields.get("zichtbaarheid")
    if visibility == "partners":
        return "partners"
    if visibility == "organisatie" and fields.get("organisatie"):
        return f"organisatie:{fields['organisatie']}"
    return "openbaar"


def split_by_tier(content_dir: Path) -> Path:
    """Move every non-public description of ``content_dir`` into a sibling source folder of its tier
    (``bron-partners``, ``bron-<organisation>``), copy the attachments along, and write
    ``bronnen.yml`` next to ``content_dir``. Returns the bronnen.yml path."""
    content_dir = Path(content_dir)
    base = content_dir.parent
    tiers: dict[str, Path] = {}
    for kind in ("praktijken", "archetypen"):
        for path in (
            sorted((content_dir / kind).rglob("*.md")) if (content_dir / kind).is_dir() else []
        ):
            if path.is_symlink():
                continue
            tier = tier_of_file(path)
            if tier == "openbaar":
                continue
            folder = tiers.setdefault(tier, base / f"bron-{tier.split(':')[-1]}")
            target = folder / path.relative_to(content_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            path.rename(target)
    for folder in tiers.values():
        if (content_dir / "bijlagen").is_dir() and not (folder / "bijlagen").exists():
            shutil.copytree(content_dir / "bijlagen", folder / "bijlagen", symlinks=True)
    entries = [{"naam": "openbaar", "locatie": content_dir.name, "niveau": "openbaar"}]
    entries += [
        {"naam": folder.name, "locatie": folder.name, "niveau": tier}
        for tier, folder in sorted(tiers.items())
    ]
    sources_file = base / "bronnen.yml"
    sources_file.write_text(yaml.safe_dump({"bronnen": entries}, sort_keys=False), "utf-8")
    return sources_file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write a synthetic content folder with N praktijken."
    )
    parser.add_argument(
        "out_dir", type=Path, help="the content folder to write (replaced if it is a corpus)"
    )
    parser.add_argument("n", type=int, help="number of praktijk descriptions")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--sources",
        action="store_true",
        help="split by tier into one source folder per tier next to OUT_DIR, with a bronnen.yml",
    )
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be 0 or more")
    generate(args.out_dir, args.n, args.seed)
    print(f"wrote {args.n} praktijken to {args.out_dir} (seed {args.seed})")
    if args.sources:
        print(f"sources: {split_by_tier(args.out_dir)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
