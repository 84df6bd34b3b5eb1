"""`wwidw review`: the PR review report over a real git branch made from the sample content."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from git_repo import ENV, commit_all, edit, git, isolate, praktijk, sample_repo
from hypothesis import given, settings
from hypothesis import strategies as st

from wwidw_build import safe_text
from wwidw_build.review import inert
from wwidw_build.review.changes import make_review
from wwidw_build.review.git_changes import ADDED, DELETED, MODIFIED, RENAMED
from wwidw_build.review.markdown import render

PARTNERS = (
    "partners",
    "organisatie:woonstede-rivierland",
    "organisatie:havenstad-wonen",
    "organisatie:gemeente-lindeveen",
    "organisatie:welzijn-de-brug",
    "organisatie:platform31",
    "organisatie:gemeente-havenstad",
)
EVERYONE = ("openbaar",) + PARTNERS
NEW = "buurtbemiddeling-beekdal"  # a copy of buurtbemiddeling-rivierenwijk without its archetype
EDITED = "taalcafe-bibliotheek-oost"
RELABELLED = "samen-tegen-schulden-lindeveen"  # partners → openbaar
DELETED_ID = "klushuizen-spoorbuurt"
PUBLISHED = "pleinmediation-jongeren"  # concept: true removed
NARROWED = "wijkconcierge-de-horst"  # openbaar → organisatie (woonstede-rivierland)
RENAMED_FROM, RENAMED_TO = "skaeve-huse-lindeveen", "skaeve-huse-de-lindehof"
# Unchanged non-public sample descriptions (RELABELLED becomes public in the scenario).
TIER_ERRORS = len(list((Path(__file__).parent.parent / "voorbeeldbronnen").glob("*/*/*.md"))) - 1
CHECKLIST = (
    "Is de aanleiding concreet",
    "Zijn de werkzame bestanddelen benoemd en onderbouwd",
    "Hoe zijn de effecten gemeten",
    "Zijn de kosten gegeven",
    "Zijn de lessen opgeschreven",
    "Staan er geen persoonsgegevens van bewoners in",
)


def make_branch(repo: Path) -> None:
    """Branch 'voorstel': one of every kind of change a pull request can make to descriptions."""
    git(repo, "checkout", "-q", "-b", "voorstel")
    original = praktijk(repo, "buurtbemiddeling-rivierenwijk").read_text(encoding="utf-8")
    copy = re.sub(r"^archetype: .*\n", "", original, flags=re.M)
    copy = re.sub(r"^titel: .*$", "titel: Buurtbemiddeling in Beekdal", copy, count=1, flags=re.M)
    praktijk(repo, NEW).write_text(copy, encoding="utf-8")
    edit(
        praktijk(repo, EDITED),
        "## Lessen (wat werkte wel en niet)\n",
        "## Lessen (wat werkte wel en niet)\n\nNieuw inzicht: begin klein en vraag bezoekers wat ze missen.\n",
    )
    edit(praktijk(repo, RELABELLED), "zichtbaarheid: partners", "zichtbaarheid: openbaar")
    praktijk(repo, DELETED_ID).unlink()
    edit(praktijk(repo, PUBLISHED), "concept: true\n", "")
    edit(praktijk(repo, NARROWED), "zichtbaarheid: openbaar", "zichtbaarheid: organisatie")
    git(repo, "mv", f"content/praktijken/{RENAMED_FROM}.md", f"content/praktijken/{RENAMED_TO}.md")
    commit_all(repo, "Voorstel met zeven wijzigingen")


@pytest.fixture(scope="module")
def scenario(tmp_path_factory):
    with pytest.MonkeyPatch.context() as monkeypatch:
        isolate(monkeypatch)
        repo = sample_repo(tmp_path_factory.mktemp("review") / "repo")
        make_branch(repo)
        review = make_review(repo / "content", "main", cache_dir=tmp_path_factory.mktemp("cache"))
        yield repo, review, render(review)


@pytest.fixture(autouse=True)
def _isolated_git(monkeypatch):
    isolate(monkeypatch)


def wwidw(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "wwidw_build", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **ENV},
        check=False,
    )


def section(report: str, doc_id: str) -> str:
    """The per-description part of the report for ``doc_id``."""
    return next(
        part
        for part in report.split("\n---\n")
        if part.lstrip().startswith("### ") and f"`{doc_id}`" in part.splitlines()[1]
    )


def test_every_change_is_listed_with_who_can_see_it_before_and_after(scenario):
    _, review, _ = scenario
    items = {item.id: item for item in review.items}
    assert {i: items[i].change.status for i in items} == {
        NEW: ADDED,
        EDITED: MODIFIED,
        RELABELLED: MODIFIED,
        DELETED_ID: DELETED,
        PUBLISHED: MODIFIED,
        NARROWED: MODIFIED,
        RENAMED_TO: RENAMED,
    }
    assert (items[NEW].old_audiences, items[NEW].new_audiences) == ((), EVERYONE)
    assert items[EDITED].old_audiences == items[EDITED].new_audiences == EVERYONE
    assert (items[RELABELLED].old_audiences, items[RELABELLED].new_audiences) == (
        PARTNERS,
        EVERYONE,
    )
    assert (items[DELETED_ID].old_audiences, items[DELETED_ID].new_audiences) == (EVERYONE, ())
    assert (items[PUBLISHED].old_audiences, items[PUBLISHED].new_audiences) == ((), EVERYONE)
    assert (items[NARROWED].old_audiences, items[NARROWED].new_audiences) == (
        EVERYONE,
        ("organisatie:woonstede-rivierland",),
    )
    assert items[RENAMED_TO].old.id == RENAMED_FROM and items[RENAMED_TO].new_audiences == EVERYONE
    # The scenario repository holds every tier in one folder (git_repo.sample_repo): each unchanged
    # non-public description there is a tier error, and narrowing inside it is one too.
    assert review.other_errors == TIER_ERRORS
    assert "hoort-in-bron" in {d.code for d in items[NARROWED].diagnostics}
    # A visibility change is substantive: without a new entry in its change log it is an error.
    assert {i for i in items if items[i].verdicts.unlogged} == {RELABELLED, NARROWED}
    assert "wijziging-zonder-geschiedenis" in {d.code for d in items[RELABELLED].diagnostics}
    assert review.exit_code == 1


def test_going_public_is_flagged_at_the_top(scenario):
    _, _, report = scenario
    top = report.split("## Overzicht", 1)[0]
    warnings = [line for line in top.splitlines() if "⚠️ Wordt openbaar:" in line]
    assert [
        i for i in (RELABELLED, NEW, PUBLISHED) if not any(f"`{i}`" in line for line in warnings)
    ] == []
    assert len(warnings) == 3
    assert "(was: alle partners)" in next(line for line in warnings if RELABELLED in line)
    assert not any(EDITED in line or NARROWED in line for line in warnings)


def test_draft_published_narrowed_and_deleted_are_flagged_too(scenario):
    _, _, report = scenario
    top = report.split("## Overzicht", 1)[0]
    assert re.search(rf"Concept wordt gepubliceerd:\*\* praktijk `{PUBLISHED}`", top)
    narrowed = next(line for line in top.splitlines() if "Minder zichtbaar" in line)
    assert (
        f"`{NARROWED}`" in narrowed
        and "niet meer voor: iedereen" in narrowed
        and "Woonstede Rivierland" in narrowed
    )
    assert re.search(rf"Verdwijnt:\*\* praktijk `{DELETED_ID}`", top)
    assert EDITED not in top and RENAMED_TO not in top  # nothing changed in who can read them
    assert "- Zichtbaarheid: alleen partners → openbaar" in top  # among the substantive changes


def test_each_description_shows_audiences_completeness_findings_and_checklist(scenario):
    _, review, report = scenario
    for item in review.items:
        part = section(report, item.id)
        if item.change.status == DELETED:
            assert "Was zichtbaar voor: iedereen (openbaar): `openbaar`, `partners`" in part
            assert "- [ ] Is het verwijderen afgesproken" in part
            continue
        assert f"Zichtbaar voor: {'' if item.new_audiences else 'niemand'}" in part
        assert all(f"`{name}`" in part for name in item.new_audiences)
        assert f"Volledigheid: **{item.completeness.score}**/100" in part
        assert "Controle (`wwidw validate`)" in part
        assert [q for q in CHECKLIST if f"- [ ] {q}" not in part] == []
    relabelled = section(report, RELABELLED)
    assert "Zichtbaarheid: `openbaar` (was `partners`)" in relabelled
    assert (
        "Was zichtbaar voor: alle partners: `partners`, `organisatie:woonstede-rivierland`"
        in relabelled
    )


def test_missing_sections_fields_and_findings_are_shown(tmp_path):
    repo = sample_repo(tmp_path / "repo")
    path = praktijk(repo, EDITED)
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^## Kosten en baten\n.*?(?=^## )", "", text, flags=re.M | re.S)
    path.write_text(
        text.replace("## Lessen", "Mail ons op piet.jansen@voorbeeld.nl.\n\n## Lessen"),
        encoding="utf-8",
    )
    review = make_review(repo / "content", "main", cache_dir=tmp_path / "cache")
    part = section(render(review), EDITED)
    assert "Ontbrekende of lege secties: Kosten en baten" in part
    assert "`sectie-ontbreekt`" in part and "`persoonsgegevens-email`" in part
    assert (
        "Zijn de kosten gegeven" in part and "_Ontbreekt of leeg: sectie ‘Kosten en baten’" in part
    )
    assert "De controle vond 1× iets dat erop lijkt" in part
    assert "piet\u200b.jansen@\u200bvoorbeeld\u200b.nl" in part  # shown, but no mailto link
    assert_inert_on_github(part)


def test_a_likely_duplicate_and_a_suggested_archetype(scenario):
    _, _, report = scenario
    part = section(report, NEW)
    duplicate = next(line for line in part.splitlines() if "waarschijnlijk dubbel" in line)
    assert "`buurtbemiddeling-rivierenwijk`" in duplicate
    assert "Mogelijk dubbel" in part
    assert "Voorgesteld archetype: `buurtbemiddeling`" in part


def test_a_rename_names_the_old_file(scenario):
    _, _, report = scenario
    assert (
        f"(was `content/praktijken/{RENAMED_FROM}.md`: de id en het webadres veranderen)"
        in section(report, RENAMED_TO)
    )


def test_the_header_says_the_report_stays_in_the_repository(scenario):
    _, _, report = scenario
    head = "\n".join(report.splitlines()[:6])
    assert "Alleen voor de repository" in head and "niet openbaar" in head
    assert (
        "**7 gewijzigde beschrijvingen:** 1 toegevoegd, 4 gewijzigd, 1 hernoemd, 1 verwijderd."
        in report
    )


def test_the_command_against_the_main_branch(scenario):
    repo, _, report = scenario
    result = wwidw("review", "--base", "main", "--content", str(repo / "content"), cwd=repo)
    assert result.returncode == 1, result.stderr  # the narrowed description's tier error
    assert result.stdout == report
    out = repo.parent / "rapport.md"
    result = wwidw("review", "--base", "main", "--content", "content", "--out", str(out), cwd=repo)
    assert result.returncode == 1 and result.stdout == ""
    assert out.read_text(encoding="utf-8") == report
    assert "Reviewrapport geschreven naar" in result.stderr


def test_the_command_in_a_clone_against_the_previous_commit(scenario, tmp_path):
    repo, review, _ = scenario
    clone = tmp_path / "kloon"
    git(tmp_path, "clone", "-q", str(repo), str(clone))
    git(clone, "checkout", "-q", "voorstel")
    for base in ("HEAD~1", "origin/main"):
        result = wwidw("review", "--base", base, "--content", "content", cwd=clone)
        assert result.returncode == 1, result.stderr  # the narrowed description's tier error
        assert "⚠️ Wordt openbaar:" in result.stdout and f"`{RELABELLED}`" in result.stdout
        assert "**7 gewijzigde beschrijvingen:**" in result.stdout
    default = wwidw("review", cwd=clone)  # --base origin/main and --content content
    assert default.returncode == 1 and "**7 gewijzigde beschrijvingen:**" in default.stdout


def test_errors_in_a_changed_description_give_exit_code_1(tmp_path):
    repo = sample_repo(tmp_path / "repo")
    edit(praktijk(repo, EDITED), "projectstatus: ", "projectstatus: misschien-")
    (repo / "content" / "praktijken" / "half-af.md").write_text(
        "---\ntitel: Half af\n", encoding="utf-8"
    )
    result = wwidw("review", "--base", "main", "--content", "content", cwd=repo)
    assert result.returncode == 1, result.stderr
    assert (
        "## ❌ Fouten" in result.stdout
        and "2 gewijzigde beschrijvingen bevatten fouten" in result.stdout
    )
    assert "`voorwerk-niet-afgesloten`" in section(result.stdout, "half-af")
    assert "`veld-keuze`" in section(result.stdout, EDITED)


def test_errors_elsewhere_are_mentioned_but_do_not_fail(tmp_path):
    repo = sample_repo(tmp_path / "repo")
    (
        repo / "content" / "archetypen" / "klushuizen.md"
    ).unlink()  # two praktijken and an archetype point to it
    review = make_review(repo / "content", "main", cache_dir=tmp_path / "cache")
    assert review.exit_code == 0 and review.other_errors == 3 + TIER_ERRORS + 1
    assert f"in bestanden die niet gewijzigd zijn staan {4 + TIER_ERRORS} fouten" in render(review)


def test_no_changes(tmp_path):
    repo = sample_repo(tmp_path / "repo")
    result = wwidw("review", "--base", "main", cwd=repo)
    assert result.returncode == 0
    assert "Er zijn geen praktijk- of archetypebeschrijvingen gewijzigd." in result.stdout


def test_contributor_text_cannot_add_markdown(tmp_path):
    repo = sample_repo(tmp_path / "repo")
    path = praktijk(repo, EDITED)
    title = "titel: '[klik](https://x.example) @iemand <img src=x> *vet* | '"
    path.write_text(
        re.sub(r"^titel: .*$", title, path.read_text(encoding="utf-8"), count=1, flags=re.M),
        encoding="utf-8",
    )
    report = render(make_review(repo / "content", "main", cache_dir=tmp_path / "cache"))
    assert not re.search(r"(?<!\\)\[klik|(?<!\\)<img|(?<!\\)\*vet| @iemand", report)
    assert (
        "\\[klik\\](https:\u200b//x\u200b.example) @\u200biemand \\<img src=x\\> \\*vet\\* \\|"
        in report
    )
    assert_inert_on_github(report)


# What a contributor may write in a title, an id, a file name or a field value to make the bot's
# comment link somewhere or notify someone, as GitHub renders comments.
HOSTILE = (
    "https://evil.example/pad?x=1#frag",
    "HTTP://EVIL.EXAMPLE",
    "ftp://evil.example",
    "mailto:iemand@evil.example",
    "xmpp:iemand@evil.example",
    "javascript:alert(1)",
    "www.evil.example",
    "WWW.Evil.Example",
    "(www.evil.example)",
    "a~www.evil.example",
    "evil.example",
    "sub.evil.co.uk/pad",
    "iemand@evil.example",
    "@iemand",
    "@org/team",
    "#123",
    "GH-123",
    "gh-7",
    "owner/repo#1",
    "owner/repo@a5c3785ed8d6a35868bc169f07e40e889087fd2e",
    "a5c3785ed8d6a35868bc169f07e40e889087fd2e",
    "a5c3785",
    "JIRA-42",
    ":shipit: :+1:",
    "[klik](https://evil.example)",
    "![beeld](https://evil.example/x.png)",
    "[ref]\n\n[ref]: https://evil.example",
    "<https://evil.example>",
    "<iemand@evil.example>",
    '<a href="https://evil.example">x</a>',
    "<img src=x onerror=alert(1)>",
    "<!-- verborgen -->",
    "&lt;script&gt; &#64;iemand &#x40;iemand",
    "`code` ``dubbel``",
    "$x^2$ en $$y$$",
    "*vet* _schuin_ ~~weg~~ | cel | ",
    "\\@iemand \\#1",
    "titel\u202e\u200bverborgen\x1b[31m",
    "x\n::error::y",
)


class _Text(HTMLParser):
    """The text of rendered HTML outside code, pre and links (where GitHub looks for mentions and
    references), and every element used."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.tags, self.skip = [], [], 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.skip += tag in ("code", "pre", "a")

    def handle_endtag(self, tag):
        self.skip -= tag in ("code", "pre", "a")

    def handle_data(self, data):
        if not self.skip:
            self.text.append(data)


