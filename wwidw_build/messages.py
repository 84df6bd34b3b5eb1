"""The catalogue of diagnostic codes: severity, Dutch message and Dutch hint per code.

This is the only module with Dutch prose for diagnostics. Codes are stable: tests pin them,
CONTRIBUTING.md documents them.
"""

from __future__ import annotations

from wwidw_build.strict_yaml import MAX_DEPTH, TOO_DEEP

E, W = "error", "warning"

CATALOGUE: dict[str, tuple[str, str, str]] = {
    # Files and front matter
    "bestand-te-groot": (
        E,
        "Het bestand is {grootte} KiB groot; de grens is {grens} KiB.",
        "Maak de beschrijving korter of zet grote stukken in een bijlage in content/bijlagen/.",
    ),
    "geen-utf8": (
        E,
        "Het bestand is geen geldige UTF-8-tekst (vanaf byte {positie}).",
        "Sla het bestand op als UTF-8 (in de meeste editors: 'Opslaan als' en dan codering UTF-8).",
    ),
    "symlink": (
        E,
        "Het bestand is een symbolische koppeling (symlink); die volgen we niet.",
        "Zet het echte bestand op deze plek in plaats van een koppeling.",
    ),
    "buiten-inhoudsmap": (
        E,
        "Het pad wijst naar een plek buiten de inhoudsmap.",
        "Zet alle beschrijvingen en bijlagen binnen de map content/.",
    ),
    "bestand-leeg": (
        E,
        "Het bestand is leeg.",
        "Begin met een voorwerk tussen twee regels '---'; 'wwidw new' maakt een goed begin.",
    ),
    "voorwerk-ontbreekt": (
        E,
        "Het bestand begint niet met een voorwerk (front matter).",
        "De eerste regel moet precies '---' zijn, gevolgd door de velden en weer een regel '---'.",
    ),
    "voorwerk-niet-afgesloten": (
        E,
        "Het voorwerk wordt niet afgesloten met een regel '---'.",
        "Zet na het laatste veld een regel met alleen '---'.",
    ),
    "voorwerk-geen-velden": (
        E,
        "Het voorwerk bevat geen lijst van velden (zoals 'titel: ...').",
        "Schrijf elk veld op een eigen regel als 'naam: waarde'.",
    ),
    "bestand-onbekend": (
        W,
        "Dit bestand hoort niet in deze map en wordt overgeslagen.",
        "Beschrijvingen zijn .md-bestanden in content/praktijken/ of content/archetypen/.",
    ),
    "bestand-overgeslagen": (
        W,
        "Het bestand '{naam}' wordt niet als beschrijving gelezen en niet gepubliceerd.",
        "Een README.md legt een map uit. Is dit een beschrijving? Geef het bestand dan haar id als naam, "
        "bijvoorbeeld buurtbemiddeling-rivierenwijk.md.",
    ),
    "map-overgeslagen": (
        W,
        "De map '{naam}' begint met een punt en wordt overgeslagen: wat erin staat, wordt niet gelezen "
        "of gepubliceerd.",
        "Zet beschrijvingen in content/praktijken/ of content/archetypen/ (of een gewone submap "
        "daarvan), of haal de map weg. Een beschrijving die nog niet af is, krijgt 'concept: true'.",
    ),
    "register-ontbreekt": (
        E,
        "Het bestand {bestand} ontbreekt.",
        "Het register en de taxonomieën zijn nodig om beschrijvingen te controleren.",
    ),
    # Sources (bronnen.yml) and tiers
    "bronnen-onleesbaar": (
        E,
        "Het bronnenbestand kan niet worden gelezen.",
        "Geef met --sources het pad naar bronnen.yml, of gebruik --content voor alleen de openbare map.",
    ),
    "bron-dubbel": (
        E,
        "De bron '{naam}' staat al eerder in de lijst ({ander}).",
        "Geef elke bron een eigen naam.",
    ),
    "bron-niveau-dubbel": (
        E,
        "Er is al een bron met niveau '{niveau}' ({ander}).",
        "Elk niveau heeft precies één bron: één openbare, één voor partners en één per organisatie.",
    ),
    "bron-met-wachtwoord": (
        E,
        "De locatie bevat een gebruikersnaam, wachtwoord of token.",
        "Zet nooit inloggegevens in bronnen.yml: git gebruikt je eigen SSH-sleutel of credential helper.",
    ),
    "bron-ref-lokaal": (
        E,
        "Een 'ref' kan alleen bij een git-bron; deze bron is een map.",
        "Haal 'ref' weg, of geef als locatie een git-adres.",
    ),
    "bron-openbaar-ontbreekt": (
        E,
        "Er is geen bron met niveau 'openbaar'.",
        "Het register en de taxonomieën komen uit de openbare bron; neem die op in de lijst.",
    ),
    "bron-organisatie-onbekend": (
        E,
        "De bron '{naam}' heeft niveau '{niveau}', maar '{organisatie}' is geen partner in het register.",
        "Gebruik de id van een partnerorganisatie uit organisaties.yml in de openbare bron.",
    ),
    "register-buiten-openbare-bron": (
        E,
        "Het register en de taxonomieën horen alleen in de openbare bron, niet in bron '{bron}' ({niveau}).",
        "Haal dit bestand uit deze bron; wijzigingen aan het register gaan via de openbare repository.",
    ),
    "paginas-buiten-openbare-bron": (
        E,
        "Sitepagina's (zoals Meedoen) horen alleen in de openbare bron, niet in bron '{bron}' ({niveau}).",
        "Elke site toont deze pagina's; zet ze in content/paginas/ van de openbare repository.",
    ),
    "hoort-in-bron": (
        E,
        "Met zichtbaarheid '{zichtbaarheid}' hoort deze beschrijving in {doel}, niet in bron '{bron}' ({niveau}).",
        "Verplaats haar met 'wwidw move {id} --to {doelnaam}', of kies de zichtbaarheid die bij deze bron past.",
    ),
    "verwijzing-minder-openbaar": (
        E,
        "Deze beschrijving ({niveau}) verwijst naar '{waarde}' in bron '{bron}' ({doelniveau}); "
        "niet iedereen die deze beschrijving leest, mag die zien.",
        "Verwijs alleen naar beschrijvingen in dezelfde of een openbaardere bron, of haal de verwijzing weg.",
    ),
    "id-dubbel-bron": (
        E,
        "De id '{id}' komt ook voor in bron '{anderebron}' ({ander}).",
        "Ids zijn uniek over alle bronnen die één publiek ziet. Hernoem de beschrijving in de minst openbare bron "
        "(de openbare id is al geciteerd), bijvoorbeeld met de plaats of het jaar erbij.",
    ),
    # YAML
    "yaml-syntaxis": (
        E,
        "De YAML is ongeldig: {detail}.",
        "Controleer de inspringing en zet waarden met een dubbele punt of aanhalingsteken tussen aanhalingstekens.",
    ),
    "yaml-tab": (
        E,
        "Er staat een tab in de inspringing; YAML kent alleen spaties.",
        "Vervang de tab door spaties (twee spaties per niveau).",
    ),
    "yaml-dubbele-sleutel": (
        E,
        "Het veld '{sleutel}' staat er twee keer (eerder op regel {eerder}).",
        "Houd één van de twee over; anders is onduidelijk welke waarde geldt.",
    ),
    "yaml-anker": (
        E,
        "Ankers en verwijzingen (&{naam} / *{naam}) zijn niet toegestaan.",
        "Schrijf de waarde gewoon uit op elke plek waar die nodig is.",
    ),
    "yaml-tag": (
        E,
        "Het YAML-label '{tag}' is niet toegestaan.",
        "Laat labels die met ! beginnen weg; schrijf gewone tekst, getallen, lijsten en velden.",
    ),
    "yaml-samenvoegen": (
        E,
        "Samenvoegen met '<<' is niet toegestaan.",
        "Schrijf alle velden uit in plaats van ze uit een ander deel over te nemen.",
    ),
    "yaml-sleutel-geen-tekst": (
        E,
        "Een veldnaam moet gewone tekst zijn.",
        "Schrijf velden als 'naam: waarde' met een eenvoudige naam.",
    ),
    "yaml-meerdere-documenten": (
        E,
        "Er staan meerdere YAML-documenten (gescheiden door '---') in het voorwerk.",
        "Gebruik één voorwerk tussen de eerste twee regels '---'.",
    ),
    "yaml-dubbelzinnig": (
        E,
        "De waarde {waarde} van '{veld}' wordt door YAML 1.1 gelezen als {soort}, terwijl hier tekst hoort.",
        'Zet de waarde tussen aanhalingstekens: {veld}: "{waarde}".',
    ),
    # Schema
    "veld-verplicht": (E, "Het verplichte veld '{veld}' ontbreekt{waar}.", "{uitleg}"),
    "veld-onbekend": (E, "Het veld '{veld}' bestaat niet{waar}.", "{suggestie}"),
    "veld-type": (E, "'{veld}' moet {verwacht} zijn, maar is {gekregen}.", "{uitleg}"),
    "veld-keuze": (
        E,
        "'{waarde}' is geen geldige waarde voor '{veld}'.",
        "{suggestie}Kies uit: {keuzes}.",
    ),
    "veld-te-kort": (E, "'{veld}' is te kort: minstens {grens} tekens.", "{uitleg}"),
    "veld-te-lang": (
        E,
        "'{veld}' is te lang: {lengte} tekens, hooguit {grens}.",
        "Kort de tekst in; details horen in de beschrijving zelf.",
    ),
    "lijst-te-kort": (
        E,
        "'{veld}' moet minstens {grens} onderdeel/onderdelen bevatten.",
        "{uitleg}",
    ),
    "lijst-dubbel": (
        E,
        "'{veld}' bevat dezelfde waarde meer dan eens.",
        "Noem elke waarde één keer.",
    ),
    "veld-patroon": (E, "'{waarde}' is geen geldige waarde voor '{veld}'.", "{uitleg}"),
    "veld-formaat": (E, "'{waarde}' is geen geldige {formaat} voor '{veld}'.", "{uitleg}"),
    "veld-te-klein": (E, "'{veld}' is {waarde}, maar moet minstens {grens} zijn.", "{uitleg}"),
    "veld-te-groot": (E, "'{veld}' is {waarde}, maar mag hooguit {grens} zijn.", "{uitleg}"),
    "veld-ongeldig": (E, "'{veld}' voldoet niet aan het schema.", "{uitleg}"),
    # Text in every file: visible, no control or bidirectional characters (checks/text.py)
    "tekst-onzichtbaar": (
        E,
        "{waar} bevat geen zichtbare tekst, alleen spaties of onzichtbare tekens.",
        "Vul echte tekst in, of laat een veld dat niet verplicht is helemaal weg.",
    ),
    "tekst-stuurteken": (
        E,
        "{waar} bevat het stuurteken {teken}; dat mag hier niet.",
        "Haal het teken weg. Het komt vaak mee met kopiëren en plakken, of staat er als \\-code tussen "
        "dubbele aanhalingstekens (zoals \\x07, \\u0000, \\t of \\n). Alleen lange teksten, zoals de "
        "samenvatting, een toelichting en de tekst onder het voorwerk, mogen regeleinden en tabs bevatten.",
    ),
    "tekst-leesrichting": (
        E,
        "{waar} bevat een teken dat de leesrichting van de tekst omkeert of verandert ({teken}).",
        "Haal het teken weg: zo'n teken kan tekst op het scherm anders laten lijken dan ze is. "
        "Arabische of Hebreeuwse tekst zelf mag wel.",
    ),
    # Identity and cross-file references
    "id-ongeldig": (
        E,
        "De bestandsnaam '{id}' is geen geldige id.",
        "Gebruik alleen kleine letters, cijfers en streepjes, zonder spaties: bijvoorbeeld '{voorstel}'.",
    ),
    "id-gereserveerd": (
        E,
        "De id '{id}' is gereserveerd voor de overzichtspagina's van de site.",
        "Kies een andere id, bijvoorbeeld met de plaats of het jaar erbij.",
    ),
    "id-dubbel": (
        E,
        "De id '{id}' bestaat al ({ander}).",
        "Geef elke {soort} een eigen, unieke id.",
    ),
    "onbekende-organisatie": (
        E,
        "De organisatie '{waarde}' staat niet in het register.",
        "{suggestie}Zie content/organisaties.yml.",
    ),
    "onbekend-thema": (
        E,
        "Het thema '{waarde}' bestaat niet.",
        "{suggestie}Zie content/taxonomie/themas.yml.",
    ),
    "onbekende-doelgroep": (
        E,
        "De doelgroep '{waarde}' bestaat niet.",
        "{suggestie}Zie content/taxonomie/doelgroepen.yml.",
    ),
    "onbekend-effect": (
        E,
        "Het effect '{waarde}' bestaat niet in de effectordening.",
        "{suggestie}Zie content/taxonomie/effecten.yml, of zoek met 'wwidw new'.",
    ),
    "onbekend-archetype": (
        E,
        "Het archetype '{waarde}' bestaat niet.",
        "{suggestie}Zie de bestanden in content/archetypen/.",
    ),
    "resultaat-niet-beoogd": (
        W,
        "Het resultaat gaat over '{waarde}', maar dat effect staat niet bij beoogde_effecten.",
        "Was dit effect niet de bedoeling, zet het resultaat dan onder niet_beoogde_effecten; was "
        "het wel vanaf het begin een doel, kies dan het juiste effect. Voeg een effect achteraf niet "
        "toe aan beoogde_effecten: dan klopt het verslag niet meer.",
    ),
    "niet-beoogd-is-beoogd": (
        E,
        "'{waarde}' staat bij niet_beoogde_effecten, maar is ook een beoogd effect.",
        "Een beoogd effect hoort bij resultaten; niet_beoogde_effecten is voor wat niet de "
        "bedoeling was.",
    ),
    # Evidence
    "bewijsniveau-te-hoog": (
        E,
        "Het bewijsniveau '{claim}' is hoger dan {grond} kan dragen: hooguit '{plafond}'.",
        "Kies hooguit '{plafond}', of {aanvulling}. Zie 'Bewijsniveau en meetontwerp' in "
        "CONTRIBUTING.md.",
    ),
    "bewijsniveau-tegengesproken": (
        W,
        "Het bewijsniveau '{claim}' zegt dat er aanwijzingen zijn dat de aanpak werkt, maar minder "
        "dan de helft van de resultaten met een bekende richting is {nodig}.",
        "Kies een lager bewijsniveau (goed_beschreven of goed_onderbouwd): een goed gemeten "
        "praktijk zonder effect is waardevol, maar geen aanwijzing voor effectiviteit.",
    ),
    "nameting-te-laat": (
        W,
        "De nameting van '{effect}' was gepland voor {gepland}, maar er staat nog geen waarde.",
        "Vul de gemeten waarde in bij nameting.waarde, of zet een nieuwe datum bij "
        "nameting.gepland en leg in geschiedenis uit waarom.",
    ),
    "beoordeling-verlopen": (
        W,
        "De beoordeling van het bewijsniveau gold tot {datum}: herbeoordeling nodig.",
        "Vraag de redactie om een nieuwe beoordeling; tot dan staat 'Herbeoordeling nodig' op de "
        "pagina.",
    ),
    "beoordeling-datums": (
        E,
        "De beoordeling klopt niet: {probleem}.",
        "De toetsdatum ligt niet in de toekomst en geldig_tot ligt na de toetsdatum.",
    ),
    # Review (wwidw review): a verdict changed without its history
    "wijziging-zonder-geschiedenis": (
        E,
        "'{veld}' is inhoudelijk gewijzigd ({wijziging}), maar er staat geen nieuwe regel in "
        "geschiedenis.",
        "Zet in het voorwerk onder 'geschiedenis:' een nieuwe regel met de datum en de reden, "
        "bijvoorbeeld '- datum: 2025-03-01' met daaronder 'reden: \"Overlast: averechts naar "
        "gemengd na de nameting van 2024\"'. Zie 'Geschiedenis' in CONTRIBUTING.md.",
    ),
    # Years and status
    "eindjaar-voor-startjaar": (
        E,
        "Het eindjaar {eindjaar} ligt vóór het startjaar {startjaar}.",
        "Controleer beide jaren; het eindjaar is het jaar waarin de uitvoering stopte.",
    ),
    "jaar-onwaarschijnlijk": (
        E,
        "Het jaar {jaar} bij '{veld}' is niet aannemelijk.",
        "Gebruik een jaar tussen {van} en {tot}, als vier cijfers.",
    ),
    "lopend-met-eindjaar": (
        W,
        "De praktijk heet 'lopend', maar het eindjaar {eindjaar} is al voorbij.",
        "Zet projectstatus op 'afgerond' of 'gestopt', of haal het eindjaar weg.",
    ),
    "eindjaar-ontbreekt": (
        W,
        "De praktijk is {status}, maar er staat geen eindjaar.",
        "Vul het jaar in waarin de uitvoering stopte.",
    ),
    # Visibility
    "zichtbaarheid-zonder-organisatie": (
        E,
        "Zichtbaarheid 'organisatie' kan alleen bij een beschrijving van een organisatie uit het register.",
        "Kies 'openbaar' of 'partners', of geef een organisatie uit content/organisaties.yml.",
    ),
    "organisatie-geen-partner": (
        W,
        "'{waarde}' is geen partner: met zichtbaarheid '{zichtbaarheid}' kan {lezers}.",
        "Kies 'openbaar', of vraag Platform31 om de organisatie als partner op te nemen.",
    ),
    "bijlage-ontbreekt": (
        E,
        "De link naar '{waarde}' wijst naar een bestand dat niet bestaat.",
        "Zet bijlagen in content/bijlagen/ en link ernaar als ../bijlagen/naam-van-het-bestand.pdf.",
    ),
    "bijlage-type": (
        E,
        "De bijlage '{waarde}' is van een type dat niet is toegestaan ({type}).",
        "Toegestaan zijn pdf, docx, xlsx, pptx, odt, ods, odp, csv, txt, png, jpg, gif en webp. "
        "Svg- en html-bestanden kunnen code bevatten: zet een afbeelding om naar png of jpg.",
    ),
    "bijlage-minder-openbaar": (
        E,
        "De bijlage '{waarde}' hoort ook bij {andere}; niet iedereen die deze beschrijving leest, "
        "mag die beschrijving zien, dus ook de bijlage niet.",
        "Een bijlage hoort bij elke beschrijving die ernaar linkt en wordt alleen gepubliceerd voor "
        "wie al die beschrijvingen mag zien. Geef deze beschrijving een eigen kopie van het bestand "
        "onder een andere naam, of haal de link weg.",
    ),
    "bijlage-kopie-minder-openbaar": (
        W,
        "De bijlage '{waarde}' is een kopie (zelfde naam en inhoud) van een bijlage van {andere}, "
        "in een andere bron; die beschrijving mag niet iedereen zien die deze beschrijving leest.",
        "Een build die beide bronnen leest, houdt de bijlage daarom voor een lek en stopt. Mag het "
        "bestand openbaar zijn zoals deze bron, geef het dan een eigen naam; zo niet, haal het uit "
        "deze bron.",
    ),
    # Body
    "sectie-ontbreekt": (
        W,
        "De sectie '## {sectie}' ontbreekt of is leeg.",
        "Voeg de sectie toe; een volledige beschrijving is voor lezers veel bruikbaarder.",
    ),
    "persoonsgegevens-email": (
        W,
        "De tekst bevat een e-mailadres ({waarde}).",
        "Zet geen persoonsgegevens van bewoners in de tekst; contactgegevens horen in het veld 'contact'.",
    ),
    "persoonsgegevens-telefoon": (
        W,
        "De tekst bevat een telefoonnummer ({waarde}).",
        "Zet geen telefoonnummers van bewoners in de tekst; haal het nummer weg.",
    ),
    "persoonsgegevens-bsn": (
        W,
        "De tekst bevat een getal dat op een burgerservicenummer lijkt ({waarde}).",
        "Een BSN mag nooit in een beschrijving staan; haal het getal weg.",
    ),
    "tekst-te-zwaar": (
        E,
        "Het omzetten van de tekst{waar} naar een webpagina kost te veel: meer dan {seconden} "
        "seconden rekentijd of {geheugen} MiB geheugen. Zo kan de site niet gebouwd worden.",
        "Meestal komt dat door heel veel opmaaktekens achter elkaar (zoals [ ] * _ ` < of "
        "voetnootverwijzingen [^1]) of door heel diep geneste lijsten, citaten (>) of HTML. "
        "Vereenvoudig de opmaak van deze sectie of maak de tekst korter.",
    ),
    "tekst-te-groot": (
        E,
        "De tekst{waar} wordt als webpagina te groot: meer dan {tekens} tekens HTML. Zo kan de "
        "site niet gebouwd worden.",
        "Meestal komt dat door een afkorting (*[...]: ...) of voetnoot die heel vaak terugkomt, "
        "of door heel grote tabellen. Maak de tekst korter of zet grote stukken in een bijlage.",
    ),
    "tekst-te-diep": (
        E,
        "De opmaak van de tekst{waar} is te diep genest om er een webpagina van te maken.",
        "Zet minder lijsten, citaten (>) of HTML-elementen in elkaar.",
    ),
    # Issue form (wwidw form)
    "formulier-geen-jaar": (
        E,
        "'{waarde}' bij '{veld}' in het formulier is geen jaartal.",
        "Schrijf het jaar als vier cijfers, bijvoorbeeld 2023: pas het issue aan en zet het label opnieuw.",
    ),
    "formulier-geen-getal": (
        E,
        "Het antwoord bij '{veld}' in het formulier klopt niet: {probleem}.",
        "Pas het issue aan en zet het label opnieuw; laat het veld leeg als u het getal niet weet.",
    ),
    "formulier-regel": (
        E,
        "De regel '{regel}' bij '{veld}' in het formulier klopt niet: {probleem}.",
        "Schrijf één per regel, als '{formaat}', bijvoorbeeld '{voorbeeld}'. Pas het issue aan en "
        "zet het label opnieuw.",
    ),
    # Issue form: the parser reads exactly what GitHub shows (authoring/issue_form_shown.py)
    "formulier-verborgen-tekst": (
        E,
        "Het antwoord bij '{veld}' bevat {wat}; GitHub toont dat niet zoals het er staat.",
        "Haal het weg en schrijf gewone tekst: wie het issue leest, moet precies zien wat er in de "
        "beschrijving komt.",
    ),
    "formulier-kop-in-antwoord": (
        E,
        "Het antwoord bij '{veld}' bevat een kop ('{kop}'); GitHub toont die als een vraag van het "
        "formulier.",
        "Begin in een antwoord geen regel met #, ## of ###, en zet geen regel met alleen === of --- "
        "direct onder tekst (laat er een lege regel tussen). Een tussenkop mag met ####.",
    ),
    "formulier-kop-dubbel": (
        E,
        "De vraag '### {kop}' staat meer dan één keer in het formulier.",
        "Een antwoord mag geen vraag van het formulier bevatten: haal de tweede weg (in het issue: "
        "Edit), of vul het formulier opnieuw in.",
    ),
    "formulier-kop-ontbreekt": (
        E,
        "De vraag '### {kop}' ontbreekt in het formulier.",
        "Laat de vragen staan zoals GitHub ze in het issue schreef, of vul het formulier opnieuw in.",
    ),
    "formulier-volgorde": (
        E,
        "De vraag '### {kop}' staat niet op haar plaats: de vragen staan niet in de volgorde van het "
        "formulier.",
        "Laat de vragen staan zoals GitHub ze in het issue schreef, of vul het formulier opnieuw in.",
    ),
    "formulier-tekst-vooraf": (
        E,
        "Er staat tekst vóór de eerste vraag van het formulier ('### {kop}').",
        "Haal die tekst weg: alles in het issue hoort bij een vraag van het formulier.",
    ),
    "formulier-vinkje": (
        E,
        "Het antwoord bij '{veld}' is geen vinkje zoals het formulier het schrijft.",
        "Het antwoord is één regel '- [X] …' (aangevinkt) of '- [ ] …' (niet aangevinkt), zonder "
        "andere tekst.",
    ),
}

