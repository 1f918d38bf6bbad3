"""The facts the editorial check reads, each as the same few parts whatever its kind: its
words (title, summary), its citations, who claims, confirms, denies or says it, its places,
and where each field stands in its file; and the warnings the rules find in them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..factsheets.load import FactSheets
from ..factsheets.model import Assertion, CasualtyClaim, Citation, Event, Statement

__all__ = ["Fact", "Finding", "facts_of"]


@dataclass(frozen=True)
class Fact:
    """An event, one of its assertions, a figure or a statement, as the rules read it."""

    sheet: str  # the kind's name: "events", "claims", "statements"
    record: Any  # the top-level record, whose id a waiver names
    part: Any  # the record, or the assertion or version within it: where the lines are
    prefix: str  # "" or "assertions[0]." before the part's field names
    words: dict[str, str]  # field -> text: title, summary
    citations: list[Citation]
    roles: dict[str, list[str]]  # field -> actor ids: claimed_by, claimant, speaker, ...
    places: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    status: str | None = None
    # The words the citations are about: the title, or the event's title for an assertion.
    topic: str = ""
    # Rival versions are recorded (a contested assertion of the event, or a version of
    # one): a cited sentence reporting a denial or a rival version is then expected.
    rivals: bool = False

    @property
    def id(self) -> str:
        return str(self.record.id)

    def line(self, name: str) -> int:
        """The line of a field of the part (`citations[2]`, `summary`), or the part's."""
        lines: dict[str, int] = self.part.lines
        return lines.get(name, int(self.part.line))


@dataclass(frozen=True)
class Finding:
    """One warning of one rule about one fact's field."""

    rule: str
    fact: Fact
    name: str  # the part's field: "summary", "citations[1]", "claimant"
    message: str

    @property
    def key(self) -> tuple[str, str]:
        """(rule, record id): what a waiver names to silence it."""
        return self.rule, self.fact.id

    @property
    def line(self) -> int:
        return self.fact.line(self.name)

    @property
    def field(self) -> str:
        return self.fact.prefix + self.name


def facts_of(sheets: FactSheets) -> Iterator[Fact]:
    """Every event, assertion, figure and statement of the briefing, as a `Fact`."""
    for event in sheets.events:
        yield _event_fact(event)
        for i, assertion in enumerate(event.assertions):
            yield from _version_facts(event, i, assertion)
    events = {e.id: e for e in sheets.events}
    for claim in sheets.claims:
        yield _claim_fact(claim, events.get(claim.incident))
    for statement in sheets.statements:
        yield _statement_fact(statement)


def _event_fact(event: Event) -> Fact:
    roles = {
        "claimed_by": list(event.claimed_by),
        "confirmed_by": list(event.confirmed_by),
        "denied_by": list(event.denied_by),
    }
    return Fact(
        "events",
        event,
        event,
        "",
        {"title": event.title, "summary": event.summary},
        list(event.citations),
        roles,
        list(event.places),
        list(dict.fromkeys([*event.actors, *(a for ids in roles.values() for a in ids)])),
        event.status,
        event.title,
        rivals=any(a.contested for a in event.assertions),
    )


def _version_facts(event: Event, index: int, assertion: Assertion) -> Iterator[Fact]:
    """Each version of an assertion (the one-version form is its own single version), with
    the fields where its lines stand: `assertions[0].` or `assertions[0].versions[1].`."""
    prefix = f"assertions[{index}]."
    for j, version in enumerate(assertion.all_versions):
        rival = version.record is not assertion
        holders = "held_by" if rival else "claimed_by"
        roles = {
            holders: list(version.holders),
            "confirmed_by": list(version.confirmed_by),
            "denied_by": list(version.denied_by),
        }
        yield Fact(
            "events",
            event,
            version.record,
            f"{prefix}versions[{j}]." if rival else prefix,
            {"summary": version.summary},
            list(version.citations),
            roles,
            list(event.places),
            list(dict.fromkeys([*event.actors, *(a for ids in roles.values() for a in ids)])),
            version.status,
            f"{event.title} {version.summary}",
            rivals=assertion.contested,
        )


def _claim_fact(claim: CasualtyClaim, incident: Event | None) -> Fact:
    """A figure: its citations are about its loss, its place, its claimant, or (as its
    incident is) the event's places, actors and title."""
    claimant = [claim.claimant] if claim.claimant else []
    place = [claim.place] if claim.place else []
    topic = [claim.category, claim.scope or ""]
    if incident is not None:
        place += incident.places
        topic.append(incident.title)
    return Fact(
        "claims",
        claim,
        claim,
        "",
        {},
        list(claim.citations),
        {"claimant": claimant},
        list(dict.fromkeys(place)),
        list(dict.fromkeys([*claimant, *(incident.actors if incident else [])])),
        None,
        " ".join(topic),
    )


def _statement_fact(statement: Statement) -> Fact:
    return Fact(
        "statements",
        statement,
        statement,
        "",
        {"title": statement.title},
        list(statement.citations),
        {"speaker": [statement.speaker]},
        [],
        [statement.speaker],
        None,
        statement.title,
    )
