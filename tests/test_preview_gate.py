"""The preview gate (.github/scripts/preview_gate.py, preview_approval.py,
preview_comment.py) against a fake GitHub API: which pull request a Preview run built,
whether and where its preview may be published, and how a maintainer approves a commit
and withdraws the approval."""

from __future__ import annotations

import http.server
import importlib.util
import json
import socket
import sys
import threading
import urllib.parse
from typing import Any

import pytest
from conftest import ROOT

SCRIPTS = ROOT / ".github/scripts"


def _script(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses, and the scripts' own imports, look it up there
    spec.loader.exec_module(module)
    return module


api_module = _script("github_api")
gate = _script("preview_gate")
approval = _script("preview_approval")
commenting = _script("preview_comment")

REPO = "newsroom/briefing"
OLD, NEW, OTHER = "a" * 40, "b" * 40, "c" * 40
ELSEWHERE = gate.Settings("previews-org/briefing-previews")
NOWHERE = gate.Settings()
RUN_ID = 12_345_678_901  # run ids are past ten billion


def pull(
    number: int,
    head_repo: str | None,
    branch: str,
    sha: str,
    *,
    state: str = "open",
    author: str = "stranger",
    labels: tuple[str, ...] = (),
) -> dict[str, Any]:
    owner = (head_repo or "ghost/x").split("/")[0]
    return {
        "number": number,
        "state": state,
        "user": {"login": author},
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
        "id": RUN_ID,
        "event": event,
        "head_sha": sha,
        "head_branch": branch,
        "head_repository": {"full_name": head_repo, "owner": {"login": owner}},
    }


def status(
    sha: str,
    creator: str = "github-actions[bot]",
    state: str = "success",
    at: str = "2026-11-23T10:00:00Z",
) -> dict:
    return {
        "sha": sha,
        "context": "preview/approved",
        "state": state,
        "creator": {"login": creator},
        "created_at": at,
        "description": f"approved by editor for {sha[:7]}",
    }


class FakeGitHub:
    """Answers the scripts' calls as GitHub would: pulls listed by `head` or read by
    number, commit statuses by commit, collaborator permissions by user, Preview runs by
    head commit, a pull request's files and comments; records every call."""

    def __init__(
        self,
        pulls=(),
        statuses=None,
        permissions=None,
        artifacts=("pr", "site"),
        answers=None,
        runs=None,
        files=(),
        comments=(),
    ):
        self.pulls = list(pulls)
        self.artifacts = list(artifacts)
        self.statuses = statuses or {}
        self.permissions = permissions or {}
        self.runs = runs  # the Preview runs listed for a head commit; None: one per pull
        self.files = list(files)
        self.comments = list(comments)
        # A hostile answer, as it comes, for each kind of call named here ("pulls",
        # "statuses", "artifacts", "permission").
        self.answers = answers or {}
        self.calls: list[tuple[str, str, Any]] = []

    def get(self, path: str) -> Any:
        self.calls.append(("GET", path, None))
        base, _, query = path.partition("?")
        params = urllib.parse.parse_qs(query)
        kind = next((k for k in self.answers if f"/{k}" in base), None)
        if kind is not None:
            return self.answers[kind]
        if base == f"/repos/{REPO}/pulls":
            return [p for p in self.pulls if p["head"]["label"] == params["head"][0]]
        if base.startswith(f"/repos/{REPO}/pulls/") and base.endswith("/files"):
            page = int(params["page"][0])
            return self.files[(page - 1) * 100 : page * 100]
        if base.startswith(f"/repos/{REPO}/pulls/"):
            number = int(base.split("/")[-1])
            return next(p for p in self.pulls if p["number"] == number)
        if base.startswith(f"/repos/{REPO}/commits/") and base.endswith("/statuses"):
            return self.statuses.get(base.split("/")[-2], [])
        if base == f"/repos/{REPO}/actions/runs/{RUN_ID}/artifacts":
            return {"artifacts": [{"name": name, "expired": False} for name in self.artifacts]}
        if base == f"/repos/{REPO}/actions/workflows/preview.yml/runs":
            sha = params["head_sha"][0]
            if self.runs is not None:
                return {"workflow_runs": self.runs}
            heads = [p["head"] for p in self.pulls if p["head"]["sha"] == sha]
            return {
                "workflow_runs": [
                    run(h["repo"]["full_name"], h["ref"], sha) for h in heads if h["repo"]
                ]
            }
        if base.startswith(f"/repos/{REPO}/collaborators/"):
            user = urllib.parse.unquote(base.split("/")[-2])
            return {"permission": self.permissions.get(user, "none")}
        if base.startswith(f"/repos/{REPO}/issues/") and base.endswith("/comments"):
            page = int(params["page"][0])
            return self.comments[(page - 1) * 100 : page * 100]
        raise AssertionError(f"unexpected GET {path}")

    def post(self, path: str, body: dict[str, Any]) -> Any:
        self.calls.append(("POST", path, body))
        return {}

    def patch(self, path: str, body: dict[str, Any]) -> Any:
        self.calls.append(("PATCH", path, body))
        return {}

    def delete(self, path: str) -> Any:
        self.calls.append(("DELETE", path, None))
        return None

    def writes(self) -> list[tuple[str, str, Any]]:
        return [c for c in self.calls if c[0] != "GET"]


def decide(api: FakeGitHub, the_run: dict, artifact: str | None, settings=ELSEWHERE):
    return gate.deploy_decision(api, REPO, the_run, artifact, settings)


# ---------------------------------------------------------------------------------------
# Which pull request, and whether to publish it


def test_a_branch_of_this_repository_is_deployed_to_its_own_number():
    api = FakeGitHub([pull(12, REPO, "fix-dates", NEW)])
    decision = decide(api, run(REPO, "fix-dates", NEW), "12\n")
    assert (decision.action, decision.number, decision.sha) == ("deploy", 12, NEW)
    assert (decision.run, decision.target) == (RUN_ID, "elsewhere")
    assert decision.reason == "it comes from a branch of this repository"


def test_a_fork_by_someone_with_write_access_is_deployed_without_an_approval():
    api = FakeGitHub(
        [pull(13, "editor/briefing", "main", NEW, author="editor")], permissions={"editor": "write"}
    )
    decision = decide(api, run("editor/briefing", "main", NEW), "13")
    assert (decision.action, decision.number) == ("deploy", 13)
    assert decision.reason == "its author, editor, has write access to this repository"


@pytest.mark.parametrize("permission", ["read", "triage", "none"])
def test_an_author_without_write_access_waits_whatever_github_calls_them(permission):
    # Security finding 3: author_association said COLLABORATOR or MEMBER for a read-only
    # collaborator or any organisation member; the permission API is what approvers pass.
    api = FakeGitHub(
        [pull(14, "helper/briefing", "main", NEW, author="helper")],
        permissions={"helper": permission},
    )
    decision = decide(api, run("helper/briefing", "main", NEW), "14")
    assert (decision.action, decision.number) == ("wait", 14)
    assert ("GET", f"/repos/{REPO}/collaborators/helper/permission", None) in api.calls


def test_a_strangers_fork_waits_for_a_maintainer_and_the_comment_says_how():
    api = FakeGitHub([pull(14, "stranger/briefing", "main", NEW)])
    decision = decide(api, run("stranger/briefing", "main", NEW), "14")
    assert (decision.action, decision.number) == ("wait", 14)
    text = commenting.comment_text(decision, "", "skipped", "SUMMARY", "", [])
    assert text.startswith(f"<!-- briefing-preview -->\n### Preview of {NEW[:7]} waiting\n")
    assert f"approved its commit by commenting `/preview {NEW}`" in text
    assert "SUMMARY" not in text  # the untrusted summary is not posted either
    assert api.writes() == []


def test_a_strangers_fork_with_its_head_commit_approved_is_deployed():
    api = FakeGitHub(
        [pull(15, "stranger/briefing", "main", NEW, labels=("preview",))],
        statuses={NEW: [status(NEW)]},
    )
    decision = decide(api, run("stranger/briefing", "main", NEW), "15")
    assert (decision.action, decision.number) == ("deploy", 15)
    assert (
        decision.reason == f"a maintainer approved {NEW[:7]} ('approved by editor for {NEW[:7]}')"
    )


def test_an_approval_of_an_earlier_commit_approves_nothing_after_a_new_push():
    api = FakeGitHub(
        [pull(16, "stranger/briefing", "main", NEW, labels=("preview",))],
        statuses={OLD: [status(OLD)]},
    )
    decision = decide(api, run("stranger/briefing", "main", NEW), "16")
    assert decision.action == "wait"
    assert "approved an earlier commit" in decision.reason
    assert api.writes() == []


def test_an_approval_stands_only_while_the_label_is_on():
    # Security finding 4: the status stayed on the commit for good. Taking the label off
    # withdraws every approval of the pull request, even one on a commit pushed back later.
    api = FakeGitHub([pull(17, "stranger/briefing", "main", OLD)], statuses={OLD: [status(OLD)]})
    decision = decide(api, run("stranger/briefing", "main", OLD), "17")
    assert (decision.action, decision.target) == ("remove", "elsewhere")
    assert "was withdrawn ('the `preview` label was taken off')" in decision.reason


def test_a_newer_failure_status_withdraws_the_approval_of_the_same_commit():
    api = FakeGitHub(
        [pull(18, "stranger/briefing", "main", NEW, labels=("preview",))],
        statuses={
            NEW: [
                status(NEW),
                {
                    **status(NEW, state="failure", at="2026-11-23T11:00:00Z"),
                    "description": "approval withdrawn by editor",
                },
            ]
        },
    )
    decision = decide(api, run("stranger/briefing", "main", NEW), "18")
    assert decision.action == "remove"
    assert decision.reason == (
        f"the approval of {NEW[:7]} was withdrawn ('approval withdrawn by editor'), so the "
        "preview is taken down"
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
    api = FakeGitHub(
        [pull(17, "stranger/briefing", "main", NEW, labels=("preview",))],
        statuses={NEW: [approval]},
    )
    decision = decide(api, run("stranger/briefing", "main", NEW), "17")
    assert decision.action in ("wait", "remove") and decision.action != "deploy"


# ---------------------------------------------------------------------------------------
# Where a preview goes


def test_without_a_preview_origin_a_preview_is_an_artifact_never_pages_on_the_site():
    api = FakeGitHub(
        [pull(60, "editor/briefing", "main", NEW, author="editor")], permissions={"editor": "admin"}
    )
    decision = decide(api, run("editor/briefing", "main", NEW), "60", NOWHERE)
    assert (decision.action, decision.target) == ("deploy", "artifact")
    text = commenting.comment_text(
        decision, "", "skipped", "- `x`", f"https://github.com/{REPO}/actions/runs/{RUN_ID}", []
    )
    assert f"### Preview of {NEW[:7]}: download" in text
    assert (
        f"Download the artifact `site` from https://github.com/{REPO}/actions/runs/{RUN_ID}" in text
    )


def test_a_forks_preview_stays_off_the_origin_even_when_the_project_opts_in():
    on_origin = gate.Settings(on_origin=True)
    api = FakeGitHub(
        [pull(61, "editor/briefing", "main", NEW, author="editor")], permissions={"editor": "admin"}
    )
    assert decide(api, run("editor/briefing", "main", NEW), "61", on_origin).target == "artifact"
    api = FakeGitHub([pull(62, REPO, "fix", NEW)])
    assert decide(api, run(REPO, "fix", NEW), "62", on_origin).target == "origin"
    assert decide(api, run(REPO, "fix", NEW), "62", NOWHERE).target == "artifact"


def test_a_closed_pull_request_without_published_previews_needs_nothing():
    api = FakeGitHub([pull(63, REPO, "fix", NEW, state="closed")])
    assert decide(api, run(REPO, "fix", NEW), "63", NOWHERE).action == "skip"


@pytest.mark.parametrize(
    ("elsewhere", "on_origin", "message"),
    [
        (
            "newsroom/previews",
            "",
            "owned by newsroom like this repository: its pages would be "
            "served from the same origin, https://newsroom.github.io",
        ),
        ("NewsRoom/previews", "", "owned by newsroom like this repository"),
        ("not a repository", "", "PREVIEW_REPOSITORY is not what the gate reads"),
        ("", "yes", "PREVIEW_ON_ORIGIN is 'yes': set it to true"),
    ],
)
def test_a_preview_origin_that_is_the_sites_own_is_refused(elsewhere, on_origin, message):
    with pytest.raises(gate.GateError) as refused:
        gate.Settings.read(REPO, elsewhere, on_origin)
    assert message in str(refused.value)


# ---------------------------------------------------------------------------------------
# The run and its artifact number


def test_an_artifact_naming_someone_elses_pull_request_is_refused():
    # The stranger's build wrote 20 (a maintainer's pull request) into pr/number.
    api = FakeGitHub(
        [pull(20, REPO, "big-update", OTHER), pull(21, "stranger/briefing", "main", NEW)]
    )
    decision = decide(api, run("stranger/briefing", "main", NEW), "20")
    assert (decision.action, decision.number) == ("refuse", None)
    assert decision.reason.startswith("the artifact names pull request #20, but GitHub lists #21")
    assert api.writes() == []


@pytest.mark.parametrize("text", ["20; rm -rf /", "7\n::error::fake", "-1", "٣", "1" * 30])
def test_an_artifact_number_that_is_not_a_number_is_refused_on_one_line(text):
    api = FakeGitHub([pull(21, "stranger/briefing", "main", NEW)])
    decision = decide(api, run("stranger/briefing", "main", NEW), text)
    assert decision.action == "refuse"
    assert "\n" not in decision.reason and "is not a number" in decision.reason


def test_the_number_comes_from_github_when_the_run_uploaded_none():
    api = FakeGitHub([pull(22, "stranger/briefing", "main", NEW)])
    decision = decide(api, run("stranger/briefing", "main", NEW), None)
    assert (decision.action, decision.number) == ("wait", 22)


def test_a_branch_name_cannot_change_the_query():
    branch = "x&head=newsroom:main&state=open"
    api = FakeGitHub([pull(23, REPO, "main", NEW)])
    decision = decide(api, run("stranger/briefing", branch, NEW), None)
    assert decision.action == "refuse"
    sent = api.calls[0][1]
    assert urllib.parse.parse_qs(sent.partition("?")[2])["head"] == [f"stranger:{branch}"]


def test_a_closed_pull_request_has_its_preview_removed():
    api = FakeGitHub([pull(24, "stranger/briefing", "main", NEW, state="closed")])
    decision = decide(api, run("stranger/briefing", "main", NEW), "24")
    assert (decision.action, decision.number, decision.target) == ("remove", 24, "elsewhere")
    assert commenting.comment_text(decision, "", "success", "", "", []) == (
        "<!-- briefing-preview -->\n### Preview removed\n\n#24 is closed, so its preview is "
        "removed.\n"
    )


def test_a_run_for_an_older_commit_is_skipped():
    api = FakeGitHub([pull(25, REPO, "fix", NEW)])
    decision = decide(api, run(REPO, "fix", OLD), "25")
    assert (decision.action, decision.number) == ("skip", 25)


def test_a_reused_branch_picks_the_open_pull_request_with_that_head():
    api = FakeGitHub([pull(26, REPO, "fix", OLD, state="closed"), pull(27, REPO, "fix", NEW)])
    assert decide(api, run(REPO, "fix", NEW), None).number == 27
    assert decide(api, run(REPO, "fix", NEW), "27").number == 27


def test_two_open_pull_requests_from_one_head_without_a_number_are_refused():
    # One branch may head pull requests into two base branches; the run's number then
    # decides, and without one the gate will not guess.
    api = FakeGitHub([pull(33, REPO, "fix", NEW), pull(34, REPO, "fix", NEW)])
    decision = decide(api, run(REPO, "fix", NEW), None)
    assert decision.action == "refuse"
    assert "cannot tell which pull request the run built (#33, #34, 2 open)" in decision.reason
    assert decide(api, run(REPO, "fix", NEW), "34").number == 34


def test_a_run_that_built_nothing_is_skipped_without_a_comment(tmp_path, monkeypatch, capsys):
    api = FakeGitHub([pull(28, REPO, "fix", NEW)], artifacts=())
    decision = decide(api, run(REPO, "fix", NEW), None)
    assert (decision.action, decision.number) == ("skip", 28)
    path = tmp_path / "decision.json"
    path.write_text(json.dumps(gate.asdict(decision)))
    assert commenting.main(["--decision", str(path)]) == 0
    assert capsys.readouterr().out == "no comment: the decision is skip\n"


def test_a_run_that_is_not_a_pull_requests_is_skipped():
    assert decide(FakeGitHub(), run(REPO, "main", NEW, "push"), None).action == "skip"


# ---------------------------------------------------------------------------------------
# A new decision asked for by an approval or a withdrawal (workflow_dispatch)


def test_a_dispatched_decision_takes_the_newest_preview_run_of_the_head():
    api = FakeGitHub(
        [pull(35, "stranger/briefing", "main", NEW, labels=("preview",))],
        statuses={NEW: [status(NEW)]},
        runs=[
            run("stranger/briefing", "main", NEW) | {"id": 5},
            run("stranger/briefing", "main", NEW),
            run("impostor/briefing", "main", NEW) | {"id": RUN_ID + 1},
        ],
    )
    decision = gate.dispatched_decision(api, REPO, 35, ELSEWHERE)
    assert (decision.action, decision.run, decision.sha) == ("deploy", RUN_ID, NEW)
    listed = next(c[1] for c in api.calls if "/workflows/preview.yml/runs" in c[1])
    assert "status=success" in listed and f"head_sha={NEW}" in listed


def test_a_dispatched_decision_before_the_run_has_finished_waits_for_it():
    api = FakeGitHub(
        [pull(36, "stranger/briefing", "main", NEW, labels=("preview",))],
        statuses={NEW: [status(NEW)]},
        runs=[],
    )
    decision = gate.dispatched_decision(api, REPO, 36, ELSEWHERE)
    assert decision.action == "skip" and "has finished yet" in decision.reason


def test_a_dispatched_withdrawal_takes_the_preview_down_without_a_run():
    api = FakeGitHub(
        [pull(37, "stranger/briefing", "main", NEW)],
        statuses={NEW: [status(NEW, state="failure")]},
        runs=[],
    )
    assert gate.dispatched_decision(api, REPO, 37, ELSEWHERE).action == "remove"


# ---------------------------------------------------------------------------------------
# Approving a commit, and withdrawing


def comment_event(body: str, sender: str = "editor", number: int = 30, pr: bool = True) -> dict:
    issue: dict[str, Any] = {"number": number}
    if pr:
        issue["pull_request"] = {"url": "x"}
    return {
        "comment": {"id": 900, "body": body, "user": {"login": sender}},
        "issue": issue,
        "repository": {"default_branch": "main"},
    }


def dispatch(number: int) -> tuple[str, str, dict]:
    return (
        "POST",
        f"/repos/{REPO}/actions/workflows/preview-deploy.yml/dispatches",
        {"ref": "main", "inputs": {"pull-request": str(number)}},
    )


def test_a_maintainers_command_approves_the_full_commit_it_names():
    api = FakeGitHub([pull(30, "stranger/briefing", "main", NEW)], permissions={"editor": "write"})
    approved, message = approval.on_comment(api, REPO, comment_event(f"/preview {NEW}\nread it"))
    assert approved and message == f"approved the preview of #30 at {NEW[:7]} for editor"
    assert api.writes() == [
        (
            "POST",
            f"/repos/{REPO}/statuses/{NEW}",
            {
                "state": "success",
                "context": "preview/approved",
                "description": f"approved by editor for {NEW[:7]}",
            },
        ),
        ("POST", f"/repos/{REPO}/issues/30/labels", {"labels": ["preview"]}),
        dispatch(30),
        ("POST", f"/repos/{REPO}/issues/comments/900/reactions", {"content": "+1"}),
    ]


def test_an_approval_of_a_commit_that_is_no_longer_the_head_is_refused():
    # The maintainer read OLD; the stranger pushed NEW meanwhile.
    api = FakeGitHub([pull(30, "stranger/briefing", "main", NEW)], permissions={"editor": "admin"})
    approved, message = approval.on_comment(api, REPO, comment_event(f"/preview {OLD}"))
    assert not approved
    assert message == (
        f"editor approved {OLD[:12]}, but the head of #30 is now {NEW[:12]}: read the commits "
        f"since, then comment `/preview {NEW}`"
    )
    assert api.writes() == [
        ("POST", f"/repos/{REPO}/issues/comments/900/reactions", {"content": "-1"})
    ]


@pytest.mark.parametrize(
    "body", [f"/preview {NEW[:7]}", f"/preview {NEW[:39]}", "/preview", "/previewer", "lgtm"]
)
def test_a_shortened_hash_or_another_comment_approves_nothing(body):
    api = FakeGitHub([pull(30, "stranger/briefing", "main", NEW)], permissions={"editor": "admin"})
    approved, _ = approval.on_comment(api, REPO, comment_event(body))
    assert not approved and api.calls == []


@pytest.mark.parametrize("permission", ["read", "triage", "none"])
def test_a_command_from_someone_without_write_access_does_nothing(permission):
    api = FakeGitHub(
        [pull(30, "stranger/briefing", "main", NEW)], permissions={"helper": permission}
    )
    approved, message = approval.on_comment(api, REPO, comment_event(f"/preview {NEW}", "helper"))
    assert not approved and f"helper has {permission} access" in message
    assert api.writes() == [
        ("POST", f"/repos/{REPO}/issues/comments/900/reactions", {"content": "-1"})
    ]


def test_a_command_on_an_issue_does_nothing():
    api = FakeGitHub(permissions={"editor": "admin"})
    approved, message = approval.on_comment(api, REPO, comment_event(f"/preview {NEW}", pr=False))
    assert not approved and message == "#30 is an issue, not a pull request"
    assert api.calls == []


@pytest.mark.parametrize("how", ["command", "label"])
def test_withdrawing_posts_a_newer_failure_takes_the_label_off_and_asks_again(how):
    api = FakeGitHub(
        [pull(30, "stranger/briefing", "main", NEW, labels=("preview",))],
        permissions={"editor": "maintain"},
    )
    if how == "command":
        done, message = approval.on_comment(api, REPO, comment_event("/preview withdraw"))
    else:
        event = {
            "label": {"name": "preview"},
            "sender": {"login": "editor"},
            "pull_request": {"number": 30},
            "repository": {"default_branch": "main"},
        }
        done, message = approval.on_unlabel(api, REPO, event)
    assert done and message.startswith("withdrew the approval of #30's preview")
    writes = api.writes()
    assert writes[:3] == [
        (
            "POST",
            f"/repos/{REPO}/statuses/{NEW}",
            {
                "state": "failure",
                "context": "preview/approved",
                "description": "approval withdrawn by editor",
            },
        ),
        ("DELETE", f"/repos/{REPO}/issues/30/labels/preview", None),
        dispatch(30),
    ]


def test_the_whole_round_approve_deploy_withdraw_remove():
    api = FakeGitHub([pull(31, "stranger/briefing", "main", OLD)], permissions={"editor": "write"})
    assert approval.on_comment(api, REPO, comment_event(f"/preview {OLD}", number=31))[0]
    api.statuses = {OLD: [status(OLD)]}  # what the POST above recorded
    api.pulls = [pull(31, "stranger/briefing", "main", OLD, labels=("preview",))]
    assert gate.dispatched_decision(api, REPO, 31, ELSEWHERE).action == "deploy"
    approval.on_comment(api, REPO, comment_event("/preview withdraw", number=31))
    api.statuses = {OLD: [status(OLD), status(OLD, state="failure", at="2026-11-23T12:00:00Z")]}
    api.pulls = [pull(31, "stranger/briefing", "main", OLD)]
    assert gate.dispatched_decision(api, REPO, 31, ELSEWHERE).action == "remove"


# ---------------------------------------------------------------------------------------
# Hostile and malformed answers: one `::error::` line naming the answer, never a traceback,
# never a deploy


STRANGER = ("stranger/briefing", "main", NEW)


def _pull_with(**changes: Any) -> dict[str, Any]:
    return {**pull(50, *STRANGER), **changes}


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        (
            {"pulls": {"message": "Bad credentials"}},
            "the answer should be a list, but is an object "
            """'{"message": "Bad credentials"}'""",
        ),
        (
            {"pulls": [_pull_with(labels=None)]},
            "[0].labels should be a list, but is null",
        ),
        (
            {"pulls": [_pull_with(number="50; echo pwned")]},
            "[0].number should be a whole number from 1 to 999999999999, but is the text "
            "'50; echo pwned'",
        ),
        (
            {"pulls": [_pull_with(number=50.0)]},
            "[0].number should be a whole number from 1 to 999999999999, but is the number '50.0'",
        ),
        (
            {"pulls": [_pull_with(number=True)]},
            "[0].number should be a whole number from 1 to 999999999999, but is true",
        ),
        (
            {"pulls": [_pull_with(head={"sha": NEW})]},
            "[0].head.repo should be an object or null, but is missing",
        ),
        (
            {"artifacts": {"total_count": 0}},
            "artifacts should be a list, but is missing",
        ),
        (
            {"statuses": {"statuses": []}},
            "the answer should be a list, but is an object '{\"statuses\": []}'",
        ),
        (
            {"statuses": [{**status(NEW), "created_at": 5}]},
            "[0].created_at should be a time such as 2026-11-23T10:00:00Z, but is the number '5'",
        ),
    ],
    ids=[
        "G01-pulls-is-a-message",
        "G04-labels-null",
        "G06-number-is-text",
        "number-is-a-float",
        "number-is-true",
        "head-repo-missing",
        "G08-no-artifacts-key",
        "statuses-is-an-object",
        "created-at-a-number",
    ],
)
def test_a_malformed_answer_names_the_call_what_was_expected_and_what_came(answers, message):
    # Approved, so that the gate goes on to read the run's artifacts.
    api = FakeGitHub(
        [pull(50, *STRANGER, labels=("preview",))], {NEW: [status(NEW)]}, answers=answers
    )
    with pytest.raises(gate.UnexpectedAnswer) as failed:
        decide(api, run(*STRANGER), "50")
    text = str(failed.value)
    assert text.startswith("GitHub's answer to GET /repos/newsroom/briefing/")
    assert text.endswith(f" is not what the gate reads: {message}")
    assert "\n" not in text
    assert api.writes() == []


