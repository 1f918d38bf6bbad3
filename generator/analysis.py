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

from .checks.briefing import Briefing
from .checks.records import citations_of
from .corroboration import Credibility, Evidence, belligerents, grade_credibility, lineages, sides
from .coverage import Coverage, listed_names, measure_coverage, name_variants
from .disagreement import Description, describe_actors
from .factsheets.dates import Dated, time_order
from .factsheets.model import CasualtyClaim, Event, Statement
from .factsheets.vocabulary import Category, Group
from .figures import FigureComparison, claim_moment, compare_figures, implies
from .kinds import FACTS, GRADED
from .text import name_pattern, normalise
from .words import describe_count

__all__ = [
    "Analysis",
    "ClaimGroup",
    "FactRef",
    "analyse",
    "describe_claim",
    "known_names",
]

_CATEGORY_ORDER = {c: i for i, c in enumerate(get_args(Category))}
_GROUP_ORDER = {g: i for i, g in enumerate(get_args(Group))}


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
    """All figures for one incident, category and group, ordered by when they were given,
    and whether they agree."""

    incident: Event
    category: str
    group: str
    claims: list[CasualtyClaim]
    comparison: FigureComparison
    # Whether figures that don't say who was hit ("people") are compared here, because this
    # is the only group the sources name for this loss.
    takes_unspecified: bool = False

    @property
    def anchor(self) -> str:
        return f"{self.incident.id}--{self.category}--{self.group}".replace(" ", "-")

    @property
    def title(self) -> str:
        return f"{self.category.capitalize()}: {self.group}"

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
    # source id -> its lineage (see corroboration.lineages); fact key -> the sources carrying
    # it, grouped by lineage (one list per independent lineage), in the order of sources.yaml
    lineage_of: dict[str, str] = field(default_factory=dict)
    lineages: dict[tuple[str, str], list[list[str]]] = field(default_factory=dict)
    credibility: dict[tuple[str, str], Credibility] = field(default_factory=dict)
    # Actors that are parties to the fighting (marked belligerent, or affiliated with one)
    parties: set[str] = field(default_factory=set)
    # actor id -> source id -> the words the source attaches to the actor (framing)
    descriptions: dict[str, dict[str, list[Description]]] = field(default_factory=dict)
    # ("actors"|"places", id) -> source id -> unlisted names that look like its names
    name_variants: dict[tuple[str, str], dict[str, Counter[str]]] = field(default_factory=dict)
    # source id -> facts only it carries; facts two or more lineages carry but it does not
    unique: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    missing: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    statements: list[Statement] = field(default_factory=list)
    actor_events: dict[str, list[Event]] = field(default_factory=dict)
    actor_statements: dict[str, list[Statement]] = field(default_factory=dict)
    event_statements: dict[str, list[Statement]] = field(default_factory=dict)
    actor_claims: dict[str, list[CasualtyClaim]] = field(default_factory=dict)
    place_events: dict[str, list[Event]] = field(default_factory=dict)
    place_claims: dict[str, list[CasualtyClaim]] = field(default_factory=dict)

    def single_lineage(self, key: tuple[str, str]) -> bool:
        """Whether one source, with what derives from it, carries the fact."""
        return len(self.lineages.get(key, [])) == 1

    def lineage_members(self, lineage: str) -> list[str]:
        return [s for s, root in self.lineage_of.items() if root == lineage]


# The noun for one of a group, for "1 civilian wounded" and "at least 1 person killed".
_ONE_OF = {"civilians": "civilian", "soldiers": "soldier", "fighters": "fighter",
           "officials": "official", "people": "person", "aircraft": "aircraft",
           "vehicles": "vehicle", "buildings": "building", "settlements": "settlement"}


