"""The "at a glance" box at the top of a briefing's overview and on its entry on the home
page, computed from the facts at every build and never written by hand: what happened, who
is said to be responsible, the figures with who gives them, what is disputed, and the
latest change.

Nothing in it goes further than the facts: the main event is picked by a rule (the event in
the briefing's period that most figures and statements are about), responsibility is what
the event's assertion records (one version when that is all the fact sheets hold), and every
figure carries its claimant and its as-of. The reader's guide explains each part
(`how-to-read/#at-a-glance`).
"""

from __future__ import annotations

import dataclasses
import posixpath
from collections import Counter
from dataclasses import dataclass
from typing import Any, TypeVar

from ...addresses import Target, assertion_anchor, reading_guide, section_page
from ...analysis.figures import ClaimGroup
from ...factsheets.dates import DateRange
from ...factsheets.kinds import kind as kind_named
from ...factsheets.model import Assertion, Event, Period
from ...history.entries import Entry
from ...words import ASPECTS, CREDIBILITY_SCALE
from ..values import ClaimFigure, Grade, Verdict
from .base import Book
from .history import change_link

__all__ = ["Glance", "glance_view", "rooted"]

# Statuses that say someone holds that it did not happen.
_CONTESTED = ("disputed", "denied")


@dataclass(frozen=True)
class Standing:
    """A fact's status and grade, each a link to what it means."""

    status: Target  # "Status: confirmed" -> the guide's #status
    grade: Target  # "Credibility 2 of 6: probably true" -> the guide's #credibility
    edited: bool  # an editor set the grade


@dataclass(frozen=True)
class Account:
    """One version of who did it: who holds, confirms and denies it, and its own standing."""

    entry: Target  # the version on the timeline
    standing: Standing
    claimed_by: tuple[Target, ...]  # who holds it
    confirmed_by: tuple[Target, ...]
    denied_by: tuple[Target, ...]


@dataclass(frozen=True)
class Responsibility:
    """Who is said to have done it: the event's assertion about responsibility, with each of
    its versions when it is contested."""

    entry: Target
    status: Target  # "Status: contested" with rival versions, else the one version's
    versions: tuple[Account, ...]
    one_version: bool  # no one recorded denies or disputes it, and there is no rival version
    # Who else the fact sheets record saying something about the event: not a version of
    # who did it (a statement is not sorted by what it is about), but where to look.
    also_said: tuple[Target, ...] = ()

    @property
    def contested(self) -> bool:
        return len(self.versions) > 1

    @property
    def standing(self) -> Standing:
        """The first version's standing: the assertion's own, when it has one version."""
        return self.versions[0].standing

    @property
    def claimed_by(self) -> tuple[Target, ...]:
        """Who holds any version."""
        return tuple(t for v in self.versions for t in v.claimed_by)

    @property
    def confirmed_by(self) -> tuple[Target, ...]:
        return tuple(t for v in self.versions for t in v.confirmed_by)

    @property
    def denied_by(self) -> tuple[Target, ...]:
        return tuple(t for v in self.versions for t in v.denied_by)


@dataclass(frozen=True)
class Loss:
    """The figures for one loss in the main event, each with its claimant."""

    loss: Target  # "Wounded: civilians" -> its figures on the casualties page
    figures: tuple[ClaimFigure, ...]
    verdict: Verdict
    verdict_link: Target  # the verdict's word -> the guide's #verdicts


@dataclass(frozen=True)
class Dispute:
    """Something in the briefing's period someone denies, or figures that conflict."""

    fact: Target
    claimed_by: tuple[Target, ...] = ()
    denied_by: tuple[Target, ...] = ()
    reason: str = ""  # for figures: why they conflict
    # For a contested assertion: the holders of each rival version.
    versions: tuple[tuple[Target, ...], ...] = ()


@dataclass(frozen=True)
class LatestChange:
    """The newest entry of the change log and its newest correction; or why there is
    none."""

    when: Target | None = None  # its day -> its entry on the Changes page
    what: str = ""  # "1 event and 2 claims changed"
    correction: Target | None = None  # the newest correction's day -> its entry
    corrected: str = ""  # what was wrong, as its Correction trailer says
    missing: str = ""  # why there is no change to show


