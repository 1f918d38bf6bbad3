"""Clock times need a zone, and a moment: a time written without a zone could be anyone's,
one the zone's clocks skipped that day is no moment at all, and one they passed twice is
two."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from ..factsheets.dates import date_range
from ..factsheets.kinds import kind as kind_named
from ..factsheets.load import FactSheets
from ..factsheets.times import (
    ClockChange,
    clock_change,
    clock_text,
    is_clock,
    offset_text,
    zone_named,
)
from ..problems import Problem

__all__ = ["clock_changes", "zoneless_times"]

# The fields holding a time of day, by sheet.
TIME_FIELDS = {
    "events": ("time", "end_time"),
    "statements": ("time",),
    "claims": ("as_of_time",),
}


def zoneless_times(sheets: FactSheets) -> list[Problem]:
    """Clock times ("09:30") in a briefing that names no time zone, on records that name
    none either: the site would show a time nobody can place."""
    if sheets.info is None or sheets.info.timezone is not None:
        return []
    problems = []
    for sheet, fields in TIME_FIELDS.items():
        for record in sheets.records(kind_named(sheet)):
            if record.time_zone is not None:
                continue
            for name in fields:
                if is_clock(getattr(record, name)):
                    problems.append(
                        sheets.problem_at(
                            sheet,
                            record,
                            name,
                            f"'{getattr(record, name)}' has no time zone: add "
                            "`timezone: Area/City` to briefing.yaml, with the IANA name of "
                            "the zone the briefing's times are in (the zone of the place; "
                            "for a fixed offset, Etc/GMT-3 is UTC+3, its sign inverted), or "
                            "`time_zone:` to this record if it is written in another zone",
                        )
                    )
    return problems


def _day_of(record: Any, name: str) -> datetime.date | None:
    """The day a record's clock time `name` is on (None: it has no such day)."""
    if name == "as_of_time":
        day: datetime.date = record.as_of
        return day
    if name == "end_time":
        end: datetime.date | None = record.end_date
        return end
    if record.precision not in ("day", "approximate"):
        return None
    try:
        return date_range(record.date, "day").start
    except ValueError:
        return None  # the date itself is reported


def _clock_times(sheets: FactSheets) -> Iterator[tuple[str, Any, str, datetime.date, str]]:
    """(sheet, record, field, day, zone name) for each clock time written in a zone."""
    briefing_zone = sheets.info.timezone if sheets.info else None
    for sheet, fields in TIME_FIELDS.items():
        for record in sheets.records(kind_named(sheet)):
            zone = record.time_zone or briefing_zone
            for name in fields:
                day = _day_of(record, name)
                if zone is not None and day is not None and is_clock(getattr(record, name)):
                    yield sheet, record, name, day, zone


def clock_changes(sheets: FactSheets) -> list[Problem]:
    """Clock times the zone's clocks skipped that day (errors) or passed twice (warnings,
    saying which is assumed and how to say the other)."""
    problems = []
    for sheet, record, name, day, zone_name in _clock_times(sheets):
        zone = zone_named(zone_name)
        time = getattr(record, name)
        change = None if zone is None else clock_change(day, time, zone)
        if change is None:
            continue
        if change.skipped:
            why = _skipped(time, day, zone_name, change)
            problems.append(sheets.problem_at(sheet, record, name, why))
        else:
            message = _passed_twice(time, day, zone_name, change)
            problems.append(sheets.problem_at(sheet, record, name, message, "warning"))
    problems += _update_times(sheets)
    return problems


def _skipped(time: str, day: datetime.date, zone: str, change: ClockChange) -> str:
    moved = change.new + (_written(day, time, change.old) - change.old)
    return (
        f"'{time}' does not exist on {day} in {zone}: {change.words}. Check the time, the "
        f"date and the zone against the source; {time} {change.old.tzname()} is "
        f"{clock_text(moved)}, so if the source means {change.old.tzname()}, write "
        f'"{moved:%H:%M}"'
    )


def _written(day: datetime.date, time: str, clock: datetime.datetime) -> datetime.datetime:
    """`time` on `day` as read on the clock `clock` shows (an aware moment): "01:30 GMT"
    is the second 01:30 as the clocks go back from BST, whatever the zone would assume."""
    offset = clock.utcoffset() or datetime.timedelta()
    fixed = datetime.timezone(offset, str(clock.tzname()))
    return datetime.datetime.combine(day, datetime.time.fromisoformat(time), fixed)


def _in_utc(moment: datetime.datetime, day: datetime.date) -> str:
    utc = moment.astimezone(datetime.UTC)
    return f"{utc:%H:%M}" + ("" if utc.date() == day else f" on {utc.date()}")


def _passed_twice(time: str, day: datetime.date, zone: str, change: ClockChange) -> str:
    first, second = _written(day, time, change.old), _written(day, time, change.new)
    return (
        f"'{time}' happens twice on {day} in {zone} ({change.words}): the first, "
        f"{clock_text(first)} ({offset_text(first)}), is assumed. To say which, give the "
        "record `time_zone: UTC` and write its times in UTC: "
        f'"{_in_utc(first, day)}" for {clock_text(first)}, "{_in_utc(second, day)}" for '
        f"{clock_text(second)}"
    )


def _update_times(sheets: FactSheets) -> list[Problem]:
    """A live blog's `updated_time` its zone's clocks skipped that day. (One they passed
    twice is taken as the first: nothing can say otherwise, and the hour of a last update
    decides no fact.)"""
    problems = []
    briefing_zone = sheets.info.timezone if sheets.info else None
    for source in sheets.sources:
        blog, zone_name = source.live_blog, source.timezone or briefing_zone
        if blog is None or blog.updated is None or blog.updated_time is None:
            continue
        zone = zone_named(zone_name)
        if zone is None or zone_name is None or not is_clock(blog.updated_time):
            continue
        change = clock_change(blog.updated, blog.updated_time, zone)
        if change is not None and change.skipped:
            problems.append(
                Problem(
                    sheets.files["sources"],
                    blog.lines.get("updated_time", blog.line),
                    "live_blog.updated_time",
                    _skipped(blog.updated_time, blog.updated, zone_name, change),
                )
            )
    return problems
