"""How readers find pages: the words each actor's and place's page is found by, and the
Pagefind index of the built site.

Pagefind splits its index into small files and the reader's browser fetches only those a
query needs, so a first search stays light however many briefings the site holds; the
one index of every page that Material's search plugin builds is fetched whole by every
reader (13 MB at 50 briefings). What it indexes, and the briefing each page belongs to,
are marked in the theme's main.html; docs/assets/briefing.js asks it.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from ..factsheets.model import Actor, Place

__all__ = ["SEARCH_FOLDER", "SearchIndexFailed", "index_site", "search_words"]

# Where the index goes in the built site (the address briefing.js loads it from).
SEARCH_FOLDER = "pagefind"


class SearchIndexFailed(Exception):
    """Pagefind could not index the built site; the message holds its own words."""


def index_site(site_dir: Path) -> str:
    """Write the search index of the built site in `site_dir` into its SEARCH_FOLDER, and
    return Pagefind's summary line ("Indexed N pages")."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir)]
    # Not the "¶" of each heading's permalink.
    command += ["--output-subdir", SEARCH_FOLDER, "--exclude-selectors", ".headerlink"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise SearchIndexFailed(f"could not run Pagefind: {exc}") from exc
    if result.returncode != 0 or not (site_dir / SEARCH_FOLDER / "pagefind.js").is_file():
        output = (result.stderr or result.stdout).strip()
        raise SearchIndexFailed(f"Pagefind could not index the site:\n{output}")
    pages = re.search(r"Indexed \d+ pages?", result.stdout)
    return pages.group(0) if pages else "indexed"


def search_words(records: list[Actor | Place]) -> dict[str, list[str]]:
    """The words each actor's or place's page is found by: its `tags` in the search index.

    The theme's main.html gives these words Pagefind's highest weight, so the page
    whose own name is searched comes first. Each page gets the words of its
    name and aliases, less the words that are another record's one-word name or begin
    with it: searching "Russia" must find Russia, not the Freedom of Russia Legion, and
    "Graivoron" the town, not Graivoron district (a search matches words that begin with it, so
    "Graivoronsk" counts). Prefixes shorter than four letters ("US") only drop the same
    word. Keys are "<kind>/<id>".
    """

    def words(name: str) -> list[str]:
        return [w for w in re.split(r"[\s\-]+", name.lower()) if w]

    one_word: dict[str, set[str]] = {}
    for record in records:
        for name in record.names:
            if len(words(name)) == 1:
                one_word.setdefault(words(name)[0], set()).add(_record_key(record))

    def taken(word: str, key: str) -> bool:
        return any(
            key not in owners and (word == name or (len(name) >= 4 and word.startswith(name)))
            for name, owners in one_word.items()
        )

    result = {}
    for record in records:
        key = _record_key(record)
        found = dict.fromkeys(w for n in record.names for w in words(n))
        result[key] = [w for w in found if not taken(w, key)]
    return result


def _record_key(record: Actor | Place) -> str:
    return f"{'actors' if isinstance(record, Actor) else 'places'}/{record.id}"
