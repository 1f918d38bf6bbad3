"""Times of day and time zones: where a dated record stands in the briefing's local time.

One rule orders the timeline's list and draws its chart (`placement`, `order_key`): a
record stands from the earliest moment its date and time allow to the latest. A clock time
is a moment; a part of the day is its hours; a day without a time is the whole day (it may
have happened at any hour, so it sorts before that day's timed events and is drawn as a
bar across the day); an explicit range runs from its start to its end; an "around" date
stands on its named day, with the days it may stand for drawn faintly around it; a vaguer
date (a month, "mid-May") is its span of days. Records are ordered by where they start,
then where they end, then id.

Clock times are written in the record's `time_zone`, or the briefing's `timezone`, and
shown in the briefing's zone with its abbreviation ("11:30 MSK"), with the time as written
beside it when the record's zone differs ("09:30 BST"). A local time the clocks skip (01:30
in London when they go forward) is no moment at all, and one they pass twice (01:30 when
they go back) is two; `clock_change` says which, and the checks report both. A time whose
conversion would run off the calendar (31 December 9999) is shown only as written.
"""

from __future__ import annotations

import datetime
import difflib
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from .dates import DateRange, date_range, format_day
from .zones import abbreviation, offset_hint, written_offset

__all__ = [
    "PARTS_OF_DAY",
    "ClockChange",
    "Placement",
    "TimeLabel",
    "clock_change",
    "clock_label",
    "day_end",
    "day_start",
    "end_label",
    "fold_for",
    "is_clock",
    "local_time",
    "names_zone",
    "order_key",
    "placement",
    "time_label",
    "zone_named",
    "zone_problem",
]

# The hours each part of the day stands for (30 is 06:00 the next day): "evening" sorts
# and is drawn after "18:30", and "night" runs past midnight.
PARTS_OF_DAY = {"morning": (6, 12), "afternoon": (12, 18), "evening": (18, 22), "night": (22, 30)}


def is_clock(time: str | None) -> bool:
    """Whether `time` is a clock time ("09:30"), which has a zone, not a part of the day."""
    return time is not None and time not in PARTS_OF_DAY