@dataclass(frozen=True)
class Glance:
    event: Target | None  # the main event; None when the briefing has no event
    standing: Standing | None
    responsibility: Responsibility | None  # None: no assertion about responsibility
    losses: tuple[Loss, ...]
    other_incidents: int  # incidents with figures besides the main event
    figures: Target  # every figure, on the casualties page
    disputes: tuple[Dispute, ...]
    disputes_before: int  # disputed facts before the briefing's period
    timeline: Target
    latest: LatestChange
    guide: Target  # how the box is made


def glance_view(book: Book) -> Glance:
    main = main_event(book)
    groups = [g for g in book.analysis.claim_groups if main is not None and g.incident is main]
    incidents = {g.incident.id for g in book.analysis.claim_groups}
    disputes, before = _disputes(book)
    return Glance(
        event=book.fact(("events", main.id)) if main is not None else None,
        standing=_standing(book, main.status, book.grade(("events", main.id))) if main else None,
        responsibility=_responsibility(book, main) if main is not None else None,
        losses=tuple(_loss(book, g) for g in groups),
        other_incidents=len(incidents - {main.id}) if main is not None else len(incidents),
        figures=Target("every figure, with who gives it", section_page("Casualty claims")),
        disputes=disputes,
        disputes_before=before,
        timeline=Target("timeline", section_page("Timeline")),
        latest=_latest(book),
        guide=reading_guide("How this box is made", "at-a-glance"),
    )


def main_event(book: Book) -> Event | None:
    """The event in the briefing's period that most figures and statements are about (the
    first in time on a tie); of all events when none is in the period."""
    events = list(book.analysis.events)  # in date order
    within = [e for e in events if _in_period(e.when, book.briefing.info.period)] or events
    about = Counter(c.incident for c in book.briefing.claims)
    about.update(s.event for s in book.briefing.statements if s.event is not None)
    return max(within, key=lambda e: about[e.id], default=None)


def _in_period(when: DateRange, period: Period) -> bool:
    return when.start <= period.end and when.end >= period.start


def _standing(book: Book, status: str, grade: Grade) -> Standing:
    scale = len(CREDIBILITY_SCALE)
    return Standing(
        reading_guide(f"Status: {status}", "status"),
        reading_guide(f"Credibility {grade.grade} of {scale}: {grade.label}", "credibility"),
        grade.edited,
    )


def _responsibility(book: Book, event: Event) -> Responsibility | None:
    found = book.analysis.facts["events", event.id].assertions
    claim = next((a for a in found if a.record.about == "responsibility"), None)
    if claim is None:
        return None
    record = claim.record
    named = set(record.actors)
    speakers = dict.fromkeys(
        s.speaker
        for s in book.analysis.event_statements.get(event.id, ())
        if s.speaker not in named
    )
    anchor = assertion_anchor(event.id, record.about)
    accounts = tuple(
        Account(
            Target(
                f"version {n}",
                "timeline.md",
                assertion_anchor(event.id, record.about, n) if claim.contested else anchor,
            ),
            _standing(book, v.version.status, book.grade_of(v.credibility)),
            tuple(book.actor(a) for a in v.version.holders),
            tuple(book.actor(a) for a in v.version.confirmed_by),
            tuple(book.actor(a) for a in v.version.denied_by),
        )
        for n, v in enumerate(claim.versions, 1)
    )
    return Responsibility(
        Target("the assertion and its sources", "timeline.md", anchor),
        reading_guide(f"Status: {record.standing}", "status"),
        accounts,
        not claim.contested
        and not record.all_versions[0].denied_by
        and record.standing not in _CONTESTED,
        tuple(book.actor(a) for a in speakers),
    )


def _loss(book: Book, group: ClaimGroup) -> Loss:
    verdict = book.verdict(group)
    return Loss(
        book.group(group),
        tuple(book.figure(c) for c in group.claims),
        verdict,
        reading_guide(verdict.label, "verdicts"),
    )


