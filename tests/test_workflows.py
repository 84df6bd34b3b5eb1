"""The GitHub workflows and contributor files in .github/: linted clean and least privilege by construction.

actionlint (with shellcheck for the run: scripts) and zizmor run offline from the test extra, so
`make test` fails on anything either reports: over this repository's workflows (the callers and the
reusable `wwidw-*.yml` ones) and over the workflows `wwidw source new` writes into a source repository
of every tier, also checked against the reusable workflows they call (inputs, secrets, permissions).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from wwidw_build.authoring import source_repo
from wwidw_build.authoring.issue_form import TRIGGER_LABEL
from wwidw_build.load import load_content

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.y*ml"))
REUSABLE = [p for p in WORKFLOWS if p.name.startswith("wwidw-")]
BIN = Path(sys.executable).parent
PIN = re.compile(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$")
SELF = "$/.github/workflows/"  # GitHub's self-repository form: this repository, this commit

# The only write permissions any job has (a calling job: what it grants the reusable workflow), and where.
WRITES = {
    ("review-reactie.yml", "reactie"): {"pull-requests"},
    ("wwidw-review-reactie.yml", "reactie"): {"pull-requests"},
    ("publiceren.yml", "openbaar"): {"pages", "id-token"},
    ("wwidw-publiceren-openbaar.yml", "pages"): {"pages", "id-token"},
    ("formulier.yml", "pull-request"): {"contents", "pull-requests", "issues"},
    ("wwidw-formulier.yml", "pull-request"): {"contents", "pull-requests", "issues"},
}
# Which reusable workflow each of this repository's calling jobs runs.
CALLS = {
    ("controle.yml", "review"): "wwidw-controle.yml",
    ("review-reactie.yml", "reactie"): "wwidw-review-reactie.yml",
    ("formulier.yml", "pull-request"): "wwidw-formulier.yml",
    ("publiceren.yml", "openbaar"): "wwidw-publiceren-openbaar.yml",
}
ENGINE_REF = "0123456789abcdef0123456789abcdef01234567"
TIERS = ["openbaar", "partners", "organisatie:welzijn-de-brug"]


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
        "wwidw-controle.yml",
        "wwidw-review-reactie.yml",
        "wwidw-formulier.yml",
        "wwidw-publiceren-openbaar.yml",
        "wwidw-publiceren-beschermd.yml",
    }


def actionlint(files: list[Path], cwd: Path = REPO) -> subprocess.CompletedProcess:
    tool("shellcheck")  # actionlint checks every run: script with it when it is on PATH
    return subprocess.run(
        [tool("actionlint"), "-no-color", *map(str, files)],
        cwd=cwd,
        env=path_with_venv(),
        capture_output=True,
        text=True,
        timeout=300,
    )


def zizmor(folder: Path) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN")
    }
    args = ["--offline", "--persona", "pedantic", "--strict-collection", "--no-progress"]
    return subprocess.run(
        [tool("zizmor"), *args, "--color", "never", "--format", "plain", "."],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_actionlint_reports_nothing():
    result = actionlint(WORKFLOWS)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actionlint_knows_the_pinned_versions(path):
    """actionlint cannot look up a commit offline, but it knows the popular actions by major tag: with the
    tag from the version comment it checks the inputs and that no action runs on a retired Node runtime."""
    text = re.sub(r"@[0-9a-f]{40} # (v\d+)\.\d+\.\d+", r"@\1", path.read_text(encoding="utf-8"))
    result = run([tool("actionlint"), "-no-color", "-"], path_with_venv(), stdin=text)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_zizmor_reports_nothing_offline():
    result = zizmor(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout, result.stdout


def test_every_action_is_pinned_to_a_commit_with_its_version():
    pinned = []
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            match = USES_LINE.match(line)
            if match and not match.group(1).startswith(SELF):
                assert PIN.fullmatch(match.group(1)), (path.name, line)
                assert re.fullmatch(r"\s+# v\d+\.\d+\.\d+", match.group(2)), (path.name, line)
                pinned.append(match.group(1))
    assert sorted(pinned) == sorted(step["uses"] for _, _, step in steps() if "uses" in step)
    # Reusable workflows only from this repository, at the same commit (the self-repository form).
    called = {(name, job_id): job["uses"] for name, job_id, job, _ in jobs() if "uses" in job}
    assert called == {key: SELF + target for key, target in CALLS.items()}


def test_the_reusable_workflows_are_only_called():
    for path in REUSABLE:
        assert load(path)["on"] == {"workflow_call": load(path)["on"]["workflow_call"]}, path.name
        assert not [j for j in load(path)["jobs"].values() if "uses" in j], path.name
    callers = [p for p in WORKFLOWS if p not in REUSABLE]
    assert not [p.name for p in callers if "workflow_call" in load(p)["on"]]


def test_no_workflow_uses_the_actions_cache():
    for path in WORKFLOWS:
        assert load(path).get("cache-mode") == "none", path.name


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
        if "uses" in job:
            continue  # a calling job runs the reusable workflow's jobs, which have theirs
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
    assert [(n, j) for n, j, _ in pages] == [("wwidw-publiceren-openbaar.yml", "pages")]
    assert pages[0][2]["environment"]["name"] == "github-pages"


def install_script(name: str, job_id: str) -> str:
    job = workflow(name)["jobs"][job_id]
    return next(s for s in job["steps"] if s.get("name") == "Install the engine")["run"]


def test_the_engine_is_installed_alike_everywhere():
    """`make install` in this repository; in a source repository the engine from git at the pinned
    commit (pip) and Pagefind by the engine's own package-lock.json (npm ci)."""
    scripts = {
        "wwidw-controle.yml": install_script("wwidw-controle.yml", "review"),
        "wwidw-publiceren-openbaar.yml": install_script("wwidw-publiceren-openbaar.yml", "bouw"),
        "wwidw-publiceren-beschermd.yml": install_script(
            "wwidw-publiceren-beschermd.yml", "beschermd"
        ),
    }
    assert len(set(scripts.values())) == 1
    script = scripts["wwidw-controle.yml"]
    assert "make install # the engine repository itself" in script
    assert '"wwidw @ git+https://github.com/$ENGINE_REPOSITORY@$ENGINE_REF"' in script
    assert "^[0-9a-f]{40}$" in script and "npm ci --prefix .wwidw-engine" in script
    form = install_script("wwidw-formulier.yml", "pull-request")
    assert "make python" in form and "make install" not in form  # `wwidw form` needs no Pagefind
    assert '"wwidw @ git+https://github.com/$ENGINE_REPOSITORY@$ENGINE_REF"' in form
    for name in scripts:
        lock = next(
            s
            for s in workflow(name)["jobs"][next(iter(workflow(name)["jobs"]))]["steps"]
            if s.get("with", {}).get("path") == ".wwidw-engine"
        )
        assert "inputs.engine-ref != ''" in lock["if"]
        assert lock["with"]["ref"] == "${{ inputs.engine-ref }}"
        assert lock["with"]["sparse-checkout"].split() == ["package.json", "package-lock.json"]


