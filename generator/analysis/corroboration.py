"""Corroboration and credibility: how many independent lineages carry a fact, and how far
to believe it, on the Admiralty scale.

A **lineage** is a source together with every source joined to it by `derived_from` (in
either direction, and through chains): a translation of the Guardian repeats the Guardian, it
does not confirm it. A fact that one lineage carries is single-source, however many outlets
print it.

**Credibility** (1 confirmed … 6 cannot be judged) is computed in steps, each kept as a `Step`
(`words.credibility_steps` says it) so the page can say how the grade came about:

1. Corroboration: carried by two or more lineages, 2 (probably true); by one, 3 (possibly
   true). For a figure, lineages that carry a figure implying it count too: "12 wounded"
   corroborates "at least 8 wounded", but not the other way round, and a party's figure
   corroborates none. A rendering marked as an erratum counts for no lineage, and sources
   sharing narration around the fact count as one (`dependence`).
2. Confirmation by an actor who does not claim it and is not on a claimant's side (the other
   side admitting it): one better.
3. Dispute: denied, or (for a figure) in conflict with another figure for the same loss: one
   worse.
4. Partiality: claimed only by parties to the fighting, and confirmed by nobody outside their
   side: no better than 3. Outlets repeating a belligerent's claim show that the claim was
   made, not that it is true. Rival versions of an assertion dispute each other (step 3).

An editor may override the result with a reason (`credibility: {grade, reason}`); the page
shows both. Grade 6 is never computed: saying a fact cannot be judged is an editor's call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..factsheets.model import CredibilityOverride, Source
from ..factsheets.sides import belligerents, sides

__all__ = [
    "PARTISAN_CAP",
    "Credibility",
    "Dispute",
    "Evidence",
    "Lineage",
    "Step",
    "belligerents",
    "grade_credibility",
    "lineages",
    "sides",
]

# The best grade a fact claimed only by parties to the fighting can get.
PARTISAN_CAP = 3
# A lineage: the ids of the sources in it, in the order of sources.yaml.
Lineage = tuple[str, ...]


@dataclass(frozen=True)
class Dispute:
    """Why a fact is disputed: the actors who deny it, the holders of a rival version of it,
    or a figure it conflicts with."""

    denied_by: tuple[str, ...] = ()
    conflicting_figure: bool = False
    rivals: tuple[str, ...] = ()


@dataclass(frozen=True)
class Step:
    """One step of a grade: the rule applied, the grade after it, and what it rests on."""

    rule: Literal["carried", "confirmed", "disputed", "partisan", "override"]
    grade: int
    lineages: tuple[Lineage, ...] = ()  # carried: the lineages carrying the fact
    implied_by: tuple[Lineage, ...] = ()  # carried: lineages of figures implying it
    actors: tuple[str, ...] = ()  # confirmed: who confirms it; partisan: who claims it
    # partisan: confirmers on a claimant's own side, who do not count as confirming it
    own_side: tuple[str, ...] = ()
    dispute: Dispute | None = None  # disputed
    reason: str = ""  # override: the editor's reason


@dataclass(frozen=True)
class Credibility:
    """A fact's credibility grade, the computed grade beneath it, and how it was reached."""

    grade: int
    computed: int
    steps: tuple[Step, ...]
    override: CredibilityOverride | None = None


@dataclass
class Evidence:
    """What a fact's credibility is computed from: the lineages carrying it, and actor ids."""

    lineages: list[Lineage]
    # For a figure: further lineages carrying another figure that implies it ("12 wounded"
    # implies "at least 8 wounded"), which corroborate it as much as a repetition would.
    implied_by: list[Lineage] = field(default_factory=list)
    claimants: list[str] = field(default_factory=list)
    confirmers: list[str] = field(default_factory=list)
    disputed: Dispute | None = None


def lineages(sources: list[Source]) -> dict[str, str]:
    """{source id: its lineage}, a lineage named by its original: the first source in it,
    in the order of sources.yaml, that derives from no other source of the lineage."""
    parent = {s.id: s.id for s in sources}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for source in sources:
        for origin in source.derived_from:
            if origin in parent:
                parent[root(source.id)] = root(origin)
    members: dict[str, list[Source]] = {}
    for source in sources:
        members.setdefault(root(source.id), []).append(source)
    named = {}
    for group in members.values():
        ids = {s.id for s in group}
        original = next((s for s in group if not ids & set(s.derived_from)), group[0])
        named.update({s.id: original.id for s in group})
    return named


def _one_better(grade: int) -> int:
    return max(1, grade - 1)


def _one_worse(grade: int) -> int:
    return min(5, grade + 1)


def grade_credibility(
    evidence: Evidence,
    *,
    side: dict[str, set[str]],
    parties: set[str],
    override: CredibilityOverride | None = None,
) -> Credibility:
    """Grade one fact; see the module docstring for the steps."""
    count = len(evidence.lineages) + len(evidence.implied_by)
    grade = 2 if count >= 2 else 3
    steps = [Step("carried", grade, tuple(evidence.lineages), tuple(evidence.implied_by))]

    claimant_sides = set().union(*(side.get(c, {c}) for c in evidence.claimants))
    independent = [
        c
        for c in evidence.confirmers
        if c not in evidence.claimants and not side.get(c, {c}) & claimant_sides
    ]
    if independent:
        grade = _one_better(grade)
        steps.append(Step("confirmed", grade, actors=tuple(independent)))
    if evidence.disputed:
        grade = _one_worse(grade)
        steps.append(Step("disputed", grade, dispute=evidence.disputed))
    partisan = bool(evidence.claimants) and all(c in parties for c in evidence.claimants)
    if partisan and not independent and grade < PARTISAN_CAP:
        grade = PARTISAN_CAP
        own_side = tuple(c for c in evidence.confirmers if c not in evidence.claimants)
        steps.append(Step("partisan", grade, actors=tuple(evidence.claimants), own_side=own_side))
    computed = grade
    if override is not None:
        steps.append(Step("override", override.grade, reason=override.reason))
        grade = override.grade
    return Credibility(grade, computed, tuple(steps), override)
