"""Statements as each source renders them, compared word by word against a base rendering.
Computed at build time; nothing here renders.

The base is the rendering the others are read against, so it must be the one a reader
would trust most: the rendering of the most reliable source among those that copy none of
the others here (an original before its translation), and of those the closest to all the
others. Closeness alone picked MONDO's translation of the governor's words (graded D,
declared derived from the Guardian) over the Guardian's, and showed the Guardian's
wording as the deviation (audit of 2026-12-07, m15).
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from ..factsheets.model import Citation, Source, Statement
from ..text import normalise

__all__ = [
    "JOIN",
    "Rendering",
    "StatementComparison",
    "WordChange",
    "base_rendering",
    "closest_rendering",
    "compare_renderings",
    "word_diff",
]

# Joins the pieces of a statement one source quotes in several places.
JOIN = "…"


@dataclass(frozen=True)
class WordChange:
    """A word of a rendering compared with another: the same, added, or dropped from it."""

    text: str
    # "outside": base words before or after all that this rendering quotes (a source that
    # quotes part of a statement has not dropped the rest).
    change: Literal["same", "added", "dropped", "outside"]


# The same words recur across renderings and briefings: key each once.
@functools.lru_cache(maxsize=1 << 16)
def _word_key(word: str) -> str:
    # Curly or straight quotes, case and trailing punctuation are not differences of wording.
    return re.sub(r"[^\w]", "", normalise(word).casefold())


def _similarity(a: list[str], b: list[str]) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def closest_rendering(renderings: list[str], among: Sequence[int] | None = None) -> int:
    """The index of the rendering closest to all the others, of those `among` (default:
    all)."""
    keys = [[_word_key(w) for w in rendering.split()] for rendering in renderings]

    def total(i: int) -> float:
        return sum(_similarity(keys[i], k) for j, k in enumerate(keys) if j != i)

    candidates = range(len(renderings)) if among is None else among
    return max(candidates, key=lambda i: (total(i), -i))


def _ancestors(source: str, sources: Mapping[str, Source]) -> set[str]:
    """Every source `source` derives from, directly or through another."""
    found: set[str] = set()
    waiting = list(sources[source].derived_from) if source in sources else []
    while waiting:
        origin = waiting.pop()
        if origin not in found:
            found.add(origin)
            waiting += sources[origin].derived_from if origin in sources else []
    return found


def base_rendering(renderings: list[str], by: list[str], sources: Sequence[Source]) -> int:
    """The index of the base rendering: of the sources (`by`, one per rendering) that copy
    none of the others, those with the best reliability grade (ungraded counts as F), and
    of those the rendering closest to all the others."""
    known = {s.id: s for s in sources}
    present = set(by)

    def standing(i: int) -> tuple[bool, str]:
        source = known.get(by[i])
        grade = source.reliability.grade if source and source.reliability else "F"
        return bool(_ancestors(by[i], known) & present), grade

    best = min(standing(i) for i in range(len(by)))
    return closest_rendering(renderings, [i for i in range(len(by)) if standing(i) == best])


def word_diff(base: str, other: str) -> tuple[list[WordChange], float]:
    """`other` word by word against `base`, and the share of its words found in the base."""
    a, b = base.split(), other.split()
    matcher = difflib.SequenceMatcher(
        None, [_word_key(w) for w in a], [_word_key(w) for w in b], autojunk=False
    )
    changes: list[WordChange] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            changes += [WordChange(w, "same") for w in b[j1:j2]]
            continue
        changes += [WordChange(w, "dropped") for w in a[i1:i2]]
        changes += [WordChange(w, "added") for w in b[j1:j2]]
    _mark_outside(changes)
    same = sum(c.change == "same" for c in changes)
    return changes, same / len(b) if b else 0.0


def _mark_outside(changes: list[WordChange]) -> None:
    """Dropped words before the first or after the last word in common are outside the
    part this rendering quotes."""
    common = [i for i, c in enumerate(changes) if c.change == "same"]
    if not common:
        return
    for i, c in enumerate(changes):
        if c.change == "dropped" and (i < common[0] or i > common[-1]):
            changes[i] = WordChange(c.text, "outside")


@dataclass(frozen=True)
class Rendering:
    """One source's rendering of a statement: its citations (a source may quote the
    statement in pieces, joined with JOIN), the text, and, unless it is the base, how it
    differs from the base word by word and the share of its words found there."""

    source: str
    citations: tuple[Citation, ...]
    text: str
    changes: tuple[WordChange, ...] = ()
    share: float | None = None  # None for the base


@dataclass(frozen=True)
class StatementComparison:
    """Every source's rendering of one statement; `base` is the one the others are
    compared with."""

    renderings: tuple[Rendering, ...]
    base: int


def compare_renderings(statement: Statement, sources: Sequence[Source] = ()) -> StatementComparison:
    """Each source's rendering against the base (`base_rendering`; `sources` gives their
    grades and derivation)."""
    pieces: dict[str, list[Citation]] = {}
    for citation in statement.citations:
        pieces.setdefault(citation.source, []).append(citation)
    texts = [f" {JOIN} ".join(c.quote.strip() for c in cs) for cs in pieces.values()]
    base = base_rendering(texts, list(pieces), sources)
    renderings = []
    for i, (source, citations) in enumerate(pieces.items()):
        if i == base:
            renderings.append(Rendering(source, tuple(citations), texts[i]))
            continue
        changes, share = word_diff(texts[base], texts[i])
        renderings.append(Rendering(source, tuple(citations), texts[i], tuple(changes), share))
    return StatementComparison(tuple(renderings), base)