def test_private_sources_are_read_through_a_credential_helper_only():
    helpers = [
        s for _, _, s in steps() if "credential.https://github.com.helper" in s.get("run", "")
    ]
    assert len(helpers) == 3  # checks, form, protected publishing
    for step in helpers:
        script = step["run"]
        assert "$SOURCES_TOKEN" in script and "password=$SOURCES_TOKEN" in script
        assert (
            'echo "$SOURCES_TOKEN"' not in script and "> " not in script
        )  # never printed or stored
    for name, job_id, step in steps():
        if "SOURCES_TOKEN" in step.get("env", {}):
            assert step["env"]["SOURCES_TOKEN"].startswith("${{ secrets."), (name, job_id)


def test_the_public_site_is_published_with_no_credentials_at_all():
    for name in ("publiceren.yml", "wwidw-publiceren-openbaar.yml"):
        text = (REPO / ".github" / "workflows" / name).read_text(encoding="utf-8")
        assert "secrets." not in text and "secrets:" not in text, name
    job = workflow("publiceren.yml")["jobs"]["openbaar"]
    assert job["with"]["sources"] == "content"  # the public source alone
    build = next(
        s
        for s in workflow("wwidw-publiceren-openbaar.yml")["jobs"]["bouw"]["steps"]
        if "wwidw build" in s.get("run", "")
    )
    assert "--audience openbaar" in build["run"]


def test_this_repository_publishes_no_protected_site():
    """The protected sites are published by the repositories whose readers may read them."""
    text = "\n".join(
        p.read_text(encoding="utf-8")
        for p in WORKFLOWS
        if p.name != "wwidw-publiceren-beschermd.yml"
    )
    assert "rsync" not in text and "BESCHERMD_SSH_KEY" not in text
    assert not [j for n, j, job, _ in jobs() if job.get("uses", "").endswith("beschermd.yml")]