_YAML_PROBLEMS = {
    "mapping values are not allowed": "er staat een dubbele punt op een plek waar dat niet mag",
    "could not find expected ':'": "er ontbreekt een dubbele punt na een veldnaam",
    "found unexpected end of stream": "het voorwerk houdt onverwacht op (een aanhalingsteken niet gesloten?)",
    "did not find expected key": "hier werd een nieuw veld verwacht (let op de inspringing)",
    "did not find expected '-' indicator": "hier werd een lijstitem ('- ') verwacht (let op de inspringing)",
    "found character that cannot start any token": "er staat een teken waarmee een waarde niet mag beginnen",
    "found unknown escape character": "er staat een onbekende \\-code in tekst tussen dubbele aanhalingstekens",
    "did not find expected node content": "hier ontbreekt een waarde",
    "found undefined tag handle": "er staat een onbekend label (beginnend met !)",
    "did not find expected comment or line break": "na de waarde staat nog tekst op dezelfde regel",
    "did not find expected ',' or ']'": "een lijst tussen [ ] is niet gesloten",
    "did not find expected ',' or '}'": "een groep tussen { } is niet gesloten",
    TOO_DEEP: f"de gegevens zijn te diep genest: hooguit {MAX_DEPTH} lijsten en groepen velden in elkaar",
    "did not find expected <document start>": "na het einde van de gegevens staat nog iets",
    "control character": "er staat een onzichtbaar stuurteken in de tekst",
    "found unexpected end": "het voorwerk houdt onverwacht op (iets is niet gesloten)",
}


def dutch_yaml_problem(detail: str) -> str:
    for english, dutch in _YAML_PROBLEMS.items():
        if english in detail:
            return dutch
    return "de opbouw klopt hier niet"


def render(code: str, **params) -> tuple[str, str, str]:
    """Return (severity, message, hint) for a code; unknown codes are a programming error."""
    severity, message, hint = CATALOGUE[code]
    if code == "yaml-syntaxis":
        params = {**params, "detail": dutch_yaml_problem(params.get("detail", ""))}
    return severity, message.format(**params), hint.format(**params).strip()
