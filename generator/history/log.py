"""A briefing's change log, read from git: one entry per commit that changed what a reader
sees of its facts, newest first, with the commits marked as corrections.

Each commit is compared with its first parent: the briefing's snapshot at each (`snapshot`)
and what changed between them (`changes`). A snapshot is kept in a cache keyed by the
trees of the briefing's folder and the sources at that commit, and a comparison by the two
snapshots' keys, so a build reads a long history from the cache and computes only what the
newest commits changed. The cache (`cache.py`) lives in the project's `.cache/`, in a folder
per version of the generator's code (other code would compute other things).
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..factsheets.kinds import kind as kind_named
from .cache import CACHE_FOLDER, Cache, open_cache
from .changes import Changes, FactChange, compare
from .git import (
    Commit,
    HistoryUnavailable,
    commit_of,
    commits_touching,
    head_date,
    repository_of,
    tracked_path,
)
from .objects import Objects
from .revision import BriefingFiles, Layout, LinksOutside, briefing_files, write_files
from .shapes import WrongShape
from .snapshot import Snapshot, snapshot_of

__all__ = [
    "CACHE_FOLDER",
    "Entry",
    "FactMarks",
    "History",
    "briefing_history",
    "entry_lines",
    "fact_marks",
]


@dataclass(frozen=True)
class Entry:
    """One commit's change to the briefing's facts."""

    commit: str
    date: str  # when it was committed, ISO 8601 in UTC: 2026-11-24T09:30:00Z
    subject: str
    corrections: tuple[str, ...]  # what was wrong, as its Correction trailers say
    changes: Changes
    first: bool = False  # the commit that published the briefing

    @property
    def anchor(self) -> str:
        """The entry's anchor on the Changes page."""
        return f"change-{self.commit[:12]}"

    @property
    def day(self) -> datetime.date:
        return datetime.date.fromisoformat(self.date[:10])


@dataclass(frozen=True)
class History:
    """A briefing's change log, newest first; or why there is none (`unavailable`)."""

    entries: tuple[Entry, ...] = ()
    unavailable: str | None = None
    as_of: str | None = None  # when HEAD was committed (UTC, ISO 8601)
    # How many commits were read, and how many needed a snapshot the cache did not hold.
    commits: int = 0
    computed: int = 0
    # What the editor should know of how it was read (a cache that cannot be used).
    notes: tuple[str, ...] = ()

    @property
    def corrections(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.corrections)


@dataclass
class FactMarks:
    """What a fact's entry on its page says of its history."""

    updated: Entry | None = None  # the last change after it was first published
    # Each correction of it: the commit, and what it changed (with the old values).
    corrections: list[tuple[Entry, FactChange]] = field(default_factory=list)


def fact_marks(history: History) -> dict[tuple[str, str], FactMarks]:
    """{(kind, current id): its marks}, following renames to the id the fact has now."""
    marks: dict[tuple[str, str], FactMarks] = {}
    for entry in reversed(history.entries):  # oldest first
        for change in entry.changes.facts:
            key = (change.kind, change.id)
            if change.action == "renamed" and change.old_id is not None:
                marks[key] = marks.pop((change.kind, change.old_id), FactMarks())
            if change.action == "removed":
                marks.pop(key, None)
                continue
            mark = marks.setdefault(key, FactMarks())
            if change.action == "added":
                mark.updated, mark.corrections = None, []
                continue
            mark.updated = entry
            if entry.corrections:
                mark.corrections.append((entry, change))
    return marks


def entry_lines(entry: Entry) -> list[str]:
    """An entry's changes in words, a line each: for the terminal and the feeds."""
    lines = [f"Correction: {what}" for what in entry.corrections]
    added = [f for f in entry.changes.facts if f.action == "added"]
    if entry.first:
        lines.append(f"First published, with {len(added)} records.")
    for change in entry.changes.facts:
        if entry.first and change.action == "added":
            continue
        was = f" (its id was {change.old_id})" if change.old_id else ""
        single = " · now carried by one lineage only" if change.became_single_source else ""
        lines.append(
            f"{change.action.capitalize()} {kind_named(change.kind).singular} {change.id}: "
            f"{change.title}{was}{single}"
        )
        lines += [f"  {f.name}: {f.before} → {f.after}" for f in change.fields]
    lines += [f"Verdict on {v.title}: {v.before} → {v.after}" for v in entry.changes.verdicts]
    return lines


