"""Cases of the bad-input corpus: quotes as a reader sees them (invisible characters, look-
alike apostrophes, superscripts), live blogs, local times, site_url.

Ids: `R-<id>` is the case of that id in the review of main at dd7a752
(../shared/reviews/reliability-2026-12-07.md); `N2-...` are new cases in the same families.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from pathlib import Path

from bad_inputs.kit import (
    SLUG,
    B,
    Case,
    append,
    cite_source,
    new_claim,
    new_event,
    new_statement,
    read,
    source_with_file,
    write,
)

# --- quotes ------------------------------------------------------------------------------

# A made-up report, so that no other source shares its words.
REPORT = [
    "Extra report",
    "A council meeting was held in the district on Monday morning.",
    "Officials said the sabotage group was closed in by guards near the old mill.",
]
QUOTE = "Officials said the sabotage group was closed in"


def quoted(source: list[str], quote: str) -> Callable[[Path], object]:
    """A source of these paragraphs, cited by the first event with `quote` (YAML text: a
    double-quoted value may spell characters as \\u escapes)."""

    def setup(root: Path) -> None:
        write(root, "seeds/extra.txt", "\n\n".join(source) + "\n")
        source_with_file(root, "extra.txt", cite=quote)

    return setup


def with_mark(mark: str, paragraph: int = 2) -> list[str]:
    """REPORT with `mark` inside "sabotage" in paragraph `paragraph` (0-based)."""
    marked = list(REPORT)
    marked[paragraph] = marked[paragraph].replace("sabotage", f"sabo{mark}tage")
    return marked


def cited_in(paragraph: int, source: str = "extra") -> Callable[[Path], str | None]:
    """The built data cite ¶`paragraph` of `source`: the quote found where it stands."""

    def verify(root: Path) -> str | None:
        events = json.loads(read(root, f"site/{SLUG}/data/events.json"))
        cited = [c["paragraph"] for e in events for c in e["citations"] if c["source"] == source]
        return None if cited == [paragraph] else f"{source} is cited in {cited}, not ¶{paragraph}"

    return verify


def with_line(words: str, source: str = "extra") -> Callable[[Path], str | None]:
    """The source's page shows `words`."""

    def verify(root: Path) -> str | None:
        page = read(root, f"site/{SLUG}/sources/{source}/index.html")
        return None if words in page else f"the page of {source} does not show {words!r}"

    return verify


NOT_FOUND = rf"{B}/events.yaml:\d+: citations\[0\]\.quote: not found in source 'extra': in ¶3, "
SEEN_THE_SAME = [
    ("R-U03", "a quote holding a soft hyphen", REPORT, '"Officials said the sabo\\u00adtage"'),
    ("R-U13", "a quote holding a word joiner", REPORT, '"Officials said the sabo\\u2060tage"'),
    ("R-U04", "a source holding a soft hyphen inside the quoted words", with_mark("\u00ad"), QUOTE),
    ("R-U05", "a source holding a zero-width space inside the words", with_mark("\u200b"), QUOTE),
    (
        "R-U07",
        "a source writing Kyiv's with U+02BC, the quote with U+2019",
        [*REPORT[:2], "Officials in Kyivʼs defence ministry said the group was closed in."],
        "Officials in Kyiv’s defence ministry said",
    ),
    (
        "N2-Q01",
        "a quote with a plain space where the source has a no-break space",
        [*REPORT[:2], "The governor said 12\u00a0homes near the old mill were damaged."],
        "The governor said 12 homes near the old mill",
    ),
    (
        "N2-Q02",
        "a source with full-width digits, the quote with plain ones",
        [*REPORT[:2], "The governor said １２ homes near the old mill were damaged."],
        "The governor said 12 homes near the old mill",
    ),
    (
        "N2-Q03",
        "a source with ligatures (as text taken from a PDF)",
        [*REPORT[:2], "Oﬃcials conﬁrmed that the mill was ﬂooded on Monday."],
        "Officials confirmed that the mill was flooded",
    ),
    (
        "N2-Q04",
        "a source with a combining accent, the quote with the accented letter",
        [*REPORT[:2], "The cafe\u0301 owner near the old mill said guards had come."],
        "The café owner near the old mill said",
    ),
    (
        "N2-Q05",
        "a source with a minus sign in a number, the quote with a hyphen",
        [*REPORT[:2], "Temperatures fell to \u22125 degrees near the old mill overnight."],
        "Temperatures fell to -5 degrees near the old mill",
    ),
    (
        "N2-Q06",
        "a quote across a line the source breaks with a soft hyphen",
        [*REPORT[:2], "Officials said the sabo\u00ad\ntage group was closed in by guards."],
        QUOTE,
    ),
]

