"""What every page's view is built from: the briefing and its analysis, looked up by id,
and the values shared by several pages (links to facts, quotes, grades, verdicts)."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from ...addresses import (
    Target,
    built_directory,
    group_anchor,
    hidden_anchor,
    paragraph_anchor,
    record_address,
    source_page,
)
from ...analysis.corroboration import Credibility
from ...analysis.dependence import SharedNarration
from ...analysis.figures import ClaimGroup
from ...analysis.model import Analysis, FactAnalysis, FactKey
from ...attribution import attribute
from ...checks.briefing import Briefing
from ...factsheets.dates import format_day
from ...factsheets.kinds import kind
from ...factsheets.model import Actor, CasualtyClaim, Citation, Event, Place, Rendering, Source
from ...factsheets.times import clock_label, fold_for, zone_named
from ...history.log import History
from ...words import (
    claimant,
    credibility_label,
    credibility_steps,
    figure_reason,
    group_title,
    shared_narration,
    verdicts_label,
)
from ..values import CiteLine, ClaimFigure, FigureLink, Grade, Quote, Verdict

__all__ = ["FACT_LABELS", "WIDE", "Book"]

# With more sources than this, a table with a column per source is wider than any screen
# and grows with rows times sources (300 sources and 6,000 facts: 112 MB of Markdown on
# the comparison page): pages list, for each row, only the sources that carry it.
WIDE = 12


K = TypeVar("K")
V = TypeVar("V")


def _remembered(method: Callable[[Book, K], V]) -> Callable[[Book, K], V]:
    """A lookup of the book's that remembers each answer: a big briefing's pages link the
    same few thousand sources and facts millions of times. (Targets are frozen, so one
    serves every page.)"""
    name = f"_remembered_{method.__name__}"

    @functools.wraps(method)
    def remembered(book: Book, key: K) -> V:
        answers: dict[K, V] = book.__dict__.setdefault(name, {})
        if key not in answers:
            answers[key] = method(book, key)
        return answers[key]

    return remembered


@dataclass(frozen=True)
class Book:
    """A briefing and its analysis, with the lookups and shared values its views need."""

    briefing: Briefing
    analysis: Analysis
    history: History | None = None  # its change log; None when it was not read
    feed: bool = False  # whether the change log has an Atom feed on the site

    @cached_property
    def zone(self) -> ZoneInfo | None:  # the zone the briefing's times are shown in
        return zone_named(self.briefing.info.timezone)

    @cached_property
    def sources(self) -> dict[str, Source]:
        return {s.id: s for s in self.briefing.sources}

    @cached_property
    def actors(self) -> dict[str, Actor]:
        return {a.id: a for a in self.briefing.actors}

    @cached_property
    def places(self) -> dict[str, Place]:
        return {p.id: p for p in self.briefing.places}

    @cached_property
    def events(self) -> dict[str, Event]:
        return {e.id: e for e in self.briefing.events}

    def source_label(self, source_id: str) -> str:
        return self.sources[source_id].short_label

    def actor_name(self, actor_id: str) -> str:
        return self.actors[actor_id].name

    # Links ------------------------------------------------------------------------------

    @_remembered
    def source(self, source_id: str) -> Target:
        return Target(self.source_label(source_id), source_page(source_id))

    def actor(self, actor_id: str) -> Target:
        return Target(self.actor_name(actor_id), f"actors/{actor_id}.md")

    def place(self, place_id: str | None) -> Target | None:
        return Target(self.places[place_id].name, f"places/{place_id}.md") if place_id else None

    def paragraph(self, source_id: str, number: int) -> Target:
        """A link to a source's paragraph, or to its hidden lines if all were hidden."""
        if number not in self.briefing.texts[source_id].shown:
            return hidden_text(self, source_id, number)
        label = f"{self.source_label(source_id)} ¶{number}"
        return Target(label, source_page(source_id), paragraph_anchor(number))

    def quote(self, citation: Citation) -> Quote:
        assert citation.paragraph is not None
        if citation.hidden:
            where = hidden_text(self, citation.source, citation.paragraph)
        else:
            where = self.paragraph(citation.source, citation.paragraph)
        entry = entry_posted(self, citation.source, citation.paragraph)
        if isinstance(citation, Rendering):
            return Quote(where, citation.quote, citation.says or "", citation.erratum, entry)
        return Quote(where, citation.quote, entry=entry)

    @_remembered
    def fact(self, key: FactKey) -> Target:
        """A link to a fact, labelled as it is listed: 'Kozinka', '22 May 2023: The raid';
        a claim's with its figure, claimant and as-of (a `FigureLink`)."""
        record = self.analysis.facts[key].record
        page, anchor = record_address(kind(key[0]), record.id)
        if key[0] == "claims":
            return FigureLink(self.fact_label(key), page, anchor, self.figure(record))
        return Target(self.fact_label(key), page, anchor)

    def fact_label(self, key: FactKey) -> str:
        """How a link to a fact, or its cite line, names it."""
        return FACT_LABELS[key[0]](self, self.analysis.facts[key].record)

    def group(self, group: ClaimGroup, text: str | None = None) -> Target:
        """A link to the figures for one loss on the casualties page."""
        anchor = group_anchor(
            group.incident.id, group.category, group.group, group.place, group.scope
        )
        return Target(text or group_title(group), "casualties.md", anchor)

    # Grades and flags -------------------------------------------------------------------

    def grade(self, key: FactKey) -> Grade:
        credibility = self.analysis.facts[key].credibility
        assert credibility is not None, f"{key} is not graded"
        return self.grade_of(credibility)

    def grade_of(self, credibility: Credibility) -> Grade:
        """A grade as shown, with the steps that reached it."""
        steps = credibility_steps(credibility, self.actor_name, self.source_label)
        return Grade(
            credibility.grade,
            credibility_label(credibility.grade),
            tuple(steps),
            credibility.override is not None,
        )

    def single_source(self, key: FactKey) -> str | None:
        """The single-source badge's title, or None when two or more lineages carry it."""
        fact = self.analysis.facts[key]
        if not fact.single_source:
            return None
        labels = [self.source_label(s) for s in fact.carriers]
        one = ", which are one lineage (one derives from the other)" if len(labels) > 1 else ""
        return "Carried only by " + " and ".join(labels) + one

    def lineages(self, key: FactKey) -> list[list[Target]]:
        return self.lineage_links(self.analysis.facts[key].lineages)

    def lineage_links(self, lineages: tuple[tuple[str, ...], ...]) -> list[list[Target]]:
        return [[self.source(s) for s in group] for group in lineages]

    def shared(self, found: tuple[SharedNarration, ...]) -> tuple[str, ...]:
        """Why sources of different lineages count as one for a fact, a sentence each."""
        return tuple(shared_narration(s, self.source_label) for s in found)

    # Figures ----------------------------------------------------------------------------

    def figure(self, claim: CasualtyClaim) -> ClaimFigure:
        """A claim's figure as every page shows it, never without who gives it and as of
        when: the one place a figure becomes what readers see."""
        return self._figures[claim.id]

    @cached_property
    def _figures(self) -> dict[str, ClaimFigure]:
        return {claim.id: _claim_figure(self, claim) for claim in self.briefing.claims}

    def who(self, claim: CasualtyClaim) -> str:
        """A claim's claimant by name, or the outlet giving the figure in its own voice."""
        return claimant(claim, self.actor_name, self.source_label)

    def verdict(self, group: ClaimGroup) -> Verdict:
        comparison = group.comparison
        return Verdict(
            comparison.verdict,
            verdicts_label(comparison),
            figure_reason(comparison, self.who, self.zone),
        )


