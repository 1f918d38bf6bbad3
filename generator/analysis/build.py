"""`analyse`: everything the pages show that no single fact sheet says, computed once."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, TypeVar

from ..checks.briefing import Briefing
from ..checks.records import citations_of
from ..factsheets.kinds import FACTS, GRADED
from ..factsheets.model import (
    Assertion,
    CasualtyClaim,
    Citation,
    Event,
    Statement,
    Version,
)
from ..factsheets.times import order_key, zone_named
from ..factsheets.versions import OneVersion
from ..text import normalise
from .corroboration import (
    Credibility,
    Dispute,
    Evidence,
    Lineage,
    belligerents,
    grade_credibility,
    lineages,
    sides,
)
from .coverage import Coverage, measure_coverage
from .dependence import SharedNarration, fact_lineages
from .figures import ClaimGroup, group_claims, implies
from .framing import Description, describe_actors
from .model import (
    Analysis,
    AssertionAnalysis,
    EntityAnalysis,
    FactAnalysis,
    FactKey,
    SourceAnalysis,
    VersionAnalysis,
)
from .names import known_names, listed_names, name_variants, names_used
from .statements import compare_renderings

__all__ = ["EVIDENCE_RULES", "analyse"]

K = TypeVar("K")
V = TypeVar("V")


def _frozen(mapping: dict[K, V]) -> Mapping[K, V]:
    return MappingProxyType(mapping)


def _paragraphs(citations: Iterable[Citation]) -> dict[str, list[int]]:
    """{source id: the paragraphs cited}, in the order the citations are listed."""
    by_source: dict[str, list[int]] = {}
    for citation in citations:
        assert citation.paragraph is not None, "checks resolve every citation"
        paragraphs = by_source.setdefault(citation.source, [])
        if citation.paragraph not in paragraphs:
            paragraphs.append(citation.paragraph)
    return by_source


def _counted(citations: Iterable[Citation]) -> list[Citation]:
    """The citations that corroborate: all but renderings marked as errata."""
    return [c for c in citations if c.supports]


@dataclass
class _Carried:
    """A fact's (or an assertion's) carriers and lineages, before it is graded."""

    record: Any
    carriers: dict[str, list[int]]
    lineages: tuple[Lineage, ...]
    shared: tuple[SharedNarration, ...]


@dataclass(frozen=True)
class _Briefing:
    """What grading every fact of a briefing needs, computed once: the sources in order,
    each source's declared lineage, each actor's side and the parties to the fighting."""

    briefing: Briefing
    order: list[str]
    lineage_of: dict[str, str]
    side: dict[str, set[str]]
    parties: set[str]

    @classmethod
    def of(cls, briefing: Briefing, parties: set[str]) -> _Briefing:
        return cls(
            briefing,
            [s.id for s in briefing.sources],
            lineages(briefing.sources),
            sides(briefing.actors),
            parties,
        )

    def carried(self, record: Any, citations: list[Citation]) -> _Carried:
        found, shared = fact_lineages(
            self.order,
            self.lineage_of,
            _paragraphs(_counted(citations)),
            self.briefing.reuse,
            getattr(record, "independent", ()),
        )
        return _Carried(record, _paragraphs(citations), found, shared)

    def grade(self, evidence: Evidence, record: Any) -> Credibility:
        return grade_credibility(
            evidence, side=self.side, parties=self.parties, override=record.credibility
        )


def _asserted_evidence(
    record: Event | Assertion | Version,
    lineages: tuple[Lineage, ...],
    rivals: tuple[str, ...] = (),
) -> Evidence:
    """Who claims, confirms and denies an event or one version of an assertion; `rivals`,
    the holders of the assertion's other versions, dispute it as a denial would."""
    denied = (
        Dispute(denied_by=tuple(record.denied_by), rivals=rivals)
        if record.denied_by or rivals
        else None
    )
    return Evidence(
        list(lineages), claimants=record.claimed_by, confirmers=record.confirmed_by, disputed=denied
    )


def _claim_evidence(claim: CasualtyClaim, lineages: tuple[Lineage, ...]) -> Evidence:
    return Evidence(list(lineages), claimants=[claim.claimant] if claim.claimant else [])


def _statement_evidence(statement: Statement, lineages: tuple[Lineage, ...]) -> Evidence:
    # The fact graded is that the words were said, whoever said them.
    return Evidence(list(lineages))


