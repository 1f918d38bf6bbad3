"""How readers find a page and the fact on it: the words an actor's or place's page is
found by, and what each result says of its page (the theme's main.html gives both to the
search index, `search_index.index_site`; docs/assets/briefing.js shows them)."""

from __future__ import annotations

import re

from ..addresses import SECTIONS, section_page
from ..factsheets.kinds import KINDS
from ..factsheets.model import Actor, Place

__all__ = ["search_meta", "search_words"]

# How much a page's words count in search against the facts' (Pagefind's weight on the
# whole page; 1 for the rest). The change log and the data page say again what the facts
# say (a figure that changed, a file's fields): a search for "tank" must find the border
# post's entry before the commit that reworded it. The comparison sets every fact beside
# every source, so it ranks between.
_PAGE_WEIGHTS = {
    section_page("Changes"): 0.2,
    section_page("Data"): 0.2,
    section_page("Source comparison"): 0.5,
}


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


def search_meta(path: str) -> dict[str, str]:
    """What a search result says of the page of a briefing at `path` (relative to its
    folder): `search_kind`, the kind of page ("Timeline", "actor"); `search_fact`, the kind
    of fact an anchor on it is ("event"), from the kinds' own table; and `search_weight`
    where its words count less than the facts'."""
    meta: dict[str, str] = {}
    sections = {page: title for title, page in SECTIONS}
    if path in sections:
        meta["search_kind"] = sections[path]
    elif path == "index.md":
        meta["search_kind"] = "Overview"
    for kind in KINDS:
        if kind.page == path:
            meta["search_fact"] = kind.singular
        elif kind.page and kind.page.endswith("/") and path.startswith(kind.page):
            if path in sections:  # the kind's list page
                continue
            meta.setdefault("search_kind", kind.singular)
            # A source's page is its text: a result opens the paragraph it found.
            if kind.name == "sources":
                meta["search_fact"] = "paragraph"
    if path in _PAGE_WEIGHTS:
        meta["search_weight"] = str(_PAGE_WEIGHTS[path])
    return meta
