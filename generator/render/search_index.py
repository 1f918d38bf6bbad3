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

Each run is bounded (`pagefind_timeout`: it scales with the pages indexed, and
BRIEFING_PAGEFIND_TIMEOUT overrides it), and a run that fails says how it ended (its exit
status, or the signal that killed it) before whatever Pagefind printed. A failure raises
SearchIndexFailed; the plugin then fails the build, which discards its staging folder and
keeps the previous site.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from ..problems import terminal_safe

__all__ = [
    "INDEXES",
    "PAGES_PER_INDEX",
    "SEARCH_FOLDER",
    "TIMEOUT_VARIABLE",
    "SearchIndexFailed",
    "index_site",
    "pagefind_timeout",
]

# Where the index goes in the built site (the address briefing.js loads it from).
SEARCH_FOLDER = "pagefind"
# The list of the indexes ({"folder": relative to SEARCH_FOLDER, "briefings": [...]}).
INDEXES = "indexes.json"
PAGES_PER_INDEX = 1500
# What is never indexed, so never in an excerpt: the "¶" of each heading's permalink; each
# fact's cite line, whose address and sources repeat the entry; the charts, whose labels
# repeat the entries beside them; counts in tables ("1. 0." in an excerpt says nothing).
_NOT_INDEXED = (".headerlink", ".briefing-cite", ".briefing-figure", ".briefing-count")
# Top-level folders of the built site that hold no pages to search.
_NOT_PAGES = frozenset({SEARCH_FOLDER, "assets"})
# How long one Pagefind run may take before it is stopped, so that a Pagefind that never
# returns cannot hold a build (and its lock) for ever. Pagefind indexes about 2 ms a page
# here (5,403 pages in 10 s, README "Benchmarks"); two minutes plus a tenth of a second a
# page is some fifty times that for a full group of 1,500 pages, on a loaded machine too.
TIMEOUT_BASE = 120.0
TIMEOUT_PER_PAGE = 0.1
# Seconds for each run, instead of the above (a slow machine, or a test's tiny timeout).
TIMEOUT_VARIABLE = "BRIEFING_PAGEFIND_TIMEOUT"
# The last lines of Pagefind's output that a failure shows.
_SHOWN_LINES = 20


class SearchIndexFailed(Exception):
    """Pagefind could not index the built site; the message says why, in its own words
    where it gave any."""


def index_site(site_dir: Path, briefings: list[str], pages_per_index: int = PAGES_PER_INDEX) -> str:
    """Write the search indexes of the site built in `site_dir`, whose briefings are the
    folders `briefings`; return what was indexed ("Indexed 57 pages in 1 index")."""
    others = sorted(
        p.name
        for p in site_dir.iterdir()
        if p.name not in _NOT_PAGES and p.name not in briefings and _holds_pages(p)
    )
    # The pages under each top-level entry, counted once: they cut the groups and bound
    # each run's time.
    counts = {entry: _pages(site_dir, entry) for entry in [*briefings, *others]}
    groups = _groups(briefings, counts, pages_per_index)
    listed, pages = [], 0
    for number, group in enumerate(groups):
        folder = f"{number}/"
        entries = group + (others if number == 0 else [])
        pages += _run_pagefind(site_dir, entries, folder, sum(counts[e] for e in entries))
        listed.append({"folder": folder, "briefings": group})
    (site_dir / SEARCH_FOLDER / INDEXES).write_text(json.dumps(listed) + "\n")
    count = len(groups)
    return f"Indexed {pages} pages in {count} index{'es' * (count != 1)}"


def pagefind_timeout(pages: int) -> float:
    """Seconds one Pagefind run over `pages` pages may take: TIMEOUT_VARIABLE's value when
    it is set, else TIMEOUT_BASE plus TIMEOUT_PER_PAGE a page."""
    setting = os.environ.get(TIMEOUT_VARIABLE, "").strip()
    if not setting:
        return TIMEOUT_BASE + TIMEOUT_PER_PAGE * pages
    try:
        seconds = float(setting)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < float("inf"):
        raise SearchIndexFailed(
            f"{TIMEOUT_VARIABLE}={terminal_safe(repr(setting))} is not a number of seconds "
            "above zero; set it to one (e.g. 600), or unset it for the default of "
            f"{TIMEOUT_BASE:.0f} s plus {TIMEOUT_PER_PAGE} s a page"
        )
    return seconds


def _holds_pages(path: Path) -> bool:
    return path.suffix == ".html" if path.is_file() else path.is_dir()


def _groups(briefings: list[str], counts: dict[str, int], pages_per_index: int) -> list[list[str]]:
    """The briefings in order, cut into groups of at most `pages_per_index` pages (`counts`
    a briefing; a bigger briefing is a group of its own). Always at least one group."""
    groups: list[list[str]] = [[]]
    size = 0
    for slug in briefings:
        pages = counts[slug]
        if groups[-1] and size + pages > pages_per_index:
            groups.append([])
            size = 0
        groups[-1].append(slug)
        size += pages
    return groups