def briefing_history(
    root: Path,
    folder: Path,
    seeds_dir: Path,
    *,
    since: str | None = None,
    cache: Path | None = None,
) -> History:
    """The change log of the briefing in `folder`, with its sources in `seeds_dir`, both in
    the project folder `root`; after the revision `since` if given (ValueError if it names
    no commit). `cache` is the cache's folder (default `root`/.cache/briefing-history)."""
    try:
        repo = repository_of(root)
        layout = Layout(tracked_path(repo, folder), tracked_path(repo, seeds_dir))
    except HistoryUnavailable as exc:
        return History(unavailable=str(exc))
    since_commit = commit_of(repo.top, since) if since else None
    base = cache or root / CACHE_FOLDER
    shown = CACHE_FOLDER.as_posix() if cache is None else str(cache)
    with open_cache(base, _code_version(), shown) as store, Objects(repo) as objects:
        notes = (store.note,) if store.note else ()
        try:
            commits = commits_touching(repo, [layout.folder, layout.seeds], since_commit)
            reader = _Reader(objects, folder.name, layout, store)
            entries = [
                entry
                for n, c in enumerate(commits)
                if (entry := reader.entry(c, commits[n + 1 :])) is not None
            ]
            as_of = _utc(head_date(repo))
        except HistoryUnavailable as exc:
            return History(unavailable=str(exc), notes=notes)
    return History(tuple(entries), None, as_of, len(commits), reader.computed, notes)


@functools.cache
def _code_version() -> str:
    """A digest of the generator's code: a snapshot computed by other code is not reused."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".j2", ".json"} and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class _Reader:
    """Snapshots and comparisons of one briefing at commits, through the cache."""

    def __init__(self, objects: Objects, slug: str, layout: Layout, cache: Cache) -> None:
        self.objects, self.slug, self.layout = objects, slug, layout
        self.cache = cache
        self.computed = 0
        self._files: dict[str, BriefingFiles | None] = {}

    def entry(self, commit: Commit, older: list[Commit]) -> Entry | None:
        """The commit's entry, or None if it changed nothing a reader sees. `older` are the
        commits before it, newest first."""
        before_key = self._key(commit.parent) if commit.parent else None
        after_key = self._key(commit.id)
        if after_key is None:  # the commit removed the briefing: nothing left to show it on
            return None
        first = before_key is None
        changes = self._changes(commit, before_key, after_key, older)
        if not changes:
            return None
        date = _utc(commit.date)
        return Entry(commit.id, date, commit.subject, commit.corrections, changes, first)

    def _files_at(self, commit: str) -> BriefingFiles | None:
        if commit not in self._files:
            self._files[commit] = briefing_files(self.objects, commit, self.layout, self.slug)
        return self._files[commit]

    def _key(self, commit: str) -> str | None:
        """The cache key of the briefing at `commit`; None where the briefing's folder is
        not there."""
        files = self._files_at(commit)
        return files.key if files is not None else None

    def _changes(
        self, commit: Commit, before_key: str | None, after_key: str, older: list[Commit]
    ) -> Changes:
        if before_key == after_key:
            return Changes()  # the same files: the same facts
        name = hashlib.sha256(f"{before_key}\n{after_key}".encode()).hexdigest()
        try:
            return Changes.from_data(self.cache.read(f"changes-{name}.json"))
        except WrongShape:
            pass  # not cached, or not as this code writes it: computed again
        before = self._snapshot(commit.parent, before_key) if commit.parent else Snapshot()
        # A sheet that did not read would show its records as removed. A commit that broke
        # one has no entry; the one that mends it is compared with the last that read.
        for earlier in older:
            if before.readable:
                break
            before = self._snapshot(earlier.id, self._key(earlier.id))
        after = self._snapshot(commit.id, after_key)
        changes = compare(before, after) if before.readable and after.readable else Changes()
        self.cache.write(f"changes-{name}.json", changes.to_data())
        return changes

    def _snapshot(self, commit: str | None, key: str | None) -> Snapshot:
        if commit is None or key is None:
            return Snapshot()
        try:
            return Snapshot.from_data(self.cache.read(f"snapshot-{key}.json"))
        except WrongShape:
            pass
        files = self._files_at(commit)
        if files is None:
            return Snapshot()
        self.computed += 1
        with tempfile.TemporaryDirectory(prefix="briefing-history-") as tmp:
            project = Path(tmp)
            folder, seeds = project / "briefings" / self.slug, project / "seeds"
            try:
                write_files(self.objects, files.sheets, folder, self.layout.folder)
                write_files(self.objects, files.sources, seeds, self.layout.seeds)
            except LinksOutside:
                return Snapshot(readable=False)
            snapshot = snapshot_of(folder, seeds, project)
        # Problems name files in the temporary folder; the log does not show them.
        snapshot.problems = []
        self.cache.write(f"snapshot-{key}.json", snapshot.to_data())
        return snapshot


def _utc(date: str) -> str:
    moment = datetime.datetime.fromisoformat(date).astimezone(datetime.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
