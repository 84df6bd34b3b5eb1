# ruff: noqa: E501 - file texts: their lines are as long as the files need
"""The text of the files `wwidw source new` writes into a new source repository.

Plain strings with ``<<name>>`` placeholders (``fill``), kept in the package so that they ship with
it. The workflows are a few lines each: every one calls a reusable workflow of the engine repository
(``.github/workflows/wwidw-*.yml`` there), pinned to one engine commit. Whatever a contributor reads
(README, pull request template, bronnen.yml's comments) is Dutch; the workflows' comments are English,
as in the engine repository.
"""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"<<([a-z_]+)>>")


def fill(template: str, **values: str) -> str:
    """The template with every ``<<name>>`` replaced; a missing value is a KeyError."""
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)


GITIGNORE = """\
.venv/
.wwidw-engine/
.cache/
.voorbeeld/
site/
rapport/
"""

CODEOWNERS = """\
# Changes to how this source is checked and published need a review by the kennisbank maintainers.
# Descriptions themselves (praktijken/, archetypen/, bijlagen/) have no code owner: any maintainer may
# review them.
/.github/      @<<owner>>/kennisbank-beheer
/bronnen.yml   @<<owner>>/kennisbank-beheer
<<extra_owners>>"""

PULL_REQUEST_TEMPLATE = """\
<!--
Dank u wel voor uw bijdrage! Vul hieronder kort in wat er verandert en loop de controlelijst na.
Na een paar minuten verschijnt onder deze pull request een reviewrapport met wat er nog beter kan.
-->

## Wat verandert er?

<!-- Bijvoorbeeld: "Nieuwe praktijk: Buurtbemiddeling in de Rivierenwijk" of "Resultaten 2024 aangevuld". -->

## Controlelijst

- [ ] `wwidw validate --sources bronnen.yml` geeft geen fouten (of: de controle bij deze pull request is groen).
- [ ] De zichtbaarheid is `<<zichtbaarheid>>`: deze repository is <<readers>>. Hoort de beschrijving bij
      een ander publiek, dan hoort ze in een andere repository (zie README.md).
- [ ] Er staan geen persoonsgegevens van bewoners in: geen namen, adressen, telefoonnummers, e-mailadressen of BSN.
- [ ] Contactgegevens staan alleen op de openbare site als de contactpersoon dat wil (`openbaar: true` bij `contact`).
- [ ] Alle secties zijn ingevuld, ook Resultaten en Lessen: wat niet werkte hoort er ook in.
- [ ] Bij de resultaten staat de richting (`werkt`, `gemengd`, `geen_effect`, …) en hoe er is gemeten (`meetontwerp`).
- [ ] Verandert de richting van een resultaat, het bewijsniveau, het meetontwerp of de zichtbaarheid, dan staat
      er een nieuwe regel in `geschiedenis` (datum en reden). `bewijsniveau` en `beoordeling` wijzigt alleen de redactie.
- [ ] `concept: true` is weggehaald als de beschrijving klaar is om te publiceren.
"""

BRONNEN_HEADER = """\
# De bronnen van Wat Werkt in de Wijk die deze repository nodig heeft (`wwidw ... --sources bronnen.yml`).
# Elke bron heeft één niveau; een bouw leest alleen de bronnen die dat publiek mag zien. Een privébron
# wordt gelezen met uw eigen git-inloggegevens (credential helper of SSH-agent; in GitHub Actions het
# geheim BRONNEN_TOKEN): zet nooit een token of wachtwoord in een adres hieronder.
"""

CONTROLE = """\
# Every pull request: the checks of Wat Werkt in de Wijk, the same as in the engine repository
# (<<engine_repository>>): validation with inline annotations, a build of `<<audience>>` (what this
# repository's readers may read) with the leak audit, and the review report that review-reactie.yml
# posts as one comment. The reusable workflow is pinned to an engine commit (`wwidw source new`).
name: controle

on:
  pull_request:

permissions: {}
cache-mode: none # no job here uses the Actions cache

concurrency:
  group: controle-${{ github.event.pull_request.number }}
  cancel-in-progress: true

jobs:
  review:
    name: Controle, bouw en review
    uses: <<engine_repository>>/.github/workflows/wwidw-controle.yml@<<engine_ref>>
    permissions:
      contents: read # check out the repository and its history (the review compares with the base)
    with:
      sources: bronnen.yml
      audience: <<audience>>
      engine-repository: <<engine_repository>>
      engine-ref: <<engine_ref>>
<<token_secret>>"""

REVIEW_REACTIE = """\
# After "controle" ran for a pull request: post the review report of its content as ONE comment.
# The engine's reusable workflow checks out this repository's default branch, never the pull request,
# and runs the pinned engine's `wwidw review` on the pull request's changed content, taken as data.
name: review-reactie

on:
  workflow_run: # zizmor: ignore[dangerous-triggers] checks out the default branch only; the PR's content is data
    workflows: [controle]
    types: [completed]

permissions: {}
cache-mode: none # no job here uses the Actions cache

concurrency: # one comment writer per pull request branch at a time
  group: review-reactie-${{ github.event.workflow_run.head_repository.full_name }}-${{ github.event.workflow_run.head_branch }}
  cancel-in-progress: false

jobs:
  reactie:
    name: Review als reactie
    uses: <<engine_repository>>/.github/workflows/wwidw-review-reactie.yml@<<engine_ref>>
    permissions:
      actions: read # download the content artifact of the "controle" run
      contents: read # check out the default branch
      pull-requests: write # create or update the one review comment
    with:
      sources: bronnen.yml
      engine-repository: <<engine_repository>>
      engine-ref: <<engine_ref>>
<<token_secret>>"""

