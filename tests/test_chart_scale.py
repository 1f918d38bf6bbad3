"""Where the timeline draws an event (generator/render/charts/scale.py): one rule puts it in
its strip and on the strip's scale, the rule that orders the list, over arbitrary dates,
precisions and times of day."""

from __future__ import annotations

import datetime
import re

from hypothesis import given
from hypothesis import strategies as st

from generator.factsheets.dates import DateRange, date_range
from generator.factsheets.model import Event
from generator.factsheets.times import PARTS_OF_DAY, day_end, day_start, order_key, placement
from generator.render.charts import timeline_chart
from generator.render.charts.scale import (
    CONTEXT_DAYS,
    STRIPS,
    TimeScale,
    strip_of,
    strip_scale,
    ticks,
)
from generator.render.views.facts import chart_row

FIRST, LAST = datetime.date(2000, 1, 1), datetime.date(2030, 12, 31)
PRECISIONS = ("day", "approximate", "month", "early-month", "mid-month", "late-month", "year")


@st.composite
def events(draw: st.DrawFn, first: datetime.date = FIRST, last: datetime.date = LAST) -> Event:
    day = draw(st.dates(first, last))
    precision = draw(st.sampled_from(PRECISIONS))
    written = {
        "year": f"{day.year}",
        "day": day.isoformat(),
        "approximate": day.isoformat(),
    }.get(precision, f"{day.year}-{day.month:02d}")
    time = None
    if precision in ("day", "approximate"):
        clock = draw(st.times()).strftime("%H:%M")
        time = draw(st.sampled_from([None, clock, *PARTS_OF_DAY]))
    return Event(
        id=f"e{draw(st.integers(0, 10**6))}",
        title="t",
        date=written,
        precision=precision,
        summary="s",
        status=draw(st.sampled_from(["confirmed", "reported", "claimed", "disputed", "denied"])),
        citations=[],
        time=time,
    )


@st.composite
def periods(draw: st.DrawFn, first: datetime.date = FIRST, last: datetime.date = LAST) -> DateRange:
    start = draw(st.dates(first, last))
    end = min(start + datetime.timedelta(days=draw(st.integers(0, 40))), last)
    return DateRange(start, end, "the period")


@given(st.lists(events(), max_size=12, unique_by=lambda e: e.id), periods())
def test_each_strip_is_a_run_of_the_list_in_its_order(found, period):
    listed = sorted(found, key=lambda e: order_key(e, None))
    strips = [STRIPS.index(strip_of(placement(e, None), period)) for e in listed]
    assert strips == sorted(strips)


@given(st.lists(events(), min_size=1, max_size=12, unique_by=lambda e: e.id), periods())
def test_the_chart_draws_each_event_once_in_the_strip_the_rule_gives(found, period):
    listed = sorted(found, key=lambda e: order_key(e, None))
    html = timeline_chart([chart_row(e, f"#{e.id}", None) for e in listed], period, "T")
    drawn = {}
    for strip in html.split('<div class="briefing-strip briefing-strip-')[1:]:
        name = strip.split('"')[0]
        for href in re.findall(r'<a class="briefing-chart-row" href="#([^"]+)"', strip):
            drawn[href] = name
    assert drawn == {e.id: strip_of(placement(e, None), period) for e in listed}
    # The list's order is the chart's, strip after strip.
    assert re.findall(r'class="briefing-chart-row" href="#([^"]+)"', html) == [e.id for e in listed]


@given(
    st.lists(events(datetime.date.min, datetime.date.max), min_size=1, max_size=8),
    periods(datetime.date.min, datetime.date.max),
)
def test_any_date_the_calendar_has_is_drawn(found, period):
    html = timeline_chart([chart_row(e, f"#{e.id}", None) for e in found], period, "T")
    assert html.count('class="briefing-chart-row"') == len(found)


