"""Days in words, written the same in every locale: the month names and "22 May 2023"."""

from __future__ import annotations

import datetime

__all__ = ["MONTHS", "WEEKDAYS", "format_day"]

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

# English weekday names, Monday first as `date.weekday()` counts.
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def format_day(day: datetime.date, *, year: bool = True, short_month: bool = False) -> str:
    """'22 May 2023' ('22 May' without the year, '22 Sep' with a short month), written the
    same on every platform (strftime's '%-d' is glibc's alone)."""
    name = MONTHS[day.month - 1]
    text = f"{day.day} {name[:3] if short_month else name}"
    return f"{text} {day.year}" if year else text
