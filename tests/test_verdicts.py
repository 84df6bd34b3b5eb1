"""Substantive changes in `wwidw review` (review/verdicts.py): per effect the direction of a result,
bewijsniveau, meetontwerp, zichtbaarheid and beoordeling, at the top of the report; the check fails
without a new change-log entry; the editors' fields are flagged. Over real git branches made from
the sample content (tests/git_repo.py); each test sets the fields it compares on ``main`` first, so it
does not depend on what the sample descriptions say."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from git_repo import commit_all, git, isolate, praktijk, sample_repo
from test_review import assert_inert_on_github, section, wwidw

from wwidw_build.model import Registry
from wwidw_build.review.changes import make_review
from wwidw_build.review.markdown import render
from wwidw_build.review.verdicts import LOG_CODE, compare

DESCRIBED = "meldpunt-burenruzies-online"  # a public sample praktijk
OTHER = "geveltuinen-bloemenbuurt"  # another one
EFFECTS = ("minder-burenoverlast", "hogere-meldingsbereidheid", "meer-bewonersinitiatieven")
UNINTENDED = "meer-vrijwilligerswerk"
ASSESSMENT = (
    "beoordeling:\n  door: Erkenningscommissie Wijkaanpak\n  datum: 2025-01-15\n"
    "  geldig_tot: 2030-01-15\n"
)


@pytest.fixture(autouse=True)
def _isolated_git(monkeypatch):
    isolate(monkeypatch)


def set_block(path: Path, key: str, block: str | None) -> None:
    """Replace the top-level front-matter field ``key`` (its line and the indented lines under it)
    by ``block``, add it at the end of the front matter, or (``None``) remove it."""
    text = path.read_text(encoding="utf-8")
    end = text.index("\n---\n", 3) + 1
    front, body = text[:end], text[end:]
    pattern = re.compile(rf"^{key}:.*\n(?:[ ].*\n)*", re.M)
    if pattern.search(front):
        front = pattern.sub(lambda _: block or "", front, count=1)
    elif block:
        front += block
    path.write_text(front + body, encoding="utf-8")


def results(*pairs: tuple[str, str], key: str = "resultaten") -> str:
    return f"{key}:\n" + "".join(
        f"  - effect: {effect}\n    richting: {direction}\n" for effect, direction in pairs
    )


def add_log_entry(path: Path, datum: str, reden: str) -> None:
    text = path.read_text(encoding="utf-8")
    end = text.index("\n---\n", 3) + 1
    entry = f'  - datum: {datum}\n    reden: "{reden}"\n'
    match = re.search(r"^geschiedenis:\n(?:[ ].*\n)*", text[:end], re.M)
    if match:
        text = text[: match.end()] + entry + text[match.end() :]
    else:
        text = text[:end] + "geschiedenis:\n" + entry + text[end:]
    path.write_text(text, encoding="utf-8")


def base(repo: Path, doc_id: str = DESCRIBED, also: dict | None = None, **blocks) -> Path:
    """Set fields of ``doc_id`` (and of the descriptions in ``also``: id -> fields) on main, the
    base, commit, and start the branch 'voorstel'. Returns the path of ``doc_id``."""
    for each, fields in {doc_id: blocks, **(also or {})}.items():
        for key, block in fields.items():
            set_block(praktijk(repo, each), key, block)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", "Basis")  # the sample may say so already
    git(repo, "checkout", "-q", "-b", "voorstel")
    return praktijk(repo, doc_id)


def item_of(review, doc_id: str):
    return next(item for item in review.items if item.id == doc_id)


def name(review, effect: str) -> str:
    return review.registry.effecten[effect].naam


def top(report: str) -> str:
    """The report before its first per-description section."""
    return report.split("\n---\n", 1)[0]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return sample_repo(tmp_path / "repo")


def test_a_direction_changed_fails_without_a_log_entry_and_passes_with_one(repo, tmp_path):
    path = base(
        repo,
        beoogde_effecten="beoogde_effecten:\n" + "".join(f"  - {e}\n" for e in EFFECTS),
        resultaten=results(
            (EFFECTS[0], "averechts"), (EFFECTS[1], "geen_effect"), (EFFECTS[2], "gemengd")
        ),
        bewijsniveau="bewijsniveau: goed_beschreven\n",
        niet_beoogde_effecten=None,
    )
    set_block(
        path,
        "resultaten",
        results((EFFECTS[0], "gemengd"), (EFFECTS[1], "geen_effect"), (EFFECTS[2], "gemengd")),
    )
    commit_all(repo, "Richting aangepast, zonder geschiedenis")
    review = make_review(repo / "content", "main", cache_dir=tmp_path / "cache")
    item = item_of(review, DESCRIBED)
    change = f"{name(review, EFFECTS[0])}: averechts → gemengd"
    assert [v.text for v in item.verdicts.changes] == [change]
    [problem] = [d for d in item.diagnostics if d.code == LOG_CODE]
    assert problem.is_error and problem.file == f"content/praktijken/{DESCRIBED}.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[problem.line - 1].strip() == "richting: gemengd"
    assert lines[problem.line - 2].strip() == f"- effect: {EFFECTS[0]}"
    assert "'resultaten'" in problem.message and change in problem.message
    assert item in review.failed and review.exit_code == 1
    failing = wwidw("review", "--base", "main", cwd=repo)
    assert failing.returncode == 1, failing.stderr
    assert f"`{LOG_CODE}`" in section(failing.stdout, DESCRIBED)
    assert "Geen nieuwe regel in `geschiedenis`" in top(failing.stdout)

    # The same change with a new entry in the change log (not yet committed: it counts too).
    add_log_entry(path, "2026-11-30", "Minder overlast: averechts naar gemengd na de nameting")
    review = make_review(repo / "content", "main", cache_dir=tmp_path / "cache")
    item = item_of(review, DESCRIBED)
    assert item.verdicts.logged == (
        ("2026-11-30", "Minder overlast: averechts naar gemengd na de nameting"),
    )
    assert LOG_CODE not in {d.code for d in item.diagnostics} and review.exit_code == 0
    result = wwidw("review", "--base", "main", cwd=repo)
    assert result.returncode == 0, result.stdout
    report = result.stdout
    head = top(report)
    assert head.index("## Inhoudelijke wijzigingen") < head.index("## Wie kan wat zien")
    assert f"- {change}" in head and "Nieuw in de geschiedenis: `2026-11-30`" in head
    part = section(report, DESCRIBED)  # in the description's own section, first too
    assert part.index(change) < part.index("- Zichtbaarheid:")


def test_removing_a_log_entry_logs_nothing(repo, tmp_path):
    path = base(
        repo,
        meetontwerp="meetontwerp: monitoring\n",
        geschiedenis='geschiedenis:\n  - datum: 2024-01-01\n    reden: "Eerste versie"\n',
    )
    set_block(path, "meetontwerp", "meetontwerp: kwalitatief\n")
    set_block(path, "geschiedenis", None)
    review = make_review(repo / "content", "main", cache_dir=tmp_path / "cache")
    verdicts = item_of(review, DESCRIBED).verdicts
    assert verdicts.logged == () and verdicts.unlogged and review.exit_code == 1


def test_bewijsniveau_and_beoordeling_are_flagged_for_the_editors(repo, tmp_path):
    described = base(
        repo, beoordeling=None, also={OTHER: {"bewijsniveau": "bewijsniveau: goed_onderbouwd\n"}}
    )
    other = praktijk(repo, OTHER)
    set_block(other, "bewijsniveau", "bewijsniveau: goed_beschreven\n")
    add_log_entry(other, "2026-11-30", "Geen theorie van verandering: goed beschreven")
    set_block(described, "beoordeling", ASSESSMENT)
    add_log_entry(described, "2026-11-30", "Getoetst door de erkenningscommissie")
    copy = praktijk(repo, "meldpunt-burenruzies-west")
    copy.write_text(
        re.sub(
            r"^titel: .*$",
            'titel: "Meldpunt burenruzies West"',
            described.read_text(encoding="utf-8"),
            count=1,
            flags=re.M,
        ),
        encoding="utf-8",
    )
    review = make_review(repo / "content", "main", cache_dir=tmp_path / "cache")
    flagged = {(item.id, v.text) for item, v in review.editors_only}
    assessment = "getoetst door Erkenningscommissie Wijkaanpak op 2025-01-15, geldig tot 2030-01-15"
    assert flagged == {
        (OTHER, "Bewijsniveau: goed onderbouwd → goed beschreven"),
        (DESCRIBED, f"Beoordeling toegevoegd: {assessment}"),
        ("meldpunt-burenruzies-west", f"Beoordeling bij een nieuwe beschrijving: {assessment}"),
    }
    new = item_of(review, "meldpunt-burenruzies-west")
    assert not new.verdicts.unlogged  # a new file: nothing to compare, so no log needed
    assert LOG_CODE not in {d.code for item in review.items for d in item.diagnostics}
    report = render(review)
    head = top(report)
    alerts = [line for line in head.splitlines() if "Alleen de redactie mag dit wijzigen:" in line]
    assert len(alerts) == 3 and head.index(alerts[0]) < head.index("## Wie kan wat zien")
    assert any("Bewijsniveau: goed onderbouwd → goed beschreven" in line for line in alerts)
    assert any("(nieuw)" in line and "meldpunt-burenruzies-west" in line for line in alerts)
    for doc_id in (OTHER, DESCRIBED, "meldpunt-burenruzies-west"):
        assert "- [ ] 🛡️ Alleen de redactie mag het bewijsniveau en de beoordeling wijzigen" in (
            section(report, doc_id)
        )
    # Flagged, not failed: the author may be one of the editors.
    assert all(not item.errors for item in review.items), [i.diagnostics for i in review.items]
    assert review.exit_code == 0


def test_visibility_and_design_changes_are_listed(repo, tmp_path):
    path = base(
        repo,
        zichtbaarheid="zichtbaarheid: openbaar\n",
        meetontwerp="meetontwerp: monitoring\n",
        bewijsniveau="bewijsniveau: goed_beschreven\n",
    )
    set_block(path, "zichtbaarheid", "zichtbaarheid: partners\n")
    set_block(path, "meetontwerp", "meetontwerp: rct\n")
    review = make_review(repo / "content", "main", cache_dir=tmp_path / "cache")
    item = item_of(review, DESCRIBED)
    assert [v.text for v in item.verdicts.changes] == [
        "Meetontwerp: monitoring → gerandomiseerd experiment (rct)",
        "Zichtbaarheid: openbaar → alleen partners",
    ]
    assert not item.verdicts.editors_only
    problems = [d for d in item.diagnostics if d.code == LOG_CODE]
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [lines[d.line - 1] for d in problems] == [
        "meetontwerp: rct",
        "zichtbaarheid: partners",
    ]
    head = top(render(review))
    assert "- Zichtbaarheid: openbaar → alleen partners" in head
    assert "Alleen de redactie" not in head


def test_prose_and_other_fields_are_not_substantive(repo, tmp_path):
    path = base(
        repo,
        resultaten=results((EFFECTS[0], "geen_effect"), (EFFECTS[1], "gemengd")),
    )
    text = path.read_text(encoding="utf-8").replace(
        "## Lessen", "Een nieuwe alinea.\n\n## Lessen", 1
    )
    path.write_text(
        re.sub(r"^titel: .*$", 'titel: "Nieuwe titel"', text, count=1, flags=re.M),
        encoding="utf-8",
    )
    # The same directions per effect in another order, with an indicator added: no verdict changed.
    set_block(
        path,
        "resultaten",
        "resultaten:\n"
        f"  - effect: {EFFECTS[1]}\n    richting: gemengd\n    indicator: Meldingen per jaar\n"
        f"  - effect: {EFFECTS[0]}\n    richting: geen_effect\n",
    )
    review = make_review(repo / "content", "main", cache_dir=tmp_path / "cache")
    assert [item.id for item in review.items] == [DESCRIBED]  # unchanged ones are not listed
    assert item_of(review, DESCRIBED).verdicts.changes == ()
    report = render(review)
    assert "Geen wijzigingen in de richting van een resultaat" in top(report)
    assert "Inhoudelijke wijzigingen:**" not in section(report, DESCRIBED)
    assert review.exit_code == 0


def test_results_added_and_removed_per_effect(repo, tmp_path):
    path = base(
        repo,
        beoogde_effecten="beoogde_effecten:\n" + "".join(f"  - {e}\n" for e in EFFECTS),
        resultaten=results((EFFECTS[0], "werkt"), (EFFECTS[1], "gemengd")),
        niet_beoogde_effecten=None,
    )
    set_block(path, "resultaten", results((EFFECTS[1], "gemengd"), (EFFECTS[2], "veelbelovend")))
    set_block(
        path,
        "niet_beoogde_effecten",
        results((UNINTENDED, "averechts"), key="niet_beoogde_effecten"),
    )
    add_log_entry(path, "2026-11-30", "Resultaten herzien na de eindmeting")
    review = make_review(repo / "content", "main", cache_dir=tmp_path / "cache")
    item = item_of(review, DESCRIBED)
    assert [(v.field, v.text) for v in item.verdicts.changes] == [
        ("resultaten", f"{name(review, EFFECTS[2])}: geen resultaat → veelbelovend"),
        ("resultaten", f"{name(review, EFFECTS[0])}: werkt → geen resultaat"),
        (
            "niet_beoogde_effecten",
            f"{name(review, UNINTENDED)} (niet beoogd): geen resultaat → averechts",
        ),
    ]
    assert not item.errors and review.exit_code == 0
    head = top(render(review))
    assert f"{name(review, EFFECTS[0])}: werkt → geen resultaat" in head


def test_an_invalid_old_version_is_read_defensively(repo, tmp_path):
    path = base(
        repo,
        resultaten="resultaten: kapot\n",
        bewijsniveau="bewijsniveau:\n  - 1\n  - 2\n",
        beoordeling="beoordeling: gisteren\n",
        zichtbaarheid="zichtbaarheid: iedereen\n",
    )
    set_block(path, "resultaten", results((EFFECTS[0], "werkt")))
    set_block(path, "bewijsniveau", "bewijsniveau: goed_beschreven\n")
    set_block(path, "beoordeling", None)
    set_block(path, "zichtbaarheid", "zichtbaarheid: openbaar\n")
    review = make_review(repo / "content", "main", cache_dir=tmp_path / "cache")
    texts = [v.text for v in item_of(review, DESCRIBED).verdicts.changes]
    assert texts == [
        f"{name(review, EFFECTS[0])}: geen resultaat → werkt",
        "Bewijsniveau: '[1, 2]' (ongeldig) → goed beschreven",
        "Zichtbaarheid: 'iedereen' (ongeldig) → openbaar",
        "Beoordeling verwijderd (was: 'gisteren' (ongeldig))",
    ]


def test_contributor_text_in_the_changes_is_inert(repo, tmp_path):
    path = base(repo, beoordeling=None)
    set_block(
        path,
        "beoordeling",
        "beoordeling:\n  door: 'Zie www.evil.example @iemand #12 [x](https://evil.example)'\n"
        "  datum: 2025-01-15\n  geldig_tot: 2030-01-15\n",
    )
    report = render(make_review(repo / "content", "main", cache_dir=tmp_path / "cache"))
    assert "evil" in top(report) and "iemand" in top(report)
    assert_inert_on_github(report)


def test_an_assessment_changed_or_removed_is_worded_per_part():
    old = {"beoordeling": {"door": "Commissie", "datum": "2024-05-14", "geldig_tot": "2029-05-14"}}
    renewed = {"beoordeling": {**old["beoordeling"], "geldig_tot": "2030-05-14"}}
    [renewal] = compare(old, renewed, _EMPTY_REGISTRY).changes
    assert renewal.text == "Beoordeling: geldig tot 2029-05-14 → 2030-05-14"
    assert renewal.editors_only
    [removal] = compare(old, {}, _EMPTY_REGISTRY).changes
    assert removal.text == (
        "Beoordeling verwijderd (was: getoetst door Commissie op 2024-05-14, geldig tot 2029-05-14)"
    )
    assert compare(old, old, _EMPTY_REGISTRY).changes == ()
    assert compare(None, {"bewijsniveau": "goed_beschreven"}, _EMPTY_REGISTRY).changes == ()


_EMPTY_REGISTRY = Registry({}, {}, {}, {}, {})


def test_a_draft_needs_no_log_entry_until_it_was_published():
    draft = {"concept": True, "bewijsniveau": "goed_beschreven"}
    changed = {"concept": True, "bewijsniveau": "goed_onderbouwd"}
    verdicts = compare(draft, changed, _EMPTY_REGISTRY)
    assert verdicts.changes and not verdicts.unlogged  # listed, but nothing was published yet
    published = compare({"bewijsniveau": "goed_beschreven"}, changed, _EMPTY_REGISTRY)
    assert published.unlogged
