"""A maintainer's approval of a pull request's preview, and its withdrawal
(preview-approve.yml).

- `/preview <commit>`, commented on a pull request by someone with write access (the
  collaborators API: admin, maintain or write), approves that commit: the full hash of
  the commit the maintainer read, which must still be the pull request's head. The gate
  records a `preview/approved` success status on it, puts the `preview` label on the pull
  request, and asks the deploy workflow for a new decision. A shortened hash is refused:
  seven hexadecimal digits can be matched by a commit pushed in the meantime.
- `/preview withdraw` (or `revoke`) from someone with write access, or taking the
  `preview` label off, withdraws it: a newer failure status on the head, the label off
  (an approval stands only while the label is on, so every earlier approval falls with
  it), and a new decision, which takes a published preview down.

The comment's author and the command get a reaction (+1 done, -1 refused) and a line in
the job's log. Nothing from the comment but the command's own word or hash is used.
"""

from __future__ import annotations

import sys
import urllib.parse
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from github_api import Api, api_from_env, checked, env, get_checked, read_json, run_main
from preview_gate import (
    APPROVERS,
    COMMAND,
    COMMENTED,
    CONTEXT,
    DEPLOY_WORKFLOW,
    LABEL,
    PULL,
    UNLABELLED,
    permission_of,
)


def on_comment(api: Api, repo: str, event: dict[str, Any]) -> tuple[bool, str]:
    """Carry out a `/preview` command commented on a pull request, if its author may."""
    event = checked(event, COMMENTED, "the event")
    comment, number = event["comment"], event["issue"]["number"]
    lines = comment["body"].strip().splitlines()
    command = COMMAND.fullmatch(lines[0].strip()) if lines else None
    if command is None:
        return False, "the comment is not a /preview command with a full commit hash"
    if "pull_request" not in event["issue"]:
        return False, f"#{number} is an issue, not a pull request"
    sender = comment["user"]["login"]
    permission = permission_of(api, repo, sender)
    if permission not in APPROVERS:
        _react(api, repo, comment["id"], "-1")
        return False, (
            f"{sender} has {permission} access; a preview is approved or withdrawn by "
            "someone with write access"
        )
    pull = get_checked(api, f"/repos/{repo}/pulls/{number}", PULL)
    branch = event["repository"]["default_branch"]
    if command.group(1) in ("withdraw", "revoke"):
        message = withdraw(api, repo, pull, sender, branch)
        _react(api, repo, comment["id"], "+1")
        return True, message
    approved, message = approve(api, repo, pull, command.group(1), sender, branch)
    _react(api, repo, comment["id"], "+1" if approved else "-1")
    return approved, message


def on_unlabel(api: Api, repo: str, event: dict[str, Any]) -> tuple[bool, str]:
    """Taking the `preview` label off a pull request withdraws its approval."""
    event = checked(event, UNLABELLED, "the event")
    if event["label"]["name"] != LABEL:
        return False, "not the preview label: nothing to do"
    number = event["pull_request"]["number"]
    pull = get_checked(api, f"/repos/{repo}/pulls/{number}", PULL)
    branch = event["repository"]["default_branch"]
    return True, withdraw(api, repo, pull, event["sender"]["login"], branch)


def approve(
    api: Api, repo: str, pull: dict[str, Any], sha: str, sender: str, branch: str
) -> tuple[bool, str]:
    """Approve `sha` if it is the open pull request's head."""
    number, head = pull["number"], pull["head"]["sha"]
    if pull["state"] != "open":
        return False, f"#{number} is closed: nothing to approve"
    if sha != head:
        return False, (
            f"{sender} approved {sha[:12]}, but the head of #{number} is now {head[:12]}: read "
            f"the commits since, then comment `/preview {head}`"
        )
    api.post(
        f"/repos/{repo}/statuses/{head}",
        {
            "state": "success",
            "context": CONTEXT,
            "description": f"approved by {sender} for {head[:7]}"[:140],
        },
    )
    api.post(f"/repos/{repo}/issues/{number}/labels", {"labels": [LABEL]})
    _ask_for_a_decision(api, repo, number, branch)
    return True, f"approved the preview of #{number} at {head[:7]} for {sender}"


def withdraw(api: Api, repo: str, pull: dict[str, Any], sender: str, branch: str) -> str:
    """Withdraw every approval of the pull request: a failure status on its head, the
    label off, and a new decision (which takes a published preview down)."""
    number, head = pull["number"], pull["head"]["sha"]
    api.post(
        f"/repos/{repo}/statuses/{head}",
        {
            "state": "failure",
            "context": CONTEXT,
            "description": f"approval withdrawn by {sender}"[:140],
        },
    )
    api.delete(f"/repos/{repo}/issues/{number}/labels/{urllib.parse.quote(LABEL)}")
    if pull["state"] == "open":
        _ask_for_a_decision(api, repo, number, branch)
    return f"withdrew the approval of #{number}'s preview (head {head[:7]}) for {sender}"


def _ask_for_a_decision(api: Api, repo: str, number: int, branch: str) -> None:
    """Run the deploy workflow for the pull request (a workflow_dispatch, which a job's
    token may start, unlike other events)."""
    api.post(
        f"/repos/{repo}/actions/workflows/{DEPLOY_WORKFLOW}/dispatches",
        {"ref": branch, "inputs": {"pull-request": str(number)}},
    )


def _react(api: Api, repo: str, comment_id: int, content: str) -> None:
    api.post(f"/repos/{repo}/issues/comments/{comment_id}/reactions", {"content": content})


def _approval() -> int:
    api, repo = api_from_env()
    event = read_json(env("GITHUB_EVENT_PATH"), "the event (GITHUB_EVENT_PATH)")
    handler = on_comment if env("GITHUB_EVENT_NAME") == "issue_comment" else on_unlabel
    done, message = handler(api, repo, event)
    print(message if done else f"nothing done: {message}")
    return 0


def main() -> int:
    return run_main(_approval)


if __name__ == "__main__":
    sys.exit(main())
