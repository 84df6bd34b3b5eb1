"""Site pages (pages/site_pages.py) such as Meedoen: read from content/paginas/ of the public source,
checked by `wwidw validate` against schemas/pagina.schema.json (Dutch, with file, line and field),
their body sanitized like a description's, shown to every audience; never read from a private source.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import wwidw
from sources import copy_sample_sources, load_sources_file

from wwidw_build.audience import Audience
from wwidw_build.build import render_bodies
from wwidw_build.generate import generate_pages
from wwidw_build.pipeline import load_and_validate
from wwidw_build.selection import select

REPO = Path(__file__).resolve().parent.parent
MEEDOEN = "paginas/meedoen.md"


def copy_content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(REPO / "content", target, symlinks=True)
    return target


def write_page(content: Path, name: str, front: str, body: str) -> Path:
    path = content / "paginas" / name
    path.write_text(f"---\n{front}---\n\n{body}\n", "utf-8")
    return path


def generated(content_dir: Path, audience: str = "openbaar") -> dict[str, str]:
    content, diagnostics = load_and_validate(content_dir)
    assert not [d for d in diagnostics if d.is_error], diagnostics
    return generate_pages(select(content, Audience(audience)), render_bodies(content))


def test_meedoen_comes_from_content_and_every_audience_shows_it():
    content, diagnostics = load_and_validate(REPO / "content")
    assert not [d for d in diagnostics if d.is_error]
    assert [p.id for p in content.pages] == ["meedoen"]
    bodies = render_bodies(content)
    pages = {
        audience: generate_pages(select(content, Audience(audience)), bodies)[MEEDOEN]
        for audience in ("openbaar", "partners", "organisatie:havenstad-wonen")
    }
    assert len(set(pages.values())) == 1  # the same text everywhere (no audience-bound links)
    page = pages["openbaar"]
    assert "# Meedoen" in page and "## Partner worden" in page
    assert "redactie van Platform31" in page


def test_the_body_is_sanitized_and_the_title_escaped(tmp_path):
    content = copy_content(tmp_path)
    write_page(
        content,
        "meedoen.md",
        'titel: "Meedoen <img src=x onerror=alert(1)>"\n'
        "samenvatting: Hoe u meedoet aan de kennisbank, en bij wie u terechtkunt.\n",
        "Tekst <script>alert(2)</script> en [klik](javascript:alert(3)) en "
        "[een praktijk](../praktijken/klushuizen-spoorbuurt.md).",
    )
    page = generated(content)[MEEDOEN]
    assert "<script" not in page and "javascript:" not in page and "<img" not in page
    assert "Meedoen &#60;img" in page
    assert 'href="../../praktijken/klushuizen-spoorbuurt/"' in page


def test_a_link_to_a_private_description_is_refused(tmp_path):
    """A site page is shown to every audience: it may link only what the public source holds."""
    root = tmp_path / "bron"
    sources_file = copy_sample_sources(root)
    partners = sorted((root / "voorbeeldbronnen" / "partners" / "praktijken").glob("*.md"))[0]
    write_page(
        root / "content",
        "meedoen.md",
        "titel: Meedoen\nsamenvatting: Hoe u meedoet aan de kennisbank, en bij wie u terechtkunt.\n",
        f"Zie [dit voorbeeld](../praktijken/{partners.name}).",
    )
    content, diagnostics = load_sources_file(sources_file)
    errors = [d for d in diagnostics if d.is_error]
    assert [(d.file, d.line, d.code) for d in errors] == [
        ("content/paginas/meedoen.md", 6, "bijlage-ontbreekt")
    ]


def test_validate_reports_a_bad_page_in_dutch_with_file_line_and_field(tmp_path):
    content = copy_content(tmp_path)
    write_page(
        content,
        "meedoen.md",
        "titel: Meedoen\nsamenvating: Een tikfout in de veldnaam.\n",
        "Tekst.",
    )
    result = wwidw("validate", "--content", content)
    assert result.returncode == 1
    out = result.stdout
    assert "content/paginas/meedoen.md:3:" in out  # the misspelt field's line
    assert "samenvating" in out and "samenvatting" in out
    assert "[veld-onbekend]" in out or "[veld-ontbreekt]" in out


def test_a_page_s_file_name_must_be_an_id(tmp_path):
    content = copy_content(tmp_path)
    write_page(
        content,
        "Mee Doen.md",
        "titel: Meedoen\nsamenvatting: Hoe u meedoet aan de kennisbank, en bij wie u terechtkunt.\n",
        "Tekst.",
    )
    _, diagnostics = load_and_validate(content)
    assert [(d.file, d.code) for d in diagnostics if d.is_error] == [
        ("content/paginas/Mee Doen.md", "id-ongeldig")
    ]


def test_a_private_source_may_not_hold_site_pages(tmp_path):
    sources_file = copy_sample_sources(tmp_path)
    private = tmp_path / "voorbeeldbronnen" / "partners" / "paginas"
    private.mkdir()
    shutil.copy(tmp_path / "content" / MEEDOEN, private / "geheim.md")
    result = wwidw("validate", "--sources", sources_file, cwd=tmp_path)
    assert result.returncode == 1 and "[paginas-buiten-openbare-bron]" in result.stdout
