import datetime
import textwrap

import pytest

from generator.factsheets.dates import date_range, format_day
from generator.factsheets.model import CasualtyClaim, CountRange, Event, Source, StripRule
from generator.factsheets.reader import RecordReader
from generator.factsheets.yaml_nodes import parse_yaml


def read(cls, text):
    node, problems = parse_yaml(textwrap.dedent(text))
    assert problems == []
    reader = RecordReader("f.yaml")
    return reader.read_record(cls, node), [str(p) for p in reader.problems]


CLAIM = """\
    id: c1
    claimant: gladkov
    as_of: 2023-05-22
    incident: raid
    category: wounded
    group: civilians
    count: {count}
    citations:
      - source: guardian
        quote: eight people were wounded
    """


@pytest.mark.parametrize(
    ("count", "expected", "bounds"),
    [
        ("8", 8, (8, 8)),
        ("0", 0, (0, 0)),
        ("{min: 8, max: 12}", CountRange(8, 12), (8, 12)),
        ("unknown", "unknown", (None, None)),
    ],
)
def test_count_is_a_number_a_range_or_unknown(count, expected, bounds):
    claim, problems = read(CasualtyClaim, CLAIM.format(count=count))
    assert problems == []
    assert claim.count == expected
    assert claim.bounds == bounds


def test_qualifier_sets_bounds():
    claim, _ = read(CasualtyClaim, CLAIM.format(count="12") + "qualifier: at least\n")
    assert claim.bounds == (12, None)


def test_count_errors_say_what_fits():
    claim, problems = read(CasualtyClaim, CLAIM.format(count="'8'"))
    assert claim is None
    assert problems == [
        "f.yaml:7: count: expected a whole number, a mapping with min/max or 'unknown', found '8'"
    ]


def test_unknown_and_missing_fields_and_bad_enums_are_all_reported():
    text = """\
        id: Bad_Id
        title: t
        date: 2023-05
        summry: typo
        status: claimd
        citations: []
        """
    event, problems = read(Event, text)
    assert event is None
    assert problems == [
        "f.yaml:4: summry: unknown field (did you mean 'summary'?); the fields are: id, title, "
        "date, summary, status, citations, precision, date_phrase, time, end_date, end_time, "
        "time_zone, places, actors, "
        "claimed_by, denied_by, confirmed_by, assertions, independent, credibility",
        "f.yaml:1: id: 'Bad_Id' is not valid: expected an id of lowercase letters, digits and "
        "single hyphens, e.g. 'freedom-of-russia-legion'",
        "f.yaml:1: summary: missing; add it (text)",
        "f.yaml:5: status: 'claimd' is not allowed (did you mean 'claimed'?); use one of: "
        "reported, claimed, confirmed, denied, disputed",
        "f.yaml:6: citations: must not be empty",
    ]


def test_norway_and_version_numbers_stay_text_booleans_only_true_false():
    text = """\
        id: s
        file: a.txt
        outlet: NO
        title: 1.10
        published: 2023-05-22
        language: en
        translation: yes
        """
    source, problems = read(Source, text)
    assert problems == ["f.yaml:7: translation: 'yes' is not true or false; write true or false"]
    source, problems = read(Source, text.replace("translation: yes", "translation: false"))
    assert problems == []
    assert (source.outlet, source.title, source.translation) == ("NO", "1.10", False)
    assert source.published == datetime.date(2023, 5, 22)


def test_status_needs_the_actors_who_claim_and_deny():
    text = """\
        id: e
        title: t
        date: 2023-05-22
        summary: s
        status: disputed
        claimed_by: [a]
        citations:
          - source: s
            quote: a long enough quote
        """
    _, problems = read(Event, text)
    assert problems == [
        "f.yaml:5: status: is 'disputed' but denied_by is empty; list the actors in denied_by"
    ]


