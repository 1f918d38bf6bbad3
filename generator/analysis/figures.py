"""Whether the figures given for one loss are compatible, were updated, or conflict, and why.

Figures are compared pairwise by the range of numbers each allows (`CasualtyClaim.bounds`).
Two figures whose ranges meet are compatible: they do not exclude each other, which is all
the comparison can say (it is not agreement: 12 and "at least 8" differ). Two that don't are:
- an **update** when one claimant gives a later, higher running count (the killed do not
  come back to life), or a later figure for a count that can rise or fall;
- a **conflict** when two claimants give them, or one claimant gives them at the same time,
  or its later running count is lower;
- **unordered** when one claimant gives both and neither time is stated (each is dated by
  publication only) within a day of the other: they cannot be put in order, so they make no
  update.
Two that do meet are still an **update** when one claimant's later figure rises above the
floor of its earlier open one ("at least 14", then 17; "scores", then 63): the claimant's
count went up, and reading the two as merely compatible would hide that.
A group can hold an update and a conflict at once; both are reported.

Claims are grouped for comparison by incident, kind of loss, group, place and scope
(`group_claims`): figures for one town and for the whole region, or for people hit by
artillery and for all the wounded, are never compared; a group lists the others of its loss
as of different scope. The result is data (`FigureComparison`, `Finding`); `words` says it.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from typing import Literal, get_args
from zoneinfo import ZoneInfo

from ..factsheets.model import CasualtyClaim, Event
from ..factsheets.times import PARTS_OF_DAY, is_clock, local_time, zone_named
from ..factsheets.vocabulary import Category, Group

__all__ = [
    "CUMULATIVE",
    "ClaimGroup",
    "CommonRange",
    "FigureComparison",
    "Finding",
    "claim_moment",
    "claimant_key",
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

Verdict = Literal["one figure", "compatible", "update", "conflict", "unordered"]
# The order in which a group's verdicts are said; the first present is its badge.
SEVERITY: tuple[Verdict, ...] = ("conflict", "unordered", "update")


@dataclass(frozen=True)
class Finding:
    """Two figures for one loss whose ranges do not meet; `earlier` was given first (or at
    the same time)."""

    verdict: Literal["update", "conflict", "unordered"]
    # "same moment": given at once; "fell": a running count fell; "rose": a running count
    # rose; "changed": a count that can rise or fall changed; "other claimant": two
    # claimants disagree; "dates inferred": neither date is stated, and they are a day or
    # less apart; "given before": one was given at some time before the other's date.
    # "floor rose": a later figure above the floor of the same claimant's earlier open one.
    how: Literal[
        "same moment",
        "fell",
        "rose",
        "floor rose",
        "changed",
        "other claimant",
        "dates inferred",
        "given before",
    ]
    earlier: CasualtyClaim
    later: CasualtyClaim
    category: str


@dataclass(frozen=True)
class CommonRange:
    """What every figure of a compatible group allows: from `low` (set by the figure
    `lowest_by`) to `high` (None: no upper bound; set by `highest_by`)."""

    low: int
    high: int | None
    lowest_by: CasualtyClaim
    highest_by: CasualtyClaim | None


@dataclass(frozen=True)
class FigureComparison:
    """The verdict on one group of figures and what it rests on."""

    verdict: Verdict
    # The pairs that do not meet, in the order they were found.
    findings: tuple[Finding, ...] = ()
    # For "compatible": the range every figure allows; None when no figure gives a number.
    common: CommonRange | None = None
    conflicting: frozenset[str] = frozenset()

    @property
    def verdicts(self) -> tuple[Verdict, ...]:
        """Every verdict the findings reach, most serious first: a group can hold both an
        update by one claimant and a conflict between two."""
        found = {f.verdict for f in self.findings}
        return tuple(v for v in SEVERITY if v in found) or (self.verdict,)


@dataclass(frozen=True)
class ClaimGroup:
    """All figures for one incident, category and group, ordered by when they were given,
    and whether they are compatible."""

    incident: Event
    category: str
    group: str
    claims: tuple[CasualtyClaim, ...]
    comparison: FigureComparison
    # Whether figures that don't say who was hit ("people") are compared here, because this
    # is the only group the sources name for this loss.
    takes_unspecified: bool = False
    place: str | None = None
    scope: str | None = None
    # The groups for the same loss and group of a different place or scope, by index in
    # the list `group_claims` returns: not compared with this one.
    other_scopes: tuple[int, ...] = ()
    # Where the figures count, when another group of the same loss counts elsewhere: the
    # place's name, or "place not stated" (so that two groups never share one title).
    where: str | None = None

    @property
    def bounds(self) -> tuple[int, int | None] | None:
        """The lowest number any figure allows and the highest, or None if none gives one.
        The highest is None when a figure is open above ("at least 40"): its floor is not an
        upper bound, so 31 and "at least 40" span from 31 with no end, never "31–40"."""
        numbered = [c.bounds for c in self.claims if c.count != "unknown"]
        if not numbered:
            return None
        low = min(lo or 0 for lo, _ in numbered)
        highs = [hi for _, hi in numbered]
        return low, None if None in highs else max(h for h in highs if h is not None)


Moment = tuple[datetime.date, str]


def claim_moment(claim: CasualtyClaim, zone: ZoneInfo | None = None) -> Moment:
    """When a figure was given, in the briefing's zone, as a sortable pair: the day and
    "HH:MM" (a part of the day at its first hour; '' when the day has no time)."""
    if claim.as_of_time is None:
        return claim.as_of, ""
    if is_clock(claim.as_of_time):
        written = zone_named(claim.time_zone) or zone
        moment = local_time(claim.as_of, claim.as_of_time, written, zone)
        return moment.date(), moment.strftime("%H:%M")
    return claim.as_of, f"{PARTS_OF_DAY[claim.as_of_time][0]:02d}:00"


def _same_moment(a: CasualtyClaim, b: CasualtyClaim, moments: dict[str, Moment]) -> bool:
    (day_a, time_a), (day_b, time_b) = moments[a.id], moments[b.id]
    # A figure with no time of day cannot be ordered against another of the same day.
    return day_a == day_b and (not time_a or not time_b or time_a == time_b)


def claimant_key(claim: CasualtyClaim) -> str:
    """Who gives a figure: its claimant, or for a figure in an outlet's own voice, the
    outlet (two outlets are two claimants)."""
    return claim.claimant or f"outlet:{claim.citations[0].source}"


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


def _finding(
    a: CasualtyClaim, b: CasualtyClaim, category: str, moments: dict[str, Moment]
) -> Finding:
    """The finding on two figures that don't meet; a is the earlier (or as early)."""
    if claimant_key(a) != claimant_key(b):
        how: Literal["same moment", "other claimant"] = (
            "same moment" if _same_moment(a, b, moments) else "other claimant"
        )
        return Finding("conflict", how, a, b, category)
    if (b.as_of_precision == "before" and a.as_of <= b.as_of) or (
        a.as_of_precision == "before" and b.as_of <= a.as_of
    ):
        return Finding("unordered", "given before", a, b, category)
    if not a.as_of_stated and not b.as_of_stated and abs((b.as_of - a.as_of).days) <= 1:
        return Finding("unordered", "dates inferred", a, b, category)
    if _same_moment(a, b, moments):
        return Finding("conflict", "same moment", a, b, category)
    if category not in CUMULATIVE:
        return Finding("update", "changed", a, b, category)
    if _higher(a, b):
        return Finding("update", "rose", a, b, category)
    return Finding("conflict", "fell", a, b, category)


