# ruff: noqa: E501 - file texts: their lines are as long as the files need
"""The Dutch README.md that `wwidw source new` writes into a new source repository, per tier."""

from __future__ import annotations

from wwidw_build.authoring.source_templates import fill

README = """\
# <<title>>

Deze repository is een **bron** van [Wat Werkt in de Wijk](<<engine_web>>), de kennisbank waarin
wijkprofessionals delen wat werkt in de wijk — en wat niet. Ze bevat praktijk- en
archetypebeschrijvingen van één niveau: **<<niveau>>**. <<what>>

## Wie kan dit lezen?

<<readers_sentence>> Iedereen die deze repository kan lezen, kan álles lezen wat erin staat: de
beschrijvingen, de pull requests, de issues (ook ingevulde formulieren), de reviewrapporten en de
controles. Zet hier dus alleen beschrijvingen met zichtbaarheid `<<zichtbaarheid>>`; de controle
weigert elke andere.

Hoort uw beschrijving bij een ander publiek, dan hoort ze in een andere repository:

| wie mag de beschrijving lezen? | zichtbaarheid | repository |
| --- | --- | --- |
| iedereen | `openbaar` | de openbare repository: [<<engine_repository>>](<<engine_web>>) (`content/`) |
| medewerkers van alle partnerorganisaties | `partners` | de partnersrepository |
| alleen medewerkers van één organisatie | `organisatie` | de repository van die organisatie |

## Een beschrijving toevoegen

Wat er in een beschrijving hoort, hoe u goed schrijft en wat de meldingen betekenen, staat in
[CONTRIBUTING.md](<<engine_web>>/blob/main/CONTRIBUTING.md) van de openbare repository. Er zijn drie
manieren; het resultaat is altijd een pull request die een beheerder beoordeelt.

1. **Het formulier op GitHub**: *Issues* → *New issue* → "Nieuwe praktijkbeschrijving". Een beheerder
   zet het label `nieuwe-praktijk`; dan maakt GitHub er een pull request van in `praktijken/`.
2. **Op uw eigen computer.** Installeer de engine (Python 3.11 of nieuwer) en werk in een kopie van
   deze repository:

   ```sh
   python3 -m venv .venv
   .venv/bin/pip install "wwidw @ git+<<engine_clone>>@<<engine_ref>>"
   .venv/bin/wwidw new praktijk --sources bronnen.yml --visibility <<zichtbaarheid>>
   .venv/bin/wwidw validate --sources bronnen.yml
   ```

   <<credentials_sentence>>
3. **Rechtstreeks op github.com**: maak een bestand in `praktijken/` (neem een bestaande beschrijving
   als voorbeeld) en kies bij het opslaan "Create a new branch".

## Wat er in deze repository staat

| map of bestand | wat |
| --- | --- |
| `praktijken/`, `archetypen/` | de beschrijvingen, één Markdown-bestand per beschrijving |
| `bijlagen/` | bijlagen (pdf, foto's) waarnaar de beschrijvingen linken |
<<own_registry_row>>| `bronnen.yml` | de bronnen die deze repository nodig heeft: <<sources_list>> |
| `.github/` | de controle, de reviewreactie, het formulier en het publiceren (workflows), de controlelijst voor pull requests en de code owners |

## Hoe de site wordt gebouwd

- **Bij elke pull request** (`controle`): de engine controleert de beschrijvingen (met meldingen in de
  pull request), bouwt <<site_name>> (met de controle dat er niets uitlekt naar wie het niet mag zien)
  en zet een reviewrapport als reactie onder de pull request (`review-reactie`).
- **Na het samenvoegen in `main`** (`publiceren`): <<publish_sentence>>
- De workflows roepen de herbruikbare workflows van de engine aan, vast op commit `<<engine_ref>>`.
  Een nieuwere engine gebruiken: vervang die commit in `.github/workflows/*.yml` (overal dezelfde) en
  laat de controle het bevestigen in een pull request.

## Instellingen (voor beheerders)

<<settings>>
- **Labels**: `praktijkformulier` (zet het formulier) en `nieuwe-praktijk` (zet een beheerder; start
  `formulier`).
- **Actions → General → Workflow permissions**: alleen lezen, en sta GitHub Actions toe pull requests
  te maken (voor `formulier`).
- **Branch protection op `main`**: vereis de controle en een review van de code owners.
- Meer over de hosting: [docs/hosting.md](<<engine_web>>/blob/main/docs/hosting.md) van de openbare
  repository.
"""

PROTECTED_SETTINGS = """\
- **Zichtbaarheid van de repository: privé.** Geef alleen <<team_sentence>> toegang.
- **Environment `beschermd`** (Settings → Environments; deployment branches: alleen `main`), met het
  geheim `BESCHERMD_SSH_KEY`: de deploy key van deze site, die op de beschermde host alleen in de map
  `<<folder>>/` mag schrijven.
- **Variabelen** (Settings → Secrets and variables → Actions → Variables): `BESCHERMD_HOST`,
  `BESCHERMD_KNOWN_HOSTS` en eventueel `BESCHERMD_USER`. Zonder `BESCHERMD_HOST` wordt er niets
  gepubliceerd.
"""

TOKEN_SETTING = """\
- **Geheim `BRONNEN_TOKEN`** (repository secret): een token dat alleen de partnersrepository mag
  lezen (een fine-grained token met alleen *Contents: read* op die repository). De controle, de
  reactie op een pull request, het formulier en het publiceren lezen de partnersrepository daarmee; git krijgt het via een credential
  helper, het staat nergens in een bestand of log.
"""

PUBLIC_SETTINGS = """\
- **Zichtbaarheid van de repository: openbaar** mag; alles hierin is openbaar.
- **Pages**: Settings → Pages → Source: *GitHub Actions*; beperk het environment `github-pages` tot
  `main`. De variabele `PUBLIEKE_URL` (optioneel) is het adres van de openbare site.
"""


def readme(values: dict[str, str]) -> str:
    """The README for a tier; ``values`` as ``source_repo.template_values`` makes them."""
    return fill(README, **values)
