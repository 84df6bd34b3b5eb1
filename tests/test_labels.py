"""Labels (wwidw_build.labels): the site's and the feed's wording for an audience, the kinds."""

from __future__ import annotations

from pathlib import Path

import pytest

from wwidw_build.audience import Audience
from wwidw_build.labels import SOORT, audience_label, feed_audience_label, site_marker
from wwidw_build.load import load_content

REGISTRY = load_content(Path(__file__).resolve().parent.parent / "content")[0].registry


@pytest.mark.parametrize(
    "name, site, feed",
    [
        ("openbaar", "iedereen (openbare site)", "de openbare site"),
        ("partners", "partnerorganisaties", "partners"),
        ("organisatie:havenstad-wonen", "medewerkers van Havenstad Wonen", "Havenstad Wonen"),
    ],
)
def test_audience_labels(name, site, feed):
    assert audience_label(Audience(name), REGISTRY) == site
    assert feed_audience_label(Audience(name), REGISTRY) == feed


def test_an_organisation_missing_from_the_registry_is_named_by_its_id():
    audience = Audience("organisatie:onbekend")
    assert audience_label(audience, REGISTRY) == "medewerkers van onbekend"
    assert feed_audience_label(audience, REGISTRY) == "onbekend"


@pytest.mark.parametrize(
    "name, marker",
    [
        ("openbaar", ""),
        ("partners", "Alleen voor partners — niet doorsturen"),
        (
            "organisatie:havenstad-wonen",
            "Alleen voor medewerkers van Havenstad Wonen — niet doorsturen",
        ),
        ("organisatie:onbekend", "Alleen voor medewerkers van onbekend — niet doorsturen"),
    ],
)
def test_the_site_marker_says_who_may_read_the_site(name, marker):
    assert site_marker(Audience(name), REGISTRY) == marker


def test_every_kind_has_a_label():
    assert SOORT == {"praktijk": "Praktijk", "archetype": "Archetype"}
