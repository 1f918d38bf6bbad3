"""The values a page's view holds besides text and links: what a template prints through
a filter (`filters.py`), already said in words but not yet in Markdown or HTML."""

from __future__ import annotations

from dataclasses import dataclass

from ..addresses import Target
from ..analysis.statements import WordChange
from ..attribution import Attribution
from ..factsheets.dates import DateRange
from ..words import CREDIBILITY_SCALE
from .charts import FigureGroup, TimelineRow

__all__ = [
    "CasualtyChart",
    "CiteLine",
    "ClaimFigure",
    "ClaimantLine",
    "Correction",
    "DerivationGraph",
    "FactHistory",
    "FigureLink",
    "Grade",
    "NamesUsed",
    "Quote",
    "TimelineChart",
    "Verdict",
]


@dataclass(frozen=True)
class ClaimFigure:
    """A claim's figure as every page shows it: with who gives it and as of when
    (`Book.figure` makes it, from `attribution.attribute`). Templates print it only through
    the `figure`, `claimant` and `as_of` filters, which mark each part in the HTML for the
    test that no figure stands without its claimant; printed bare it is an error."""

    claim: str  # the claim's id
    said: Attribution
    claimant: Target | None  # the claimant's page; None for the outlet's own count
    entry: Target  # the figure's entry on the casualties page
    incident: str  # the incident's title
    place: str = ""  # where it counts, as a link to it says it: " in Belgorod region"

    def __str__(self) -> str:
        raise TypeError(f"figure {self.claim!r} printed without its claimant: use |figure")


@dataclass(frozen=True)
class FigureLink(Target):
    """A link to a claim, labelled with its figure, its claimant and its as-of: '12
    civilians wounded (Armed men cross …), according to Vyacheslav Gladkov, as of 23 May
    2023 (date of publication)'. `text` is that label as plain text."""

    figure: ClaimFigure | None = None
    # Only the figure, its claimant and as-of, for a row that gives the loss and incident:
    # '12, according to Vyacheslav Gladkov, as of 23 May (date of publication)', after
    # `prefix` ('MONDO: ').
    short: bool = False
    prefix: str = ""


@dataclass(frozen=True)
class ClaimantLine:
    """One claimant's figures for one loss, on one line: each figure with what it covers
    ('in Graivoron, people wounded after the town came under artillery fire'), its
    incident and its as-of, so that figures for different places or scopes are never two
    lines a reader could add up."""

    figures: tuple[tuple[ClaimFigure, str], ...]  # each figure, and what it covers


@dataclass(frozen=True)
class Quote:
    """A citation as shown: the source and paragraph it links to, and the quoted words."""

    where: Target  # "The Guardian ¶8" -> sources/guardian.md#p8
    quote: str
    # For a figure: how this source words it ('at least a dozen'), when it says so.
    rendering: str = ""
    # Why this rendering is wrong (a mistranslation, a misquote); it counts for nothing.
    erratum: str | None = None
    # For a live blog: when the entry quoted was posted ("posted 14 Oct, 09:30 BST").
    entry: str = ""


@dataclass(frozen=True)
class Grade:
    """A credibility grade as shown: the grade, its name, how it came about."""

    grade: int
    label: str
    steps: tuple[str, ...]
    edited: bool  # an editor overrode the computed grade

    @property
    def words(self) -> str:
        """'Credibility 2 of 6: probably true', as a badge and a cite line say it."""
        edited = " (set by an editor)" if self.edited else ""
        return f"Credibility {self.grade} of {len(CREDIBILITY_SCALE)}: {self.label}{edited}"


@dataclass(frozen=True)
class Verdict:
    """The verdict on the figures for one loss: its kind, its label, and the reason."""

    verdict: str  # the most serious: "one figure", "compatible", "update", "unordered", ...
    label: str
    reason: str


@dataclass(frozen=True)
class CiteLine:
    """A reference to one fact a reader can copy, and its permalink: the fact (for a
    claim, its figure with claimant and as-of), then `text` (grade, sources, briefing)."""

    fact: str  # what the fact is: "22 May 2023: The raid"; for a claim, its incident
    text: str
    address: str  # the fact's place in the built site, as shown without JavaScript
    anchor: str
    figure: ClaimFigure | None = None  # a claim's figure, said with its claimant


@dataclass(frozen=True)
class NamesUsed:
    """How one source names one actor or place: listed names and unlisted look-alikes,
    each with how often it is used, most used first."""

    listed: tuple[tuple[str, int], ...]
    variants: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class TimelineChart:
    title: str
    rows: tuple[TimelineRow, ...]
    period: DateRange
    caption: str


@dataclass(frozen=True)
class CasualtyChart:
    title: str
    groups: tuple[FigureGroup, ...]
    caption: str


@dataclass(frozen=True)
class DerivationGraph:
    nodes: tuple[Target, ...]  # one per source, linking to its page
    edges: tuple[tuple[int, int], ...]  # (source, what it derives from), as node indexes


# A statement's rendering word by word against the base rendering.
MarkedWords = tuple[WordChange, ...]


@dataclass(frozen=True)
class Correction:
    """A correction of a fact, as its entry shows it: when (linking to the change log),
    what was wrong, and what the fact said before."""

    when: Target  # "24 November 2026" -> changes.md#change-...
    what: str
    before: tuple[tuple[str, str], ...]  # (field, its value before the correction)


@dataclass(frozen=True)
class FactHistory:
    """What a fact's entry says of its history: its last update after it was first
    published, and every correction of it (none can be hidden by a later change)."""

    updated: Target | None
    corrections: tuple[Correction, ...] = ()

    def __bool__(self) -> bool:
        return self.updated is not None or bool(self.corrections)
