"""The preview gate (.github/scripts/preview_gate.py) against a fake GitHub API: which pull
request a Preview run built, and whether a stranger's preview may be published."""

from __future__ import annotations

import importlib.util
import json
import sys
import urllib.parse
from typing import Any

import pytest
from conftest import ROOT

SCRIPT = ROOT / ".github/scripts/preview_gate.py"
_spec = importlib.util.spec_from_file_location("preview_gate", SCRIPT)
assert _spec is not None and _spec.loader is not None
gate = importlib.util.module_from_spec(_spec)
sys.modules["preview_gate"] = gate  # dataclasses look their module up there
_spec.loader.exec_module(gate)

REPO = "newsroom/briefing"
OLD, NEW, OTHER = "a" * 40, "b" * 40, "c" * 40


def pull(
    number: int,
    head_repo: str | None,
    branch: str,
    sha: str,
    *,
    state: str = "open",
    author: str = "NONE",
    labels: tuple[str, ...] = (),
) -> dict[str, Any]:
    owner = (head_repo or "ghost/x").split("/")[0]
    return {
        "number": number,
        "state": state,
        "author_association": author,
        "labels": [{"name": name} for name in labels],
        "head": {
            "sha": sha,
            "ref": branch,
            "label": f"{owner}:{branch}",
            "repo": None if head_repo is None else {"full_name": head_repo},
        },
        "base": {"repo": {"full_name": REPO}},
    }


def run(head_repo: str, branch: str, sha: str, event: str = "pull_request") -> dict[str, Any]:
    owner = head_repo.split("/")[0]
    return {
        "id": 77,
        "event": event,
        "head_sha": sha,
        "head_branch": branch,
        "head_repository": {"full_name": head_repo, "owner": {"login": owner}},
    }


def status(sha: str, creator: str = "github-actions[bot]", state: str = "success") -> dict:
    return {
        "sha": sha,
        "context": "preview/approved",
        "state": state,
        "creator": {"login": creator},
        "created_at": "2026-11-23T10:00:00Z",
        "description": f"preview approved by @editor for {sha[:7]}",
    }


class FakeGitHub:
    """Answers the gate's calls as GitHub would: the pulls list filtered by `head`, commit
    statuses by commit, collaborator permissions by user; records every call."""

    def __init__(self, pulls=(), statuses=None, permissions=None, artifacts=("pr", "site")):
        self.pulls = list(pulls)
        self.artifacts = list(artifacts)
        self.statuses = statuses or {}
        self.permissions = permissions or {}
        self.calls: list[tuple[str, str, Any]] = []

    def get(self, path: str) -> Any:
        self.calls.append(("GET", path, None))
        base, _, query = path.partition("?")
        if base == f"/repos/{REPO}/pulls":
            head = urllib.parse.parse_qs(query)["head"][0]
            return [p for p in self.pulls if p["head"]["label"] == head]
        if base.startswith(f"/repos/{REPO}/commits/") and base.endswith("/statuses"):
            return self.statuses.get(base.split("/")[-2], [])
        if base == f"/repos/{REPO}/actions/runs/77/artifacts":
            return {"artifacts": [{"name": name, "expired": False} for name in self.artifacts]}
        if base.startswith(f"/repos/{REPO}/collaborators/"):
            user = urllib.parse.unquote(base.split("/")[-2])
            return {"permission": self.permissions.get(user, "none")}
        raise AssertionError(f"unexpected GET {path}")

    def post(self, path: str, body: dict[str, Any]) -> Any:
        self.calls.append(("POST", path, body))
        return {}

    def delete(self, path: str) -> Any:
        self.calls.append(("DELETE", path, None))
        return None

    def writes(self) -> list[tuple[str, str, Any]]:
        return [c for c in self.calls if c[0] != "GET"]


# ---------------------------------------------------------------------------------------
# Which pull request, and whether to publish it


def test_a_branch_of_this_repository_is_deployed_to_its_own_number():
    api = FakeGitHub([pull(12, REPO, "fix-dates", NEW, author="CONTRIBUTOR")])
    decision = gate.deploy_decision(api, REPO, run(REPO, "fix-dates", NEW), "12\n")
    assert (decision.action, decision.number, decision.sha) == ("deploy", 12, NEW)
    assert decision.reason == "it comes from a branch of this repository"


