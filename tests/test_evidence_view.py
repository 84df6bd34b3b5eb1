"""How description pages show the evidence (wwidw_build.pages.evidence_view), on the real content
with changed records: the claim next to what the design supports, the assessment, follow-ups,
effect sizes, unintended effects and the change log."""

from __future__ import annotations

import dataclasses
import datetime
import html
import re

from wwidw_build.audience import Audience
from wwidw_build.generate import url_resolver
from wwidw_build.pages import evidence_view
from wwidw_build.pages.builders import archetype_page, praktijk_page
from wwidw_build.records import Assessment, Change, EffectSize, Evaluation, FollowUp, Result
from wwidw_build.selection import select

TODAY = datetime.date(2026, 12, 2)


def page_of(content, bodies, document, raw=False):
    """The page's Markdown; unless ``raw``, with the entities of escaped text decoded."""
    selection = select(content, Audience("openbaar"))
    render = archetype_page if document.kind == "archetype" else praktijk_page
    page = render(
        selection, document, bodies[(document.kind, document.id)], url_resolver(selection)
    )
    return page if raw else html.unescape(page)


def praktijk(content, name="klushuizen-spoorbuurt", **fields):
    document = select(content, Audience("openbaar")).find("praktijk", name)
    return dataclasses.replace(document, **fields)


def row(page, label):
    match = re.search(rf"^\| {re.escape(label)} \| (.+) \|$", page, re.M)
    assert match, label
    return match.group(1)


def test_the_claim_stands_next_to_what_the_design_supports(content, bodies):
    page = page_of(content, bodies, praktijk(content, meetontwerp="rct"))
    assert "Gerandomiseerd experiment" in row(page, "Meetontwerp")
    assert "Maryland-niveau 5" in row(page, "Meetontwerp")
    assert row(page, "Wat het meetontwerp kan dragen") == (
        "Hooguit: Sterke aanwijzingen voor effectiviteit"
    )
    weaker = page_of(content, bodies, praktijk(content, meetontwerp="monitoring"))
    assert "Hooguit: Eerste aanwijzingen" in row(weaker, "Wat het meetontwerp kan dragen")


def test_without_results_the_page_says_why_the_ceiling_is_low(content, bodies):
    page = page_of(content, bodies, praktijk(content, resultaten=()))
    supported = row(page, "Wat het meetontwerp kan dragen")
    assert supported.startswith("Hooguit: Goed onderbouwd") and "zonder resultaten" in supported


def test_a_self_declared_level_says_so(content, bodies):
    page = page_of(content, bodies, praktijk(content, beoordeling=None))
    assert row(page, "Bewijsniveau").endswith("· Zelf ingeschat")


def test_an_assessed_level_names_who_and_when(content, bodies):
    record = Assessment(
        door="Erkenningscommissie Wijkaanpak",
        datum=datetime.date(2025, 2, 3),
        geldig_tot=datetime.date(2099, 2, 3),
    )
    page = page_of(content, bodies, praktijk(content, beoordeling=record))
    claim = row(page, "Bewijsniveau")
    assert "Getoetst door Erkenningscommissie Wijkaanpak op 3 februari 2025" in claim
    assert "Herbeoordeling nodig" not in claim and "Zelf ingeschat" not in claim


def test_an_expired_assessment_needs_reassessment(content, bodies):
    record = Assessment(
        door="Redactie", datum=datetime.date(2015, 1, 1), geldig_tot=datetime.date(2020, 1, 1)
    )
    page = page_of(content, bodies, praktijk(content, beoordeling=record))
    assert "Herbeoordeling nodig" in row(page, "Bewijsniveau")


def test_the_sample_with_an_expired_assessment_shows_it(content, bodies):
    document = select(content, Audience("openbaar")).find(
        "praktijk", "vroegsignalering-huurachterstand-havenstad"
    )
    assert document.beoordeling and document.beoordeling.expired(datetime.date.today())
    assert "Herbeoordeling nodig" in page_of(content, bodies, document)


def _with_result(content, **result_fields):
    document = praktijk(content)
    first = dataclasses.replace(document.resultaten[0], **result_fields)
    return dataclasses.replace(document, resultaten=(first, *document.resultaten[1:]))


