"""A briefing as it was at a commit: its fact sheets and the sources they name, read as the
blobs that were committed (`objects.py`), the cache key they make, and written as plain
files into a temporary project, to be checked and analysed as a build would.

The key is made of the blobs a snapshot reads: every file of the briefing's folder, and
only the source texts its sources.yaml names (with the files they link to), so a commit
that adds a source to another briefing costs this one nothing.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from ..checks.citations import SOURCE_LIMIT
from ..factsheets.kinds import kind
from ..factsheets.load import FACT_SHEET_LIMIT
from ..factsheets.yaml_nodes import Mapping, Scalar, Sequence, parse_yaml
from .objects import Objects, TreeEntry

__all__ = [
    "BriefingFiles",
    "FilesMemo",
    "Layout",
    "LinksOutside",
    "briefing_files",
    "write_files",
    "write_revision",
]

# Larger files are written as sparse files of their size, which the checks refuse as
# they refuse them in the work tree, without the bytes reaching the disk.
_KEPT = max(FACT_SHEET_LIMIT, SOURCE_LIMIT)
# A chain of links longer than this is not followed (a loop, or a mistake).
_HOPS = 8
_LINK_LIMIT = 4096


class LinksOutside(ValueError):
    """Links in a revision that point out of their folder, as the build refuses them."""


@dataclass(frozen=True)
class Layout:
    """Where a briefing's inputs are in the repository, as paths from its top: the
    briefing's folder ('briefings/x') and the sources' folder ('seeds')."""

    folder: str
    seeds: str


@dataclass(frozen=True)
class BriefingFiles:
    """The files a briefing's snapshot reads at one commit: {path in the briefing's folder:
    entry} and {path in the sources' folder: entry}."""

    slug: str
    commit: str
    layout: Layout
    sheets: dict[str, TreeEntry]
    sources: dict[str, TreeEntry]

    @property
    def key(self) -> str:
        """The cache key of its snapshot: the same blobs under the same names give the
        same facts."""
        lines = [self.slug]
        lines += [f"sheet {p} {e.mode} {e.oid}" for p, e in sorted(self.sheets.items())]
        lines += [f"source {p} {e.mode} {e.oid}" for p, e in sorted(self.sources.items())]
        return hashlib.sha256("\n".join(lines).encode("utf-8", "surrogateescape")).hexdigest()


@dataclass
class FilesMemo:
    """What was found for the same trees and the same sources.yaml: most commits leave
    them as they were, and reading sources.yaml is the costliest part of a key."""

    # {(the briefing folder's tree, the sources folder's tree): (sheets, sources)}
    trees: dict[tuple[str, str | None], tuple[dict[str, TreeEntry], dict[str, TreeEntry]]] = field(
        default_factory=dict
    )
    named: dict[str, list[str]] = field(default_factory=dict)  # {sources.yaml blob: files}


def briefing_files(
    objects: Objects, commit: str, layout: Layout, slug: str, memo: FilesMemo | None = None
) -> BriefingFiles | None:
    """The briefing's files at `commit`; None where its folder is not there. `memo` keeps
    what was found for the same two trees."""
    tree = objects.commit(commit).tree
    folder = objects.entry(tree, layout.folder)
    if folder is None or not folder.is_tree:
        return None
    seeds = objects.entry(tree, layout.seeds)
    seeds_tree = seeds.oid if seeds is not None and seeds.is_tree else None
    memo = FilesMemo() if memo is None else memo
    if (folder.oid, seeds_tree) not in memo.trees:
        sheets = objects.files(folder.oid)
        sources: dict[str, TreeEntry] = {}
        if seeds_tree is not None:
            for name in _named_sources(objects, sheets, memo):
                _add_followed(objects, seeds_tree, name, sources)
        memo.trees[folder.oid, seeds_tree] = (sheets, sources)
    sheets, sources = memo.trees[folder.oid, seeds_tree]
    return BriefingFiles(slug, commit, layout, sheets, sources)


def write_files(objects: Objects, files: dict[str, TreeEntry], folder: Path, shown: str) -> None:
    """Write `files` (by path relative to `folder`) as plain files and links. Links that
    point out of `folder` are not written: LinksOutside names them (as `shown`/path)."""
    refused = []
    folder.mkdir(parents=True, exist_ok=True)
    for path, entry in sorted(files.items()):
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if entry.is_link:
            link = _link_target(objects, entry)
            if link is None or _followed(path, link) is None:
                refused.append(f"{shown}/{path}")
                continue
            os.symlink(link, target)
            continue
        blob = objects.blob(entry.oid, limit=_KEPT)
        with target.open("wb") as out:
            if blob.data is None:
                out.truncate(blob.size)
            else:
                out.write(blob.data)
    if refused:
        raise LinksOutside(
            f"{', '.join(refused)} links outside {shown}/; `briefing check` refuses such links too"
        )


def write_revision(objects: Objects, commit: str, briefings: str, seeds: str, into: Path) -> None:
    """Every briefing folder and every source at `commit` (`briefings` and `seeds` are
    their folders' paths in the repository), as plain files in `into`/briefings and
    `into`/seeds. LinksOutside names links out of either folder."""
    tree = objects.commit(commit).tree
    for path, name in ((briefings, "briefings"), (seeds, "seeds")):
        entry = objects.entry(tree, path)
        files = objects.files(entry.oid) if entry is not None and entry.is_tree else {}
        write_files(objects, files, into / name, path)


def _named_sources(objects: Objects, sheets: dict[str, TreeEntry], memo: FilesMemo) -> list[str]:
    """The file names the briefing's sources.yaml gives, as far as it reads."""
    path = _resolved(objects, sheets, kind("sources").sheet)
    if path is None:
        return []
    oid = sheets[path].oid
    if oid not in memo.named:
        memo.named[oid] = _file_names(objects.blob(oid, limit=FACT_SHEET_LIMIT).data or b"")
    return memo.named[oid]


def _file_names(raw: bytes) -> list[str]:
    """The `file:` of each entry of a sources.yaml, as far as it reads."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return []
    node, _ = parse_yaml(text.removeprefix("\ufeff"))
    if not isinstance(node, Sequence):
        return []
    names = []
    for item in node:
        file = item.get("file") if isinstance(item, Mapping) else None
        if isinstance(file, Scalar):
            names.append(file.text)
    return names


def _resolved(objects: Objects, files: dict[str, TreeEntry], path: str) -> str | None:
    """The path of the file `path` names in `files`, following links among them."""
    for _ in range(_HOPS):
        entry = files.get(path)
        if entry is None or not entry.is_link:
            return path if entry is not None else None
        link = _link_target(objects, entry)
        followed = _followed(path, link) if link is not None else None
        if followed is None:
            return None
        path = followed
    return None


def _add_followed(objects: Objects, tree: str, name: str, into: dict[str, TreeEntry]) -> None:
    """Add the source file `name` to `into`, and each file its links lead to."""
    if "/" in name or "\\" in name or name in ("", ".", ".."):
        return  # refused by the check, which needs no file to say so
    path = name
    for _ in range(_HOPS):
        entry = objects.entry(tree, path)
        if entry is None or not (entry.is_file or entry.is_link) or path in into:
            return
        into[path] = entry
        if entry.is_file:
            return
        link = _link_target(objects, entry)
        followed = _followed(path, link) if link is not None else None
        if followed is None:
            return
        path = followed


def _link_target(objects: Objects, entry: TreeEntry) -> str | None:
    data = objects.blob(entry.oid, limit=_LINK_LIMIT).data
    if not data or b"\0" in data:
        return None
    return os.fsdecode(data)


def _followed(path: str, link: str) -> str | None:
    """Where a link at `path` (relative to its folder) leads, relative to the same folder;
    None if it leads out of it."""
    if link.startswith("/"):
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(path), link))
    return None if joined == ".." or joined.startswith("../") else joined
