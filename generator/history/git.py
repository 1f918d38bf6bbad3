"""What the history needs of git's command line: the repository, revisions, and the commits
that touched some paths (their files are read as objects: `objects.py`).

A revision is resolved to a commit before it reaches any other command and never reaches
git as an option (a "revision" `--output=claims.yaml` once truncated a fact sheet).
"""

from __future__ import annotations

import datetime
import os
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..names import shown_visibly

__all__ = [
    "Commit",
    "HistoryUnavailable",
    "Repository",
    "commit_of",
    "commit_text",
    "commits_touching",
    "head_date",
    "literal",
    "parse_log",
    "parse_renames",
    "renamed_from",
    "repository_of",
    "tracked_files_under",
    "tracked_path",
]

# The trailer that marks a commit as a correction: `Correction: <what was wrong>`.
CORRECTION_TRAILER = "Correction"

# What of a commit's own words a page shows at most: longer ones are cut, with an ellipsis.
TEXT_LIMIT = 300
CORRECTIONS_LIMIT = 20

# One line per commit, its fields separated by NUL: git puts neither a line feed nor a NUL
# in a subject (%s joins its lines) or in an unfolded trailer, so no text can split or
# shift a field. Each trailer keeps its key, so an empty one is still seen.
_FORMAT = "%x00".join(
    [
        "%H",
        "%P",
        "%ct",  # seconds since 1970: a date past the year 9999 is still a number
        "%at",
        "%s",
        f"%(trailers:key={CORRECTION_TRAILER},unfold=true,separator=%x00)",
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
    parents: tuple[str, ...]  # the first is the one it was made on; none for a root commit
    date: str  # when it was committed, ISO 8601 in UTC: 2026-11-24T09:30:00Z
    subject: str
    corrections: tuple[str, ...]  # what its Correction trailers say
    blank_corrections: int = 0  # Correction trailers that say nothing
    # Why `date` is when it was written, not when it was committed (a committer date no
    # page can show).
    date_note: str | None = None

    @property
    def parent(self) -> str | None:
        return self.parents[0] if self.parents else None


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
    top, prefix, shallow, *_ = [*found.stdout.decode("utf-8", "replace").split("\n"), "", ""]
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


def head_date(repo: Repository) -> str | None:
    """When HEAD was committed (or written), ISO 8601 in UTC: how recent a log with no
    entries is; None if neither date can be shown."""
    found = _git(repo.top, "log", "-1", "--no-show-signature", "--format=%ct %at", "HEAD")
    if found.returncode != 0:
        raise HistoryUnavailable(f"git could not read HEAD: {_text(found.stderr)}")
    dates = [_utc(seconds) for seconds in _text(found.stdout).split()]
    return next((d for d in dates if d is not None), None)


def _utc(seconds: str) -> str | None:
    """A time given in seconds since 1970 as ISO 8601 in UTC; None if it is not one a page
    can show (past the year 9999)."""
    try:
        moment = datetime.datetime.fromtimestamp(int(seconds), datetime.UTC)
    except (ValueError, OverflowError, OSError):
        return None
    return moment.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"  # 0999-12-31T…


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


def tracked_files_under(repo: Repository, path: str) -> list[str]:
    """The files git tracks under `path` (from the repository's top), at most a few."""
    found = _git(repo.top, "ls-files", "-z", "--", literal(path))
    if found.returncode != 0:
        return []
    return [name for name in found.stdout.decode("utf-8", "replace").split("\0") if name][:3]


def literal(path: str) -> str:
    """A path as a pathspec that means only itself (no wildcards, no magic)."""
    return f":(literal){path}"


def commits_touching(
    repo: Repository, paths: list[str], since: str | None = None, stops: tuple[str, ...] = ()
) -> list[Commit]:
    """The commits, newest first, that changed any of `paths` (from the repository's top),
    up to HEAD, after the commit `since` if given and not before any of `stops`. Merges are
    listed too, unless they took every path as one of their parents had it (`--full-history`
    follows every parent: a change made on a branch is shown by the commit that made it,
    and a merge by what it changed itself)."""
    excluded = [f"^{commit}" for commit in (since, *stops) if commit]
    found = _git(
        repo.top,
        "log",
        "--full-history",
        "--no-show-signature",
        f"--format=tformat:{_FORMAT}",
        "HEAD",
        *excluded,
        "--",
        *(literal(p) for p in paths),
    )
    if found.returncode != 0:
        raise HistoryUnavailable(f"git could not list the commits: {_text(found.stderr)}")
    return parse_log(found.stdout)


def parse_log(out: bytes) -> list[Commit]:
    """The commits of `git log --format=tformat:` + the NUL-separated format above."""
    commits = []
    for line in out.split(b"\n"):
        if not line:
            continue
        fields = line.decode("utf-8", "replace").split("\0")
        if len(fields) < 5:
            raise HistoryUnavailable("git gave a list of commits it could not read")
        commit, parents, committed, written, subject, *trailers = fields
        subject = commit_text(subject)
        date, note = _commit_date(commit, subject, committed, written)
        said = [t.partition(":")[2].strip() for t in trailers if t]
        corrections = [commit_text(what) for what in said if what][:CORRECTIONS_LIMIT]
        commits.append(
            Commit(
                commit,
                tuple(parents.split()),
                date,
                subject,
                tuple(corrections),
                sum(not what for what in said),
                note,
            )
        )
    return commits


def commit_text(text: str) -> str:
    """A commit's subject or trailer as every page, feed and terminal shows it: held to the
    fact sheets' standard, so a right-to-left override or a zero-width character is shown
    (`<U+202E>`), not obeyed; and no longer than TEXT_LIMIT characters."""
    shown = shown_visibly(text)
    if len(shown) <= TEXT_LIMIT:
        return shown
    cut = shown[: TEXT_LIMIT - 1]
    token = cut.rfind("<U+")
    if token != -1 and ">" not in cut[token:]:
        cut = cut[:token]  # not half of a `<U+202E>`
    return cut + "…"


def _commit_date(commit: str, subject: str, committed: str, written: str) -> tuple[str, str | None]:
    """When a commit was committed, or else written (a note says why); HistoryUnavailable
    naming the commit if neither date is one a page can show."""
    date = _utc(committed)
    if date is not None:
        return date, None
    date = _utc(written)
    if date is None:
        raise HistoryUnavailable(
            f"commit {commit[:12]} ({subject}) is dated past the year 9999, as committed "
            "and as written, which no page can show; give it a real date (git rebase "
            "--committer-date-is-author-date, with a real author date) before it is "
            "published"
        )
    return date, (
        f"warning: commit {commit[:12]} ({subject}) has a committer date past the year "
        f"9999 ({committed} seconds after 1970); its entry shows when it was written, "
        f"{date[:10]}"
    )


def renamed_from(repo: Repository, parent: str, commit: str, folder: str) -> str | None:
    """The folder (a path from the repository's top) whose files `commit` moved into
    `folder`, as git's rename detection sees it against `parent`; None if it moved none."""
    found = _git(
        repo.top, "diff-tree", "-r", "-M", "-z", "--name-status", "--diff-filter=R", parent, commit
    )
    return parse_renames(found.stdout, folder) if found.returncode == 0 else None


def parse_renames(out: bytes, folder: str) -> str | None:
    """From `git diff-tree -z --name-status` output (`R<score>`, old path, new path, each
    NUL-terminated), the folder most of the files renamed into `folder` came from."""
    fields = out.split(b"\0")
    sources: Counter[str] = Counter()
    for status, old, new in zip(fields[::3], fields[1::3], fields[2::3], strict=False):
        if not status.startswith(b"R"):
            continue
        before, after = os.fsdecode(old), os.fsdecode(new)
        inside = after.removeprefix(f"{folder}/")
        if inside and inside != after and before.endswith(f"/{inside}"):
            sources[before.removesuffix(f"/{inside}")] += 1
    return sources.most_common(1)[0][0] if sources else None
