"""Text reuse between sources: how much of one source's wording appears in another.

Two texts share a passage where they have the same run of `N_GRAM` words (after
normalising case, quotes and dashes). For each ordered pair (a, b), the reuse of a in b is
the share of a's words that lie in such a run. Quotations are counted apart: two outlets
quoting the same English translation of a statement is not evidence that one copied the
other, while shared narration is.

This is plain word n-gram matching, the method of copy detectors such as WCopyFind: it
needs no library, is exact, and its figures can be checked by hand against the passages
listed beside them.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from .text import SourceText

__all__ = ["N_GRAM", "Reuse", "SharedPassage", "measure_reuse"]

# Six words: long enough that stock phrases ("the Belgorod region of Russia") rarely match,
# short enough to survive a translator's small changes between matching runs.
N_GRAM = 6
_WORD = re.compile(r"\w+(?:'\w+)*")


@dataclass(frozen=True)
class _Token:
    word: str
    paragraph: int
    start: int
    end: int
    quoted: bool


@dataclass(frozen=True)
class SharedPassage:
    """A run of words of source `a` (paragraph, text) that source `b` also has."""

    a: str
    b: str
    paragraph_a: int
    paragraph_b: int
    text: str
    words: int
    quoted: bool
    # Words of the run outside quotation marks: narration, which copying shares and two
    # reports of one statement do not.
    narration_words: int = 0


@dataclass
class Reuse:
    """Reuse between every ordered pair of sources."""

    words: dict[str, int]
    # (a, b) -> share of a's words, in percent, in runs that b also has
    shared: dict[tuple[str, str], float] = field(default_factory=dict)
    # the same, counting only words outside quotation marks (narration)
    narration: dict[tuple[str, str], float] = field(default_factory=dict)
    # (a, b) -> the runs of a found in b, longest first
    passages: dict[tuple[str, str], list[SharedPassage]] = field(default_factory=dict)


def _tokens(text: SourceText) -> list[_Token]:
    tokens = []
    for paragraph, normalised in zip(text.paragraphs, text.normalised, strict=True):
        # Inside or outside "double quotes", counted from the paragraph start: a quote mark
        # left open by a careless outlet then spoils one paragraph, not the rest.
        marks = [m.start() for m in re.finditer('"', normalised)]
        for match in _WORD.finditer(normalised):
            quoted = bisect.bisect_left(marks, match.start()) % 2 == 1
            tokens.append(
                _Token(match.group(0).lower(), paragraph.number, match.start(), match.end(), quoted)
            )
    return tokens


def _grams(tokens: list[_Token]) -> list[tuple[str, ...]]:
    """The n-gram of words starting at each token (none for the last N_GRAM - 1)."""
    return [tuple(t.word for t in tokens[i : i + N_GRAM]) for i in range(len(tokens) - N_GRAM + 1)]


def _first_positions(grams: list[tuple[str, ...]]) -> dict[tuple[str, ...], int]:
    first: dict[tuple[str, ...], int] = {}
    for i, gram in enumerate(grams):
        first.setdefault(gram, i)
    return first


def measure_reuse(texts: dict[str, SourceText]) -> Reuse:
    """Reuse between every ordered pair of the given source texts."""
    tokens = {sid: _tokens(text) for sid, text in texts.items()}
    grams = {sid: _grams(toks) for sid, toks in tokens.items()}
    first = {sid: _first_positions(g) for sid, g in grams.items()}
    reuse = Reuse(words={sid: len(toks) for sid, toks in tokens.items()})
    for a, b in itertools.permutations(texts, 2):
        toks = tokens[a]
        covered = [False] * len(toks)
        found_at: dict[int, int] = {}
        for i, gram in enumerate(grams[a]):
            if gram in first[b]:
                found_at[i] = first[b][gram]
                for j in range(i, i + N_GRAM):
                    covered[j] = True
        narration = [i for i, t in enumerate(toks) if not t.quoted]
        reuse.shared[a, b] = _percent(sum(covered), len(toks))
        reuse.narration[a, b] = _percent(sum(covered[i] for i in narration), len(narration))
        reuse.passages[a, b] = _passages(a, b, texts[a], toks, covered, found_at, tokens[b])
    return reuse


def _percent(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 0.0


def _passages(
    a: str,
    b: str,
    text: SourceText,
    toks: list[_Token],
    covered: list[bool],
    found_at: dict[int, int],
    toks_b: list[_Token],
) -> list[SharedPassage]:
    paragraphs = {p.number: n for p, n in zip(text.paragraphs, text.normalised, strict=True)}
    runs: list[SharedPassage] = []
    i = 0
    while i < len(toks):
        if not covered[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and covered[j + 1] and toks[j + 1].paragraph == toks[i].paragraph:
            j += 1
        first, last = toks[i], toks[j]
        where_b = toks_b[found_at[i]].paragraph if i in found_at else 0
        in_quotes = sum(t.quoted for t in toks[i : j + 1])
        runs.append(
            SharedPassage(
                a,
                b,
                first.paragraph,
                where_b,
                paragraphs[first.paragraph][first.start : last.end],
                j + 1 - i,
                in_quotes * 2 > j + 1 - i,
                j + 1 - i - in_quotes,
            )
        )
        i = j + 1
    return sorted(runs, key=lambda p: (-p.words, p.paragraph_a))
