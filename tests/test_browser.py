"""The reader's site in a real browser: Debian's Chromium driven by Playwright, against the
built site served on 127.0.0.1.

Every request a page makes is routed through `Reader`, which lets only 127.0.0.1 through
and records the rest, with console errors, failed requests, dialogs and what the pages'
Content-Security-Policy blocked. Under CI a missing
Chromium or axe-core fails these tests instead of skipping them (conftest.require_tool).

Set BRIEFING_BROWSER_REPORT to a folder to keep, for review: the phone-width screenshots,
the axe results per page type and scheme, and the first search results for each name.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import (
    NODE_BIN,
    ROOT,
    SHIPPED,
    copy_site_inputs,
    hostile_project,
    mkdocs_build,
    require_tool,
)
from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright

CHROMIUM = Path(os.environ.get("BRIEFING_CHROMIUM", "/usr/bin/chromium"))
REPORT = os.environ.get("BRIEFING_BROWSER_REPORT")
AXE = NODE_BIN.parent / "axe-core/axe.min.js"

# One page of each kind the generator writes, plus the hand-written guide.
PAGE_TYPES = {
    "home": "",
    "overview": f"{SHIPPED}/",
    "actors": f"{SHIPPED}/actors/",
    "actor": f"{SHIPPED}/actors/freedom-of-russia-legion/",
    "places": f"{SHIPPED}/places/",
    "place": f"{SHIPPED}/places/graivoron/",
    "timeline": f"{SHIPPED}/timeline/",
    "casualties": f"{SHIPPED}/casualties/",
    "statements": f"{SHIPPED}/statements/",
    "sources": f"{SHIPPED}/sources/",
    "source": f"{SHIPPED}/sources/guardian/",
    "compare": f"{SHIPPED}/compare/",
    "data": f"{SHIPPED}/data/",
    "guide": "editing-this-briefing/",
    "how to read": "how-to-read/",
}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """The folder served over HTTP on 127.0.0.1, on a free port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


# Reports each thing the page's Content-Security-Policy blocks to the test (an exposed
# function is not script the page's policy governs).
_REPORT_VIOLATIONS = """document.addEventListener("securitypolicyviolation", e => {
    window.__briefingViolation(`${e.effectiveDirective} ${e.blockedURI}`);
});"""
_POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')
_FALLBACK_TAG = re.compile(r'<script src="[^"]*/resize-observer\.js"></script>')


def without_policy(html: str) -> str:
    """A page as it would be without the site's policy: what the policy's tests would see
    if it failed."""
    return _POLICY_META.sub("", html)


def without_policy_or_fallback(html: str) -> str:
    """A page without the policy and without our ResizeObserver fallback."""
    return _FALLBACK_TAG.sub("", without_policy(html))


@dataclass
class Reader:
    """A browser context that records what a reader's browser would do wrong."""

    context: BrowserContext
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.context.route("**/*", self._only_local)
        self.context.on("page", self._watch)
        self.context.expose_function("__briefingViolation", self._blocked)
        self.context.add_init_script(_REPORT_VIOLATIONS)

    def _blocked(self, what: str) -> None:
        self.violations.append(what)

    def _only_local(self, route: Route) -> None:
        url = route.request.url
        if urlsplit(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def _watch(self, page: Page) -> None:
        page.on(
            "console",
            lambda m: m.type == "error" and self.console_errors.append(f"{page.url}: {m.text}"),
        )
        page.on("pageerror", lambda e: self.console_errors.append(f"{page.url}: {e}"))
        # ERR_ABORTED is the browser cancelling a page's requests when it navigates on;
        # a missing file shows as an HTTP status below.
        page.on(
            "requestfailed",
            lambda r: (
                r.failure != "net::ERR_ABORTED" and self.failed.append(f"{r.url}: {r.failure}")
            ),
        )
        page.on(
            "response",
            lambda r: r.status >= 400 and self.failed.append(f"{r.url}: HTTP {r.status}"),
        )

        def dismiss(dialog) -> None:
            self.dialogs.append(f"{page.url}: {dialog.type} {dialog.message}")
            dialog.dismiss()

        page.on("dialog", dismiss)

    def open(self, url: str, rewrite: Callable[[str], str] | None = None) -> Page:
        """A new tab showing `url`; `rewrite` changes each page of the site it loads."""
        page = self.context.new_page()
        if rewrite is not None:

            def rewritten(route: Route) -> None:
                if route.request.resource_type != "document":
                    route.fallback()  # to _only_local
                    return
                response = route.fetch()
                route.fulfill(response=response, body=rewrite(response.text()))

            page.route("http://127.0.0.1:*/**", rewritten)
        page.goto(url, wait_until="load")
        return page

    def assert_clean(self) -> None:
        assert self.console_errors == []
        assert self.failed == []
        assert self.foreign == []
        assert self.dialogs == []
        assert self.violations == []


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    chromium = require_tool(
        CHROMIUM,
        "install it with `apt-get install chromium` (.ci/run "
        "does), or set BRIEFING_CHROMIUM to a Chromium build",
    )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium))
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def site_url(shipped_site: Path) -> Iterator[str]:
    with serve(shipped_site) as url:
        yield url


