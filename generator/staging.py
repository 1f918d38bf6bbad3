"""Replacing an output folder (the built site, a render) whole or not at all.

A build writes into a hidden sibling folder and swaps it in only when it has succeeded, so
a build that fails, runs out of disk or is killed leaves the previous folder as it was. On
Linux the swap is one `renameat2(RENAME_EXCHANGE)` call: at every instant the folder is the
old one or the new one. Elsewhere it is two renames, and a build killed between them is
repaired by the next one, which puts the old folder back before it starts.

A lock file beside the folder makes a second build wait for the first instead of both
writing at once. The lock is an advisory `flock`, released by the system when its process
dies, so a killed build never leaves a stale lock behind.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
import tempfile
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import IO

fcntl: types.ModuleType | None
try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: builds are not serialised there
    fcntl = None

__all__ = ["BuildLock", "OutputBusy", "Staging"]


class OutputBusy(Exception):
    """Another build held the output folder's lock for longer than we wait."""


class BuildLock:
    """An exclusive lock on an output folder, held while a build writes its replacement."""

    def __init__(self, target: Path) -> None:
        self.name = target.name
        self.path = target.parent / f".{target.name}.lock"
        self._handle: IO[str] | None = None

    def acquire(self, *, wait: float = 600.0, on_wait: Callable[[str], None] | None = None) -> None:
        """Take the lock, waiting up to `wait` seconds for another build to finish
        (`on_wait` is told once that we wait, and why)."""
        if fcntl is None:
            return
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told and on_wait is not None:
                    on_wait(
                        f"another build of {self.name}/ is running "
                        f"({_holder(handle)}); waiting for it to finish"
                    )
                    told = True
                if time.monotonic() > deadline:
                    holder = _holder(handle)
                    handle.close()
                    raise OutputBusy(
                        f"another build of {self.name}/ has been running for over "
                        f"{wait:.0f} s ({holder}); wait for it or stop it, then build again"
                    ) from None
                time.sleep(0.2)
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing the file releases the flock
            self._handle = None


def _holder(handle: IO[str]) -> str:
    handle.seek(0)
    pid = handle.read().strip()
    return f"process {pid}" if pid.isdigit() else "another process"


class Staging:
    """A hidden sibling of `target` that a new version is written into, then swapped in.

    Create it only while holding the target's `BuildLock`: it first clears what killed
    builds left behind, which only the lock holder may do.
    """

    def __init__(self, target: Path) -> None:
        self.target = target
        self.target.parent.mkdir(parents=True, exist_ok=True)
        _recover(target)
        self.path = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
        # mkdtemp makes the folder private (0700); the site must stay readable by a web
        # server as before: keep the old folder's mode, or what the umask gives.
        os.chmod(self.path, _mode_of(target))

    def publish(self) -> None:
        """Put the staged folder in place of the target, atomically where the system can."""
        if self.target.exists() and not self.target.is_dir():
            raise NotADirectoryError(f"{self.target} is a file, not a folder; move it away")
        if not self.target.exists():
            os.rename(self.path, self.target)
        elif _exchange(self.path, self.target):
            _remove(self.path)  # now the old version (a link, if the target was one)
        else:
            old = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.old-", dir=self.target.parent))
            os.rename(self.target, old / "previous")
            os.rename(self.path, self.target)
            _remove(old)

    def discard(self) -> None:
        _remove(self.path)


def _remove(path: Path) -> None:
    """Remove a version of the folder; a link (a target that was a link to a folder
    elsewhere, swapped out) is removed itself, and what it points at is left alone."""
    if path.is_symlink():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


def _mode_of(target: Path) -> int:
    if target.is_dir():
        return target.stat().st_mode & 0o7777
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o777 & ~umask


def _recover(target: Path) -> None:
    """Undo what a killed build left: put back an old version moved aside just before it was
    killed, and remove half-written and superseded versions."""
    leftovers = sorted(target.parent.glob(f".{target.name}.old-*"))
    if not target.exists():
        for old in leftovers:
            if (old / "previous").is_dir():
                os.rename(old / "previous", target)
                break
    for stale in [*leftovers, *target.parent.glob(f".{target.name}.new-*")]:
        _remove(stale)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2); False where the system can't."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # a C library without renameat2 (before glibc 2.28)
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):  # a file system without it
        return False
    raise OSError(code, os.strerror(code), str(b))
