"""A live blog's entries: the timestamp lines that open them, and the day each falls on.

An entry opens with a line that is only a time ("09:30", "09:30 BST", "14 Oct 2023 09:30
BST"); a line that is only a date ("Saturday 14 October 2023") says the day of the entries
below it. Without a date, an entry is on the day of the one before it, and the first on the
blog's first day (the `updated` day of a newest-first blog, else the publication day). The
times must run in the blog's order; one that does not means a day changed unsaid, and is
reported rather than guessed.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from ..days import MONTHS, format_day

__all__ = ["EntryClock", "EntryOrder", "EntryTime"]

_MONTH = "|".join(f"{m[:3]}(?:{m[3:]})?" for m in MONTHS).replace("Sep(?:", "Sep(?:t|")
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? )?"
_DAY = rf"{_WEEKDAY}(?P<day>\d{{1,2}}) (?P<month>{_MONTH})\.?(?: (?P<year>\d{{4}}))?"
_TIME = r"(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)(?: ?(?P<abbr>[A-Z]{2,5}))?"
_DAY_LINE = re.compile(_DAY)
_STAMP_LINE = re.compile(rf"(?:{_DAY},? )?{_TIME}")


@dataclass(frozen=True)
class EntryTime:
    """When a live-blog entry was posted, as the blog writes it: its day, "HH:MM", the
    zone abbreviation it shows ("BST"), and the line of the file it stands on."""

    day: datetime.date
    time: str
    abbr: str | None
    line: int


@dataclass(frozen=True)
class EntryOrder:
    """How a live blog runs: "newest-first" or "oldest-first", and the day of its first
    entry when no date line says."""

    order: str
    first_day: datetime.date


def _day(match: re.Match[str], reference: datetime.date) -> datetime.date | None:
    month = next(i for i, m in enumerate(MONTHS, 1) if m.startswith(match["month"][:3]))
    year = int(match["year"]) if match["year"] else reference.year
    try:
        return datetime.date(year, month, int(match["day"]))
    except ValueError:
        return None


class EntryClock:
    """Reads a live blog line by line: `read` says whether a line is a date or an entry's
    time (and hides it), and `current` is the entry the next paragraphs belong to."""

    def __init__(self, order: EntryOrder) -> None:
        self.newest_first = order.order == "newest-first"
        self.day = order.first_day
        self.dated = False  # a date line came since the last entry
        self.current: EntryTime | None = None
        self.problems: list[tuple[int, str]] = []

    def read(self, line: str, line_number: int) -> str | None:
        """Why `line` is hidden ("entry date", "entry time"), or None for text."""
        if (match := _DAY_LINE.fullmatch(line)) is not None:
            self._set_day(match, line, line_number)
            return "entry date"
        if (match := _STAMP_LINE.fullmatch(line)) is None:
            return None
        if match["day"]:
            self._set_day(match, line, line_number)
        time = f"{int(match['hour']):02d}:{match['minute']}"
        before = self.current
        if before is not None and not self.dated and before.day == self.day:
            later = time > before.time
            if later == self.newest_first and time != before.time:
                self.problems.append((line_number, self._out_of_order(time, before)))
        self.current = EntryTime(self.day, time, match["abbr"], line_number)
        self.dated = False
        return "entry time"

    def _set_day(self, match: re.Match[str], line: str, line_number: int) -> None:
        day = _day(match, self.day)
        if day is None:
            self.problems.append((line_number, f"'{line}' is not a real calendar date"))
            return
        self.day, self.dated = day, True

    def _out_of_order(self, time: str, before: EntryTime) -> str:
        order = "a newest-first" if self.newest_first else "an oldest-first"
        side = "later" if self.newest_first else "earlier"
        return (
            f"the entry at {time} is {side} than the one above it ({before.time}, line "
            f"{before.line}) in {order} live blog, so the day must have changed: add a line "
            f"with its date (e.g. '{format_day(before.day)}') above it, or check the blog's "
            "`order`"
        )
