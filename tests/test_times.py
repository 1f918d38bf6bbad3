"""Time zones, the placement rule and the live-blog entry reader, property by property."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from generator.days import format_day
from generator.factsheets.times import order_key, placement, when_text, zone_named
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
    assert around.around is not None and around.around.start == datetime.date(2023, 10, 11)


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


def test_an_entry_out_of_order_with_no_date_line_is_reported_not_guessed():
    raw = "Blog\n\n00:15\nAfter midnight.\n\n23:50\nBefore midnight.\n"
    text = clean_source_text(
        raw, "Blog", [], EntryOrder("newest-first", datetime.date(2023, 10, 15))
    )
    assert [line for line, _ in text.entry_problems] == [6]
    assert "add a line with its date (e.g. '15 October 2023') above it" in text.entry_problems[0][1]
