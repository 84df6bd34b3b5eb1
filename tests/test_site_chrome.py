"""site_chrome: the site's own text, which the leak audit never takes as proof of a leak."""

from __future__ import annotations

from wwidw_build import labels, site_chrome
from wwidw_build.sections import SECTIONS


def test_the_chrome_holds_the_labels_headings_and_the_theme_s_dutch_interface():
    text = "\n".join(site_chrome.chrome_texts())
    for label in [*labels.BEWIJSNIVEAU.values(), *labels.PROJECTSTATUS.values()]:
        assert label in text
    assert all(heading in text for headings in SECTIONS.values() for heading in headings)
    assert "Wat Werkt in de Wijk" in text  # the engine's own page texts
    assert "Kopiëren naar klembord" in text  # mkdocs-material's Dutch interface


def test_the_site_marker_and_the_visibility_badge_are_chrome():
    """Every page of a protected site says who it is for: a hidden description that happens to say
    the same proves no leak."""
    text = "\n".join(site_chrome.chrome_texts())
    assert "Alleen voor partners — niet doorsturen" in text
    assert "Alleen voor medewerkers van " in text and " — niet doorsturen" in text
    assert "Zichtbaarheid: " in text
    assert all(label in text for label in labels.ZICHTBAARHEID.values())


def test_the_chrome_is_the_engine_s_own_files_never_content():
    files = [p.as_posix() for p in site_chrome._files(site_chrome.PACKAGE)]
    assert files and all("/wwidw_build/" in f for f in files)
    text = "\n".join(site_chrome.chrome_texts())
    assert "Klushuizen in de Spoorbuurt" not in text  # a sample description's title