def test_a_status_without_a_creator_approves_nothing_as_githubs_schema_allows(capsys):
    # GitHub's schema lets `creator` be null (a deleted account): not an error, not ours.
    api = FakeGitHub(
        [pull(51, *STRANGER, labels=("preview",))],
        statuses={NEW: [{**status(NEW), "creator": None}]},
    )
    decision = decide(api, run(*STRANGER), "51")
    assert (decision.action, decision.number) == ("wait", 51)


def test_a_head_sha_that_would_add_output_lines_is_refused_before_anything_is_asked():
    hostile = run(*STRANGER) | {"head_sha": NEW + "\naction=deploy\nnumber=1"}
    api = FakeGitHub([pull(52, *STRANGER)])
    with pytest.raises(gate.UnexpectedAnswer) as failed:
        decide(api, hostile, "52")
    assert str(failed.value) == (
        "the event's workflow_run is not what the gate reads: head_sha should be a commit "
        f"hash (40 or 64 hexadecimal digits), but is the text '{NEW}\\naction=deploy\\n"
        "number=1'"
    )
    assert api.calls == []


@pytest.mark.parametrize(
    ("key", "value"),
    [("sha", NEW + "\naction=deploy"), ("number", "1\nsha=x"), ("action", "deploy\n"), ("x", "")],
)
def test_no_output_value_but_of_its_own_form_is_written(tmp_path, monkeypatch, key, value):
    output = tmp_path / "output"
    monkeypatch.setenv("GITHUB_OUTPUT", str(output))
    with pytest.raises(gate.GateError, match=r"^refused to write the step output "):
        api_module.write_outputs({"action": "wait", key: value}, gate.OUTPUTS)
    assert not output.exists()


