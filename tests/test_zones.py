"""Offsets written as zones ("UTC+3"): the hint names the fixed-offset zone with its
inverted sign, and only zones of that offset; a fixed offset is shown to readers as
"UTC+3", not as its own abbreviation "+03"."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.factsheets.times import clock_label, clock_text, zone_named, zone_problem
from generator.factsheets.zones import (
    abbreviation,
    fixed_zone_name,
    offset_hint,
    offset_words,
    written_offset,
    zones_all_year,
)

TODAY = datetime.date(2026, 12, 7)
# Offsets clocks use, to the quarter hour, from UTC-12 to UTC+14.
OFFSETS = st.integers(min_value=-12 * 4, max_value=14 * 4).map(
    lambda quarters: datetime.timedelta(minutes=15 * quarters)
)


def written(offset: datetime.timedelta, prefix: str, style: str, minus: str) -> str:
    sign = minus if offset < datetime.timedelta() else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    hours, rest = divmod(minutes, 60)
    if style == "short" and not rest:
        number = str(hours)
    elif style == "colon":
        number = f"{hours:02d}:{rest:02d}"
    else:
        number = f"{hours:02d}{rest:02d}"
    return f"{prefix}{sign}{number}"


@given(
    OFFSETS,
    st.sampled_from(["UTC", "GMT", "utc", "UTC ", "gmt ", ""]),
    st.sampled_from(["short", "colon", "digits"]),
    st.sampled_from(["-", "\u2212"]),
)
def test_an_offset_reads_back_as_written_however_it_is_written(offset, prefix, style, minus):
    assert written_offset(written(offset, prefix, style, minus)) == offset
    assert written_offset(offset_words(offset)) == offset or not offset


@given(OFFSETS)
def test_a_whole_hour_names_the_zone_of_that_offset_with_the_sign_inverted(offset):
    name = fixed_zone_name(offset)
    if offset.total_seconds() % 3600:
        assert name is None
        return
    assert name is not None
    zone = zone_named(name)
    assert zone is not None
    assert zone.utcoffset(datetime.datetime(2023, 5, 22)) == offset
    if offset:
        assert name.startswith("Etc/GMT") and (name[7] == "-") == (offset > datetime.timedelta())


@given(OFFSETS, st.sampled_from(["UTC", "GMT", ""]))
def test_the_hint_never_names_a_zone_of_another_offset(offset, prefix):
    hint = offset_hint(written(offset, prefix, "colon", "-"), TODAY)
    assert hint is not None
    named = [w.strip("(),;") for w in hint.split() if "/" in w and w[0].isupper()]
    for name in named:
        if name == "Area/City":
            continue
        zone = zone_named(name)
        assert zone is not None, name
        for month in (1, 7):
            moment = datetime.datetime(TODAY.year, month, 15, 12, tzinfo=zone)
            assert moment.utcoffset() == offset, (name, hint)


@given(st.text(max_size=12))
def test_text_that_is_no_offset_is_no_offset(text):
    offset = written_offset(text)
    if offset is not None:
        assert datetime.timedelta(hours=-12) <= offset <= datetime.timedelta(hours=14)
        assert any(c in text for c in "+-\u2212")


@pytest.mark.parametrize("name", ["UTC+3", "GMT+3", "+03:00", "UTC+03", "utc +3", "+0300"])
def test_utc_plus_3_is_answered_with_etc_gmt_minus_3_and_places_at_plus_3(name):
    problem = zone_problem(name)
    assert problem is not None
    assert f"'{name}' is an offset from UTC, not a time zone; write Etc/GMT-3" in problem
    assert "its sign is inverted, as POSIX has it: Etc/GMT-3 is 3 hours ahead of UTC" in problem
    assert "Europe/Istanbul" in problem  # at UTC+3 all year
    assert "Europe/London" not in problem and "Europe/Kyiv" not in problem


def test_an_offset_of_part_of_an_hour_has_no_fixed_zone_but_names_places():
    problem = zone_problem("UTC+5:30")
    assert problem is not None
    assert "no fixed-offset zone is UTC+5:30" in problem and "Asia/Kolkata" in problem
    assert "Asia/Calcutta" not in problem  # an old name kept as a link


def test_a_misspelt_zone_is_pointed_to_the_close_one():
    assert zone_problem("Europe/Moskow") == (
        "'Europe/Moskow' is not a time zone zoneinfo knows (did you mean 'Europe/Moscow'?)"
    )
    generic = zone_problem("Narnia")
    assert generic is not None and "Etc/GMT-3 is UTC+3" in generic
    assert "Europe/London" not in generic


def test_readers_see_a_fixed_offset_as_utc_plus_3():
    fixed = zone_named("Etc/GMT-3")
    moment = datetime.datetime(2023, 5, 22, 21, 45, tzinfo=fixed)
    assert moment.tzname() == "+03"  # what zoneinfo calls it
    assert abbreviation(moment) == "UTC+3"
    assert clock_text(moment) == "21:45 UTC+3"
    label = clock_label(datetime.date(2023, 5, 22), "21:45", fixed, fixed)
    assert label is not None and label.shown == "21:45 UTC+3"
    london = zone_named("Europe/London")
    across = clock_label(datetime.date(2023, 5, 22), "19:45", london, fixed)
    assert across is not None and across.source_first == "19:45 BST (21:45 UTC+3)"
    half = datetime.datetime(
        2023, 5, 22, 9, 0, tzinfo=datetime.timezone(-datetime.timedelta(hours=3, minutes=30))
    )
    assert abbreviation(half) == "UTC-3:30"
    assert abbreviation(datetime.datetime(2023, 5, 22, tzinfo=zone_named("Europe/Moscow"))) == "MSK"


def test_zones_all_year_hold_the_offset_in_winter_and_summer():
    plus_two = zones_all_year(datetime.timedelta(hours=2), 2026)
    assert "Europe/Kyiv" not in plus_two  # UTC+3 in summer
    assert "Africa/Johannesburg" in plus_two


def test_a_live_blog_stamp_may_give_its_zone_as_an_offset():
    from generator.sources.entries import EntryOrder
    from generator.sources.text import clean_source_text

    raw = "Monday 22 May 2023\n\n21:45 UTC+3\nGunfire reported in Graivoron\n"
    text = clean_source_text(raw, "Live", [], EntryOrder("newest-first", TODAY))
    (entry,) = text.entries
    assert (entry.time, entry.abbr) == ("21:45", "UTC+3")
    assert [p.text for p in text.paragraphs] == ["Gunfire reported in Graivoron"]


def test_stamps_written_as_offsets_are_checked_against_the_zone(tmp_path, capsys):
    from test_second_story import fixture_project, run

    root = fixture_project(tmp_path)
    seed = root / "seeds" / "2023-10-15_evening-ledger-live.txt"
    text = seed.read_text(encoding="utf-8")
    # BST is UTC+1 in October 2023, before the clocks go back on the 29th.
    seed.write_text(text.replace("18:05 BST", "18:05 UTC+1"), encoding="utf-8")
    status, out = run(["--root", str(root), "check", "--strict"], capsys)
    assert status == 0, out
    seed.write_text(text.replace("18:05 BST", "18:05 UTC+3"), encoding="utf-8")
    status, out = run(["--root", str(root), "check"], capsys)
    assert "says UTC+3, but on 2023-10-15 Europe/London is BST" in out
