"""A second, fictional briefing (tests/fixtures/brenmark): times and zones, a live blog,
ranges, a translation that gets a figure wrong, and updated and conflicting death tolls,
built with the plugin and read back from the HTML."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_build

from generator.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "brenmark"
SLUG = "brenmark-2023-10"


def fixture_project(root: Path) -> Path:
    """The fictional briefing alone, with this repository's docs and mkdocs.yml."""
    shutil.copytree(FIXTURE / "briefings", root / "briefings")
    shutil.copytree(FIXTURE / "seeds", root / "seeds")
    shutil.copytree(ROOT / "docs", root / "docs")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = fixture_project(tmp_path_factory.mktemp("brenmark"))
    result = mkdocs_build(root / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    assert "WARNING -" not in result.stderr
    return root / "site" / SLUG


class _Text(HTMLParser):
    """The text of elements matching a tag (and class), in document order."""

    def __init__(self, tag: str, cls: str | None = None) -> None:
        super().__init__()
        self.tag, self.cls = tag, cls
        self.found: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self.depth:
            self.depth += tag == self.tag
        elif tag == self.tag and (self.cls is None or self.cls in classes):
            self.depth = 1
            self.found.append("")

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag == self.tag:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.found[-1] += data


def texts(html: str, tag: str, cls: str | None = None) -> list[str]:
    parser = _Text(tag, cls)
    parser.feed(html)
    return [" ".join(t.split()) for t in parser.found]


def page(site: Path, name: str) -> str:
    return (site / name / "index.html").read_text(encoding="utf-8")


TIMELINE = [
    "13 October 2023: Dravenia closes its border crossings with Karsland",
    "13 October 2023: The bridge at St. Brena is destroyed",
    "13 October 2023, 21:40 EEST: Artillery fire hits Brenmark",
    "around 14 October 2023: Residents report more Karsland artillery near the border",
    "14 October 2023, morning – 15 October 2023, evening: Residents of Brenmark are taken "
    "to Halden",
    "14 October 2023, 11:30 EEST: The governor gives the first death toll at a press conference",
]


def test_the_timeline_lists_events_by_one_rule_with_their_times_and_zone(site):
    headings = [h.rstrip("¶").strip() for h in texts(page(site, "timeline"), "h2")]
    assert headings == TIMELINE


def test_the_chart_draws_rows_in_the_list_order_where_the_rule_places_them(site):
    html = page(site, "timeline")
    labels = texts(html, "span", "briefing-row-label")
    assert [label.split(" · ")[0] for label in labels] == [
        "13 Oct",
        "13 Oct",
        "13 Oct, 21:40 EEST",
        "around 14 Oct",
        "14 Oct, morning – 15 Oct, evening",
        "14 Oct, 11:30 EEST",
    ]
    rows = re.findall(r'<a class="briefing-chart-row".*?</a>', html, re.S)
    assert len(rows) == 6

    def start(row: str) -> float:
        shape = re.search(r'<(?:circle|rect) class="briefing-mark[^"]*" (?:cx|x)="([\d.]+)%"', row)
        assert shape is not None, row
        return float(shape.group(1))

    starts = [start(r) for r in rows]
    # The list's order is the chart's: each row starts no earlier than the one above.
    assert starts == sorted(starts)
    # An untimed day is a bar across the day; a clock time a dot.
    assert '<rect class="briefing-mark' in rows[0] and "<circle" in rows[2]
    # "around 14 Oct" stands on the 14th, after the shelling on the 13th, with a whisker
    # over the days it may stand for.
    assert starts[3] > starts[2]
    assert 'class="briefing-around"' in rows[3] and "briefing-approximate" in rows[3]


def test_a_time_in_another_zone_is_shown_converted_with_the_time_as_written(site):
    html = page(site, "timeline")
    assert "as the source writes it: 09:30 BST" in html
    statements = texts(page(site, "statements"), "h2")
    assert any(
        h.startswith("14 October 2023, 18:40 EEST: Karsland defence ministry") for h in statements
    )


def test_live_blog_entries_carry_their_times_into_the_page_and_every_quote(site):
    html = page(site, "sources/ledger-live")
    entries = texts(html, "p", "briefing-entry-time")
    assert entries == [
        "Posted 15 Oct, 18:05 BST (20:05 EEST)",
        "Posted 15 Oct, 11:20 BST (13:20 EEST)",
        "Posted 14 Oct, 16:40 BST (18:40 EEST)",
        "Posted 14 Oct, 09:30 BST (11:30 EEST)",
    ]
    assert "last updated 15 October 2023, 18:05 BST (20:05 EEST)" in html
    # The key-events list is hidden, the same headline in the 18:05 entry is not.
    hidden = page(site, "sources/ledger-live").split('id="hidden-from-display"')[1]
    assert hidden.count("Death toll in Brenmark rises to 14, governor says") == 1
    assert "¶5</a>" in html or 'href="#p5"' in html
    casualties = page(site, "casualties")
    assert "(live-blog entry posted 14 Oct, 16:40 BST (18:40 EEST))" in casualties


def test_verdicts_show_the_update_the_conflict_and_the_erratum(site):
    html = page(site, "casualties")
    assert "update over time" in html and "conflict" in html
    killed = html.split('id="oster-killed-6"')[1].split("</table>")[0]
    assert "11:30 EEST (09:30 BST as written)" in killed
    assert "erratum" in html
    # The hidden headline is cited deliberately, and linked to the hidden-text list.
    assert "sources/nordpost/#hidden-1" in html
    assert "Nordpost ¶1, hidden text" in html


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(args)
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def edited(tmp_path: Path, sheet: str, old: str, new: str) -> Path:
    root = fixture_project(tmp_path)
    path = root / "briefings" / SLUG / sheet
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


def test_the_fixture_checks_clean(tmp_path, capsys):
    status, out = run(["--root", str(fixture_project(tmp_path)), "check", "--strict"], capsys)
    assert status == 0, out


@pytest.mark.parametrize(
    ("sheet", "old", "new", "expected"),
    [
        (
            "briefing.yaml",
            "timezone: Europe/Helsinki",
            "timezone: EEST",
            "briefing.yaml:15: timezone: 'EEST' is not a time zone zoneinfo knows",
        ),
        (
            "briefing.yaml",
            "timezone: Europe/Helsinki\n",
            "",
            "events.yaml:16: time: '21:40' has no time zone: add `timezone: Area/City` to "
            "briefing.yaml, with the IANA name of the zone the briefing's times are in",
        ),
        (
            "events.yaml",
            "  time: morning\n  end_date: 2023-10-15",
            "  time: morning\n  precision: approximate\n  end_date: 2023-10-15",
            "events.yaml:64: end_date: a range needs a start dated to the day",
        ),
        (
            "sources.yaml",
            "rises to 14, governor says\n      reason: key events list\n      paragraph: 3\n",
            "rises to 14, governor says\n      reason: key events list\n",
            "hides lines in 2 paragraphs (¶3, ¶5); if only one is site furniture, add "
            "`paragraph: 3`",
        ),
        (
            "claims.yaml",
            "      says: Six\n      hidden: true\n",
            "      says: Six\n",
            "is in text hidden from display (¶1, hidden as 'headline (shown as the source's "
            "Title)') in source 'nordpost': to cite hidden text deliberately, add `hidden: true`",
        ),
        (
            "sources.yaml",
            "    order: newest-first",
            "    order: oldest-first",
            "the entry at 11:20 is earlier than the one above it (18:05, line 11) in an "
            "oldest-first live blog",
        ),
        (
            "sources.yaml",
            "  timezone: Europe/London\n",
            "  timezone: Europe/Kyiv\n",
            "says BST, but on 2023-10-15 Europe/Kyiv is EEST",
        ),
    ],
    ids=[
        "abbreviation-is-not-a-zone",
        "clock-time-without-zone",
        "range-from-a-vague-date",
        "strip-rule-hides-two-places",
        "quote-from-hidden-text",
        "live-blog-out-of-order",
        "wrong-zone-abbreviation",
    ],
)
def test_time_and_live_blog_mistakes_are_reported_in_editor_words(
    tmp_path, capsys, sheet, old, new, expected
):
    root = edited(tmp_path, sheet, old, new)
    status, out = run(["--root", str(root), "check", "--strict"], capsys)
    assert status == 1
    assert expected in out, out


def test_a_count_since_a_season_and_a_figure_given_before_a_date_have_their_forms(site):
    html = page(site, "casualties")
    group = html.split('id="brenmark-shelling--wounded--unspecified--people-from-the-border-')[1]
    assert "cannot be ordered" in group.split("</table>")[0]
    assert "gives 31 (before 14 October) and 45 (14 October)" in html
    # A count since the spring is of another scope than the day's wounded: not compared.
    assert "Not compared with" in html