QUOTE_CASES: list[Case] = [
    *(
        Case(
            case_id,
            "quotes",
            mistake,
            quoted(source, quote),
            outcome="ok",
            verify=cited_in(3),
        )
        for case_id, mistake, source, quote in SEEN_THE_SAME
    ),
    Case(
        "R-U08",
        "quotes",
        'a source with "12³" (a footnote mark), quoted as "123"',
        quoted(
            [*REPORT[:2], "Officials said 12³ people were killed near the old mill."],
            "Officials said 123 people were killed",
        ),
        NOT_FOUND
        + r'the quote has "3" \(U\+0033 DIGIT THREE\) after "said 12" where the source has "³" '
        r"\(U\+00B3 SUPERSCRIPT THREE\): write it as the source does",
    ),
    Case(
        "N2-Q07",
        "quotes",
        "a quote with a Cyrillic о in a Latin word",
        quoted(REPORT, "Officials said the sabotage grоup was closed in"),
        NOT_FOUND
        + r'the quote has "о" \(U\+043E CYRILLIC SMALL LETTER O\) after "the sabotage gr" where '
        r'the source has "o" \(U\+006F LATIN SMALL LETTER O\)',
    ),
    Case(
        "N2-Q08",
        "quotes",
        "a quote holding an invisible separator (not one comparing ignores)",
        quoted(REPORT, '"Officials said the sabo\\u2063tage group"'),
        NOT_FOUND
        + r'the quote holds U\+2063 INVISIBLE SEPARATOR after "said the sabo", where the source '
        r"has nothing: delete it",
    ),
    Case(
        "N2-Q09",
        "quotes",
        "a source holding a left-to-right mark the quote lacks",
        quoted(with_mark("\u200e"), QUOTE),
        NOT_FOUND
        + r'the source has U\+200E LEFT-TO-RIGHT MARK after "said the sabo", which the quote '
        r'lacks \(copy it from the source, or write "\\u200e" in a double-quoted YAML string\)',
    ),
    Case(
        "N2-Q10",
        "quotes",
        'a source with "1½" (a fraction), quoted as NFKC used to read it',
        quoted(
            [*REPORT[:2], "Officials said the fighting lasted 1½ hours near the old mill."],
            '"Officials said the fighting lasted 11\\u20442 hours"',
        ),
        NOT_FOUND + r'the quote has "1" \(U\+0031 DIGIT ONE\), "⁄" \(U\+2044 FRACTION SLASH\), '
        r'"2" \(U\+0032 DIGIT TWO\) after "lasted 1" where the source has "½" \(U\+00BD VULGAR '
        r"FRACTION ONE HALF\): write it as the source does",
    ),
    Case(
        "N2-Q11",
        "quotes",
        "a quote of twelve soft hyphens and a letter (it would match every paragraph)",
        quoted(REPORT, '"' + "\\u00ad" * 12 + 'a"'),
        rf"{B}/events.yaml:\d+: citations\[0\]\.quote: is too short to locate reliably; quote at "
        r"least 12 characters \(characters that do not show are not counted\)",
    ),
]

# --- times -------------------------------------------------------------------------------


def event_at(date: str, fields: dict[str, str]) -> Callable[[Path], object]:
    """An event on `date` with these fields (time, end_date, time_zone, ...)."""
    extra = "\n          ".join(f"{k}: {v}" for k, v in fields.items())
    return lambda root: append(root, f"{B}/events.yaml", new_event("timed", date, extra))