def test_the_pull_request_workflow_validates_builds_reviews_and_previews():
    controle = workflow("controle.yml")
    assert "pull_request" in controle["on"]
    caller = controle["jobs"]["review"]
    assert caller["if"] == "${{ github.event_name == 'pull_request' }}"
    assert "secrets" not in caller and caller["permissions"] == {"contents": "read"}
    assert caller["with"] == {
        "sources": "bronnen.yml",
        "audience": "alle",
        "review-source": "openbaar",
    }
    assert "make test" in controle["jobs"]["tests"]["steps"][-1]["run"]
    job = workflow("wwidw-controle.yml")["jobs"]["review"]
    script = "\n".join(step.get("run", "") for step in job["steps"])
    for command in (
        '.venv/bin/wwidw validate "$FLAG" "$SOURCES" --format github',
        '.venv/bin/wwidw build "$FLAG" "$SOURCES" --audience "$AUDIENCE" --out site',
        'args=("$FLAG" "$SOURCES" --base "origin/$BASE_REF" --out rapport/review.md)',
        'args+=(--source "$REVIEW_SOURCE")',
        '.venv/bin/wwidw review "${args[@]}"',
        '>> "$GITHUB_STEP_SUMMARY"',
        "make install",
    ):
        assert command in script, command
    checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    review = next(s for s in job["steps"] if "wwidw review" in s.get("run", ""))
    assert review["env"]["BASE_REF"] == "${{ github.base_ref }}"
    assert review["env"]["PR_NUMBER"] == "${{ github.event.pull_request.number }}"
    uploads = {
        s["with"]["name"]: s
        for s in job["steps"]
        if s.get("uses", "").startswith("actions/upload-artifact@")
    }
    assert set(uploads) == {"wwidw-review", "voorbeeld-openbaar"}
    assert "hashFiles('site/openbaar/index.html')" in uploads["voorbeeld-openbaar"]["if"]
    secrets = workflow("wwidw-controle.yml")["on"]["workflow_call"]["secrets"]
    assert secrets == {"sources-token": secrets["sources-token"]}
    assert secrets["sources-token"]["required"] is False


def test_the_comment_workflow_updates_one_marked_comment_and_runs_nothing_from_the_pr():
    reactie = workflow("review-reactie.yml")
    assert reactie["on"]["workflow_run"]["workflows"] == [workflow("controle.yml")["name"]]
    job = workflow("wwidw-review-reactie.yml")["jobs"]["reactie"]
    assert "github.event.workflow_run.event == 'pull_request'" in job["if"]
    assert not [s for s in job["steps"] if "run" in s]
    assert not [s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@")]
    script = next(s for s in job["steps"] if "script" in s.get("with", {}))["with"]["script"]
    assert "<!-- wwidw-review -->" in script and "/^[1-9][0-9]{0,9}$/" in script
    assert "pr.head.sha !== process.env.HEAD_SHA" in script and "updateComment" in script


def test_deployments_never_overlap_or_get_cut_off():
    publiceren = workflow("publiceren.yml")
    assert publiceren["on"]["push"]["branches"] == ["main"]
    assert publiceren["concurrency"] == {"group": "publiceren", "cancel-in-progress": False}


def test_the_protected_deploy_is_one_audience_and_skipped_without_its_settings():
    reusable = workflow("wwidw-publiceren-beschermd.yml")
    job = reusable["jobs"]["beschermd"]
    assert job["if"] == "${{ inputs.host != '' }}"
    assert job["environment"] == {"name": "beschermd"}
    assert job["permissions"] == {"contents": "read"}
    for _, job_id, other, _ in jobs():
        assert "secrets." not in str(other.get("if", "")), job_id  # not available at job level
    check = job["steps"][0]
    assert r"^(partners|organisatie:[a-z0-9]+(-[a-z0-9]+)*)$" in check["run"]  # never openbaar
    deploy = next(s for s in job["steps"] if "rsync" in s.get("run", ""))
    assert deploy["if"] == "${{ steps.instellingen.outputs.klaar == 'true' }}"
    assert '-- "site/$FOLDER/" "$DEPLOY_USER@$DEPLOY_HOST:"' in deploy["run"]
    build = next(s for s in job["steps"] if "wwidw build" in s.get("run", ""))
    assert '--audience "$AUDIENCE"' in build["run"] and "alle" not in build["run"]
    assert set(reusable["on"]["workflow_call"]["secrets"]) == {"BRONNEN_TOKEN", "BESCHERMD_SSH_KEY"}


def test_the_form_workflow_runs_on_the_label_and_keeps_the_issue_out_of_scripts():
    formulier = workflow("formulier.yml")
    assert formulier["on"] == {"issues": {"types": ["labeled"]}}
    assert formulier["jobs"]["pull-request"]["with"] == {
        "sources": "content",  # this repository's form writes into its own (public) source only
        "descriptions-folder": "content/praktijken",
    }
    job = workflow("wwidw-formulier.yml")["jobs"]["pull-request"]
    assert f"github.event.label.name == '{TRIGGER_LABEL}'" in job["if"]
    write = next(s for s in job["steps"] if "wwidw form " in s.get("run", ""))
    assert write["env"]["ISSUE_BODY"] == "${{ github.event.issue.body }}"
    assert """printf '%s' "$ISSUE_BODY" > "$RUNNER_TEMP/issue.md\"""" in write["run"]
    opened = next(s for s in job["steps"] if "gh pr create" in s.get("run", ""))
    assert (
        opened["env"]["ISSUE_TITLE"] == "${{ github.event.issue.title }}"
        and '"$ISSUE_TITLE"' in opened["run"]
    )
    assert 'git add --all -- "$FOLDER"' in opened["run"]
    assert write["env"]["FOLDER"] == "${{ inputs.descriptions-folder }}"
    assert 'git status --porcelain --untracked-files=all -- "$FOLDER"' in write["run"]
    assert '--diff-filter=A | wc -l)" -eq 1' in opened["run"]


# The workflows `wwidw source new` writes, linted like ours and against the reusable workflows.


@pytest.fixture(scope="module", params=TIERS)
def scaffolded(request, tmp_path_factory) -> Path:
    """A source repository of each tier, as `wwidw source new` writes it."""
    registry = load_content(REPO / "content")[0].registry
    partners = source_repo.PLACEHOLDER_PARTNERS_URL if request.param != "partners" else None
    spec = source_repo.SourceSpec(
        request.param,
        source_repo.PLACEHOLDER_ENGINE_URL,
        ENGINE_REF,
        partners if request.param.startswith("organisatie:") else None,
    )
    target = tmp_path_factory.mktemp("bron") / "repo"
    source_repo.write(target, source_repo.scaffold(spec, registry, REPO / "content"))
    return target


def scaffolded_workflows(target: Path) -> list[Path]:
    return sorted((target / ".github" / "workflows").glob("*.yml"))


def project(root: Path) -> Path:
    """``root``/.github/workflows in a git repository: actionlint resolves `./.github/workflows/...`
    calls against the project it finds by its .git (without one it skips them silently)."""
    folder = root / ".github" / "workflows"
    folder.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(root)], check=True, capture_output=True)
    return folder


