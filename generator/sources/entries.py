"""A live blog's entries: the timestamp lines that open them, and the day each falls on.

An entry opens with a line that is only a time ("09:30", "09:30 BST", "14 Oct 2023 09:30
BST"); a line that is only a date ("Saturday 14 October 2023") says the day of the entries
below it. Without a date, an entry is on the day of the one before it, and the first on the
blog's first day (the `updated` day of a newest-first blog, else the publication day). A
date line without a year is in the year that puts it nearest the day before it (a newest-
first blog updated on 1 January has last year's "31 December"). "24:00" is the end of its
day: 00:00 the next. The times must run in the blog's order; one that does not means a day
changed unsaid, and is reported rather than guessed, unless the two lines name different
zone abbreviations within two hours of each other (the clocks went back: "01:50 BST" then
"01:10 GMT"). A weekday that does not fit the date, and a date line that runs against the
blog's order, are reported, and the date kept.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from ..days import MONTHS, WEEKDAYS, format_day
from ..problems import Severity

__all__ = ["EntryClock", "EntryOrder", "EntryProblem", "EntryTime"]

_MONTH = "|".join(f"{m[:3]}(?:{m[3:]})?" for m in MONTHS).replace("Sep(?:", "Sep(?:t|")
# A weekday in full or shortened as blogs shorten them ("Tue", "Tues", "Thurs").
_WEEKDAY_NAME = "|".join(
    f"{d[:3]}(?:{short}{d[3:]})?"
    for d, short in zip(WEEKDAYS, ("", "s|", "", "r|rs|", "", "", ""), strict=True)
)
_WEEKDAY = rf"(?:(?P<weekday>{_WEEKDAY_NAME}),? )?"
_DAY = rf"{_WEEKDAY}(?P<day>\d{{1,2}}) (?P<month>{_MONTH})\.?(?: (?P<year>\d{{4}}))?"
# Any two-digit minute: a stamp line with an hour or minute no clock shows ("25:00") is
# reported, not read as text.
# The zone after the time: an abbreviation ("BST"), or an offset from UTC ("UTC+3").
_TIME = (
    r"(?P<hour>\d{1,2})(?P<mark>[:.])(?P<minute>\d\d)"
    r"(?: ?(?P<abbr>[A-Z]{2,5}(?:[+\-\u2212]\d{1,2}(?::?\d\d)?)?))?"
)
_DAY_LINE = re.compile(_DAY)
_STAMP_LINE = re.compile(rf"(?:{_DAY},? )?{_TIME}")
# Two entries this far apart or closer, under different abbreviations, may be either side
# of the clocks going back; further apart, the day changed.
_CLOCK_CHANGE = 120


@dataclass(frozen=True)
class EntryTime:
    """When a live-blog entry was posted, as the blog writes it: its day, "HH:MM", the
    zone abbreviation it shows ("BST"), and the line of the file it stands on."""

    day: datetime.date
    time: str
    abbr: str | None
    line: int
    # The line of the date that gave its day (None: the blog's first day, unsaid).
    date_line: int | None = None


@dataclass(frozen=True)
class EntryOrder:
    """How a live blog runs: "newest-first" or "oldest-first", and the day of its first
    entry when no date line says."""

    order: str
    first_day: datetime.date


@dataclass(frozen=True)
class EntryProblem:
    """A line of a live blog whose date or time cannot be read as written: its line in the
    file, the field ("entry date", "entry time"), why, and how sure."""

    line: int
    field: str
    message: str
    severity: Severity = "error"


def _day(match: re.Match[str], reference: datetime.date) -> datetime.date | None:
    """The date a line gives; without a year, the one nearest `reference`."""
    month = next(i for i, m in enumerate(MONTHS, 1) if m.startswith(match["month"][:3]))
    years = [int(match["year"])] if match["year"] else [reference.year + k for k in (-1, 0, 1)]
    days = []
    for year in years:
        try:
            days.append(datetime.date(year, month, int(match["day"])))
        except ValueError:
            continue
    return min(days, key=lambda d: abs(d - reference), default=None)


def _minutes(time: str) -> int:
    hours, minutes = time.split(":")
    return int(hours) * 60 + int(minutes)


class EntryClock:
    """Reads a live blog line by line: `read` says whether a line is a date or an entry's
    time (and hides it), and `current` is the entry the next paragraphs belong to."""

    def __init__(self, order: EntryOrder) -> None:
        self.newest_first = order.order == "newest-first"
        self.day = order.first_day
        self.dated = False  # a date line came since the last entry
        self.date_line: int | None = None
        self.last_date: tuple[datetime.date, str] | None = None  # the last date line's day, text
        self.current: EntryTime | None = None
        self.entries: list[EntryTime] = []
        self.problems: list[EntryProblem] = []

    def read(self, line: str, line_number: int) -> str | None:
        """Why `line` is hidden ("entry date", "entry time"), or None for text."""
        if (match := _DAY_LINE.fullmatch(line)) is not None:
            self._set_day(match, line, line_number)
            return "entry date"
        if (match := _STAMP_LINE.fullmatch(line)) is None:
            return None
        hour, minute = int(match["hour"]), int(match["minute"])
        end_of_day = (hour, minute) == (24, 0)
        if not end_of_day and (hour > 23 or minute > 59):
            if match["mark"] == ".":
                return None  # "45.99": a price, not a time
            self._report(line_number, "entry time", _not_a_time(line))
            self.current = None  # what follows cannot be dated: say nothing rather than guess
            return "entry time"
        if match["day"]:
            self._set_day(match, line, line_number)
        day = self.day + datetime.timedelta(days=1) if end_of_day else self.day
        time = f"{hour % 24:02d}:{minute:02d}"
        entry = EntryTime(day, time, match["abbr"], line_number, self.date_line)
        self._check_order(entry)
        if end_of_day and not self.newest_first:
            self.day = day  # the entries below are on the next day, as it is
        self.current = entry
        self.entries.append(entry)
        self.dated = False
        return "entry time"

    def _report(self, line: int, field: str, message: str, severity: Severity = "error") -> None:
        self.problems.append(EntryProblem(line, field, message, severity))

    def _set_day(self, match: re.Match[str], line: str, line_number: int) -> None:
        day = _day(match, self.day)
        if day is None:
            self._report(line_number, "entry date", f"'{line}' is not a real calendar date")
            return
        if match["weekday"] and not WEEKDAYS[day.weekday()].startswith(match["weekday"][:3]):
            self._report(line_number, "entry date", _wrong_weekday(line, day, match), "warning")
        if self.last_date is not None and self.date_line is not None:
            last, text = self.last_date
            if day != last and (day > last) == self.newest_first:
                why = self._dates_out_of_order(line, text, self.date_line)
                self._report(line_number, "entry date", why, "warning")
        self.day, self.dated, self.date_line = day, True, line_number
        self.last_date = (day, line)

    def _check_order(self, entry: EntryTime) -> None:
        before = self.current
        if before is None or self.dated:
            return
        later = (entry.day, entry.time) > (before.day, before.time)
        if later != self.newest_first or (entry.day, entry.time) == (before.day, before.time):
            return
        if (
            entry.abbr is not None
            and before.abbr is not None
            and entry.abbr != before.abbr
            and entry.day == before.day
            and abs(_minutes(entry.time) - _minutes(before.time)) <= _CLOCK_CHANGE
        ):
            return  # the clocks changed between them; the zone check sees to each
        self._report(entry.line, "entry time", self._out_of_order(entry.time, before))

    def _dates_out_of_order(self, line: str, above: str, above_line: int) -> str:
        side = "after" if self.newest_first else "before"
        order = "a newest-first" if self.newest_first else "an oldest-first"
        return (
            f"'{line}' is {side} the date line above it ('{above}', line {above_line}) in "
            f"{order} live blog: check the line against the blog, or the blog's `order`"
        )

    def _out_of_order(self, time: str, before: EntryTime) -> str:
        order = "a newest-first" if self.newest_first else "an oldest-first"
        side = "later" if self.newest_first else "earlier"
        return (
            f"the entry at {time} is {side} than the one above it ({before.time}, line "
            f"{before.line}) in {order} live blog, so the day must have changed: add a line "
            f"with its date (e.g. '{format_day(before.day)}') above it, or check the blog's "
            "`order`"
        )


def _not_a_time(line: str) -> str:
    return (
        f"'{line}' is not a time of day: hours run from 00 to 23 and minutes from 00 to 59 "
        "('24:00', the end of a day, is read as 00:00 the next), so the entry below it "
        "cannot be dated. If the file differs from the blog as published, fetch it again; "
        "if the blog itself says this, remove `live_blog` (its quotes then carry no times)"
    )


def _wrong_weekday(line: str, day: datetime.date, match: re.Match[str]) -> str:
    given = next(d for d in WEEKDAYS if d.startswith(match["weekday"][:3]))
    year = (
        ""
        if match["year"]
        else " (the line gives no year: it is taken from the blog's `published` or `updated`)"
    )
    return (
        f"'{line}': {format_day(day)} is a {WEEKDAYS[day.weekday()]}, not a {given}{year}; "
        f"the entries below are dated {format_day(day)}, by the line's numbers: check them "
        "against the blog"
    )