def test_an_unwritable_output_file_is_one_error_line(tmp_path, monkeypatch, capsys):
    _deploy_environment(tmp_path, monkeypatch, FakeGitHub([pull(53, *STRANGER)]))
    monkeypatch.setenv("GITHUB_OUTPUT", str(tmp_path))  # a folder: cannot be opened to append
    assert gate.main(["--decision", str(tmp_path / "decision.json")]) == 1
    assert capsys.readouterr().out == (
        f"::error::cannot write the step's outputs to GITHUB_OUTPUT ({str(tmp_path)!r}): "
        "Is a directory\n"
    )


def test_the_label_event_with_a_null_label_is_one_error_line(tmp_path, monkeypatch, capsys):
    event = {"label": None, "sender": {"login": "editor"}, "pull_request": {"number": 30}}
    _deploy_environment(tmp_path, monkeypatch, FakeGitHub(), event, "pull_request_target")
    assert approval.main() == 1
    assert capsys.readouterr().out == (
        "::error::the event is not what the gate reads: label should be an object, but is null\n"
    )


def test_an_approvals_description_never_starts_a_line_of_the_log(tmp_path, monkeypatch, capsys):
    hostile = {**status(NEW), "description": "ok\n::error::fake\n::add-mask::x"}
    api = FakeGitHub([pull(54, *STRANGER, labels=("preview",))], statuses={NEW: [hostile]})
    _deploy_environment(tmp_path, monkeypatch, api)
    assert gate.main(["--decision", str(tmp_path / "decision.json")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"preview deploy for #54 at {NEW[:7]} to elsewhere: a maintainer approved {NEW[:7]} "
        "('ok\\n::error::fake\\n::add-mask::x')"
    ]


def test_a_missing_environment_variable_is_one_error_line(monkeypatch, capsys):
    monkeypatch.delenv("GITHUB_EVENT_PATH", raising=False)
    monkeypatch.setenv("GITHUB_REPOSITORY", REPO)
    monkeypatch.setenv("GITHUB_TOKEN", "t")
    assert approval.main() == 1
    assert capsys.readouterr().out == (
        "::error::GITHUB_EVENT_PATH is not set: this runs in a GitHub Actions job, which sets it\n"
    )


def _deploy_environment(tmp_path, monkeypatch, api, event=None, name="workflow_run") -> None:
    path = tmp_path / "event.json"
    path.write_text(json.dumps(event or {"workflow_run": run(*STRANGER)}))
    monkeypatch.setattr(api_module, "GitHub", lambda *args: api)
    monkeypatch.setenv("GITHUB_EVENT_NAME", name)
    monkeypatch.setenv("PREVIEW_REPOSITORY", "previews-org/briefing-previews")
    monkeypatch.setenv("GITHUB_EVENT_PATH", str(path))
    monkeypatch.setenv("GITHUB_OUTPUT", str(tmp_path / "output"))
    monkeypatch.setenv("GITHUB_REPOSITORY", REPO)
    monkeypatch.setenv("GITHUB_TOKEN", "t")


# The real client against a fake GitHub on 127.0.0.1: what comes over HTTP.


@pytest.fixture
def github_answering():
    """Start a server on 127.0.0.1 that answers every request with (status, content type,
    body); yield a function that sets the answer and returns the API's address."""
    answer: dict[str, Any] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(answer["status"])
            self.send_header("Content-Type", answer["type"])
            self.end_headers()
            self.wfile.write(answer["body"].encode())

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def answering(status: int, body: str, content_type: str = "application/json") -> str:
        answer.update(status=status, body=body, type=content_type)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield answering
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    ("status", "body", "content_type", "message"),
    [
        (
            200,
            "<!DOCTYPE html><html><body>Unicorn!</body></html>",
            "text/html",
            "GitHub's answer to GET /repos/newsroom/briefing/pulls is not JSON: it starts "
            "'<!DOCTYPE html><html><body>Unicorn!</bod…'",
        ),
        (
            500,
            '{"message": "Server Error"}',
            "application/json",
            "GitHub answered 500 to GET /repos/newsroom/briefing/pulls: 'Server Error'",
        ),
        (
            502,
            "<html>Bad gateway</html>",
            "text/html",
            "GitHub answered 502 to GET /repos/newsroom/briefing/pulls",
        ),
    ],
    ids=["an-html-page", "a-500", "a-502-in-html"],
)
def test_the_client_turns_what_comes_over_http_into_one_line(
    github_answering, status, body, content_type, message
):
    client = api_module.GitHub("t", github_answering(status, body, content_type))
    with pytest.raises(gate.GateError) as failed:
        client.get(f"/repos/{REPO}/pulls")
    assert str(failed.value) == message


