"""Figures whose true claimant is a party: an outlet's figure in its own voice that equals
a party's figure for the same loss is most likely the party's, repeated without its name.
Left unattributed it would count as an independent witness and lift the party's figure
past the cap on what parties alone can establish."""

from __future__ import annotations

from collections import defaultdict

from ..factsheets.load import FactSheets
from ..factsheets.model import CasualtyClaim
from ..factsheets.sides import belligerents
from ..problems import Problem
from ..words import describe_count

__all__ = ["unattributed_party_figures"]


def _loss(claim: CasualtyClaim) -> tuple[object, ...]:
    """What a figure counts, but for who was hit: incident, category, place and scope."""
    return claim.incident, claim.category, claim.place, claim.counted_scope


def _same_group(a: CasualtyClaim, b: CasualtyClaim) -> bool:
    """The same group, or one of the two does not say who was hit."""
    return a.group == b.group or "unspecified" in (a.group, b.group)


def unattributed_party_figures(sheets: FactSheets) -> list[Problem]:
    """A warning for each figure without a claimant (and without a `witness`) that gives
    the same number as a party's figure for the same loss."""
    parties = belligerents(sheets.actors)
    names = {a.id: a.name for a in sheets.actors}
    by_loss: dict[tuple[object, ...], list[CasualtyClaim]] = defaultdict(list)
    for other in sheets.claims:
        if other.claimant in parties:
            by_loss[_loss(other)].append(other)
    problems = []
    for claim in sheets.claims:
        if claim.claimant is not None or claim.witness is not None or claim.count == "unknown":
            continue
        for other in by_loss.get(_loss(claim), []):
            if other.count == claim.count and _same_group(claim, other):
                assert other.claimant is not None
                problems.append(
                    sheets.problem_at(
                        "claims",
                        claim,
                        "claimant",
                        f"the figure '{describe_count(claim)}', given in the outlet's own voice, "
                        f"equals {names[other.claimant]}'s figure '{describe_count(other)}' for "
                        f"the same loss (claim '{other.id}'), and {names[other.claimant]} is a "
                        "party to the fighting: it is most likely that figure, repeated. Add "
                        f"this quote to '{other.id}' as a rendering (with `says`), or name the "
                        "claimant, or say in `witness` why the outlet is its own witness",
                        "warning",
                    )
                )
                break
    return problems
