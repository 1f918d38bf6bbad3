"""What the history needs of git's command line: the repository, revisions, and the commits
that touched some paths (their files are read as objects: `objects.py`).

A revision is resolved to a commit before it reaches any other command and never reaches
git as an option (a "revision" `--output=claims.yaml` once truncated a fact sheet).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "Commit",
    "HistoryUnavailable",
    "Repository",
    "commit_of",
    "commits_touching",
    "head_date",
    "literal",
    "repository_of",
    "tracked_path",
]

# The trailer that marks a commit as a correction: `Correction: <what was wrong>`.
CORRECTION_TRAILER = "Correction"

_FIELD, _LIST = "\x1f", "\x1e"
_FORMAT = _FIELD.join(
    [
        "%H",
        "%P",
        "%cI",
        "%s",
        f"%(trailers:key={CORRECTION_TRAILER},valueonly=true,separator=%x1e)",
    ]
)


class HistoryUnavailable(Exception):
    """Why there is no history to read, in words for the build's output and the page."""


@dataclass(frozen=True)
class Repository:
    """A git work tree, and the project folder's path inside it ('' or 'sub/dir/')."""

    top: Path
    prefix: str


@dataclass(frozen=True)
class Commit:
    """A commit as the change log shows it."""

    id: str
    parent: str | None  # the first parent; None for a root commit
    date: str  # when it was committed, ISO 8601
    subject: str
    corrections: tuple[str, ...]  # the values of its Correction trailers


def _git(top: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", "-C", str(top), *args],
            capture_output=True,
            input=stdin.encode("utf-8") if stdin is not None else None,
            check=False,
        )
    except FileNotFoundError:
        raise HistoryUnavailable("git is not installed where this build runs") from None


def _text(out: bytes) -> str:
    return out.decode("utf-8", "replace").strip()


def repository_of(root: Path, *, whole_history: bool = True) -> Repository:
    """The repository holding the project folder `root`.

    HistoryUnavailable if there is none, or if `whole_history` is asked for and it is a
    shallow clone: a log read from part of the history would be wrong, not short."""
    found = _git(root, "rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository")
    if found.returncode != 0:
        reason = _text(found.stderr).splitlines()
        raise HistoryUnavailable(
            "the project is not in a git repository it can read"
            + (f" (git says: {reason[0]})" if reason else "")
        )
    # One line each; at the top of the work tree the prefix is an empty line.
    top, prefix, shallow = found.stdout.decode("utf-8", "replace").split("\n")[:3]
    if shallow == "true" and whole_history:
        raise HistoryUnavailable(
            "this is a shallow clone, which holds only the latest commits; build from a "
            "full clone (`git fetch --unshallow`) to show the change log"
        )
    if _git(root, "rev-parse", "--verify", "--quiet", "HEAD").returncode != 0:
        raise HistoryUnavailable("the repository has no commits yet")
    return Repository(Path(top), prefix)


def commit_of(top: Path, revision: str) -> str:
    """The commit a revision names, as a hash; ValueError if it names none."""
    if not revision or revision.startswith("-"):
        raise ValueError(
            f"'{revision}' is not a revision (a branch, tag or commit such as "
            "origin/main or HEAD~1)"
        )
    found = _git(top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if found.returncode != 0:
        said = _text(found.stderr)
        raise ValueError(
            f"'{revision}' names no commit in this repository" + (f" ({said})" if said else "")
        )
    return found.stdout.decode("ascii").strip()


def head_date(repo: Repository) -> str:
    """When HEAD was committed, ISO 8601: how recent a log with no entries is."""
    found = _git(repo.top, "log", "-1", "--no-show-signature", "--format=%cI", "HEAD")
    if found.returncode != 0:
        raise HistoryUnavailable(f"git could not read HEAD: {_text(found.stderr)}")
    return _text(found.stdout)


def tracked_path(repo: Repository, path: Path) -> str:
    """Where `path` of the work tree is in the repository, as a path from its top, with
    every link resolved: `briefings/` behind a link is asked of git where it is tracked.
    HistoryUnavailable if it is outside the repository."""
    try:
        return path.resolve().relative_to(repo.top.resolve()).as_posix()
    except ValueError:
        raise HistoryUnavailable(
            f"{path.name}/ resolves to a folder outside the git repository"
        ) from None


def literal(path: str) -> str:
    """A path as a pathspec that means only itself (no wildcards, no magic)."""
    return f":(literal){path}"


def commits_touching(repo: Repository, paths: list[str], since: str | None = None) -> list[Commit]:
    """The commits, newest first, that changed any of `paths` (from the repository's top),
    up to HEAD and after the commit `since` if given. Merges are left out: each change is
    shown by the commit that made it."""
    span = f"{since}..HEAD" if since else "HEAD"
    found = _git(
        repo.top,
        "log",
        "--no-merges",
        "--no-show-signature",
        "-z",
        f"--format={_FORMAT}",
        span,
        "--",
        *(literal(p) for p in paths),
    )
    if found.returncode != 0:
        raise HistoryUnavailable(f"git could not list the commits: {_text(found.stderr)}")
    commits = []
    for record in found.stdout.decode("utf-8", "replace").split("\0"):
        if not record.strip():
            continue
        fields = record.strip("\n").split(_FIELD)
        commit, parents, date, trailers = fields[0], fields[1].split(), fields[2], fields[-1]
        subject = _FIELD.join(fields[3:-1])
        corrections = tuple(t.strip() for t in trailers.split(_LIST) if t.strip())
        parent = parents[0] if parents else None
        commits.append(Commit(commit, parent, date, subject, corrections))
    return commits