@pytest.mark.parametrize(
    ("text", "precision", "start", "end", "label"),
    [
        ("2023-05-22", "day", "2023-05-22", "2023-05-22", "22 May 2023"),
        ("2023-05-22", "approximate", "2023-05-21", "2023-05-23", "around 22 May 2023"),
        ("2023-05", "early-month", "2023-05-01", "2023-05-10", "early May 2023"),
        ("2023-05", "mid-month", "2023-05-11", "2023-05-20", "mid-May 2023"),
        ("2023-02", "late-month", "2023-02-21", "2023-02-28", "late February 2023"),
        ("2023-05", "month", "2023-05-01", "2023-05-31", "May 2023"),
        ("2023", "year", "2023-01-01", "2023-12-31", "2023"),
    ],
)
def test_date_precision_is_a_range_with_an_honest_label(text, precision, start, end, label):
    when = date_range(text, precision)
    assert (when.start.isoformat(), when.end.isoformat(), when.label) == (start, end, label)


@pytest.mark.parametrize(
    ("text", "precision", "message"),
    [
        ("2023-05", "day", "precision 'day' needs a date written YYYY-MM-DD, not '2023-05'"),
        ("2023-05-22", "month", "precision 'month' needs a date written YYYY-MM, not '2023-05-22'"),
        ("2023-02-30", "day", "'2023-02-30' is not a real calendar date"),
        ("2023-13", "month", "'2023-13' has no month 13"),
    ],
)
def test_date_and_precision_must_agree(text, precision, message):
    with pytest.raises(ValueError, match=message):
        date_range(text, precision)


@pytest.mark.parametrize(
    "text, ok",
    [
        ("reason: menu line\ntext: Share this article\n", True),
        ("reason: menu line\nstarts_with: 'Read more:'\n", True),
        ("reason: menu line\n", False),
        ("reason: menu line\ntext: Share\nstarts_with: Share\n", False),
    ],
)
def test_a_strip_rule_gives_exactly_one_of_text_or_starts_with(text, ok):
    _, problems = read(StripRule, text)
    if ok:
        assert problems == []
    else:
        assert problems == [
            "f.yaml:1: reason: give exactly one of 'text' (the whole line) or 'starts_with'"
        ]


@pytest.mark.parametrize(
    "day, kwargs, text",
    [
        (datetime.date(2023, 5, 2), {}, "2 May 2023"),
        (datetime.date(2023, 9, 22), {"year": False}, "22 September"),
        (datetime.date(2023, 9, 2), {"year": False, "short_month": True}, "2 Sep"),
    ],
)
def test_a_day_is_written_without_a_leading_zero_in_english(day, kwargs, text):
    assert format_day(day, **kwargs) == text


def test_a_day_is_written_in_english_whatever_the_locale(monkeypatch):
    # calendar.month_name follows LC_TIME; the pages are English whatever the machine's.
    import calendar

    monkeypatch.setattr(calendar, "month_name", ["", *["Mai"] * 12])
    monkeypatch.setattr(calendar, "month_abbr", ["", *["Mai"] * 12])
    assert format_day(datetime.date(2023, 5, 22)) == "22 May 2023"
    assert date_range("2023-05", "late-month").label == "late May 2023"


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        # By meaning: spelling alone would suggest the opposite.
        ("no more than", " (did you mean 'at most'?)"),
        ("Not less than", " (did you mean 'at least'?)"),
        ("approximately", " (did you mean 'about'?)"),
        # By spelling, for a slip of the keyboard.
        ("at lest", " (did you mean 'at least'?)"),
        # Never a suggestion that drops the word that reverses the meaning.
        ("not exactly", ""),
    ],
)
def test_a_qualifier_is_suggested_by_what_it_means(written, hint):
    text = CLAIM.format(count="8").replace(
        "    citations:", f"    qualifier: {written}\n    citations:"
    )
    claim, problems = read(CasualtyClaim, text)
    assert claim is None
    assert problems == [
        f"f.yaml:8: qualifier: '{written}' is not allowed{hint}; use one of: exactly, at "
        "least, more than, at most, up to, fewer than, about"
    ]
