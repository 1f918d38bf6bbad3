"""A briefing's change log, read from git: one entry per commit that changed what a reader
sees of its facts, newest first, with the commits marked as corrections.

Every commit that touched the briefing's folder or the sources' folder, wherever they were
then (`lineage`), is compared with its first parent: the briefing's snapshot at each
(`snapshot`) and what changed between them (`changes`). A merge is compared with every
parent, and shows what it changed itself: a fact whose value in the merge is none of its
parents' (changed while resolving it, an "evil merge"); what a branch brought is shown by
the branch's own commits. A snapshot is cached under the blobs it read (`revision`), a
comparison under the snapshots' keys, so a build reads a long history from the cache and
computes only what the newest commits changed. The cache (`cache.py`) lives in the
project's `.cache/`, in a folder per version of the generator's code.
"""

from __future__ import annotations

import functools
import hashlib
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ..factsheets.change_titles import read_change_titles
from .cache import CACHE_FOLDER, Cache, no_cache, open_cache
from .changes import Changes, common_changes, compare
from .entries import Entry, History
from .git import (
    Commit,
    HistoryUnavailable,
    Repository,
    commit_of,
    head_date,
    repository_of,
    tracked_files_under,
    tracked_path,
)
from .lineage import Lineage, walk
from .objects import Objects
from .retitle import retitled
from .revision import (
    BriefingFiles,
    FilesMemo,
    Layout,
    LinksOutside,
    briefing_files,
    write_files,
)
from .shapes import WrongShape
from .snapshot import Snapshot, snapshot_of

__all__ = ["CACHE_FOLDER", "Entry", "History", "briefing_history"]

# What the cache keeps: snapshots and comparisons, each written as data by `to_data`.
_Kept = TypeVar("_Kept", Snapshot, Changes)

# A commit that broke a fact sheet is passed over to the last one where all read; this far
# back at most.
_MAX_BROKEN = 1000


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
    since_commit = commit_of(repo.top, since) if since is not None else None
    base = cache or root / CACHE_FOLDER
    shown = CACHE_FOLDER.as_posix() if cache is None else str(cache)
    committed = _committed_cache(repo, base)
    opened = no_cache(committed) if committed else open_cache(base, _code_version(), shown)
    with opened as store, Objects(repo) as objects:
        notes = (store.note,) if store.note else ()
        try:
            commits, lineage = walk(repo, objects, layout, since_commit)
            reader = _Reader(objects, folder.name, lineage, store)
            entries = {c.id: reader.entry(c) for c in commits}
            as_of = head_date(repo)
        except HistoryUnavailable as exc:
            return History(unavailable=str(exc), notes=notes)
        read = [c for c in commits if reader.present(c.id)]
    titles = read_change_titles(root)
    logged, title_problems = retitled(
        tuple(e for e in entries.values() if e is not None),
        titles.file,
        titles.of(folder.name),
        whole_log=since is None,
    )
    return History(
        logged,
        None,
        as_of,
        len(commits),
        reader.computed,
        notes + _commit_notes(read, entries),
        lineage.names,
        tuple((c.id, c.subject) for c in read if c.corrections and entries[c.id] is None),
        title_problems,
    )


def _committed_cache(repo: Repository, base: Path) -> str | None:
    """Why the cache may not be used, if files under it are committed: answers of the right
    shape committed in a pull request would be read as the log of the facts (an entry a
    reader sees, a correction that was never made)."""
    try:
        where = tracked_path(repo, base.parent)
    except HistoryUnavailable:
        return None
    files = tracked_files_under(repo, where)
    if not files:
        return None
    return (
        f"History cache not used, so the change log is read from git in full: {where}/ "
        f"holds files committed to git ({', '.join(files)}), which the cache would read as "
        f"its own answers; take them out of git (`git rm -r --cached {where}`); the cache is "
        "written by builds only"
    )


def _commit_notes(commits: list[Commit], entries: dict[str, Entry | None]) -> tuple[str, ...]:
    """What the editor should know of commits the log read: a date no page can show, a
    Correction trailer that says nothing."""
    dates = [c.date_note for c in commits if c.date_note and entries[c.id] is not None]
    blanks = [
        f"warning: commit {c.id[:12]} ({c.subject}) has a Correction: trailer that says "
        "nothing, so it is not published as a correction; a correction says what was "
        "wrong (Correction: the title gave the wrong year)"
        for c in commits
        if c.blank_corrections
    ]
    return (*dates, *blanks)


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


def _digest(*keys: str | None) -> str:
    return hashlib.sha256("\n".join(str(k) for k in keys).encode()).hexdigest()


