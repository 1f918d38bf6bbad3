"""How readers find actors and places by search: the words of each page's `tags`, and the
briefings' titles that search results are labelled and ranked by."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from ..checks.briefing import Briefing
from ..factsheets.model import Actor, Place

__all__ = ["BRIEFING_TITLES", "briefing_titles", "search_words"]

# Where the site keeps the briefings' titles for docs/assets/briefing.js.
BRIEFING_TITLES = "assets/briefings.json"


def briefing_titles(briefings: Iterable[Briefing]) -> str:
    """{slug: title} of every briefing, as JSON. briefing.js labels each search result with
    its briefing's title (the slug is the first folder of the result's address) and puts
    the results of the briefing the reader is in first."""
    titles = {b.slug: b.info.title for b in briefings}
    return json.dumps(titles, ensure_ascii=False, indent=1) + "\n"


def search_words(records: list[Actor | Place]) -> dict[str, list[str]]:
    """The words each actor's or place's page is found by: its `tags` in the search index.

    Material's search gives a page's tags a boost a million times its text's, so a page
    whose tags hold every word of a query comes first. Each page gets the words of its
    name and aliases, less the words that are another record's one-word name or begin
    with it: searching "Russia" must find Russia, not the Freedom of Russia Legion, and
    "Graivoron" the town, not Graivoron district (Material matches "graivoron*", so
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