def zone_problem(name: str) -> str | None:
    """Why `name` is not an IANA time-zone name zoneinfo knows; None if it is."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        if offset := offset_hint(name):
            return offset
        lowered = {z.lower(): z for z in available_timezones()}
        hint = lowered.get(name.lower())
        close = difflib.get_close_matches(name, sorted(lowered.values()), n=1, cutoff=0.8)
        hint = hint or (close[0] if close else None)
        return f"'{name}' is not a time zone zoneinfo knows" + (
            f" (did you mean '{hint}'?)"
            if hint
            else "; write the IANA name of the place's zone, Area/City (Moscow's is "
            "Europe/Moscow), or UTC; for a fixed offset, Etc/GMT-3 is UTC+3 (the sign is "
            "inverted). Abbreviations like BST are not zones: they change with the season"
        )
    return None


def zone_named(name: str | None) -> ZoneInfo | None:
    """The zone called `name` (None: none was given, or it is not a zone the checks passed)."""
    if name is None:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def day_start(day: datetime.date) -> datetime.datetime:
    """Midnight at the start of `day`."""
    return _at(day, 0)


def day_end(day: datetime.date) -> datetime.datetime:
    """Midnight at the end of `day` (the calendar's last moment for its last day)."""
    return _at(day, 24)


def _hours(time: str | None) -> tuple[int, int]:
    """The hours (start, end) a part of the day stands for; the whole day for no time."""
    return PARTS_OF_DAY.get(time or "", (0, 24))


def _moment(day: datetime.date, time: str, fold: int = 0) -> datetime.datetime:
    hours, minutes = (int(p) for p in time.split(":"))
    return datetime.datetime(day.year, day.month, day.day, hours, minutes, fold=fold)


def _converted(
    moment: datetime.datetime, written_in: ZoneInfo | None, shown_in: ZoneInfo | None
) -> datetime.datetime | None:
    """`moment`, written in one zone, as the naive local time of another (as written when
    either zone is unknown); None when that runs off the calendar (31 December 9999)."""
    if written_in is None or shown_in is None or written_in == shown_in:
        return moment
    try:
        return moment.replace(tzinfo=written_in).astimezone(shown_in).replace(tzinfo=None)
    except OverflowError:
        return None


def local_time(
    day: datetime.date,
    time: str,
    written_in: ZoneInfo | None,
    shown_in: ZoneInfo | None,
    fold: int = 0,
) -> datetime.datetime:
    """A clock time ("HH:MM") on `day`, written in one zone, as the naive local time of
    another (as written when either zone is unknown, or the conversion runs off the
    calendar: for ordering only). `fold` 1 is the second of a time the clocks pass twice."""
    moment = _moment(day, time, fold)
    return _converted(moment, written_in, shown_in) or moment


@dataclass(frozen=True)
class ClockChange:
    """A change of a zone's clocks around a local time: `skipped` when they went forward
    past it (it does not exist), else they went back over it (it happens twice). The wall
    time on the old clock and on the new when they changed, with each clock's abbreviation
    and offset from UTC."""

    skipped: bool
    old: datetime.datetime
    new: datetime.datetime

    @property
    def words(self) -> str:
        """'the clocks went forward from 01:00 GMT to 02:00 BST'."""
        way = "forward" if self.skipped else "back"
        return f"the clocks went {way} from {clock_text(self.old)} to {clock_text(self.new)}"


def clock_text(moment: datetime.datetime) -> str:
    """An aware moment as its zone's clock shows it: '01:30 BST', '01:30 UTC+3'."""
    return f"{moment:%H:%M} {abbreviation(moment)}"


def offset_text(moment: datetime.datetime) -> str:
    """An aware moment's offset from UTC: 'UTC+01:00'."""
    offset = moment.utcoffset() or datetime.timedelta()
    sign = "-" if offset < datetime.timedelta() else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def names_zone(words: str, moment: datetime.datetime) -> bool:
    """Whether a source's zone words ("BST", "UTC+1") name the clock an aware moment is
    on: its abbreviation, or its offset from UTC."""
    if words in (moment.tzname(), abbreviation(moment)):
        return True
    offset = written_offset(words)
    return offset is not None and offset == moment.utcoffset()


def fold_for(day: datetime.date, time: str, zone: ZoneInfo, abbr: str | None) -> int:
    """Which of the two `time`s on `day` in `zone` an abbreviation names, when the clocks
    pass it twice: 1 when it names the second clock only ("01:30 GMT" as the clocks go back
    from BST), else 0 (the first, as when nothing says)."""
    first = _moment(day, time).replace(tzinfo=zone)
    second = first.replace(fold=1)
    if abbr is None or first.utcoffset() == second.utcoffset():
        return 0
    return int(names_zone(abbr, second) and not names_zone(abbr, first))


def clock_change(day: datetime.date, time: str, zone: ZoneInfo) -> ClockChange | None:
    """The change of clocks that skips `time` on `day` in `zone`, or passes it twice; None
    when it is one moment (or too near the calendar's ends to tell)."""
    moment = _moment(day, time)
    first, second = moment.replace(tzinfo=zone), moment.replace(tzinfo=zone, fold=1)
    before, after = first.utcoffset(), second.utcoffset()
    if before is None or after is None or before == after:
        return None
    utc = datetime.UTC
    try:
        # The change is between these two instants: search it to the second.
        early = (moment - max(before, after)).replace(tzinfo=utc)
        late = (moment - min(before, after)).replace(tzinfo=utc)
        while late - early > datetime.timedelta(seconds=1):
            middle = early + (late - early) / 2
            middle = middle.replace(microsecond=0)
            if middle.astimezone(zone).utcoffset() == before:
                early = middle
            else:
                late = middle
        # The old clock at the change reads a time it never shows (02:00 BST): a fixed zone.
        last = (late - datetime.timedelta(seconds=1)).astimezone(zone)
        old_clock = datetime.timezone(before, str(last.tzname()))
        return ClockChange(after > before, late.astimezone(old_clock), late.astimezone(zone))
    except OverflowError:
        return None


@dataclass(frozen=True)
class Placement:
    """Where a record stands on the briefing's clock: from `start` to `end` (naive, in the
    briefing's zone); `point` for a single clock time; `around` for an approximate date,
    the days it may stand for."""

    start: datetime.datetime
    end: datetime.datetime
    point: bool
    around: DateRange | None = None


def _at(day: datetime.date, hours: float) -> datetime.datetime:
    try:
        return datetime.datetime(day.year, day.month, day.day) + datetime.timedelta(hours=hours)
    except OverflowError:  # the end of 31 December 9999, the calendar's last day
        return datetime.datetime.max


def _written_zone(record: Any, briefing_zone: ZoneInfo | None) -> ZoneInfo | None:
    return zone_named(getattr(record, "time_zone", None)) or briefing_zone


def placement(record: Any, briefing_zone: ZoneInfo | None) -> Placement:
    """Where `record` (a `Dated`) stands: see the module's docstring for the rule."""
    when = record.when
    written = _written_zone(record, briefing_zone)
    time, end_date, end_time = record.time, record.end_date, record.end_time
    if record.precision not in ("day", "approximate"):
        return Placement(day_start(when.start), day_end(when.end), point=False)
    day = when.start if record.precision == "day" else date_range(record.date, "day").start
    around = when if record.precision == "approximate" else None
    if is_clock(time) and end_date is None:
        moment = local_time(day, time, written, briefing_zone)
        return Placement(moment, moment, point=True, around=around)
    if is_clock(time):
        start = local_time(day, time, written, briefing_zone)
    else:
        start = _at(day, _hours(time)[0])
    if end_date is None:
        return Placement(start, _at(day, _hours(time)[1]), False, around)
    if is_clock(end_time):
        end = local_time(end_date, end_time, written, briefing_zone)
    else:
        end = _at(end_date, _hours(end_time)[1])
    return Placement(start, max(start, end), point=False, around=around)


def order_key(record: Any, briefing_zone: ZoneInfo | None) -> tuple[Any, ...]:
    """The timeline's order: where a record starts, then where it ends, then its id."""
    where = placement(record, briefing_zone)
    return (where.start, where.end, record.id)


@dataclass(frozen=True)
class TimeLabel:
    """A record's time as shown: in the briefing's zone ("11:30 MSK", "evening"), and as
    written when that differs ("09:30 BST")."""

    shown: str
    as_written: str | None = None

    @property
    def source_first(self) -> str:
        """As the source writes it, then in the briefing's zone: "09:30 BST (11:30 EEST)"."""
        return self.shown if self.as_written is None else f"{self.as_written} ({self.shown})"


def _clock_text(moment: datetime.datetime, zone: ZoneInfo | None) -> str:
    if zone is None:
        return moment.strftime("%H:%M")
    return clock_text(moment.replace(tzinfo=zone))


def clock_label(
    day: datetime.date,
    time: str | None,
    written_in: ZoneInfo | None,
    shown_in: ZoneInfo | None,
    fold: int = 0,
) -> TimeLabel | None:
    """`time` on `day` as shown in the briefing's zone, and as written if another zone
    (only as written when the conversion would run off the calendar)."""
    if time is None:
        return None
    if not is_clock(time):
        return TimeLabel(time)
    written = _moment(day, time, fold)
    shown = _converted(written, written_in, shown_in)
    if shown is None:
        return TimeLabel(_clock_text(written, written_in))
    shown_text = _clock_text(shown, shown_in or written_in)
    if shown.date() != day:
        shown_text += f" on {format_day(shown.date(), year=False, short_month=True)}"
    as_written = _clock_text(written, written_in)
    return TimeLabel(shown_text, as_written if as_written != shown_text else None)


def time_label(record: Any, briefing_zone: ZoneInfo | None) -> TimeLabel | None:
    """A dated record's time (its start time, for a range) as the site shows it."""
    if record.precision not in ("day", "approximate"):
        return None
    day = date_range(record.date, "day").start
    return clock_label(day, record.time, _written_zone(record, briefing_zone), briefing_zone)


def end_label(record: Any, briefing_zone: ZoneInfo | None) -> TimeLabel | None:
    """A range's end time as the site shows it (None without an end time)."""
    if record.end_date is None or record.end_time is None:
        return None
    return clock_label(
        record.end_date, record.end_time, _written_zone(record, briefing_zone), briefing_zone
    )


def when_text(record: Any, briefing_zone: ZoneInfo | None, *, short: bool = False) -> str:
    """A dated record's date and time as the site shows it: "14 October 2023, 11:30 MSK",
    "14–15 October 2023", "14 October 2023, 22:00 MSK – 15 October 2023, morning"; `short`
    writes days as the chart's labels do ("14 Oct")."""
    when: DateRange = record.when
    start = time_label(record, briefing_zone)

    def day(value: datetime.date) -> str:
        return format_day(value, year=not short, short_month=short)

    if record.end_date is None:
        named = when.label
        if short and record.precision in ("day", "approximate"):
            named = day(date_range(record.date, "day").start)
            named = f"around {named}" if record.precision == "approximate" else named
        return named if start is None else f"{named}, {start.shown}"
    end = end_label(record, briefing_zone)
    if start is None and end is None and not short:
        return when.label
    first = day(when.start) + (f", {start.shown}" if start else "")
    last = day(when.end) + (f", {end.shown}" if end else "")
    return f"{first} – {last}"