TIME_CASES: list[Case] = [
    Case(
        "N3-Z01",
        "times",
        "an event's time_zone written as the offset its source gives, UTC+3",
        event_at("2023-05-22", {"time": '"21:45"', "time_zone": "UTC+3"}),
        rf"{B}/events.yaml:\d+: time_zone: 'UTC\+3' is an offset from UTC, not a time zone; "
        r"write Etc/GMT-3, the fixed offset UTC\+3 \(its sign is inverted, as POSIX has it: "
        r"Etc/GMT-3 is 3 hours ahead of UTC\), or the zone of the place, .*Europe/Istanbul",
    ),
    Case(
        "R-T02",
        "times",
        "01:30 Europe/London on 2023-03-26, when the clocks went from 01:00 to 02:00",
        event_at("2023-03-26", {"time": '"01:30"', "time_zone": "Europe/London"}),
        rf"{B}/events.yaml:\d+: time: '01:30' does not exist on 2023-03-26 in Europe/London: the "
        r"clocks went forward from 01:00 GMT to 02:00 BST\. Check the time, the date and the "
        r"zone against the source; 01:30 GMT is 02:30 BST, so if the source means GMT, write "
        r'"02:30"',
    ),
    Case(
        "N2-T01",
        "times",
        "01:30 Europe/London on 2022-10-30, when the clocks went back from 02:00 to 01:00",
        event_at("2022-10-30", {"time": '"01:30"', "time_zone": "Europe/London"}),
        rf"{B}/events.yaml:\d+: warning: time: '01:30' happens twice on 2022-10-30 in "
        r"Europe/London \(the clocks went back from 02:00 BST to 01:00 GMT\): the first, 01:30 "
        r"BST \(UTC\+01:00\), is assumed\. To say which, give the record `time_zone: UTC` and "
        r'write its times in UTC: "00:30" for 01:30 BST, "01:30" for 01:30 GMT',
        outcome="warning",
    ),
    Case(
        "N2-T02",
        "times",
        "the ambiguous 01:30 GMT written in UTC, as the warning advises",
        event_at("2022-10-30", {"time": '"01:30"', "time_zone": "UTC"}),
        outcome="ok",
    ),
    Case(
        "N2-T03",
        "times",
        "a time zone name that does not exist",
        event_at("2023-05-22", {"time": '"09:30"', "time_zone": "Europe/Londn"}),
        rf"{B}/events.yaml:\d+: time_zone: 'Europe/Londn' is not a time zone zoneinfo knows "
        r"\(did you mean 'Europe/London'\?\)",
    ),
    Case(
        "N2-T04",
        "times",
        "an end_time the clocks skipped",
        event_at(
            "2023-03-25",
            {
                "time": '"22:00"',
                "end_date": "2023-03-26",
                "end_time": '"01:15"',
                "time_zone": "Europe/London",
            },
        ),
        rf"{B}/events.yaml:\d+: end_time: '01:15' does not exist on 2023-03-26 in Europe/London",
    ),
    Case(
        "N2-T05",
        "times",
        "a statement at 00:30 in Havana, whose clocks go forward at midnight",
        lambda r: append(
            r,
            f"{B}/statements.yaml",
            new_statement("havana").replace(
                "date: 2023-05-22",
                'date: 2023-03-12\n          time: "00:30"\n          time_zone: America/Havana',
            ),
        ),
        rf"{B}/statements.yaml:\d+: time: '00:30' does not exist on 2023-03-12 in "
        r"America/Havana: the clocks went forward from 00:00 CST to 01:00 CDT",
    ),
    Case(
        "N2-T06",
        "times",
        "a figure's as_of_time Berlin's clocks passed twice",
        lambda r: append(
            r,
            f"{B}/claims.yaml",
            new_claim("berlin-fold")
            .replace(
                "as_of: 2023-05-22",
                'as_of: 2023-05-22\n          as_of_time: "02:30"\n'
                "          time_zone: Europe/Berlin",
            )
            .replace("2023-05-22", "2023-10-29", 1),
        ),
        rf"{B}/claims.yaml:\d+: warning: as_of_time: '02:30' happens twice on 2023-10-29 in "
        r"Europe/Berlin",
        outcome="warning",
    ),
    Case(
        "N2-T07",
        "times",
        'a time written "24:00" in a fact sheet',
        event_at("2023-05-22", {"time": '"24:00"'}),
        rf"{B}/events.yaml:\d+: time: '24:00' is not valid: expected a 24-hour time such as "
        r"18:30 \(in quotes; midnight is 00:00, on the next day at a day's end\)",
    ),
]

