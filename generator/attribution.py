"""A figure is never said without who gives it and as of when.

Every surface that shows a casualty figure (the pages through their view-models, the data
files, the change log and its feeds) says it through `attribute`: the figure, what was
lost, who gives it ("according to Vyacheslav Gladkov", or "the outlet's own count" when the
outlet gives it in its own voice) and when ("23 May 2023 (date of publication)" when no
source says when it was given). A figure cut loose from its claimant reads as established:
"at least 2 soldiers killed" is the attackers' word, not a fact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from .factsheets.model import CasualtyClaim
from .words import describe_claim, describe_count, moment

__all__ = ["OWN_COUNT", "Attribution", "as_of_basis", "attribute", "claimant_words"]

Names = Callable[[str], str]

# Who gives a figure the outlet states in its own voice (a claim with no claimant).
OWN_COUNT = "the outlet's own count"


@dataclass(frozen=True)
class Attribution:
    """A figure as said to readers: the figure, what was lost, who gives it, as of when."""

    figure: str  # "12", "at least 8", "“Several” (read as at least 3)"
    # "12 civilians wounded", with what it covers when narrower or wider than that: "at
    # least 2 civilians wounded (seriously wounded)"; a cite line is never without it.
    what: str
    claimant: str  # "Vyacheslav Gladkov", "the outlet's own count (MONDO)"
    according_to: str  # "according to Vyacheslav Gladkov", "the outlet's own count (MONDO)"
    as_of: str  # "23 May 2023 (date of publication)"
    as_of_day: str  # the same without the year, for a page that gives it: "23 May (...)"

    @property
    def sentence(self) -> str:
        """'12 civilians wounded, according to Vyacheslav Gladkov, as of 23 May 2023 (date
        of publication)'."""
        return f"{self.what}, {self.according_to}, as of {self.as_of}"


def _outlets(claim: CasualtyClaim, source_label: Names) -> str:
    return ", ".join(dict.fromkeys(source_label(c.source) for c in claim.citations))


def claimant_words(claim: CasualtyClaim, actor_name: Names, source_label: Names) -> str:
    """Who gives a figure: its claimant by name, or the outlet's own count, naming the
    outlets that state it: "the outlet's own count (The Guardian, MONDO)"."""
    if claim.claimant:
        return _article_lowered(actor_name(claim.claimant))
    return f"{OWN_COUNT} ({_outlets(claim, source_label)})"


def _article_lowered(name: str) -> str:
    # "according to the Kremlin", not "according to The Kremlin"; a name is never lost.
    return "the " + name[4:] if name.startswith("The ") else name


def as_of_basis(claim: CasualtyClaim) -> str:
    """What a figure's as-of rests on: 'stated' (a source says when it was given), 'date
    of publication', or 'given before' (the source says only that it had been given)."""
    if claim.as_of_precision == "before":
        return "given before"
    return "stated" if claim.as_of_stated else "date of publication"


def attribute(
    claim: CasualtyClaim, actor_name: Names, source_label: Names, zone: ZoneInfo | None = None
) -> Attribution:
    """The one way a figure is said: with who gives it and as of when (`zone`: the
    briefing's, which times are shown in)."""
    who = claimant_words(claim, actor_name, source_label)
    return Attribution(
        figure=describe_count(claim),
        what=describe_claim(claim) + (f" ({claim.counted_scope})" if claim.counted_scope else ""),
        claimant=who,
        according_to=who if claim.claimant is None else f"according to {who}",
        as_of=moment(claim, zone, year=True),
        as_of_day=moment(claim, zone),
    )
