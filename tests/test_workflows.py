"""The GitHub workflows and contributor files in .github/: linted clean and least privilege by construction.

actionlint (with shellcheck for the run: scripts) and zizmor run offline from the test extra, so
`make test` fails on anything either reports.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from wwidw_build.authoring.issue_form import TRIGGER_LABEL

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.y*ml"))
BIN = Path(sys.executable).parent
PIN = re.compile(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$")

# The only write permissions any job has, and where.
WRITES = {
    ("review-reactie.yml", "reactie"): {"pull-requests"},
    ("publiceren.yml", "pages"): {"pages", "id-token"},
    ("formulier.yml", "pull-request"): {"contents", "pull-requests", "issues"},
}


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as a boolean
        data["on"] = data.pop(True)
    return data


def workflow(name: str) -> dict:
    return load(REPO / ".github" / "workflows" / name)


def jobs() -> list[tuple[str, str, dict, dict]]:
    """(workflow file name, job id, job, workflow) for every job."""
    return [
        (path.name, job_id, job, data)
        for path in WORKFLOWS
        for data in [load(path)]
        for job_id, job in data["jobs"].items()
    ]


def steps() -> list[tuple[str, str, dict]]:
    return [
        (name, job_id, step) for name, job_id, job, _ in jobs() for step in job.get("steps", [])
    ]


def tool(name: str) -> str:
    path = BIN / name
    assert path.exists(), (
        f"{name} is missing next to {sys.executable}: run `make install` (test extra)"
    )
    return str(path)


def run(
    args: list[str], env: dict | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        args, cwd=REPO, env=env, input=stdin, capture_output=True, text=True, timeout=300
    )


def path_with_venv() -> dict:
    return os.environ | {"PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}


def test_there_are_workflows():
    assert {p.name for p in WORKFLOWS} >= {
        "controle.yml",
        "review-reactie.yml",
        "publiceren.yml",
        "formulier.yml",
    }


def test_actionlint_reports_nothing():
    tool("shellcheck")  # actionlint checks every run: script with it when it is on PATH
    result = run([tool("actionlint"), "-no-color", *map(str, WORKFLOWS)], path_with_venv())
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actionlint_knows_the_pinned_versions(path):
    """actionlint cannot look up a commit offline, but it knows the popular actions by major tag: with the
    tag from the version comment it checks the inputs and that no action runs on a retired Node runtime."""
    text = re.sub(r"@[0-9a-f]{40} # (v\d+)\.\d+\.\d+", r"@\1", path.read_text(encoding="utf-8"))
    result = run([tool("actionlint"), "-no-color", "-"], path_with_venv(), stdin=text)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_zizmor_reports_nothing_offline():
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN")
    }
    result = run(
        [
            tool("zizmor"),
            "--offline",
            "--persona",
            "pedantic",
            "--strict-collection",
            "--no-progress",
            "--color",
            "never",
            "--format",
            "plain",
            ".",
        ],
        env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout, result.stdout


def test_every_action_is_pinned_to_a_commit_with_its_version():
    pinned = []
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            match = USES_LINE.match(line)
            if match:
                assert PIN.fullmatch(match.group(1)), (path.name, line)
                assert re.fullmatch(r"\s+# v\d+\.\d+\.\d+", match.group(2)), (path.name, line)
                pinned.append(match.group(1))
    assert sorted(pinned) == sorted(step["uses"] for _, _, step in steps() if "uses" in step)
    assert not [
        j for _, j, job, _ in jobs() if "uses" in job
    ]  # no reusable workflows from elsewhere


def test_one_version_per_action():
    versions: dict[str, set[str]] = {}
    for _, _, step in steps():
        if "uses" in step:
            action, sha = step["uses"].split("@")
            versions.setdefault(action, set()).add(sha)
    assert {a: s for a, s in versions.items() if len(s) > 1} == {}


def test_no_pull_request_target():
    for path in WORKFLOWS:
        triggers = load(path)["on"]
        assert "pull_request_target" not in (
            triggers if isinstance(triggers, (dict, list)) else [triggers]
        ), path.name


def test_every_job_has_a_timeout():
    for name, job_id, job, _ in jobs():
        assert isinstance(job.get("timeout-minutes"), int) and 0 < job["timeout-minutes"] <= 60, (
            name,
            job_id,
        )


def test_permissions_are_least_privilege():
    for path in WORKFLOWS:
        assert load(path).get("permissions") in ({}, {"contents": "read"}), path.name
    for name, job_id, job, data in jobs():
        permissions = job.get("permissions", data["permissions"])
        assert isinstance(permissions, dict), (name, job_id)  # never read-all / write-all
        assert set(permissions.values()) <= {"read", "write", "none"}, (name, job_id)
        writes = {scope for scope, level in permissions.items() if level == "write"}
        assert writes == WRITES.get((name, job_id), set()), (name, job_id)


def test_untrusted_values_reach_scripts_only_through_env():
    for name, job_id, step in steps():
        assert "${{" not in step.get("run", ""), (name, job_id, step.get("name"))
        assert "${{" not in step.get("with", {}).get("script", ""), (name, job_id, step.get("name"))


def test_every_checkout_keeps_no_credentials():
    checkouts = [
        (n, j, s) for n, j, s in steps() if s.get("uses", "").startswith("actions/checkout@")
    ]
    assert checkouts
    for name, job_id, step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False, (name, job_id)


def test_only_the_public_site_leaves_the_runner():
    for name, job_id, step in steps():
        uses, paths = step.get("uses", ""), str(step.get("with", {}).get("path", "")).split()
        if uses.startswith("actions/upload-pages-artifact@"):
            assert paths == ["site/openbaar"], (name, job_id)
        if uses.startswith("actions/upload-artifact@"):
            assert all(p == "site/openbaar" or p.startswith("rapport/") for p in paths), (
                name,
                job_id,
                paths,
            )
    pages = [
        (n, j, job)
        for n, j, job, _ in jobs()
        if any(s.get("uses", "").startswith("actions/deploy-pages@") for s in job.get("steps", []))
    ]
    assert [(n, j) for n, j, _ in pages] == [("publiceren.yml", "pages")]
    assert pages[0][2]["environment"]["name"] == "github-pages"


def test_the_pull_request_workflow_validates_builds_reviews_and_previews():
    controle = workflow("controle.yml")
    assert "pull_request" in controle["on"]
    job = controle["jobs"]["review"]
    script = "\n".join(step.get("run", "") for step in job["steps"])
    for command in (
        ".venv/bin/wwidw validate --format github",
        ".venv/bin/wwidw build --out site",
        '.venv/bin/wwidw review --base "origin/$BASE_REF" --out rapport/review.md',
        '>> "$GITHUB_STEP_SUMMARY"',
        "make install",
    ):
        assert command in script, command
    checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    review = next(s for s in job["steps"] if "wwidw review" in s.get("run", ""))
    assert review["env"] == {
        "BASE_REF": "${{ github.base_ref }}",
        "PR_NUMBER": "${{ github.event.pull_request.number }}",
    }
    uploads = {
        s["with"]["name"]
        for s in job["steps"]
        if s.get("uses", "").startswith("actions/upload-artifact@")
    }
    assert uploads == {"wwidw-review", "voorbeeld-openbaar"}


def test_the_comment_workflow_updates_one_marked_comment_and_runs_nothing_from_the_pr():
    reactie = workflow("review-reactie.yml")
    assert reactie["on"]["workflow_run"]["workflows"] == [workflow("controle.yml")["name"]]
    assert not [s for _, j, s in steps() if j == "reactie" and "run" in s]
    assert not [
        s
        for _, j, s in steps()
        if j == "reactie" and s.get("uses", "").startswith("actions/checkout@")
    ]
    script = next(s for _, j, s in steps() if j == "reactie" and "script" in s.get("with", {}))[
        "with"
    ]["script"]
    assert "<!-- wwidw-review -->" in script and "/^[1-9][0-9]{0,9}$/" in script
    assert "pr.head.sha !== process.env.HEAD_SHA" in script and "updateComment" in script


def test_deployments_never_overlap_or_get_cut_off():
    publiceren = workflow("publiceren.yml")
    assert publiceren["on"]["push"]["branches"] == ["main"]
    assert publiceren["concurrency"] == {"group": "publiceren", "cancel-in-progress": False}


def test_the_protected_deploy_is_skipped_without_its_settings():
    job = workflow("publiceren.yml")["jobs"]["beschermd"]
    assert job["if"] == "${{ vars.BESCHERMD_HOST != '' }}"
    for _, job_id, other, _ in jobs():
        assert "secrets." not in str(other.get("if", "")), job_id  # not available at job level
    deploy = next(s for s in job["steps"] if "rsync" in s.get("run", ""))
    assert deploy["if"] == "${{ steps.instellingen.outputs.klaar == 'true' }}"
    assert (
        "site/openbaar" not in deploy["run"] and "site/partners site/organisatie-*" in deploy["run"]
    )


def test_the_form_workflow_runs_on_the_label_and_keeps_the_issue_out_of_scripts():
    formulier = workflow("formulier.yml")
    assert formulier["on"] == {"issues": {"types": ["labeled"]}}
    job = formulier["jobs"]["pull-request"]
    assert f"github.event.label.name == '{TRIGGER_LABEL}'" in job["if"]
    write = next(s for s in job["steps"] if "wwidw form " in s.get("run", ""))
    assert write["env"] == {"ISSUE_BODY": "${{ github.event.issue.body }}"}
    assert """printf '%s' "$ISSUE_BODY" > "$RUNNER_TEMP/issue.md\"""" in write["run"]
    opened = next(s for s in job["steps"] if "gh pr create" in s.get("run", ""))
    assert (
        opened["env"]["ISSUE_TITLE"] == "${{ github.event.issue.title }}"
        and '"$ISSUE_TITLE"' in opened["run"]
    )


def test_the_pre_commit_hook_validates_content():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = config["repos"][0]["hooks"][0]
    assert config["repos"][0]["repo"] == "local" and "wwidw validate" in hook["entry"]
    assert hook["pass_filenames"] is False and hook["files"] == "^content/"


@pytest.mark.parametrize(
    "path",
    [
        "/schemas/",
        "/theme/",
        "/.github/",
        "/mkdocs.yml",
        "/content/organisaties.yml",
        "/content/taxonomie/",
    ],
)
def test_codeowners_guard_the_platform(path):
    owners = dict(
        line.split()
        for line in (REPO / ".github" / "CODEOWNERS").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    )
    assert owners[path] == "@platform31/kennisbank-beheer"
    assert (REPO / path.strip("/")).exists()


def test_the_pull_request_template_is_a_dutch_checklist():
    text = (REPO / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert text.count("- [ ]") >= 5
    for word in ("persoonsgegevens", "zichtbaarheid", "concept: true", "wwidw validate"):
        assert word in text, word