# --- live blogs ------------------------------------------------------------------------------


def live_blog(
    lines: list[str],
    quote: str,
    *,
    order: str = "oldest-first",
    published: str = "2023-05-22",
    updated: str | None = None,
    zone: str = "Europe/London",
) -> Callable[[Path], object]:
    """A live blog of these lines (blank lines between), cited by the first event."""

    def setup(root: Path) -> None:
        write(root, "seeds/blog.txt", "\n\n".join(["Raid live", *lines]) + "\n")
        last = f"\n                updated: {updated}" if updated else ""
        append(
            root,
            f"{B}/sources.yaml",
            f"""\
            - id: blog
              file: blog.txt
              outlet: Blog Outlet
              title: Raid live
              published: {published}
              language: en
              timezone: {zone}
              live_blog:
                order: {order}{last}
            """,
        )
        cite_source(root, "blog", quote)

    return setup


BLOG = "seeds/blog.txt"
MIDNIGHT = "At midnight the governor said the raid was over"


def dated(days: list[str], order: str, first: str) -> Callable[[Path], str | None]:
    """The blog's entries are read on these days (the reader, run on the seed)."""

    def verify(root: Path) -> str | None:
        from generator.sources.entries import EntryOrder
        from generator.sources.text import clean_source_text

        first_day = datetime.date.fromisoformat(first)
        text = clean_source_text(read(root, BLOG), "Raid live", [], EntryOrder(order, first_day))
        read_days = [e.day.isoformat() for e in text.entries]
        return None if read_days == days else f"the entries are dated {read_days}, not {days}"

    return verify


