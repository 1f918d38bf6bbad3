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

Every answer the gate reads (GitHub's, and the event's) is checked against the shape the
gate reads from it, in one place (`checked`, with the shapes below), before anything is
decided from it: an answer of another shape is one `::error::` line naming the answer,
the place in it, what was expected and what came, and the job fails without deploying.
Every untrusted text the log shows goes through `shown`, and every value written to
GITHUB_OUTPUT must match its own pattern.
"""

from __future__ import annotations

import argparse
import json
import os
import re
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


class GateError(Exception):
    """What stops the gate, in one line; `main` prints it as a `::error::` line."""


class UnexpectedAnswer(GateError):
    """An answer (GitHub's, or the event's) that is not of the shape the gate reads."""


# ---------------------------------------------------------------------------------------
# The shapes of the answers the gate reads. A shape is a type (str, bool), a Text or a
# WholeNumber, {key: shape} for an object holding at least those keys, [shape] for a list
# of such items, or Nullable(shape). Only what the gate reads is checked, and null only
# where GitHub's own schema allows it.


@dataclass(frozen=True)
class Text:
    """Text that matches `pattern` whole; `meaning` says what that is, for the error."""

    pattern: str
    meaning: str


@dataclass(frozen=True)
class WholeNumber:
    """A JSON integer (not true or false, not 1.0) from 1 to 999,999,999."""


@dataclass(frozen=True)
class Nullable:
    shape: Any


SHA = Text(r"[0-9a-f]{40}([0-9a-f]{24})?", "a commit hash (40 or 64 hexadecimal digits)")
REPOSITORY = Text(r"[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}", "a repository's OWNER/NAME")
LOGIN = Text(r"[A-Za-z0-9][A-Za-z0-9-]{0,38}(\[bot\])?", "a GitHub login")
WORD = Text(r"[a-z_]{1,40}", "a word in lower case")
PULL = {
    "number": WholeNumber(),
    "state": Text("open|closed", "open or closed"),
    "author_association": Text(r"[A-Z_]{1,40}", "a word in capitals, such as MEMBER"),
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
    "created_at": Text(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "a time such as 2026-11-23T10:00:00Z"),
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
LABELLED = {
    "label": {"name": str},
    "sender": {"login": LOGIN},
    "pull_request": {"number": WholeNumber(), "state": PULL["state"], "head": {"sha": SHA}},
}


_MISSING = object()  # what came where a key was missing


def checked(value: Any, shape: Any, answer: str) -> Any:
    """`value` itself if it has `shape`; otherwise UnexpectedAnswer, naming `answer`, the
    place in it, what was expected and what came."""
    mismatch = _mismatch(value, shape, "")
    if mismatch is None:
        return value
    where, expected, got = mismatch
    raise UnexpectedAnswer(
        f"{answer} is not what the gate reads: {where or 'the answer'} should be "
        f"{expected}, but is {_described(got)}"
    )


def _mismatch(value: Any, shape: Any, where: str) -> tuple[str, str, Any] | None:
    """(where, what was expected, what came) for the first place `value` differs from
    `shape`, or None."""
    if isinstance(shape, Nullable):
        return None if value is None else _mismatch(value, shape.shape, where)
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            return where, "an object", value
        for key, inner in shape.items():
            place = f"{where}.{key}" if where else key
            if key not in value:
                return place, _expected(inner), _MISSING
            if (found := _mismatch(value[key], inner, place)) is not None:
                return found
        return None
    if isinstance(shape, list):
        if not isinstance(value, list):
            return where, "a list", value
        for number, item in enumerate(value):
            if (found := _mismatch(item, shape[0], f"{where}[{number}]")) is not None:
                return found
        return None
    return None if _fits(value, shape) else (where, _expected(shape), value)


def _fits(value: Any, shape: Any) -> bool:
    if isinstance(shape, Text):
        return isinstance(value, str) and re.fullmatch(shape.pattern, value) is not None
    if isinstance(shape, WholeNumber):
        return type(value) is int and 0 < value < 1_000_000_000
    return type(value) is shape


def _expected(shape: Any) -> str:
    if isinstance(shape, Nullable):
        return f"{_expected(shape.shape)} or null"
    if isinstance(shape, Text):
        return shape.meaning
    if isinstance(shape, WholeNumber):
        return "a whole number from 1 to 999999999"
    if isinstance(shape, dict | list):
        return "an object" if isinstance(shape, dict) else "a list"
    return {str: "text", bool: "true or false", dict: "an object"}.get(shape, "a list")


def _described(value: Any) -> str:
    """What came instead, as the log may show it."""
    if value is _MISSING:
        return "missing"
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int | float):
        return f"the number {shown(json.dumps(value))}"
    if isinstance(value, str):
        return f"the text {shown(value, 80)}"
    kind = "an object" if isinstance(value, dict) else "a list"
    return f"{kind} {shown(json.dumps(value), 60)}"


def _get(api: Api, path: str, shape: Any) -> Any:
    """GitHub's answer to GET `path`, checked against `shape`."""
    return checked(api.get(path), shape, f"GitHub's answer to GET {path}")


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
    pulls = _get(api, f"/repos/{repo}/pulls?{query}", [PULL])
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
    listed = _get(api, f"/repos/{repo}/actions/runs/{run['id']}/artifacts?per_page=100", ARTIFACTS)
    return {a["name"] for a in listed["artifacts"] if not a["expired"]}


