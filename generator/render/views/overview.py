"""The site's home page, a briefing's overview and its data page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from ...addresses import READING_PAGE, Target, reading_guide, section_page
from ...factsheets.dates import format_day
from ...factsheets.model import BriefingInfo
from ...words import figure_span, period
from ..values import Verdict
from .base import Book
from .glance import Glance, glance_view, rooted

__all__ = ["DataView", "HomeView", "OverviewView", "data_view", "home_view", "overview_view"]


@dataclass(frozen=True)
class KeyFigure:
    incident: Target
    loss: Target
    span: str
    claims: int
    verdict: Verdict


@dataclass(frozen=True)
class OverviewView:
    status: str
    period: str
    last_reviewed: str
    summary: str
    key_figures: tuple[KeyFigure, ...]
    sections: tuple[tuple[Target, int], ...]  # each section with how many records it lists
    comparison: Target
    data: Target
    reading: Target  # the reader's guide to the words below
    glance: Glance  # the "at a glance" box (views/glance.py)


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
    return OverviewView(
        status=info.status,
        period=period(info.period.start, info.period.end),
        last_reviewed=format_day(info.last_reviewed),
        summary=info.summary,
        key_figures=tuple(
            KeyFigure(
                book.fact(("events", g.incident.id)),
                book.group(g),
                figure_span(g),
                len(g.claims),
                book.verdict(g),
            )
            for g in analysis.claim_groups
        ),
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
    last_reviewed: str
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


def home_view(briefings: Sequence[Headed], glances: Mapping[str, Glance] | None = None) -> HomeView:
    """The home page: every briefing, each with its "at a glance" box when `glances` has it
    (by the briefing's folder)."""
    glances = glances or {}
    return HomeView(
        briefings=tuple(
            BriefingEntry(
                b.info.title,
                Target(b.info.title, f"{b.slug}/index.md"),
                b.info.summary,
                str(b.info.period.start),
                str(b.info.period.end),
                b.info.status,
                format_day(b.info.last_reviewed),
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
