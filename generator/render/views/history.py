"""What a fact's entry says of its history (its last update, its corrections) and the links
into the change log, for the fact pages and the Changes page."""

from __future__ import annotations

from ...addresses import Target
from ...factsheets.dates import format_day
from ...factsheets.kinds import OVERVIEW
from ...history.entries import Entry, FactMarks, fact_marks
from ..values import Correction, FactHistory
from .base import Book

__all__ = ["change_link", "fact_history", "record_link"]


def change_link(entry: Entry) -> Target:
    """A link to a change-log entry, labelled with its day."""
    return Target(format_day(entry.day), "changes.md", entry.anchor)


def fact_history(book: Book, kind: str, record_id: str) -> FactHistory | None:
    """A fact's last update after it was first published, and its corrections; None if
    neither (or no history was read)."""
    mark = _marks(book).get((kind, record_id))
    if mark is None:
        return None
    corrections = tuple(
        Correction(
            change_link(entry),
            "; ".join(entry.corrections),
            tuple((f.name, f.before) for f in change.fields),
        )
        for entry, change in mark.corrections
    )
    updated = change_link(mark.updated) if mark.updated is not None else None
    return FactHistory(updated, corrections) or None


def _marks(book: Book) -> dict[tuple[str, str], FactMarks]:
    # Worked out once per book: every fact of the briefing asks.
    marks = book.__dict__.get("_history_marks")
    if marks is None:
        marks = fact_marks(book.history) if book.history is not None else {}
        book.__dict__["_history_marks"] = marks
    return marks


def record_link(book: Book, kind_name: str, record_id: str) -> Target | None:
    """A link to a source or fact of the briefing by id, or None if it has none now."""
    if kind_name == "sources":
        return book.source(record_id) if record_id in book.sources else None
    if kind_name == OVERVIEW.name:
        return Target(book.briefing.info.title, OVERVIEW.page or "index.md")
    if (kind_name, record_id) in book.analysis.facts:
        return book.fact((kind_name, record_id))
    return None
