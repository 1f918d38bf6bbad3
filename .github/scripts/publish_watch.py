"""A publish of `main` that fails or is cancelled is tried again, and reported loudly when
it keeps failing (publish-watch.yml, after every Publish run).

Runs are cancelled by more than failures: a newer run in the same concurrency group, a
runner lost, or (before outside contributors' runs needed approval) a fork's workflow in
our group. A correction that never reaches readers is the failure that matters here, so:

- if `main` has moved on since the run's commit, the newer commit's own publish carries
  this one too: nothing to do;
- if a run for that commit has since succeeded: nothing to do;
- if fewer than ATTEMPTS runs for it have ended without success, Publish is started again
  (a workflow_dispatch, which a job's token may start);
- otherwise an issue titled TITLE is opened (or commented on, if one is open), and this job
  fails, so the run is red in the Actions list as well.
"""

from __future__ import annotations

import sys
import urllib.parse
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from github_api import (
    BOT,
    REPOSITORY,
    SHA,
    WORD,
    Api,
    Nullable,
    WholeNumber,
    api_from_env,
    checked,
    env,
    get_checked,
    read_json,
    run_main,
    shown,
)

ATTEMPTS = 3
WORKFLOW = "publish.yml"
TITLE = "Publishing the site failed"
FINISHED = {
    "id": WholeNumber(),
    "event": str,
    "conclusion": Nullable(WORD),
    "head_sha": SHA,
    "head_branch": Nullable(str),
    "head_repository": {"full_name": REPOSITORY},
}
RUNS = {"workflow_runs": [{"id": WholeNumber(), "status": WORD, "conclusion": Nullable(WORD)}]}
ISSUES = [{"number": WholeNumber(), "title": str, "user": Nullable({"login": str})}]


def watch(api: Api, repo: str, run: dict[str, Any], branch: str, server: str) -> tuple[str, str]:
    """(what was done: nothing, retry or report; why), after one finished Publish run."""
    run = checked(run, FINISHED, "the event's workflow_run")
    sha = run["head_sha"]
    if run["conclusion"] == "success":
        return "nothing", f"the publish of {sha[:7]} succeeded"
    if run["head_repository"]["full_name"] != repo or run["event"] not in (
        "push",
        "workflow_dispatch",
    ):
        return (
            "nothing",
            f"the run was not a publish of this repository (event {shown(run['event'])})",
        )
    quoted = urllib.parse.quote(branch, safe="")
    head = get_checked(api, f"/repos/{repo}/branches/{quoted}", {"commit": {"sha": SHA}})
    if head["commit"]["sha"] != sha:
        return "nothing", (
            f"{branch} has moved on to {head['commit']['sha'][:7]}; its own publish carries "
            f"{sha[:7]} too"
        )
    query = urllib.parse.urlencode({"head_sha": sha, "per_page": 100})
    runs = get_checked(api, f"/repos/{repo}/actions/workflows/{WORKFLOW}/runs?{query}", RUNS)
    ended = [r for r in runs["workflow_runs"] if r["status"] == "completed"]
    if any(r["conclusion"] == "success" for r in ended):
        return "nothing", f"another run has published {sha[:7]} since"
    unfinished = [r for r in ended if r["conclusion"] != "success"]
    outcome = f"the publish of {sha[:7]} ended {run['conclusion'] or 'without a conclusion'}"
    if len(unfinished) < ATTEMPTS:
        api.post(
            f"/repos/{repo}/actions/workflows/{WORKFLOW}/dispatches", {"ref": branch, "inputs": {}}
        )
        return "retry", f"{outcome} ({len(unfinished)} of {ATTEMPTS} tries): started again"
    report(
        api,
        repo,
        f"{outcome}, {len(unfinished)} times: see {server}/{repo}/actions/runs/{run['id']}",
    )
    return "report", f"{outcome} {len(unfinished)} times: reported in an issue titled {TITLE!r}"


def report(api: Api, repo: str, what: str) -> None:
    """Open the issue that says publishing fails, or add to the open one."""
    body = (
        f"{what}.\n\nReaders still see the previous site, so a correction may not have "
        "reached them. Read the failed runs' logs, fix the cause, then start the Publish "
        "workflow again (Actions → Publish → Run workflow) and close this issue."
    )
    query = urllib.parse.urlencode({"state": "open", "creator": BOT, "per_page": 100})
    issues = get_checked(api, f"/repos/{repo}/issues?{query}", ISSUES)
    existing = next((i for i in issues if i["title"] == TITLE), None)
    if existing is None:
        api.post(f"/repos/{repo}/issues", {"title": TITLE, "body": body})
    else:
        api.post(f"/repos/{repo}/issues/{existing['number']}/comments", {"body": body})


def _watch() -> int:
    api, repo = api_from_env()
    event = read_json(env("GITHUB_EVENT_PATH"), "the event (GITHUB_EVENT_PATH)")
    run = checked(event, {"workflow_run": dict}, "the event")["workflow_run"]
    branch = checked(event, {"repository": {"default_branch": str}}, "the event")["repository"][
        "default_branch"
    ]
    server = env("GITHUB_SERVER_URL")
    done, why = watch(api, repo, run, branch, server)
    if done == "report":
        print(f"::error::{why}")
        return 1
    print(f"::warning::{why}" if done == "retry" else why)
    return 0


def main() -> int:
    return run_main(_watch)


if __name__ == "__main__":
    sys.exit(main())
