"""A live blog's entries placed in time: read in order, within the blog's span, at a local
time its zone's clocks showed that day.

The reader (`sources/entries.py`) reports what a line alone shows (a time no clock shows,
a weekday that does not fit, times out of order). Here each entry is set against the
source: a day far outside the blog's span is refused (no page shows 31 December 9999, and
no conversion runs off the calendar), a day after its last update or before its first
entry is a warning; a time the clocks skipped that day is an error, one they passed twice
is read by its abbreviation ("01:30 GMT": the second), or taken as the first with a
warning when the line names none.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from ..days import format_day
from ..factsheets.load import FactSheets
from ..factsheets.model import Source
from ..factsheets.times import (
    clock_change,
    clock_text,
    fold_for,
    names_zone,
    offset_text,
    zone_named,
)
from ..problems import Problem
from ..sources.entries import EntryOrder, EntryTime
from ..sources.text import SourceText

__all__ = ["entry_order", "entry_problems"]

# How far outside the blog's span an entry may be dated before it is refused as a typo
# (a year on its own line, "31 December 9999").
_SPAN_SLACK = datetime.timedelta(days=366)


def entry_order(source: Source) -> EntryOrder | None:
    """How the reader places a source's entries; None if it is not a live blog."""
    blog = source.live_blog
    if blog is None:
        return None
    first_day = blog.updated if blog.order == "newest-first" and blog.updated else None
    return EntryOrder(blog.order, first_day or source.published)


def entry_problems(
    sheets: FactSheets, source: Source, text: SourceText, file: str
) -> list[Problem]:
    """A live blog's entries that cannot be placed in time: unreadable lines, entries out
    of order or of the blog's span, with no zone, at a time the zone's clocks skipped or
    passed twice, or with an abbreviation the zone does not use on that day."""
    if source.live_blog is None:
        return []
    problems = [Problem(file, p.line, p.field, p.message, p.severity) for p in text.entry_problems]
    zone_name = source.timezone or (sheets.info.timezone if sheets.info else None)
    zone = zone_named(zone_name)
    here = sheets.files["sources"]
    at = source.lines.get("live_blog", source.line)
    if not text.entries:
        problems.append(
            Problem(
                here,
                at,
                "live_blog",
                f"{file} has no entry times: an entry opens with a line that is only its time "
                "('09:30' or '09:30 BST'); remove live_blog if the source is not a live blog",
            )
        )
    elif zone is None and zone_name is None:
        problems.append(
            Problem(
                here,
                at,
                "timezone",
                "a live blog's entry times need a zone: add `timezone:` with the IANA name of "
                "the zone its times are in (e.g. Europe/London) to the source or briefing.yaml",
            )
        )
    first = "`live_blog.updated`" if source.live_blog.order == "newest-first" else "`published`"
    for entry in text.entries:
        origin = _dated_by(entry, first)
        outside = _outside_span(source, entry, origin, file)
        problems += outside
        if zone is not None and zone_name is not None and not _refused(outside):
            problems += _clock_problems(entry, zone, zone_name, origin, file)
    return problems


def _refused(problems: list[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)


def _dated_by(entry: EntryTime, first_day: str) -> str:
    """Where an entry's day comes from, as a message points at it: 'the date line on line
    7', or the field that gives the blog's first day."""
    if entry.date_line is not None:
        return f"the date line on line {entry.date_line}"
    return f"the blog's first day ({first_day}), as no date line is above it"


def _outside_span(source: Source, entry: EntryTime, origin: str, file: str) -> list[Problem]:
    """An entry dated far outside the blog's span (refused), or after its last update or
    before its first entry's day (a warning)."""
    blog = source.live_blog
    assert blog is not None
    published = source.published
    last = max(blog.updated or published, published)
    day = format_day(entry.day)
    if entry.day > last + _SPAN_SLACK or entry.day < published - _SPAN_SLACK:
        side = "after the blog's last day" if entry.day > last else "before it was published"
        shown = last if entry.day > last else published
        return [
            Problem(
                file,
                entry.line,
                "entry time",
                f"this entry is dated {day}, more than a year {side} ({shown}), and is not "
                f"placed in time: its day comes from {origin}; check that line against the "
                "blog, and the source's `published` and `live_blog.updated`",
            )
        ]
    # "24:00" on the last day is 00:00 on the next: the end of that day, not after it.
    end_of_last = entry.time == "00:00" and entry.day - datetime.timedelta(days=1) == blog.updated
    if blog.updated is not None and entry.day > blog.updated and not end_of_last:
        why = f"after the blog's last update ({blog.updated})"
        fields = "`live_blog.updated`"
    elif entry.day < published:
        why = f"before the blog was published ({published}, its first entry's day)"
        fields = "`published`"
    else:
        return []
    return [
        Problem(
            file,
            entry.line,
            "entry time",
            f"this entry is dated {day}, {why}: its day comes from {origin}; check that "
            f"line, and {fields}",
            "warning",
        )
    ]


def _clock_problems(
    entry: EntryTime, zone: ZoneInfo, zone_name: str, origin: str, file: str
) -> list[Problem]:
    """An entry at a time the zone's clocks skipped that day (an error), or passed twice
    with nothing to say which (a warning); an abbreviation the zone does not use then."""
    day = entry.day.isoformat()
    change = clock_change(entry.day, entry.time, zone)
    if change is not None and change.skipped:
        return [
            Problem(
                file,
                entry.line,
                "entry time",
                f"{entry.time} does not exist on {day} in {zone_name}: {change.words}, so no "
                f"entry was posted at {entry.time} that day. Check the day it falls on (its "
                f"day comes from {origin}) and the "
                "source's `timezone`",
            )
        ]
    fold = fold_for(entry.day, entry.time, zone, entry.abbr)
    written = datetime.time.fromisoformat(entry.time)
    moment = datetime.datetime.combine(entry.day, written, zone).replace(fold=fold)
    if change is not None and (entry.abbr is None or change.old.tzname() == change.new.tzname()):
        named = "names no zone abbreviation" if entry.abbr is None else "cannot tell them apart"
        return [
            Problem(
                file,
                entry.line,
                "entry time",
                f"{entry.time} happens twice on {day} in {zone_name} ({change.words}) and the "
                f"line {named}: the first, {clock_text(moment)} ({offset_text(moment)}), is "
                "assumed; nothing in the source says otherwise, so check the entry's time "
                "against the blog before a fact relies on it",
                "warning",
            )
        ]
    if entry.abbr is None or names_zone(entry.abbr, moment):
        return []
    used = str(moment.tzname())
    if change is not None:
        used = f"{change.old.tzname()}, then {change.new.tzname()}"
    return [
        Problem(
            file,
            entry.line,
            "entry time",
            f"says {entry.abbr}, but on {day} {zone_name} is {used}: check the source's `timezone`",
            "warning",
        )
    ]