def _rising_floor(
    a: CasualtyClaim, b: CasualtyClaim, category: str, moments: dict[str, Moment]
) -> Finding | None:
    """An update when b, given later by a's claimant, rises above the floor of a's open
    figure ("at least 14", then 17), though their ranges meet; None otherwise, and when the
    two cannot be put in order (then they stay compatible: nothing says which came first)."""
    if claimant_key(a) != claimant_key(b) or "unknown" in (a.count, b.count):
        return None
    (floor, ceiling), later_floor = a.bounds, b.bounds[0]
    if ceiling is not None or later_floor is None or later_floor <= (floor or 0):
        return None
    before = a.as_of_precision == "before" or b.as_of_precision == "before"
    inferred = not a.as_of_stated and not b.as_of_stated and abs((b.as_of - a.as_of).days) <= 1
    if before or inferred or _same_moment(a, b, moments):
        return None
    return Finding("update", "floor rose", a, b, category)


def _finding_on(
    a: CasualtyClaim, b: CasualtyClaim, category: str, moments: dict[str, Moment]
) -> Finding | None:
    """The finding on two figures, a the earlier (or as early); None when they are merely
    compatible."""
    if _ranges_meet(a, b):
        return _rising_floor(a, b, category, moments)
    return _finding(a, b, category, moments)


