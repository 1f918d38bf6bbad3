"""The Changes page: the briefing's change log, corrections first, then every change newest
first, each fact it touched linked where it stands now."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ...addresses import FEED_FILE, Target
from ...factsheets.kinds import kind as kind_named
from ...history.changes import FactChange, FieldChange
from ...history.entries import Entry
from .base import Book
from .history import change_link, record_link

__all__ = ["ChangesView", "EntryView", "FactLine", "changes_view"]

_ACTIONS = {"added": "Added", "removed": "Removed", "changed": "Changed", "renamed": "Renamed"}


@dataclass(frozen=True)
class FactLine:
    """One fact a change touched: what was done, the fact (a link if it still stands),
    its id before a rename, and its fields before and after."""

    action: str
    kind: str  # "event"
    fact: Target | str
    was: str | None
    fields: tuple[FieldChange, ...]
    single_source: bool


@dataclass(frozen=True)
class EntryView:
    anchor: str
    day: str
    commit: str  # its short hash
    subject: str  # its title: the commit's subject, or the one an editor gave it
    summary: str | None  # one sentence for readers, given with a title
    corrections: tuple[str, ...]
    # For the commit that published the briefing: what it published, counted.
    published: str | None
    facts: tuple[FactLine, ...]
    verdicts: tuple[tuple[Target, str, str], ...]  # group of figures, verdict before, after


@dataclass(frozen=True)
class ChangesView:
    unavailable: str | None  # why there is no change log in this build
    feed: Target | None  # the log's Atom feed, when the site has one
    corrections: tuple[EntryView, ...]
    entries: tuple[EntryView, ...]


def changes_view(book: Book) -> ChangesView:
    history = book.history
    if history is None:
        return ChangesView("the change log was not read for this copy of the site", None, (), ())
    if history.unavailable:
        return ChangesView(history.unavailable, None, (), ())
    views: list[EntryView] = []
    current: dict[tuple[str, str], str] = {}  # (kind, id then) -> id now, after renames
    groups = {book.group(g).anchor for g in book.analysis.claim_groups}
    for entry in history.entries:  # newest first
        views.append(_entry_view(book, entry, current, groups))
        for change in entry.changes.facts:
            if change.action == "renamed" and change.old_id is not None:
                now = current.get((change.kind, change.id), change.id)
                current[change.kind, change.old_id] = now
    corrections = tuple(v for v in views if v.corrections)
    feed = Target("Atom feed", FEED_FILE) if book.feed else None
    return ChangesView(None, feed, corrections, tuple(views))


def _entry_view(
    book: Book, entry: Entry, current: dict[tuple[str, str], str], groups: set[str | None]
) -> EntryView:
    published = None
    facts = entry.changes.facts
    if entry.first:
        counted = Counter(kind_named(f.kind) for f in facts if f.action == "added")
        published = ", ".join(
            f"{n} {kind.singular if n == 1 else kind.name}" for kind, n in counted.items()
        )
        facts = tuple(f for f in facts if f.action != "added")
    return EntryView(
        entry.anchor,
        change_link(entry).text,
        entry.commit[:12],
        entry.subject,
        entry.summary,
        entry.corrections,
        published,
        tuple(_fact_line(book, f, current) for f in facts),
        tuple(
            (Target(v.title, "casualties.md", v.anchor), v.before, v.after)
            for v in entry.changes.verdicts
            if v.anchor in groups
        ),
    )


def _fact_line(book: Book, change: FactChange, current: dict[tuple[str, str], str]) -> FactLine:
    now = current.get((change.kind, change.id), change.id)
    fact: Target | str = change.title
    if change.action != "removed":
        fact = record_link(book, change.kind, now) or change.title
    return FactLine(
        _ACTIONS[change.action],
        kind_named(change.kind).singular,
        fact,
        change.old_id,
        change.fields,
        change.became_single_source,
    )
