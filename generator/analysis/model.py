"""The analysis of one briefing: a record per fact, per actor and place, per source.

Built once by `build.analyse` and never changed after: every mapping is read-only. It holds
data only; where facts are shown (`addresses.py`) and how they are said (`words.py`) are
decided when the pages are written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..factsheets.kinds import Kind
from ..factsheets.model import Actor, Assertion, CasualtyClaim, Event, Place, Source, Statement
from ..factsheets.versions import OneVersion
from .corroboration import Credibility, Lineage
from .coverage import Coverage, SourceCoverage
from .dependence import SharedNarration
from .figures import ClaimGroup
from .framing import Description
from .statements import StatementComparison

__all__ = [
    "Analysis",
    "AssertionAnalysis",
    "EntityAnalysis",
    "FactAnalysis",
    "FactKey",
    "SourceAnalysis",
    "VersionAnalysis",
]

# A fact: (its kind's name, its id).
FactKey = tuple[str, str]


@dataclass(frozen=True)
class VersionAnalysis:
    """One version of an assertion: the lineages carrying it and its own grade, which a
    confirmation or denial of a rival version does not move."""

    version: OneVersion
    carriers: Mapping[str, tuple[int, ...]]
    lineages: tuple[Lineage, ...]
    credibility: Credibility
    shared: tuple[SharedNarration, ...] = ()

    @property
    def single_source(self) -> bool:
        return len(self.lineages) == 1


@dataclass(frozen=True)
class AssertionAnalysis:
    """One assertion about an event (who did it, what it hit), each of its versions graded
    on its own evidence, which a confirmation of the event itself does not raise."""

    record: Assertion
    versions: tuple[VersionAnalysis, ...]

    @property
    def contested(self) -> bool:
        return len(self.versions) > 1

    # The one-version form's analysis, as pages showing a single version read it.
    @property
    def first(self) -> VersionAnalysis:
        return self.versions[0]

    @property
    def carriers(self) -> Mapping[str, tuple[int, ...]]:
        """Every version's carriers together."""
        found: dict[str, tuple[int, ...]] = {}
        for version in self.versions:
            for source, paragraphs in version.carriers.items():
                found[source] = tuple(dict.fromkeys(found.get(source, ()) + paragraphs))
        return found


@dataclass(frozen=True)
class FactAnalysis:
    """One fact: the sources and paragraphs carrying it, grouped into independent lineages,
    and (for events, claims and statements) its credibility."""

    kind: Kind
    record: Any
    # source id -> the paragraphs its citations of the fact are in, in citation order
    carriers: Mapping[str, tuple[int, ...]]
    # The lineages that corroborate it: sources joined by derivation, or by narration they
    # share around this fact; renderings marked as errata count for none.
    lineages: tuple[Lineage, ...]
    credibility: Credibility | None = None
    # Runs of narration that joined (or, overruled by an editor, did not join) two sources
    # of different lineages for this fact.
    shared: tuple[SharedNarration, ...] = ()
    # An event's assertions, graded apart from whether it happened.
    assertions: tuple[AssertionAnalysis, ...] = ()

    @property
    def key(self) -> FactKey:
        return self.kind.name, self.record.id

    @property
    def single_source(self) -> bool:
        """Whether one source, with what derives from it, carries the fact."""
        return len(self.lineages) == 1


@dataclass(frozen=True)
class EntityAnalysis:
    """An actor or a place: the names each source uses for it, and the facts about it."""

    record: Actor | Place
    # source id -> name as listed -> occurrences in the displayed text
    names_used: Mapping[str, Counter[str]]
    # source id -> an unlisted name that looks like one of its names -> occurrences
    variants: Mapping[str, Counter[str]]
    # source id -> the words the source attaches to it (actors only)
    descriptions: Mapping[str, tuple[Description, ...]]
    events: tuple[Event, ...]
    statements: tuple[Statement, ...]  # said by it (actors only)
    claims: tuple[CasualtyClaim, ...]  # claimed by it, or about losses there
    party: bool = False  # a party to the fighting (actors only)


@dataclass(frozen=True)
class SourceAnalysis:
    """One source: its lineage, the facts citing each paragraph, what it alone carries and
    what it leaves out, and what the facts capture of it."""

    source: Source
    lineage: str  # the id of the original of its lineage
    lineage_members: tuple[str, ...]
    derived_by: tuple[str, ...]  # sources declaring they derive from it
    citing: Mapping[int, tuple[FactKey, ...]]  # paragraph -> facts citing it
    unique: tuple[FactKey, ...]  # graded facts only it carries
    missing: tuple[FactKey, ...]  # graded facts two or more lineages carry, and it does not
    coverage: SourceCoverage


@dataclass(frozen=True)
class Analysis:
    """Everything computed for one briefing."""

    events: tuple[Event, ...]  # in date order
    statements: tuple[Statement, ...]  # in date order
    claim_groups: tuple[ClaimGroup, ...]
    facts: Mapping[FactKey, FactAnalysis]
    actors: Mapping[str, EntityAnalysis]
    places: Mapping[str, EntityAnalysis]
    sources: Mapping[str, SourceAnalysis]
    coverage: Coverage
    comparisons: Mapping[str, StatementComparison]  # statement id -> its renderings
    event_statements: Mapping[str, tuple[Statement, ...]]  # event id -> statements about it

    def fact(self, kind: Kind | str, record_id: str) -> FactAnalysis:
        name = kind if isinstance(kind, str) else kind.name
        return self.facts[name, record_id]

    def graded_facts(self) -> list[FactAnalysis]:
        """The events, claims and statements, in the order the comparison lists them:
        events and statements by date, claims by group."""
        return (
            [self.fact("events", e.id) for e in self.events]
            + [self.fact("claims", c.id) for g in self.claim_groups for c in g.claims]
            + [self.fact("statements", s.id) for s in self.statements]
        )
