"""Names in the texts: how often each source uses each name of an actor or place, and
unlisted spellings that look like a listed name ("Grayvoron" for "Graivoron")."""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from ..checks.briefing import Briefing
from ..factsheets.model import Actor, Place
from ..text import name_key, name_pattern
from .coverage import CoverageItem

__all__ = [
    "NameKey",
    "known_names",
    "listed_names",
    "looks_like",
    "name_variants",
    "names_used",
    "variants_of",
]

# An actor or a place: ("actors" or "places", its id).
NameKey = tuple[str, str]


def known_names(briefing: Briefing) -> re.Pattern[str] | None:
    """A pattern matching every actor and place name and alias in the normalised text (see
    `text.normalise`), in any of the forms a sentence gives it ("Karsland's defence
    ministry" for "Karsland defence ministry": see `text.name_pattern`); None when there
    are none."""
    records: list[Actor | Place] = [*briefing.actors, *briefing.places]
    return name_pattern([n for r in records for n in r.names], forms=True)


def names_used(briefing: Briefing) -> dict[NameKey, dict[str, Counter[str]]]:
    """{(kind, id): {source id: Counter(name as listed)}} counted in the displayed texts, a
    name in any of its forms ("Karsland's defence ministry") counted as listed."""
    owner: dict[str, tuple[str, str, str]] = {}
    for kind, records in (("actors", briefing.actors), ("places", briefing.places)):
        for record in records:
            for name in record.names:
                owner.setdefault(name_key(name), (kind, record.id, name))
    pattern = name_pattern([name for _, _, name in owner.values()], forms=True)
    used: dict[NameKey, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    if pattern is None:
        return used
    for source in briefing.sources:
        text = " ".join(briefing.texts[source.id].normalised)
        for match in pattern.finditer(text):
            kind, record_id, name = owner[name_key(match.group(0))]
            used[kind, record_id][source.id][name] += 1
    return used


@functools.cache
def _demonyms(name: str) -> re.Pattern[str]:
    """The demonyms of a (casefolded) name: "russian" of "russia". Made once per name:
    the `re` module's own cache holds 512 patterns, fewer than a big briefing's names."""
    return re.compile(re.escape(name.rstrip("e")) + r"[ie]?a?ns?")


def looks_like(candidate: str, name: str) -> bool:
    """Whether a name found in a text looks like another spelling of a listed name."""
    a, b = candidate.casefold(), name.casefold()
    # Close spellings ("Grayvoron"), or the same last word (the head noun or surname) with a
    # looser likeness ("Free Russian Legion", "Freedom of Russia Legion").
    last_same = len(a.split()) > 1 and a.split()[-1] == b.split()[-1]
    enough = 0.6 if last_same else 0.8
    if 2 * min(len(a), len(b)) / (len(a) + len(b)) < enough:
        return False  # the ratio cannot reach `enough` with lengths this far apart
    if a == b or _demonyms(b).fullmatch(a):
        return False  # the same, or a demonym: "Russian" of Russia, "Ukrainians" of Ukraine
    matcher = difflib.SequenceMatcher(None, a, b)
    # The quick ratios are upper bounds of the ratio: most pairs are ruled out by them.
    return (
        matcher.real_quick_ratio() >= enough
        and matcher.quick_ratio() >= enough
        and matcher.ratio() >= enough
    )


def listed_names(briefing: Briefing) -> dict[str, tuple[str, str]]:
    """{name or alias: (kind, record id)} for every actor and place."""
    return {
        n: (kind, r.id)
        for kind, records in (("actors", briefing.actors), ("places", briefing.places))
        for r in records
        for n in r.names
    }


def variant_of(text: str, names: dict[str, tuple[str, str]]) -> tuple[str, tuple[str, str]] | None:
    """The first listed name that `text` looks like another spelling of, with its owner."""
    return next(((n, owner) for n, owner in names.items() if looks_like(text, n)), None)


def variants_of(
    texts: Iterable[str], names: dict[str, tuple[str, str]]
) -> dict[str, tuple[str, tuple[str, str]] | None]:
    """`variant_of` for each distinct text, each looked up once (a long source repeats its
    names many times)."""
    return {text: variant_of(text, names) for text in dict.fromkeys(texts)}


def name_variants(
    items: list[CoverageItem], names: dict[str, tuple[str, str]]
) -> dict[tuple[str, str], dict[str, Counter[str]]]:
    """Uncaptured names in the texts that look like a variant of a listed name:
    {(kind, record id): {source id: Counter(variant)}}. `names` maps each listed name to
    (kind, record id); a waived name is the editor's decision and is not offered."""
    variants: dict[tuple[str, str], dict[str, Counter[str]]] = defaultdict(
        lambda: defaultdict(Counter)
    )
    wanted = [i for i in items if i.kind == "name" and not i.captured]
    found = variants_of((i.text for i in wanted), names)
    for item in wanted:
        if like := found[item.text]:
            variants[like[1]][item.source][item.text] += 1
    return variants
