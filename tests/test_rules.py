import pytest

from wwidw_build.pipeline import load_and_validate


def codes_for(content_dir, name):
    return [d.code for d in load_and_validate(content_dir)[1] if d.file.endswith(name)]


def add_paragraph(content_dir, text):
    path = content_dir / "praktijken" / "klushuizen-spoorbuurt.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "## Aanleiding\n", f"## Aanleiding\n\n{text}\n", 1
        ),
        encoding="utf-8",
    )


def test_footnote_definition_is_not_a_link(content_copy):
    add_paragraph(content_copy, "Zie de noot.[^1]\n\n[^1]: Noot bij de aanleiding.")
    assert "bijlage-ontbreekt" not in codes_for(content_copy, "klushuizen-spoorbuurt.md")


def test_reference_link_to_a_missing_attachment_is_found(content_copy):
    add_paragraph(content_copy, "Zie [het verslag][v].\n\n[v]: ../bijlagen/bestaat-niet.pdf")
    assert "bijlage-ontbreekt" in codes_for(content_copy, "klushuizen-spoorbuurt.md")


@pytest.mark.parametrize(
    "prose",
    [
        "De code src=x staat in de tekst.",
        "< img src=x onerror=alert(1) >",
        "<img src=x onerror=alert(1)>",
        'Code: `<img src=x onerror="window.x()">`',
    ],
)
def test_src_in_prose_is_not_a_link(content_copy, prose):
    add_paragraph(content_copy, prose)
    assert "bijlage-ontbreekt" not in codes_for(content_copy, "klushuizen-spoorbuurt.md")


@pytest.mark.parametrize(
    "tag", ['<img src="x">', "<IMG SRC='x'>", '<img/src="x">', '<a\nhref="x">a</a>']
)
def test_src_and_href_in_a_tag_are_links(content_copy, tag):
    add_paragraph(content_copy, tag)
    assert "bijlage-ontbreekt" in codes_for(content_copy, "klushuizen-spoorbuurt.md")


def test_existing_attachment_is_fine(content_copy):
    (content_copy / "bijlagen" / "verslag.pdf").write_bytes(b"%PDF-1.4\n")
    add_paragraph(content_copy, "Zie [het verslag](../bijlagen/verslag.pdf).")
    assert codes_for(content_copy, "klushuizen-spoorbuurt.md") == []


@pytest.mark.parametrize(
    "name",
    [
        "kaart.svg",
        "KAART.SVG",
        "pagina.html",
        "pagina.htm",
        "script.js",
        "plaatje.xhtml",
        "zonder-extensie",
    ],
)
def test_an_attachment_type_outside_the_allow_list_is_an_error(content_copy, name):
    (content_copy / "bijlagen" / name).write_bytes(b"<svg><script>alert(1)</script></svg>")
    add_paragraph(content_copy, f"Zie [de kaart](../bijlagen/{name}).")
    assert codes_for(content_copy, "klushuizen-spoorbuurt.md") == ["bijlage-type"]


@pytest.mark.parametrize("name", ["verslag.PDF", "foto.jpeg", "cijfers.xlsx", "notitie.odt"])
def test_allowed_attachment_types(content_copy, name):
    (content_copy / "bijlagen" / name).write_bytes(b"inhoud")
    add_paragraph(content_copy, f"Zie [de bijlage](../bijlagen/{name}).")
    assert codes_for(content_copy, "klushuizen-spoorbuurt.md") == []


def test_a_disallowed_attachment_is_never_linked_or_copied(content_copy):
    from wwidw_build.pages.body_render import render_body

    (content_copy / "bijlagen" / "kaart.svg").write_bytes(b"<svg><script>alert(1)</script></svg>")
    add_paragraph(content_copy, "Zie [de kaart](../bijlagen/kaart.svg).")
    content, _ = load_and_validate(content_copy)
    document = next(d for d in content.documents if d.id == "klushuizen-spoorbuurt")
    body = render_body(document, content.root)
    assert "kaart.svg" not in body.attachments
    assert "kaart.svg" not in "".join(html for _, html in body.sections)


# --- Control and bidirectional characters in the body (issue 13 item 9) ----------------------------


def test_tabs_in_the_body_are_fine(content_copy):
    add_paragraph(content_copy, "Kolom\teen\tKolom twee.")
    assert codes_for(content_copy, "klushuizen-spoorbuurt.md") == []


def test_body_characters_are_reported_once_per_character_and_located(content_copy):
    add_paragraph(content_copy, "Een \x00 en \x00 en \u202e en \u202e en \x1b.\n\nNog een \x1b.")
    found = [
        (d.code, d.line, d.column, d.message)
        for d in load_and_validate(content_copy)[1]
        if d.file.endswith("klushuizen-spoorbuurt.md")
    ]
    assert [(code, column) for code, _, column, _ in found] == [
        ("tekst-stuurteken", 5),
        ("tekst-leesrichting", 15),
        ("tekst-stuurteken", 25),
    ]
    assert len({line for _, line, _, _ in found}) == 1
    assert "U+0000" in found[0][3] and "U+202E" in found[1][3] and "U+001B" in found[2][3]