def test_a_members_fork_is_deployed_without_a_label():
    api = FakeGitHub([pull(13, "editor/briefing", "main", NEW, author="MEMBER")])
    decision = gate.deploy_decision(api, REPO, run("editor/briefing", "main", NEW), "13")
    assert (decision.action, decision.number) == ("deploy", 13)
    assert decision.reason == "its author is a member of this repository"


def test_a_strangers_fork_waits_for_a_maintainer_and_the_comment_says_why():
    api = FakeGitHub([pull(14, "stranger/briefing", "main", NEW)])
    decision = gate.deploy_decision(api, REPO, run("stranger/briefing", "main", NEW), "14")
    assert (decision.action, decision.number, decision.unlabel) == ("wait", 14, False)
    text = gate.comment(decision, "", "SUMMARY")
    assert text.startswith(f"### Preview of {NEW[:7]} waiting\n")
    assert "only after a maintainer has read the change and labelled it `preview`" in text
    assert "SUMMARY" not in text  # the untrusted summary is not posted either
    assert api.writes() == []


def test_a_strangers_fork_with_its_head_commit_approved_is_deployed():
    api = FakeGitHub(
        [pull(15, "stranger/briefing", "main", NEW, labels=("preview",))],
        statuses={NEW: [status(NEW)]},
    )
    decision = gate.deploy_decision(api, REPO, run("stranger/briefing", "main", NEW), "15")
    assert (decision.action, decision.number) == ("deploy", 15)
    assert (
        decision.reason
        == f"a maintainer approved {NEW[:7]} (preview approved by @editor for {NEW[:7]})"
    )


def test_a_label_given_before_a_new_push_approves_nothing_and_is_taken_off():
    # The maintainer approved OLD; the stranger then pushed NEW. The label is still on the
    # pull request, but the approval is a status on OLD only.
    api = FakeGitHub(
        [pull(16, "stranger/briefing", "main", NEW, labels=("preview",))],
        statuses={OLD: [status(OLD)]},
    )
    decision = gate.deploy_decision(api, REPO, run("stranger/briefing", "main", NEW), "16")
    assert (decision.action, decision.unlabel) == ("wait", True)
    assert "was given to an earlier commit" in decision.reason
    assert [c[1] for c in api.calls if c[0] == "GET"][-1] == (
        f"/repos/{REPO}/commits/{NEW}/statuses?per_page=100"
    )


@pytest.mark.parametrize(
    "approval",
    [
        status(NEW, creator="someone-else"),
        status(NEW, creator="other-app[bot]"),
        status(NEW, state="pending"),
    ],
    ids=["a person", "another app", "not success"],
)
def test_only_this_repositorys_workflow_approves(approval):
    approval = {**approval, "context": "preview/approved"}
    api = FakeGitHub([pull(17, "stranger/briefing", "main", NEW)], statuses={NEW: [approval]})
    decision = gate.deploy_decision(api, REPO, run("stranger/briefing", "main", NEW), "17")
    assert decision.action == "wait"


def test_an_artifact_naming_someone_elses_pull_request_is_refused():
    # The stranger's build wrote 20 (a maintainer's pull request) into pr/number.
    api = FakeGitHub(
        [
            pull(20, REPO, "big-update", OTHER, author="OWNER"),
            pull(21, "stranger/briefing", "main", NEW),
        ]
    )
    decision = gate.deploy_decision(api, REPO, run("stranger/briefing", "main", NEW), "20")
    assert (decision.action, decision.number) == ("refuse", None)
    assert decision.reason.startswith("the artifact names pull request #20, but GitHub lists #21")
    assert api.writes() == []


@pytest.mark.parametrize("text", ["20; rm -rf /", "7\n::error::fake", "-1", "٣", "1" * 30])
def test_an_artifact_number_that_is_not_a_number_is_refused_on_one_line(text):
    api = FakeGitHub([pull(21, "stranger/briefing", "main", NEW)])
    decision = gate.deploy_decision(api, REPO, run("stranger/briefing", "main", NEW), text)
    assert decision.action == "refuse"
    assert "\n" not in decision.reason and "is not a number" in decision.reason


