"""What readers get beyond the facts: claims in plain words, the words search finds a page
by, and the charts drawn at build time."""

from __future__ import annotations

import datetime
import re

import pytest

from generator.factsheets.dates import DateRange
from generator.factsheets.model import Actor, CasualtyClaim, CountRange, Event, Place
from generator.render.charts import timeline_chart
from generator.render.search import search_words
from generator.render.views.facts import chart_row
from generator.words import describe_claim

DAY = datetime.date(2023, 5, 22)


def claim(**fields: object) -> CasualtyClaim:
    values: dict = {
        "id": "c",
        "claimant": None,
        "as_of": DAY,
        "incident": "e",
        "category": "wounded",
        "group": "civilians",
        "count": 1,
        "citations": [],
    }
    values.update(fields)
    return CasualtyClaim(**values)


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({}, "1 civilian wounded"),
        ({"count": 12}, "12 civilians wounded"),
        ({"qualifier": "at least"}, "at least 1 civilian wounded"),
        ({"qualifier": "more than"}, "more than 1 civilians wounded"),
        ({"group": "unspecified", "category": "killed"}, "1 person killed"),
        ({"group": "unspecified", "count": 0}, "no people wounded"),
        (
            {"category": "casualties", "group": "unspecified", "qualifier": "at least"},
            "at least 1 casualty",
        ),
        ({"category": "casualties", "group": "soldiers", "count": 3}, "3 soldier casualties"),
        ({"category": "casualties", "count": "unknown"}, "unknown number of civilian casualties"),
        ({"group": "aircraft", "category": "shot down", "count": 4}, "4 aircraft shot down"),
        ({"count": CountRange(min=2, max=None)}, "at least 2 civilians wounded"),
    ],
)
def test_a_claim_reads_as_english(fields, words):
    assert describe_claim(claim(**fields)) == words


def test_search_words_leave_another_records_one_word_name_to_that_record():
    russia = Actor(id="russia", name="Russia", kind="state", aliases=["Russian Federation"])
    legion = Actor(
        id="legion",
        name="Freedom of Russia Legion",
        kind="armed group",
        aliases=["Russia's Freedom Legion"],
    )
    us = Actor(id="us", name="United States", kind="state", aliases=["US"])
    town = Place(id="town", name="Graivoron", kind="town")
    district = Place(
        id="district",
        name="Graivoron district",
        kind="district",
        aliases=["Graivoronsk district", "Used district"],
    )
    words = search_words([russia, legion, us, town, district])
    assert words["actors/russia"] == ["russia", "russian", "federation"]
    # "russia" is Russia's; "russia's" begins with it: Material would match "russia*".
    assert words["actors/legion"] == ["freedom", "of", "legion"]
    assert words["actors/us"] == ["united", "states", "us"]
    assert words["places/town"] == ["graivoron"]
    # "Used" stays: a prefix of fewer than four letters ("us") only takes the same word.
    assert words["places/district"] == ["district", "used"]


def event(
    id_: str, date: str, precision: str = "day", status: str = "reported", time: str | None = None
) -> Event:
    return Event(
        id=id_,
        title=f"Title {id_}",
        date=date,
        precision=precision,
        summary="s",
        status=status,
        citations=[],
        time=time,
    )


def test_the_background_has_a_strip_of_its_own_and_distant_events_its_margin():
    period = DateRange(DAY, DAY, "22 May 2023")
    events = [
        event("old", "2014", "year"),
        event("month", "2023-05", "month"),
        event("raid", "2023-05-22"),
    ]
    svg = timeline_chart([chart_row(e, f"#{e.id}", None) for e in events], period, "T")
    assert svg.count('class="briefing-chart-row"') == 3
    before, during = svg.split('<div class="briefing-strip ')[1:]
    assert before.startswith("briefing-strip-before") and during.startswith("briefing-strip-period")
    assert ">earlier</text>" in before and ">later</text>" not in svg
    # The old event is a marker in the margin; the month a bar running on past the strip's
    # end (where the period begins); the raid's day a bar across the day, in the period.
    old, month = before.split('<a class="briefing-chart-row"')[1:]
    assert "briefing-off-scale" in old and "<rect" not in old
    assert '<rect class="briefing-mark' in month and "briefing-runs-on" in month
    (raid,) = during.split('<a class="briefing-chart-row"')[1:]
    assert '<rect class="briefing-mark' in raid.split("</a>")[0]


def test_a_time_of_day_places_the_mark_within_its_day_by_the_listing_rule():
    period = DateRange(DAY, DAY, "22 May 2023")

    def mark(time: str | None) -> tuple[str, float]:
        svg = timeline_chart(
            [chart_row(event("e", "2023-05-22", time=time), "#e", None)], period, "T"
        )
        found = re.search(r'<(circle|rect) class="briefing-mark[^"]*" (?:cx|x)="([\d.]+)%"', svg)
        assert found is not None
        return found.group(1), float(found.group(2))

    # A clock time is a dot; a day without one is the whole day, and a part of the day its
    # hours, both bars: each starts where the list orders it.
    assert mark("06:00")[0] == "circle" and mark(None)[0] == mark("evening")[0] == "rect"
    assert mark(None)[1] < mark("06:00")[1] < mark("evening")[1] < mark("night")[1]
    assert mark("morning")[1] == mark("06:00")[1]


def test_chart_labels_are_escaped():
    period = DateRange(DAY, DAY, "22 May 2023")
    hostile = event("e", "2023-05-22")
    hostile.title = '<script>alert(1)</script> "quoted"'
    svg = timeline_chart([chart_row(hostile, '#e"onclick="x', None)], period, "<b>")
    assert "<script>" not in svg and "<b>" not in svg
    assert 'href="#e&quot;onclick=&quot;x"' in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot;" in svg
