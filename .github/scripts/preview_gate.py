"""Who gets a pull-request preview, decided in the trusted workflows from what GitHub says.

The Preview run (preview.yml) builds a pull request with the pull request's own code, so
everything it uploads is untrusted, its `pr/number` included. Two trusted workflows run
this script from this repository's own checkout, never the pull request's:

- `deploy` (preview-deploy.yml, after each Preview run) finds the pull request from
  GitHub's record of the run: its head commit and head repository, and the pull requests
  the API lists for that head. An artifact whose number disagrees is refused. A closed pull
  request's preview is removed. An open one is deployed when its author is trusted (a
  branch of this repository, or an owner, member or collaborator) or when a maintainer has
  approved its exact head commit; otherwise the comment says why it waits.
- `approve` (preview-approve.yml, when a pull request is labelled `preview`) records a
  maintainer's approval as a commit status on the head commit GitHub reports at the moment
  of labelling. A new push is a new commit without that status, so it needs a new approval;
  `deploy` then takes the stale label off, so that a maintainer can give it again.

`comment` writes the sticky comment. Only the standard library is used: the trusted jobs
run this with the runner's python3 and install nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

LABEL = "preview"
CONTEXT = "preview/approved"  # the commit status that records an approval
BOT = "github-actions[bot]"  # the only author of that status we believe
TRUSTED_AUTHORS = ("OWNER", "MEMBER", "COLLABORATOR")
APPROVERS = ("admin", "maintain", "write")
# A GitHub comment holds 65,536 characters; leave room for our own words.
SUMMARY_LIMIT = 60_000

Action = Literal["deploy", "remove", "wait", "skip", "refuse"]


class Api(Protocol):
    """The few GitHub REST calls the gate makes (paths start with /repos/)."""

    def get(self, path: str) -> Any: ...

    def post(self, path: str, body: dict[str, Any]) -> Any: ...

    def delete(self, path: str) -> Any: ...


@dataclass(frozen=True)
class Decision:
    """What the deploy job does after one Preview run, and why (for the log and comment)."""

    action: Action
    reason: str
    number: int | None = None
    sha: str = ""
    unlabel: bool = False  # take off a `preview` label given to an earlier commit


def shown(text: str, limit: int = 40) -> str:
    """Untrusted text as the log may show it: one quoted line, so it can never start a
    workflow command (`::`) or fake a line of ours."""
    return repr(text[:limit] + ("…" if len(text) > limit else ""))


def read_artifact_number(text: str | None) -> tuple[int | None, str | None]:
    """(the number the untrusted run claims, or None; a problem with it, or None)."""
    if text is None:
        return None, None
    stripped = text.strip()
    if not stripped.isascii() or not stripped.isdigit() or len(stripped) > 9:
        return None, f"the artifact's pull-request number {shown(stripped)} is not a number"
    return int(stripped), None


def _head_repository(pull: dict[str, Any]) -> str | None:
    repo = pull["head"].get("repo")
    return None if repo is None else str(repo["full_name"])


def pulls_for_run(api: Api, repo: str, run: dict[str, Any]) -> list[dict[str, Any]]:
    """The pull requests into `repo` whose head is the run's head repository and branch, as
    the API lists them (a deleted fork's pull requests keep no head repository)."""
    head = run.get("head_repository") or {}
    owner = (head.get("owner") or {}).get("login", "")
    query = urllib.parse.urlencode(
        {"state": "all", "head": f"{owner}:{run.get('head_branch', '')}", "per_page": 100}
    )
    pulls = api.get(f"/repos/{repo}/pulls?{query}")
    return [
        p
        for p in pulls
        if p["base"]["repo"]["full_name"] == repo
        and _head_repository(p) in (head.get("full_name"), None)
    ]


def _choose(pulls: list[dict[str, Any]], sha: str, claimed: int | None) -> dict[str, Any] | str:
    """The pull request the run built, or why none can be chosen."""
    if claimed is not None:
        pulls = [p for p in pulls if p["number"] == claimed]
    else:
        pulls = [p for p in pulls if p["head"]["sha"] == sha] or pulls
    candidates = pulls
    if len(pulls) > 1:
        pulls = [p for p in pulls if p["state"] == "open"]
    if len(pulls) != 1:
        numbers = ", ".join(f"#{p['number']}" for p in candidates)
        return f"cannot tell which pull request the run built ({numbers}, {len(pulls)} open)"
    return pulls[0]


def uploaded(api: Api, repo: str, run: dict[str, Any]) -> set[str]:
    """The names of the artifacts the run uploaded, as GitHub lists them."""
    listed = api.get(f"/repos/{repo}/actions/runs/{int(run['id'])}/artifacts?per_page=100")
    return {str(a["name"]) for a in listed["artifacts"] if not a.get("expired")}


def approval(api: Api, repo: str, sha: str) -> dict[str, Any] | None:
    """The newest approval status on `sha` written by this repository's workflows."""
    statuses = api.get(f"/repos/{repo}/commits/{sha}/statuses?per_page=100")
    ours = [s for s in statuses if s["context"] == CONTEXT and s["creator"]["login"] == BOT]
    newest = max(ours, key=lambda s: s["created_at"], default=None)
    return newest if newest is not None and newest["state"] == "success" else None


def deploy_decision(
    api: Api, repo: str, run: dict[str, Any], artifact_text: str | None
) -> Decision:
    """What to do after one Preview run, from GitHub's record of it; the artifact's number
    is only checked against that record, never used on its own."""
    sha = str(run.get("head_sha", ""))
    if run.get("event") != "pull_request":
        return Decision("skip", f"the run was started by {shown(str(run.get('event')))}", sha=sha)
    claimed, problem = read_artifact_number(artifact_text)
    if problem:
        return Decision("refuse", f"{problem}: refused", sha=sha)
    pulls = pulls_for_run(api, repo, run)
    head_repository = str((run.get("head_repository") or {}).get("full_name"))
    head = f"{shown(head_repository)} branch {shown(str(run.get('head_branch')))}"
    if not pulls:
        return Decision("refuse", f"GitHub lists no pull request into {repo} from {head}", sha=sha)
    if claimed is not None and claimed not in {p["number"] for p in pulls}:
        listed = ", ".join(f"#{p['number']}" for p in pulls)
        return Decision(
            "refuse",
            f"the artifact names pull request #{claimed}, but GitHub lists {listed} for "
            f"{head} at {sha[:7]}: refused (a Preview run cannot choose the pull request it "
            "is deployed to)",
            sha=sha,
        )
    chosen = _choose(pulls, sha, claimed)
    if isinstance(chosen, str):
        return Decision("refuse", f"{chosen} for {head}: refused", sha=sha)
    number = int(chosen["number"])
    if chosen["state"] != "open":
        return Decision("remove", f"#{number} is closed, so its preview is removed", number, sha)
    if chosen["head"]["sha"] != sha:
        current = str(chosen["head"]["sha"])[:7]
        return Decision(
            "skip",
            f"#{number} has moved on to {current}; that commit's own run deploys it",
            number,
            sha,
        )
    if "site" not in uploaded(api, repo, run):
        # A run that built nothing (the pull request was labelled with another label).
        return Decision("skip", "the run uploaded no site", number, sha)
    if _head_repository(chosen) == repo:
        return Decision("deploy", "it comes from a branch of this repository", number, sha)
    if chosen.get("author_association") in TRUSTED_AUTHORS:
        role = str(chosen["author_association"]).lower()
        return Decision("deploy", f"its author is a {role} of this repository", number, sha)
    approved = approval(api, repo, sha)
    if approved is not None:
        return Decision(
            "deploy", f"a maintainer approved {sha[:7]} ({approved['description']})", number, sha
        )
    labelled = any(label["name"] == LABEL for label in chosen.get("labels", []))
    if labelled:
        reason = (
            f"the `{LABEL}` label was given to an earlier commit, and {sha[:7]} has been "
            "pushed since: a maintainer must read the new commits and label the pull "
            "request again"
        )
    else:
        reason = (
            "previews of pull requests from forks by people outside the project are "
            f"published only after a maintainer has read the change and labelled it `{LABEL}` "
            f"(this approves commit {sha[:7]} only; each new push needs the label again)"
        )
    return Decision("wait", reason, number, sha, unlabel=labelled)


def approve(api: Api, repo: str, event: dict[str, Any]) -> tuple[bool, str]:
    """Record the approval a `preview` label gives, on the head commit GitHub reports with
    the labelling, if the person labelling may approve."""
    if event.get("label", {}).get("name") != LABEL:
        return False, "not the preview label: nothing to do"
    pull, sender = event["pull_request"], event["sender"]["login"]
    sha, number = pull["head"]["sha"], pull["number"]
    quoted = urllib.parse.quote(sender, safe="")
    permission = api.get(f"/repos/{repo}/collaborators/{quoted}/permission")["permission"]
    if permission not in APPROVERS:
        api.delete(f"/repos/{repo}/issues/{number}/labels/{LABEL}")
        return False, (
            f"@{sender} has {permission} access; a preview is approved by someone with write "
            "access: label removed"
        )
    if pull["state"] != "open":
        return False, f"#{number} is closed: nothing to approve"
    api.post(
        f"/repos/{repo}/statuses/{sha}",
        {
            "state": "success",
            "context": CONTEXT,
            "description": f"preview approved by @{sender} for {sha[:7]}"[:140],
        },
    )
    return True, f"approved the preview of #{number} at {sha[:7]} for @{sender}"


def comment(decision: Decision, preview_url: str, summary: str) -> str:
    """The sticky comment: the preview and the build's summary, or why there is none."""
    sha = decision.sha[:7]
    if decision.action == "deploy":
        if len(summary) > SUMMARY_LIMIT:
            summary = summary[:SUMMARY_LIMIT] + "\n\n(cut: the summary is longer than a comment)"
        return (
            f"### Preview of {sha}\n\n{preview_url}\n\nPublished because {decision.reason}. "
            "It is built by this pull request's own code, so it shows what the change "
            "would publish.\n\n#### What this pull request's build says changes in the "
            f"facts\n\n{summary}\n"
        )
    if decision.action == "wait":
        return f"### Preview of {sha} waiting\n\nNo preview yet: {decision.reason}.\n"
    if decision.action == "remove":
        return f"### Preview removed\n\n{decision.reason}.\n"
    return ""


class GitHub:
    """The GitHub REST API with the job's token (standard library only)."""

    def __init__(self, token: str, base: str = "https://api.github.com") -> None:
        self.token, self.base = token, base.rstrip("/")

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        request = urllib.request.Request(
            self.base + path,
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={
                "Authorization": f"Bearer {self.token}",
                "Accept": "application/vnd.github+json",
                "X-GitHub-Api-Version": "2022-11-28",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                text = response.read().decode()
        except urllib.error.HTTPError as error:
            if method == "DELETE" and error.code == 404:
                return None  # the label was not there
            raise SystemExit(f"::error::GitHub answered {error.code} to {method} {path}") from None
        return json.loads(text) if text else None

    def get(self, path: str) -> Any:
        return self._call("GET", path)

    def post(self, path: str, body: dict[str, Any]) -> Any:
        return self._call("POST", path, body)

    def delete(self, path: str) -> Any:
        return self._call("DELETE", path)


def _read(path: str | None) -> str | None:
    if path is None or not Path(path).is_file():
        return None
    return Path(path).read_text(encoding="utf-8", errors="replace")


def _outputs(values: dict[str, str]) -> None:
    with open(os.environ["GITHUB_OUTPUT"], "a", encoding="utf-8") as out:
        for key, value in values.items():
            out.write(f"{key}={value}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    deploy = commands.add_parser("deploy", help="decide after a Preview run")
    deploy.add_argument("--artifact", help="the run's pr/number, if it uploaded one")
    deploy.add_argument("--decision", required=True, help="where to write the decision (JSON)")
    commands.add_parser("approve", help="record a maintainer's `preview` label")
    write = commands.add_parser("comment", help="write the sticky comment")
    write.add_argument("--decision", required=True)
    write.add_argument("--summary", help="the run's pr/diff.md")
    write.add_argument("--url", default="", help="the preview's address")
    write.add_argument("--out", required=True)
    args = parser.parse_args(argv)

    if args.command == "comment":
        decision = Decision(**json.loads(Path(args.decision).read_text(encoding="utf-8")))
        text = comment(decision, args.url, _read(args.summary) or "(no summary was uploaded)")
        Path(args.out).write_text(text, encoding="utf-8")
        return 0

    event = json.loads(Path(os.environ["GITHUB_EVENT_PATH"]).read_text(encoding="utf-8"))
    repo = os.environ["GITHUB_REPOSITORY"]
    api = GitHub(
        os.environ["GITHUB_TOKEN"], os.environ.get("GITHUB_API_URL", "https://api.github.com")
    )
    if args.command == "approve":
        approved, message = approve(api, repo, event)
        print(message if approved else f"not approved: {message}")
        return 0

    decision = deploy_decision(api, repo, event["workflow_run"], _read(args.artifact))
    if decision.unlabel and decision.number is not None:
        api.delete(f"/repos/{repo}/issues/{decision.number}/labels/{LABEL}")
    Path(args.decision).write_text(json.dumps(asdict(decision)), encoding="utf-8")
    number = "" if decision.number is None else str(decision.number)
    _outputs({"action": decision.action, "number": number, "sha": decision.sha})
    if decision.action == "refuse":
        print(f"::error::preview refused: {decision.reason}")
        return 1
    print(
        f"preview {decision.action} for #{number or '?'} at {decision.sha[:7]}: {decision.reason}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
