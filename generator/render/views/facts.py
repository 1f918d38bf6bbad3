"""The pages of facts: the timeline of events, the casualty claims side by side, and the
statements with each source's rendering."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from ...addresses import Target, incident_anchor
from ...analysis.figures import ClaimGroup, claimant_key
from ...checks.date_phrases import phrase_sources
from ...factsheets.dates import DateRange
from ...factsheets.model import CasualtyClaim, Event, Statement
from ...factsheets.times import (
    end_label,
    placement,
    time_label,
    when_text,
)
from ...words import VERDICT_WORDS, group_title, period, verdicts_label
from ..charts import FigureGroup, FigureRow, TimelineRow
from ..values import (
    CasualtyChart,
    CiteLine,
    ClaimFigure,
    FactHistory,
    Grade,
    Quote,
    TimelineChart,
    Verdict,
)
from .base import Book, cite_line, group_reason
from .history import fact_history
from .versions import AssertionEntry, assertion_entry

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
    # Why sources of different lineages count as one for this fact (shared narration).
    shared: tuple[str, ...] = ()
    # When it was updated after it was first published, and its corrections.
    history: FactHistory | None = None


def _graded(book: Book, kind: str, record: Event | CasualtyClaim | Statement) -> Graded:
    key = (kind, record.id)
    fact = book.analysis.facts[key]
    return Graded(
        book.grade(key),
        book.single_source(key),
        book.lineages(key),
        cite_line(book, fact),
        tuple(book.quote(c) for c in record.citations),
        book.shared(fact.shared),
        fact_history(book, kind, record.id),
    )


# ---------------------------------------------------------------------------------------
# Timeline


@dataclass(frozen=True)
class EventEntry:
    event: Event
    when: str  # "14 October 2023, 11:30 MSK"
    as_written: str | None  # the time as written, when in another zone: "09:30 BST"
    facts: Graded
    claimed_by: tuple[Target, ...]
    confirmed_by: tuple[Target, ...]
    denied_by: tuple[Target, ...]
    actors: tuple[Target, ...]
    places: tuple[Target, ...]
    statements: tuple[Target, ...]
    assertions: tuple[AssertionEntry, ...] = ()
    date_said: str | None = None  # whose words date it: 'The Guardian says “on Monday”'


@dataclass(frozen=True)
class TimelineView:
    chart: TimelineChart
    entries: tuple[EventEntry, ...]


def chart_row(event: Event, href: str, zone: ZoneInfo | None) -> TimelineRow:
    """An event as the timeline chart draws it, placed by the rule that orders the list."""
    return TimelineRow(
        event.title,
        event.when,
        event.status,
        event.precision,
        placement(event, zone),
        when_text(event, zone, short=True),
        href,
    )


def _as_written(record: Event | Statement, zone: ZoneInfo | None) -> str | None:
    labels = [time_label(record, zone)]
    if isinstance(record, Event):
        labels.append(end_label(record, zone))
    written = [label.as_written for label in labels if label and label.as_written]
    return " – ".join(written) or None


def _date_said(book: Book, record: Event | Statement) -> str | None:
    """Whose words date the record, each source's apart: 'The Guardian says “earlier this
    month”; MONDO says “in early May”', or 'The Guardian and MONDO say “on Monday”'."""
    said = []
    for phrase, sources in phrase_sources(record, book.briefing.texts):
        names = [book.source_label(s) for s in sources] or ["the source"]
        who = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        said.append(f"{who} {'says' if len(names) == 1 else 'say'} “{phrase}”")
    return "; ".join(said) or None


def timeline_view(book: Book) -> TimelineView:
    analysis, info = book.analysis, book.briefing.info
    rows = tuple(chart_row(e, f"#{e.id}", book.zone) for e in analysis.events)
    span = DateRange(info.period.start, info.period.end, period(info.period.start, info.period.end))
    chart = TimelineChart(
        f"Timeline of {len(rows)} events, in date order",
        rows,
        span,
        "Each row links to its entry below, which gives the sources.",
    )
    entries = tuple(
        EventEntry(
            event=e,
            when=when_text(e, book.zone),
            as_written=_as_written(e, book.zone),
            facts=_graded(book, "events", e),
            claimed_by=tuple(book.actor(a) for a in e.claimed_by),
            confirmed_by=tuple(book.actor(a) for a in e.confirmed_by),
            denied_by=tuple(book.actor(a) for a in e.denied_by),
            actors=tuple(book.actor(a) for a in e.actors),
            places=tuple(Target(book.places[p].name, f"places/{p}.md") for p in e.places),
            statements=tuple(
                book.fact(("statements", s.id)) for s in analysis.event_statements.get(e.id, ())
            ),
            assertions=tuple(
                assertion_entry(book, e.id, a) for a in analysis.facts["events", e.id].assertions
            ),
            date_said=_date_said(book, e),
        )
        for e in analysis.events
    )
    return TimelineView(chart, entries)


