"""New praktijken as a contributor writes them, each placeable in any town: for the similarity tests.

A draft is a subject (what it does: its labels and its text) written for a place (gemeente, wijk, the
organisation and its partners), so the same subject can be moved from place to place and the same
place given different subjects. The places are those of the sample content, several organisations and
one town the data has never seen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Place:
    gemeente: str
    wijk: str
    organisatie: str  # an id from content/organisaties.yml
    naam: str  # how the text names the organisation
    partners: tuple[str, ...]


PLACES = {
    "rivierenwijk": Place(
        "Rivierstede",
        "Rivierenwijk",
        "welzijn-de-brug",
        "Welzijn De Brug",
        ("woonstede-rivierland", "Wijkteam Rivierenwijk", "Gemeente Rivierstede"),
    ),
    "havenkwartier": Place(
        "Havenstad",
        "Havenkwartier",
        "havenstad-wonen",
        "Havenstad Wonen",
        ("Bewonerscommissie Havenkwartier", "Gemeente Havenstad", "Tolkencentrum Havenstad"),
    ),
    "kempenhoeve": Place(
        "Kempenhoeve",
        "De Akkers en Hoeverveld",
        "woonbron-kempenland",
        "Woonbron Kempenland",
        ("Gemeente Kempenhoeve", "Maatschappelijk werk Kempen"),
    ),
    "lindeveen": Place(
        "Lindeveen",
        "Kerkebuurt",
        "gemeente-lindeveen",
        "Gemeente Lindeveen",
        ("woonstede-rivierland", "Stichting Onderdak Lindeveen"),
    ),
    "dijkzicht": Place(  # a town and an organisation no other description names
        "Dijkzicht",
        "Vogelwijk",
        "platform31",
        "Platform31",
        ("Gemeente Dijkzicht", "Wijkteam Vogelwijk"),
    ),
}


@dataclass(frozen=True)
class Subject:
    titel: str
    samenvatting: str
    themas: tuple[str, ...]
    doelgroepen: tuple[str, ...]
    beoogde_effecten: tuple[str, ...]
    body: str


SUBJECTS = {
    # Against loneliness: nothing in common with neighbour mediation but, placed there, the Rivierenwijk.
    "buurtkamer": Subject(
        "Buurtkamer voor ouderen in {wijk}",
        "Sinds 2022 opent {naam} in {wijk} ({gemeente}) drie ochtenden per week een buurtkamer in een "
        "leegstaande benedenwoning. Oudere bewoners die alleen wonen drinken er koffie, eten samen en "
        "doen mee aan activiteiten die ze zelf bedenken. Een vrijwillige gastvrouw belt wie een week "
        "niet kwam.",
        ("eenzaamheid", "gezondheid"),
        ("ouderen", "alleenstaanden"),
        ("minder-eenzaamheid", "meer-ontmoeting-in-de-wijk"),
        """## Aanleiding

In {wijk} wonen veel ouderen alleen. De wijkverpleging zag dat een deel van hen dagen achter elkaar
niemand sprak. Na de sluiting van het wijkcentrum was er in {wijk} geen plek meer om zonder afspraak
binnen te lopen. {naam} zocht met de gemeente {gemeente} een ruimte.

## Doel

Oudere bewoners die zich eenzaam voelen, hebben een vaste plek om andere mensen te ontmoeten, en
raken niet uit beeld als het minder goed met ze gaat.

## Doelgroep

Ouderen vanaf 70 jaar in {wijk} die alleen wonen, vooral na het overlijden van een partner.

## Aanpak

De buurtkamer is open op maandag, woensdag en vrijdag van tien tot twee. Er is koffie, een
gezamenlijke lunch voor drie euro en een programma dat de bezoekers zelf kiezen: handwerken, een
wandeling, spelletjes, een praatje met de wijkverpleegkundige. Een vrijwillige gastvrouw ontvangt
iedereen bij naam en belt bezoekers die een week wegblijven. Nieuwe bezoekers komen via de huisarts
en via huisbezoeken van vrijwilligers.

## Resultaten

Gemiddeld komen er per ochtend achttien bezoekers. Op de eenzaamheidsschaal van De Jong Gierveld
scoorden vaste bezoekers na een jaar gemiddeld lager dan bij hun eerste bezoek.

## Lessen (wat werkte wel en niet)

- Een vaste gastvrouw is belangrijker dan het programma.
- Mannen komen moeilijker binnen; een klusochtend hielp.
""",
    ),
    # Neighbour mediation, written afresh: the substance of the sample's buurtbemiddeling praktijken.
    "bemiddeling": Subject(
        "Bemiddeling bij burenruzies in {wijk}",
        "{naam} zette in 2021 met vrijwilligers een bemiddelingsdienst op voor bewoners van {wijk} in "
        "{gemeente} die ruzie hebben met de buren. Twee getrainde bemiddelaars praten eerst met elke "
        "buur apart en daarna samen; de buren maken zelf afspraken over geluid, kinderen, huisdieren of "
        "de tuin. De klachten over burenoverlast namen af.",
        ("veiligheid", "sociale-cohesie"),
        ("huurders", "vrijwilligers"),
        ("minder-burenoverlast", "meer-gedeelde-omgangsnormen"),
        """## Aanleiding