def test_the_client_says_when_github_cannot_be_reached():
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    client = api_module.GitHub("t", f"http://127.0.0.1:{port}")
    with pytest.raises(gate.GateError) as failed:
        client.get(f"/repos/{REPO}/pulls")
    assert str(failed.value).startswith(
        f"could not reach GitHub at http://127.0.0.1:{port} for GET /repos/{REPO}/pulls: "
    )


# ---------------------------------------------------------------------------------------
# The commands the jobs run


def test_the_deploy_command_writes_outputs_and_fails_on_refusal(tmp_path, monkeypatch):
    number = tmp_path / "number"
    decision = tmp_path / "decision.json"
    api = FakeGitHub([pull(40, "stranger/briefing", "main", NEW)])
    _deploy_environment(tmp_path, monkeypatch, api, {"workflow_run": run(*STRANGER)})
    output = tmp_path / "output"
    number.write_text("40\n")
    args = ["--artifact", str(number), "--decision", str(decision)]

    assert gate.main(args) == 0
    assert output.read_text() == f"action=wait\nnumber=40\nsha={NEW}\nrun=\ntarget=\n"
    assert api.writes() == []
    assert json.loads(decision.read_text())["action"] == "wait"

    number.write_text("41\n")
    output.write_text("")
    assert gate.main(args) == 1
    assert output.read_text() == f"action=refuse\nnumber=\nsha={NEW}\nrun=\ntarget=\n"


