"""Offsets from UTC as editors and sources write them ("UTC+3", "GMT+3", "+03:00"), the
time-zone names that hold them, and how a fixed offset is shown to readers.

A source gives a state's time as "UTC+3"; zoneinfo knows no such name. Its names for a
fixed offset are POSIX ones, whose sign is inverted: `Etc/GMT-3` is three hours *ahead* of
UTC. So a hint for an offset names that zone, explains the sign, and names zones of places
that are at that offset all year, never a zone at another offset. And a fixed-offset zone's
own abbreviation is its digits ("+03"), which readers do not read as a time zone: it is
shown as "UTC+3".
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import importlib.resources
import re
import zoneinfo
from importlib.resources.abc import Traversable
from pathlib import Path
from zoneinfo import ZoneInfo, available_timezones

__all__ = [
    "abbreviation",
    "fixed_zone_name",
    "offset_hint",
    "offset_words",
    "written_offset",
    "zones_all_year",
]

# "UTC+3", "GMT +3", "UTC+03:00", "+0300", "-5", "UTC−3" (a minus sign). UTC, GMT and Z
# alone are zones of their own (or not an offset) and are not matched.
_OFFSET = re.compile(
    r"\s*(?:(?:UTC|GMT|Z)\s*)?(?P<sign>[+\-\u2212])\s*(?P<hours>\d{1,2})"
    r"(?::?(?P<minutes>\d{2}))?\s*",
    re.IGNORECASE,
)
# The offsets clocks have used: from UTC-12 to UTC+14.
_EARLIEST, _LATEST = datetime.timedelta(hours=-12), datetime.timedelta(hours=14)
# The regions whose zones name places (not Etc/, not the old aliases such as W-SU), in the
# order their zones are offered.
_REGIONS = ("Europe", "Asia", "Africa", "America", "Australia", "Pacific", "Atlantic", "Indian")
_OFFERED = 3
_TABLE = "zone1970.tab"


def written_offset(text: str) -> datetime.timedelta | None:
    """The offset from UTC that `text` writes ("UTC+3" is +3 hours); None if it is no
    offset, or one no clock uses (past UTC+14 or UTC-12, or 60 minutes or more)."""
    found = _OFFSET.fullmatch(text)
    if found is None:
        return None
    minutes = int(found["minutes"] or 0)
    if minutes >= 60:
        return None
    offset = datetime.timedelta(hours=int(found["hours"]), minutes=minutes)
    if found["sign"] != "+":
        offset = -offset
    return offset if _EARLIEST <= offset <= _LATEST else None


def offset_words(offset: datetime.timedelta) -> str:
    """An offset as readers read it: 'UTC+3', 'UTC+5:30', 'UTC-3:30', 'UTC'."""
    if not offset:
        return "UTC"
    sign = "-" if offset < datetime.timedelta() else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    hours, rest = divmod(minutes, 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def fixed_zone_name(offset: datetime.timedelta) -> str | None:
    """The zoneinfo name of a fixed offset, its sign inverted as POSIX has it ('Etc/GMT-3'
    for UTC+3); None for an offset of part of an hour, which has no such name."""
    seconds = int(offset.total_seconds())
    if seconds % 3600 or not _EARLIEST <= offset <= _LATEST:
        return None
    hours = seconds // 3600
    return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"


def zones_all_year(offset: datetime.timedelta, year: int) -> tuple[str, ...]:
    """The zones of places at `offset` in both January and July of `year` (no clock
    change moves them off it), in the order they are offered."""
    return _zones_all_year(int(offset.total_seconds()), year)


@functools.cache
def _zones_all_year(seconds: int, year: int) -> tuple[str, ...]:
    wanted = datetime.timedelta(seconds=seconds)
    canonical = _canonical_zones()
    found = [
        name
        for name in available_timezones()
        if name.partition("/")[0] in _REGIONS
        and (canonical is None or name in canonical)
        and all(
            datetime.datetime(year, month, 15, 12, tzinfo=ZoneInfo(name)).utcoffset() == wanted
            for month in (1, 7)
        )
    ]
    return tuple(sorted(found, key=lambda n: (_REGIONS.index(n.partition("/")[0]), n)))


@functools.cache
def _canonical_zones() -> frozenset[str] | None:
    """The zones the time-zone database lists as a place's own (zone1970.tab), not the old
    names kept as links (Asia/Calcutta for Asia/Kolkata); None if no copy can be read."""
    places: list[Path | Traversable] = [Path(folder) / _TABLE for folder in zoneinfo.TZPATH]
    with contextlib.suppress(ModuleNotFoundError):  # no tzdata: the system's copy will do
        places.append(importlib.resources.files("tzdata").joinpath("zoneinfo", _TABLE))
    for place in places:
        try:
            text = place.read_text(encoding="utf-8")
        except OSError:
            continue
        rows = (line.split("\t") for line in text.splitlines() if not line.startswith("#"))
        return frozenset(row[2] for row in rows if len(row) > 2)
    return None


def offset_hint(name: str, today: datetime.date | None = None) -> str | None:
    """What to write instead of an offset written as a zone ("UTC+3"); None if `name` is
    no offset."""
    offset = written_offset(name)
    if offset is None:
        return None
    words = offset_words(offset)
    year = (today or datetime.date.today()).year
    places = zones_all_year(offset, year)[:_OFFERED]
    named = (
        f"the zone of the place, which also follows its clock changes, such as "
        f"{' or '.join(places)} ({words} all year in {year})"
        if places
        else "the zone of the place (Area/City), which also follows its clock changes"
    )
    fixed = fixed_zone_name(offset)
    if fixed is None:
        return (
            f"'{name}' is an offset from UTC ({words}), not a time zone, and no fixed-offset "
            f"zone is {words}; write {named}"
        )
    if fixed == "UTC":
        return f"'{name}' is an offset of zero; write UTC, or {named}"
    ahead = "ahead of" if offset > datetime.timedelta() else "behind"
    hours = abs(int(offset.total_seconds())) // 3600
    return (
        f"'{name}' is an offset from UTC, not a time zone; write {fixed}, the fixed "
        f"offset {words} (its sign is inverted, as POSIX has it: {fixed} is {hours} "
        f"hour{'s' if hours != 1 else ''} {ahead} UTC), or {named}"
    )


def abbreviation(moment: datetime.datetime) -> str:
    """The abbreviation of an aware moment's zone as readers see it: 'MSK', 'BST'; a fixed
    offset, whose own abbreviation is digits ('+03', 'UTC-03:30'), as 'UTC+3'."""
    name = moment.tzname()
    if name and written_offset(name) is None:
        return name
    return offset_words(moment.utcoffset() or datetime.timedelta())
