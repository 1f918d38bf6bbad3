"""Reading input files only from where they belong.

A fact sheet, a source text or a hand-written page is read into a public site, so a
symbolic link in a pull request (`seeds/x.txt -> /proc/self/environ`) must not publish a file
of the build machine. Every input is read through `read_inside`: the path must resolve to a
regular file inside its folder (links that stay inside are fine), it is opened without
following a link and without blocking (a FIFO would hang the build), and it is read up to a
size limit (files in /proc report a size of 0). Refusals say what is wrong with the path and
never show the refused file's content.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

__all__ = ["InputRefused", "is_inside", "kind_of", "read_inside", "unreachable"]


class InputRefused(Exception):
    """Why an input path cannot be read, in words for the editor (no file content)."""


def is_inside(path: Path, folder: Path) -> bool:
    """Whether `path`, with every link resolved, lies within `folder` (also resolved). A
    path caught in a link loop lies nowhere: False."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # RuntimeError: Python 3.11's word for a link loop
        return False


def unreachable(path: Path, what: str = "folder") -> str | None:
    """Why following `path` leads to nothing, in words for the editor, or None: it is (or
    passes through) a symbolic link loop, or it is a symbolic link to nothing."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return (
                "is a symbolic link loop (following it leads back to itself); replace it "
                f"with the {what} itself"
            )
        if exc.errno == errno.ENOENT and path.is_symlink():
            return (
                f"is a symbolic link to nothing (the {what} it names does not exist); "
                f"replace the link with the {what} itself"
            )
    return None


def kind_of(mode: int) -> str:
    """What a file system entry is, in words: 'a folder', 'a FIFO (named pipe)', ..."""
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def _human(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def read_inside(path: Path, folder: Path, *, limit: int, what: str = "file") -> bytes:
    """The bytes of `path`, which must be a regular file inside `folder`, at most `limit`.

    Raises FileNotFoundError when nothing is there (not even a dangling link), and
    InputRefused with the reason when the path is a link out of `folder`, a dangling link,
    a folder, a device, a FIFO or a socket, or holds more than `limit` bytes.
    """
    try:
        info = os.lstat(path)  # FileNotFoundError: the caller decides if missing is fine
    except OSError as exc:
        if exc.errno != errno.ELOOP:
            raise
        raise InputRefused(
            "is in a folder that is a symbolic link loop (following it leads back to "
            "itself); replace the link with the folder itself"
        ) from None
    if stat.S_ISLNK(info.st_mode):
        if (reason := unreachable(path, what)) is not None:
            raise InputRefused(reason)
        if not is_inside(path, folder):
            raise InputRefused(
                f"is a symbolic link to a file outside {folder.name}/; only "
                f"files inside {folder.name}/ can be read: copy the {what} "
                "there"
            )
    elif not is_inside(path, folder):
        raise InputRefused(f"is outside {folder.name}/; only files inside it can be read")
    real = path.resolve()
    try:
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
    except IsADirectoryError:
        raise InputRefused(f"is a folder, not a {what}") from None
    except OSError as exc:
        raise InputRefused(f"cannot be opened ({exc.strerror})") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise InputRefused(f"is {kind_of(mode)}, not a {what}")
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        size = max(os.stat(real).st_size, len(data))
        raise InputRefused(f"is {_human(size)}; a {what} may be at most {_human(limit)}")
    return data