def _common_range(claims: list[CasualtyClaim]) -> CommonRange | None:
    numbered = [c for c in claims if c.count != "unknown"]
    if not numbered:
        return None
    lowest_by = max(numbered, key=lambda c: c.bounds[0] or 0)
    capped = [c for c in numbered if c.bounds[1] is not None]
    highest_by = min(capped, key=lambda c: c.bounds[1] or 0) if capped else None
    return CommonRange(
        lowest_by.bounds[0] or 0,
        highest_by.bounds[1] if highest_by else None,
        lowest_by,
        highest_by,
    )


def compare_figures(
    claims: list[CasualtyClaim], category: str, moments: dict[str, Moment] | None = None
) -> FigureComparison:
    """Classify the figures for one loss (`moments`: when each was given, by id)."""
    if len(claims) < 2:
        return FigureComparison("one figure")
    moments = moments or {c.id: claim_moment(c) for c in claims}
    ordered = sorted(claims, key=lambda c: moments[c.id])
    findings = tuple(
        f
        for i, a in enumerate(ordered)
        for b in ordered[i + 1 :]
        if (f := _finding_on(a, b, category, moments)) is not None
    )
    if not findings:
        return FigureComparison("compatible", common=_common_range(ordered))
    verdict = next(v for v in SEVERITY if any(f.verdict == v for f in findings))
    conflicting = frozenset(
        c.id for f in findings if f.verdict == "conflict" for c in (f.earlier, f.later)
    )
    return FigureComparison(verdict, findings, conflicting=conflicting)


_CATEGORY_ORDER = {c: i for i, c in enumerate(get_args(Category))}
_GROUP_ORDER = {g: i for i, g in enumerate(get_args(Group))}


def _where(place: str, places: set[str], names: dict[str, str]) -> str | None:
    """A group's place as its title says it, when its loss is counted in more than one."""
    if len(places) < 2:
        return None
    return names.get(place, place) if place else "place not stated"


def group_claims(
    claims: list[CasualtyClaim],
    events: list[Event],
    zone: ZoneInfo | None = None,
    place_names: dict[str, str] | None = None,
) -> list[ClaimGroup]:
    """The claims grouped by incident (in the order of `events`), loss, group, place and
    scope, each group's figures in the order they were given (in `zone`, the briefing's)
    and compared; `place_names` name the places in titles."""
    moments = {c.id: claim_moment(c, zone) for c in claims}
    order = {e.id: i for i, e in enumerate(events)}
    by_event = {e.id: e for e in events}
    named: dict[tuple[str, str], set[str]] = defaultdict(set)
    for claim in claims:
        if claim.group != "unspecified":
            named[claim.incident, claim.category].add(claim.group)
    Key = tuple[str, str, str, str, str]
    grouped: dict[Key, list[CasualtyClaim]] = defaultdict(list)
    for claim in claims:
        group: str = claim.group
        only = named[claim.incident, claim.category]
        if group == "unspecified" and len(only) == 1:
            # "Eight people wounded" and "12 civilians wounded" are compared, not shown apart.
            group = next(iter(only))
        key = (claim.incident, claim.category, group, claim.place or "", claim.counted_scope or "")
        grouped[key].append(claim)
    keys = sorted(
        grouped,
        key=lambda k: (order[k[0]], _CATEGORY_ORDER[k[1]], _GROUP_ORDER[k[2]], k[3], k[4]),
    )
    # The groups of each loss (incident, category, group), by index: its scopes.
    scopes: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, each in enumerate(keys):
        scopes[each[:3]].append(i)
    groups = []
    for at, (incident, category, group, place, scope) in enumerate(keys):
        places = {keys[i][3] for i in scopes[incident, category, group]}
        members = sorted(
            grouped[incident, category, group, place, scope], key=lambda c: (*moments[c.id], c.id)
        )
        groups.append(
            ClaimGroup(
                by_event[incident],
                category,
                group,
                tuple(members),
                compare_figures(members, category, moments),
                takes_unspecified=any(c.group != group for c in members),
                place=place or None,
                scope=scope or None,
                other_scopes=tuple(i for i in scopes[incident, category, group] if i != at),
                where=_where(place, places, place_names or {}),
            )
        )
    return groups
