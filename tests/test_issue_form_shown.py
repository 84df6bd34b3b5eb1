"""issue_form_shown: `wwidw form` reads only a body that GitHub shows as it is written.

Bodies are made as GitHub writes a submitted form (``### <label>``, a blank line, the answer);
the property tests render accepted bodies with cmark-gfm, GitHub's Markdown library.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from hypothesis import given, settings
from hypothesis import strategies as st

from wwidw_build.authoring.issue_form import FIELDS, NO_RESPONSE, parse_issue_body
from wwidw_build.authoring.issue_form_shown import shown_problems

LABELS = [f.label for f in FIELDS]
ANSWERS = {
    "Titel": "Buurtkamer aan de Dijk",
    "Samenvatting": "Bewoners runnen samen een buurtkamer.",
    "Organisatie": "Stichting Welzijn De Brug (welzijn-de-brug)",
    "Gemeente": "Rivierstede",
    "Startjaar": "2022",
    "Projectstatus": "lopend",
    "Thema's": "Sociale cohesie (sociale-cohesie)",
    "Beoogde effecten": "minder-burenoverlast",
    "Zichtbaarheid": "partners",
    "Contactgegevens openbaar": "- [ ] Mijn contactgegevens mogen op de openbare site staan",
    "Aanleiding": "In de Dijkbuurt zagen we veel eenzaamheid.",
    "Privacy": "- [X] Er staan geen persoonsgegevens van bewoners in deze beschrijving",
}
CHECKBOXES = {f.label for f in FIELDS if f.kind == "checkbox"}
TEXTS = [f.label for f in FIELDS if f.kind in ("text", "longtext", "section")]


def body(answers: dict[str, str] | None = None, newline: str = "\n") -> str:
    answers = ANSWERS | (answers or {})
    parts = [f"### {label}\n\n{answers.get(label) or NO_RESPONSE}" for label in LABELS]
    return ("\n\n".join(parts) + "\n").replace("\n", newline)


def codes(text: str) -> list[str]:
    return [p.code for p in shown_problems(text, FIELDS, "issue.md")]


def test_the_form_as_github_writes_it_is_accepted():
    assert codes(body()) == [] and codes(body(newline="\r\n")) == []
    answers, problems = parse_issue_body(body(), "issue.md")
    assert problems == [] and answers.zichtbaarheid == "partners"


def test_an_html_comment_hiding_a_second_set_of_answers_is_refused():
    """The attack of issue 13 item 6: GitHub shows 'partners' and hides the comment; the parser
    used to read the answers inside it ('openbaar')."""
    hidden = "".join(
        f"### {label}\n\n{ANSWERS.get(label) or NO_RESPONSE}\n\n" for label in LABELS[1:]
    )
    hidden = hidden.replace("\n\npartners\n", "\n\nopenbaar\n")
    text = body({"Samenvatting": "Bewoners runnen samen een buurtkamer.\n<!--\n" + hidden + "-->"})
    answers, problems = parse_issue_body(text, "issue.md")
    assert "formulier-kop-dubbel" in {p.code for p in problems}
    assert answers.zichtbaarheid == "" and answers.titel == ""  # nothing is read
    # the comment alone, without questions in it, is refused too
    alone = body({"Zichtbaarheid": "partners <!-- Zichtbaarheid: openbaar -->"})
    problems = shown_problems(alone, FIELDS, "issue.md")
    assert [p.code for p in problems] == ["formulier-verborgen-tekst"]
    assert "HTML-commentaar" in problems[0].message and "'Zichtbaarheid'" in problems[0].message
    assert alone.splitlines()[problems[0].line - 1] == "partners <!-- Zichtbaarheid: openbaar -->"
    assert problems[0].column == len("partners ") + 1


HIDDEN = {
    "comment": "tekst <!-- verborgen -->",
    "open comment": "tekst <!--\n\nnog meer",
    "tag": "tekst <span hidden>openbaar</span>",
    "closing tag": "tekst </details>",
    "details": "<details><summary>x</summary>openbaar</details>",
    "uppercase tag": "<IMG SRC=x>",
    "autolink": "<https://evil.example>",
    "processing instruction": "<?php echo 1; ?>",
    "declaration": "<!DOCTYPE x>",
    "cdata": "<![CDATA[ x ]]>",
    "entity": "Zichtbaarheid&colon; openbaar",
    "numeric entity": "a&#8203;b",
    "hex entity": "a&#x202E;b",
    "zero width space": "open\u200bbaar",
    "zero width joiner": "a\u200db",
    "word joiner": "a\u2060b",
    "soft hyphen": "zicht\u00adbaar",
    "bom": "\ufefftekst",
    "bidi override": "abc\u202efed",
    "bidi isolate": "abc\u2066x\u2069",
    "rtl mark": "abc\u200f",
    "arabic letter mark": "abc\u061c",
    "tag character": "abc\U000e0041",
    "hangul filler": "abc\u3164def",
    "braille blank": "abc\u2800def",
    "variation selector": "abc\ufe01",
    "variation selector supplement": "abc\U000e0100",
    "line separator": "abc\u2028def",
    "paragraph separator": "abc\u2029def",
    "bell": "abc\x07",
    "escape": "abc\x1b[8m verborgen",
    "nul": "abc\x00",
    "next line": "abc\x85def",
    "link definition": "tekst\n\n[x]: https://evil.example",
    "link definition with title": 'tekst\n\n[x]: https://evil.example "Zichtbaarheid: openbaar"',
    "indented link definition": "tekst\n\n   [Zichtbaarheid: openbaar]: #",
    "link definition in a list": "- [verborgen]: <https://x>",
    "link definition in a quote": "> [verborgen]: https://x",
    "footnote definition": "tekst[^1]\n\n[^1]: openbaar",
    "formula": "kosten $\\phantom{openbaar}$ euro",
    "display formula": "$$\n\\text{openbaar}\n$$",
    "mermaid": "```mermaid\ngraph TD; A-->B %% openbaar\n```",
    "math block": "~~~ math\n\\phantom{x}\n~~~",
    "geojson": "```geojson\n{}\n```",
    "unclosed fence": "```\ncode zonder einde",
    "unclosed tilde fence": "~~~~\ncode\n~~~",
    "fence closed by a shorter one": "````\ncode\n```",
    "unclosed fence in a quote": "> ```\n> code",
}


@pytest.mark.parametrize("what", HIDDEN)
def test_what_github_does_not_show_as_written_is_refused(what):
    for label in ("Titel", "Zichtbaarheid", "Aanleiding"):
        text = body({label: HIDDEN[what]})
        problems = shown_problems(text, FIELDS, "issue.md")
        assert [p.code for p in problems] == ["formulier-verborgen-tekst"], (label, problems)
        assert f"'{label}'" in problems[0].message
        answers, refused = parse_issue_body(text, "issue.md")
        assert refused == problems and answers.titel == ""


HEADINGS = {
    "h1": "# Zichtbaarheid",
    "h2": "## Zichtbaarheid",
    "h3": "### Iets anders",
    "closed h3": "### Zichtbaarheid ###",
    "indented h3": "   ### Zichtbaarheid",
    "tab": "###\tZichtbaarheid",
    "empty h3": "###",
    "in a list": "- ### Zichtbaarheid",
    "in an ordered list": "1. ## Zichtbaarheid",
    "in a quote": "> ### Zichtbaarheid",
    "setext h1": "Zichtbaarheid\n=============",
    "setext h2": "Zichtbaarheid\n---",
    "setext in a quote": "> Zichtbaarheid\n> ---",
}


@pytest.mark.parametrize("what", HEADINGS)
def test_a_heading_in_an_answer_is_refused(what):
    text = body({"Aanleiding": "Eerst tekst.\n\n" + HEADINGS[what] + "\n\nopenbaar"})
    assert codes(text) == ["formulier-kop-in-antwoord"], what


def test_the_questions_must_be_the_forms_in_order_each_once():
    assert codes(body({"Aanleiding": "x\n\n### Zichtbaarheid\n\nopenbaar"})) == [
        "formulier-kop-dubbel"
    ]
    assert codes(body({"Aanleiding": "x\n\n```\n### Zichtbaarheid\n```"})) == [
        "formulier-kop-dubbel"  # even in a code block: the parser would see it as a question
    ]
    missing = body().replace("### Gemeente\n", "")
    assert codes(missing) == ["formulier-kop-ontbreekt"]
    parts = body().split("### ")
    parts[3], parts[4] = parts[4], parts[3]
    assert codes("### ".join(parts)) == ["formulier-volgorde"]
    assert codes("Zichtbaarheid: openbaar\n\n" + body()) == ["formulier-tekst-vooraf"]
    assert codes("<!-- x -->\n" + body()) == ["formulier-tekst-vooraf"]
    assert codes("\n\n" + body()) == []  # blank lines before are nothing


@pytest.mark.parametrize(
    "answer",
    [
        "- [x] Er staan geen persoonsgegevens van bewoners in deze beschrijving\n- [ ] nog een",
        "- [X] ja\n\nZichtbaarheid: openbaar",
        "ja",
        NO_RESPONSE,
        "- [X]",
    ],
)
def test_a_checkbox_answer_is_one_checkbox_line(answer):
    assert codes(body({"Privacy": answer})) == ["formulier-vinkje"]


@pytest.mark.parametrize(
    "answer",
    [
        "Gewone tekst met *nadruk*, **vet**, `code`, ~~weg~~ en een [link](https://example.org).",
        "- een lijst\n- met punten\n\n1. en nummers",
        "#### Een tussenkop\n\nmet tekst, en #hashtag en C# en nummer #12",
        "| a | b |\n| --- | --- |\n| 1 | 2 |",
        "Tekst\n\n---\n\nna een streep",
        "```python\nprint(1 < 2 and 'x' or [1])\n```\n\n~~~~\n```\n~~~~",
        "kinderen < 12 jaar en > 4 jaar, a<3, 5 > 3, € 1.250,- en US$ 5",
        "Samen & zo, AT&T en &-teken, 50% minder",
        "Emoji: 👍 ❤️ 🏘️ en café, naïef, Zürich, 日本",
        "Tekst met\u00a0harde spatie en\ttab",
        "> een citaat\n> over twee regels",
        "\\### geen kop",
    ],
)
def test_ordinary_markdown_is_accepted(answer):
    assert codes(body({"Aanleiding": answer, "Samenvatting": answer})) == []


def test_problems_are_located_and_one_per_kind_per_answer():
    text = body({"Aanpak": "a\u200b\nb <b>x</b>\n\n## Kop\n\nc\u200b"})
    problems = shown_problems(text, FIELDS, "issue.md")
    assert [p.code for p in problems] == ["formulier-verborgen-tekst", "formulier-kop-in-antwoord"]
    lines = text.splitlines()
    assert lines[problems[0].line - 1] == "a\u200b" and problems[0].column == 2
    assert "U+200B" in problems[0].message and lines[problems[1].line - 1] == "## Kop"


# Property tests: hostile fragments anywhere in any answer are refused; and what is accepted,
# GitHub's own renderer shows with exactly the form's questions and no HTML.
BLOCK_STARTS = ("- [", "> [", "   [", "[", "#", "`", "~", "$$")
INLINE = st.sampled_from(
    [v for v in HIDDEN.values() if "\n" not in v and not v.startswith(BLOCK_STARTS)]
)
BLOCK = st.sampled_from(list(HIDDEN.values()) + list(HEADINGS.values()))
PIECES = st.text(alphabet=st.sampled_from(list("ab #*-_`[]()!:<>&;$\\\n")), max_size=30)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(TEXTS), PIECES, INLINE, PIECES)
def test_a_hidden_fragment_anywhere_in_a_line_is_refused(label, before, fragment, after):
    assert codes(body({label: f"x{before} {fragment} {after}"})) != []


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(TEXTS), PIECES, BLOCK, PIECES)
def test_a_hidden_block_anywhere_in_an_answer_is_refused(label, before, fragment, after):
    assert codes(body({label: f"x{before}\n\n{fragment}\n\n{after}"})) != []


class _Rendered(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.headings, self.comments, self._heading = [], [], [], None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = (tag, [])

    def handle_endtag(self, tag):
        if self._heading and tag == self._heading[0]:
            self.headings.append((tag, "".join(self._heading[1])))
            self._heading = None

    def handle_data(self, data):
        if self._heading:
            self._heading[1].append(data)

    def handle_comment(self, data):
        self.comments.append(data)


MARKUP = {"p", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "hr", "br", "del"}
MARKUP |= {"table", "thead", "tbody", "tr", "th", "td", "h4", "h5", "h6", "h3", "input", "a"}
MARKUP |= {"img", "section", "sup"}


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({label: PIECES for label in TEXTS}))
def test_what_is_accepted_github_shows_with_exactly_the_forms_questions(answers):
    text = body({label: value.strip() or NO_RESPONSE for label, value in answers.items()})
    if codes(text):
        return
    html = cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE)
    rendered = _Rendered()
    rendered.feed(html)
    assert rendered.comments == [] and set(rendered.tags) <= MARKUP, html
    questions = [heading for tag, heading in rendered.headings if tag in ("h1", "h2", "h3")]
    assert questions == LABELS, html