# GitHub's own filters after Markdown: mentions, issue and commit references, emoji; and any
# name that still looks like a domain to a linkifier.
GITHUB_REFERENCES = re.compile(
    r"(?<![\w`])@[a-z0-9]"
    r"|#[0-9]"
    r"|\bGH-[0-9]"
    r"|\b[A-Z][A-Z0-9]+-[0-9]"
    r"|(?<![\w])[0-9a-f]{7,40}(?![\w])"
    r"|:[a-z0-9_+-]+:"
    r"|(?<![\w.])(?:[a-z0-9-]+\.)+[a-z]{2,}\b"
    r"|[a-z][a-z0-9+.-]*://",
    re.I,
)
ALLOWED_TAGS = {"p", "code", "table", "thead", "tbody", "tr", "th", "td", "ul", "ol", "li", "h1"}
ALLOWED_TAGS |= {"h2", "h3", "blockquote", "strong", "em", "hr", "input"}


def assert_inert_on_github(markdown: str) -> None:
    """Render like GitHub (cmark-gfm with its extensions, raw HTML kept to see it) and check that
    the comment holds no link, image, raw HTML, mention or reference."""
    html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    parsed = _Text()
    parsed.feed(html)
    assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS, html
    text = "".join(parsed.text)
    assert not GITHUB_REFERENCES.search(text), (GITHUB_REFERENCES.search(text), text)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_inert_text_makes_no_link_or_mention_on_github(hostile):
    text = inert.md(hostile)
    assert_inert_on_github(
        f"Titel: {text}\n\n| a | b |\n| --- | --- |\n| {text} | {inert.code(hostile)} |"
    )
    assert_inert_on_github(f"- {inert.code(hostile)} en {text}")
    shown = "".join(_rendered_text(inert.md(hostile))).replace("\u200b", "").strip()
    assert shown == safe_text.one_line(" ".join(hostile.split()))  # it reads as it was written