# What counts as evidence for a fact of each graded kind: who claims, confirms and denies it.
# An event's own claimants and confirmers speak to whether it happened; its assertions
# (who did it, what it hit) are graded by the same rule on their own actors and citations.
# A new graded kind needs its rule here (tests/test_design.py checks there is one).
EVIDENCE_RULES: dict[str, Callable[[Any, tuple[Lineage, ...]], Evidence]] = {
    "events": _asserted_evidence,
    "claims": _claim_evidence,
    "statements": _statement_evidence,
}


def _implied_by(
    claim: CasualtyClaim,
    group: ClaimGroup,
    carried: dict[FactKey, _Carried],
    lineage_of: dict[str, str],
    parties: set[str],
) -> list[Lineage]:
    """Lineages carrying another figure of the group that implies this one, and not this
    one itself, each counted once however many of its figures imply this one. A party's
    figure implies nothing: outlets repeating it show that the party said it, and counting
    it for an outlet's figure would get round the cap on what parties alone establish."""
    own = {lineage_of[s] for g in carried["claims", claim.id].lineages for s in g}
    found: list[Lineage] = []
    seen: set[str] = set(own)
    for other in group.claims:
        if other is claim or other.claimant in parties or not implies(other, claim):
            continue
        for lineage in carried["claims", other.id].lineages:
            roots = {lineage_of[s] for s in lineage}
            if not roots & seen:
                found.append(lineage)
                seen |= roots
    return found


def _grades(
    known: _Briefing, carried: dict[FactKey, _Carried], groups: list[ClaimGroup]
) -> dict[FactKey, Credibility]:
    graded = {kind.name for kind in GRADED}
    evidence = {
        key: EVIDENCE_RULES[key[0]](fact.record, fact.lineages)
        for key, fact in carried.items()
        if key[0] in graded
    }
    for group in groups:
        for claim in group.claims:
            found = evidence["claims", claim.id]
            if claim.id in group.comparison.conflicting:
                found.disputed = Dispute(conflicting_figure=True)
            found.implied_by = _implied_by(claim, group, carried, known.lineage_of, known.parties)
    return {key: known.grade(found, carried[key].record) for key, found in evidence.items()}


def _assertions(known: _Briefing, event: Event) -> tuple[AssertionAnalysis, ...]:
    return tuple(
        AssertionAnalysis(a, tuple(_version(known, a, v) for v in a.all_versions))
        for a in event.assertions
    )


def _version(known: _Briefing, assertion: Assertion, version: OneVersion) -> VersionAnalysis:
    """One version graded on its own citations and actors: a confirmation or denial counts
    only for the version it addresses, and the holders of a rival version dispute it."""
    record = version.record
    found = known.carried(record, version.citations)
    rivals = [
        actor
        for other in assertion.all_versions
        if other.record is not record
        for actor in other.holders
        if actor not in version.holders
    ]
    evidence = _asserted_evidence(record, found.lineages, tuple(dict.fromkeys(rivals)))
    return VersionAnalysis(
        version,
        _frozen({s: tuple(p) for s, p in found.carriers.items()}),
        found.lineages,
        known.grade(evidence, record),
        found.shared,
    )


def _facts(
    briefing: Briefing, groups: list[ClaimGroup], parties: set[str]
) -> dict[FactKey, FactAnalysis]:
    known = _Briefing.of(briefing, parties)
    carried = {
        (kind.name, r.id): known.carried(r, [c for _, c in citations_of(r)])
        for kind in FACTS
        for r in briefing.records(kind)
    }
    grades = _grades(known, carried, groups)
    kinds = {kind.name: kind for kind in FACTS}
    return {
        key: FactAnalysis(
            kinds[key[0]],
            fact.record,
            _frozen({s: tuple(p) for s, p in fact.carriers.items()}),
            fact.lineages,
            grades.get(key),
            fact.shared,
            _assertions(known, fact.record) if key[0] == "events" else (),
        )
        for key, fact in carried.items()
    }


