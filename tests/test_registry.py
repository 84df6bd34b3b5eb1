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