def _rendered_text(markdown: str) -> list[str]:
    html = cmarkgfm.github_flavored_markdown_to_html(markdown)
    parsed = _Text()
    parsed.feed(html)
    return parsed.text


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("aw.:/@#-_ \n`<>![]()*|~&$G H1f9e:+x\\\u202e")), max_size=40
    )
)
def test_no_generated_text_becomes_a_link_or_mention(text):
    assert_inert_on_github(
        f"x {inert.md(text)} en {inert.code(text)}\n\n| {inert.md(text)} |\n| --- |\n"
    )


def test_every_contributor_string_of_the_report_is_inert_on_github(tmp_path):
    """Title, file name (so id), organisation, visibility, municipality and the messages that quote
    them, all hostile, through `wwidw review` itself."""
    repo = sample_repo(tmp_path / "repo")
    text = praktijk(repo, "buurtbemiddeling-rivierenwijk").read_text(encoding="utf-8")
    for field, value in (
        ("titel", "Zie https://evil.example en www.evil.example, @iemand #12 GH-3 a5c3785ed8"),
        ("organisatie", "www.evil.example"),
        ("zichtbaarheid", "https://evil.example"),
        ("gemeente", "iemand@evil.example"),
        ("archetype", "owner/repo#1"),
    ):
        text = re.sub(rf"^{field}: .*$", f"{field}: '{value}'", text, count=1, flags=re.M)
    (repo / "content" / "praktijken" / "evil.example @iemand #1 www.x.y.md").write_text(
        text, encoding="utf-8"
    )
    result = wwidw("review", "--base", "main", cwd=repo)
    assert result.returncode == 1, result.stderr  # the new file has errors
    report = result.stdout
    assert "evil" in report and "iemand" in report and "Zie https" in report
    assert_inert_on_github(report)


