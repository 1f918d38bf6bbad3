"""Problems an editor can cause, reported as `file:line: field: message`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import Literal

__all__ = ["Problem", "Severity", "display_path", "format_report", "has_errors", "terminal_safe"]

# Characters a terminal acts on or reorders rather than shows: C0 and C1 controls (ESC
# starts sequences that recolour, retitle or rewrite the screen), DEL, and the bidirectional
# controls that make text display in another order than it is stored.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """Text with every control character shown as a visible escape, e.g. `\\x1b`."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a fact sheet or source, located for the editor."""

    file: str
    line: int
    field: str
    message: str
    severity: Severity = "error"
    # 1 for a problem that another may have caused (a reference to an id that did not
    # read): it prints after the others, so the cause comes first.
    stage: int = dataclass_field(default=0, compare=False)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        prefix = "" if self.severity == "error" else "warning: "
        if self.field:
            return terminal_safe(f"{where}: {prefix}{self.field}: {self.message}")
        return terminal_safe(f"{where}: {prefix}{self.message}")


def display_path(path: Path, root: Path) -> str:
    """A path as problems show it: relative to the project root when it is inside it."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)


def format_report(problems: list[Problem]) -> str:
    """All problems sorted by file and line, those another may have caused last, then a
    one-line count."""
    lines = [str(p) for p in sorted(problems, key=lambda p: (p.stage, p))]
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    lines.append(f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}")
    return "\n".join(lines)
