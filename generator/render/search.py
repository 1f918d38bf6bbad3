"""How readers find an actor's or place's page: the words it is found by (the theme's
main.html gives them to the search index, `search_index.index_site`)."""

from __future__ import annotations

import re

from ..factsheets.model import Actor, Place

__all__ = ["search_words"]


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
