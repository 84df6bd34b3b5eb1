"""The documentation keeps up with the code and stays inside the repository.

docs/commands.md and CONTRIBUTING.md's table of messages are generated (tests/test_reference.py).
"""

import json
import re
from pathlib import Path

import yaml

from wwidw_build.messages import CATALOGUE

REPO = Path(__file__).resolve().parent.parent
# Documents a reader is sent to from the README; links in them are checked below.
DOCS = ["README.md", "CONTRIBUTING.md", "benchmarks/README.md", "benchmarks/RESULTS.md"]


# Written in parallel on another branch; drop it from here once it is merged.
def test_every_code_is_documented_in_contributing():
    text = (REPO / "CONTRIBUTING.md").read_text()
    assert [c for c in CATALOGUE if f"`{c}`" not in text] == []


def test_quick_start_has_exactly_two_commands():
    text = (REPO / "README.md").read_text()
    block = text.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    assert [line.split()[0:2] for line in block.strip().splitlines()] == [
        ["make", "site"],
        ["make", "test"],
    ]


def test_the_readme_stays_short():
    assert len((REPO / "README.md").read_text().splitlines()) <= 100


def markdown_files() -> list[Path]:
    return [REPO / name for name in DOCS] + sorted((REPO / "docs").glob("*.md"))


def test_relative_links_point_to_files_in_the_repository():
    broken = []
    for path in markdown_files():
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", path.read_text()):
            if re.match(r"[a-z]+:", target):
                continue  # https:, mailto:
            resolved = (path.parent / target).resolve()
            relative = resolved.relative_to(REPO) if resolved.is_relative_to(REPO) else None
            if relative is None or not resolved.exists():
                broken.append((str(path.relative_to(REPO)), target))
    assert broken == []


def test_no_doc_points_outside_the_repository():
    outside = [
        str(path.relative_to(REPO))
        for path in markdown_files()
        if "../shared/" in path.read_text() or "DESIGN.md" in path.read_text()
    ]
    assert outside == []


def test_ci_runs_make_test():
    assert "make test" in (REPO / ".ci" / "run").read_text()


EXAMPLE_MARKER = "<!-- voorbeeld-voorwerk"


def contributing_example() -> str:
    """The complete example front matter in CONTRIBUTING.md (the YAML block after the marker)."""
    text = (REPO / "CONTRIBUTING.md").read_text()
    return text.split(EXAMPLE_MARKER, 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]


def test_the_example_in_contributing_is_a_valid_description_with_all_the_evidence(content_copy):
    """Issue 14 item 7: CONTRIBUTING.md shows a complete praktijk, and it passes `wwidw validate`."""
    from conftest import wwidw

    from wwidw_build.sections import PRAKTIJK_SECTIONS

    example = contributing_example()
    meta = yaml.safe_load(example.strip().strip("-"))
    assert {
        "resultaten",
        "niet_beoogde_effecten",
        "meetontwerp",
        "bewijsniveau",
        "evaluatie",
        "bereik",
        "bereik_eenheid",
        "kosten",
    } <= set(meta)
    assert any("nameting" in result for result in meta["resultaten"])
    prose = " ".join(["Een zin met genoeg woorden om als ingevulde sectie te tellen."] * 2)
    body = "".join(f"\n## {title}\n\n{prose}\n" for title in PRAKTIJK_SECTIONS)
    (content_copy / "praktijken" / "voorbeeld-uit-contributing.md").write_text(example + body)
    result = wwidw("validate", "--content", content_copy, "--format", "json", "--stats")
    assert result.returncode == 0, result.stdout
    assert (
        json.loads(result.stdout)["stats"]["scores"]["praktijk/voorbeeld-uit-contributing"] == 100
    )
    found = [
        d
        for d in json.loads(result.stdout)["diagnostics"]
        if d["file"].endswith("voorbeeld-uit-contributing.md")
    ]
    assert [d["code"] for d in found if d["code"] != "nameting-te-laat"] == []