def _claim_figure(book: Book, claim: CasualtyClaim) -> ClaimFigure:
    return ClaimFigure(
        claim.id,
        attribute(claim, book.actor_name, book.source_label, book.zone),
        book.actor(claim.claimant) if claim.claimant else None,
        Target(claim.id, "casualties.md", claim.id),
        book.events[claim.incident].title,
        f" in {book.places[claim.place].name}" if claim.place else "",
    )


def _claim_label(figure: ClaimFigure) -> str:
    """'12 civilians wounded in Belgorod region (Armed men cross …), according to Vyacheslav
    Gladkov, as of 23 May 2023 (date of publication)'."""
    said = figure.said
    what = f"{said.what}{figure.place} ({figure.incident})"
    return f"{what}, {said.according_to}, as of {said.as_of}"


def cite_line(book: Book, fact: FactAnalysis) -> CiteLine:
    """A reference to one fact that a reader can copy and paste into a story: the fact
    (a claim's figure with who gives it and as of when), its credibility in words, each
    source that carries it (outlet, date, paragraphs, address), the briefing, and the
    fact's permalink."""
    sources = "; ".join(
        source_reference(book, s, paragraphs) for s, paragraphs in fact.carriers.items()
    )
    grade = ""
    if fact.credibility is not None:
        grade = f"{book.grade_of(fact.credibility).words}. "
    info = book.briefing.info
    text = (
        f"{grade}Sources: {sources}. In “{info.title}”, last updated "
        f"{format_day(last_updated(book))}."
    )
    page, anchor = record_address(fact.kind, fact.record.id)
    assert anchor is not None
    address = f"{book.briefing.slug}/{built_directory(page)}#{anchor}"
    if isinstance(fact.record, CasualtyClaim):
        figure = book.figure(fact.record)
        return CiteLine(figure.incident, text, address, anchor, figure)
    return CiteLine(book.fact_label(fact.key), text, address, anchor)


