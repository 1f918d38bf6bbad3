"""An assertion under an event as the pages show it: who did it, what it hit, what came
of it, with each rival version's holders, confirmers, deniers, grade and quotes."""

from __future__ import annotations

from dataclasses import dataclass

from ...addresses import Target, assertion_anchor
from ...analysis.model import AssertionAnalysis, VersionAnalysis
from ...factsheets.model import Assertion
from ...words import ASPECTS
from ..values import Grade, Quote
from .base import Book

__all__ = ["AssertionEntry", "VersionEntry", "assertion_entry", "version_entry"]


@dataclass(frozen=True)
class VersionEntry:
    """One version of an assertion: its summary, who holds, confirms and denies it, and
    its own grade and sources."""

    anchor: str  # its heading's on the timeline
    summary: str
    status: str
    grade: Grade
    single: bool
    lineages: list[list[Target]]
    shared: tuple[str, ...]
    claimed_by: tuple[Target, ...]  # its holders
    confirmed_by: tuple[Target, ...]
    denied_by: tuple[Target, ...]
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class AssertionEntry:
    """One assertion under an event: who did it, what it hit, what came of it; with rival
    versions, each graded on its own."""

    heading: str  # "Who was responsible"
    anchor: str
    assertion: Assertion
    status: str  # the one version's status, or "contested"
    versions: tuple[VersionEntry, ...]

    @property
    def contested(self) -> bool:
        return len(self.versions) > 1

    @property
    def only(self) -> VersionEntry:
        """The one version, for an assertion that is not contested."""
        return self.versions[0]


def assertion_entry(book: Book, event_id: str, found: AssertionAnalysis) -> AssertionEntry:
    """An assertion of the event as the timeline shows it: its heading, standing and
    versions."""
    record = found.record
    return AssertionEntry(
        ASPECTS[record.about],
        assertion_anchor(event_id, record.about),
        record,
        record.standing,
        tuple(
            version_entry(book, v, assertion_anchor(event_id, record.about, n))
            for n, v in enumerate(found.versions, 1)
        ),
    )


def version_entry(book: Book, found: VersionAnalysis, anchor: str) -> VersionEntry:
    """A version as the pages show it, with its holders and its grade."""
    version = found.version
    return VersionEntry(
        anchor,
        version.summary,
        version.status,
        book.grade_of(found.credibility),
        found.single_source,
        book.lineage_links(found.lineages),
        book.shared(found.shared),
        tuple(book.actor(a) for a in version.holders),
        tuple(book.actor(a) for a in version.confirmed_by),
        tuple(book.actor(a) for a in version.denied_by),
        tuple(book.quote(c) for c in version.citations),
    )
