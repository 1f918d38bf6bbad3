"""Who gets a pull-request preview, and where, decided in the trusted workflows from what
GitHub says.

The Preview run (preview.yml) builds a pull request with the pull request's own code, so
everything it uploads is untrusted, its `pr/number` included. The trusted workflows run
this script from this repository's own checkout, never the pull request's:

- `deploy` (preview-deploy.yml) decides after each Preview run, or when a maintainer's
  approval or withdrawal asks for a new decision. It finds the pull request from GitHub's
  record of the run (its head commit and head repository, and the pull requests the API
  lists for that head) and refuses an artifact whose number disagrees. A closed pull
  request's preview is removed. An open one is built into a preview when it comes from a
  branch of this repository or from someone with write access (the collaborators API, the
  same test as for approvers), or when a maintainer has approved its exact head commit and
  not withdrawn the approval; otherwise the comment says why it waits.
- `approval` (preview-approve.yml) handles a maintainer's `/preview <commit>` comment
  (approve that full commit hash, if it is still the head) and `/preview withdraw`, or the
  `preview` label being taken off (withdraw): a commit status on the head, the label, and
  a new decision for the pull request.
- `comment` writes the one sticky comment, with contributor text quoted (comment_text.py).

Where a preview goes is the project's choice (`Settings`): a Pages repository on another
origin, or, for branches of this repository only and if the project opts in, the site's
own origin; without either, a preview is a downloadable artifact and never pages on the
site's own origin.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import urllib.parse
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

sys.path.insert(0, str(Path(__file__).resolve().parent))

from github_api import (
    BOT,
    BRANCH,
    LOGIN,
    REPOSITORY,
    SHA,
    TIME,
    WORD,
    Api,
    GateError,
    GitHub,
    NotFound,
    Nullable,
    Text,
    UnexpectedAnswer,
    WholeNumber,
    api_from_env,
    checked,
    env,
    get_checked,
    read_json,
    read_text,
    run_main,
    shown,
    write_outputs,
    write_text,
)

__all__ = ["GateError", "GitHub", "UnexpectedAnswer"]

LABEL = "preview"  # on a pull request while a maintainer's approval stands
CONTEXT = "preview/approved"  # the commit status that records an approval or a withdrawal
APPROVERS = ("admin", "maintain", "write")
PREVIEW_WORKFLOW = "preview.yml"
DEPLOY_WORKFLOW = "preview-deploy.yml"
MARKER = "<!-- briefing-preview -->"  # the first line of our sticky comment
COMMAND = re.compile(r"/preview\s+(withdraw|revoke|[0-9a-f]{40}|[0-9a-f]{64})")

Action = Literal["deploy", "remove", "wait", "skip", "refuse"]
Target = Literal["elsewhere", "origin", "artifact", ""]


@dataclass(frozen=True)
class Decision:
    """What the deploy workflow does for one pull request, and why (for the log and the
    comment). `run` is the Preview run whose site is deployed; `target` where it goes."""

    action: Action
    reason: str
    number: int | None = None
    sha: str = ""
    run: int | None = None
    target: Target = ""


@dataclass(frozen=True)
class Settings:
    """Where previews go, from the repository variables PREVIEW_REPOSITORY (a Pages
    repository owned by another account: another origin) and PREVIEW_ON_ORIGIN (`true`:
    previews of this repository's own branches on the site's origin)."""

    elsewhere: str = ""
    on_origin: bool = False

    @classmethod
    def read(cls, repo: str, elsewhere: str, on_origin: str) -> Settings:
        if on_origin not in ("", "true", "false"):
            raise GateError(
                f"the repository variable PREVIEW_ON_ORIGIN is {shown(on_origin)}: set it to "
                "true (previews of this repository's branches on the site's own origin) or "
                "false, or remove it"
            )
        if elsewhere:
            checked(elsewhere, REPOSITORY, "the repository variable PREVIEW_REPOSITORY")
            owner = repo.split("/")[0].lower()
            if elsewhere.split("/")[0].lower() == owner:
                raise GateError(
                    f"the repository variable PREVIEW_REPOSITORY names {elsewhere}, owned by "
                    f"{owner} like this repository: its pages would be served from the same "
                    f"origin, https://{owner}.github.io, as the published site. Name a Pages "
                    "repository owned by another account or organisation, or remove it"
                )
        return cls(elsewhere, on_origin == "true")

    def target(self, from_branch: bool) -> Target:
        if self.elsewhere:
            return "elsewhere"
        return "origin" if from_branch and self.on_origin else "artifact"


# The shapes of GitHub's answers and events, as the gate reads them (github_api.checked).
PULL = {
    "number": WholeNumber(),
    "state": Text("open|closed", "open or closed"),
    "user": {"login": LOGIN},
    "labels": [{"name": str}],
    "head": {"sha": SHA, "repo": Nullable({"full_name": REPOSITORY})},
    "base": {"repo": {"full_name": REPOSITORY}},
}
# GitHub's schema lets a status's creator be null (a deleted account): such a status is not
# this repository's workflow's, so it approves nothing, but it is not an error either.
STATUS = {
    "context": str,
    "state": WORD,
    "creator": Nullable({"login": str}),
    "created_at": TIME,
    "description": Nullable(str),
}
ARTIFACTS = {"artifacts": [{"name": str, "expired": bool}]}
PERMISSION = {"permission": WORD}
RUN = {
    "id": WholeNumber(),
    "event": str,
    "head_sha": SHA,
    "head_branch": Nullable(str),
    "head_repository": {"full_name": REPOSITORY, "owner": {"login": LOGIN}},
}
RUNS = {"workflow_runs": [RUN]}
FILES = [{"filename": str, "status": WORD}]
COMMENTS = [{"id": WholeNumber(), "user": Nullable({"login": str}), "body": Nullable(str)}]
REPOSITORY_EVENT = {"default_branch": BRANCH}
COMMENTED = {
    "comment": {"id": WholeNumber(), "body": str, "user": {"login": LOGIN}},
    "issue": {"number": WholeNumber()},
    "repository": REPOSITORY_EVENT,
}
UNLABELLED = {
    "label": {"name": str},
    "sender": {"login": LOGIN},
    "pull_request": {"number": WholeNumber()},
    "repository": REPOSITORY_EVENT,
}
DISPATCHED = {"inputs": {"pull-request": Text(r"[1-9][0-9]{0,8}", "a pull-request number")}}


# ---------------------------------------------------------------------------------------
# Which pull request a Preview run built


def read_artifact_number(text: str | None) -> tuple[int | None, str | None]:
    """(the number the untrusted run claims, or None; a problem with it, or None)."""
    if text is None:
        return None, None
    stripped = text.strip()
    if not stripped.isascii() or not stripped.isdigit() or len(stripped) > 9:
        return None, f"the artifact's pull-request number {shown(stripped)} is not a number"
    return int(stripped), None


def _head_repository(pull: dict[str, Any]) -> str | None:
    repo = pull["head"]["repo"]
    return None if repo is None else str(repo["full_name"])


def pulls_for_run(api: Api, repo: str, run: dict[str, Any]) -> list[dict[str, Any]]:
    """The pull requests into `repo` whose head is the run's head repository and branch, as
    the API lists them (a deleted fork's pull requests keep no head repository). `run` is
    checked (RUN)."""
    head = run["head_repository"]
    query = urllib.parse.urlencode(
        {
            "state": "all",
            "head": f"{head['owner']['login']}:{run['head_branch'] or ''}",
            "per_page": 100,
        }
    )
    pulls = get_checked(api, f"/repos/{repo}/pulls?{query}", [PULL])
    return [
        p
        for p in pulls
        if p["base"]["repo"]["full_name"] == repo
        and _head_repository(p) in (head["full_name"], None)
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
    path = f"/repos/{repo}/actions/runs/{run['id']}/artifacts?per_page=100"
    return {a["name"] for a in get_checked(api, path, ARTIFACTS)["artifacts"] if not a["expired"]}


def newest_preview_run(api: Api, repo: str, pull: dict[str, Any]) -> dict[str, Any] | None:
    """The newest successful Preview run of the pull request's head commit, from its head
    repository, or None while there is none."""
    sha = pull["head"]["sha"]
    query = urllib.parse.urlencode(
        {"head_sha": sha, "event": "pull_request", "status": "success", "per_page": 100}
    )
    path = f"/repos/{repo}/actions/workflows/{PREVIEW_WORKFLOW}/runs?{query}"
    runs = get_checked(api, path, RUNS)["workflow_runs"]
    ours = [
        r
        for r in runs
        if r["head_sha"] == sha
        and r["event"] == "pull_request"
        and r["head_repository"]["full_name"] in (_head_repository(pull), None)
    ]
    return max(ours, key=lambda r: r["id"], default=None)


# ---------------------------------------------------------------------------------------
# Whether, and where, to publish


def permission_of(api: Api, repo: str, login: str) -> str:
    """What the collaborators API says `login` may do here: admin, write (maintain is
    reported as write), read (triage too) or none; a 404 (someone GitHub will not name) is
    none."""
    quoted = urllib.parse.quote(login, safe="")
    path = f"/repos/{repo}/collaborators/{quoted}/permission"
    try:
        return str(get_checked(api, path, PERMISSION)["permission"])
    except NotFound:
        return "none"


def trusted_because(api: Api, repo: str, pull: dict[str, Any]) -> str | None:
    """Why the pull request's own code may be previewed without an approval, or None:
    it comes from a branch here, or its author has write access (as an approver must)."""
    if _head_repository(pull) == repo:
        return "it comes from a branch of this repository"
    login = pull["user"]["login"]
    permission = permission_of(api, repo, login)
    if permission in APPROVERS:
        return f"its author, {login}, has {permission} access to this repository"
    return None


def approval_of(api: Api, repo: str, sha: str, labelled: bool) -> tuple[str, str]:
    """("approved", description), ("withdrawn", description) or ("none", ""): the newest
    approval status this repository's workflows wrote on `sha`, which stands only while
    the pull request carries the `preview` label."""
    statuses = get_checked(api, f"/repos/{repo}/commits/{sha}/statuses?per_page=100", [STATUS])
    ours = [
        s
        for s in statuses
        if s["context"] == CONTEXT and s["creator"] is not None and s["creator"]["login"] == BOT
    ]
    newest = max(ours, key=lambda s: s["created_at"], default=None)
    if newest is None:
        return "none", ""
    description = newest["description"] or ""
    if newest["state"] == "success" and labelled:
        return "approved", description
    if newest["state"] == "success":
        return "withdrawn", "the `preview` label was taken off"
    return "withdrawn", description


def _waiting(sha: str, approved_before: bool) -> str:
    command = f"`/preview {sha}`"
    if approved_before:
        return (
            f"a maintainer approved an earlier commit, and {sha[:7]} has been pushed since: "
            f"a maintainer must read the new commits and comment {command}"
        )
    return (
        "previews of pull requests by people without write access are built only after a "
        "maintainer has read the change and approved its commit by commenting "
        f"{command} (this approves commit {sha[:7]} only; each new push needs a new approval)"
    )


def decide(
    api: Api,
    repo: str,
    pull: dict[str, Any],
    sha: str,
    run: dict[str, Any] | None,
    settings: Settings,
) -> Decision:
    """What to do for the pull request GitHub's record established, whose run (if any)
    built commit `sha`."""
    number = pull["number"]
    target = settings.target(_head_repository(pull) == repo)
    if pull["state"] != "open":
        if target == "artifact":
            return Decision(
                "skip", f"#{number} is closed, and no preview was published", number, sha
            )
        return Decision(
            "remove", f"#{number} is closed, so its preview is removed", number, sha, target=target
        )
    if pull["head"]["sha"] != sha:
        current = pull["head"]["sha"][:7]
        return Decision(
            "skip",
            f"#{number} has moved on to {current}; that commit's own run deploys it",
            number,
            sha,
        )
    because = trusted_because(api, repo, pull)
    if because is None:
        labelled = any(label["name"] == LABEL for label in pull["labels"])
        state, description = approval_of(api, repo, sha, labelled)
        if state == "none":
            return Decision("wait", _waiting(sha, labelled), number, sha)
        if state == "withdrawn":
            why = f"the approval of {sha[:7]} was withdrawn ({shown(description, 140)})"
            if target == "artifact":
                return Decision("wait", f"{why}; {_waiting(sha, False)}", number, sha)
            return Decision(
                "remove", f"{why}, so the preview is taken down", number, sha, target=target
            )
        because = f"a maintainer approved {sha[:7]} ({shown(description, 140)})"
    if run is None:
        return Decision(
            "skip", f"no Preview run of {sha[:7]} has finished yet; its end decides", number, sha
        )
    if "site" not in uploaded(api, repo, run):
        return Decision("skip", "the run uploaded no site", number, sha)
    return Decision("deploy", because, number, sha, run["id"], target)


def deploy_decision(
    api: Api, repo: str, run: dict[str, Any], artifact_text: str | None, settings: Settings
) -> Decision:
    """What to do after one Preview run, from GitHub's record of it; the artifact's number
    is only checked against that record, never used on its own."""
    run = checked(run, RUN, "the event's workflow_run")
    sha = run["head_sha"]
    if run["event"] != "pull_request":
        return Decision("skip", f"the run was started by {shown(run['event'])}", sha=sha)
    claimed, problem = read_artifact_number(artifact_text)
    if problem:
        return Decision("refuse", f"{problem}: refused", sha=sha)
    pulls = pulls_for_run(api, repo, run)
    head = f"{shown(run['head_repository']['full_name'])} branch {shown(str(run['head_branch']))}"
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
    return decide(api, repo, chosen, sha, run, settings)


def dispatched_decision(api: Api, repo: str, number: int, settings: Settings) -> Decision:
    """A new decision for pull request `number` at its current head (after an approval or
    a withdrawal), with the newest successful Preview run of that head."""
    pull = get_checked(api, f"/repos/{repo}/pulls/{number}", PULL)
    return decide(
        api, repo, pull, pull["head"]["sha"], newest_preview_run(api, repo, pull), settings
    )


# ---------------------------------------------------------------------------------------
# The job


# Each value the deploy job passes on to its later jobs, and the only form it may take.
OUTPUTS = {
    "action": re.compile(r"deploy|remove|wait|skip|refuse"),
    "number": re.compile(r"[0-9]{0,9}"),
    "sha": re.compile(rf"({SHA.pattern})?"),
    "run": re.compile(r"[0-9]{0,12}"),
    "target": re.compile(r"elsewhere|origin|artifact|"),
}


def settings_from_env(repo: str) -> Settings:
    return Settings.read(
        repo, os.environ.get("PREVIEW_REPOSITORY", ""), os.environ.get("PREVIEW_ON_ORIGIN", "")
    )


def _decision_for_event(api: Api, repo: str, artifact: str | None) -> Decision:
    settings = settings_from_env(repo)
    event = read_json(env("GITHUB_EVENT_PATH"), "the event (GITHUB_EVENT_PATH)")
    if env("GITHUB_EVENT_NAME") == "workflow_dispatch":
        number = int(checked(event, DISPATCHED, "the event")["inputs"]["pull-request"])
        return dispatched_decision(api, repo, number, settings)
    run = checked(event, {"workflow_run": dict}, "the event")["workflow_run"]
    return deploy_decision(api, repo, run, read_text(artifact), settings)


def _deploy(args: argparse.Namespace) -> int:
    api, repo = api_from_env()
    decision = _decision_for_event(api, repo, args.artifact)
    write_text(args.decision, json.dumps(asdict(decision)), "the decision")
    values = {
        "action": decision.action,
        "number": "" if decision.number is None else str(decision.number),
        "sha": decision.sha,
        "run": "" if decision.run is None else str(decision.run),
        "target": decision.target,
    }
    write_outputs(values, OUTPUTS)
    if decision.action == "refuse":
        print(f"::error::preview refused: {decision.reason}")
        return 1
    print(
        f"preview {decision.action} for #{values['number'] or '?'} at {decision.sha[:7]}"
        f"{' to ' + decision.target if decision.target else ''}: {decision.reason}"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--artifact", help="the Preview run's pr/number, if it uploaded one")
    parser.add_argument("--decision", required=True, help="where to write the decision (JSON)")
    args = parser.parse_args(argv)
    return run_main(lambda: _deploy(args))


if __name__ == "__main__":
    sys.exit(main())
