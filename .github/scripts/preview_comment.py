"""The one sticky comment on a pull request (preview-deploy.yml's last job): the preview
or where to download it, the files a reviewer must read, and the build's summary of what
changes in the facts; or why there is no preview yet.

It is written by github-actions[bot], so contributor text goes in quoted, never as
Markdown (comment_text.py): file names in code spans, and the summary, which the pull
request's own code computed, as Markdown only when it is inert. The summary is posted only
with a preview that may be built: a waiting pull request gets our own words and its list
of files. The comment is found again by its first line (MARKER) among the bot's comments
and edited in place.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from comment_text import code_span, quoted_summary
from github_api import (
    BOT,
    Api,
    api_from_env,
    get_checked,
    read_json,
    read_text,
    run_main,
)
from preview_gate import COMMENTS, FILES, MARKER, Decision

SUMMARY_LIMIT = 55_000  # a comment holds 65,536 characters; ours need the rest
LISTED_FILES = 50
# What a pull request may change without a reviewer reading code: the fact sheets and the
# sources. Everything else (hand-written pages, which accept raw HTML, the theme, assets,
# the generator, the workflows) is code that runs in the build or in readers' browsers.
CONTENT_FOLDERS = ("briefings/", "seeds/")
_ADDRESS = re.compile(r"https://[A-Za-z0-9.-]+(/[A-Za-z0-9._~/-]*)?")
_SERVER = re.compile(r"https://[A-Za-z0-9.-]+")


def changed_files(api: Api, repo: str, number: int) -> list[dict[str, Any]]:
    """The pull request's files as GitHub lists them (at most 3,000, 100 a page)."""
    files: list[dict[str, Any]] = []
    for page in range(1, 31):
        path = f"/repos/{repo}/pulls/{number}/files?per_page=100&page={page}"
        batch = get_checked(api, path, FILES)
        files += batch
        if len(batch) < 100:
            break
    return files


def code_changes(files: list[dict[str, Any]]) -> list[str]:
    """The section listing the files outside the fact sheets and sources."""
    code = [f for f in files if not f["filename"].startswith(CONTENT_FOLDERS)]
    if not code:
        return ["It changes only fact sheets and sources (`briefings/`, `seeds/`).", ""]
    lines = [
        "#### Code changes a reviewer must read",
        "",
        f"{len(code)} changed files lie outside `briefings/` and `seeds/`: hand-written pages "
        "(which accept raw HTML), the theme, assets, the generator or the workflows, which "
        "run in the build or in readers' browsers. Read them before approving.",
        "",
    ]
    lines += [f"- {code_span(f['filename'])} ({f['status']})" for f in code[:LISTED_FILES]]
    if len(code) > LISTED_FILES:
        lines.append(f"- and {len(code) - LISTED_FILES} more")
    return [*lines, ""]


def comment_text(
    decision: Decision,
    preview_url: str,
    deployed: str,
    summary: str,
    run_url: str,
    files: list[str],
) -> str:
    """The comment for `decision`: `deployed` is the deploy job's result (success, failure,
    skipped), `run_url` the Preview run's page, `files` the code-changes section."""
    sha = decision.sha[:7]
    if decision.action == "remove":
        return f"{MARKER}\n### Preview removed\n\n{decision.reason}.\n"
    if decision.action == "wait":
        return "\n".join(
            [
                MARKER,
                f"### Preview of {sha} waiting",
                "",
                f"No preview yet: {decision.reason}.",
                "",
                *files,
            ]
        )
    if len(summary) > SUMMARY_LIMIT:
        summary = (
            summary[: summary.rfind("\n", 0, SUMMARY_LIMIT)]
            + "\n\n(cut: the summary is longer than a comment)"
        )
    if decision.target == "artifact":
        head = [
            f"### Preview of {sha}: download",
            "",
            "Previews are not published on the site's own address (a preview runs the pull "
            "request's code) and this project has set no separate preview origin "
            f"(`PREVIEW_REPOSITORY`). Download the artifact `site` from {run_url}, unzip it "
            "and run `python3 -m http.server -d site`.",
        ]
    elif deployed != "success" or not _ADDRESS.fullmatch(preview_url):
        return (
            f"{MARKER}\n### Preview of {sha} not published\n\nThe deploy step did not "
            f"succeed ({deployed}); its log is in this workflow's run.\n"
        )
    else:
        head = [f"### Preview of {sha}", "", preview_url]
    return "\n".join(
        [
            MARKER,
            *head,
            "",
            f"Built because {decision.reason}. It is built by this pull request's own code, "
            "so it shows what the change would publish.",
            "",
            *files,
            "#### What this pull request's build says changes in the facts",
            "",
            quoted_summary(summary),
            "",
        ]
    )


def post(api: Api, repo: str, number: int, text: str) -> None:
    """Edit our sticky comment on the pull request, or write it the first time."""
    for page in range(1, 11):
        path = f"/repos/{repo}/issues/{number}/comments?per_page=100&page={page}"
        comments = get_checked(api, path, COMMENTS)
        for comment in comments:
            user, body = comment["user"], comment["body"] or ""
            if user is not None and user["login"] == BOT and body.startswith(MARKER):
                api.patch(f"/repos/{repo}/issues/comments/{comment['id']}", {"body": text})
                return
        if len(comments) < 100:
            break
    api.post(f"/repos/{repo}/issues/{number}/comments", {"body": text})


def _comment(args: argparse.Namespace) -> int:
    decision = Decision(**read_json(args.decision, "the decision"))
    if decision.action not in ("deploy", "remove", "wait") or decision.number is None:
        print(f"no comment: the decision is {decision.action}")
        return 0
    api, repo = api_from_env()
    server = args.server if _SERVER.fullmatch(args.server) else "https://github.com"
    run_url = f"{server}/{repo}/actions/runs/{decision.run}"
    files = (
        []
        if decision.action == "remove"
        else code_changes(changed_files(api, repo, decision.number))
    )
    summary = read_text(args.summary) or "(no summary was uploaded)"
    text = comment_text(decision, args.url, args.deployed, summary, run_url, files)
    post(api, repo, decision.number, text)
    print(f"commented on #{decision.number}: {text.splitlines()[1]}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decision", required=True, help="the gate's decision (JSON)")
    parser.add_argument("--summary", help="the Preview run's pr/diff.md")
    parser.add_argument("--url", default="", help="the published preview's address")
    parser.add_argument("--deployed", default="skipped", help="the deploy job's result")
    parser.add_argument("--server", default="https://github.com", help="GITHUB_SERVER_URL")
    args = parser.parse_args(argv)
    return run_main(lambda: _comment(args))


if __name__ == "__main__":
    sys.exit(main())
