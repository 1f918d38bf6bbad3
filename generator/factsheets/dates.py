"""Dates of stated precision: the range of days a date stands for, said honestly."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

__all__ = ["MONTHS", "DateRange", "Dated", "date_range", "format_day", "time_order"]


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

    @property
    def when(self) -> DateRange:
        return date_range(self.date, self.precision)

    def date_problems(self) -> list[tuple[str, str]]:
        try:
            date_range(self.date, self.precision)
        except ValueError as exc:
            return [("date", str(exc))]
        return []


# English month names, whatever the locale (the calendar module's follow LC_TIME).
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def date_range(text: str, precision: str) -> DateRange:
    """The range of days `text` at `precision` stands for; ValueError says why it can't."""
    parts = [int(p) for p in text.split("-")]
    wants = {"day": 3, "approximate": 3, "year": 1}.get(precision, 2)
    if len(parts) != wants:
        form = {3: "YYYY-MM-DD", 2: "YYYY-MM", 1: "YYYY"}[wants]
        raise ValueError(f"precision '{precision}' needs a date written {form}, not '{text}'")
    year = parts[0]
    if year < 1:
        raise ValueError(f"'{text}' is in year 0, which no calendar has")
    if precision == "year":
        return DateRange(datetime.date(year, 1, 1), datetime.date(year, 12, 31), str(year))
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
            # Clamped at the calendar's ends (1 January 1, 31 December 9999).
            three = datetime.timedelta(days=3)
            start = day - three if day > datetime.date.min + three else datetime.date.min
            end = day + three if day < datetime.date.max - three else datetime.date.max
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


def format_day(day: datetime.date, *, year: bool = True, short_month: bool = False) -> str:
    """'22 May 2023' ('22 May' without the year, '22 Sep' with a short month), written the
    same on every platform (strftime's '%-d' is glibc's alone)."""
    name = MONTHS[day.month - 1]
    text = f"{day.day} {name[:3] if short_month else name}"
    return f"{text} {day.year}" if year else text


# The hour each part of the day stands at, so "evening" sorts and is drawn after "18:30".
_PART_OF_DAY = {"morning": "06:00", "afternoon": "14:00", "evening": "19:00", "night": "23:00"}


def time_order(time: str | None) -> str:
    """A time of day as sortable text: "18:30", or a part of the day at its usual hour."""
    return _PART_OF_DAY.get(time or "", time or "")