def approval(api: Api, repo: str, sha: str) -> dict[str, Any] | None:
    """The newest approval status on `sha` written by this repository's workflows."""
    statuses = _get(api, f"/repos/{repo}/commits/{sha}/statuses?per_page=100", [STATUS])
    ours = [
        s
        for s in statuses
        if s["context"] == CONTEXT and s["creator"] is not None and s["creator"]["login"] == BOT
    ]
    newest = max(ours, key=lambda s: s["created_at"], default=None)
    return newest if newest is not None and newest["state"] == "success" else None


def deploy_decision(
    api: Api, repo: str, run: dict[str, Any], artifact_text: str | None
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
    head_repository = run["head_repository"]["full_name"]
    head = f"{shown(head_repository)} branch {shown(str(run['head_branch']))}"
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
    number = chosen["number"]
    if chosen["state"] != "open":
        return Decision("remove", f"#{number} is closed, so its preview is removed", number, sha)
    if chosen["head"]["sha"] != sha:
        current = chosen["head"]["sha"][:7]
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
    if chosen["author_association"] in TRUSTED_AUTHORS:
        role = chosen["author_association"].lower()
        return Decision("deploy", f"its author is a {role} of this repository", number, sha)
    approved = approval(api, repo, sha)
    if approved is not None:
        description = shown(approved["description"] or "", 140)
        return Decision("deploy", f"a maintainer approved {sha[:7]} ({description})", number, sha)
    labelled = any(label["name"] == LABEL for label in chosen["labels"])
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
    event = checked(event, LABELLED, "the event")
    if event["label"]["name"] != LABEL:
        return False, "not the preview label: nothing to do"
    pull, sender = event["pull_request"], event["sender"]["login"]
    sha, number = pull["head"]["sha"], pull["number"]
    quoted = urllib.parse.quote(sender, safe="")
    path = f"/repos/{repo}/collaborators/{quoted}/permission"
    permission = _get(api, path, PERMISSION)["permission"]
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
    """The GitHub REST API with the job's token (standard library only). `base` is the
    runner's GITHUB_API_URL, which no workflow sets (tests/test_workflows.py)."""

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
        call = f"{method} {path}"
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                raw = response.read()
        except urllib.error.HTTPError as error:
            if method == "DELETE" and error.code == 404:
                return None  # the label was not there
            raise GateError(f"GitHub answered {error.code} to {call}{_said(error)}") from None
        except (OSError, ValueError) as exc:  # URLError, a timeout, a reset connection
            reason = getattr(exc, "reason", None) or exc
            raise GateError(f"could not reach GitHub at {self.base} for {call}: {reason}") from None
        text = raw.decode("utf-8", errors="replace")
        try:
            return json.loads(text) if text.strip() else None
        except json.JSONDecodeError:
            raise UnexpectedAnswer(
                f"GitHub's answer to {call} is not JSON: it starts {shown(text.strip())}"
            ) from None

    def get(self, path: str) -> Any:
        return self._call("GET", path)

    def post(self, path: str, body: dict[str, Any]) -> Any:
        return self._call("POST", path, body)

    def delete(self, path: str) -> Any:
        return self._call("DELETE", path)


def _said(error: urllib.error.HTTPError) -> str:
    """GitHub's own message in an error answer (`{"message": ...}`), as the log may show it."""
    try:
        message = json.loads(error.read().decode("utf-8", errors="replace"))["message"]
    except (OSError, ValueError, TypeError, KeyError):
        return ""
    return f": {shown(str(message), 80)}"


# Each value the deploy job passes on to its later steps, and the only form it may take:
# a value that could hold a newline or another `key=` line is never written.
OUTPUTS = {
    "action": re.compile(r"deploy|remove|wait|skip|refuse"),
    "number": re.compile(r"[0-9]{0,9}"),
    "sha": re.compile(rf"({SHA.pattern})?"),
}


def _outputs(values: dict[str, str]) -> None:
    for key, value in values.items():
        if key not in OUTPUTS or not OUTPUTS[key].fullmatch(value):
            raise GateError(
                f"refused to write the step output {key}={shown(value)}: it must match "
                f"{OUTPUTS[key].pattern if key in OUTPUTS else 'a known output'}"
            )
    path = _env("GITHUB_OUTPUT")
    try:
        with open(path, "a", encoding="utf-8") as out:
            out.write("".join(f"{key}={value}\n" for key, value in values.items()))
    except OSError as exc:
        raise GateError(
            f"cannot write the step's outputs to GITHUB_OUTPUT ({shown(path, 80)}): "
            f"{exc.strerror or exc}"
        ) from None


def _env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise GateError(f"{name} is not set: this runs in a GitHub Actions job, which sets it")
    return value


def _read(path: str | None) -> str | None:
    if path is None or not Path(path).is_file():
        return None
    return Path(path).read_text(encoding="utf-8", errors="replace")


def _read_json(path: str, what: str) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GateError(f"cannot read {what} ({shown(path, 80)}): {exc}") from None


def _write(path: str, text: str, what: str) -> None:
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise GateError(f"cannot write {what} ({shown(path, 80)}): {exc.strerror}") from None


def _parser() -> argparse.ArgumentParser:
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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except GateError as exc:
        # One line: the messages are ours, with every untrusted part through shown().
        print("::error::" + " ".join(str(exc).splitlines()))
        return 1


def _run(args: argparse.Namespace) -> int:
    if args.command == "comment":
        decision = Decision(**_read_json(args.decision, "the decision"))
        text = comment(decision, args.url, _read(args.summary) or "(no summary was uploaded)")
        _write(args.out, text, "the comment")
        return 0

    event = _read_json(_env("GITHUB_EVENT_PATH"), "the event (GITHUB_EVENT_PATH)")
    repo = checked(_env("GITHUB_REPOSITORY"), REPOSITORY, "GITHUB_REPOSITORY")
    api = GitHub(_env("GITHUB_TOKEN"), os.environ.get("GITHUB_API_URL", "https://api.github.com"))
    if args.command == "approve":
        approved, message = approve(api, repo, event)
        print(message if approved else f"not approved: {message}")
        return 0

    run = checked(event, {"workflow_run": dict}, "the event")["workflow_run"]
    decision = deploy_decision(api, repo, run, _read(args.artifact))
    if decision.unlabel and decision.number is not None:
        api.delete(f"/repos/{repo}/issues/{decision.number}/labels/{LABEL}")
    _write(args.decision, json.dumps(asdict(decision)), "the decision")
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