def test_an_overdue_follow_up_is_late_and_a_future_one_is_planned(content, bodies):
    late = page_of(content, bodies, _with_result(content, nameting=FollowUp(gepland="2020-05")))
    assert "Nameting te laat" in late and "(gepland: mei 2020)" in late
    planned = page_of(content, bodies, _with_result(content, nameting=FollowUp(gepland="2999-01")))
    assert "Nameting te laat" not in planned and "Nameting gepland: januari 2999" in planned
    done = FollowUp(gepland="2020-05", waarde="41 procent")
    measured = page_of(content, bodies, _with_result(content, nameting=done))
    assert "Nameting te laat" not in measured and "Nameting (mei 2020): 41 procent" in measured


def test_an_effect_size_is_shown_with_its_interval(content, bodies):
    size = EffectSize(maat="cohens_d", waarde=0.35, betrouwbaarheidsinterval=(0.1, 0.6))
    page = page_of(content, bodies, _with_result(content, effectgrootte=size))
    assert "Effectgrootte: Cohens d 0,35 (95%-betrouwbaarheidsinterval 0,1 tot 0,6)" in page


def test_unintended_effects_have_their_own_section(content, bodies):
    unintended = (
        Result(effect="minder-zwerfafval", richting="averechts", toelichting="Bouwafval."),
    )
    page = page_of(content, bodies, praktijk(content, niet_beoogde_effecten=unintended))
    section = page.split("## Niet-beoogde effecten", 1)[1].split("\n## ", 1)[0]
    assert "Minder zwerfafval" in section and "wwidw-averechts" in section
    assert "Bouwafval." in section
    assert "## Niet-beoogde effecten" not in page_of(content, bodies, praktijk(content))


def test_the_evaluation_is_internal_or_external(content, bodies):
    page = page_of(
        content, bodies, praktijk(content, evaluatie=Evaluation(soort="extern", door="X"))
    )
    assert row(page, "Evaluatie") == "Extern (onafhankelijk), door X"
    page = page_of(content, bodies, praktijk(content, evaluatie=Evaluation(soort="intern")))
    assert row(page, "Evaluatie").startswith("Intern")


def test_the_change_log_is_shown_newest_first_as_geschiedenis(content, bodies):
    log = (
        Change(datum=datetime.date(2024, 1, 5), reden="Eerste versie <b>vet</b>"),
        Change(datum=datetime.date(2025, 6, 30), reden="Minder overlast: averechts naar gemengd"),
    )
    page = page_of(content, bodies, praktijk(content, geschiedenis=log), raw=True)
    section = page.split("## Geschiedenis", 1)[1]
    assert section.index("30 juni 2025") < section.index("5 januari 2024")
    assert "<b>" not in section and "Eerste versie &#60;b&#62;vet" in section


def test_an_archetype_shows_its_assessment_and_history(content, bodies):
    archetype = select(content, Audience("openbaar")).find("archetype", "klushuizen")
    assessed = dataclasses.replace(
        archetype,
        beoordeling=Assessment(
            door="Kennispanel",
            datum=datetime.date(2024, 3, 1),
            geldig_tot=datetime.date(2099, 1, 1),
        ),
        geschiedenis=(Change(datum=datetime.date(2024, 3, 1), reden="Herzien na toetsing"),),
    )
    page = page_of(content, bodies, assessed)
    assert "Getoetst door Kennispanel op 1 maart 2024" in page
    assert "## Geschiedenis" in page and "Herzien na toetsing" in page
    assert "Zelf ingeschat" in page_of(content, bodies, archetype)


def test_dutch_dates_and_months():
    assert evidence_view.dutch_date(datetime.date(2026, 12, 2)) == "2 december 2026"
    assert evidence_view.dutch_month(FollowUp(gepland="2027-06")) == "juni 2027"


def test_reach_is_shown_in_its_unit(content, bodies):
    page = page_of(content, bodies, praktijk(content, bereik=40, bereik_eenheid="huishoudens"))
    assert row(page, "Bereik") == "40 huishoudens"
    without = praktijk(content, bereik=40, bereik_eenheid=None)
    assert row(page_of(content, bodies, without), "Bereik") == "40 mensen"
    houses = praktijk(content, bereik=1200, bereik_eenheid="woningen")
    assert row(page_of(content, bodies, houses), "Bereik") == "1.200 woningen"
