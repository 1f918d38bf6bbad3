"""Where a dated mark goes on the timeline: which strip it is drawn in, and where along that
strip's time scale.

The timeline is drawn in up to three strips: the events before the briefing's period (the
background), the period itself, and the events after it. One rule, the one that orders the
list (`factsheets.times.placement`), decides both: an event is drawn in the strip where its
placement starts, so each strip is a run of the list, in the list's order, and the period
gets a scale of its own, fine enough to read its hours.

Positions are shares of the track's width (0 to 100), so a chart fits any screen with its
text at reading size: the browser turns them into pixels (SVG lengths in per cent).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from ...factsheets.dates import MONTHS, DateRange
from ...factsheets.times import Placement, day_end, day_start
from .svg import day_label

__all__ = [
    "CONTEXT_DAYS",
    "MARGIN",
    "STRIPS",
    "Tick",
    "TimeScale",
    "days_of",
    "strip_of",
    "strip_scale",
    "ticks",
]

# How far before or after the briefing's period an event may start and still be drawn to
# scale in its strip; events further away get a marker in the strip's margin, with their
# date in words in the row's label, rather than squeezing the scale.
CONTEXT_DAYS = 31
# The share of the track kept for those markers.
MARGIN = 8.0
STRIPS = ("before", "period", "after")

_DAY = datetime.timedelta(days=1)
_HOUR = datetime.timedelta(hours=1)


def _shifted(day: datetime.date, days: int) -> datetime.date:
    """`day` moved by `days`, held at the calendar's ends."""
    try:
        return day + datetime.timedelta(days=days)
    except OverflowError:
        return datetime.date.min if days < 0 else datetime.date.max


def _day_after(moment: datetime.datetime) -> datetime.datetime:
    """A day after `moment`, held at the calendar's end."""
    try:
        return moment + _DAY
    except OverflowError:
        return datetime.datetime.max


def strip_of(placed: Placement, period: DateRange) -> str:
    """The strip an event is drawn in: where its placement starts, before, within or after
    the period. The list is ordered by the same start, so each strip is a run of it."""
    if placed.start < day_start(period.start):
        return "before"
    if placed.start >= day_end(period.end):
        return "after"
    return "period"


@dataclass(frozen=True)
class TimeScale:
    """A strip's time axis: from `start` to `end`, drawn between `lead` and 100 - `trail`
    per cent of the track (the rest is the margin for events off the scale)."""

    start: datetime.datetime
    end: datetime.datetime
    lead: float = 0.0
    trail: float = 0.0

    def x(self, moment: datetime.datetime) -> float:
        """Where `moment` is drawn, in per cent of the track; held at the scale's ends."""
        if moment <= self.start:
            return self.lead
        if moment >= self.end:
            return 100.0 - self.trail
        share = (moment - self.start) / (self.end - self.start)
        return self.lead + (100.0 - self.lead - self.trail) * share

    def shows(self, moment: datetime.datetime) -> bool:
        """Whether `moment` lies on the scale (not past either end)."""
        return self.start <= moment <= self.end

    @property
    def by_the_hour(self) -> bool:
        """Whether the scale is fine enough that its ticks are hours."""
        return self.end - self.start <= 3 * _DAY


def strip_scale(strip: str, placements: Sequence[Placement], period: DateRange) -> TimeScale:
    """The scale of one strip, for the placements drawn in it.

    The period's strip spans the period's days exactly. The strip before it ends where the
    period begins and starts with the earliest event within CONTEXT_DAYS of it; the strip
    after begins where the period ends and runs to the latest end of an event starting
    within CONTEXT_DAYS of it (no further). An event starting further away is drawn in the
    margin. Ends are whole days."""
    if strip == "period":
        return TimeScale(day_start(period.start), day_end(period.end))
    if strip == "before":
        end = day_start(period.start)
        window = day_start(_shifted(period.start, -CONTEXT_DAYS))
        near = [p.start for p in placements if p.start >= window]
        start = day_start(min(near).date()) if near else end - _DAY
        far = len(near) < len(placements)
        return TimeScale(start, end, lead=MARGIN if far else 0.0)
    start = day_end(period.end)
    window = day_end(_shifted(period.end, CONTEXT_DAYS))
    near = [p.end for p in placements if p.start <= window]
    latest = min(max(near), window) if near else _day_after(start)
    end = latest if latest.time() == datetime.time() else day_end(latest.date())
    far = len(near) < len(placements)
    return TimeScale(start, max(end, _day_after(start)), trail=MARGIN if far else 0.0)


@dataclass(frozen=True)
class Tick:
    """A line across the strip at `moment`, labelled on the axis (`label` may be empty);
    `major` for the start of a day on a scale of hours."""

    moment: datetime.datetime
    label: str
    major: bool = False


# Ticks a strip of about 300 px (a phone, or the chart's column on a laptop) can label
# without their words running into each other.
_MOST_HOUR_TICKS = 8
_MOST_DAY_TICKS = 6


def ticks(scale: TimeScale) -> tuple[Tick, ...]:
    """The scale's ticks: hours (labelled "06:00", with a major tick at each midnight) on a
    scale of three days or less; else days, weeks or months, labelled with the day."""
    span = scale.end - scale.start
    if scale.by_the_hour:
        hours = next(h for h in (1, 2, 3, 6, 12, 24) if span / (h * _HOUR) <= _MOST_HOUR_TICKS)
        return tuple(_hour_ticks(scale, hours))
    for days in (1, 2, 7, 14):
        if span / (days * _DAY) <= _MOST_DAY_TICKS:
            return tuple(_day_ticks(scale, days))
    months = next(
        m
        for m in (1, 2, 3, 6, 12, 24, 60, 120, 600, 1200, 6000)
        if span.days / (30.44 * m) <= _MOST_DAY_TICKS
    )
    return tuple(_month_ticks(scale, months))


def _hour_ticks(scale: TimeScale, hours: int) -> list[Tick]:
    found: list[Tick] = []
    moment = day_start(scale.start.date())
    while moment <= scale.end:
        if moment >= scale.start:
            midnight = moment.time() == datetime.time()
            found.append(Tick(moment, "" if midnight else f"{moment:%H:%M}", major=midnight))
        try:
            moment += hours * _HOUR
        except OverflowError:
            break
    return found


def _day_ticks(scale: TimeScale, days: int) -> list[Tick]:
    found: list[Tick] = []
    moment = day_start(scale.start.date())
    while moment <= scale.end:
        if moment >= scale.start:
            found.append(Tick(moment, day_label(moment.date())))
        try:
            moment += days * _DAY
        except OverflowError:
            break
    return found


def _month_ticks(scale: TimeScale, months: int) -> list[Tick]:
    found: list[Tick] = []
    year, month = scale.start.year, scale.start.month
    while True:
        try:
            moment = datetime.datetime(year, month, 1)
        except ValueError:  # past year 9999
            break
        if moment > scale.end:
            break
        if moment >= scale.start:
            label = MONTHS[month - 1][:3] if month != 1 else str(year)
            if not found and month != 1:
                label = f"{label} {year}"
            found.append(Tick(moment, label))
        month += months
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return found


def days_of(scale: TimeScale) -> list[tuple[datetime.datetime, datetime.datetime, str]]:
    """Each day a scale of hours covers: its start, its end and its name ("22 May")."""
    found: list[tuple[datetime.datetime, datetime.datetime, str]] = []
    day = scale.start.date()
    while day_start(day) < scale.end:
        found.append((day_start(day), day_end(day), day_label(day)))
        if day == datetime.date.max:
            break
        day += _DAY
    return found
