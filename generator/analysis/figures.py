"""Whether the figures given for one loss agree, were updated, or conflict, and why.

Figures are compared pairwise by the range of numbers each allows (`CasualtyClaim.bounds`).
Two figures whose ranges meet agree. Two that don't are an **update** when the later one is
higher and the loss is a running count (the killed do not come back to life), and a
**conflict** when they were given at the same time, or the later one is lower.

Claims are grouped for comparison by incident, kind of loss and group (`group_claims`).
The result is data (`FigureComparison`, `Finding`); `words.figure_reason` says it.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from typing import Literal, get_args

from ..factsheets.dates import time_order
from ..factsheets.model import CasualtyClaim, Event
from ..factsheets.vocabulary import Category, Group

__all__ = [
    "CUMULATIVE",
    "ClaimGroup",
    "FigureComparison",
    "Finding",
    "claim_moment",
    "compare_figures",
    "group_claims",
    "implies",
]

# Losses that only grow as a tally goes on. "Missing", "detained" and "displaced" can fall
# (people are found, released, return), so a lower later figure there is an update.
CUMULATIVE = {
    "killed",
    "wounded",
    "casualties",
    "captured",
    "evacuated",
    "destroyed",
    "damaged",
    "shot down",
}

Verdict = Literal["one figure", "consistent", "update", "conflict"]


@dataclass(frozen=True)
class Finding:
    """Two figures for one loss whose ranges do not meet; `earlier` was given first (or at
    the same time)."""

    verdict: Literal["update", "conflict"]
    # "same moment": given at once; "fell": a running count fell; "rose": a running count
    # rose; "changed": a count that can rise or fall changed.
    how: Literal["same moment", "fell", "rose", "changed"]
    earlier: CasualtyClaim
    later: CasualtyClaim
    category: str


@dataclass(frozen=True)
class FigureComparison:
    """The verdict on one group of figures and what it rests on."""

    verdict: Verdict
    # The pairs that do not meet, in the order they were found (update or conflict).
    findings: tuple[Finding, ...] = ()
    # For "consistent": the lowest and highest number every figure allows (None: no upper
    # bound); None when no figure gives a number.
    common: tuple[int, int | None] | None = None
    conflicting: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ClaimGroup:
    """All figures for one incident, category and group, ordered by when they were given,
    and whether they agree."""

    incident: Event
    category: str
    group: str
    claims: tuple[CasualtyClaim, ...]
    comparison: FigureComparison
    # Whether figures that don't say who was hit ("people") are compared here, because this
    # is the only group the sources name for this loss.
    takes_unspecified: bool = False

    @property
    def bounds(self) -> tuple[int, int] | None:
        """The lowest and highest number any figure gives, or None if none gives one."""
        numbers = [n for c in self.claims for n in c.bounds if n is not None]
        return (min(numbers), max(numbers)) if numbers else None


def claim_moment(claim: CasualtyClaim) -> tuple[datetime.date, str]:
    """When a figure was given, as a sortable pair; '' when the day has no time."""
    return claim.as_of, time_order(claim.as_of_time)


def _same_moment(a: CasualtyClaim, b: CasualtyClaim) -> bool:
    (day_a, time_a), (day_b, time_b) = claim_moment(a), claim_moment(b)
    # A figure with no time of day cannot be ordered against another of the same day.
    return day_a == day_b and (not time_a or not time_b or time_a == time_b)


def _ranges_meet(a: CasualtyClaim, b: CasualtyClaim) -> bool:
    (low_a, high_a), (low_b, high_b) = a.bounds, b.bounds
    if a.count == "unknown" or b.count == "unknown":
        return True
    low_a, low_b = low_a or 0, low_b or 0
    return (high_b is None or low_a <= high_b) and (high_a is None or low_b <= high_a)


def implies(a: CasualtyClaim, b: CasualtyClaim) -> bool:
    """Whether figure a, if true, makes b true: a's range lies within b's ("12" implies
    "at least 8"; "at least 8" does not imply "12"). An unknown figure implies nothing."""
    if a.count == "unknown" or b.count == "unknown":
        return False
    (low_a, high_a), (low_b, high_b) = a.bounds, b.bounds
    above = (low_a or 0) >= (low_b or 0)
    below = high_b is None or (high_a is not None and high_a <= high_b)
    return above and below


def _higher(a: CasualtyClaim, b: CasualtyClaim) -> bool:
    """Whether b's range lies wholly above a's (the ranges are known not to meet)."""
    high_a, low_b = a.bounds[1], b.bounds[0]
    return high_a is not None and low_b is not None and low_b > high_a


def _finding(a: CasualtyClaim, b: CasualtyClaim, category: str) -> Finding:
    """The finding on two figures that don't meet; a is the earlier (or as early)."""
    if _same_moment(a, b):
        return Finding("conflict", "same moment", a, b, category)
    if category not in CUMULATIVE:
        return Finding("update", "changed", a, b, category)
    if _higher(a, b):
        return Finding("update", "rose", a, b, category)
    return Finding("conflict", "fell", a, b, category)


