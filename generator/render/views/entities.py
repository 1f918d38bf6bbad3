"""The actors and places: their list pages, and a page for each."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ...addresses import Target
from ...analysis.model import EntityAnalysis
from ...factsheets.model import Actor, Event, Place
from ...words import ASPECTS
from ..values import FactHistory, Grade, NamesUsed, Quote
from .base import WIDE, Book
from .history import fact_history

__all__ = [
    "ActorView",
    "EntityRow",
    "FramingRow",
    "PlaceView",
    "actor_view",
    "actors_view",
    "framing_rows",
    "names_rows",
    "place_view",
    "places_view",
]


@dataclass(frozen=True)
class EntityRow:
    """A line of the actors' or places' list."""

    link: Target
    record: Actor | Place
    aliases: str
    events: int
    claims: int


def _rows(book: Book, records: Sequence[Actor | Place], kind: str) -> tuple[EntityRow, ...]:
    entities = book.analysis.actors if kind == "actors" else book.analysis.places
    ordered = sorted(records, key=lambda r: r.name.lower())
    return tuple(
        EntityRow(
            Target(r.name, f"{kind}/{r.id}.md"),
            r,
            ", ".join(r.aliases),
            len(entities[r.id].events),
            len(entities[r.id].claims),
        )
        for r in ordered
    )


def actors_view(book: Book) -> tuple[EntityRow, ...]:
    return _rows(book, book.briefing.actors, "actors")


def places_view(book: Book) -> tuple[EntityRow, ...]:
    return _rows(book, book.briefing.places, "places")


@dataclass(frozen=True)
class FramingRow:
    """Words one source attaches to an actor, and the sentence they are in."""

    where: Target
    words: str
    sentence: str


@dataclass(frozen=True)
class FactLine:
    """A fact listed on an actor's or place's page, with its grade."""

    link: Target
    grade: Grade
    single: str | None
    note: str = ""  # after the link: an event's roles


def names_rows(
    book: Book, entity: EntityAnalysis, *, only_used: bool = False
) -> tuple[tuple[Target, NamesUsed], ...]:
    """How each source names an actor or place, listed names and look-alikes counted;
    with `only_used`, only the sources that name it."""
    return tuple(
        (
            book.source(s.id),
            NamesUsed(
                tuple(entity.names_used.get(s.id, Counter()).most_common()),
                tuple(entity.variants.get(s.id, Counter()).most_common()),
            ),
        )
        for s in book.briefing.sources
        if not only_used or s.id in entity.names_used or s.id in entity.variants
    )


def _names(book: Book, entity: EntityAnalysis) -> tuple[tuple[Target, NamesUsed], ...]:
    """A row per source, or with many sources (WIDE) one per source that names it."""
    return names_rows(book, entity, only_used=len(book.briefing.sources) > WIDE)


def _omitted(book: Book, names: tuple[tuple[Target, NamesUsed], ...]) -> int:
    wide = len(book.briefing.sources) > WIDE
    return len(book.briefing.sources) - len(names) if wide else 0


def framing_rows(book: Book, entity: EntityAnalysis) -> tuple[FramingRow, ...]:
    return tuple(
        FramingRow(book.paragraph(source_id, d.paragraph), d.words, d.sentence)
        for source_id, found in entity.descriptions.items()
        for d in found
    )


def _event_lines(book: Book, entity: EntityAnalysis, with_roles: bool) -> tuple[FactLine, ...]:
    return tuple(
        FactLine(
            book.fact(("events", e.id)),
            book.grade(("events", e.id)),
            book.single_source(("events", e.id)),
            roles(entity.record.id, e) if with_roles else "",
        )
        for e in entity.events
    )


def _claim_lines(book: Book, entity: EntityAnalysis) -> tuple[FactLine, ...]:
    """Each claim, its link labelled with its figure, claimant, as-of and incident."""
    return tuple(
        FactLine(
            book.fact(("claims", c.id)),
            book.grade(("claims", c.id)),
            book.single_source(("claims", c.id)),
        )
        for c in entity.claims
    )


@dataclass(frozen=True)
class ActorView:
    actor: Actor
    party: bool
    affiliations: tuple[Target, ...]
    quotes: tuple[Quote, ...]
    names: tuple[tuple[Target, NamesUsed], ...]
    named_anywhere: bool
    framing: tuple[FramingRow, ...]
    events: tuple[FactLine, ...]
    statements: tuple[Target, ...]
    claims: tuple[FactLine, ...]
    names_omitted: int = 0  # with many sources: how many name it nowhere (not listed)
    history: FactHistory | None = None


def actor_view(book: Book, actor: Actor) -> ActorView:
    entity = book.analysis.actors[actor.id]
    return ActorView(
        actor=actor,
        party=entity.party,
        affiliations=tuple(book.actor(a) for a in actor.affiliations),
        quotes=tuple(book.quote(c) for c in actor.citations),
        names=(names := _names(book, entity)),
        named_anywhere=bool(entity.names_used),
        framing=framing_rows(book, entity),
        events=_event_lines(book, entity, with_roles=True),
        statements=tuple(book.fact(("statements", s.id)) for s in entity.statements),
        claims=_claim_lines(book, entity),
        names_omitted=_omitted(book, names),
        history=fact_history(book, "actors", actor.id),
    )


@dataclass(frozen=True)
class PlaceView:
    place: Place
    quotes: tuple[Quote, ...]
    names: tuple[tuple[Target, NamesUsed], ...]
    named_anywhere: bool
    events: tuple[FactLine, ...]
    claims: tuple[FactLine, ...]
    names_omitted: int = 0
    history: FactHistory | None = None


def place_view(book: Book, place: Place) -> PlaceView:
    entity = book.analysis.places[place.id]
    return PlaceView(
        place=place,
        quotes=tuple(book.quote(c) for c in place.citations),
        names=(names := _names(book, entity)),
        named_anywhere=bool(entity.names_used),
        events=_event_lines(book, entity, with_roles=False),
        claims=_claim_lines(book, entity),
        names_omitted=_omitted(book, names),
        history=fact_history(book, "places", place.id),
    )


def roles(actor_id: str, event: Event) -> str:
    """What an actor does in an event: 'involved, claims it', and in its assertions:
    'holds a version of who was responsible, denies a version of what was hit'."""
    found = [
        role
        for role, ids in (
            ("involved", event.actors),
            ("claims it", event.claimed_by),
            ("confirms it", event.confirmed_by),
            ("denies it", event.denied_by),
        )
        if actor_id in ids
    ]
    for assertion in event.assertions:
        aspect = ASPECTS[assertion.about].lower()
        which = "a version of " if assertion.contested else ""
        for version in assertion.all_versions:
            for role, ids in (
                ("holds" if assertion.contested else "claims", version.holders),
                ("confirms", version.confirmed_by),
                ("denies", version.denied_by),
            ):
                said = f"{role} {which}{aspect}"
                if actor_id in ids and said not in found:
                    found.append(said)
    return ", ".join(found)