# ---------------------------------------------------------------------------------------
# Casualty claims


@dataclass(frozen=True)
class ClaimEntry:
    claim: CasualtyClaim
    figure: ClaimFigure  # with who gives it and as of when
    place: Target | None
    reported_by: tuple[Target, ...]  # each cited source's paragraph, once
    facts: Graded
    part_of: Target | None = None  # the figure this one is part of
    # The same claimant's figures for this loss that are not compared with this one (another
    # incident, place or scope): linked, so that they are read together, never added up.
    also: tuple[Target, ...] = ()
    # Whether the sources leave unstated what this figure covers, while the claimant's
    # other figures for the loss each say it: then it is not filed under one of theirs.
    scope_unstated: bool = False


@dataclass(frozen=True)
class GroupEntry:
    title: str
    anchor: str
    verdict: Verdict
    reason: str
    claims: tuple[ClaimEntry, ...]
    # Figures for the same loss of another place or scope: not compared with these.
    other_scopes: tuple[Target, ...] = ()


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
    # The words of each verdict a group of figures can get.
    verdicts: tuple[str, ...] = ()


def _figure_row(book: Book, claim: CasualtyClaim) -> FigureRow:
    """A figure as the chart draws it, its label saying who gives it and when, then who
    reported it: 'according to Vyacheslav Gladkov, as of 23 May (date of publication) ·
    reported by The Guardian'."""
    said = book.figure(claim).said
    sources = ", ".join(dict.fromkeys(book.source_label(c.source) for c in claim.citations))
    label = f"{said.according_to}, as of {said.as_of_day}"
    low, high = claim.bounds
    return FigureRow(
        label + (f" · reported by {sources}" if claim.claimant else ""),
        said.figure,
        low,
        high,
        claim.count == "unknown",
        claim.qualifier == "about",
        f"#{claim.id}",
        claim=claim.id,
    )


def _claimants_others(book: Book, claim: CasualtyClaim, group: ClaimGroup) -> list[CasualtyClaim]:
    """The claimant's figures for the same loss (the same group, or one of them not saying
    who was hit) outside `group`, the claim's own."""
    return [
        c
        for g in book.analysis.claim_groups
        if g is not group and g.category == group.category
        for c in g.claims
        if claimant_key(c) == claimant_key(claim)
        and (c.group == claim.group or "unspecified" in (c.group, claim.group))
    ]


def _claim_entry(book: Book, claim: CasualtyClaim, group: ClaimGroup) -> ClaimEntry:
    part_of = book.fact(("claims", claim.part_of)) if claim.part_of else None
    others = _claimants_others(book, claim, group)
    return ClaimEntry(
        claim,
        book.figure(claim),
        book.place(claim.place),
        # Two renderings in one paragraph (a figure and its repetition) are one place.
        tuple(dict.fromkeys(book.quote(q).where for q in claim.citations)),
        _graded(book, "claims", claim),
        part_of,
        tuple(book.fact(("claims", c.id)) for c in others),
        not (claim.place or claim.counted_scope)
        and any(c.place or c.counted_scope for c in others),
    )


def _group_entry(book: Book, group: ClaimGroup) -> GroupEntry:
    target = book.group(group)
    assert target.anchor is not None
    groups = book.analysis.claim_groups
    return GroupEntry(
        group_title(group),
        target.anchor,
        book.verdict(group),
        group_reason(book, group),
        tuple(_claim_entry(book, c, group) for c in group.claims),
        tuple(book.group(groups[i]) for i in group.other_scopes),
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
                    verdicts_label(g.comparison),
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
        Target("source comparison", "compare.md", "credibility"),
        tuple(incidents),
        tuple(label for v, (label, _) in VERDICT_WORDS.items() if v != "one figure"),
    )


# ---------------------------------------------------------------------------------------
# Statements


@dataclass(frozen=True)
class StatementEntry:
    statement: Statement
    when: str
    as_written: str | None
    speaker: Target
    speaker_name: str
    about: Target | None
    facts: Graded
    date_said: str | None = None  # whose words date it: 'The Guardian says “on Monday”'


def statements_view(book: Book) -> tuple[StatementEntry, ...]:
    return tuple(
        StatementEntry(
            s,
            when_text(s, book.zone),
            _as_written(s, book.zone),
            book.actor(s.speaker),
            book.actor_name(s.speaker),
            book.fact(("events", s.event)) if s.event else None,
            _graded(book, "statements", s),
            _date_said(book, s),
        )
        for s in book.analysis.statements
    )
