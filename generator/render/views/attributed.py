"""A figure as every page must show it: never bare. The number in words, who gives it (or
the outlet that gives it in its own voice), as of when, and the entry that quotes it."""

from __future__ import annotations

from dataclasses import dataclass

from ...addresses import Target
from ...factsheets.model import CasualtyClaim
from ...words import describe_count, moment
from .base import Book

__all__ = ["AttributedFigure", "attributed_figure"]


@dataclass(frozen=True)
class AttributedFigure:
    figure: str  # "12", "at least 8", "“several” (read as at least 2)"
    claimant: Target | str  # the actor who gives it, or the outlet "in its own voice"
    as_of: str  # "23 May (date of publication)" when no source says when
    entry: Target  # the figure, linking to its entry on the casualties page

    @property
    def own_voice(self) -> bool:
        """Whether the outlet gives the figure in its own voice, naming no claimant."""
        return isinstance(self.claimant, str)

    @property
    def words(self) -> str:
        """The figure and its attribution in one line of text: '12, according to Vyacheslav
        Gladkov, as of 23 May (date of publication)'."""
        if isinstance(self.claimant, Target):
            return f"{self.figure}, according to {self.claimant.text}, as of {self.as_of}"
        return f"{self.figure}, {self.claimant}, as of {self.as_of}"


def attributed_figure(book: Book, claim: CasualtyClaim) -> AttributedFigure:
    claimant: Target | str
    if claim.claimant is not None:
        claimant = book.actor(claim.claimant)
    else:
        claimant = f"{book.source_label(claim.citations[0].source)}, in its own voice"
    figure, entry = describe_count(claim), book.fact(("claims", claim.id))
    return AttributedFigure(
        figure, claimant, moment(claim, book.zone), Target(figure, entry.page, entry.anchor)
    )