def test_the_number_comes_from_github_when_the_run_uploaded_none():
    api = FakeGitHub([pull(22, "stranger/briefing", "main", NEW)])
    decision = gate.deploy_decision(api, REPO, run("stranger/briefing", "main", NEW), None)
    assert (decision.action, decision.number) == ("wait", 22)


def test_a_branch_name_cannot_change_the_query():
    branch = "x&head=newsroom:main&state=open"
    api = FakeGitHub([pull(23, REPO, "main", NEW, author="OWNER")])
    decision = gate.deploy_decision(api, REPO, run("stranger/briefing", branch, NEW), None)
    assert decision.action == "refuse"
    sent = api.calls[0][1]
    assert urllib.parse.parse_qs(sent.partition("?")[2])["head"] == [f"stranger:{branch}"]


def test_a_closed_pull_request_has_its_preview_removed():
    api = FakeGitHub([pull(24, "stranger/briefing", "main", NEW, state="closed")])
    decision = gate.deploy_decision(api, REPO, run("stranger/briefing", "main", NEW), "24")
    assert (decision.action, decision.number) == ("remove", 24)
    assert (
        gate.comment(decision, "", "")
        == "### Preview removed\n\n#24 is closed, so its preview is removed.\n"
    )


def test_a_run_for_an_older_commit_is_skipped():
    api = FakeGitHub([pull(25, REPO, "fix", NEW)])
    decision = gate.deploy_decision(api, REPO, run(REPO, "fix", OLD), "25")
    assert (decision.action, decision.number) == ("skip", 25)


def test_a_reused_branch_picks_the_open_pull_request_with_that_head():
    api = FakeGitHub([pull(26, REPO, "fix", OLD, state="closed"), pull(27, REPO, "fix", NEW)])
    assert gate.deploy_decision(api, REPO, run(REPO, "fix", NEW), None).number == 27
    assert gate.deploy_decision(api, REPO, run(REPO, "fix", NEW), "27").number == 27


def test_two_open_pull_requests_from_one_head_without_a_number_are_refused():
    # One branch may head pull requests into two base branches; the run's number then
    # decides, and without one the gate will not guess.
    api = FakeGitHub([pull(33, REPO, "fix", NEW), pull(34, REPO, "fix", NEW)])
    decision = gate.deploy_decision(api, REPO, run(REPO, "fix", NEW), None)
    assert decision.action == "refuse"
    assert "cannot tell which pull request the run built (#33, #34, 2 open)" in decision.reason
    assert gate.deploy_decision(api, REPO, run(REPO, "fix", NEW), "34").number == 34


def test_a_run_that_built_nothing_is_skipped_without_a_comment():
    # Another label starts a Preview run whose build job is skipped: nothing to deploy.
    api = FakeGitHub([pull(28, REPO, "fix", NEW)], artifacts=())
    decision = gate.deploy_decision(api, REPO, run(REPO, "fix", NEW), None)
    assert (decision.action, decision.number) == ("skip", 28)
    assert gate.comment(decision, "", "") == ""


def test_a_run_that_is_not_a_pull_requests_is_skipped():
    decision = gate.deploy_decision(FakeGitHub(), REPO, run(REPO, "main", NEW, "push"), None)
    assert decision.action == "skip"


def test_the_deployed_comment_names_the_commit_the_address_and_the_reason():
    decision = gate.Decision("deploy", "its author is a member of this repository", 13, NEW)
    text = gate.comment(
        decision, "https://newsroom.github.io/briefing/pr-preview/pr-13/", "S" * 70_000
    )
    assert text.startswith(
        f"### Preview of {NEW[:7]}\n\nhttps://newsroom.github.io/briefing/pr-preview/pr-13/\n"
    )
    assert "Published because its author is a member of this repository." in text
    assert "(cut: the summary is longer than a comment)" in text
    assert len(text) < 65_536


# ---------------------------------------------------------------------------------------
# Approval by label


def label_event(label: str, sender: str, sha: str = NEW, state: str = "open") -> dict:
    return {
        "label": {"name": label},
        "sender": {"login": sender},
        "pull_request": {"number": 30, "state": state, "head": {"sha": sha}},
    }


