"""Where a reader lands (issue 27, items 2, 7, 9 and 10), in a real browser: the shipped
briefing and the fictional one (tests/fixtures/brenmark) built as a publish builds them
(`site_url` set, a git history, so every page links to its feeds), served at that address.

- the "at a glance" box on the overview and the home page, and every figure in it with its
  claimant;
- search results that open the fact they found (its anchor, not the top of a page), with
  excerpts of clean text, a type label, and the Changes and data pages ranked below facts;
- the reader's guide, `how-to-read/`, with the anchors the badges link to;
- no console error on any page (the `<briefing>/sitemap.xml` Material asked for beside the
  feed's link), and no axe violation on the pages these change.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import SHIPPED, copy_site_inputs, mkdocs_build, require_tool
from playwright.sync_api import Browser, Page
from test_browser import AXE, Reader, built_pages
from test_browser import browser as browser
from test_second_story import FIXTURE
from test_second_story import SLUG as FICTION

from generator.addresses import READING_SECTIONS

BRIEFINGS = (SHIPPED, FICTION)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _published(root: Path) -> Iterator[str]:
    """Build `root` with site_url set to the address it is then served at, from a git
    repository of one commit (a publish needs the change log); yields that address."""
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    git = ["git", "-C", str(root), "-c", "user.name=Desk", "-c", "user.email=desk@example.org"]
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "Publish the briefings"], check=True)
    handler = functools.partial(_QuietHandler, directory=str(root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_port}/"
    os.environ["SITE_URL"] = url
    try:
        result = mkdocs_build(root / "mkdocs.yml")
    finally:
        del os.environ["SITE_URL"]
    assert result.returncode == 0, result.stderr
    assert "WARNING -" not in result.stderr
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The shipped and the fictional briefing, published together: (address, site folder)."""
    root = copy_site_inputs(tmp_path_factory.mktemp("published"))
    shutil.copytree(FIXTURE / "briefings" / FICTION, root / "briefings" / FICTION)
    for seed in (FIXTURE / "seeds").iterdir():
        shutil.copy(seed, root / "seeds" / seed.name)
    for url in _published(root):
        yield url, root / "site"


@pytest.fixture
def reader(browser: Browser) -> Iterator[Reader]:
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    yield Reader(context)
    context.close()


# ---------------------------------------------------------------------------------------
# The sitemap Material asks for beside a briefing's feed (item 10)


def test_published_pages_load_with_no_console_error_and_no_failed_request(reader, site):
    # Material fetches the sitemap beside each feed's link after the page has loaded: wait
    # for the network to settle on the home page and on two pages of each briefing.
    url, _ = site
    page = reader.open(url)
    for path in ["", *(f"{slug}/{where}" for slug in BRIEFINGS for where in ("", "timeline/"))]:
        page.goto(url + path, wait_until="networkidle")
    reader.assert_clean()


def test_each_briefing_has_a_sitemap_of_its_own_pages_beside_its_feed(site):
    url, folder = site
    for slug in BRIEFINGS:
        head = (folder / slug / "index.html").read_text(encoding="utf-8")
        assert f'href="{url}{slug}/feed.xml"' in head
        listed = re.findall(r"<loc>([^<]+)</loc>", (folder / slug / "sitemap.xml").read_text())
        pages = [p for p in built_pages(folder) if p.startswith(f"{slug}/")]
        assert sorted(listed) == sorted(url + p for p in pages)


