"""The history's cache: JSON answers kept between builds in `.cache/briefing-history/`, in
a folder named for the version of the generator's code that computed them.

The cache writes only its own folder. Every folder on the way to it (`.cache`,
`briefing-history`, the version's folder) is opened relative to the one before without
following a link, so a `.cache/briefing-history -> ../..` made by hand or committed in a
pull request is refused by the system itself, not merely checked before use: the build
then reads the history uncached and says why, once. Clean-up removes only what the cache
wrote: folders named like a version digest that hold nothing but its own files. Entries are
read without following links, and a write that fails leaves no temporary file behind.
"""

from __future__ import annotations

import errno
import json
import os
import re
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

__all__ = ["CACHE_FOLDER", "Cache", "no_cache", "open_cache"]

CACHE_FOLDER = Path(".cache") / "briefing-history"
# A version's folder, and the files the cache writes into it.
_VERSION_NAME = re.compile(r"[0-9a-f]{16}")
_OWN_FILE = re.compile(r"(?:snapshot|changes)-[0-9a-f]{64}\.json|\.tmp-[0-9a-f]{16}")
_TEMPORARY = ".tmp-"
# No entry the history writes comes near this; a larger one is not read.
ENTRY_LIMIT = 256 * 1024 * 1024

_FOLDER_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC


class Cache:
    """The folder of one code version's answers, open as a file descriptor; or no cache
    (`fd` None), with the reason to tell the editor in `note` when there is one."""

    def __init__(self, fd: int | None = None, note: str | None = None) -> None:
        self.fd = fd
        self.note = note

    def read(self, name: str) -> dict[str, Any] | None:
        """The mapping kept under `name`, or None: not there, not a regular file (a link is
        not followed), too large, or not a JSON object."""
        if self.fd is None or not _OWN_FILE.fullmatch(name):
            return None
        try:
            fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=self.fd)
        except OSError:
            return None
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            with os.fdopen(os.dup(fd), "rb") as handle:
                raw = handle.read(ENTRY_LIMIT + 1)
        except OSError:
            return None
        finally:
            os.close(fd)
        if len(raw) > ENTRY_LIMIT:
            return None
        try:
            data = json.loads(raw)
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    def write(self, name: str, data: dict[str, Any]) -> None:
        """Keep `data` under `name` for later builds. A cache that cannot be written costs
        only time; the temporary file of a failed write is removed."""
        if self.fd is None or not _OWN_FILE.fullmatch(name):
            return
        temporary = f"{_TEMPORARY}{secrets.token_hex(8)}"
        try:
            fd = os.open(
                temporary,
                os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC,
                0o644,
                dir_fd=self.fd,
            )
        except OSError:
            return
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
            # A rename replaces a link of that name; it never writes through one.
            os.replace(temporary, name, src_dir_fd=self.fd, dst_dir_fd=self.fd)
        except (OSError, ValueError):
            _remove(temporary, self.fd)

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


@contextmanager
def open_cache(base: Path, version: str, shown: str) -> Iterator[Cache]:
    """The cache of `version` in the folder `base` (made if missing, as is its parent), for
    the length of the `with`. `shown` is how notes name `base` to the editor
    ('.cache/briefing-history'). `base` and its parent must be folders, not links."""
    cache = _opened(base, version, shown)
    try:
        yield cache
    finally:
        cache.close()


@contextmanager
def no_cache(note: str) -> Iterator[Cache]:
    """No cache, for the reason in `note` (told to the editor once)."""
    yield Cache(note=note)


def _opened(base: Path, version: str, shown: str) -> Cache:
    try:
        anchor = os.open(base.parent.parent, _FOLDER_FLAGS & ~os.O_NOFOLLOW)
    except OSError:
        return Cache()
    held = [anchor]
    try:
        parts = [(base.parent.name, str(Path(shown).parent)), (base.name, shown)]
        for name, label in parts:
            fd, note = _folder(held[-1], name, label)
            if fd is None:
                return Cache(note=note)
            held.append(fd)
        fresh = not _exists(version, held[-1])
        fd, note = _folder(held[-1], version, f"{shown}/{version}")
        if fd is None:
            return Cache(note=note)
        if fresh:
            _remove_other_versions(held[-1], version)
        return Cache(fd)
    finally:
        for fd in held:
            os.close(fd)


def _exists(name: str, parent: int) -> bool:
    try:
        os.lstat(name, dir_fd=parent)
    except OSError:
        return False
    return True


def _folder(parent: int, name: str, shown: str) -> tuple[int | None, str | None]:
    """The folder `name` in `parent`, opened (and made if missing); or None, with why not
    in words when it is something the editor must fix."""
    try:
        os.mkdir(name, 0o755, dir_fd=parent)
    except FileExistsError:
        pass
    except OSError:
        return None, None  # a read-only project: the history is read uncached
    try:
        return os.open(name, _FOLDER_FLAGS, dir_fd=parent), None
    except OSError as exc:
        if exc.errno not in (errno.ELOOP, errno.ENOTDIR):
            return None, None
    return None, _refusal(parent, name, shown)


def _refusal(parent: int, name: str, shown: str) -> str:
    try:
        info = os.lstat(name, dir_fd=parent)
    except OSError:
        info = None
    if info is not None and stat.S_ISLNK(info.st_mode):
        target = os.readlink(name, dir_fd=parent)
        what = f"{shown} is a symbolic link (to {target})"
        fix = f"remove the link (`rm {shown}`)"
    else:
        what = f"{shown} is not a folder"
        fix = f"remove or rename {shown}"
    return (
        f"History cache not used, so the change log is read from git in full: {what}; the "
        f"cache writes only a folder of its own inside the project: {fix}, and the next "
        "build makes the folder"
    )


def _remove_other_versions(folder: int, version: str) -> None:
    """Remove the answers of other versions of the code: each folder named like a version
    that holds only files the cache writes. Anything else is left alone."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if (
            entry.name != version
            and _VERSION_NAME.fullmatch(entry.name)
            and entry.is_dir(follow_symlinks=False)
        ):
            _remove_version(folder, entry.name)


def _remove_version(parent: int, name: str) -> None:
    try:
        fd = os.open(name, _FOLDER_FLAGS, dir_fd=parent)
    except OSError:
        return
    try:
        entries = list(os.scandir(fd))
        if all(_OWN_FILE.fullmatch(e.name) and e.is_file(follow_symlinks=False) for e in entries):
            for entry in entries:
                _remove(entry.name, fd)
            os.rmdir(name, dir_fd=parent)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove(name: str, folder: int) -> None:
    with suppress(OSError):
        os.unlink(name, dir_fd=folder)