def source_reference(book: Book, source_id: str, paragraphs: Sequence[int]) -> str:
    """A source as a citation names it: 'The Guardian, 23 May 2023, ¶8, address not
    recorded' (its original address, when the fact sheet gives one)."""
    source = book.sources[source_id]
    where = ", ".join(f"¶{n}" for n in sorted(set(paragraphs)))
    address = source.url or "address not recorded"
    return f"{source.short_label}, {format_day(source.published)}, {where}, {address}"


def last_updated(book: Book) -> datetime.date:
    """When the briefing last changed (`last_updated_on`)."""
    return last_updated_on(book.briefing.info.last_reviewed, book.history)


def last_updated_on(reviewed: datetime.date, history: History | None) -> datetime.date:
    """When a briefing last changed: the editor's last review, or the last change to its
    facts after it when the change log says so. Every page and cite line gives this one
    date, so "last updated" never reads earlier than an entry's "Updated" (last_reviewed is
    typed by hand; the log is git's)."""
    if history is None or not history.entries:
        return reviewed
    return max(reviewed, *(e.day for e in history.entries))


def figure_link(book: Book, claim: CasualtyClaim, prefix: str = "") -> FigureLink:
    """A link to a claim's entry for a row that already names the loss: `prefix`, then
    '12, according to Vyacheslav Gladkov, as of 23 May (date of publication)'."""
    figure = book.figure(claim)
    said = figure.said
    text = f"{prefix}{said.figure}, {said.according_to}, as of {said.as_of_day}"
    return FigureLink(text, "casualties.md", claim.id, figure, short=True, prefix=prefix)


def hidden_text(book: Book, source_id: str, block: int) -> Target:
    """A link to a line hidden from a source's displayed text, in its "Hidden" list."""
    return Target(
        f"{book.source_label(source_id)} ¶{block}, hidden text",
        source_page(source_id),
        hidden_anchor(block),
    )


def entry_posted(book: Book, source_id: str, number: int) -> str:
    """When the live-blog entry holding paragraph `number` was posted: "posted 14 Oct,
    09:30 BST (11:30 MSK)"; '' for any other source."""
    entry = book.briefing.texts[source_id].entry_of(number)
    if entry is None:
        return ""
    source = book.sources[source_id]
    written = zone_named(source.timezone) or book.zone
    # "01:30 GMT" as the clocks go back is the second 01:30, which the abbreviation says.
    fold = fold_for(entry.day, entry.time, written, entry.abbr) if written else 0
    label = clock_label(entry.day, entry.time, written, book.zone, fold)
    assert label is not None
    day = format_day(entry.day, year=False, short_month=True)
    return f"posted {day}, {label.source_first}"


def group_reason(book: Book, group: ClaimGroup) -> str:
    """The reason for a group's verdict as a sentence, for the page beside the badge."""
    text = figure_reason(group.comparison, book.who, book.zone)
    if group.takes_unspecified:
        text += (
            f". Figures that do not say who was hit are compared with the {group.group}"
            ", the only group the sources name for this loss"
        )
    return text[:1].upper() + text[1:] + "."


# How each kind of fact is named in links and cite lines. A new kind of fact needs its
# entry (tests/test_design.py checks there is one).
FACT_LABELS: dict[str, Callable[[Book, Any], str]] = {
    "actors": lambda book, actor: str(actor.name),
    "places": lambda book, place: str(place.name),
    "events": lambda book, event: f"{event.when.label}: {event.title}",
    "claims": lambda book, claim: _claim_label(book.figure(claim)),
    "statements": lambda book, said: f"{book.actor_name(said.speaker)}: {said.title}",
}
