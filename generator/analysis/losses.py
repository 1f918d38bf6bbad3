"""The figures of a briefing by what was lost, for a reader who asks "how many civilians
were wounded, and who says so?" (the overview's key figures).

Figures are compared per incident, place and scope (`figures.group_claims`), which is right
for a verdict and wrong for a headline: one claimant's 8 wounded in one town and 12 in the
region, on two lines, read as 20. Here figures are grouped by what was lost (killed,
wounded, ... of civilians, soldiers, ...) across incidents, and within a loss by who gives
them, so one claimant's figures for different places, scopes and incidents stand together,
each with its scope. Incidents that start before the briefing's period are background,
listed apart from the story's.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import get_args
from zoneinfo import ZoneInfo

from ..factsheets.model import CasualtyClaim, Event
from ..factsheets.times import placement
from ..factsheets.vocabulary import Category, Group
from .figures import ClaimGroup, claimant_key

__all__ = ["ClaimantFigures", "KeyFigures", "Loss", "is_background", "key_figures"]


def is_background(event: Event, period_start: datetime.date, zone: ZoneInfo | None) -> bool:
    """Whether an event starts before the briefing's period, where the timeline places it
    ("May 2023" starts on 1 May): background to the story, not part of it."""
    return placement(event, zone).start.date() < period_start


@dataclass(frozen=True)
class ClaimantFigures:
    """One claimant's figures for one loss (for different incidents, places or scopes: they
    may overlap, and are never to be added up)."""

    claims: tuple[CasualtyClaim, ...]


@dataclass(frozen=True)
class Loss:
    """What was lost ("wounded", "civilians"), the figures for it by claimant, and the
    groups of figures that were compared (two figures or more)."""

    category: str
    group: str  # "unspecified" when the figures do not say who was hit
    by_claimant: tuple[ClaimantFigures, ...]
    compared: tuple[ClaimGroup, ...]
    # Whether figures that do not say who was hit joined the one group the others name:
    # the title says so rather than call them that group.
    takes_unspecified: bool = False


@dataclass(frozen=True)
class KeyFigures:
    story: tuple[Loss, ...]  # incidents in or after the briefing's period
    background: tuple[Loss, ...]  # incidents that start before it


def _losses(groups: Sequence[ClaimGroup]) -> tuple[Loss, ...]:
    # Figures that do not say who was hit join the one group the others name for that
    # loss, as `group_claims` compares them within an incident.
    named: dict[str, set[str]] = defaultdict(set)
    for g in groups:
        if g.group != "unspecified":
            named[g.category].add(g.group)
    by_loss: dict[tuple[str, str], list[ClaimGroup]] = defaultdict(list)
    for g in groups:
        group = next(iter(named[g.category])) if len(named[g.category]) == 1 else g.group
        by_loss[g.category, group].append(g)
    losses = []
    for (category, group), members in by_loss.items():
        claimants: dict[str, list[CasualtyClaim]] = defaultdict(list)
        for claim in (c for g in members for c in g.claims):
            claimants[claimant_key(claim)].append(claim)
        losses.append(
            Loss(
                category,
                group,
                tuple(ClaimantFigures(tuple(c)) for c in claimants.values()),
                tuple(g for g in members if len(g.claims) > 1),
                any(c.group != group for g in members for c in g.claims),
            )
        )
    return tuple(sorted(losses, key=_loss_order))


def _loss_order(loss: Loss) -> tuple[int, int]:
    # Killed before wounded before what was evacuated or destroyed, as the vocabulary
    # lists them: the losses a reader looks for first come first.
    return get_args(Category).index(loss.category), get_args(Group).index(loss.group)


def key_figures(
    groups: Sequence[ClaimGroup], period_start: datetime.date, zone: ZoneInfo | None
) -> KeyFigures:
    """`groups` (in `group_claims`'s order, which each claimant's figures keep) by loss,
    the story's apart from the background's."""
    before = [is_background(g.incident, period_start, zone) for g in groups]
    return KeyFigures(
        _losses([g for g, b in zip(groups, before, strict=True) if not b]),
        _losses([g for g, b in zip(groups, before, strict=True) if b]),
    )
