"""`wwidw maintenance`: what needs attention on a given day, run as a user runs it, on a copy of the
sample content with crafted dates; and that it reports on the sources it is given and nothing else
(the public repository's issue is made with --content content: no private title may reach it)."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import cmarkgfm
import frontmatter
import pytest
import yaml
from conftest import REPO, wwidw
from sources import copy_sample_sources

from wwidw_build.maintenance import years_before
from wwidw_build.maintenance_report import MARKER

CATEGORIES = ["overdue_follow_ups", "expired_assessments", "stale_descriptions", "drafts"]
FINE_UPDATE = date(2026, 1, 15)  # every description's update date in the `fine` copy
FINE_DAY = "2026-06-01"  # a day on which nothing in the `fine` copy needs attention


def descriptions(folder: Path, kind: str = "*") -> list[Path]:
    """The description files (site pages in paginas/ are none)."""
    return sorted(
        p for p in folder.glob(f"{kind}/*.md") if p.parent.name in ("praktijken", "archetypen")
    )


def edit_meta(path: Path, change) -> None:
    """Change a description's front matter (a dict) and write it back, body untouched."""
    post = frontmatter.load(path)
    change(post.metadata)
    path.write_text(
        frontmatter.dumps(post, sort_keys=False, allow_unicode=True, width=1000) + "\n",
        encoding="utf-8",
    )


def _all_fine(meta: dict) -> None:
    meta.pop("concept", None)
    key = "laatst_herzien" if "werkzame_bestanddelen" in meta else "laatst_bijgewerkt"
    meta[key] = FINE_UPDATE
    for result in meta.get("resultaten", []):
        if "nameting" in result:
            result["nameting"]["gepland"] = "2099-12"
    if "beoordeling" in meta:
        meta["beoordeling"]["geldig_tot"] = date(2099, 12, 31)


@pytest.fixture
def fine(content_copy: Path) -> Path:
    """The copied content/ with nothing to attend to on FINE_DAY: every description updated on
    FINE_UPDATE, every follow-up measurement planned far ahead, every assessment valid far ahead,
    no drafts."""
    for path in descriptions(content_copy):
        edit_meta(path, _all_fine)
    return content_copy


