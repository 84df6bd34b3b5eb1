from wwidw_build.sections import PRAKTIJK_SECTIONS, filled_sections, split_sections, template

WORDS = " ".join(["woord"] * 20)


def test_split_ignores_headings_in_code_fences():
    body = f"## Aanleiding\n{WORDS}\n```\n## Doel\n```\n## Doel\nkort\n"
    assert list(split_sections(body)) == ["aanleiding", "doel"]


def test_filled_sections_need_real_text():
    body = f"## Aanleiding\n{WORDS}\n## Doel\n<!-- {WORDS} -->\n"
    assert filled_sections("praktijk", body) == ["Aanleiding"]


def test_template_has_every_section_with_a_hint():
    text = template("praktijk")
    for title, hint in PRAKTIJK_SECTIONS.items():
        assert f"## {title}" in text and hint in text
