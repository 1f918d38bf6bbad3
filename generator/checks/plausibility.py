"""What no source could say: dates before what they date or after the sources, and
figures no quoted number comes near."""

from __future__ import annotations

import datetime
from typing import Any

from ..factsheets.dates import DateRange
from ..factsheets.kinds import kind as kind_named
from ..factsheets.load import FactSheets
from ..problems import Problem
from ..text import quoted_numbers
from ..words import describe_count
from .records import citations_of

__all__ = ["implausible_dates", "implausible_figures"]


def _latest_publication(record: Any, published: dict[str, datetime.date]) -> datetime.date | None:
    days = [published[c.source] for _, c in citations_of(record) if c.source in published]
    return max(days, default=None)


# Background older than this is rare in a conflict briefing; a date that old is more
# likely a typo in the year (1023 for 2023).
CENTURY = 100


def _years_before(day: datetime.date, years: int) -> datetime.date:
    return day.replace(year=max(1, day.year - years), day=min(day.day, 28))


def implausible_dates(sheets: FactSheets) -> list[Problem]:
    """Dates no source could give: a figure as of a day before what it counts began, or a
    fact dated after every source reporting it was published, or a century before the
    briefing's period (typos in the year)."""
    # A live blog publishes until its last update.
    published = {
        s.id: max(s.published, s.live_blog.updated or s.published) if s.live_blog else s.published
        for s in sheets.sources
    }
    period_start = sheets.info.period.start if sheets.info else None
    problems = []
    when: dict[str, DateRange] = {}
    for kind in (kind_named("events"), kind_named("statements")):
        for record in sheets.records(kind):
            try:
                span = record.when
            except ValueError:
                continue  # the date itself is reported
            if kind.name == "events":
                when[record.id] = span
            if period_start is not None and span.end < _years_before(period_start, CENTURY):
                problems.append(
                    sheets.problem_at(
                        kind.name,
                        record,
                        "date",
                        f"{span.label} is more than {CENTURY} years before the briefing's period "
                        f"(from {period_start}); check the year",
                        "warning",
                    )
                )
            latest = _latest_publication(record, published)
            if latest is not None and span.start > latest:
                problems.append(
                    sheets.problem_at(
                        kind.name,
                        record,
                        "date",
                        f"{span.label} is after every source citing it was published (the latest "
                        f"on {latest}): a source cannot report what had not happened yet; check "
                        "the date",
                        "warning",
                    )
                )
    for claim in sheets.claims:
        incident = when.get(claim.incident)
        if incident is not None and claim.as_of < incident.start:
            problems.append(
                sheets.problem_at(
                    "claims",
                    claim,
                    "as_of",
                    f"{claim.as_of} is before its incident '{claim.incident}' ({incident.label}): "
                    "a figure cannot be given before what it counts; check as_of and the "
                    "incident's date",
                )
            )
        latest = _latest_publication(claim, published)
        if latest is not None and claim.as_of > latest:
            problems.append(
                sheets.problem_at(
                    "claims",
                    claim,
                    "as_of",
                    f"{claim.as_of} is after every source giving the figure was published (the "
                    f"latest on {latest}); check the date",
                    "warning",
                )
            )
    return problems


def implausible_figures(sheets: FactSheets) -> list[Problem]:
    """A figure no number in its quotes comes within a factor of ten of: a slip of the
    keyboard ("80" for "8"), or a figure from somewhere other than the quoted words."""
    problems = []
    for claim in sheets.claims:
        numbers = [n for c in claim.citations for n in quoted_numbers(c.quote) if n > 0]
        figures = [n for n in claim.bounds if n]
        if not numbers or not figures:
            continue
        if not any(n < 10 * f and f < 10 * n for n in numbers for f in figures):
            given = ", ".join(f"{n:,}" for n in dict.fromkeys(numbers))
            problems.append(
                sheets.problem_at(
                    "claims",
                    claim,
                    "count",
                    f"{describe_count(claim)} is not within a factor of ten of any number its "
                    f"quotes give ({given}); check the count against the quotes",
                    "warning",
                )
            )
    return problems