def test_the_dispatched_deploy_reads_the_number_from_the_event_inputs(tmp_path, monkeypatch):
    api = FakeGitHub([pull(41, REPO, "fix", NEW)])
    event = {"inputs": {"pull-request": "41"}}
    _deploy_environment(tmp_path, monkeypatch, api, event, "workflow_dispatch")
    assert gate.main(["--decision", str(tmp_path / "decision.json")]) == 0
    assert (tmp_path / "output").read_text() == (
        f"action=deploy\nnumber=41\nsha={NEW}\nrun={RUN_ID}\ntarget=elsewhere\n"
    )


@pytest.mark.parametrize("number", ["41; echo", "0", "", "1" * 10])
def test_a_dispatched_number_of_another_form_is_one_error_line(
    tmp_path, monkeypatch, capsys, number
):
    event = {"inputs": {"pull-request": number}}
    _deploy_environment(tmp_path, monkeypatch, FakeGitHub(), event, "workflow_dispatch")
    assert gate.main(["--decision", str(tmp_path / "decision.json")]) == 1
    out = capsys.readouterr().out
    assert out.startswith("::error::the event is not what the gate reads: inputs.pull-request ")
    assert out.count("\n") == 1


def test_the_comment_is_edited_in_place_and_quotes_a_hostile_summary(tmp_path, monkeypatch):
    ours = {
        "id": 7,
        "user": {"login": "github-actions[bot]"},
        "body": "<!-- briefing-preview -->\nold",
    }
    theirs = {"id": 8, "user": {"login": "stranger"}, "body": "<!-- briefing-preview -->\nfake"}
    api = FakeGitHub(
        [pull(42, REPO, "fix", NEW)],
        comments=[theirs, ours],
        files=[
            {"filename": "briefings/b/events.yaml", "status": "modified"},
            {"filename": "docs/`x`<script>.md", "status": "added"},
        ],
    )
    decision = tmp_path / "decision.json"
    decision.write_text(
        json.dumps(
            gate.asdict(
                gate.Decision(
                    "deploy",
                    "it comes from a branch of this repository",
                    42,
                    NEW,
                    RUN_ID,
                    "elsewhere",
                )
            )
        )
    )
    summary = tmp_path / "diff.md"
    summary.write_text(
        "- **added** Crimea @newsroom/editors [click](https://evil.example) <img src=x>\n"
    )
    _deploy_environment(tmp_path, monkeypatch, api)
    args = [
        "--decision",
        str(decision),
        "--summary",
        str(summary),
        "--deployed",
        "success",
        "--url",
        "https://previews-org.github.io/briefing-previews/pr-preview/pr-42/",
    ]
    assert commenting.main(args) == 0
    ((method, path, body),) = api.writes()
    assert (method, path) == ("PATCH", f"/repos/{REPO}/issues/comments/7")
    text = body["body"]
    assert "#### Code changes a reviewer must read" in text
    assert "- ``docs/`x`<script>.md`` (added)" in text
    assert "briefings/b/events.yaml" not in text
    assert "(Shown as text: the summary holds characters" in text
    assert "```text\n- **added** Crimea @newsroom/editors" in text


