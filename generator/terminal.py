"""What the `briefing` command prints, and the edges of its standard output that a Unix
tool must handle.

- Text is shown with control characters escaped (`problems.terminal_safe`).
- A closed standard output (`briefing changes >&-`) is found before the command does
  anything, so that a command which writes a file (`briefing new`) never half-succeeds.
- A reader that stops reading (`briefing coverage | head -1`) ends the command quietly
  with status 141, as the shell reports a tool that SIGPIPE ended (`cat`, `grep`): a
  script with `set -o pipefail` then fails as it would with any of them, and a failing
  check can never pass as 0 because its reader stopped early.
- A terminal whose encoding cannot show a character (`PYTHONIOENCODING=ascii`, a Latin-1
  locale) gets it as an escape (`\\u2192`) rather than an error halfway through, and one
  line at the end saying how to see the real characters.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import io
import os
import signal
import sys
from collections.abc import Callable

from .problems import terminal_safe

__all__ = [
    "BROKEN_PIPE",
    "OutputUnavailable",
    "encoding_note",
    "err",
    "finish",
    "out",
    "prepare",
    "reader_gone",
]

# The status a shell shows for a tool that SIGPIPE ended (128 + 13).
BROKEN_PIPE = 128 + signal.SIGPIPE


class OutputUnavailable(Exception):
    """Standard output cannot take what the command prints: closed, or failing to write."""


class _State:
    """What `out` noticed: the first character the terminal's encoding could not show."""

    unshown: str | None = None


def prepare() -> None:
    """Check that standard output is open, and make both streams write a character their
    encoding lacks as an escape instead of failing."""
    if sys.stdout is None:
        raise OutputUnavailable(
            "standard output is closed (`>&-`), so nothing could be printed and nothing was "
            "done; send it to a file or to /dev/null instead (`>/dev/null`)"
        )
    _State.unshown = None
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and not _is_utf(stream.encoding):
            stream.reconfigure(errors="backslashreplace")


def out(text: str, end: str = "\n") -> None:
    """Print to standard output, control characters escaped."""
    shown = terminal_safe(text) + end
    stream = sys.stdout
    if stream is None:
        raise OutputUnavailable("standard output was closed while printing")
    if _State.unshown is None and not _is_utf(stream.encoding):
        _State.unshown = _first_unencodable(shown, stream.encoding)
    _write(lambda: stream.write(shown))


def err(text: str) -> None:
    """Print to standard error, control characters escaped; if that is closed or fails
    too, there is nowhere left to say so."""
    if sys.stderr is None:
        return
    with contextlib.suppress(OSError, ValueError):
        print(terminal_safe(text), file=sys.stderr, flush=True)


def finish() -> None:
    """Flush standard output, so that a reader gone or a full disk is noticed here, while
    the command can still say so, and not at the interpreter's exit."""
    if sys.stdout is not None:
        _write(sys.stdout.flush)


def encoding_note() -> str | None:
    """One line on characters the terminal could not show, or None."""
    if _State.unshown is None or sys.stdout is None:
        return None
    escaped = _State.unshown.encode("unicode_escape").decode("ascii")
    return (
        f"this terminal's encoding ({sys.stdout.encoding}) cannot show every character "
        f"printed, so some (such as {escaped}) are written as escapes; to see them, use a "
        "UTF-8 locale (e.g. LANG=C.UTF-8) or set PYTHONIOENCODING=utf-8"
    )


def reader_gone() -> int:
    """After a broken pipe: nothing more reaches standard output (Python would otherwise
    report the broken pipe again when it flushes at exit); the status to exit with."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno() if sys.stdout is not None else 1)
        os.close(devnull)
    return BROKEN_PIPE


def _write(action: Callable[[], object]) -> None:
    try:
        action()
    except BrokenPipeError:
        raise  # the reader stopped reading: `main` ends quietly
    except OSError as exc:
        if exc.errno == errno.EBADF:
            raise OutputUnavailable("standard output is closed; nothing could be printed") from None
        raise OutputUnavailable(f"cannot write to standard output: {exc.strerror or exc}") from None


def _is_utf(encoding: str | None) -> bool:
    if encoding is None:
        return True  # a text stream with no bytes behind it (io.StringIO) takes anything
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


def _first_unencodable(text: str, encoding: str | None) -> str | None:
    try:
        text.encode(encoding or "ascii")
    except (UnicodeEncodeError, LookupError) as exc:
        if isinstance(exc, UnicodeEncodeError):
            return exc.object[exc.start]
    return None