def describe_claim(claim: CasualtyClaim) -> str:
    """A claim in a few words: 'no civilians killed', '1 civilian wounded', 'at least 2
    soldier casualties'."""
    figure = describe_count(claim)
    one = claim.count == 1 and claim.qualifier != "more than"
    if claim.category == "casualties":
        # "Casualties" is the noun; the group, if any, describes it: "12 civilian casualties".
        kind = "" if claim.group == "unspecified" else _ONE_OF[claim.group] + " "
        noun = kind + ("casualty" if one else "casualties")
        words = {"unknown": f"unknown number of {noun}", "none": f"no {noun}"}
        return words.get(figure, f"{figure} {noun}")
    group = "people" if claim.group == "unspecified" else claim.group
    if figure == "unknown":
        return f"unknown number of {group} {claim.category}"
    if figure == "none":
        return f"no {group} {claim.category}"
    return f"{figure} {_ONE_OF[group] if one else group} {claim.category}"


def _date_sort_key(record: Dated) -> tuple[Any, ...]:
    when = record.when
    return (when.start, when.end, time_order(record.time), record.id)


def _claim_sort_key(claim: CasualtyClaim) -> tuple[Any, ...]:
    return (*claim_moment(claim), claim.id)


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
    named: dict[tuple[str, str], set[str]] = defaultdict(set)
    for claim in briefing.claims:
        if claim.group != "unspecified":
            named[claim.incident, claim.category].add(claim.group)
    grouped: dict[tuple[str, str, str], list[CasualtyClaim]] = defaultdict(list)
    for claim in briefing.claims:
        group = claim.group
        only = named[claim.incident, claim.category]
        if group == "unspecified" and len(only) == 1:
            # "Eight people wounded" and "12 civilians wounded" are compared, not shown apart.
            group = next(iter(only))
        grouped[claim.incident, claim.category, group].append(claim)
    keys = sorted(
        grouped,
        key=lambda k: (order[k[0]], _CATEGORY_ORDER[k[1]], _GROUP_ORDER[k[2]]),
    )
    who = _claimant_namer(briefing)
    groups = []
    for incident, category, group in keys:
        claims = sorted(grouped[incident, category, group], key=_claim_sort_key)
        groups.append(ClaimGroup(
            by_event[incident], category, group, claims,
            compare_figures(claims, category, who),
            takes_unspecified=any(c.group != group for c in claims),
        ))
    return groups


def _claimant_namer(briefing: Briefing) -> Any:
    actors = {a.id: a.name for a in briefing.actors}
    sources = {s.id: s.short_label for s in briefing.sources}

    def who(claim: CasualtyClaim) -> str:
        if claim.claimant:
            return actors[claim.claimant]
        return f"{sources[claim.citations[0].source]} (unattributed)"
    return who


def known_names(briefing: Briefing) -> re.Pattern[str] | None:
    """A pattern matching every actor and place name and alias, as written in the
    normalised text (see `quotes.normalise`); None when there are none."""
    return name_pattern([n for r in [*briefing.actors, *briefing.places] for n in r.names])


def _names_used(briefing: Briefing) -> dict[tuple[str, str], dict[str, Counter[str]]]:
    owner: dict[str, tuple[str, str, str]] = {}
    for kind, records in (("actors", briefing.actors), ("places", briefing.places)):
        for record in records:
            for name in record.names:
                owner.setdefault(normalise(name), (kind, record.id, name))
    pattern = name_pattern([name for _, _, name in owner.values()])
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


def _lineage_groups(
    briefing: Briefing, lineage_of: dict[str, str], carriers: dict[str, list[int]]
) -> list[list[str]]:
    """The sources carrying a fact, one list per lineage, in the order of sources.yaml."""
    groups: dict[str, list[str]] = {}
    for source in briefing.sources:
        if source.id in carriers:
            groups.setdefault(lineage_of[source.id], []).append(source.id)
    return list(groups.values())


def _evidence(kind: str, record: Any, carriers: list[str], actor_name: dict[str, str]) -> Evidence:
    if kind == "events":
        denied = (f"denied by {', '.join(actor_name[a] for a in record.denied_by)}"
                  if record.denied_by else None)
        return Evidence(carriers, claimants=record.claimed_by, confirmers=record.confirmed_by,
                        disputed=denied)
    if kind == "claims":
        return Evidence(carriers, claimants=[record.claimant] if record.claimant else [])
    # A statement: the fact graded is that the words were said, whoever said them.
    return Evidence(carriers)