def test_the_first_comment_is_written_when_there_is_none_of_ours():
    api = FakeGitHub(comments=[{"id": 8, "user": None, "body": None}])
    commenting.post(api, REPO, 43, "<!-- briefing-preview -->\nhello")
    assert api.writes() == [
        ("POST", f"/repos/{REPO}/issues/43/comments", {"body": "<!-- briefing-preview -->\nhello"})
    ]


def test_a_long_summary_is_cut_at_a_line_and_the_comment_fits():
    decision = gate.Decision(
        "deploy", "it comes from a branch of this repository", 13, NEW, RUN_ID, "elsewhere"
    )
    summary = "- `x`: a → b\n" * 10_000
    text = commenting.comment_text(
        decision,
        "https://newsroom-previews.github.io/p/pr-preview/pr-13/",
        "success",
        summary,
        "",
        [],
    )
    assert text.startswith(
        f"<!-- briefing-preview -->\n### Preview of {NEW[:7]}\n\n"
        "https://newsroom-previews.github.io/p/pr-preview/pr-13/\n"
    )
    assert "Built because it comes from a branch of this repository." in text
    assert "(cut: the summary is longer than a comment)" in text
    assert "```" not in text  # still inert: cut between lines, not inside a code span
    assert len(text) < 65_536


def test_a_failed_deploy_or_an_odd_address_says_not_published():
    decision = gate.Decision("deploy", "r", 13, NEW, RUN_ID, "elsewhere")
    for deployed, url in (("failure", "https://x.github.io/p/"), ("success", "javascript:x")):
        text = commenting.comment_text(decision, url, deployed, "S", "", [])
        assert f"### Preview of {NEW[:7]} not published" in text and "javascript" not in text


def test_a_permission_github_will_not_give_is_none_and_approves_nothing(github_answering):
    client = api_module.GitHub("t", github_answering(404, '{"message": "Not Found"}'))
    assert gate.permission_of(client, REPO, "stranger") == "none"
    client = api_module.GitHub("t", github_answering(403, '{"message": "Must have push access"}'))
    with pytest.raises(gate.GateError, match=r"GitHub answered 403 to GET .*/permission"):
        gate.permission_of(client, REPO, "stranger")
