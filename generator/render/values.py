"""The values a page's view holds besides text and links: what a template prints through
a filter (`filters.py`), already said in words but not yet in Markdown or HTML."""

from __future__ import annotations

from dataclasses import dataclass

from ..addresses import Target
from ..analysis.statements import WordChange
from ..factsheets.dates import DateRange
from .charts import FigureGroup, TimelineRow

__all__ = [
    "CasualtyChart",
    "CiteLine",
    "Correction",
    "DerivationGraph",
    "FactHistory",
    "Grade",
    "NamesUsed",
    "Quote",
    "TimelineChart",
    "Verdict",
]


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


@dataclass(frozen=True)
class Verdict:
    """The verdict on the figures for one loss: its kind, its label, and the reason."""

    verdict: str  # the most serious: "one figure", "consistent", "update", "unordered", ...
    label: str
    reason: str


@dataclass(frozen=True)
class CiteLine:
    """A reference to one fact a reader can copy, and its permalink."""

    text: str
    address: str  # the fact's place in the built site, as shown without JavaScript
    anchor: str


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