In {wijk} kregen de woonconsulenten elk jaar meer klachten over burenoverlast: harde muziek,
blaffende honden, een schutting, kinderen op de galerij. Brieven maakten de ruzies vaak erger.

## Doel

Buren lossen een conflict zelf op, met hulp van een onpartijdige bemiddelaar, voordat de corporatie,
de wijkagent of de rechter eraan te pas moet komen.

## Aanpak

Een bewoner of de woonconsulent meldt een conflict aan bij {naam}. Twee vrijwillige bemiddelaars gaan
eerst bij elke buur apart op bezoek en luisteren naar beide kanten. Willen beide buren verder, dan
volgt een gezamenlijk gesprek op neutraal terrein. De buren schrijven hun afspraken zelf op; na zes
weken belt een bemiddelaar na of de afspraken werken. De bemiddelaars krijgen een training in
gespreksvaardigheden en bespreken hun zaken in intervisie.

## Resultaten

In 2023 kwamen in {gemeente} 64 zaken binnen; in ruim de helft kwam het tot een gesprek met beide
buren en in de meeste daarvan tot afspraken. Het aantal klachten over burenoverlast daalde.

## Lessen (wat werkte wel en niet)

- Buren doen eerder mee als de woonconsulent uitlegt wat bemiddeling is.
- Bij verslaving of psychische problemen is bemiddeling niet de juiste hulp.
""",
    ),
    # Energy coaching at home: like the sample's energiecoaches-zuiderdam, of no sample archetype.
    "energiecoaches": Subject(
        "Energiecoaches in {wijk}",
        "{naam} leidde in 2023 twintig bewoners van {wijk} in {gemeente} op tot energiecoach. Zij "
        "bezochten huurders thuis, plaatsten tochtstrips, radiatorfolie en ledlampen en legden uit hoe "
        "je met de thermostaat en de wasmachine energie bespaart. Huishoudens met een "
        "betalingsachterstand hielpen ze de energietoeslag aan te vragen.",
        ("duurzaamheid", "armoede-en-schulden"),
        ("huurders", "huishoudens-met-betalingsachterstand"),
        ("minder-energiearmoede", "lager-energieverbruik"),
        """## Aanleiding

Na de stijging van de energieprijzen kwamen veel huurders in {wijk} in de problemen. De oude
portiekflats zijn slecht geïsoleerd en de energierekening liep op tot een kwart van het inkomen.

## Doel

Huishoudens verbruiken minder energie en houden geld over, en wie recht heeft op de energietoeslag
krijgt die ook.

## Aanpak

Energiecoaches van {naam} komen op afspraak aan de keukentafel. Ze kijken samen met de bewoner naar
de meterstanden en de energierekening, brengen kleine besparende maatregelen aan (tochtstrips,
radiatorfolie, ledlampen, een waterbesparende douchekop) en geven tips over verwarmen, douchen en
wassen. Waar nodig helpen ze bij het aanvragen van de energietoeslag. Na drie maanden komt de coach
terug om de meterstanden te vergelijken.

## Resultaten

De coaches bezochten in {gemeente} 240 huishoudens. Bij de tweede meting was het gasverbruik bij
ongeveer de helft gedaald; 70 huishoudens vroegen de energietoeslag aan.

## Lessen (wat werkte wel en niet)

- Coaches uit de eigen buurt kwamen makkelijker binnen.
- De tweede afspraak schoot er vaak bij in.
""",
    ),
}


def draft_text(subject: Subject, place: Place) -> str:
    """The Markdown file of ``subject`` written for ``place``: a praktijk without an archetype."""

    def fill(text: str) -> str:
        return text.format(gemeente=place.gemeente, wijk=place.wijk, naam=place.naam)

    def block(key: str, values) -> str:
        return f"{key}:\n" + "".join(f'  - "{v}"\n' for v in values)

    return (
        "---\n"
        f'titel: "{fill(subject.titel)}"\n'
        f'samenvatting: "{fill(subject.samenvatting)}"\n'
        f"organisatie: {place.organisatie}\n"
        "zichtbaarheid: openbaar\n"
        f'gemeente: "{place.gemeente}"\n'
        f'wijk: "{place.wijk}"\n'
        "startjaar: 2022\n"
        "projectstatus: lopend\n"
        + block("themas", subject.themas)
        + block("doelgroepen", subject.doelgroepen)
        + block("beoogde_effecten", subject.beoogde_effecten)
        + block("partners", place.partners)
        + "laatst_bijgewerkt: 2025-02-01\n---\n\n"
        + fill(subject.body)
    )


def write_draft(folder: Path, subject: str, place: str) -> Path:
    """``subject`` in ``place`` as ``folder/<subject>-<place>.md`` (folder created); returns the path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{subject}-{place}.md"
    path.write_text(draft_text(SUBJECTS[subject], PLACES[place]), "utf-8")
    return path