def maintenance_json(content_dir: Path, today: str) -> dict:
    result = wwidw("maintenance", "--content", content_dir, "--today", today, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def listed(data: dict, category: str) -> list[str]:
    return [item["file"].split("/", 1)[1] for item in data["items"][category]]


def a_praktijk_with_results(folder: Path) -> Path:
    return next(
        p for p in descriptions(folder, "praktijken") if frontmatter.load(p).get("resultaten")
    )


def effect_names() -> dict[str, str]:
    domains = yaml.safe_load((REPO / "content/taxonomie/effecten.yml").read_text(encoding="utf-8"))
    return {e["id"]: e["naam"] for d in domains for e in d["effecten"]}


def test_nothing_is_listed_when_all_is_fine(fine):
    data = maintenance_json(fine, FINE_DAY)
    assert set(data) == {"today", "sources", "stale_before", "counts", "items"}
    assert data["counts"] == dict.fromkeys(CATEGORIES, 0)
    assert data["items"] == {c: [] for c in CATEGORIES}
    assert data["today"] == FINE_DAY and data["sources"] == ["content"]
    text = wwidw("maintenance", "--content", fine, "--today", FINE_DAY)
    assert text.returncode == 0, text.stderr
    assert "0 punten die aandacht nodig hebben." in text.stdout
    assert text.stdout.count("  geen") == len(CATEGORIES)


def test_an_overdue_follow_up_measurement_is_listed_once_its_month_has_ended(fine):
    path = a_praktijk_with_results(fine)
    effect = frontmatter.load(path)["resultaten"][0]["effect"]
    edit_meta(path, lambda m: m["resultaten"][0].update(nameting={"gepland": "2026-03"}))
    assert maintenance_json(fine, "2026-03-31")["counts"]["overdue_follow_ups"] == 0
    data = maintenance_json(fine, "2026-04-01")
    (item,) = data["items"]["overdue_follow_ups"]
    assert item == {
        "file": f"content/praktijken/{path.name}",
        "id": path.stem,
        "kind": "praktijk",
        "title": frontmatter.load(path)["titel"],
        "date": "2026-03",
        "effect": effect,
        "effect_name": effect_names()[effect],
    }
    text = wwidw("maintenance", "--content", fine, "--today", "2026-04-01").stdout
    assert f"nameting van '{effect_names()[effect]}' gepland voor 2026-03" in text
    # Measured: nothing is due any more.
    edit_meta(path, lambda m: m["resultaten"][0]["nameting"].update(waarde=42))
    assert maintenance_json(fine, "2030-01-01")["counts"]["overdue_follow_ups"] == 0


def test_an_expired_assessment_is_listed_after_its_valid_until_date(fine):
    path = descriptions(fine, "praktijken")[0]
    record = {
        "door": "Redactie Platform31",
        "datum": date(2025, 1, 10),
        "geldig_tot": date(2026, 5, 31),
    }
    edit_meta(path, lambda m: m.update(beoordeling=record))
    assert maintenance_json(fine, "2026-05-31")["counts"]["expired_assessments"] == 0
    data = maintenance_json(fine, FINE_DAY)
    assert listed(data, "expired_assessments") == [f"praktijken/{path.name}"]
    assert data["items"]["expired_assessments"][0]["date"] == "2026-05-31"
    text = wwidw("maintenance", "--content", fine, "--today", FINE_DAY).stdout
    assert "Beoordeling verlopen (1)" in text and "geldig tot 2026-05-31" in text


def test_descriptions_not_updated_for_three_years_and_those_without_a_date(fine):
    praktijken = descriptions(fine, "praktijken")
    old, undated = praktijken[0], praktijken[1]
    archetype = descriptions(fine, "archetypen")[0]
    edit_meta(old, lambda m: m.update(laatst_bijgewerkt=date(2023, 4, 17)))
    edit_meta(archetype, lambda m: m.update(laatst_herzien=date(2023, 4, 10)))
    edit_meta(undated, lambda m: m.pop("laatst_bijgewerkt"))
    # Exactly three years ago is not older than three years.
    data = maintenance_json(fine, "2026-04-17")
    assert data["stale_before"] == "2023-04-17"
    assert listed(data, "stale_descriptions") == [
        f"praktijken/{undated.name}",  # no date first, then the oldest
        f"archetypen/{archetype.name}",
    ]
    assert [i["date"] for i in data["items"]["stale_descriptions"]] == [None, "2023-04-10"]
    assert data["items"]["stale_descriptions"][1]["kind"] == "archetype"
    data = maintenance_json(fine, "2026-04-18")
    assert listed(data, "stale_descriptions") == [
        f"praktijken/{undated.name}",
        f"archetypen/{archetype.name}",
        f"praktijken/{old.name}",
    ]
    text = wwidw("maintenance", "--content", fine, "--today", "2026-04-18").stdout
    assert "Niet bijgewerkt in drie jaar (3), vóór 2023-04-18" in text
    assert f"praktijken/{undated.name} — " in text and "(geen datum)" in text
    assert "(bijgewerkt 2023-04-17)" in text


def test_a_draft_is_listed_apart_and_nowhere_else(fine):
    path = a_praktijk_with_results(fine)

    def neglected_draft(meta: dict) -> None:
        meta["concept"] = True
        meta["laatst_bijgewerkt"] = date(2020, 1, 1)
        meta["resultaten"][0]["nameting"] = {"gepland": "2021-01"}
        meta["beoordeling"] = {
            "door": "Redactie Platform31",
            "datum": date(2020, 1, 1),
            "geldig_tot": date(2021, 1, 1),
        }

    edit_meta(path, neglected_draft)
    data = maintenance_json(fine, FINE_DAY)
    assert data["counts"] == dict.fromkeys(CATEGORIES, 0) | {"drafts": 1}
    assert data["items"]["drafts"][0]["date"] == "2020-01-01"
    text = wwidw("maintenance", "--content", fine, "--today", FINE_DAY).stdout
    assert "0 punten die aandacht nodig hebben, en 1 concept." in text


def test_markdown_is_the_issue_body_with_its_marker_headings_and_checklist(fine):
    praktijken = descriptions(fine, "praktijken")
    hostile = (
        "Buurt @iemand <b>vet</b> [klik](https://evil.example) #12 ![x](https://evil.example/x.png)"
    )
    edit_meta(praktijken[0], lambda m: m.update(titel=hostile, laatst_bijgewerkt=date(2020, 1, 1)))
    edit_meta(praktijken[1], lambda m: m.update(concept=True))
    result = wwidw("maintenance", "--content", fine, "--today", FINE_DAY, "--format", "markdown")
    assert result.returncode == 0, result.stderr
    body = result.stdout
    assert body.splitlines()[0] == MARKER
    for heading in (
        "## Nameting te laat (0)",
        "## Beoordeling verlopen (0)",
        "## Niet bijgewerkt in drie jaar (1)",
        "## Concepten (1)",
    ):
        assert f"\n{heading}\n" in body, heading
    checklist = [line for line in body.splitlines() if line.startswith("- [ ] ")]
    assert len(checklist) == 2
    assert checklist[0].startswith(f"- [ ] `content/praktijken/{praktijken[0].name}` — ")
    assert "1 punt heeft aandacht nodig." in body
    # The contributor's title adds no link, image, mention or HTML to the issue.
    html = cmarkgfm.github_flavored_markdown_to_html(
        body, options=cmarkgfm.Options.CMARK_OPT_UNSAFE
    )
    assert "<a " not in html and "<img" not in html and "<b>" not in html
    assert "@iemand" not in body  # GitHub would mention; a zero-width space follows every @


def test_the_public_source_alone_lists_no_private_description(tmp_path):
    """With bronnen.yml it sees the private sample descriptions; with --content content (what the
    public repository's workflow passes) not one of their titles is in the list."""
    bronnen = copy_sample_sources(tmp_path)
    private = {
        str(frontmatter.load(p)["titel"])
        for p in sorted((tmp_path / "voorbeeldbronnen").glob("*/*/*.md"))
    }
    public = {str(frontmatter.load(p)["titel"]) for p in descriptions(tmp_path / "content")}
    assert private and public
    far = "2040-01-01"  # by then every description is a draft or three years old: all are listed
    every = wwidw(
        "maintenance", "--sources", bronnen, "--today", far, "--format", "json", cwd=tmp_path
    )
    assert every.returncode == 0, every.stderr
    titles = {i["title"] for items in json.loads(every.stdout)["items"].values() for i in items}
    assert titles == private | public
    for args in (
        ["--content", "content", "--format", "markdown"],
        ["--content", "content", "--format", "json"],
        ["--content", "content"],
        ["--sources", bronnen, "--source", "openbaar", "--format", "markdown"],
    ):
        result = wwidw("maintenance", *args, "--today", far, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert [t for t in private if t in result.stdout or t in result.stderr] == [], args
        assert "voorbeeldbronnen" not in result.stdout, args
    shown = wwidw(
        "maintenance", "--content", "content", "--today", far, "--format", "json", cwd=tmp_path
    )
    assert {
        i["title"] for items in json.loads(shown.stdout)["items"].values() for i in items
    } == public


def test_with_source_it_lists_that_source_and_reads_only_what_its_readers_may(tmp_path):
    bronnen = copy_sample_sources(tmp_path)
    for organisation in ("havenstad-wonen", "woonstede-rivierland"):  # partners may not read these
        shutil.rmtree(tmp_path / "voorbeeldbronnen" / organisation)
    result = wwidw(
        "maintenance", "--sources", bronnen, "--source", "partners", "--today", "2040-01-01",
        "--format", "json", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    files = [i["file"] for items in data["items"].values() for i in items]
    assert data["sources"] == ["partners"] and files
    assert all(f.startswith("voorbeeldbronnen/partners/") for f in files), files
    # Without --source every source is read (validation needs them all): the missing ones are missed.
    assert wwidw("maintenance", "--sources", bronnen, cwd=tmp_path).returncode == 2


def test_errors_in_the_content_stop_it(fine):
    edit_meta(descriptions(fine, "praktijken")[0], lambda m: m.update(zichtbaarheid="iedereen"))
    result = wwidw("maintenance", "--content", fine, "--today", FINE_DAY, "--format", "markdown")
    assert result.returncode == 1 and result.stdout == ""
    assert "De inhoud bevat fouten; er is geen onderhoudslijst gemaakt." in result.stderr


@pytest.mark.parametrize("value", ["2026-13-01", "1-1-2026", "morgen", "20260101"])
def test_a_bad_day_is_a_usage_error(value):
    result = wwidw("maintenance", "--today", value)
    assert result.returncode == 2
    assert "JJJJ-MM-DD" in result.stderr


def test_an_unknown_source_is_a_usage_error():
    result = wwidw("maintenance", "--sources", "bronnen.yml", "--source", "onbekend")
    assert result.returncode == 2 and "Onbekende bron 'onbekend'" in result.stderr


def test_three_years_before_a_leap_day():
    assert years_before(date(2028, 2, 29), 3) == date(2025, 2, 28)
    assert years_before(date(2026, 4, 17), 3) == date(2023, 4, 17)
