from pathlib import Path

from wwidw_build.load import load_content

CONTENT = Path(__file__).resolve().parent.parent / "content"


def test_sample_registry_meets_the_content_brief():
    registry = load_content(CONTENT)[0].registry
    organisations = registry.organisaties.values()
    assert len(registry.organisaties) >= 6
    assert sum(o.partner for o in organisations) >= 4 and any(not o.partner for o in organisations)
    assert {"woningcorporatie", "gemeente", "welzijnsorganisatie"} <= {
        o.soort for o in organisations
    }
    assert len(registry.themas) >= 15 and len(registry.doelgroepen) >= 12
    assert len(registry.effecten) >= 100 and 10 <= len(registry.domeinen) <= 14
    assert all(e.domein in registry.domeinen for e in registry.effecten.values())


def test_every_theme_and_effect_in_use_has_dutch_synonyms():
    """The sample taxonomy gives synonyms (`synoniemen`) to every theme and effect a sample description
    uses, and the registry reads them; the search finds descriptions by them (tests/test_search_*)."""
    from sources import SAMPLE_SOURCES, load_sources_file

    content = load_sources_file(SAMPLE_SOURCES)[0]
    registry = content.registry
    used_themes = {t for d in content.documents for t in d.meta.get("themas") or ()}
    used_effects = {e for d in content.documents for e in d.meta.get("beoogde_effecten") or ()}
    assert used_themes and used_effects
    assert all(registry.themas[t].synoniemen for t in used_themes)
    assert all(registry.effecten[e].synoniemen for e in used_effects)
    assert {"vereenzaming", "sociaal isolement"} <= set(
        registry.effecten["minder-eenzaamheid"].synoniemen
    )
    assert not any(
        registry.doelgroepen[g].synoniemen for g in registry.doelgroepen
    )  # themes, effects only


def test_synonyms_that_are_not_a_list_of_strings_are_a_schema_error(tmp_path):
    import shutil

    from wwidw_build.pipeline import load_and_validate

    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    themes = target / "taxonomie" / "themas.yml"
    themes.write_text(
        themes.read_text(encoding="utf-8").replace(
            "  synoniemen:\n    - woonomgeving\n    - prettig wonen\n    - leefklimaat\n",
            "  synoniemen: woonomgeving\n",
            1,
        ),
        encoding="utf-8",
    )
    _, diagnostics = load_and_validate(target)
    errors = [d for d in diagnostics if d.is_error]
    assert [(d.file, d.code) for d in errors] == [("content/taxonomie/themas.yml", "veld-type")]
