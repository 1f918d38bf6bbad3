"""The change log as data: its entries, the log of one briefing, and what each fact's entry
says of its history (its last update, its corrections), which no later commit can remove."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from ..factsheets.kinds import kind as kind_named
from ..problems import Problem
from .changes import Changes, FactChange

__all__ = ["Entry", "FactMarks", "History", "entry_lines", "fact_marks"]


@dataclass(frozen=True)
class Entry:
    """One commit's change to the briefing's facts."""

    commit: str
    date: str  # when it was committed, ISO 8601 in UTC: 2026-11-24T09:30:00Z
    # The commit's subject, or the title an editor gave the change for readers.
    subject: str
    corrections: tuple[str, ...]  # what was wrong, as its Correction trailers say
    changes: Changes
    first: bool = False  # the commit that published the briefing
    # One sentence for readers, given with a title in change-titles.yaml (`retitle.py`).
    summary: str | None = None

    @property
    def anchor(self) -> str:
        """The entry's anchor on the Changes page."""
        return f"change-{self.commit[:12]}"

    @property
    def day(self) -> datetime.date:
        return datetime.date.fromisoformat(self.date[:10])


@dataclass(frozen=True)
class History:
    """A briefing's change log, newest first; or why there is none (`unavailable`)."""

    entries: tuple[Entry, ...] = ()
    unavailable: str | None = None
    as_of: str | None = None  # when HEAD was committed (UTC, ISO 8601)
    # How many commits were read, and how many needed a snapshot the cache did not hold.
    commits: int = 0
    computed: int = 0
    # What the editor should know of how it was read (a cache that cannot be used, a
    # commit's date that cannot be shown), once each.
    notes: tuple[str, ...] = ()
    # The briefing's folder names, now and before it was renamed.
    names: tuple[str, ...] = ()
    # (commit, subject) of each commit with a Correction trailer that changed nothing a
    # reader sees of this briefing: nothing of it is published.
    unlogged: tuple[tuple[str, str], ...] = ()
    # What is wrong with the titles given to its changes (a commit that is no entry).
    problems: tuple[Problem, ...] = ()

    @property
    def corrections(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.corrections)


@dataclass
class FactMarks:
    """What a fact's entry on its page says of its history."""

    updated: Entry | None = None  # the last change after it was first published
    # Each correction of it: the commit, and what it changed (with the old values).
    corrections: list[tuple[Entry, FactChange]] = field(default_factory=list)


def fact_marks(history: History) -> dict[tuple[str, str], FactMarks]:
    """{(kind, current id): its marks}, following renames to the id the fact has now. A
    fact removed and added again keeps its corrections: a published correction is never
    taken back by a later commit."""
    marks: dict[tuple[str, str], FactMarks] = {}
    removed: dict[tuple[str, str], FactMarks] = {}
    for entry in reversed(history.entries):  # oldest first
        for change in entry.changes.facts:
            key = (change.kind, change.id)
            if change.action == "renamed" and change.old_id is not None:
                old = (change.kind, change.old_id)
                marks[key] = marks.pop(old) if old in marks else removed.pop(old, FactMarks())
            if change.action == "removed":
                removed[key] = marks.pop(key, FactMarks())
                continue
            earlier = removed.pop(key, None)
            mark = marks.setdefault(key, earlier or FactMarks())
            if change.action == "added":
                if earlier is not None:  # back after it was removed: an update
                    mark.updated = entry
                continue
            mark.updated = entry
            if entry.corrections:
                mark.corrections.append((entry, change))
    return marks


def entry_lines(entry: Entry) -> list[str]:
    """An entry's changes in words, a line each: for the terminal and the feeds."""
    lines = [entry.summary] if entry.summary else []
    lines += [f"Correction: {what}" for what in entry.corrections]
    added = [f for f in entry.changes.facts if f.action == "added"]
    if entry.first:
        lines.append(f"First published, with {len(added)} records.")
    for change in entry.changes.facts:
        if entry.first and change.action == "added":
            continue
        was = f" (its id was {change.old_id})" if change.old_id else ""
        single = " · now carried by one lineage only" if change.became_single_source else ""
        lines.append(
            f"{change.action.capitalize()} {kind_named(change.kind).singular} {change.id}: "
            f"{change.title}{was}{single}"
        )
        lines += [f"  {f.name}: {f.before} → {f.after}" for f in change.fields]
    lines += [f"Verdict on {v.title}: {v.before} → {v.after}" for v in entry.changes.verdicts]
    return lines
