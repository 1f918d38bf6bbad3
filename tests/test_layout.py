"""Pages that work on a phone (390×844) and a desk (1366×900), in Chromium, on the shipped
briefing and the fictional one (tests/fixtures/brenmark): each timeline row's words and
mark on screen together, the casualty charts' figures on their first screen, no page that
scrolls sideways, tables as cards on a phone and never a column cut off on a desk, and the
briefing's period drawn hour by hour with its background apart (issue 27, items 6 and 8).

Set BRIEFING_BROWSER_REPORT to a folder to keep the phone and desk screenshots of the
timeline and casualty pages of both briefings.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import SHIPPED, mkdocs_build, require_tool
from playwright.sync_api import Browser, Page
from test_browser import AXE, REPORT, Reader, browser, built_pages, report_path, serve
from test_second_story import SLUG as FIXTURE
from test_second_story import fixture_project

__all__ = ["browser"]  # the fixture, shared with test_browser.py

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1366, "height": 900}


@dataclass(frozen=True)
class Site:
    url: str
    root: Path  # the built site
    slug: str  # its briefing

    def data(self, name: str) -> list[dict]:
        return json.loads((self.root / self.slug / "data" / name).read_text(encoding="utf-8"))

    def page(self, section: str) -> str:
        return f"{self.url}{self.slug}/{section}/"


@pytest.fixture(scope="module")
def sites(shipped_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    root = fixture_project(tmp_path_factory.mktemp("layout-fixture"))
    result = mkdocs_build(root / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    with ExitStack() as stack:
        yield {
            "shipped": Site(stack.enter_context(serve(shipped_site)), shipped_site, SHIPPED),
            "fixture": Site(stack.enter_context(serve(root / "site")), root / "site", FIXTURE),
        }


@pytest.fixture(params=["shipped", "fixture"])
def site(request: pytest.FixtureRequest, sites: dict) -> Site:
    return sites[request.param]


def _reader(browser: Browser, viewport: dict) -> Reader:
    phone = viewport["width"] < 600
    return Reader(
        browser.new_context(
            viewport=viewport,
            is_mobile=phone,
            has_touch=phone,
            device_scale_factor=2 if phone else 1,
        )
    )


@pytest.fixture
def phone(browser: Browser) -> Iterator[Reader]:
    reader = _reader(browser, PHONE)
    yield reader
    reader.context.close()


@pytest.fixture
def desk(browser: Browser) -> Iterator[Reader]:
    reader = _reader(browser, DESK)
    yield reader
    reader.context.close()


def _header_bottom(page: Page) -> float:
    return page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")


def _on_screen(page: Page, box: dict | None) -> bool:
    """Whether a bounding box lies wholly within the viewport, below the header."""
    size = page.viewport_size
    assert box is not None and size is not None
    return (
        box["x"] >= 0
        and box["x"] + box["width"] <= size["width"] + 0.5
        and _header_bottom(page) - 0.5 <= box["y"]
        and box["y"] + box["height"] <= size["height"] + 0.5
    )


def _scroll_below_header(page: Page, selector_or_handle) -> None:
    page.evaluate(
        """e => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY
            - document.querySelector('.md-header').getBoundingClientRect().bottom)""",
        selector_or_handle,
    )


def _keep(page: Page, name: str) -> None:
    if REPORT:
        page.screenshot(path=str(report_path(name)))


# ---------------------------------------------------------------------------------------
# Charts on a phone


def test_on_a_phone_each_timeline_row_shows_its_words_and_its_mark_together(phone, site):
    events = site.data("events.json")
    page = phone.open(site.page("timeline"))
    rows = page.locator(".briefing-timeline-chart a.briefing-chart-row")
    assert rows.count() == len(events)
    for i, event in enumerate(events):
        row = rows.nth(i)
        row.scroll_into_view_if_needed()
        label, mark = row.locator(".briefing-row-label"), row.locator(".briefing-mark")
        assert _on_screen(page, label.bounding_box()), event["id"]
        assert _on_screen(page, mark.bounding_box()), event["id"]
        # The words are whole: nothing cut off, in the row or beside it.
        assert event["title"] in label.inner_text()
        assert label.evaluate("e => e.scrollWidth <= e.clientWidth")
    _scroll_below_header(page, page.locator(".briefing-timeline-chart").element_handle())
    _keep(page, f"layout-{site.slug}-timeline-390.png")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    phone.assert_clean()


def test_on_a_phone_the_casualty_charts_show_their_figures_on_their_first_screen(phone, site):
    page = phone.open(site.page("casualties"))
    charts = page.locator(".briefing-casualty-chart")
    assert charts.count() >= 1
    for i in range(charts.count()):
        chart = charts.nth(i)
        _scroll_below_header(page, chart.element_handle())
        rows = chart.locator("a.briefing-chart-row")
        shown = [
            rows.nth(r) for r in range(rows.count()) if _on_screen(page, rows.nth(r).bounding_box())
        ]
        # The chart's first screen shows figures, each beside who gave it.
        assert shown, f"chart {i}: no whole row on its first screen"
        for row in shown:
            value = row.locator(".briefing-chart-value")
            assert value.inner_text().strip()
            # The figure is whole: never cut to "more than 1,…".
            assert value.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
            assert _on_screen(page, value.bounding_box())
            assert _on_screen(page, row.locator(".briefing-row-label").bounding_box())
            assert _on_screen(page, row.locator(".briefing-track").bounding_box())
        if i == 0:
            _keep(page, f"layout-{site.slug}-casualties-390.png")
    phone.assert_clean()


def test_search_leaves_the_charts_words_to_the_entries_they_repeat(sites):
    # The rows are text now: without Pagefind's attribute, every label, status and legend
    # word would be indexed a second time and shown in the results' excerpts.
    site = sites["shipped"]
    for section in ("timeline", "casualties"):
        html = (site.root / site.slug / section / "index.html").read_text(encoding="utf-8")
        figures = html.split('<figure class="briefing-figure"')[1:]
        assert figures, section
        assert all(f.startswith(" data-pagefind-ignore") for f in figures), section


# ---------------------------------------------------------------------------------------
# Every page, on a phone and on a desk

_TABLES = """() => [...document.querySelectorAll('article table')].map(table => {
    const box = table.closest('.md-typeset__scrollwrap') || table;
    const right = Math.min(table.getBoundingClientRect().right, box.getBoundingClientRect().right);
    const over = b => b.scrollWidth > b.clientWidth + 1;
    const note = box.previousElementSibling;
    return {
        heading: table.querySelector('th')?.textContent ?? '',
        scrolls: over(table) || over(box),
        says_so: !!note && note.classList.contains('briefing-scroll-note')
            && note.getBoundingClientRect().height > 0,
        cut: [...table.querySelectorAll('th, td')]
            .filter(c => c.getBoundingClientRect().width > 0)
            .filter(c => c.getBoundingClientRect().right > right + 1)
            .map(c => c.textContent.trim().slice(0, 40)),
    };
})"""


def _clipped_tables(page: Page) -> list[dict]:
    """Tables that cut a column off or scroll without saying so."""
    return [t for t in page.evaluate(_TABLES) if (t["scrolls"] or t["cut"]) and not t["says_so"]]


def test_on_a_phone_no_page_scrolls_sideways_and_no_table_hides_a_column(phone, site):
    page = phone.open(site.url)
    wide, clipped = {}, {}
    for path in built_pages(site.root):
        page.goto(site.url + path, wait_until="load")
        if (width := page.evaluate("document.scrollingElement.scrollWidth")) > PHONE["width"]:
            wide[path] = width
        if found := _clipped_tables(page):
            clipped[path] = found
    assert wide == {}
    assert clipped == {}
    phone.assert_clean()


def test_on_a_phone_a_figure_its_claimant_and_its_grade_are_on_one_card(phone, site):
    claims = site.data("claims.json")
    page = phone.open(site.page("casualties"))
    cards = page.locator("article table tbody tr")
    assert cards.count() == len(claims)
    # The figure, who gives it, and the grade.
    headings = page.locator("article table").first.locator("th").all_inner_texts()
    assert headings[:2] == ["Figure", "Claimant"] and "Credibility" in headings
    for i in range(cards.count()):
        card = cards.nth(i)
        card.scroll_into_view_if_needed()
        for column in ("Figure", "Claimant", "Credibility"):
            cell = card.locator(f"td[data-label='{column}']")
            assert cell.inner_text().strip(), (i, column)
            box = cell.bounding_box()
            assert box is not None and box["x"] >= 0
            assert box["x"] + box["width"] <= PHONE["width"], (i, column)
            # The heading is shown beside the cell, as the card's label.
            label = cell.evaluate("c => getComputedStyle(c, '::before').content")
            assert label == f'"{column}"'
    # Rows are cards, not a table squeezed into the column.
    table = page.locator("article table").first
    assert table.evaluate("t => getComputedStyle(t).display") == "block"
    assert table.evaluate("t => t.scrollWidth <= t.clientWidth")
    _keep(page, f"layout-{site.slug}-cards-390.png")
    phone.assert_clean()


def test_on_a_desk_no_table_cuts_a_column_off(desk, site):
    page = desk.open(site.url)
    clipped = {}
    for path in built_pages(site.root):
        page.goto(site.url + path, wait_until="load")
        if found := _clipped_tables(page):
            clipped[path] = found
        assert page.evaluate("document.scrollingElement.scrollWidth") <= DESK["width"], path
    assert clipped == {}
    page.goto(site.page("casualties"), wait_until="load")
    _keep(page, f"layout-{site.slug}-casualties-1366.png")
    desk.assert_clean()


def test_a_table_that_must_scroll_says_so(desk, sites):
    site = sites["shipped"]
    page = desk.open(site.page("casualties"))
    assert page.locator(".briefing-scroll-note").count() == 0
    # A table no column can hold: one word as wide as two screens.
    page.evaluate("""() => {
        const table = document.querySelector('article table');
        table.querySelector('td').textContent = 'x'.repeat(400);
        table.querySelector('td').style.overflowWrap = 'normal';
        window.dispatchEvent(new Event('resize'));
    }""")
    note = page.locator(".briefing-scroll-note")
    note.wait_for()
    assert note.count() == 1 and "scroll the table sideways" in note.inner_text()
    assert _clipped_tables(page) == []
    page.evaluate("""() => {
        document.querySelector('article table td').textContent = 'x';
        window.dispatchEvent(new Event('resize'));
    }""")
    note.wait_for(state="detached")
    desk.assert_clean()


# ---------------------------------------------------------------------------------------
# A timeline for the story


def _strips(page: Page) -> dict[str, list[str]]:
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll(
        '.briefing-timeline-chart .briefing-strip')].map(s => [
            [...s.classList].find(c => c.startsWith('briefing-strip-')).slice(15),
            [...s.querySelectorAll('a.briefing-chart-row')].map(a => a.hash.slice(1))]))""")