def _disputes(book: Book) -> tuple[tuple[Dispute, ...], int]:
    """What someone denies or disputes from the briefing's period on (events and their
    assertions), and figures for one loss that conflict; and how many of these come before
    the period."""
    start = book.briefing.info.period.start
    found: list[Dispute] = []
    before = 0
    for event in book.analysis.events:
        records: list[Event | Assertion] = [event, *event.assertions]
        for record in records:
            if not _disputed(record):
                continue
            if event.when.end < start:
                before += 1
                continue
            found.append(_dispute(book, event, record))
    for group in book.analysis.claim_groups:
        if not group.comparison.conflicting:
            continue
        if group.incident.when.end < start:
            before += 1
            continue
        verdict = book.verdict(group)
        found.append(Dispute(book.group(group), reason=f"{verdict.label}: {verdict.reason}"))
    return tuple(found), before


def _disputed(record: Event | Assertion) -> bool:
    if isinstance(record, Assertion):
        return record.contested or any(
            v.denied_by or v.status in _CONTESTED for v in record.all_versions
        )
    return bool(record.denied_by) or record.status in _CONTESTED


def _dispute(book: Book, event: Event, record: Event | Assertion) -> Dispute:
    """A line of the box's "Disputed": who claims and who denies it; for a contested
    assertion, who holds each version."""
    fact = book.fact(("events", event.id))
    if not isinstance(record, Assertion):
        return Dispute(
            fact,
            tuple(book.actor(a) for a in record.claimed_by),
            tuple(book.actor(a) for a in record.denied_by),
        )
    aspect = ASPECTS[record.about].lower()
    fact = Target(f"{fact.text}: {aspect}", "timeline.md", assertion_anchor(event.id, record.about))
    versions = record.all_versions
    denied = tuple(book.actor(a) for a in dict.fromkeys(d for v in versions for d in v.denied_by))
    if record.contested:
        holders = tuple(tuple(book.actor(a) for a in v.holders) for v in versions)
        return Dispute(fact, denied_by=denied, versions=holders)
    return Dispute(fact, tuple(book.actor(a) for a in versions[0].holders), denied)


def _latest(book: Book) -> LatestChange:
    history = book.history
    if history is None:
        return LatestChange(missing="the change log was not read for this copy of the site")
    if history.unavailable:
        return LatestChange(missing=f"the change log is not available: {history.unavailable}")
    if not history.entries:
        return LatestChange(missing="no change has been recorded yet")
    newest = history.entries[0]
    change = LatestChange(change_link(newest), _what_changed(newest))
    if history.corrections:
        correction = history.corrections[0]
        return dataclasses.replace(
            change,
            correction=change_link(correction),
            corrected="; ".join(correction.corrections),
        )
    return change


def _what_changed(entry: Entry) -> str:
    """An entry's changes, counted: 'first published, with 97 records', '1 event and 2
    claims changed'."""
    facts = entry.changes.facts
    if entry.first:
        return f"first published, with {len(facts)} records"
    counted = Counter(kind_named(f.kind) for f in facts)
    parts = [f"{n} {kind.singular if n == 1 else kind.name}" for kind, n in counted.items()]
    if verdicts := len(entry.changes.verdicts):
        parts.append(f"{verdicts} verdict{'s' * (verdicts != 1)} on figures")
    if not parts:
        return "changed"
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"{listed} changed"


T = TypeVar("T")


def rooted(value: T, folder: str) -> T:
    """A view whose links lead from the site's top instead of the briefing's folder: the
    home page shows each briefing's box."""
    if isinstance(value, Target):
        page = posixpath.normpath(posixpath.join(folder, value.page))
        return dataclasses.replace(value, page=page)
    if isinstance(value, tuple):
        return tuple(rooted(v, folder) for v in value)  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes: dict[str, Any] = {
            f.name: rooted(getattr(value, f.name), folder) for f in dataclasses.fields(value)
        }
        return dataclasses.replace(value, **changes)
    return value