def _common_range(claims: list[CasualtyClaim]) -> tuple[int, int | None] | None:
    numbered = [c for c in claims if c.count != "unknown"]
    if not numbered:
        return None
    low = max(c.bounds[0] or 0 for c in numbered)
    highs = [high for c in numbered if (high := c.bounds[1]) is not None]
    return low, min(highs) if highs else None


def compare_figures(claims: list[CasualtyClaim], category: str) -> FigureComparison:
    """Classify the figures for one loss."""
    if len(claims) < 2:
        return FigureComparison("one figure")
    ordered = sorted(claims, key=claim_moment)
    findings = [
        _finding(a, b, category)
        for i, a in enumerate(ordered)
        for b in ordered[i + 1 :]
        if not _ranges_meet(a, b)
    ]
    conflicts = [f for f in findings if f.verdict == "conflict"]
    if conflicts:
        conflicting = frozenset(c.id for f in conflicts for c in (f.earlier, f.later))
        return FigureComparison("conflict", tuple(findings), conflicting=conflicting)
    if findings:
        return FigureComparison("update", tuple(findings))
    return FigureComparison("consistent", common=_common_range(ordered))


_CATEGORY_ORDER = {c: i for i, c in enumerate(get_args(Category))}
_GROUP_ORDER = {g: i for i, g in enumerate(get_args(Group))}


def group_claims(claims: list[CasualtyClaim], events: list[Event]) -> list[ClaimGroup]:
    """The claims grouped by incident (in the order of `events`), loss and group, each
    group's figures in the order they were given and compared."""
    order = {e.id: i for i, e in enumerate(events)}
    by_event = {e.id: e for e in events}
    named: dict[tuple[str, str], set[str]] = defaultdict(set)
    for claim in claims:
        if claim.group != "unspecified":
            named[claim.incident, claim.category].add(claim.group)
    grouped: dict[tuple[str, str, str], list[CasualtyClaim]] = defaultdict(list)
    for claim in claims:
        group: str = claim.group
        only = named[claim.incident, claim.category]
        if group == "unspecified" and len(only) == 1:
            # "Eight people wounded" and "12 civilians wounded" are compared, not shown apart.
            group = next(iter(only))
        grouped[claim.incident, claim.category, group].append(claim)
    keys = sorted(
        grouped,
        key=lambda k: (order[k[0]], _CATEGORY_ORDER[k[1]], _GROUP_ORDER[k[2]]),
    )
    groups = []
    for incident, category, group in keys:
        members = sorted(grouped[incident, category, group], key=lambda c: (*claim_moment(c), c.id))
        groups.append(
            ClaimGroup(
                by_event[incident],
                category,
                group,
                tuple(members),
                compare_figures(members, category),
                takes_unspecified=any(c.group != group for c in members),
            )
        )
    return groups
