"""bronnen.yml: its schema and rules, Dutch errors with file and line; and the tier rules that hold
across sources (a description lives in the source of its tier, references go only to the same or
a more public tier, ids are unique across the sources one audience sees)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import wwidw
from sources import copy_sample_sources, split_sources

from wwidw_build.content_sources import may_refer, read_sources_file, tier_of


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def test_sample_sources_file_is_valid_and_names_every_tier():
    sources, diagnostics = read_sources_file(Path(__file__).parent.parent / "bronnen.yml")
    assert diagnostics == []
    assert [s.tier for s in sources][:2] == ["openbaar", "partners"]
    assert all(s.root is not None and s.root.is_dir() for s in sources)
    assert {s.tier for s in sources if s.organisation} >= {"organisatie:havenstad-wonen"}


@pytest.mark.parametrize(
    "text,code,line",
    [
        ("bronnen:\n  - naam: a\n    locatie: x\n", "veld-verplicht", 2),
        ("bronnen:\n  - naam: a\n    locatie: x\n    niveau: geheim\n", "veld-patroon", 4),
        (
            "bronnen:\n  - naam: a\n    locatie: x\n    niveau: openbaar\n"
            "  - naam: a\n    locatie: map-b\n    niveau: partners\n",
            "bron-dubbel",
            5,
        ),
        (
            "bronnen:\n  - naam: a\n    locatie: x\n    niveau: openbaar\n"
            "  - naam: b\n    locatie: map-b\n    niveau: openbaar\n",
            "bron-niveau-dubbel",
            7,
        ),
        (
            "bronnen:\n  - naam: a\n    locatie: x\n    niveau: partners\n",
            "bron-openbaar-ontbreekt",
            1,
        ),
        (
            "bronnen:\n  - naam: a\n    locatie: https://user:geheim@git.example/x.git\n"
            "    niveau: openbaar\n",
            "bron-met-wachtwoord",
            3,
        ),
        (
            "bronnen:\n  - naam: a\n    locatie: https://ghp_token@git.example/x.git\n"
            "    niveau: openbaar\n",
            "bron-met-wachtwoord",
            3,
        ),
        (
            "bronnen:\n  - naam: a\n    locatie: x\n    niveau: openbaar\n    ref: main\n",
            "bron-ref-lokaal",
            5,
        ),
        (
            "bronnen:\n  - naam: a\n    locatie: x\n    niveau: openbaar\n    extra: 1\n",
            "veld-onbekend",
            5,
        ),
        ("bronnen: [\n", "yaml-syntaxis", 2),
    ],
)
def test_bad_sources_file_is_a_located_dutch_error(tmp_path, text, code, line):
    sources, diagnostics = read_sources_file(write(tmp_path / "bronnen.yml", text))
    assert sources == []
    found = [d for d in diagnostics if d.code == code]
    assert found, [d.code for d in diagnostics]
    assert found[0].line == line and found[0].file.endswith("bronnen.yml")


def test_bad_sources_file_on_the_command_line(tmp_path):
    write(tmp_path / "bronnen.yml", "bronnen:\n  - naam: a\n    locatie: x\n    niveau: partners\n")
    out = tmp_path / "site"
    result = wwidw("build", "--sources", tmp_path / "bronnen.yml", "--out", out)
    assert result.returncode == 1
    assert "bronnen.yml:1:1" in result.stderr and "openbaar" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


def test_content_and_sources_together_is_a_usage_error(tmp_path):
    result = wwidw("validate", "--content", "content", "--sources", "bronnen.yml")
    assert result.returncode == 2 and "niet allebei" in result.stderr


@pytest.mark.parametrize(
    "visibility,organisation,tier",
    [
        ("openbaar", None, "openbaar"),
        ("partners", "x", "partners"),
        ("organisatie", "x", "organisatie:x"),
        ("organisatie", None, None),
        ("geheim", None, None),
    ],
)
def test_tier_of(visibility, organisation, tier):
    assert tier_of(visibility, organisation) == tier


def test_references_go_only_to_the_same_or_a_more_public_tier():
    assert may_refer("partners", "openbaar") and may_refer("organisatie:a", "partners")
    assert may_refer("organisatie:a", "organisatie:a") and may_refer("openbaar", "openbaar")
    assert not may_refer("openbaar", "partners")
    assert not may_refer("partners", "organisatie:a")
    assert not may_refer("organisatie:a", "organisatie:b")


def test_public_source_refuses_every_non_public_description(tmp_path):
    """`validate --content` of the public source alone: a partners description there is an error that
    names the file, the line of zichtbaarheid and the fix."""
    content = tmp_path / "content"
    shutil.copytree(Path(__file__).parent.parent / "content", content)
    path = content / "praktijken" / "taalcafe-bibliotheek-oost.md"
    text = path.read_text("utf-8").replace("zichtbaarheid: openbaar", "zichtbaarheid: partners", 1)
    path.write_text(text, "utf-8")
    line = text.split("\n").index("zichtbaarheid: partners") + 1
    result = wwidw("validate", "--content", content)
    assert result.returncode == 1
    assert f"content/praktijken/taalcafe-bibliotheek-oost.md:{line}:" in result.stdout
    assert "[hoort-in-bron]" in result.stdout and "hoort deze beschrijving in" in result.stdout
    assert "niveau 'partners'" in result.stdout


def test_tier_mismatch_names_the_source_it_belongs_in(tmp_path):
    sources_file = copy_sample_sources(tmp_path)
    moved = (
        tmp_path / "voorbeeldbronnen" / "partners" / "praktijken" / "taalcafe-bibliotheek-oost.md"
    )
    (tmp_path / "content" / "praktijken" / "taalcafe-bibliotheek-oost.md").rename(moved)
    result = wwidw("validate", "--sources", sources_file, cwd=tmp_path)
    assert result.returncode == 1
    assert "voorbeeldbronnen/partners/praktijken/taalcafe-bibliotheek-oost.md:" in result.stdout
    assert "hoort deze beschrijving in bron 'openbaar' (openbaar)" in result.stdout
    assert "wwidw move taalcafe-bibliotheek-oost --to openbaar" in result.stdout


def test_organisation_description_in_another_organisations_source(tmp_path):
    sources_file = copy_sample_sources(tmp_path)
    own = (
        tmp_path
        / "voorbeeldbronnen"
        / "havenstad-wonen"
        / "praktijken"
        / "wijkconcierge-flat-zuid.md"
    )
    own.rename(tmp_path / "voorbeeldbronnen" / "woonstede-rivierland" / "praktijken" / own.name)
    result = wwidw("validate", "--sources", sources_file, cwd=tmp_path)
    assert result.returncode == 1
    assert "in bron 'havenstad-wonen' (organisatie:havenstad-wonen)" in result.stdout


def test_public_description_may_not_name_a_partners_archetype(tmp_path):
    sources_file = copy_sample_sources(tmp_path)
    path = tmp_path / "content" / "archetypen" / "bewonersgroen.md"
    text = path.read_text("utf-8").replace(
        '  - "klushuizen"\n', '  - "klushuizen"\n  - "wijkconcierge"\n'
    )
    path.write_text(text, "utf-8")
    result = wwidw("validate", "--sources", sources_file, cwd=tmp_path)
    assert result.returncode == 1
    assert "[verwijzing-minder-openbaar]" in result.stdout
    assert "'wijkconcierge' in bron 'partners' (partners)" in result.stdout


def test_id_collision_across_sources_names_both_sources(tmp_path):
    sources_file = copy_sample_sources(tmp_path)
    public = tmp_path / "content" / "praktijken" / "taalcafe-bibliotheek-oost.md"
    copy = tmp_path / "voorbeeldbronnen" / "partners" / "praktijken" / public.name
    copy.write_text(
        public.read_text("utf-8").replace("zichtbaarheid: openbaar", "zichtbaarheid: partners", 1),
        "utf-8",
    )
    result = wwidw("validate", "--sources", sources_file, cwd=tmp_path)
    assert result.returncode == 1
    assert "[id-dubbel-bron]" in result.stdout
    assert (
        "bron 'openbaar, openbaar'" in result.stdout or "bron 'partners, partners'" in result.stdout
    )
    # The public source's own check never depends on the private one: it is still clean.
    assert wwidw("validate", "--content", tmp_path / "content").returncode == 0


def test_registry_outside_the_public_source_is_an_error(tmp_path):
    sources_file = copy_sample_sources(tmp_path)
    shutil.copy(
        tmp_path / "content" / "organisaties.yml", tmp_path / "voorbeeldbronnen" / "partners"
    )
    result = wwidw("validate", "--sources", sources_file, cwd=tmp_path)
    assert result.returncode == 1 and "[register-buiten-openbare-bron]" in result.stdout


def test_source_of_an_organisation_that_is_not_a_partner(tmp_path):
    sources_file = copy_sample_sources(tmp_path)
    text = sources_file.read_text("utf-8").replace(
        "niveau: organisatie:woonstede-rivierland", "niveau: organisatie:onbekend-bedrijf"
    )
    sources_file.write_text(text, "utf-8")
    result = wwidw("validate", "--sources", sources_file, cwd=tmp_path)
    assert result.returncode == 1
    assert "[bron-organisatie-onbekend]" in result.stdout and "bronnen.yml:" in result.stdout


def test_split_sources_helper_gives_a_valid_set(tmp_path):
    """The test helper itself: a mixed folder split by tier validates cleanly."""
    target = tmp_path / "content"
    shutil.copytree(Path(__file__).parent.parent / "content", target)
    for folder in (Path(__file__).parent.parent / "voorbeeldbronnen").iterdir():
        for kind in ("praktijken", "archetypen"):
            for path in (folder / kind).glob("*.md"):
                shutil.copy(path, target / kind / path.name)
    sources_file = split_sources(target)
    assert wwidw("validate", "--sources", sources_file).returncode == 0


def test_non_partner_organisation_in_the_partners_source_is_a_warning(tmp_path):
    """A partners description by an organisation that is no partner: in the right source, the old
    warning (only partners read it, its own organisation cannot)."""
    sources_file = copy_sample_sources(tmp_path)
    case = Path(__file__).parent / "bad_input" / "organisatie-geen-partner.md"
    shutil.copy(case, tmp_path / "voorbeeldbronnen" / "partners" / "praktijken" / case.name)
    result = wwidw("validate", "--sources", sources_file, cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert "voorbeeldbronnen/partners/praktijken/organisatie-geen-partner.md:5:" in result.stdout
    assert "[organisatie-geen-partner]" in result.stdout