def test_a_maintainers_label_approves_the_head_commit_it_was_given_to():
    api = FakeGitHub(permissions={"editor": "write"})
    approved, message = gate.approve(api, REPO, label_event("preview", "editor"))
    assert approved and message == f"approved the preview of #30 at {NEW[:7]} for @editor"
    assert api.writes() == [
        (
            "POST",
            f"/repos/{REPO}/statuses/{NEW}",
            {
                "state": "success",
                "context": "preview/approved",
                "description": f"preview approved by @editor for {NEW[:7]}",
            },
        )
    ]


def test_a_label_from_someone_without_write_access_approves_nothing_and_comes_off():
    # A triage role may label, and the API reports its permission as "read".
    api = FakeGitHub(permissions={"helper": "read"})
    approved, message = gate.approve(api, REPO, label_event("preview", "helper"))
    assert not approved and "has read access" in message
    assert api.writes() == [("DELETE", f"/repos/{REPO}/issues/30/labels/preview", None)]


def test_another_label_does_nothing():
    api = FakeGitHub(permissions={"editor": "admin"})
    assert gate.approve(api, REPO, label_event("documentation", "editor"))[0] is False
    assert api.calls == []


def test_the_approval_then_lets_the_deploy_through_and_a_new_push_takes_it_away():
    api = FakeGitHub(
        [pull(31, "stranger/briefing", "main", OLD, labels=("preview",))],
        permissions={"editor": "maintain"},
    )
    assert gate.approve(api, REPO, label_event("preview", "editor", OLD))[0]
    api.statuses = {OLD: [status(OLD)]}  # what the POST above recorded
    assert (
        gate.deploy_decision(api, REPO, run("stranger/briefing", "main", OLD), "31").action
        == "deploy"
    )
    api.pulls = [pull(31, "stranger/briefing", "main", NEW, labels=("preview",))]
    after_push = gate.deploy_decision(api, REPO, run("stranger/briefing", "main", NEW), "31")
    assert (after_push.action, after_push.unlabel) == ("wait", True)


# ---------------------------------------------------------------------------------------
# The command the deploy job runs


def test_the_deploy_command_writes_outputs_takes_a_stale_label_off_and_fails_on_refusal(
    tmp_path, monkeypatch
):
    event = tmp_path / "event.json"
    output = tmp_path / "output"
    number = tmp_path / "number"
    decision = tmp_path / "decision.json"
    api = FakeGitHub([pull(40, "stranger/briefing", "main", NEW, labels=("preview",))])
    monkeypatch.setattr(gate, "GitHub", lambda *args: api)
    monkeypatch.setenv("GITHUB_EVENT_PATH", str(event))
    monkeypatch.setenv("GITHUB_OUTPUT", str(output))
    monkeypatch.setenv("GITHUB_REPOSITORY", REPO)
    monkeypatch.setenv("GITHUB_TOKEN", "t")
    event.write_text(json.dumps({"workflow_run": run("stranger/briefing", "main", NEW)}))
    number.write_text("40\n")
    args = ["deploy", "--artifact", str(number), "--decision", str(decision)]

    assert gate.main(args) == 0
    assert output.read_text() == f"action=wait\nnumber=40\nsha={NEW}\n"
    assert api.writes() == [("DELETE", f"/repos/{REPO}/issues/40/labels/preview", None)]
    assert json.loads(decision.read_text())["action"] == "wait"

    number.write_text("41\n")
    output.write_text("")
    assert gate.main(args) == 1
    assert output.read_text() == f"action=refuse\nnumber=\nsha={NEW}\n"


def test_the_comment_command_writes_the_comment(tmp_path):
    decision = tmp_path / "decision.json"
    decision.write_text(
        json.dumps(
            {
                "action": "deploy",
                "reason": "it comes from a branch of this repository",
                "number": 5,
                "sha": NEW,
                "unlabel": False,
            }
        )
    )
    summary = tmp_path / "diff.md"
    summary.write_text("- **added** `new-claim`\n")
    out = tmp_path / "comment.md"
    args = [
        "comment",
        "--decision",
        str(decision),
        "--summary",
        str(summary),
        "--url",
        "https://x/pr-5/",
        "--out",
        str(out),
    ]
    assert gate.main(args) == 0
    assert "https://x/pr-5/" in out.read_text() and "- **added** `new-claim`" in out.read_text()