def _credibility(briefing: Briefing, analysis: Analysis) -> dict[tuple[str, str], Credibility]:
    actor_name = {a.id: a.name for a in briefing.actors}
    labels = {s.id: s.short_label for s in briefing.sources}

    def carriers(key: tuple[str, str]) -> list[str]:
        return [" + ".join(labels[s] for s in group) for group in analysis.lineages[key]]

    side = sides(briefing.actors)
    records = {(kind.name, r.id): r for kind in GRADED for r in briefing.records(kind)}
    evidence = {key: _evidence(key[0], record, carriers(key), actor_name)
                for key, record in records.items()}
    for group in analysis.claim_groups:
        for claim in group.claims:
            found = evidence["claims", claim.id]
            if claim.id in group.comparison.conflicting:
                found.disputed = "another figure for the same loss conflicts with it"
            own = {analysis.lineage_of[g[0]] for g in analysis.lineages["claims", claim.id]}
            found.implied_by = list(dict.fromkeys(
                label
                for other in group.claims if other is not claim and implies(other, claim)
                for sources, label in zip(analysis.lineages["claims", other.id],
                                          carriers(("claims", other.id)), strict=True)
                if analysis.lineage_of[sources[0]] not in own
            ))
    return {
        key: grade_credibility(found, side=side, parties=analysis.parties,
                               actor_name=actor_name.__getitem__,
                               override=records[key].credibility)
        for key, found in evidence.items()
    }


def _unique_and_missing(
    analysis: Analysis, source_id: str
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    unique, missing = [], []
    for key, by_source in analysis.carried_by.items():
        if key[0] not in {k.name for k in GRADED}:
            continue
        if source_id in by_source and len(by_source) == 1:
            unique.append(key)
        elif source_id not in by_source and len(analysis.lineages[key]) >= 2:
            missing.append(key)
    return unique, missing


def analyse(briefing: Briefing) -> Analysis:
    """Compute everything the pages need from a checked briefing."""
    events = sorted(briefing.events, key=_date_sort_key)
    facts = _fact_refs(briefing)
    citing: dict[str, dict[int, list[FactRef]]] = defaultdict(lambda: defaultdict(list))
    carried_by: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(dict)
    for kind in FACTS:
        for record in briefing.records(kind):
            key = (kind.name, record.id)
            for _, citation in citations_of(record):
                assert citation.paragraph is not None, "checks resolve every citation"
                paragraphs = carried_by[key].setdefault(citation.source, [])
                if citation.paragraph not in paragraphs:
                    paragraphs.append(citation.paragraph)
                refs = citing[citation.source][citation.paragraph]
                if facts[key] not in refs:
                    refs.append(facts[key])

    lineage_of = lineages(briefing.sources)
    analysis = Analysis(
        events=events,
        claim_groups=_claim_groups(briefing, events),
        facts=facts,
        citing=citing,
        carried_by=carried_by,
        names_used=_names_used(briefing),
        coverage=measure_coverage(briefing, known_names(briefing)),
        lineage_of=lineage_of,
        lineages={key: _lineage_groups(briefing, lineage_of, by_source)
                  for key, by_source in carried_by.items()},
        statements=sorted(briefing.statements, key=_date_sort_key),
    )
    analysis.parties = belligerents(briefing.actors)
    analysis.credibility = _credibility(briefing, analysis)
    analysis.descriptions = describe_actors(
        briefing.texts, {normalise(n): a.id for a in briefing.actors for n in a.names}
    )
    analysis.name_variants = name_variants(analysis.coverage.items, listed_names(briefing))
    for source in briefing.sources:
        analysis.unique[source.id], analysis.missing[source.id] = _unique_and_missing(
            analysis, source.id)
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
