"""What the pages show that no single fact sheet says: computed from a checked briefing.

Grouping of casualty figures, which facts cite which paragraph, which sources carry each
fact, and how each source names each actor and place (counted in the texts themselves).
Nothing here renders; `pages.py` turns these into Markdown.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, get_args

from .checks import FACT_KINDS, Briefing, iter_citations
from .coverage import Coverage, measure_coverage
from .factsheets import CasualtyClaim, Category, Dated, Event, Group, Statement
from .quotes import normalise

__all__ = [
    "Analysis",
    "ClaimGroup",
    "FactRef",
    "analyse",
    "describe_claim",
    "describe_count",
    "known_names",
]

_CATEGORY_ORDER = {c: i for i, c in enumerate(get_args(Category))}
_GROUP_ORDER = {g: i for i, g in enumerate(get_args(Group))}
_TIME_ORDER = {"morning": "06:00", "afternoon": "14:00", "evening": "19:00", "night": "23:00"}


@dataclass(frozen=True)
class FactRef:
    """A fact as other pages link to it: its page (relative to the briefing) and anchor."""

    kind: str
    id: str
    label: str
    page: str
    anchor: str | None = None


@dataclass
class ClaimGroup:
    """All figures for one incident, category and group, ordered by when they were given."""

    incident: Event
    category: str
    group: str
    claims: list[CasualtyClaim]

    @property
    def anchor(self) -> str:
        return f"{self.incident.id}--{self.category}--{self.group}".replace(" ", "-")

    @property
    def title(self) -> str:
        return f"{self.category.capitalize()}: {self.group}"

    @property
    def figures_differ(self) -> bool:
        return len({c.bounds for c in self.claims}) > 1

    @property
    def span(self) -> str:
        """The lowest and highest figure given, e.g. '8–12', for the overview."""
        numbers = [n for c in self.claims for n in c.bounds if n is not None]
        if not numbers:
            return "unknown"
        low, high = min(numbers), max(numbers)
        return str(low) if low == high else f"{low}–{high}"


@dataclass
class Analysis:
    """Everything computed for one briefing."""

    events: list[Event]
    claim_groups: list[ClaimGroup]
    facts: dict[tuple[str, str], FactRef]
    # source id -> paragraph number -> facts citing it
    citing: dict[str, dict[int, list[FactRef]]]
    # fact key -> {source id: [paragraph numbers]}
    carried_by: dict[tuple[str, str], dict[str, list[int]]]
    # ("actors"|"places", id) -> source id -> name -> occurrences in the displayed text
    names_used: dict[tuple[str, str], dict[str, Counter[str]]]
    coverage: Coverage
    statements: list[Statement] = field(default_factory=list)
    actor_events: dict[str, list[Event]] = field(default_factory=dict)
    actor_statements: dict[str, list[Statement]] = field(default_factory=dict)
    event_statements: dict[str, list[Statement]] = field(default_factory=dict)
    actor_claims: dict[str, list[CasualtyClaim]] = field(default_factory=dict)
    place_events: dict[str, list[Event]] = field(default_factory=dict)
    place_claims: dict[str, list[CasualtyClaim]] = field(default_factory=dict)

    def single_source(self, key: tuple[str, str]) -> bool:
        return len(self.carried_by.get(key, {})) == 1


def describe_count(claim: CasualtyClaim) -> str:
    """A claim's figure in words: '12', 'at least 8', '2–5', 'unknown', 'none'."""
    count = claim.count
    if count == "unknown":
        return "unknown"
    if isinstance(count, int):
        if count == 0 and claim.qualifier == "exactly":
            return "none"
        return str(count) if claim.qualifier == "exactly" else f"{claim.qualifier} {count}"
    if count.min is not None and count.max is not None:
        return f"{count.min}–{count.max}"
    return f"at least {count.min}" if count.min is not None else f"at most {count.max}"


def describe_claim(claim: CasualtyClaim) -> str:
    """A claim in a few words: 'no civilians killed', 'at least 8 people wounded'."""
    group = "people" if claim.group == "unspecified" else claim.group
    figure = describe_count(claim)
    if figure == "unknown":
        return f"unknown number of {group} {claim.category}"
    if figure == "none":
        return f"no {group} {claim.category}"
    return f"{figure} {group} {claim.category}"


def _date_sort_key(record: Dated) -> tuple[Any, ...]:
    when = record.when
    time = _TIME_ORDER.get(record.time or "", record.time or "")
    return (when.start, when.end, time, record.id)


def _claim_sort_key(claim: CasualtyClaim) -> tuple[Any, ...]:
    time = _TIME_ORDER.get(claim.as_of_time or "", claim.as_of_time or "")
    return (claim.as_of, time, claim.id)


