"""The site's home page, a briefing's overview and its data page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from ...addresses import READING_PAGE, Target, reading_guide, section_page
from ...analysis.figures import ClaimGroup
from ...analysis.losses import ClaimantFigures, Loss, key_figures
from ...factsheets.dates import format_day
from ...factsheets.model import BriefingInfo, CasualtyClaim
from ...history.entries import History
from ...words import group_words, period
from ..values import ClaimantLine, Verdict
from .base import Book, group_reason, last_updated, last_updated_on
from .glance import Glance, glance_view, rooted

__all__ = [
    "DataView",
    "HomeView",
    "LossView",
    "OverviewView",
    "data_view",
    "home_view",
    "overview_view",
]


@dataclass(frozen=True)
class Compared:
    """A group of figures for the loss that were compared, and the verdict."""

    group: Target
    verdict: Verdict
    reason: str


@dataclass(frozen=True)
class LossView:
    title: str  # "Wounded: civilians"
    lines: tuple[ClaimantLine, ...]
    compared: tuple[Compared, ...]


@dataclass(frozen=True)
class OverviewView:
    status: str
    period: str
    last_updated: str
    summary: str
    story: tuple[LossView, ...]  # the key figures of incidents in the briefing's period
    background: tuple[LossView, ...]  # and of those before it
    sections: tuple[tuple[Target, int], ...]  # each section with how many records it lists
    comparison: Target
    data: Target
    reading: Target  # the reader's guide to the words below
    glance: Glance  # the "at a glance" box (views/glance.py)


def _covers(book: Book, claim: CasualtyClaim) -> str:
    """Where a figure counts, beside its figure on the overview: 'in Graivoron' (its scope
    is in the figure's own words: '8 people wounded (people wounded after ...)')."""
    return f"in {book.places[claim.place].name}" if claim.place else ""


def _line(book: Book, figures: ClaimantFigures) -> ClaimantLine:
    return ClaimantLine(tuple((book.figure(c), _covers(book, c)) for c in figures.claims))


def _compared(book: Book, group: ClaimGroup) -> Compared:
    place = f", {book.places[group.place].name}" if group.place else ""
    scope = f" ({group.scope})" if group.scope else ""
    return Compared(
        book.group(group, f"{group.incident.title}{place}{scope}"),
        book.verdict(group),
        group_reason(book, group),
    )


def _loss_view(book: Book, loss: Loss) -> LossView:
    title = f"{loss.category.capitalize()}: {group_words(loss.group, loss.takes_unspecified)}"
    if loss.group == "unspecified":
        title = f"{loss.category.capitalize()}: who is not said"
    return LossView(
        title,
        tuple(_line(book, f) for f in loss.by_claimant),
        tuple(_compared(book, g) for g in loss.compared),
    )


def overview_view(book: Book) -> OverviewView:
    briefing, analysis = book.briefing, book.analysis
    info = briefing.info
    counted: list[tuple[str, str, list[Any]]] = [
        ("Actors", "Actors", briefing.actors),
        ("Places", "Places", briefing.places),
        ("Timeline events", "Timeline", briefing.events),
        ("Casualty claims", "Casualty claims", briefing.claims),
        ("Statements", "Statements", briefing.statements),
        ("Sources", "Sources", briefing.sources),
    ]
    figures = key_figures(analysis.claim_groups, info.period.start, book.zone)
    return OverviewView(
        status=info.status,
        period=period(info.period.start, info.period.end),
        last_updated=format_day(last_updated(book)),
        summary=info.summary,
        story=tuple(_loss_view(book, loss) for loss in figures.story),
        background=tuple(_loss_view(book, loss) for loss in figures.background),
        sections=tuple(
            (Target(text, section_page(title)), len(records)) for text, title, records in counted
        ),
        comparison=Target("source comparison", section_page("Source comparison")),
        data=Target("downloadable data", section_page("Data")),
        reading=reading_guide("How to read this briefing"),
        glance=glance_view(book),
    )


@dataclass(frozen=True)
class BriefingEntry:
    title: str
    page: Target  # the briefing's overview, relative to the site's home page
    summary: str
    start: str
    end: str
    status: str
    last_updated: str  # as the overview says it (base.last_updated_on)
    period: str = ""  # '22–23 May 2023'
    glance: Glance | None = None  # its box, with links from the home page


@dataclass(frozen=True)
class HomeView:
    briefings: tuple[BriefingEntry, ...]
    guide: Target
    reading: Target


class Headed(Protocol):
    """What the home page and the nav need of a briefing: a loaded `Briefing`, or the head
    of one built in another process (`build.BriefingHead`)."""

    @property
    def slug(self) -> str: ...

    @property
    def info(self) -> BriefingInfo: ...


def home_view(
    briefings: Sequence[Headed],
    glances: Mapping[str, Glance] | None = None,
    histories: Mapping[str, History] | None = None,
) -> HomeView:
    """The home page: every briefing, each with its "at a glance" box when `glances` has it
    and its last update as its overview says it (`histories`: each change log read), by
    the briefing's folder."""
    glances, histories = glances or {}, histories or {}
    return HomeView(
        briefings=tuple(
            BriefingEntry(
                b.info.title,
                Target(b.info.title, f"{b.slug}/index.md"),
                b.info.summary,
                str(b.info.period.start),
                str(b.info.period.end),
                b.info.status,
                format_day(last_updated_on(b.info.last_reviewed, histories.get(b.slug))),
                period(b.info.period.start, b.info.period.end),
                rooted(glances[b.slug], b.slug) if b.slug in glances else None,
            )
            for b in briefings
        ),
        guide=Target("Writing fact sheets", "writing-fact-sheets.md"),
        reading=Target("How to read a briefing", READING_PAGE),
    )


@dataclass(frozen=True)
class DataView:
    files: tuple[tuple[Target, str], ...]  # each file, and what it holds


def data_view(descriptions: dict[str, str]) -> DataView:
    return DataView(
        tuple((Target(name, f"data/{name}"), text) for name, text in descriptions.items())
    )
