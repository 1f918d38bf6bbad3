"""Whether the figures given for one loss agree, were updated, or conflict, and why.

Figures are compared pairwise by the range of numbers each allows (`CasualtyClaim.bounds`).
Two figures whose ranges meet agree. Two that don't are an **update** when the later one is
higher and the loss is a running count (the killed do not come back to life), and a
**conflict** when they were given at the same time, or the later one is lower.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from .factsheets.model import CasualtyClaim
from .words import describe_count

__all__ = [
    "CUMULATIVE",
    "FigureComparison",
    "claim_moment",
    "compare_figures",
    "describe_count",
    "implies",
    "time_order",
]

# Losses that only grow as a tally goes on. "Missing", "detained" and "displaced" can fall
# (people are found, released, return), so a lower later figure there is an update.
CUMULATIVE = {"killed", "wounded", "casualties", "captured", "evacuated", "destroyed",
              "damaged", "shot down"}

_TIME_ORDER = {"morning": "06:00", "afternoon": "14:00", "evening": "19:00", "night": "23:00"}


def time_order(time: str | None) -> str:
    """A time of day as sortable text: "18:30", or a part of the day at its usual hour."""
    return _TIME_ORDER.get(time or "", time or "")

Verdict = Literal["one figure", "consistent", "update", "conflict"]


@dataclass(frozen=True)
class FigureComparison:
    """The verdict on one group of figures, the reason in words, and the claims in conflict."""

    verdict: Verdict
    reason: str
    conflicting: frozenset[str] = frozenset()


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


def _when(claim: CasualtyClaim) -> str:
    day = claim.as_of.strftime("%-d %B")
    return f"{day} ({claim.as_of_time})" if claim.as_of_time else day


def _pair_verdict(
    a: CasualtyClaim, b: CasualtyClaim, category: str, who: Callable[[CasualtyClaim], str]
) -> tuple[Verdict, str]:
    """The verdict on two figures that don't meet; a is the earlier (or as early)."""
    x, y = describe_count(a), describe_count(b)
    if _same_moment(a, b):
        if a.claimant is not None and a.claimant == b.claimant:
            return "conflict", f"{who(a)} gives both {x} and {y} as of {_when(a)}"
        return "conflict", f"{who(a)} gives {x} and {who(b)} gives {y}, both as of {_when(a)}"
    sequence = f"{x} from {who(a)} on {_when(a)}, then {y} from {who(b)} on {_when(b)}"
    rose = _higher(a, b)
    if category in CUMULATIVE and not rose:
        return "conflict", (f"{sequence}: a count of {category} does not fall, so one of them "
                            "is wrong or was corrected")
    if category in CUMULATIVE:
        return "update", f"{sequence}: a later, higher figure, as a running count grows"
    return "update", f"{sequence}: a later figure, and a count of {category} can rise or fall"


def _common_range(claims: list[CasualtyClaim]) -> str:
    numbered = [c for c in claims if c.count != "unknown"]
    if not numbered:
        return "none of them gives a number"
    low = max(c.bounds[0] or 0 for c in numbered)
    highs = [c.bounds[1] for c in numbered if c.bounds[1] is not None]
    high = min(highs) if highs else None
    if high is None:
        return f"all allow {low} or more"
    if low == high:
        return f"all allow {'none' if low == 0 else low}"
    return f"all allow between {low} and {high}"


def compare_figures(
    claims: list[CasualtyClaim], category: str, who: Callable[[CasualtyClaim], str]
) -> FigureComparison:
    """Classify the figures for one loss; `who` names a claim's claimant for the reason."""
    if len(claims) < 2:
        return FigureComparison("one figure", "only one figure is given")
    ordered = sorted(claims, key=claim_moment)
    found: dict[Verdict, list[str]] = {"update": [], "conflict": []}
    conflicting: set[str] = set()
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if _ranges_meet(a, b):
                continue
            verdict, reason = _pair_verdict(a, b, category, who)
            if reason not in found[verdict]:
                found[verdict].append(reason)
            if verdict == "conflict":
                conflicting.update((a.id, b.id))
    if found["conflict"]:
        return FigureComparison("conflict", "; ".join(found["conflict"]), frozenset(conflicting))
    if found["update"]:
        return FigureComparison("update", "; ".join(found["update"]))
    return FigureComparison("consistent", f"the figures meet: {_common_range(ordered)}")
