"""Time zones, the placement rule and the live-blog entry reader, property by property."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_second_story import SLUG as BRENMARK
from test_second_story import fixture_project, run

from generator.days import WEEKDAYS, format_day
from generator.factsheets.times import (
    TimeLabel,
    clock_change,
    clock_label,
    fold_for,
    offset_text,
    order_key,
    placement,
    when_text,
    zone_named,
)
from generator.sources.entries import EntryOrder
from generator.sources.text import clean_source_text

LONDON, HELSINKI = zone_named("Europe/London"), zone_named("Europe/Helsinki")


@dataclass
class Record:
    """What `placement` reads of an event."""

    id: str
    date: str
    precision: str = "day"
    time: str | None = None
    end_date: datetime.date | None = None
    end_time: str | None = None
    time_zone: str | None = None

    @property
    def when(self):  # the same as Dated.when
        from generator.factsheets.dates import Dated

        return Dated.when.fget(self)  # type: ignore[attr-defined]


def test_a_time_in_another_zone_is_converted_and_can_cross_midnight():
    late = Record("a", "2023-10-14", time="23:30", time_zone="Europe/London")
    assert when_text(late, HELSINKI) == "14 October 2023, 01:30 EEST on 15 Oct"
    assert placement(late, HELSINKI).start == datetime.datetime(2023, 10, 15, 1, 30)
    # Winter time: the same zone name, another offset.
    winter = Record("b", "2023-12-14", time="09:30", time_zone="Europe/London")
    assert when_text(winter, HELSINKI) == "14 December 2023, 11:30 EET"


def test_the_rule_puts_a_whole_day_before_its_times_and_around_on_its_named_day():
    records = [
        Record("timed", "2023-10-13", time="09:10"),
        Record("untimed", "2023-10-13"),
        Record("around", "2023-10-14", precision="approximate"),
        Record("evening", "2023-10-13", time="evening"),
        Record("month", "2023-10", precision="month"),
        Record("range", "2023-10-13", time="night", end_date=datetime.date(2023, 10, 14)),
    ]
    ordered = [r.id for r in sorted(records, key=lambda r: order_key(r, HELSINKI))]
    assert ordered == ["month", "untimed", "timed", "evening", "range", "around"]
    around = placement(records[2], HELSINKI)
    assert around.start == datetime.datetime(2023, 10, 14)
    # The day give or take one: not back before the 13th, the day it followed.
    assert around.around is not None
    assert (around.around.start, around.around.end) == (
        datetime.date(2023, 10, 13),
        datetime.date(2023, 10, 15),
    )


moments = st.lists(
    st.datetimes(
        min_value=datetime.datetime(2023, 1, 1), max_value=datetime.datetime(2023, 12, 31)
    ).map(lambda d: d.replace(second=0, microsecond=0)),
    min_size=1,
    max_size=12,
    unique_by=lambda d: (d.date(), d.hour, d.minute),
)


@given(moments, st.booleans())
def test_a_live_blog_with_a_date_line_at_each_new_day_reads_back_every_entry(times, newest):
    times = sorted(times, reverse=newest)
    lines, day = ["A live blog", ""], None
    for i, moment in enumerate(times):
        if moment.date() != day:
            day = moment.date()
            lines += [format_day(day), ""]
        lines += [f"{moment:%H:%M} BST", f"Entry number {i} says something.", ""]
    order = EntryOrder("newest-first" if newest else "oldest-first", times[0].date())
    text = clean_source_text("\n".join(lines), "A live blog", [], order)
    assert text.entry_problems == []
    entries = [text.entry_of(p.number) for p in text.paragraphs]
    read = [(e.day, e.time) for e in entries if e is not None]
    assert read == [(m.date(), f"{m:%H:%M}") for m in times]


@given(
    st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2090, 1, 1)),
    st.lists(st.integers(0, 150), min_size=1, max_size=8),
    st.booleans(),
)
def test_date_lines_without_a_year_read_back_when_days_run_under_five_months_apart(
    start, steps, newest
):
    days = [start]
    for step in steps:
        days.append(days[-1] + datetime.timedelta(days=step))
    days = sorted(set(days), reverse=newest)
    lines = ["A live blog", ""]
    for day in days:
        lines += [format_day(day, year=False), "", "09:00", f"On {day} something happened.", ""]
    order = EntryOrder("newest-first" if newest else "oldest-first", days[0])
    text = clean_source_text("\n".join(lines), "A live blog", [], order)
    assert text.entry_problems == []
    assert [e.day for e in text.entries] == days


def test_an_entry_out_of_order_with_no_date_line_is_reported_not_guessed():
    raw = "Blog\n\n00:15\nAfter midnight.\n\n23:50\nBefore midnight.\n"
    text = clean_source_text(
        raw, "Blog", [], EntryOrder("newest-first", datetime.date(2023, 10, 15))
    )
    assert [p.line for p in text.entry_problems] == [6]
    assert (
        "add a line with its date (e.g. '15 October 2023') above it"
        in text.entry_problems[0].message
    )


# --- clocks that skip an hour or pass it twice ---------------------------------------------

ZONES = [zone_named(z) for z in ("Europe/London", "Europe/Helsinki", "America/Havana", "UTC")]


def test_a_time_the_clocks_skip_or_pass_twice_is_told_apart():
    spring = clock_change(datetime.date(2023, 3, 26), "01:30", LONDON)
    assert spring is not None and spring.skipped
    assert spring.words == "the clocks went forward from 01:00 GMT to 02:00 BST"
    autumn = clock_change(datetime.date(2023, 10, 29), "01:30", LONDON)
    assert autumn is not None and not autumn.skipped
    assert autumn.words == "the clocks went back from 02:00 BST to 01:00 GMT"
    assert clock_change(datetime.date(2023, 10, 29), "02:00", LONDON) is None
    # Moscow left summer time for good in 2014: the same abbreviation either side.
    moscow = clock_change(datetime.date(2014, 10, 26), "01:30", zone_named("Europe/Moscow"))
    assert moscow is not None and moscow.words == "the clocks went back from 02:00 MSK to 01:00 MSK"
    assert offset_text(moscow.old) == "UTC+04:00" and offset_text(moscow.new) == "UTC+03:00"
    # Near the calendar's ends nothing is computed, and nothing overflows.
    assert clock_change(datetime.date(9999, 12, 31), "23:59", LONDON) is None
    assert clock_change(datetime.date(1, 1, 1), "00:00", zone_named("Asia/Tokyo")) is None


@given(
    st.datetimes(min_value=datetime.datetime(1990, 1, 1), max_value=datetime.datetime(2035, 1, 1)),
    st.sampled_from(ZONES),
)
def test_clock_change_agrees_with_the_zone_at_every_minute(moment, zone):
    moment = moment.replace(second=0, microsecond=0)
    change = clock_change(moment.date(), f"{moment:%H:%M}", zone)
    first, second = moment.replace(tzinfo=zone), moment.replace(tzinfo=zone, fold=1)
    back = first.astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None)
    if change is None:
        assert back == moment and first.utcoffset() == second.utcoffset()
    elif change.skipped:
        assert back != moment
        assert change.old.replace(tzinfo=None) <= moment < change.new.replace(tzinfo=None)
    else:
        assert back == moment and first.utcoffset() != second.utcoffset()
        assert change.new.replace(tzinfo=None) <= moment < change.old.replace(tzinfo=None)


def test_an_abbreviation_says_which_of_two_times_it_is():
    day = datetime.date(2023, 10, 29)
    assert fold_for(day, "01:30", LONDON, "GMT") == 1
    assert fold_for(day, "01:30", LONDON, "BST") == 0
    assert fold_for(day, "01:30", LONDON, None) == 0
    assert fold_for(day, "09:30", LONDON, "GMT") == 0
    second = clock_label(day, "01:30", LONDON, HELSINKI, fold=1)
    assert second is not None and second.source_first == "01:30 GMT (03:30 EET)"


def test_a_conversion_off_the_calendar_is_shown_as_written_only():
    # It was "23:59 GMT (23:59 MSK)": the time as written, named in the other zone.
    label = clock_label(datetime.date(9999, 12, 31), "23:59", LONDON, zone_named("Europe/Moscow"))
    assert label == TimeLabel("23:59 GMT")


# --- live-blog lines -------------------------------------------------------------------------


def blog(lines: list[str], order: str = "oldest-first", first: str = "2023-05-22"):
    raw = "\n\n".join(["A live blog", *lines])
    return clean_source_text(
        raw, "A live blog", [], EntryOrder(order, datetime.date.fromisoformat(first))
    )


def test_24_00_is_the_end_of_its_day_and_the_next_entries_follow_it():
    text = blog(
        ["Monday 22 May 2023", "23:30 BST", "Late.", "24:00 BST", "Midnight.", "00:10", "After."]
    )
    assert text.entry_problems == []
    assert [(e.day.isoformat(), e.time) for e in text.entries] == [
        ("2023-05-22", "23:30"),
        ("2023-05-23", "00:00"),
        ("2023-05-23", "00:10"),
    ]
    newest = blog(["24:00", "Midnight.", "23:30", "Late."], "newest-first")
    assert newest.entry_problems == []
    assert [(e.day.isoformat(), e.time) for e in newest.entries] == [
        ("2023-05-23", "00:00"),
        ("2023-05-22", "23:30"),
    ]


def test_a_time_no_clock_shows_is_reported_and_dates_nothing():
    text = blog(["09:00", "Morning.", "25:00 BST", "Later."])
    assert [(p.line, p.field, p.severity) for p in text.entry_problems] == [
        (7, "entry time", "error")
    ]
    assert "'25:00 BST' is not a time of day" in text.entry_problems[0].message
    assert text.entry_of(text.paragraphs[-1].number) is None
    # A price on a line of its own is text, as before.
    assert blog(["09:00", "Prices.", "45.99"]).paragraphs[-1].text == "45.99"


def test_a_weekday_that_does_not_fit_the_date_is_a_warning_naming_the_line():
    text = blog(["Friday 22 May 2023", "09:00", "Morning."])
    assert [(p.line, p.field, p.severity) for p in text.entry_problems] == [
        (3, "entry date", "warning")
    ]
    assert text.entry_problems[0].message.startswith(
        "'Friday 22 May 2023': 22 May 2023 is a Monday, not a Friday; the entries below are "
        "dated 22 May 2023"
    )
    assert blog(["Mon 22 May 2023", "09:00", "Morning."]).entry_problems == []


def test_a_date_line_without_a_year_is_in_the_year_nearest_the_day_before_it():
    text = blog(
        ["10:00", "New year.", "31 December", "23:00", "Old year."], "newest-first", "2024-01-01"
    )
    assert [e.day.isoformat() for e in text.entries] == ["2024-01-01", "2023-12-31"]
    text = blog(["31 December", "23:00", "Old.", "1 January", "00:10", "New."], first="2023-12-31")
    assert [e.day.isoformat() for e in text.entries] == ["2023-12-31", "2024-01-01"]


def test_times_that_run_back_as_the_clocks_go_back_are_not_a_new_day():
    lines = ["Sunday 29 October 2023", "01:50 BST", "Before.", "01:10 GMT", "After."]
    assert blog(lines, first="2023-10-29").entry_problems == []
    # Without abbreviations, or a day apart, it is a change of day.
    plain = ["Sunday 29 October 2023", "01:50", "Before.", "01:10", "After."]
    assert [p.line for p in blog(plain, first="2023-10-29").entry_problems] == [9]


weekday_days = st.dates(min_value=datetime.date(2001, 1, 1), max_value=datetime.date(2098, 12, 31))


@given(weekday_days, st.integers(1, 6), st.booleans())
def test_a_weekday_is_accepted_exactly_when_it_fits(day, shift, full):
    right, wrong = (
        name if full else name[:3]
        for name in (WEEKDAYS[day.weekday()], WEEKDAYS[(day.weekday() + shift) % 7])
    )
    fits = blog([f"{right} {format_day(day)}", "09:00", "Text."], first=day.isoformat())
    assert fits.entry_problems == []
    misfit = blog([f"{wrong} {format_day(day)}", "09:00", "Text."], first=day.isoformat())
    assert [(p.line, p.severity) for p in misfit.entry_problems] == [(3, "warning")]


# --- the checks, on the fictional briefing -------------------------------------------------

EVENTS = f"briefings/{BRENMARK}/events.yaml"
LEDGER = "seeds/2023-10-15_evening-ledger-live.txt"


@pytest.mark.parametrize(
    ("path", "edits", "expected"),
    [
        (
            EVENTS,
            [('date: 2023-10-13\n  time: "21:40"', 'date: 2023-03-26\n  time: "03:30"')],
            f"{EVENTS}:16: time: '03:30' does not exist on 2023-03-26 in Europe/Helsinki: the "
            "clocks went forward from 03:00 EET to 04:00 EEST. Check the time, the date and the "
            "zone against the source; 03:30 EET is 04:30 EEST, so if the source means EET, "
            'write "04:30"',
        ),
        (
            EVENTS,
            [('date: 2023-10-13\n  time: "21:40"', 'date: 2023-10-29\n  time: "03:30"')],
            f"{EVENTS}:16: warning: time: '03:30' happens twice on 2023-10-29 in Europe/Helsinki "
            "(the clocks went back from 04:00 EEST to 03:00 EET): the first, 03:30 EEST "
            "(UTC+03:00), is assumed. To say which, give the record `time_zone: UTC` and write "
            'its times in UTC: "00:30" for 03:30 EEST, "01:30" for 03:30 EET',
        ),
        (
            LEDGER,
            [("Saturday 14 October 2023", "Sunday 26 March 2023"), ("09:30 BST", "01:30 BST")],
            f"{LEDGER}:28: entry time: 01:30 does not exist on 2023-03-26 in Europe/London: the "
            "clocks went forward from 01:00 GMT to 02:00 BST, so no entry was posted at 01:30 "
            "that day. Check the day it falls on (its day comes from the date line on line 21) "
            "and the source's `timezone`",
        ),
        (
            LEDGER,
            [("Sunday 15 October 2023", "Friday 15 October 2023")],
            f"{LEDGER}:9: warning: entry date: 'Friday 15 October 2023': 15 October 2023 is a "
            "Sunday, not a Friday; the entries below are dated 15 October 2023",
        ),
        (
            LEDGER,
            [("11:20 BST", "25:20 BST")],
            f"{LEDGER}:16: entry time: '25:20 BST' is not a time of day",
        ),
        (
            LEDGER,
            [("Sunday 15 October 2023", "Sunday 22 October 2023")],
            f"{LEDGER}:11: warning: entry time: this entry is dated 22 October 2023, after the "
            "blog's last update (2023-10-15): its day comes from the date line on line 9; check "
            "that line, and `live_blog.updated`",
        ),
        (
            LEDGER,
            [("Sunday 15 October 2023", "Friday 31 December 9999")],
            f"{LEDGER}:11: entry time: this entry is dated 31 December 9999, more than a year "
            "after the blog's last day (2023-10-15), and is not placed in time",
        ),
    ],
    ids=[
        "time-the-clocks-skip",
        "time-the-clocks-pass-twice",
        "entry-the-clocks-skip",
        "entry-date-on-the-wrong-weekday",
        "entry-time-no-clock-shows",
        "entry-after-the-last-update",
        "entry-in-year-9999",
    ],
)
def test_local_time_mistakes_are_reported_where_they_stand(tmp_path, capsys, path, edits, expected):
    root = fixture_project(tmp_path)
    file = root / path
    text = file.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    file.write_text(text, encoding="utf-8")
    status, out = run(["--root", str(root), "check", "--strict"], capsys)
    assert status == 1
    assert expected in out, out
    assert "Traceback" not in out and "unexpected" not in out


def test_24_00_at_the_top_of_a_blog_updated_that_day_is_not_after_its_update(tmp_path, capsys):
    root = fixture_project(tmp_path)
    ledger = root / LEDGER
    text = ledger.read_text(encoding="utf-8")
    ledger.write_text(text.replace("Sunday 15 October 2023\n\n18:05 BST", "24:00 BST", 1))
    status, out = run(["--root", str(root), "check", "--strict"], capsys)
    assert status == 0, out


@given(st.integers(0, 99), st.integers(0, 99), st.sampled_from(["", " BST"]))
def test_a_stamp_line_is_an_entry_the_end_of_a_day_or_an_error_never_text(hour, minute, abbr):
    text = blog(["Monday 22 May 2023", f"{hour:02d}:{minute:02d}{abbr}", "Words."])
    entries = [(e.day.isoformat(), e.time) for e in text.entries]
    if hour < 24 and minute < 60:
        assert entries == [("2023-05-22", f"{hour:02d}:{minute:02d}")]
    elif (hour, minute) == (24, 0):
        assert entries == [("2023-05-23", "00:00")]
    else:
        assert entries == [] and [p.severity for p in text.entry_problems] == ["error"]
    assert [p.text for p in text.paragraphs] == ["Words."]
