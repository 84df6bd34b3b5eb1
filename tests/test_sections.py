import re
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from wwidw_build.sections import (
    PRAKTIJK_SECTIONS,
    filled_sections,
    prose_words,
    split_sections,
    template,
    without_comments,
)

WORDS = " ".join(["woord"] * 20)


def test_split_ignores_headings_in_code_fences():
    body = f"## Aanleiding\n{WORDS}\n```\n## Doel\n```\n## Doel\nkort\n"
    assert list(split_sections(body)) == ["aanleiding", "doel"]


def test_filled_sections_need_real_text():
    body = f"## Aanleiding\n{WORDS}\n## Doel\n<!-- {WORDS} -->\n"
    assert filled_sections("praktijk", body) == ["Aanleiding"]


def test_the_hint_is_not_prose_however_it_is_left_in():
    hint = PRAKTIJK_SECTIONS["Aanpak"]
    wrapped = hint.replace(", ", ",\n")
    for text in (hint, f"<!-- Schrijftip: {hint} -->", f"_{hint}_", f"**Schrijftip: {wrapped}**"):
        assert prose_words(text, hint) == 0, text
    assert prose_words(f"{hint}\nTwee opbouwwerkers trainden.", hint) == 3
    assert prose_words(hint, PRAKTIJK_SECTIONS["Doel"]) == len(hint.split())  # another hint is text
    body = f"## Aanpak\n\n{hint}\n\n## Doel\n\n{WORDS}\n"
    assert filled_sections("praktijk", body) == ["Doel"]


def test_template_has_every_section_with_a_hint():
    text = template("praktijk")
    for title, hint in PRAKTIJK_SECTIONS.items():
        assert f"## {title}" in text and hint in text


# --- Linear time on hostile bodies (issue 13 item 3) ----------------------------------------------

PIECES = st.lists(st.sampled_from(["<!--", "-->", "<!---->", "<!-->", "-", ">", "a", "\n"]))


@given(PIECES)
def test_without_comments_is_the_lazy_comment_regex(pieces):
    text = "".join(pieces)
    assert without_comments(text) == re.sub(r"<!--.*?-->", " ", text, flags=re.S)


HEADING_PIECES = st.lists(st.sampled_from(["#", " ", "\t", "a", "x y"]), min_size=1)


@given(HEADING_PIECES)
def test_headings_read_as_with_the_former_regex(pieces):
    line = "## " + "".join(pieces)
    former = re.match(r"^##[ \t]+(.+?)[ \t#]*$", line)
    expected = [re.sub(r"\s+", " ", former.group(1).strip().lower())] if former else []
    assert list(split_sections(line + "\ntekst\n")) == expected


def test_hostile_lines_are_read_in_linear_time():
    """Both once took minutes (a lazy group rescanning to the end from every position); the
    subprocess's timeout is a generous bound, not a measurement."""
    code = (
        "from wwidw_build.sections import split_sections, word_count\n"
        "assert list(split_sections('## ' + '#' * 200_000 + ' x\\n')) == ['#' * 200_000 + ' x']\n"
        "assert word_count('<!--' * 60_000) == 1\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
