"""Where a briefing's inputs were at each commit, so that its log survives a move.

A renamed briefing folder (`git mv briefings/a briefings/b`) keeps its history, and so does
one moved behind a link (`briefings -> data/briefings`), as does the sources' folder: when
the walk reaches the commit that made the folder, git's rename detection says where its
files came from, and the log goes on under the old path as well. The walk never stops at a
folder's first appearance: a briefing deleted and brought back keeps what was published
before (a briefing made anew under an old folder name inherits that name's log, which is
the price of never losing one).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from .git import Commit, HistoryUnavailable, Repository, commits_touching, renamed_from
from .objects import Objects
from .revision import Layout

__all__ = ["Lineage", "walk"]

# More moves than this in one log is a loop of renames, not an editor's history.
MAX_MOVES = 32


@dataclass
class Lineage:
    """The paths a briefing's folder and the sources' folder have had in the repository,
    newest first."""

    folders: list[str]
    seeds: list[str]
    # What git's rename detection said of a (commit, folder): each is asked once.
    sources: dict[tuple[str, str], str | None] = field(default_factory=dict)

    def source(self, repo: Repository, commit: Commit, folder: str) -> str | None:
        """Where `commit` moved the files of `folder` from, if it moved them."""
        if (commit.id, folder) not in self.sources:
            parent = commit.parent or ""
            self.sources[commit.id, folder] = renamed_from(repo, parent, commit.id, folder)
        return self.sources[commit.id, folder]

    @property
    def names(self) -> tuple[str, ...]:
        """The briefing's folder names, now and before a rename."""
        return tuple(dict.fromkeys(posixpath.basename(f) for f in self.folders))

    def layout_at(self, objects: Objects, commit: str) -> Layout | None:
        """Where the briefing's inputs were at `commit`; None if its folder was not there."""
        tree = objects.commit(commit).tree
        folder = _present(objects, tree, self.folders)
        if folder is None:
            return None
        return Layout(folder, _present(objects, tree, self.seeds) or self.seeds[0])


def walk(
    repo: Repository, objects: Objects, layout: Layout, since: str | None
) -> tuple[list[Commit], Lineage]:
    """The commits that changed the briefing's inputs, newest first (after `since`), and
    where those inputs were at each."""
    lineage = Lineage([layout.folder], [layout.seeds])
    for _ in range(MAX_MOVES):
        paths = [*lineage.folders, *lineage.seeds]
        commits = commits_touching(repo, paths, since)
        if not _follow_first_move(repo, objects, lineage, commits):
            return commits, lineage
    raise HistoryUnavailable(
        f"{layout.folder} was moved more than {MAX_MOVES} times; the log follows no more"
    )


def _follow_first_move(
    repo: Repository, objects: Objects, lineage: Lineage, commits: list[Commit]
) -> bool:
    """Whether a commit moved the briefing's folder or the sources' folder from a path the
    lineage did not know (which it now does)."""
    for commit in commits:
        if commit.parent is None:
            continue
        now, before = (objects.commit(c).tree for c in (commit.id, commit.parent))
        for paths in (lineage.folders, lineage.seeds):
            found = _present(objects, now, paths)
            if found is not None and _present(objects, before, paths) is None:
                source = lineage.source(repo, commit, found)
                if source is not None and source not in paths:
                    paths.append(source)
                    return True
    return False


def _present(objects: Objects, tree: str, paths: list[str]) -> str | None:
    """The first of `paths` that is a folder in `tree`."""
    for path in paths:
        entry = objects.entry(tree, path)
        if entry is not None and entry.is_tree:
            return path
    return None
