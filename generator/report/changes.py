"""`briefing changes [BRIEFING] [--since REV]`: a briefing's change log in the terminal, as
its Changes page shows it: corrections first, then every change newest first."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..history.entries import History, entry_lines
from ..history.log import briefing_history
from ..history.record import unlogged_notes
from ..pipeline import discover_briefings
from ..project import Project

__all__ = ["changes_report", "format_changes"]


def changes_report(
    project: Project, names: list[str], since: str | None, note: Callable[[str], None]
) -> Iterator[str]:
    """The change log of each briefing named (all if none), as text, and what the editor
    should know of how it was read, once each, through `note`. ValueError for a name that
    is no briefing or a `since` that names no commit, and, after every log, if any could
    not be read."""
    root = project.root
    folders = discover_briefings(project.briefings_dir)
    unknown = sorted(set(names) - {f.name for f in folders})
    if unknown:
        known = ", ".join(f.name for f in folders) or "none"
        raise ValueError(f"no briefing {', '.join(unknown)}; known: {known}")
    noted: set[str] = set()
    read: list[History] = []
    unread = []
    for folder in folders:
        if not names or folder.name in names:
            history = briefing_history(root, folder, project.seeds_dir, since=since)
            for line in (*history.notes, *map(str, history.problems)):
                if line not in noted:
                    noted.add(line)
                    note(line)
            if history.unavailable:
                unread.append(folder.name)
            read.append(history)
            yield format_changes(folder.name, history)
    for line in unlogged_notes(read):
        note(line)
    if unread:
        raise ValueError(f"the change log of {', '.join(unread)} could not be read (see above)")


def format_changes(slug: str, history: History) -> str:
    """The change log of the briefing in folder `slug`, as plain text."""
    if history.unavailable:
        return f"{slug}: change history not available: {history.unavailable}\n"
    lines = [f"{slug}: {_count(len(history.entries), 'change')}"]
    if history.corrections:
        lines += ["", "Corrections:"]
        lines += [
            f"  {e.date[:10]} {e.commit[:12]}: {'; '.join(e.corrections)}"
            for e in history.corrections
        ]
    for entry in history.entries:
        lines += ["", f"{entry.date[:10]} {entry.commit[:12]} {entry.subject}"]
        lines += [f"  {line}" for line in entry_lines(entry)]
    return "\n".join(lines) + "\n"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
