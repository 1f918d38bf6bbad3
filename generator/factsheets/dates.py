"""Dates of stated precision: the range of days a date stands for, said honestly."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from ..days import MONTHS, format_day

__all__ = [
    "MONTHS",
    "SEASONS",
    "DateRange",
    "Dated",
    "date_range",
    "format_day",
    "season_range",
    "span_label",
]


@dataclass(frozen=True)
class DateRange:
    """The days a date of some precision may stand for, and how to say it honestly."""

    start: datetime.date
    end: datetime.date
    label: str


class Dated:
    """What events and statements share: a date of stated precision, and an optional time."""

    id: str
    date: str
    precision: str
    time: str | None
    # Only events have a range; statements stand on one day.
    end_date: datetime.date | None = None
    end_time: str | None = None
    time_zone: str | None = None

    @property
    def when(self) -> DateRange:
        start = date_range(self.date, self.precision)
        if self.end_date is None:
            return start
        return DateRange(start.start, self.end_date, span_label(start.start, self.end_date))

    def date_problems(self) -> list[tuple[str, str]]:
        try:
            start = date_range(self.date, self.precision)
        except ValueError as exc:
            return [("date", str(exc))]
        if self.end_time is not None and self.end_date is None:
            return [("end_time", "needs an end_date: give the day the event ended")]
        if self.end_date is None:
            return []
        if self.precision != "day":
            return [
                (
                    "end_date",
                    f"a range needs a start dated to the day; remove precision "
                    f"'{self.precision}' or the end_date",
                )
            ]
        end = self.end_date
        if end < start.start:
            return [("end_date", f"{self.end_date} is before the start {self.date}")]
        if end == start.start and self.end_time is None:
            return [("end_date", "is the start day; give an end_time, or remove the end_date")]
        return []


# How far "around" a day reaches either way.
_AROUND = datetime.timedelta(days=1)


def date_range(text: str, precision: str) -> DateRange:
    """The range of days `text` at `precision` stands for; ValueError says why it can't."""
    parts = [int(p) for p in text.split("-")]
    wants = {"day": 3, "approximate": 3, "year": 1, **dict.fromkeys(SEASONS, 1)}.get(precision, 2)
    if len(parts) != wants:
        form = {3: "YYYY-MM-DD", 2: "YYYY-MM", 1: "YYYY"}[wants]
        raise ValueError(f"precision '{precision}' needs a date written {form}, not '{text}'")
    year = parts[0]
    if year < 1:
        raise ValueError(f"'{text}' is in year 0, which no calendar has")
    if precision == "year":
        return DateRange(datetime.date(year, 1, 1), datetime.date(year, 12, 31), str(year))
    if precision in SEASONS:
        return season_range(year, precision)
    month = parts[1]
    if not 1 <= month <= 12:
        raise ValueError(f"'{text}' has no month {month}")
    month_name = MONTHS[month - 1]
    last = calendar.monthrange(year, month)[1]
    if precision in ("day", "approximate"):
        try:
            day = datetime.date(year, month, parts[2])
        except ValueError:
            raise ValueError(f"'{text}' is not a real calendar date") from None
        label = format_day(day)
        if precision == "approximate":
            # "Around 14 October" is the day give or take one: a source that knows less
            # writes "that week" or "mid-October", which have precisions of their own. Three
            # days either way made one unsure day a week, and drew "around Saturday" back
            # to Wednesday, before the Friday shelling it followed. Clamped at the
            # calendar's ends (1 January 1, 31 December 9999).
            start = day - _AROUND if day > datetime.date.min + _AROUND else datetime.date.min
            end = day + _AROUND if day < datetime.date.max - _AROUND else datetime.date.max
            return DateRange(start, end, f"around {label}")
        return DateRange(day, day, label)
    spans = {
        "early-month": (1, 10, f"early {month_name} {year}"),
        "mid-month": (11, 20, f"mid-{month_name} {year}"),
        "late-month": (21, last, f"late {month_name} {year}"),
        "month": (1, last, f"{month_name} {year}"),
    }
    first, final, label = spans[precision]
    return DateRange(datetime.date(year, month, first), datetime.date(year, month, final), label)


# Seasons as the months a northern-hemisphere source means by them (meteorological
# seasons); winter YYYY runs from December YYYY into February of the next year.
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}


def season_range(year: int, season: str) -> DateRange:
    """The days of a season: 'spring 2023' is 1 March to 31 May 2023."""
    first, last = SEASONS[season]
    end_year = year + 1 if last < first else year
    if end_year > 9999:
        raise ValueError(f"winter {year} runs past the calendar's end")
    end = datetime.date(end_year, last, calendar.monthrange(end_year, last)[1])
    label = f"{season} {year}" if end_year == year else f"{season} {year}–{str(end_year)[2:]}"
    return DateRange(datetime.date(year, first, 1), end, label)


def span_label(start: datetime.date, end: datetime.date) -> str:
    """'14–15 October 2023', '30 September – 2 October 2023', or '14 October 2023' alone."""
    if start == end:
        return format_day(start)
    if start.year != end.year:
        return f"{format_day(start)} – {format_day(end)}"
    if start.month != end.month:
        return f"{format_day(start, year=False)} – {format_day(end)}"
    return f"{start.day}–{format_day(end)}"
