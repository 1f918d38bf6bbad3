"""The search index of the built site, written by Pagefind after MkDocs has built it.

Pagefind splits an index into small files and the reader's browser fetches only those a
query needs, so a first search stays light however many briefings the site holds (the
one index of every page that Material's search plugin builds is fetched whole by every
reader: 13 MB at 50 briefings). What is indexed, and the briefing each page belongs to,
are marked in the theme's main.html; docs/assets/briefing.js asks the index.

Pagefind holds an index in memory while it builds it, about 200 KB a page: one index of
a hundred briefings took 1 GB, and the run grew faster than the site. So the briefings
are indexed in groups of about PAGES_PER_INDEX pages, each group by its own run into its
own index in a folder of SEARCH_FOLDER (0/, 1/, ...; the first also holds the pages that
are not a briefing's), and the browser merges them (Pagefind's mergeIndex).
SEARCH_FOLDER/indexes.json lists each with its briefings, so that a reader's browser
first searches the index of the briefing they are in, alone, and shows those results
while it merges the rest. (Sibling folders: Pagefind will not merge an index whose folder
holds the first one's.)
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

__all__ = ["INDEXES", "PAGES_PER_INDEX", "SEARCH_FOLDER", "SearchIndexFailed", "index_site"]

# Where the index goes in the built site (the address briefing.js loads it from).
SEARCH_FOLDER = "pagefind"
# The list of the indexes ({"folder": relative to SEARCH_FOLDER, "briefings": [...]}).
INDEXES = "indexes.json"
PAGES_PER_INDEX = 1500
# Top-level folders of the built site that hold no pages to search.
_NOT_PAGES = frozenset({SEARCH_FOLDER, "assets"})


class SearchIndexFailed(Exception):
    """Pagefind could not index the built site; the message holds its own words."""


def index_site(site_dir: Path, briefings: list[str], pages_per_index: int = PAGES_PER_INDEX) -> str:
    """Write the search indexes of the site built in `site_dir`, whose briefings are the
    folders `briefings`; return what was indexed ("Indexed 57 pages in 1 index")."""
    groups = _groups(site_dir, briefings, pages_per_index)
    others = sorted(
        p.name
        for p in site_dir.iterdir()
        if p.name not in _NOT_PAGES and p.name not in briefings and _holds_pages(p)
    )
    listed, pages = [], 0
    for number, group in enumerate(groups):
        folder = f"{number}/"
        pages += _run_pagefind(site_dir, group + (others if number == 0 else []), folder)
        listed.append({"folder": folder, "briefings": group})
    (site_dir / SEARCH_FOLDER / INDEXES).write_text(json.dumps(listed) + "\n")
    count = len(groups)
    return f"Indexed {pages} pages in {count} index{'es' * (count != 1)}"


def _holds_pages(path: Path) -> bool:
    return path.suffix == ".html" if path.is_file() else path.is_dir()


def _groups(site_dir: Path, briefings: list[str], pages_per_index: int) -> list[list[str]]:
    """The briefings in order, cut into groups of at most `pages_per_index` pages (a
    bigger briefing is a group of its own). Always at least one group."""
    groups: list[list[str]] = [[]]
    size = 0
    for slug in briefings:
        pages = sum(1 for _ in (site_dir / slug).rglob("*.html"))
        if groups[-1] and size + pages > pages_per_index:
            groups.append([])
            size = 0
        groups[-1].append(slug)
        size += pages
    return groups


def _glob(entries: list[str], site_dir: Path) -> str:
    """Pagefind's --glob for these top-level files and folders of the site."""
    # Escape what a glob would read as a pattern (a hand-written page's name may hold it).
    patterns = [
        re.sub(r"([{}\[\]*?,\\])", r"\\\1", name)
        + ("" if (site_dir / name).is_file() else "/**/*.html")
        for name in entries
    ]
    return patterns[0] if len(patterns) == 1 else "{" + ",".join(patterns) + "}"


def _run_pagefind(site_dir: Path, entries: list[str], folder: str) -> int:
    """Index the pages under `entries` into SEARCH_FOLDER/`folder`; the pages indexed."""
    out = site_dir / SEARCH_FOLDER / folder
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-path"]
    # Not the "¶" of each heading's permalink.
    command += [str(out), "--exclude-selectors", ".headerlink"]
    if entries:
        command += ["--glob", _glob(entries, site_dir)]
    else:
        command += ["--glob", "index.html"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise SearchIndexFailed(f"could not run Pagefind: {exc}") from exc
    if result.returncode != 0 or not (out / "pagefind.js").is_file():
        output = (result.stderr or result.stdout).strip()
        raise SearchIndexFailed(f"Pagefind could not index the site:\n{output}")
    pages = re.search(r"Indexed (\d+) pages?", result.stdout)
    return int(pages.group(1)) if pages else 0