def test_usage_errors(content_copy, tmp_path):
    outside = wwidw("review", "--base", "main", "--content", str(content_copy), cwd=tmp_path)
    assert outside.returncode == 2 and "ligt niet in een git-repository" in outside.stderr
    repo = sample_repo(tmp_path / "repo")
    unknown = wwidw("review", "--base", "bestaat-niet", cwd=repo)
    assert unknown.returncode == 2 and "Onbekende basis 'bestaat-niet'" in unknown.stderr
    missing = wwidw("review", "--base", "main", "--content", "nergens", cwd=repo)
    assert missing.returncode == 2 and "bestaat niet" in missing.stderr
    unwritable = wwidw(
        "review", "--base", "main", "--out", str(tmp_path / "geen" / "map" / "r.md"), cwd=repo
    )
    assert unwritable.returncode == 2 and "kan niet worden geschreven" in unwritable.stderr


def test_wider_back_to_draft_and_an_archetype(tmp_path):
    repo = sample_repo(tmp_path / "repo")
    edit(
        praktijk(repo, "buurtwinkel-tegen-leegstand"),
        "zichtbaarheid: organisatie",
        "zichtbaarheid: partners",
    )
    edit(
        praktijk(repo, "geveltuinen-bloemenbuurt"),
        "zichtbaarheid: openbaar\n",
        "zichtbaarheid: openbaar\nconcept: true\n",
    )
    edit(repo / "content" / "archetypen" / "wijkconcierge.md", "titel: ", "titel: De ")
    review = make_review(repo / "content", "main", cache_dir=tmp_path / "cache")
    report = render(review)
    top = report.split("## Overzicht", 1)[0]
    wider = next(line for line in top.splitlines() if "Zichtbaar voor meer publieken" in line)
    assert "`buurtwinkel-tegen-leegstand`" in wider and "erbij: alle partners" in wider
    draft = next(line for line in top.splitlines() if "Wordt weer concept" in line)
    assert "`geveltuinen-bloemenbuurt`" in draft and "(nu: niemand)" in draft
    assert "Zonder `concept: true` wordt dat: `openbaar`" in section(
        report, "geveltuinen-bloemenbuurt"
    )
    archetype = section(report, "wijkconcierge")
    assert "### ✏️ Gewijzigd: archetype `wijkconcierge`" in archetype
    assert (
        "- [ ] Is het probleem concreet beschreven" in archetype
        and "Voorgesteld archetype" not in archetype
    )
    # The partners archetype sits in the one-folder scenario repository: a tier error.
    assert review.exit_code == 1
