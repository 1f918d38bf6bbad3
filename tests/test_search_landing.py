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
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SHIPPED, copy_site_inputs, mkdocs_build
from playwright.sync_api import Browser
from test_browser import Reader, built_pages
from test_browser import browser as browser
from test_second_story import FIXTURE
from test_second_story import SLUG as FICTION

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
