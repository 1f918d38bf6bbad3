"""The preview gate (.github/scripts/preview_gate.py) against a fake GitHub API: which pull
request a Preview run built, and whether a stranger's preview may be published."""

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

    def __init__(
        self, pulls=(), statuses=None, permissions=None, artifacts=("pr", "site"), answers=None
    ):
        self.pulls = list(pulls)
        self.artifacts = list(artifacts)
        self.statuses = statuses or {}
        self.permissions = permissions or {}
        # A hostile answer, as it comes, for each kind of call named here ("pulls",
        # "statuses", "artifacts", "permission").
        self.answers = answers or {}
        self.calls: list[tuple[str, str, Any]] = []

    def get(self, path: str) -> Any:
        self.calls.append(("GET", path, None))
        base, _, query = path.partition("?")
        kind = next((k for k in self.answers if f"/{k}" in base), None)
        if kind is not None:
            return self.answers[kind]
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
        == f"a maintainer approved {NEW[:7]} ('preview approved by @editor for {NEW[:7]}')"
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
            "[0].number should be a whole number from 1 to 999999999, but is the text "
            "'50; echo pwned'",
        ),
        (
            {"pulls": [_pull_with(number=50.0)]},
            "[0].number should be a whole number from 1 to 999999999, but is the number '50.0'",
        ),
        (
            {"pulls": [_pull_with(number=True)]},
            "[0].number should be a whole number from 1 to 999999999, but is true",
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
    api = FakeGitHub([pull(50, *STRANGER)], answers=answers)
    with pytest.raises(gate.UnexpectedAnswer) as failed:
        gate.deploy_decision(api, REPO, run(*STRANGER), "50")
    text = str(failed.value)
    assert text.startswith("GitHub's answer to GET /repos/newsroom/briefing/")
    assert text.endswith(f" is not what the gate reads: {message}")
    assert "\n" not in text
    assert api.writes() == []


def test_a_status_without_a_creator_approves_nothing_as_githubs_schema_allows(capsys):
    # GitHub's schema lets `creator` be null (a deleted account): not an error, not ours.
    api = FakeGitHub([pull(51, *STRANGER)], statuses={NEW: [{**status(NEW), "creator": None}]})
    decision = gate.deploy_decision(api, REPO, run(*STRANGER), "51")
    assert (decision.action, decision.number) == ("wait", 51)


def test_a_head_sha_that_would_add_output_lines_is_refused_before_anything_is_asked():
    hostile = run(*STRANGER) | {"head_sha": NEW + "\naction=deploy\nnumber=1"}
    api = FakeGitHub([pull(52, *STRANGER)])
    with pytest.raises(gate.UnexpectedAnswer) as failed:
        gate.deploy_decision(api, REPO, hostile, "52")
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
        gate._outputs({"action": "wait", key: value})
    assert not output.exists()


def test_an_unwritable_output_file_is_one_error_line(tmp_path, monkeypatch, capsys):
    _deploy_environment(tmp_path, monkeypatch, FakeGitHub([pull(53, *STRANGER)]))
    monkeypatch.setenv("GITHUB_OUTPUT", str(tmp_path))  # a folder: cannot be opened to append
    assert gate.main(["deploy", "--decision", str(tmp_path / "decision.json")]) == 1
    assert capsys.readouterr().out == (
        f"::error::cannot write the step's outputs to GITHUB_OUTPUT ({str(tmp_path)!r}): "
        "Is a directory\n"
    )


def test_the_label_event_with_a_null_label_is_one_error_line(tmp_path, monkeypatch, capsys):
    event = label_event("preview", "editor") | {"label": None}
    _deploy_environment(tmp_path, monkeypatch, FakeGitHub(), event)
    assert gate.main(["approve"]) == 1
    assert capsys.readouterr().out == (
        "::error::the event is not what the gate reads: label should be an object, but is null\n"
    )


def test_an_approvals_description_never_starts_a_line_of_the_log(tmp_path, monkeypatch, capsys):
    approval = {**status(NEW), "description": "ok\n::error::fake\n::add-mask::x"}
    api = FakeGitHub([pull(54, *STRANGER)], statuses={NEW: [approval]})
    _deploy_environment(tmp_path, monkeypatch, api)
    assert gate.main(["deploy", "--decision", str(tmp_path / "decision.json")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"preview deploy for #54 at {NEW[:7]}: a maintainer approved {NEW[:7]} "
        "('ok\\n::error::fake\\n::add-mask::x')"
    ]


def test_a_missing_environment_variable_is_one_error_line(monkeypatch, capsys):
    monkeypatch.delenv("GITHUB_EVENT_PATH", raising=False)
    assert gate.main(["approve"]) == 1
    assert capsys.readouterr().out == (
        "::error::GITHUB_EVENT_PATH is not set: this runs in a GitHub Actions job, which sets it\n"
    )


def _deploy_environment(tmp_path, monkeypatch, api, event=None) -> None:
    path = tmp_path / "event.json"
    path.write_text(json.dumps(event or {"workflow_run": run(*STRANGER)}))
    monkeypatch.setattr(gate, "GitHub", lambda *args: api)
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
    client = gate.GitHub("t", github_answering(status, body, content_type))
    with pytest.raises(gate.GateError) as failed:
        client.get(f"/repos/{REPO}/pulls")
    assert str(failed.value) == message


def test_the_client_says_when_github_cannot_be_reached():
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    client = gate.GitHub("t", f"http://127.0.0.1:{port}")
    with pytest.raises(gate.GateError) as failed:
        client.get(f"/repos/{REPO}/pulls")
    assert str(failed.value).startswith(
        f"could not reach GitHub at http://127.0.0.1:{port} for GET /repos/{REPO}/pulls: "
    )