FORMULIER = """\
# Turn a submitted issue form into a pull request once a maintainer adds the label `nieuwe-praktijk`.
# The description is written into this repository's praktijken/ only.
name: formulier

on:
  issues:
    types: [labeled]

permissions: {}
cache-mode: none # no job here uses the Actions cache

concurrency:
  group: formulier-${{ github.event.issue.number }}
  cancel-in-progress: false

jobs:
  pull-request:
    name: Pull request uit het formulier
    uses: <<engine_repository>>/.github/workflows/wwidw-formulier.yml@<<engine_ref>>
    permissions:
      contents: write # push the branch with the new description
      pull-requests: write # open the pull request
      issues: write # report problems on the issue and remove the label
    with:
      sources: bronnen.yml
      descriptions-folder: praktijken
      engine-repository: <<engine_repository>>
      engine-ref: <<engine_ref>>
<<token_secret>>"""

ONDERHOUD = """\
# Every Monday, and when started by hand: keep ONE issue (label `onderhoud`) in this repository up to
# date with what needs attention in this source's own descriptions (`wwidw maintenance`: overdue
# follow-up measurements, expired assessments, descriptions not updated for three years, drafts). It
# lists only the local source, this repository; the other sources in bronnen.yml are read for the
# validation only and keep their own lists. The list names this source's descriptions, so it stays
# here, with this repository's readers.
name: onderhoud

on:
  schedule:
    - cron: "23 5 * * 1"
  workflow_dispatch:

permissions: {}
cache-mode: none # no job here uses the Actions cache

concurrency:
  group: onderhoud
  cancel-in-progress: false # two runs at once could each create the issue; the second waits

jobs:
  onderhoud:
    name: Onderhoudslijst
    uses: <<engine_repository>>/.github/workflows/wwidw-onderhoud.yml@<<engine_ref>>
    permissions:
      contents: read # check out the repository
      issues: write # create or update the one onderhoud issue (its own job, which installs nothing)
    with:
      sources: bronnen.yml
      engine-repository: <<engine_repository>>
      engine-ref: <<engine_ref>>
<<token_secret>>"""

TOKEN_SECRET = """\
    secrets:
      # Read-only token for the partners repository (README.md, "Instellingen"). Pull requests from
      # forks get no secrets; everyone who can push a branch here may read that repository anyway.
      sources-token: ${{ secrets.BRONNEN_TOKEN }}
"""

PUBLICEREN_BESCHERMD = """\
# After every merge into main, and every night (for changes in the other sources this site reads):
# build `<<audience>>` with the leak audit and deploy it to the protected host. Only this repository
# publishes that site: its readers are the site's readers, so the jobs' logs and credentials stay
# with them. Started by hand it runs from main only: the engine's workflow refuses any other branch.
name: publiceren

on:
  push:
    branches: [main]
  schedule:
    - cron: "17 3 * * *"
  workflow_dispatch:

permissions: {}
cache-mode: none # no job here uses the Actions cache

concurrency:
  group: publiceren
  cancel-in-progress: false # never cut a deployment off halfway; the next run follows

jobs:
  beschermd:
    name: Publiceer de beschermde site
    # The deploy key is a secret of the environment `beschermd` (main branch only), and GitHub hands an
    # environment's secrets to a called workflow only with `inherit`. Keep no other secrets in this
    # repository than BESCHERMD_SSH_KEY and the read-only BRONNEN_TOKEN.
    uses: <<engine_repository>>/.github/workflows/wwidw-publiceren-beschermd.yml@<<engine_ref>> # zizmor: ignore[secrets-inherit]
    permissions:
      contents: read # check out the repository
    with:
      sources: bronnen.yml
      audience: <<audience>>
      host: ${{ vars.BESCHERMD_HOST }}
      user: ${{ vars.BESCHERMD_USER }}
      known-hosts: ${{ vars.BESCHERMD_KNOWN_HOSTS }}
      engine-repository: <<engine_repository>>
      engine-ref: <<engine_ref>>
    secrets: inherit
"""

PUBLICEREN_OPENBAAR = """\
# Every merge into main publishes the public site on GitHub Pages, built from this public source with
# no credentials at all. Started by hand it runs from main only: the engine's workflow refuses any
# other branch.
name: publiceren

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions: {}
cache-mode: none # no job here uses the Actions cache

concurrency:
  group: publiceren
  cancel-in-progress: false # never cut a deployment off halfway; the next run follows

jobs:
  openbaar:
    name: Openbare site
    uses: <<engine_repository>>/.github/workflows/wwidw-publiceren-openbaar.yml@<<engine_ref>>
    permissions:
      contents: read # check out the repository
      pages: write # deploy to GitHub Pages (the deploy job only)
      id-token: write # prove to Pages that this run is the deployment (the deploy job only)
    with:
      sources: bronnen.yml
      site-url: ${{ vars.PUBLIEKE_URL }}
      engine-repository: <<engine_repository>>
      engine-ref: <<engine_ref>>
"""