def _sources(
    briefing: Briefing, facts: dict[FactKey, FactAnalysis], coverage: Coverage
) -> dict[str, SourceAnalysis]:
    lineage_of = lineages(briefing.sources)
    citing: dict[str, dict[int, list[FactKey]]] = defaultdict(lambda: defaultdict(list))
    for key, fact in facts.items():
        for source_id, paragraphs in fact.carriers.items():
            for number in paragraphs:
                citing[source_id][number].append(key)
    graded = [f for f in facts.values() if f.kind.graded]
    # Grouped in one pass each, not by a pass over every source or fact per source: a big
    # briefing has hundreds of sources and thousands of facts.
    members: dict[str, list[str]] = defaultdict(list)
    for sid, root in lineage_of.items():
        members[root].append(sid)
    derived_by: dict[str, list[str]] = defaultdict(list)
    for source in briefing.sources:
        for origin in dict.fromkeys(source.derived_from):
            derived_by[origin].append(source.id)
    unique: dict[str, list[FactKey]] = defaultdict(list)
    for fact in graded:
        if len(fact.carriers) == 1:
            unique[next(iter(fact.carriers))].append(fact.key)
    corroborated = [f for f in graded if len(f.lineages) >= 2]
    found = {}
    for source in briefing.sources:
        sid = source.id
        found[sid] = SourceAnalysis(
            source=source,
            lineage=lineage_of[sid],
            lineage_members=tuple(members[lineage_of[sid]]),
            derived_by=tuple(derived_by[sid]),
            citing=_frozen({n: tuple(keys) for n, keys in citing[sid].items()}),
            unique=tuple(unique[sid]),
            missing=tuple(f.key for f in corroborated if sid not in f.carriers),
            coverage=coverage.by_source[sid],
        )
    return found


def _per_source(found: Mapping[str, Any], wrap: Any = None) -> Mapping[str, Any]:
    return _frozen({s: (wrap(v) if wrap else v) for s, v in found.items()})


def _entities(
    briefing: Briefing,
    events: list[Event],
    statements: list[Statement],
    groups: list[ClaimGroup],
    coverage: Coverage,
    parties: set[str],
) -> tuple[dict[str, EntityAnalysis], dict[str, EntityAnalysis]]:
    used = names_used(briefing)
    variants = name_variants(coverage.items, listed_names(briefing))
    descriptions: dict[str, dict[str, list[Description]]] = describe_actors(
        briefing.texts, {normalise(n): a.id for a in briefing.actors for n in a.names}
    )
    events_of: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for event in events:
        for actor_id in dict.fromkeys(
            event.actors
            + event.claimed_by
            + event.denied_by
            + event.confirmed_by
            # An actor named only in an assertion is still one of the event's actors.
            + [a for assertion in event.assertions for a in assertion.actors]
        ):
            events_of["actors", actor_id].append(event)
        for place_id in event.places:
            events_of["places", place_id].append(event)
    claims_of: dict[tuple[str, str], list[CasualtyClaim]] = defaultdict(list)
    for group in groups:
        for claim in group.claims:
            if claim.claimant:
                claims_of["actors", claim.claimant].append(claim)
            if claim.place:
                claims_of["places", claim.place].append(claim)
    said: dict[str, list[Statement]] = defaultdict(list)
    for statement in statements:
        said[statement.speaker].append(statement)

    def entity(kind: str, record: Any) -> EntityAnalysis:
        key = (kind, record.id)
        return EntityAnalysis(
            record=record,
            names_used=_per_source(used.get(key, {}), Counter),
            variants=_per_source(variants.get(key, {}), Counter),
            descriptions=_per_source(
                descriptions.get(record.id, {}) if kind == "actors" else {}, tuple
            ),
            events=tuple(events_of.get(key, [])),
            statements=tuple(said.get(record.id, [])) if kind == "actors" else (),
            claims=tuple(claims_of.get(key, [])),
            party=kind == "actors" and record.id in parties,
        )

    return (
        {a.id: entity("actors", a) for a in briefing.actors},
        {p.id: entity("places", p) for p in briefing.places},
    )


def analyse(briefing: Briefing) -> Analysis:
    """Compute everything the pages need from a checked briefing."""
    zone = zone_named(briefing.info.timezone)
    events = sorted(briefing.events, key=lambda e: order_key(e, zone))
    statements = sorted(briefing.statements, key=lambda s: order_key(s, zone))
    groups = group_claims(briefing.claims, events, zone, {p.id: p.name for p in briefing.places})
    parties = belligerents(briefing.actors)
    coverage = measure_coverage(briefing, known_names(briefing))
    facts = _facts(briefing, groups, parties)
    actors, places = _entities(briefing, events, statements, groups, coverage, parties)
    about: dict[str, list[Statement]] = defaultdict(list)
    for statement in statements:
        if statement.event:
            about[statement.event].append(statement)
    return Analysis(
        events=tuple(events),
        statements=tuple(statements),
        claim_groups=tuple(groups),
        facts=_frozen(facts),
        actors=_frozen(actors),
        places=_frozen(places),
        sources=_frozen(_sources(briefing, facts, coverage)),
        coverage=coverage,
        comparisons=_frozen({s.id: compare_renderings(s, briefing.sources) for s in statements}),
        event_statements=_frozen({e: tuple(s) for e, s in about.items()}),
    )
