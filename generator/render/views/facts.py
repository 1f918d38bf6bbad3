"""The pages of facts: the timeline of events, the casualty claims side by side, and the
statements with each source's rendering."""

from __future__ import annotations

from dataclasses import dataclass

from ...addresses import Target, incident_anchor
from ...analysis.figures import ClaimGroup
from ...factsheets.dates import DateRange, format_day
from ...factsheets.model import CasualtyClaim, Event, Statement
from ...words import describe_count, group_title, period, verdict_label
from ..charts import FigureGroup, FigureRow, TimelineRow
from ..values import CasualtyChart, CiteLine, Grade, Quote, TimelineChart, Verdict
from .base import Book

__all__ = [
    "CasualtiesView",
    "EventEntry",
    "StatementEntry",
    "TimelineView",
    "casualties_view",
    "chart_row",
    "statements_view",
    "timeline_view",
]


@dataclass(frozen=True)
class Graded:
    """What every entry of a graded fact shows: grade, single-source flag, lineages, the
    steps of its grade, its cite line and its quotes."""

    grade: Grade
    single: str | None
    lineages: list[list[Target]]
    cite_line: CiteLine
    quotes: tuple[Quote, ...]


def _graded(book: Book, kind: str, record: Event | CasualtyClaim | Statement) -> Graded:
    key = (kind, record.id)
    return Graded(
        book.grade(key),
        book.single_source(key),
        book.lineages(key),
        book.cite_line(book.analysis.facts[key]),
        tuple(book.quote(c) for c in record.citations),
    )


# ---------------------------------------------------------------------------------------
# Timeline


@dataclass(frozen=True)
class EventEntry:
    event: Event
    facts: Graded
    claimed_by: tuple[Target, ...]
    confirmed_by: tuple[Target, ...]
    denied_by: tuple[Target, ...]
    actors: tuple[Target, ...]
    places: tuple[Target, ...]
    statements: tuple[Target, ...]


@dataclass(frozen=True)
class TimelineView:
    chart: TimelineChart
    entries: tuple[EventEntry, ...]


def chart_row(event: Event, href: str) -> TimelineRow:
    """An event as the timeline chart draws it."""
    return TimelineRow(event.title, event.when, event.status, event.precision, event.time, href)


def timeline_view(book: Book) -> TimelineView:
    analysis, info = book.analysis, book.briefing.info
    rows = tuple(chart_row(e, f"#{e.id}") for e in analysis.events)
    span = DateRange(info.period.start, info.period.end, period(info.period.start, info.period.end))
    chart = TimelineChart(
        f"Timeline of {len(rows)} events; the shaded band is the briefing period",
        rows,
        span,
        "Each row links to its entry below, which gives the sources.",
    )
    entries = tuple(
        EventEntry(
            event=e,
            facts=_graded(book, "events", e),
            claimed_by=tuple(book.actor(a) for a in e.claimed_by),
            confirmed_by=tuple(book.actor(a) for a in e.confirmed_by),
            denied_by=tuple(book.actor(a) for a in e.denied_by),
            actors=tuple(book.actor(a) for a in e.actors),
            places=tuple(Target(book.places[p].name, f"places/{p}.md") for p in e.places),
            statements=tuple(
                book.fact(("statements", s.id)) for s in analysis.event_statements.get(e.id, ())
            ),
        )
        for e in analysis.events
    )
    return TimelineView(chart, entries)


# ---------------------------------------------------------------------------------------
# Casualty claims


@dataclass(frozen=True)
class ClaimEntry:
    claim: CasualtyClaim
    figure: str
    claimant: Target | str
    place: Target | None
    reported_by: tuple[Target, ...]  # each citation's source and paragraph
    facts: Graded


@dataclass(frozen=True)
class GroupEntry:
    title: str
    anchor: str
    verdict: Verdict
    reason: str
    claims: tuple[ClaimEntry, ...]


@dataclass(frozen=True)
class IncidentEntry:
    incident: Event
    anchor: str
    timeline: Target
    chart: CasualtyChart
    groups: tuple[GroupEntry, ...]


@dataclass(frozen=True)
class CasualtiesView:
    credibility: Target  # where the grades are explained
    incidents: tuple[IncidentEntry, ...]


def _figure_row(book: Book, claim: CasualtyClaim) -> FigureRow:
    when = format_day(claim.as_of, year=False, short_month=True) + (
        f" {claim.as_of_time}" if claim.as_of_time else ""
    )
    who = book.actor_name(claim.claimant) if claim.claimant else "unattributed"
    sources = ", ".join(dict.fromkeys(book.source_label(c.source) for c in claim.citations))
    low, high = claim.bounds
    return FigureRow(
        f"{when} · {who} · {sources}",
        describe_count(claim),
        low,
        high,
        claim.count == "unknown",
        claim.qualifier == "about",
        f"#{claim.id}",
    )


def _group_entry(book: Book, group: ClaimGroup) -> GroupEntry:
    target = book.group(group)
    assert target.anchor is not None
    claims = tuple(
        ClaimEntry(
            c,
            describe_count(c),
            book.claimant(c.claimant),
            book.place(c.place),
            tuple(book.quote(q).where for q in c.citations),
            _graded(book, "claims", c),
        )
        for c in group.claims
    )
    return GroupEntry(
        group_title(group), target.anchor, book.verdict(group), book.figure_reason(group), claims
    )


def casualties_view(book: Book) -> CasualtiesView:
    by_incident: dict[str, list[ClaimGroup]] = {}
    for group in book.analysis.claim_groups:
        by_incident.setdefault(group.incident.id, []).append(group)
    incidents = []
    for event_id, groups in by_incident.items():
        incident = book.events[event_id]
        chart = CasualtyChart(
            f"Figures for {incident.title}, in the order they were given",
            tuple(
                FigureGroup(
                    group_title(g),
                    verdict_label(g.comparison.verdict),
                    tuple(_figure_row(book, c) for c in g.claims),
                )
                for g in groups
            ),
            "The same figures are listed in the tables below, with sources.",
        )
        incidents.append(
            IncidentEntry(
                incident,
                incident_anchor(event_id),
                Target("Timeline entry", "timeline.md", event_id),
                chart,
                tuple(_group_entry(book, g) for g in groups),
            )
        )
    return CasualtiesView(
        Target("source comparison", "compare.md", "credibility"), tuple(incidents)
    )


# ---------------------------------------------------------------------------------------
# Statements


@dataclass(frozen=True)
class StatementEntry:
    statement: Statement
    speaker: Target
    speaker_name: str
    about: Target | None
    facts: Graded


def statements_view(book: Book) -> tuple[StatementEntry, ...]:
    return tuple(
        StatementEntry(
            s,
            book.actor(s.speaker),
            book.actor_name(s.speaker),
            book.fact(("events", s.event)) if s.event else None,
            _graded(book, "statements", s),
        )
        for s in book.analysis.statements
    )
