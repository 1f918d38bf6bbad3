"""Git's objects as they are stored: commits, trees and blobs read through one `git cat-file
--batch`, never through `git archive` or a checkout.

A blob is the bytes that were committed. `git archive` honours `.gitattributes`: an
`export-subst` once turned a YAML comment into a field holding each commit's author, and
`export-ignore` or a filter could hide or rewrite a fact sheet. Nothing here runs an
attribute, a filter or a hook. A tree entry of mode 120000 is a symbolic link whose blob
is its target.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from types import TracebackType
from typing import IO

from .git import HistoryUnavailable, Repository

__all__ = ["LINK", "TREE", "Blob", "CommitObject", "Objects", "TreeEntry", "parse_tree"]

TREE, LINK, SUBMODULE = "40000", "120000", "160000"
# Read in parts of this size when a blob is too large to keep.
_CHUNK = 1 << 20


@dataclass(frozen=True)
class TreeEntry:
    """One entry of a tree: its mode ('100644', '120000' for a link, '40000' for a tree),
    its name (bytes decoded as the file system would) and its object id."""

    mode: str
    name: str
    oid: str

    @property
    def is_tree(self) -> bool:
        return self.mode == TREE

    @property
    def is_file(self) -> bool:
        return self.mode.startswith("100")

    @property
    def is_link(self) -> bool:
        return self.mode == LINK


@dataclass(frozen=True)
class Blob:
    """A blob's bytes, or None when it is larger than the reader was asked to keep."""

    data: bytes | None
    size: int


@dataclass(frozen=True)
class CommitObject:
    tree: str
    parents: tuple[str, ...]


def parse_tree(raw: bytes, id_length: int) -> tuple[TreeEntry, ...]:
    """The entries of a tree object: `<mode> <name>\\0<id>` each, the id `id_length` raw
    bytes (20 for SHA-1, 32 for SHA-256). ValueError if `raw` is not such a list."""
    entries = []
    at = 0
    while at < len(raw):
        space = raw.index(b" ", at)
        end = raw.index(b"\0", space)
        mode = raw[at:space].decode("ascii")
        if not mode.isdigit() or end + 1 + id_length > len(raw):
            raise ValueError("not a tree object")
        name = os.fsdecode(raw[space + 1 : end])
        entries.append(TreeEntry(mode, name, raw[end + 1 : end + 1 + id_length].hex()))
        at = end + 1 + id_length
    return tuple(entries)


def parse_commit(raw: bytes) -> CommitObject:
    """A commit object's tree and parents (its header lines up to the first blank line)."""
    tree, parents = "", []
    for line in raw.split(b"\n\n", 1)[0].split(b"\n"):
        key, _, value = line.partition(b" ")
        if key == b"tree":
            tree = value.decode("ascii")
        elif key == b"parent":
            parents.append(value.decode("ascii"))
    if not tree:
        raise ValueError("not a commit object")
    return CommitObject(tree, tuple(parents))


class Objects:
    """One repository's objects, read by one `git cat-file --batch` kept open for the
    length of a `with`. Trees and commits are kept once read: commits share most of them."""

    def __init__(self, repo: Repository) -> None:
        self.repo = repo
        self._process: subprocess.Popen[bytes] | None = None
        self._trees: dict[str, dict[str, TreeEntry]] = {}
        self._commits: dict[str, CommitObject] = {}

    def __enter__(self) -> Objects:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._process is not None:
            for stream in (self._process.stdin, self._process.stdout):
                if stream is not None:
                    stream.close()
            self._process.wait()
            self._process = None

    def commit(self, oid: str) -> CommitObject:
        if oid not in self._commits:
            kind, blob = self._read(oid, None)
            if kind != "commit" or blob.data is None:
                raise HistoryUnavailable(f"git could not read commit {oid[:12]}")
            self._commits[oid] = parse_commit(blob.data)
        return self._commits[oid]

    def tree(self, oid: str) -> dict[str, TreeEntry]:
        """A tree's entries by name."""
        if oid not in self._trees:
            kind, blob = self._read(oid, None)
            if kind != "tree" or blob.data is None:
                raise HistoryUnavailable(f"git could not read tree {oid[:12]}")
            try:
                entries = parse_tree(blob.data, len(oid) // 2)
            except ValueError:
                raise HistoryUnavailable(f"git gave an unreadable tree ({oid[:12]})") from None
            self._trees[oid] = {e.name: e for e in entries}
        return self._trees[oid]

    def blob(self, oid: str, limit: int | None = None) -> Blob:
        """A blob's bytes, kept only up to `limit` bytes (None: whatever its size)."""
        kind, blob = self._read(oid, limit)
        if kind != "blob":
            raise HistoryUnavailable(f"git could not read file {oid[:12]}")
        return blob

    def named(self, name: str, limit: int) -> bytes | None:
        """The blob a revision and path name ('origin/gh-pages:corrections.json'), if there
        is one no larger than `limit`."""
        kind, blob = self._read(name, limit)
        return blob.data if kind == "blob" else None

    def entry(self, tree: str, path: str) -> TreeEntry | None:
        """The entry at `path` ('briefings/x') below the tree `tree`, without following a
        link on the way; None if there is none."""
        found: TreeEntry | None = TreeEntry(TREE, "", tree)
        for part in filter(None, path.split("/")):
            if found is None or not found.is_tree:
                return None
            found = self.tree(found.oid).get(part)
        return found

    def files(self, tree: str, prefix: str = "") -> dict[str, TreeEntry]:
        """Every file and link below `tree`, by its path relative to it; submodules are
        left out (they are not files of this repository)."""
        found: dict[str, TreeEntry] = {}
        for entry in self.tree(tree).values():
            path = f"{prefix}{entry.name}"
            if entry.is_tree:
                found.update(self.files(entry.oid, f"{path}/"))
            elif entry.is_file or entry.is_link:
                found[path] = entry
        return found

    def _read(self, name: str, limit: int | None) -> tuple[str, Blob]:
        """('missing', empty) when git has no such object."""
        process = self._started()
        assert process.stdin is not None and process.stdout is not None
        try:
            process.stdin.write(name.encode("utf-8", "surrogateescape") + b"\n")
            process.stdin.flush()
        except OSError:
            raise HistoryUnavailable("git stopped answering while the history was read") from None
        header = process.stdout.readline().split()
        if len(header) == 2 and header[1] in (b"missing", b"ambiguous"):
            return "missing", Blob(b"", 0)
        if len(header) != 3 or not header[2].isdigit():
            raise HistoryUnavailable("git stopped answering while the history was read")
        kind, size = header[1].decode("ascii"), int(header[2])
        data: bytes | None = None
        if limit is None or size <= limit:
            data = process.stdout.read(size)
            complete = len(data) == size
        else:
            complete = _skip(process.stdout, size)
        if not complete or process.stdout.read(1) != b"\n":
            raise HistoryUnavailable("git stopped answering while the history was read")
        return kind, Blob(data, size)

    def _started(self) -> subprocess.Popen[bytes]:
        if self._process is None:
            try:
                self._process = subprocess.Popen(
                    ["git", "-C", str(self.repo.top), "cat-file", "--batch"],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                )
            except FileNotFoundError:
                raise HistoryUnavailable("git is not installed where this build runs") from None
        return self._process


def _skip(stream: IO[bytes], size: int) -> bool:
    """Read `size` bytes and keep none of them; False if the stream ends first."""
    while size:
        chunk = stream.read(min(size, _CHUNK))
        if not chunk:
            return False
        size -= len(chunk)
    return True