def _data(folder: Path, slug: str, name: str) -> list[dict]:
    return json.loads((folder / slug / "data" / name).read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------
# At a glance (item 2)


def _glance_figures(page: Page, box: str) -> dict[str, str]:
    """{claim id: the text of its line} for every figure in the box (each links to its
    claim's entry on the casualties page)."""
    return dict(
        page.eval_on_selector_all(
            f"{box} a[href*='casualties/#']",
            # A claim's own anchor is its id; a group of figures' holds a double hyphen.
            """links => links.filter(a => !a.hash.includes('--'))
                .map(a => [decodeURIComponent(a.hash.slice(1)), a.closest('li').innerText])""",
        )
    )


@pytest.mark.parametrize("slug", BRIEFINGS)
def test_the_glance_box_tops_the_overview_with_every_figure_attributed(reader, site, slug):
    url, folder = site
    claims = {c["id"]: c for c in _data(folder, slug, "claims.json")}
    names = {a["id"]: a["name"] for a in _data(folder, slug, "actors.json")}
    page = reader.open(url + f"{slug}/")
    box = "article section.briefing-glance"
    assert page.locator(box).count() == 1
    # Above the summary and the key figures: the first thing after the status line.
    first = page.eval_on_selector(
        "article h1", "h => h.nextElementSibling.nextElementSibling.className"
    )
    assert first == "briefing-glance"
    event = page.eval_on_selector(f"{box} li a[href*='timeline/#']", "a => a.hash.slice(1)")
    shown = _glance_figures(page, box)
    assert set(shown) == {i for i, c in claims.items() if c["incident"] == event}
    for claim_id, line in shown.items():
        claimant = claims[claim_id]["claimant"]
        said = f"according to {names[claimant]}" if claimant else "the outlet's own count ("
        assert said in line and ", as of " in line, line
    # Status and grade in words, each linking to what it means.
    guide = page.eval_on_selector_all(
        f"{box} a[href*='how-to-read/']", "links => links.map(a => [a.textContent, a.hash])"
    )
    assert {"#status", "#credibility", "#verdicts", "#at-a-glance"} <= {h for _, h in guide}
    assert any(text.startswith("Status: ") for text, _ in guide)
    assert any(re.fullmatch(r"Credibility [1-6] of 6: [a-z ]+", text) for text, _ in guide)
    reader.assert_clean()


def test_the_home_page_shows_each_briefings_box(reader, site):
    url, _ = site
    page = reader.open(url)
    boxes = page.locator("article section.briefing-glance")
    assert boxes.count() == len(BRIEFINGS)
    for i in range(boxes.count()):
        box = boxes.nth(i)
        assert box.get_attribute("data-pagefind-ignore") is not None  # the overview is found
        links = box.locator("a[href*='casualties/#']")
        assert links.count() > 0
        href = links.first.get_attribute("href")
        assert href.split("/")[0] in BRIEFINGS, href  # from the top of the site
    reader.assert_clean()


# ---------------------------------------------------------------------------------------
# Search that lands on the fact (item 7)


def _search(page: Page, text: str) -> list[dict]:
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-header__button[for='__search']").first.click()
    box.fill(text)
    page.wait_for_function(
        "q => document.querySelector('[data-briefing-search]').dataset.answered === q", arg=text
    )
    return page.eval_on_selector_all(
        ".md-search-result__list li.md-search-result__item",
        """items => items.map(li => ({
            href: li.querySelector('a').href,
            kind: li.querySelector('.briefing-search-kind')?.textContent ?? null,
            title: li.querySelector('h1').textContent,
            excerpt: li.querySelector('p').textContent,
        }))""",
    )


# A column of counts, as Pagefind joined table cells: "Vladimir Putin. person. 1. 0."
_COUNTER = re.compile(r"(^|\. )\d+\. \d+\.( |$)")


def _hidden_names(folder: Path, slug: str) -> list[str]:
    """The hidden word lists of the actors' and places' pages (main.html) that read as no
    visible text of the page does: "graivoron grayvoron gryvoron"."""
    lists = []
    for page in (folder / slug).glob("*/*/index.html"):
        html = page.read_text(encoding="utf-8")
        found = re.search(r'<p hidden id="briefing-search-names"[^>]*>([^<]+)</p>', html)
        if not found or len(found.group(1).split()) < 2:
            continue
        visible = " ".join(re.sub(r"<[^>]+>", " ", html.replace(found.group(0), "")).split())
        if found.group(1) not in visible.lower():
            lists.append(found.group(1))
    return lists


@pytest.mark.parametrize("query", ["tank", "Gladkov"])
def test_a_search_opens_the_fact_it_found_with_a_clean_excerpt(reader, site, query):
    url, folder = site
    page = reader.open(url + f"{SHIPPED}/")
    results = _search(page, query)
    assert results
    hidden = _hidden_names(folder, SHIPPED)
    assert hidden
    for result in results:
        excerpt = result["excerpt"]
        assert "http" not in excerpt and "/#" not in excerpt, excerpt
        assert not _COUNTER.search(excerpt), excerpt
        assert not any(words in excerpt.lower() for words in hidden), excerpt
        assert result["kind"], result
    # A result on a page of facts opens the fact: its anchor, which is on that page.
    facts = [
        r
        for r in results
        if urlsplit(r["href"]).path.endswith(("/timeline/", "/statements/", "/casualties/"))
    ]
    assert facts and all(urlsplit(r["href"]).fragment for r in facts), facts
    if query == "tank":
        first = results[0]
        assert urlsplit(first["href"]).fragment, first  # a fact, not the top of a page
    else:
        # An actor's own page comes first, and is the fact.
        assert urlsplit(results[0]["href"]).path == f"/{SHIPPED}/actors/vyacheslav-gladkov/"
        assert results[0]["kind"] == "Actor"
    target = facts[0]
    page.locator(".md-search-result__list a.md-search-result__link").nth(
        results.index(target)
    ).click()
    page.wait_for_url(target["href"])
    fragment = urlsplit(target["href"]).fragment
    element = page.locator(f"[id='{fragment}']")
    assert element.count() == 1
    page.wait_for_function(
        "id => { const r = document.getElementById(id).getBoundingClientRect();"
        " return r.top >= 0 && r.top < innerHeight; }",
        arg=fragment,
    )
    assert page.evaluate("scrollY") > 0  # not the top of the page
    reader.assert_clean()


def test_each_result_says_what_it_is(reader, site):
    url, _ = site
    page = reader.open(url + f"{SHIPPED}/")
    kinds = {
        r["kind"].split(" · ")[0] for q in ("tank", "drone", "Graivoron") for r in _search(page, q)
    }
    assert {"Event", "Statement", "Actor", "Place", "Paragraph"} <= kinds, kinds
    claims = _search(page, "wounded")
    assert any(r["kind"].startswith("Claim · ") for r in claims), claims
    reader.assert_clean()


@pytest.mark.parametrize("query", ["tank", "drone", "Grayvoron"])
def test_the_changes_and_data_pages_rank_below_the_facts(reader, site, query):
    url, _ = site
    page = reader.open(url + f"{SHIPPED}/")
    paths = [urlsplit(r["href"]).path for r in _search(page, query)]
    top = paths[:6]
    assert f"/{SHIPPED}/changes/" not in top and f"/{SHIPPED}/data/" not in top, paths
    reader.assert_clean()


# ---------------------------------------------------------------------------------------
# The reader's guide (item 9) and accessibility


def test_the_guide_has_the_anchors_badges_link_to(reader, site):
    url, _ = site
    page = reader.open(url + "how-to-read/")
    for anchor in READING_SECTIONS:
        assert page.locator(f"h2[id='{anchor}']").count() == 1, anchor
    # Linked from every overview.
    for slug in BRIEFINGS:
        page.goto(url + f"{slug}/", wait_until="load")
        assert page.locator("article a[href$='how-to-read/']").count() >= 1
    reader.assert_clean()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1366, 390])
def test_axe_finds_no_violation_on_the_pages_this_changes(browser, site, scheme, width):
    axe = require_tool(AXE, "run `make test` (it runs `npm ci`)")
    url, _ = site
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
    reader = Reader(context)
    found = {}
    for path in ("", f"{SHIPPED}/", f"{FICTION}/", "how-to-read/"):
        page = reader.open(url + path)
        # Evaluated by the browser's debugger: a page's Content-Security-Policy would refuse
        # a script a test adds to it (add_script_tag inlines it).
        page.evaluate(axe.read_text(encoding="utf-8"))
        violations = page.evaluate("""async () => (await axe.run(document)).violations.map(
            v => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0].target}`)""")
        if violations:
            found[path] = violations
        # Nothing scrolls sideways on a phone: the box wraps.
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), path
        page.close()
    assert found == {}
    reader.assert_clean()
    context.close()