@pytest.fixture
def reader(browser: Browser) -> Iterator[Reader]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield Reader(context)
    context.close()


def built_pages(site: Path) -> list[str]:
    """Every page's path under the site root, as PAGE_TYPES writes them ("" for home)."""
    folders = (p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    return sorted("" if f == "." else f + "/" for f in folders)


def report_path(name: str) -> Path:
    assert REPORT
    Path(REPORT).mkdir(parents=True, exist_ok=True)
    return Path(REPORT) / name


def data(site: Path, name: str) -> list[dict]:
    return json.loads((site / SHIPPED / "data" / name).read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------
# Every page


def test_every_page_loads_with_no_error_and_no_request_off_127_0_0_1(
    reader, site_url, shipped_site
):
    pages = built_pages(shipped_site)
    entities = sum(
        len(data(shipped_site, f)) for f in ("actors.json", "places.json", "sources.json")
    )
    # Home, the reader's guide, two editors' guides, the briefing's ten section pages
    # (Changes included) and a page per entity.
    assert len(pages) == 4 + 10 + entities
    page = reader.open(site_url)
    for i, path in enumerate(pages):
        page.goto(site_url + path, wait_until="load")
        if i == 0:
            # A search loads the index's files: do one, so a failed or foreign request
            # there is seen.
            assert search(page, "Gladkov")
        assert page.locator("article.md-content__inner h1").count() == 1, path
    reader.assert_clean()


def test_the_reader_would_see_a_foreign_request_a_console_error_and_a_dialog(reader, site_url):
    # Without the site's policy, which blocks the request before the network.
    page = reader.open(site_url, rewrite=without_policy)
    page.evaluate("""() => {
        fetch('https://fonts.example.com/font.woff2').catch(() => {});
        console.error('boom');
        alert('hi');
    }""")
    page.wait_for_timeout(200)
    assert reader.foreign == ["https://fonts.example.com/font.woff2"]
    assert any("boom" in e for e in reader.console_errors)
    assert reader.dialogs and "hi" in reader.dialogs[0]
    with pytest.raises(AssertionError):
        reader.assert_clean()


def test_the_reader_would_see_what_the_policy_blocks(reader, site_url):
    page = reader.open(site_url)
    page.evaluate("() => fetch('https://fonts.example.com/font.woff2').catch(() => {})")
    page.wait_for_function("() => true")  # one round trip: the report has arrived
    page.wait_for_timeout(200)
    assert reader.foreign == []  # blocked before the network
    assert reader.violations == ["connect-src https://fonts.example.com/font.woff2"]


def test_the_page_types_cover_every_kind_of_generated_page(shipped_site):
    pages = set(built_pages(shipped_site))
    assert set(PAGE_TYPES.values()) <= pages


# ---------------------------------------------------------------------------------------
# The Content-Security-Policy (generator/render/policy.py)

# Material's bundle, which fetches from unpkg.com what the browser lacks.
BUNDLE = re.compile(r'<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js">')
# Scripts a browser runs, as opposed to data blocks such as Material's __config.
_RUN_TYPES = {None, "", "text/javascript", "module"}


class _Head(HTMLParser):
    """The elements of a page's head in order, and its inline scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.head: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._where = "before"
        self._script: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "head":
            self._where = "head"
        elif self._where == "head":
            self.head.append((tag, values))
        if tag == "script" and "src" not in values and values.get("type") in _RUN_TYPES:
            self._script = []

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "head":
            self._where = "after"
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None


def test_every_page_carries_the_policy_first_and_sends_no_referrer(shipped_site):
    pages = sorted(shipped_site.rglob("*.html"))
    assert len(pages) == len(built_pages(shipped_site)) + 1  # and 404.html
    for path in pages:
        html = path.read_text(encoding="utf-8")
        parsed = _Head()
        parsed.feed(html)
        (tag, csp), (second, referrer) = parsed.head[:2]
        where = path.relative_to(shipped_site).as_posix()
        assert (tag, csp["http-equiv"]) == ("meta", "Content-Security-Policy"), where
        assert (second, referrer) == (
            "meta",
            {"name": "referrer", "content": "no-referrer"},
        ), where
        directives = dict(d.strip().split(" ", 1) for d in csp["content"].split(";"))
        hashes = [
            "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
            for s in parsed.scripts
        ]
        assert len(hashes) == 3, where  # Material's three inline scripts
        assert directives == {
            "default-src": "'self'",
            "script-src": " ".join(["'self' 'wasm-unsafe-eval'", *hashes]),
            "style-src": "'self'",
            "img-src": "'self' data:",
            "font-src": "'self'",
            "connect-src": "'self'",
            "object-src": "'none'",
            "base-uri": "'self'",
            "form-action": "'none'",
        }, where
        # The character set is still declared where browsers look for it.
        assert b'<meta charset="utf-8">' in html.encode()[:1024], where
        # Our ResizeObserver fallback is defined before Material's bundle looks for one.
        fallback = _FALLBACK_TAG.search(html)
        bundle = BUNDLE.search(html)
        assert fallback and bundle and fallback.start() < bundle.start(), where


# The pages test (b) and (c) open: Material measures their header, sidebars and tables.
OLD_BROWSER_PAGES = ["overview", "timeline", "casualties"]
NO_RESIZE_OBSERVER = "delete window.ResizeObserver;"
# A diagram appears before Material's bundle looks for one (its listener comes after ours).
MERMAID = """document.addEventListener("DOMContentLoaded", () => {
    const diagram = document.createElement("pre");
    diagram.className = "mermaid";
    diagram.textContent = "graph LR; A --> B";
    document.querySelector("article")?.append(diagram);
});"""
UNPKG_POLYFILL = "https://unpkg.com/resize-observer-polyfill"
UNPKG_MERMAID = "https://unpkg.com/mermaid@11/dist/mermaid.min.js"


@pytest.fixture
def old_browser(browser: Browser) -> Iterator[Reader]:
    """A reader whose browser has no ResizeObserver (Safari before 13.1, say)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(NO_RESIZE_OBSERVER)
    yield Reader(context)
    context.close()


@pytest.mark.parametrize("name", OLD_BROWSER_PAGES)
def test_without_resize_observer_a_page_works_and_asks_nothing_of_another_origin(
    old_browser, site_url, name
):
    page = old_browser.open(site_url + PAGE_TYPES[name])
    # Ours, not the browser's (which was deleted) nor unpkg's.
    assert page.evaluate("() => String(window.ResizeObserver)").startswith(
        "function ResizeObserver(callback)"
    )
    assert page.locator(".md-header").is_visible()
    assert page.locator(".md-sidebar--primary .md-nav__link").first.is_visible()
    assert page.locator("article h1").is_visible()
    if name != "timeline":
        assert page.locator("article table").first.is_visible()
    assert search(page, "Gladkov")
    page.keyboard.press("Escape")
    # It reports a size that changes with the window, once observed and on each resize.
    page.evaluate("""() => {
        window.__sizes = [];
        new ResizeObserver(entries => entries.forEach(e => __sizes.push(e.contentRect.width)))
            .observe(document.querySelector(".md-main"));
    }""")
    page.wait_for_function("() => __sizes.length === 1")
    page.set_viewport_size({"width": 700, "height": 900})
    page.wait_for_function("() => __sizes.length === 2")
    wide, narrow = page.evaluate("() => __sizes")
    assert narrow < wide
    old_browser.assert_clean()  # no request elsewhere, no error, nothing blocked


def test_control_without_the_policy_and_our_fallback_material_asks_unpkg(old_browser, site_url):
    """What the test above would see if the fallback and the policy were gone."""
    old_browser.open(site_url + PAGE_TYPES["timeline"], rewrite=without_policy_or_fallback)
    assert old_browser.foreign == [UNPKG_POLYFILL]


@pytest.mark.parametrize("name", OLD_BROWSER_PAGES)
def test_a_diagram_cannot_fetch_mermaid_from_another_origin(reader, site_url, name):
    reader.context.add_init_script(MERMAID)
    page = reader.open(site_url + PAGE_TYPES[name])
    page.wait_for_function("() => !document.querySelector('pre.mermaid')")  # Material saw it
    page.wait_for_timeout(200)
    assert reader.foreign == []
    assert reader.violations == [f"script-src-elem {UNPKG_MERMAID}"]


def test_control_without_the_policy_a_diagram_fetches_mermaid_from_unpkg(reader, site_url):
    reader.context.add_init_script(MERMAID)
    reader.open(site_url + PAGE_TYPES["timeline"], rewrite=without_policy)
    assert reader.foreign == [UNPKG_MERMAID]


def test_search_runs_under_the_policy(reader, site_url):
    page = reader.open(site_url + PAGE_TYPES["overview"])
    assert search(page, "Gladkov")[0].endswith("/actors/vyacheslav-gladkov/")
    reader.assert_clean()


def test_search_runs_on_the_page_not_found(reader, site_url):
    """404.html has base "/", where the others have "." or "..": its search must still find
    the site's pages, with no error."""
    page = reader.open(site_url + "404.html")
    assert search(page, "Gladkov")[0].endswith("/actors/vyacheslav-gladkov/")
    reader.assert_clean()


def test_control_search_needs_webassembly_allowed(reader, site_url):
    """Why the policy allows 'wasm-unsafe-eval': Pagefind's engine is WebAssembly."""
    page = reader.open(
        site_url + PAGE_TYPES["overview"],
        rewrite=lambda html: html.replace(" 'wasm-unsafe-eval'", ""),
    )
    page.locator("input.md-search__input").fill("Gladkov")
    for _ in range(50):
        if reader.violations:
            break
        page.wait_for_timeout(100)
    assert reader.violations == ["script-src wasm-eval"]


def test_the_preview_server_allows_its_live_reload_script(reader, tmp_path):
    """`mkdocs serve` adds an inline script to every page it serves, different each time:
    the plugin allows it in that page's policy (plugin.on_serve)."""
    root = copy_site_inputs(tmp_path)
    # A preview has a site_url (the server's), so it reads the change log from git.
    identity = {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org"}
    identity |= {"GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org"}
    for args in (
        ["init", "-q"],
        ["add", "-A"],
        ["-c", "commit.gpgsign=false", "commit", "-qm", "."],
    ):
        subprocess.run(["git", *args], cwd=root, check=True, env={**os.environ, **identity})
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/{SHIPPED}/timeline/"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url, timeout=2) as answer:
                    served = answer.read().decode()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.3)
        assert "livereload(" in served
        page = reader.context.new_page()
        with page.expect_console_message(lambda m: m.text == "Enabled live reload"):
            page.goto(url, wait_until="load")
        reader.assert_clean()
    finally:
        server.terminate()
        server.wait(timeout=30)


# ---------------------------------------------------------------------------------------
# Search


def search(page: Page, text: str) -> list[str]:
    """Type into the search box; the paths of the result pages, best first."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-header__button[for='__search']").first.click()
    box.fill(text)
    # briefing.js marks the box with the query its shown results answer.
    page.wait_for_function(
        "q => document.querySelector('[data-briefing-search]').dataset.answered === q", arg=text
    )
    hrefs = page.eval_on_selector_all(
        ".md-search-result__list a.md-search-result__link", "links => links.map(a => a.href)"
    )
    return [urlsplit(h).path for h in hrefs]


def alias_samples(site: Path) -> list[tuple[str, str, str]]:
    """(kind, id, name) for every listed name of the actors and places with aliases."""
    samples = []
    for kind in ("actors", "places"):
        for record in data(site, f"{kind}.json"):
            if record["aliases"]:
                samples += [
                    (kind, record["id"], name) for name in [record["name"], *record["aliases"]]
                ]
    return samples


def test_searching_any_listed_name_puts_the_canonical_page_first(reader, site_url, shipped_site):
    samples = alias_samples(shipped_site)
    assert len(samples) > 60
    page = reader.open(site_url + f"{SHIPPED}/")
    wrong, seen = [], {}
    for kind, record_id, name in samples:
        results = search(page, name)
        seen[name] = results[:3]
        if not results or not results[0].rstrip("/").endswith(f"{kind}/{record_id}"):
            wrong.append(f"{name!r}: {' > '.join(r.split('/')[-2] for r in results[:3])}")
    if REPORT:
        report_path("search.json").write_text(json.dumps(seen, indent=1, ensure_ascii=False))
    assert wrong == [], "\n".join(wrong)
    reader.assert_clean()


SECOND = "zz-second-briefing"  # sorts after the shipped one, so it is not first by chance
SECOND_TITLE = "A second briefing on the same raid"
THIRD = "zz-third-briefing"
THIRD_TITLE = "A third briefing, with <b>markup</b> & a comma, in its title"


@pytest.fixture(scope="module")
def three_briefings(tmp_path_factory) -> Iterator[str]:
    """The shipped briefing and copies of it under SECOND and THIRD, titled SECOND_TITLE
    and THIRD_TITLE: every name is in all three. Each briefing has a search index of its
    own (the site's are merged in the browser, as on a site of many briefings)."""
    root = copy_site_inputs(tmp_path_factory.mktemp("three"))
    for slug, new_title in ((SECOND, SECOND_TITLE), (THIRD, THIRD_TITLE)):
        copy = root / "briefings" / slug
        shutil.copytree(root / "briefings" / SHIPPED, copy)
        sheet = copy / "briefing.yaml"
        text = sheet.read_text(encoding="utf-8")
        title = next(line for line in text.splitlines() if line.startswith("title:"))
        sheet.write_text(text.replace(title, f"title: {new_title}"), encoding="utf-8")
    config = root / "mkdocs.yml"
    setting = "      briefings: !ENV [BRIEFING, []]\n"
    config.write_text(
        config.read_text().replace(setting, setting + "      search_pages_per_index: 60\n")
    )
    result = mkdocs_build(config)
    assert result.returncode == 0, result.stderr
    assert re.search(r"Indexed \d+ pages in 3 indexes", result.stderr), result.stderr
    with serve(root / "site") as url:
        yield url


def labelled_results(page: Page, text: str) -> list[tuple[str, str | None]]:
    """Search, then (path, briefing label or None) of every result, best first (the box
    shows ten at a time: show them all)."""
    search(page, text)
    more = page.locator("button.briefing-search-more")
    while more.count():
        shown = page.locator("li.md-search-result__item").count()
        more.click()
        page.wait_for_function(
            "n => document.querySelectorAll('li.md-search-result__item').length > n", arg=shown
        )
    return [
        (urlsplit(href).path, label)
        for href, label in page.eval_on_selector_all(
            ".md-search-result__list > li.md-search-result__item",
            """items => items.map(li => [
                li.querySelector('a').href,
                li.querySelector('.briefing-search-label')?.textContent ?? null,
            ])""",
        )
    ]


def test_search_names_each_results_briefing_and_puts_the_readers_briefing_first(
    reader, three_briefings
):
    shipped_title = next(
        line.removeprefix("title:").strip()
        for line in (ROOT / "briefings" / SHIPPED / "briefing.yaml").read_text().splitlines()
        if line.startswith("title:")
    )
    titles = {SHIPPED: shipped_title, SECOND: SECOND_TITLE, THIRD: THIRD_TITLE}
    for here, other in ((SECOND, SHIPPED), (SHIPPED, THIRD), (THIRD, SECOND)):
        page = reader.open(three_briefings + f"{here}/timeline/")
        for name in ("Gladkov", "Freedom of Russia Legion", "Graivoron"):
            results = labelled_results(page, name)
            slugs = [path.split("/")[1] for path, _ in results]
            assert slugs[0] == here, (here, name, results[:3])
            assert other in slugs, (here, name)  # the other briefing's record is still found
            # The reader's briefing first, then the rest.
            assert slugs == sorted(slugs, key=lambda s: s != here), (here, name)
            for path, label in results:
                slug = path.split("/")[1]
                assert label == titles.get(slug), (path, label)
        # Enter opens the best result, which is now the reader's briefing's.
        page.locator("input.md-search__input").press("Enter")
        page.wait_for_url(f"**/{here}/places/graivoron/**")
    # On a page outside any briefing the results are labelled too.
    page = reader.open(three_briefings + "editing-this-briefing/")
    results = labelled_results(page, "Gladkov")
    assert all(label == titles.get(path.split("/")[1]) for path, label in results)
    reader.assert_clean()


# ---------------------------------------------------------------------------------------
# Charts


def test_the_timeline_chart_draws_every_event_with_its_status_and_links_to_it(
    reader, site_url, shipped_site
):
    events = data(shipped_site, "events.json")
    page = reader.open(site_url + f"{SHIPPED}/timeline/")
    chart = page.locator(".briefing-timeline-chart")
    assert chart.is_visible()
    rows = chart.locator("a.briefing-chart-row")
    assert rows.count() == len(events)
    for i, event in enumerate(events):
        row = rows.nth(i)
        assert row.get_attribute("href") == f"#{event['id']}"
        name = row.text_content()  # its words name the link; the mark is hidden from readers
        assert event["title"] in name and f"(status: {event['status']})" in name
        mark = row.locator(".briefing-mark")
        assert f"briefing-status-{event['status']}" in mark.get_attribute("class")
        assert page.locator(f"[id='{event['id']}']").count() == 1
    # Precision drawn as a range: a month is a bar wider than a day's dot.
    drawn_to_scale = [
        i for i in range(len(events)) if not rows.nth(i).locator(".briefing-off-scale").count()
    ]
    month = next(i for i in drawn_to_scale if events[i]["precision"] == "month")
    day = next(
        i
        for i in drawn_to_scale
        if events[i]["precision"] == "day" and events[i]["end_date"] is None
    )
    assert rows.nth(month).locator("rect.briefing-mark").count() == 1
    month_box = rows.nth(month).locator(".briefing-mark").bounding_box()
    day_box = rows.nth(day).locator(".briefing-mark").bounding_box()
    assert month_box["width"] > 10 * day_box["width"]
    # A mark's link lands on the entry.
    target = events[12]["id"]
    rows.nth(12).locator(".briefing-mark").click()
    page.wait_for_function("h => location.hash === h", arg=f"#{target}")
    heading = page.locator(f"[id='{target}']")
    box = heading.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"]
    reader.assert_clean()


def test_each_incident_has_a_casualty_chart_in_the_order_figures_were_given(
    reader, site_url, shipped_site
):
    claims = {c["id"]: c for c in data(shipped_site, "claims.json")}
    page = reader.open(site_url + f"{SHIPPED}/casualties/")
    charts = page.locator(".briefing-casualty-chart")
    incidents = list(dict.fromkeys(c["incident"] for c in claims.values()))
    assert charts.count() == len(incidents)
    drawn = []
    for i in range(charts.count()):
        chart = charts.nth(i)
        assert chart.get_attribute("aria-label")
        # The text alternative: a caption beside it, and every figure in the tables.
        caption = chart.locator("xpath=ancestor::figure").locator("figcaption")
        assert "tables below" in caption.inner_text()
        hrefs = chart.locator("a.briefing-chart-row").evaluate_all(
            "links => links.map(a => a.getAttribute('href').slice(1))"
        )
        drawn += hrefs
        for claim_id in hrefs:
            assert page.locator(f"table [id='{claim_id}']").count() == 1
        # Within each kind of loss, ordered by when the figure was given.
        by_group: dict[tuple, list[str]] = {}
        for claim_id in hrefs:
            c = claims[claim_id]
            by_group.setdefault((c["incident"], c["category"]), []).append(c["as_of"])
        for dates in by_group.values():
            assert dates == sorted(dates)
    assert sorted(drawn) == sorted(claims)
    # Gladkov's 12 wounded in the region, then Thansan's "at least eight" below it: the
    # open figure starts left of the 12 and runs on (no upper bound).
    twelve = page.locator("a.briefing-chart-row[href='#gladkov-wounded-12'] circle").bounding_box()
    eight = page.locator(
        "a.briefing-chart-row[href='#thansan-injured-at-least-8'] .briefing-mark"
    ).first.bounding_box()
    assert eight["x"] < twelve["x"] < eight["x"] + eight["width"] and eight["y"] > twelve["y"]
    page.locator("a.briefing-chart-row[href='#gladkov-wounded-12']").click()
    page.wait_for_function("() => location.hash === '#gladkov-wounded-12'")
    box = page.locator("[id='gladkov-wounded-12']").bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"]
    reader.assert_clean()


# ---------------------------------------------------------------------------------------
# Citing a fact


def test_every_fact_has_a_cite_line_with_its_permalink_and_a_copy_button(
    browser, site_url, shipped_site
):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    reader = Reader(context)
    checks = {
        "timeline": ("events.json", "title"),
        "statements": ("statements.json", "title"),
        "casualties": ("claims.json", None),
    }
    for page_name, (file, title_field) in checks.items():
        facts = data(shipped_site, file)
        page = reader.open(site_url + f"{SHIPPED}/{page_name}/")
        cites = page.locator(".briefing-cite")
        assert cites.count() == len(facts), page_name
        for fact in facts:
            cite = page.locator(f".briefing-cite:has(a.briefing-permalink[href='#{fact['id']}'])")
            assert cite.count() == 1, fact["id"]
            url = f"{site_url}{SHIPPED}/{page_name}/#{fact['id']}"
            assert cite.locator("a.briefing-permalink").inner_text() == url
            text = cite.locator(".briefing-cite-text").inner_text()
            if title_field:
                assert fact[title_field] in text
            assert "Sources: " in text and "¶" in text
    cite = page.locator(".briefing-cite").first
    cite.locator("button.briefing-copy").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == cite.locator(".briefing-cite-text").inner_text().strip()
    assert copied.endswith(f"/{SHIPPED}/casualties/#{data(shipped_site, 'claims.json')[0]['id']}")
    reader.assert_clean()
    context.close()


# ---------------------------------------------------------------------------------------
# Accessibility, phones, print


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_or_critical_violation_on_any_page_type(browser, site_url, scheme):
    axe = require_tool(AXE, "run `make test` (it runs `npm ci`)")
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    reader = Reader(context)
    found, summary = {}, {}
    for name, path in PAGE_TYPES.items():
        page = reader.open(site_url + path)
        palette = page.locator("body").get_attribute("data-md-color-scheme")
        assert palette == {"light": "default", "dark": "slate"}[scheme]
        # Evaluated by the browser's debugger, as the page's own policy does not let a test
        # add a script to the page (add_script_tag would inline it).
        page.evaluate(axe.read_text(encoding="utf-8"))
        results = page.evaluate("""async () => {
            const r = await axe.run(document);
            const brief = v => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0].target}`;
            return {passes: r.passes.length, incomplete: r.incomplete.map(v => v.id),
                    violations: r.violations.map(brief),
                    serious: r.violations.filter(v => ['serious', 'critical']
                        .includes(v.impact)).map(brief)};
        }""")
        summary[name] = results
        if results["serious"]:
            found[name] = results["serious"]
        page.close()
    if REPORT:
        report_path(f"axe-{scheme}.json").write_text(json.dumps(summary, indent=1))
    assert found == {}
    reader.assert_clean()
    context.close()


def test_no_page_type_scrolls_sideways_on_a_390_px_phone(browser, site_url):
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
    )
    reader = Reader(context)
    wide = {}
    for name, path in PAGE_TYPES.items():
        page = reader.open(site_url + path)
        width = page.evaluate("document.scrollingElement.scrollWidth")
        if width > 390:
            wide[name] = width
        # Wide tables scroll inside their own box instead.
        for table in page.locator("article table").all():
            box = table.evaluate("t => t.closest('.md-typeset__scrollwrap')?.clientWidth")
            assert box is not None and box <= 390, name
        if REPORT:
            page.screenshot(path=str(report_path(f"{name}-390.png")))
        page.close()
    assert wide == {}
    reader.assert_clean()
    context.close()


def test_printing_keeps_the_citations_and_drops_the_navigation(reader, site_url):
    page = reader.open(site_url + f"{SHIPPED}/timeline/")
    page.emulate_media(media="print")
    assert page.locator(".briefing-cite").first.is_visible()
    assert page.locator("article a[href*='sources/guardian/#p']").first.is_visible()
    assert page.locator(".md-sidebar--primary").is_hidden()
    assert page.locator(".md-header").is_hidden()
    assert page.locator("button.briefing-copy").first.is_hidden()
    reader.assert_clean()


# ---------------------------------------------------------------------------------------
# Hostile content


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    root = hostile_project(tmp_path_factory.mktemp("hostile"))
    result = mkdocs_build(root / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    with serve(root / "site") as url:
        yield url, root / "site"


def test_markup_in_fact_sheets_and_sources_stays_text_in_the_browser(reader, hostile_site):
    url, site = hostile_site
    pages = built_pages(site)
    for path in pages:
        page = reader.open(url + path)
        injected = page.evaluate("""() => ({
            images: document.querySelectorAll('article img').length,
            handlers: [...document.querySelectorAll('article *')]
                .filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
            scripts: [...document.scripts].filter(s => s.textContent.includes('alert(')).length,
            js_links: document.querySelectorAll('a[href^="javascript:" i]').length,
        })""")
        assert injected == {"images": 0, "handlers": 0, "scripts": 0, "js_links": 0}, path
        page.close()
    page = reader.open(url + "test/timeline/")
    body = page.locator("article").inner_text()
    assert "<script>alert(1)</script>" in body and "{{ 7*7 }}" in body
    assert "{% if 1 %}x{% endif %}" in body and "**bold**" in body
    assert "[link](javascript:alert(3))" in body
    assert page.title().startswith("Timeline")
    # The hostile alias typed into search: results render as text, nothing runs.
    results = search(page, "onerror")
    assert results
    assert page.locator(".md-search-result img").count() == 0
    reader.assert_clean()


# ---------------------------------------------------------------------------------------
# Attribution (issue 27): citations safe to paste, badges in words, "Copied" announced

SIZES = {"phone": (390, 844), "desktop": (1366, 900)}


def sized_context(browser: Browser, size: str, **more) -> BrowserContext:
    width, height = SIZES[size]
    phone = {"is_mobile": True, "has_touch": True} if size == "phone" else {}
    return browser.new_context(viewport={"width": width, "height": height}, **phone, **more)


@pytest.mark.parametrize("size", SIZES)
def test_the_copied_citation_of_a_figure_names_its_claimant_grade_outlet_and_address(
    browser, site_url, shipped_site, size
):
    context = sized_context(browser, size, permissions=["clipboard-read", "clipboard-write"])
    reader = Reader(context)
    page = reader.open(site_url + f"{SHIPPED}/casualties/")
    claim = next(c for c in data(shipped_site, "claims.json") if c["id"] == "gladkov-wounded-12")
    graded = claim["graded"]
    cite = page.locator(".briefing-cite:has(a.briefing-permalink[href='#gladkov-wounded-12'])")
    button = cite.get_by_role("button", name="Copy this citation")
    button.scroll_into_view_if_needed()
    assert button.is_visible()
    button.click()
    page.wait_for_function(
        "() => document.querySelector('.briefing-live').textContent === 'Copied'"
    )
    copied = page.evaluate("navigator.clipboard.readText()")
    for words in (
        "12 civilians wounded",
        "according to Vyacheslav Gladkov",
        "as of 23 May 2023 (date of publication)",
        f"Credibility {graded['grade']} of 6: {graded['label']}",
        'Unnamed outlet ("Militias Are Attacking"), 23 May 2023, ¶5, ¶18, address not recorded',
    ):
        assert words in copied, (words, copied)
    assert copied.endswith(f"/{SHIPPED}/casualties/#gladkov-wounded-12")
    if REPORT:
        report_path(f"citation-gladkov-12-{size}.txt").write_text(copied, encoding="utf-8")
    # "Copied" is on the button, and said through the page's live region.
    assert button.count() == 0
    assert cite.get_by_role("button", name="Copied").inner_text() == "Copied"
    assert page.get_by_role("status").inner_text() == "Copied"
    reader.assert_clean()
    context.close()


# What each badge says, in full; each links to its section of the reader's guide.
BADGE_WORDS = {
    "status": r"(Status: (reported|claimed|confirmed|denied|disputed|contested)|Briefing: \w+)",
    "credibility": r"Credibility [1-6] of 6: [a-z ]+( \(set by an editor\))?",
    "lineages": r"Sources: one lineage",
    "verdicts": r"Figures: (compatible|update over time|conflict|cannot be ordered)"
    r"( and [a-z ]+)*",
    "errata": r"(Erratum|Corrected|Correction)",
}


@pytest.mark.parametrize("size", SIZES)
def test_badges_say_in_words_what_they_are_and_link_to_the_readers_guide(browser, site_url, size):
    context = sized_context(browser, size)
    reader = Reader(context)
    seen: dict[str, int] = {}
    for path in ("", "timeline/", "casualties/", "statements/"):
        page = reader.open(site_url + f"{SHIPPED}/{path}")
        badges = page.locator("article a.briefing-badge-link")
        names = badges.evaluate_all("links => links.map(a => [a.getAttribute('href'), 0])")
        assert names, path
        snapshot = page.locator("article").aria_snapshot()
        # A name with a colon ("Status: confirmed") is quoted whole in the YAML snapshot:
        # - 'link "Status: confirmed"':
        spoken = re.findall(r'- \'?link "([^"]*)"', snapshot)
        for i, (href, _) in enumerate(names):
            section = href.rsplit("#", 1)[1]
            assert href.endswith(f"how-to-read/#{section}"), href
            badge = badges.nth(i)
            shown = badge.inner_text()
            assert re.fullmatch(BADGE_WORDS[section], shown), (path, section, shown)
            # What eyes see is what a screen reader says: the link's name is the words.
            assert shown in spoken, (path, shown)
            seen[section] = seen.get(section, 0) + 1
        page.close()
    assert set(seen) >= {"status", "credibility", "lineages", "verdicts"}
    reader.assert_clean()
    context.close()