def _pages(site_dir: Path, entry: str) -> int:
    """The pages under one top-level file or folder of the site."""
    path = site_dir / entry
    return int(path.suffix == ".html") if path.is_file() else sum(1 for _ in path.rglob("*.html"))


def _glob(entries: list[str], site_dir: Path) -> str:
    """Pagefind's --glob for these top-level files and folders of the site."""
    # Escape what a glob would read as a pattern (a hand-written page's name may hold it).
    patterns = [
        re.sub(r"([{}\[\]*?,\\])", r"\\\1", name)
        + ("" if (site_dir / name).is_file() else "/**/*.html")
        for name in entries
    ]
    return patterns[0] if len(patterns) == 1 else "{" + ",".join(patterns) + "}"


def _run_pagefind(site_dir: Path, entries: list[str], folder: str, pages: int) -> int:
    """Index the `pages` pages under `entries` into SEARCH_FOLDER/`folder`; the pages
    indexed."""
    out = site_dir / SEARCH_FOLDER / folder
    # `python -m pagefind`: the Pagefind this Python has (the pagefind[bin] wheel), whatever
    # is on PATH.
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-path"]
    command += [str(out), *(a for s in _NOT_INDEXED for a in ("--exclude-selectors", s))]
    command += ["--glob", _glob(entries, site_dir) if entries else "index.html"]
    pages = pages if entries else 1
    status, output = _run(command, pagefind_timeout(pages), pages)
    if status != 0 or not (out / "pagefind.js").is_file():
        raise SearchIndexFailed(_failure(status, output, out / "pagefind.js", site_dir))
    indexed = re.search(r"Indexed (\d+) pages?", output)
    return int(indexed.group(1)) if indexed else 0


def _run(command: list[str], timeout: float, pages: int) -> tuple[int, str]:
    """Pagefind's exit status (negative: the signal that killed it) and its output.

    It runs in a session of its own, and its output goes to a file rather than a pipe: when
    it runs over `timeout`, or the build is interrupted, the whole session is killed, and
    nothing it started can keep the build waiting for a pipe to close.
    """
    with tempfile.TemporaryFile() as output:
        try:
            process = subprocess.Popen(
                command, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
            )
        except OSError as exc:
            raise SearchIndexFailed(f"could not start Pagefind ({command[0]}): {exc}") from exc
        try:
            status = process.wait(timeout)
        except subprocess.TimeoutExpired:
            _kill(process)
            raise SearchIndexFailed(
                f"Pagefind did not finish indexing {pages} page{'s' * (pages != 1)} in "
                f"{timeout:g} seconds and "
                f"was stopped; the previous site is kept. If this machine is just slow, set "
                f"{TIMEOUT_VARIABLE} to more seconds (the default is {TIMEOUT_BASE:.0f} s "
                f"plus {TIMEOUT_PER_PAGE} s a page)"
            ) from None
        except BaseException:
            _kill(process)  # interrupted (Ctrl-C): Pagefind is in a session of its own
            raise
        output.seek(0)
        return status, output.read().decode("utf-8", errors="replace")


def _kill(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):  # it ended meanwhile
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _failure(status: int, output: str, expected: Path, site_dir: Path) -> str:
    """Why Pagefind failed, root cause first: how it ended, then its own last words."""
    words = _last_words(output)
    if "No module named" in words and "pagefind" in words:
        return (
            f"Pagefind is not installed in this Python ({sys.executable}): run `make site`, "
            "which installs it (pagefind[bin], in requirements.txt)"
        )
    if status < 0:
        how = f"Pagefind was killed by {_signal_name(-status)} before it finished the index"
    elif status > 0:
        how = f"Pagefind stopped with exit status {status}"
    else:
        missing = expected.relative_to(site_dir).as_posix()
        how = f"Pagefind exited with status 0 but wrote no index ({missing} is missing)"
    return f"{how}:\n{words}" if words else f"{how}, and printed nothing"


def _last_words(output: str) -> str:
    """Pagefind's output as the message shows it: its last lines, with control characters
    escaped; of a Python traceback (Pagefind's launcher could not start the program), only
    the error itself and where to look."""
    lines = [line.rstrip() for line in output.strip().splitlines() if line.strip()]
    if any(line.startswith("Traceback (most recent call last)") for line in lines):
        setting = os.environ.get("PAGEFIND_BINARY_PATH")
        named = (
            f"PAGEFIND_BINARY_PATH is set to {setting!r}: it must name Pagefind's program"
            if setting
            else "Pagefind's program comes from the pagefind[bin] wheel"
        )
        return terminal_safe(
            f"Pagefind's launcher failed: {lines[-1].strip()} (reinstall with `make site`; {named})"
        )
    return terminal_safe("\n".join(lines[-_SHOWN_LINES:]))


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"