LIVE_BLOG_CASES: list[Case] = [
    Case(
        "R-LB1",
        "live blogs",
        "a 24:00 BST entry line, the end of the day",
        live_blog(
            [
                "Monday 22 May 2023",
                "23:30 BST",
                "Fighting went on near the mill.",
                "24:00 BST",
                f"{MIDNIGHT}.",
            ],
            MIDNIGHT,
        ),
        outcome="ok",
        verify=with_line("Posted 23 May, 00:00 BST (02:00 MSK)", "blog"),
    ),
    Case(
        "R-LB4",
        "live blogs",
        "a newest-first blog updated 2024-01-01 with a '31 December' line",
        live_blog(
            [
                "10:00 GMT",
                "The new year began quietly.",
                "31 December",
                "23:00 GMT",
                f"{MIDNIGHT}.",
            ],
            MIDNIGHT,
            order="newest-first",
            published="2023-12-31",
            updated="2024-01-01",
        ),
        outcome="ok",
        verify=dated(["2024-01-01", "2023-12-31"], "newest-first", "2024-01-01"),
    ),
    Case(
        "R-LB5",
        "live blogs",
        "a 01:30 BST entry on 26 March 2023, when London's clocks skipped 01:00-02:00",
        live_blog(
            ["Sunday 26 March 2023", "01:30 BST", f"{MIDNIGHT}."], MIDNIGHT, published="2023-03-26"
        ),
        rf"^{BLOG}:5: entry time: 01:30 does not exist on 2023-03-26 in Europe/London: the clocks "
        r"went forward from 01:00 GMT to 02:00 BST, so no entry was posted at 01:30 that day\. "
        r"Check the day it falls on \(its day comes from the date line on line 3\) and the "
        r"source's `timezone`",
    ),
    Case(
        "R-LB7",
        "live blogs",
        "the date line 'Friday 22 May 2023' (a Monday)",
        live_blog(["Friday 22 May 2023", "09:30 BST", f"{MIDNIGHT}."], MIDNIGHT),
        rf"^{BLOG}:3: warning: entry date: 'Friday 22 May 2023': 22 May 2023 is a Monday, not a "
        r"Friday; the entries below are dated 22 May 2023, by the line's numbers",
        outcome="warning",
    ),
    Case(
        "R-LB9",
        "live blogs",
        "an entry dated 31 December 9999 in a 2023 blog",
        live_blog(["31 December 9999", "23:59 GMT", f"{MIDNIGHT}."], MIDNIGHT),
        rf"^{BLOG}:5: entry time: this entry is dated 31 December 9999, more than a year after the "
        r"blog's last day \(2023-05-22\), and is not placed in time: its day comes from the date "
        r"line on line 3",
    ),
    Case(
        "N2-LB01",
        "live blogs",
        "two date lines out of order in an oldest-first blog",
        live_blog(
            [
                "Monday 22 May 2023",
                "09:30 BST",
                "Morning.",
                "Sunday 21 May 2023",
                "10:00 BST",
                f"{MIDNIGHT}.",
            ],
            MIDNIGHT,
            published="2023-05-21",
        ),
        rf"^{BLOG}:9: warning: entry date: 'Sunday 21 May 2023' is before the date line above it "
        r"\('Monday 22 May 2023', line 3\) in an oldest-first live blog",
        outcome="warning",
    ),
    Case(
        "N2-LB02",
        "live blogs",
        "an entry dated before the blog's first day (`published`)",
        live_blog(["Sunday 21 May 2023", "10:00 BST", f"{MIDNIGHT}."], MIDNIGHT),
        rf"^{BLOG}:5: warning: entry time: this entry is dated 21 May 2023, before the blog was "
        r"published \(2023-05-22, its first entry's day\): its day comes from the date line on "
        r"line 3; check that line, and `published`",
        outcome="warning",
    ),
    Case(
        "N2-LB03",
        "live blogs",
        "an entry line '25:00 BST'",
        live_blog(
            ["Monday 22 May 2023", "09:30 BST", "Morning.", "25:00 BST", f"{MIDNIGHT}."], MIDNIGHT
        ),
        rf"^{BLOG}:9: entry time: '25:00 BST' is not a time of day: hours run from 00 to 23 and "
        r"minutes from 00 to 59",
    ),
    Case(
        "N2-LB04",
        "live blogs",
        "01:30 GMT on 29 October 2023, the second 01:30 as the clocks go back",
        live_blog(
            ["Sunday 29 October 2023", "01:30 GMT", f"{MIDNIGHT}."],
            MIDNIGHT,
            published="2023-10-29",
        ),
        outcome="ok",
        verify=with_line("Posted 29 Oct, 01:30 GMT (04:30 MSK)", "blog"),
    ),
    Case(
        "N2-LB05",
        "live blogs",
        "01:30 on 29 October 2023 with no abbreviation to say which",
        live_blog(
            ["Sunday 29 October 2023", "01:30", f"{MIDNIGHT}."], MIDNIGHT, published="2023-10-29"
        ),
        rf"^{BLOG}:5: warning: entry time: 01:30 happens twice on 2023-10-29 in Europe/London "
        r"\(the clocks went back from 02:00 BST to 01:00 GMT\) and the line names no zone "
        r"abbreviation: the first, 01:30 BST \(UTC\+01:00\), is assumed",
        outcome="warning",
    ),
    Case(
        "N2-LB06",
        "live blogs",
        "entries running back as the clocks go back: 01:50 BST, then 01:10 GMT",
        live_blog(
            [
                "Sunday 29 October 2023",
                "01:50 BST",
                "Before the change.",
                "01:10 GMT",
                f"{MIDNIGHT}.",
            ],
            MIDNIGHT,
            published="2023-10-29",
        ),
        outcome="ok",
        verify=with_line("Posted 29 Oct, 01:10 GMT (04:10 MSK)", "blog"),
    ),
    Case(
        "N2-LB07",
        "live blogs",
        "a date line that is no calendar date: 31 April 2023",
        live_blog(["31 April 2023", "09:30 BST", f"{MIDNIGHT}."], MIDNIGHT),
        rf"^{BLOG}:3: entry date: '31 April 2023' is not a real calendar date",
    ),
    Case(
        "N2-LB08",
        "live blogs",
        "an entry in EST in a blog whose zone is Europe/London",
        live_blog(["Monday 22 May 2023", "09:30 EST", f"{MIDNIGHT}."], MIDNIGHT),
        rf"^{BLOG}:5: warning: entry time: says EST, but on 2023-05-22 Europe/London is BST: check "
        r"the source's `timezone`",
        outcome="warning",
    ),
]

TEXT_CASES: list[Case] = QUOTE_CASES + TIME_CASES + LIVE_BLOG_CASES