def test_actionlint_reports_nothing_on_a_scaffolded_repository(scaffolded):
    result = actionlint(scaffolded_workflows(scaffolded), cwd=scaffolded)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_zizmor_reports_nothing_on_a_scaffolded_repository(scaffolded):
    result = zizmor(scaffolded)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout, result.stdout


def test_a_scaffolded_repository_calls_the_reusable_workflows_as_they_are(scaffolded, tmp_path):
    """actionlint cannot fetch a remote reusable workflow, so the calls are pointed at local copies of
    ours: every input, secret and permission a source repository passes must fit what they declare."""
    folder = project(tmp_path)
    for path in REUSABLE:
        (folder / path.name).write_bytes(path.read_bytes())
    engine = re.escape(source_repo.github_repository(source_repo.PLACEHOLDER_ENGINE_URL))
    pinned = re.compile(rf"uses: {engine}/\.github/workflows/(wwidw-[a-z-]+\.yml)@{ENGINE_REF}")
    callers = []
    for path in scaffolded_workflows(scaffolded):
        text, count = pinned.subn(r"uses: ./.github/workflows/\1", path.read_text(encoding="utf-8"))
        assert count == 1, path.name
        callers.append(folder / f"bron-{path.name}")
        callers[-1].write_text(text, encoding="utf-8")
    result = actionlint(sorted(folder.glob("*.yml")), cwd=tmp_path)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_the_lint_of_a_scaffolded_call_can_fail(scaffolded, tmp_path):
    """The check above catches a call that grants too little or passes an unknown input."""
    folder = project(tmp_path)
    (folder / "wwidw-review-reactie.yml").write_bytes(
        (REPO / ".github/workflows/wwidw-review-reactie.yml").read_bytes()
    )
    text = (scaffolded / ".github/workflows/review-reactie.yml").read_text(encoding="utf-8")
    text = re.sub(r"uses: \S+/(wwidw-[a-z-]+\.yml)@\S+", r"uses: ./.github/workflows/\1", text)
    (folder / "caller.yml").write_text(text.replace("pull-requests: write", ""), encoding="utf-8")
    result = actionlint(sorted(folder.glob("*.yml")), cwd=tmp_path)
    assert result.returncode != 0 and 'requires "pull-requests: write"' in result.stdout


def test_a_scaffolded_repositorys_pull_request_checks_hold_no_secret_but_one_token(scaffolded):
    controle = load(scaffolded / ".github/workflows/controle.yml")
    assert list(controle["on"]) == ["pull_request"]
    job = controle["jobs"]["review"]
    assert job.get("secrets", {}) in ({}, {"sources-token": "${{ secrets.BRONNEN_TOKEN }}"})
    publiceren = load(scaffolded / ".github/workflows/publiceren.yml")
    assert "pull_request" not in publiceren["on"] and publiceren["on"]["push"]["branches"] == [
        "main"
    ]


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
        "/bronnen.yml",
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