def _fact_refs(briefing: Briefing) -> dict[tuple[str, str], FactRef]:
    refs: dict[tuple[str, str], FactRef] = {}
    for actor in briefing.actors:
        refs["actors", actor.id] = FactRef("actor", actor.id, actor.name, f"actors/{actor.id}.md")
    for place in briefing.places:
        refs["places", place.id] = FactRef("place", place.id, place.name, f"places/{place.id}.md")
    for event in briefing.events:
        refs["events", event.id] = FactRef(
            "event", event.id, f"{event.when.label}: {event.title}", "timeline.md", event.id
        )
    events = {e.id: e for e in briefing.events}
    for claim in briefing.claims:
        label = f"{describe_claim(claim)} ({events[claim.incident].title})"
        refs["claims", claim.id] = FactRef("claim", claim.id, label, "casualties.md", claim.id)
    for statement in briefing.statements:
        speaker = next(a.name for a in briefing.actors if a.id == statement.speaker)
        refs["statements", statement.id] = FactRef(
            "statement", statement.id, f"{speaker}: {statement.title}", "statements.md",
            statement.id,
        )
    return refs


def _claim_groups(briefing: Briefing, events: list[Event]) -> list[ClaimGroup]:
    order = {e.id: i for i, e in enumerate(events)}
    by_event = {e.id: e for e in events}
    grouped: dict[tuple[str, str, str], list[CasualtyClaim]] = defaultdict(list)
    for claim in briefing.claims:
        grouped[claim.incident, claim.category, claim.group].append(claim)
    keys = sorted(
        grouped,
        key=lambda k: (order[k[0]], _CATEGORY_ORDER[k[1]], _GROUP_ORDER[k[2]]),
    )
    return [
        ClaimGroup(by_event[k[0]], k[1], k[2], sorted(grouped[k], key=_claim_sort_key))
        for k in keys
    ]


def known_names(briefing: Briefing) -> re.Pattern[str] | None:
    """A pattern matching every actor and place name and alias, as written in the
    normalised text (see `quotes.normalise`); None when there are none."""
    return _name_pattern([n for kind in ("actors", "places") for r in getattr(briefing, kind)
                          for n in r.names])


def _name_pattern(names: list[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    # Longest first, so "Belgorod region" is counted as itself and not as "Belgorod".
    alternatives = sorted({normalise(n) for n in names}, key=len, reverse=True)
    body = "|".join(re.escape(a) for a in alternatives)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


def _names_used(briefing: Briefing) -> dict[tuple[str, str], dict[str, Counter[str]]]:
    owner: dict[str, tuple[str, str, str]] = {}
    for kind in ("actors", "places"):
        for record in getattr(briefing, kind):
            for name in record.names:
                owner.setdefault(normalise(name), (kind, record.id, name))
    pattern = _name_pattern([name for _, _, name in owner.values()])
    used: dict[tuple[str, str], dict[str, Counter[str]]] = defaultdict(
        lambda: defaultdict(Counter)
    )
    if pattern is None:
        return used
    for source in briefing.sources:
        text = " ".join(briefing.texts[source.id].normalised)
        for match in pattern.finditer(text):
            kind, record_id, name = owner[match.group(0)]
            used[kind, record_id][source.id][name] += 1
    return used


def analyse(briefing: Briefing) -> Analysis:
    """Compute everything the pages need from a checked briefing."""
    events = sorted(briefing.events, key=_date_sort_key)
    facts = _fact_refs(briefing)
    citing: dict[str, dict[int, list[FactRef]]] = defaultdict(lambda: defaultdict(list))
    carried_by: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(dict)
    for kind in FACT_KINDS:
        for record in getattr(briefing, kind):
            key = (kind, record.id)
            for _, citation in iter_citations(record):
                assert citation.paragraph is not None, "checks resolve every citation"
                paragraphs = carried_by[key].setdefault(citation.source, [])
                if citation.paragraph not in paragraphs:
                    paragraphs.append(citation.paragraph)
                refs = citing[citation.source][citation.paragraph]
                if facts[key] not in refs:
                    refs.append(facts[key])

    analysis = Analysis(
        events=events,
        claim_groups=_claim_groups(briefing, events),
        facts=facts,
        citing=citing,
        carried_by=carried_by,
        names_used=_names_used(briefing),
        coverage=measure_coverage(briefing, known_names(briefing)),
        statements=sorted(briefing.statements, key=_date_sort_key),
    )
    for statement in analysis.statements:
        analysis.actor_statements.setdefault(statement.speaker, []).append(statement)
        if statement.event:
            analysis.event_statements.setdefault(statement.event, []).append(statement)
    for event in events:
        for actor_id in dict.fromkeys(
            event.actors + event.claimed_by + event.denied_by + event.confirmed_by
        ):
            analysis.actor_events.setdefault(actor_id, []).append(event)
        for place_id in event.places:
            analysis.place_events.setdefault(place_id, []).append(event)
    for group in analysis.claim_groups:
        for claim in group.claims:
            if claim.claimant:
                analysis.actor_claims.setdefault(claim.claimant, []).append(claim)
            if claim.place:
                analysis.place_claims.setdefault(claim.place, []).append(claim)
    return analysis