def test_the_period_is_drawn_hour_by_hour_and_the_background_apart(desk, sites):
    site = sites["shipped"]
    events = [e["id"] for e in site.data("events.json")]
    page = desk.open(site.page("timeline"))
    strips = _strips(page)
    # The list's order, cut where the period (22-23 May) begins: the background first.
    assert list(strips) == ["before", "period"]
    assert strips["before"] + strips["period"] == events
    assert strips["before"][0] == "crimea-2014" and strips["before"][-1] == "bakhmut-capture-claim"
    assert strips["period"][0] == "border-post-attack"
    period = page.locator(".briefing-strip-period")
    assert "22–23 May 2023, hour by hour" in period.locator(".briefing-strip-heading").inner_text()
    hours = period.locator(".briefing-chart-axis text").all_text_contents()
    assert {"22 May", "23 May", "06:00", "12:00", "18:00"} <= set(hours)

    def box(event_id: str) -> dict:
        found = page.locator(f"a.briefing-chart-row[href='#{event_id}'] .briefing-mark")
        result = found.bounding_box()
        assert result is not None
        return result

    # A day with no time is the whole day: half of a two-day period, drawn from midnight.
    day, evening = box("raid-begins"), box("counter-terrorist-regime")
    track = period.locator(".briefing-chart-axis .briefing-track").bounding_box()
    assert track is not None
    assert day["width"] == pytest.approx(track["width"] / 2, abs=3)
    assert day["x"] == pytest.approx(track["x"], abs=2)
    # The evening (18:00-22:00) is its hours, within the day.
    hour = track["width"] / 48
    assert evening["x"] == pytest.approx(track["x"] + 18 * hour, abs=2)
    assert evening["width"] == pytest.approx(4 * hour, abs=3)
    _keep(page, f"layout-{site.slug}-timeline-1366.png")
    desk.assert_clean()