class _Reader:
    """Snapshots and comparisons of one briefing at commits, through the cache."""

    def __init__(self, objects: Objects, slug: str, lineage: Lineage, cache: Cache) -> None:
        self.objects, self.slug, self.lineage = objects, slug, lineage
        self.cache = cache
        self.computed = 0
        self._files: dict[str, BriefingFiles | None] = {}
        self._memo = FilesMemo()
        self._unreadable: set[str] = set()  # keys of snapshots where a sheet did not read

    def entry(self, commit: Commit) -> Entry | None:
        """The commit's entry, or None if it changed nothing a reader sees."""
        after = self._files_at(commit.id)
        if after is None:  # the commit removed the briefing: nothing left to show it on
            return None
        if len(commit.parents) > 1:
            changes = self._merge_changes(commit, after)
        else:
            changes = self._changes(commit.parent, after)
        if not changes:
            return None
        first = commit.parent is None or self._files_at(commit.parent) is None
        return Entry(commit.id, commit.date, commit.subject, commit.corrections, changes, first)

    def present(self, commit: str) -> bool:
        """Whether the briefing's folder is there at `commit`."""
        return self._files_at(commit) is not None

    def _files_at(self, commit: str) -> BriefingFiles | None:
        if commit not in self._files:
            layout = self.lineage.layout_at(self.objects, commit)
            files = (
                briefing_files(self.objects, commit, layout, self.slug, self._memo)
                if layout
                else None
            )
            self._files[commit] = files
        return self._files[commit]

    def _changes(self, parent: str | None, after: BriefingFiles) -> Changes:
        """What changed from `parent` to the briefing's files `after`."""
        before = self._files_at(parent) if parent else None
        if before is not None and before.key == after.key:
            return Changes()  # the same files: the same facts
        name = f"changes-{_digest(before.key if before else None, after.key)}.json"

        def computed() -> Changes:
            old, new = self._readable_before(parent), self._snapshot(after)
            return compare(old, new) if old.readable and new.readable else Changes()

        return self._cached(name, Changes.from_data, computed)

    def _merge_changes(self, merge: Commit, after: BriefingFiles) -> Changes:
        """What a merge changed itself: each change from its first parent that it made
        from every other parent too."""
        parents = [self._files_at(p) for p in merge.parents]
        if any(p is not None and p.key == after.key for p in parents):
            return Changes()  # it took one side whole
        keys = [p.key if p else None for p in parents]
        name = f"changes-{_digest('merge', *keys, after.key)}.json"

        def computed() -> Changes:
            new = self._snapshot(after)
            olds = [self._readable_before(p) for p in merge.parents]
            readable = [compare(old, new) for old in olds if old.readable]
            first_read = olds[0].readable and new.readable
            return common_changes(readable[0], readable[1:]) if first_read else Changes()

        return self._cached(name, Changes.from_data, computed)

    def _readable_before(self, commit: str | None) -> Snapshot:
        """The briefing at `commit`; if a fact sheet did not read there, at the last commit
        before it (by first parents) where all did. A sheet that did not read would show
        its records as removed: a commit that broke one has no entry, and the one that
        mends it is compared with the last that read."""
        for _ in range(_MAX_BROKEN):
            files = self._files_at(commit) if commit else None
            if files is None:
                return Snapshot()
            if files.key not in self._unreadable:
                snapshot = self._snapshot(files)
                if snapshot.readable:
                    return snapshot
                self._unreadable.add(files.key)
            parents = self.objects.commit(commit).parents if commit else ()
            commit = parents[0] if parents else None
        return Snapshot(readable=False)

    def _snapshot(self, files: BriefingFiles) -> Snapshot:
        return self._cached(
            f"snapshot-{files.key}.json", Snapshot.from_data, lambda: self._computed(files)
        )

    def _cached(
        self, name: str, read: Callable[[Any], _Kept], compute: Callable[[], _Kept]
    ) -> _Kept:
        """The answer kept in the cache under `name`; if there is none, or not as this
        code writes it, `compute`d and kept."""
        try:
            return read(self.cache.read(name))
        except WrongShape:
            pass
        answer = compute()
        self.cache.write(name, answer.to_data())
        return answer

    def _computed(self, files: BriefingFiles) -> Snapshot:
        """The briefing's files written as a project of their own, checked and analysed."""
        self.computed += 1
        try:
            snapshot = self._checked(files)
        except OSError as exc:
            raise HistoryUnavailable(
                f"could not write the files of commit {files.commit[:12]} into a temporary "
                f"folder to read them ({exc.strerror or exc}); make room in "
                f"{tempfile.gettempdir()}, or point TMPDIR at a folder with room"
            ) from None
        # Problems name files in the temporary folder; the log does not show them.
        snapshot.problems = []
        return snapshot

    def _checked(self, files: BriefingFiles) -> Snapshot:
        with tempfile.TemporaryDirectory(prefix="briefing-history-") as tmp:
            project = Path(tmp)
            folder, seeds = project / "briefings" / self.slug, project / "seeds"
            try:
                write_files(self.objects, files.sheets, folder, files.layout.folder)
                write_files(self.objects, files.sources, seeds, files.layout.seeds)
            except LinksOutside:
                return Snapshot(readable=False)
            return snapshot_of(folder, seeds, project)