@given(st.lists(events(), min_size=1, max_size=12), periods())
def test_a_strip_draws_what_starts_in_it_to_scale_in_the_order_of_the_list(found, period):
    for name in STRIPS:
        placed = sorted(
            (placement(e, None) for e in found if strip_of(placement(e, None), period) == name),
            key=lambda p: (p.start, p.end),
        )
        if not placed:
            continue
        scale = strip_scale(name, placed, period)
        assert scale.start < scale.end
        on_scale = [p for p in placed if scale.shows(p.start)]
        xs = [scale.x(p.start) for p in on_scale]
        assert xs == sorted(xs)
        assert all(scale.lead <= x <= 100 - scale.trail for x in xs)
        if name == "period":
            assert (scale.start, scale.end) == (day_start(period.start), day_end(period.end))
            assert on_scale == placed and scale.lead == scale.trail == 0
        elif name == "before":
            assert scale.end == day_start(period.start)
            window = day_start(period.start - datetime.timedelta(days=CONTEXT_DAYS))
            # Within a month of the period, to scale; further back, in the margin.
            assert on_scale == [p for p in placed if p.start >= window]
            assert bool(scale.lead) == (len(on_scale) < len(placed))
        else:
            assert scale.start == day_end(period.end)
            window = day_end(period.end + datetime.timedelta(days=CONTEXT_DAYS))
            assert on_scale == [p for p in placed if p.start <= window]
            assert bool(scale.trail) == (len(on_scale) < len(placed))


@given(st.dates(FIRST, LAST), periods())
def test_a_day_without_a_time_is_drawn_across_the_whole_day_never_at_an_hour(day, period):
    record = Event(
        id="e", title="t", date=day.isoformat(), summary="s", status="reported", citations=[]
    )
    placed = placement(record, None)
    assert not placed.point
    assert (placed.start, placed.end) == (day_start(day), day_end(day))
    scale = strip_scale("period", [placed], period)
    if scale.shows(placed.start) and scale.shows(placed.end):
        day_share = 100 * datetime.timedelta(days=1) / (scale.end - scale.start)
        width = scale.x(placed.end) - scale.x(placed.start)
        assert abs(width - day_share) < 1e-6


@given(st.dates(FIRST, LAST), periods())
def test_an_around_date_stands_on_its_day_with_the_days_it_may_stand_for(day, period):
    record = Event(
        id="e",
        title="t",
        date=day.isoformat(),
        precision="approximate",
        summary="s",
        status="denied",
        citations=[],
    )
    placed = placement(record, None)
    assert placed.around == date_range(day.isoformat(), "approximate")
    html = timeline_chart([chart_row(record, "#e", None)], period, "T")
    row = html.split('<a class="briefing-chart-row"')[1].split("</a>")[0]
    assert "briefing-status-denied" in row
    if "briefing-off-scale" in row:  # a marker in a strip's margin, its date in words
        assert row.count("<path") == 1 and "around " in row
    else:
        # Its own mark (denied: dashed by the stylesheet, which dashes nothing else) and
        # the line over the days it may stand for.
        assert "briefing-approximate" in row and 'class="briefing-around"' in row


@st.composite
def scales(draw: st.DrawFn) -> TimeScale:
    start = datetime.datetime.combine(draw(st.dates(FIRST, LAST)), datetime.time())
    span = draw(
        st.one_of(
            st.integers(1, 72).map(lambda h: datetime.timedelta(hours=h)),
            st.integers(1, 20_000).map(lambda d: datetime.timedelta(days=d)),
        )
    )
    return TimeScale(start, start + span)


@given(scales())
def test_ticks_lie_on_the_scale_in_order_few_enough_to_label(scale):
    found = ticks(scale)
    moments = [t.moment for t in found]
    assert moments == sorted(set(moments))
    assert all(scale.start <= m <= scale.end for m in moments)
    labelled = [t for t in found if t.label]
    if scale.by_the_hour:
        assert len(found) <= 9
        # Midnights are the day's line, named above the hours; every other tick an hour.
        assert all(t.major == (not t.label) for t in found)
        assert all(re.fullmatch(r"\d\d:00", t.label) for t in labelled)
    else:
        assert 1 <= len(labelled) <= 7


@given(scales(), st.datetimes(datetime.datetime(1999, 1, 1), datetime.datetime(2090, 1, 1)))
def test_a_moment_is_drawn_within_the_track_held_at_the_scales_ends(scale, moment):
    x = scale.x(moment)
    assert 0 <= x <= 100
    if moment <= scale.start:
        assert x == 0
    if moment >= scale.end:
        assert x == 100


def test_the_calendars_ends_are_drawn():
    last, first = datetime.date.max, datetime.date.min
    cases = [
        (
            DateRange(last - datetime.timedelta(days=1), last - datetime.timedelta(days=1), "p"),
            last,
        ),
        (
            DateRange(first + datetime.timedelta(days=1), first + datetime.timedelta(days=1), "p"),
            first,
        ),
    ]
    for period, day in cases:
        record = Event(
            id="e", title="t", date=day.isoformat(), summary="s", status="reported", citations=[]
        )
        html = timeline_chart([chart_row(record, "#e", None)], period, "T")
        assert html.count('class="briefing-chart-row"') == 1
