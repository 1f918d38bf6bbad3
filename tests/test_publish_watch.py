"""A publish of main that fails or is cancelled is started again, and one that keeps
failing is reported in an issue (.github/scripts/publish_watch.py, security finding 2)."""

from __future__ import annotations

import importlib.util
import json
import sys
from typing import Any

import pytest
from conftest import ROOT

SCRIPTS = ROOT / ".github/scripts"


def _script(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


api_module = _script("github_api")
watch = _script("publish_watch")

REPO = "newsroom/briefing"
HEAD, OLDER = "d" * 40, "e" * 40
SERVER = "https://github.com"


def finished(conclusion: str | None, sha: str = HEAD, **changes: Any) -> dict[str, Any]:
    return {
        "id": 12_345_678_901,
        "event": "push",
        "conclusion": conclusion,
        "head_sha": sha,
        "head_branch": "main",
        "head_repository": {"full_name": REPO},
    } | changes


class FakeGitHub:
    def __init__(self, head: str = HEAD, runs=(), issues=()) -> None:
        self.head, self.runs, self.issues = head, list(runs), list(issues)
        self.calls: list[tuple[str, str, Any]] = []

    def get(self, path: str) -> Any:
        self.calls.append(("GET", path, None))
        if path == f"/repos/{REPO}/branches/main":
            return {"commit": {"sha": self.head}}
        if path.startswith(f"/repos/{REPO}/actions/workflows/publish.yml/runs?"):
            return {"workflow_runs": self.runs}
        if path.startswith(f"/repos/{REPO}/issues?"):
            return self.issues
        raise AssertionError(f"unexpected GET {path}")

    def post(self, path: str, body: dict[str, Any]) -> Any:
        self.calls.append(("POST", path, body))
        return {}

    def patch(self, path: str, body: dict[str, Any]) -> Any:
        raise AssertionError("no PATCH")

    def delete(self, path: str) -> Any:
        raise AssertionError("no DELETE")

    def writes(self) -> list[tuple[str, str, Any]]:
        return [c for c in self.calls if c[0] != "GET"]


def ended(conclusion: str, number: int = 1) -> list[dict[str, Any]]:
    return [{"id": n + 1, "status": "completed", "conclusion": conclusion} for n in range(number)]


DISPATCH = (
    "POST",
    f"/repos/{REPO}/actions/workflows/publish.yml/dispatches",
    {"ref": "main", "inputs": {}},
)


@pytest.mark.parametrize("conclusion", ["cancelled", "failure", "timed_out", None])
def test_a_publish_that_did_not_succeed_is_started_again(conclusion):
    api = FakeGitHub(runs=ended(conclusion or "failure"))
    done, why = watch.watch(api, REPO, finished(conclusion), "main", SERVER)
    assert done == "retry" and why.endswith("(1 of 3 tries): started again")
    assert api.writes() == [DISPATCH]


def test_a_publish_that_keeps_failing_opens_an_issue_and_fails_the_job():
    api = FakeGitHub(runs=ended("cancelled", 3))
    done, why = watch.watch(api, REPO, finished("cancelled"), "main", SERVER)
    assert (done, why) == (
        "report",
        f"the publish of {HEAD[:7]} ended cancelled 3 times: reported in an issue titled "
        "'Publishing the site failed'",
    )
    ((method, path, body),) = api.writes()
    assert (method, path) == ("POST", f"/repos/{REPO}/issues")
    assert body["title"] == "Publishing the site failed"
    assert f"{SERVER}/{REPO}/actions/runs/12345678901" in body["body"]
    assert "Readers still see the previous site" in body["body"]


def test_an_open_report_gets_a_comment_instead_of_a_second_issue():
    issue = {
        "number": 9,
        "title": "Publishing the site failed",
        "user": {"login": "github-actions[bot]"},
    }
    api = FakeGitHub(runs=ended("failure", 4), issues=[issue])
    assert watch.watch(api, REPO, finished("failure"), "main", SERVER)[0] == "report"
    assert [c[1] for c in api.writes()] == [f"/repos/{REPO}/issues/9/comments"]


@pytest.mark.parametrize(
    ("api", "run"),
    [
        (FakeGitHub(head=HEAD), finished("cancelled", OLDER)),  # main has moved on
        (FakeGitHub(runs=ended("failure") + ended("success")), finished("failure")),
        (FakeGitHub(), finished("success")),
        (FakeGitHub(), finished("failure", event="pull_request")),  # a fork's "Publish"
        (FakeGitHub(), finished("failure", head_repository={"full_name": "fork/briefing"})),
    ],
    ids=["superseded", "published-since", "success", "pull-request", "another-repository"],
)
def test_nothing_is_done_when_readers_already_get_the_commit_or_it_is_not_ours(api, run):
    assert watch.watch(api, REPO, run, "main", SERVER)[0] == "nothing"
    assert api.writes() == []


def test_the_job_fails_loudly_when_it_reports(tmp_path, monkeypatch, capsys):
    api = FakeGitHub(runs=ended("failure", 3))
    event = tmp_path / "event.json"
    event.write_text(
        json.dumps({"workflow_run": finished("failure"), "repository": {"default_branch": "main"}})
    )
    monkeypatch.setattr(api_module, "GitHub", lambda *args: api)
    for name, value in (
        ("GITHUB_EVENT_PATH", str(event)),
        ("GITHUB_REPOSITORY", REPO),
        ("GITHUB_TOKEN", "t"),
        ("GITHUB_SERVER_URL", SERVER),
    ):
        monkeypatch.setenv(name, value)
    assert watch.main() == 1
    assert capsys.readouterr().out.startswith(
        f"::error::the publish of {HEAD[:7]} ended failure 3 times: reported in an issue"
    )