def test_a_clock_time_is_a_dot_at_its_hour_on_the_fixtures_period(desk, sites):
    site = sites["fixture"]
    page = desk.open(site.page("timeline"))
    assert list(_strips(page)) == ["period"]  # no background in the fictional story
    period = page.locator(".briefing-strip-period")
    track = period.locator(".briefing-chart-axis .briefing-track").bounding_box()
    dot = page.locator("a.briefing-chart-row[href='#brenmark-shelling'] circle.briefing-mark")
    center = dot.bounding_box()
    assert track is not None and center is not None
    # 21:40 on the first of three days.
    expected = track["x"] + track["width"] * (21 + 40 / 60) / 72
    assert center["x"] + center["width"] / 2 == pytest.approx(expected, abs=2)
    desk.assert_clean()


def test_around_and_denied_do_not_share_a_style(desk, site):
    page = desk.open(site.page("timeline"))
    dashes = page.evaluate("""() => [...document.querySelectorAll(
        '.briefing-timeline-chart .briefing-mark')].map(m => [
            m.getAttribute('class'), getComputedStyle(m).strokeDasharray])""")
    around = [d for c, d in dashes if "briefing-approximate" in c and "status-denied" not in c]
    denied = [d for c, d in dashes if "status-denied" in c]
    assert around and denied  # the legend shows "denied" where the data has none
    assert set(around) == {"none"}
    assert "none" not in denied
    desk.assert_clean()


@pytest.mark.parametrize("viewport", [PHONE, DESK], ids=["phone", "desk"])
def test_axe_finds_nothing_on_the_charts_and_tables(browser, site, viewport):
    axe = require_tool(AXE, "run `make test` (it runs `npm ci`)")
    reader = _reader(browser, viewport)
    found = {}
    for section in ("timeline", "casualties"):
        page = reader.open(site.page(section))
        # Evaluated by the browser's debugger: the page's policy refuses an added script.
        page.evaluate(axe.read_text(encoding="utf-8"))
        violations = page.evaluate("""async () => (await axe.run(document)).violations
            .map(v => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0].target}`)""")
        if violations:
            found[section] = violations
        page.close()
    assert found == {}
    reader.assert_clean()
    reader.context.close()
