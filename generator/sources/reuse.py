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
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from ..collector import collector_paused
from .text import SourceText

__all__ = ["N_GRAM", "Reuse", "SharedPassage", "measure_reuse"]

# Six words: long enough that stock phrases ("the Belgorod region of Russia") rarely match,
# short enough to survive a translator's small changes between matching runs.
N_GRAM = 6
_WORD = re.compile(r"\w+(?:'\w+)*")


class _Token(NamedTuple):
    # A tuple, not a dataclass: a briefing makes one per word of every source.
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

    @property
    def shares_narration(self) -> bool:
        """Whether the run holds an n-gram's worth of narration: then it is not only a
        shared quotation, even when it is mostly quoted ('"...," Andriy Yusov, a
        spokesperson for Ukraine's military intelligence, told'), and points to copying."""
        return self.narration_words >= N_GRAM


@dataclass
class Reuse:
    """Reuse between every ordered pair of sources."""

    words: dict[str, int]
    # (a, b) -> share of a's words, in percent, in runs that b also has
    shared: dict[tuple[str, str], float] = field(default_factory=dict)
    # the same, counting only words outside quotation marks (narration)
    narration: dict[tuple[str, str], float] = field(default_factory=dict)
    # (a, b) -> the runs of a found in b, longest first
    passages: Mapping[tuple[str, str], list[SharedPassage]] = field(default_factory=dict)


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
    words = [t.word for t in tokens]
    if len(words) < N_GRAM:
        return []
    return list(zip(*(words[k : len(words) - N_GRAM + 1 + k] for k in range(N_GRAM)), strict=True))


@dataclass
class _Text:
    """One source's tokens, as the pairwise measure reads them."""

    tokens: list[_Token]
    grams: list[tuple[str, ...]]
    # quoted_before[j]: how many of the first j tokens are inside quotation marks.
    quoted_before: list[int]
    # The token index where each paragraph after the first starts.
    breaks: list[int]
    paragraphs: dict[int, str]

    @classmethod
    def of(cls, text: SourceText) -> _Text:
        tokens = _tokens(text)
        quoted_before = [0, *itertools.accumulate(t.quoted for t in tokens)]
        breaks = [
            j for j in range(1, len(tokens)) if tokens[j].paragraph != tokens[j - 1].paragraph
        ]
        paragraphs = {p.number: n for p, n in zip(text.paragraphs, text.normalised, strict=True)}
        return cls(tokens, _grams(tokens), quoted_before, breaks, paragraphs)

    def quoted(self, start: int, end: int) -> int:
        """How many of tokens[start:end] are inside quotation marks."""
        return self.quoted_before[end] - self.quoted_before[start]


# A run of N_GRAM words that more than this many sources share is a stock phrase of the
# story ("since the full-scale invasion of Ukraine in February 2022"), not a sign that one
# copied another; counting it would also make every pair of such sources a pair to work
# out, and the work grow with the square of the sources.
STOCK_PHRASE = 20


def measure_reuse(texts: dict[str, SourceText]) -> Reuse:
    """Reuse between every ordered pair of the given source texts.

    Each source's n-grams are looked up once in an index of every source's n-grams, so
    the work grows with the text and with what the sources really share, not with the
    number of pairs times the length of the texts; pairs that share nothing are zero."""
    # Millions of small objects with no reference cycles (see collector_paused).
    with collector_paused():
        return _measure(texts)


def _measure(texts: dict[str, SourceText]) -> Reuse:
    measured = {sid: _Text.of(text) for sid, text in texts.items()}
    # Each n-gram: the sources that have it, with where it first stands in each.
    # (defaultdicts: `setdefault` would make an empty container for every call.)
    holders: defaultdict[tuple[str, ...], list[tuple[str, int]]] = defaultdict(list)
    for sid, text in measured.items():
        for i, gram in enumerate(text.grams):
            held = holders[gram]
            # Sources are added one at a time: if this one has the n-gram already, it is
            # the last holder listed, with its first position.
            if not held or held[-1][0] != sid:
                held.append((sid, i))
    passages = _Passages(measured)
    reuse = Reuse(
        words={sid: len(text.tokens) for sid, text in measured.items()}, passages=passages
    )
    for a, text in measured.items():
        # For each other source: the positions of a's n-grams it has, with where it has
        # them first, in the order of a's positions.
        found: defaultdict[str, dict[int, int]] = defaultdict(dict)
        for i, gram in enumerate(text.grams):
            held = holders[gram]
            if len(held) == 1 or len(held) > STOCK_PHRASE:
                continue  # only a has it (most n-grams), or a stock phrase
            for b, j in held:
                if b != a:
                    found[b][i] = j
        narration_words = len(text.tokens) - text.quoted(0, len(text.tokens))
        for b in measured:
            if b == a:
                continue
            found_at = found.get(b)
            if not found_at:
                reuse.shared[a, b] = reuse.narration[a, b] = 0.0
                passages.add(a, b, [], {})
                continue
            runs, covered, covered_quoted = _covered(found_at, text.quoted_before)
            reuse.shared[a, b] = _percent(covered, len(text.tokens))
            reuse.narration[a, b] = _percent(covered - covered_quoted, narration_words)
            passages.add(a, b, runs, found_at)
    return reuse


class _Passages(Mapping[tuple[str, str], list[SharedPassage]]):
    """Each pair's shared passages, worked out when first read: the check needs only the
    shares, and making the passages of every pair of a few hundred sources was most of the
    time taken to measure reuse."""

    def __init__(self, texts: dict[str, _Text]) -> None:
        self._texts = texts
        # (a, b) -> the runs of a covered by n-grams b has, and where b has each first
        self._found: dict[tuple[str, str], tuple[list[tuple[int, int]], dict[int, int]]] = {}
        self._made: dict[tuple[str, str], list[SharedPassage]] = {}

    def add(self, a: str, b: str, runs: list[tuple[int, int]], found_at: dict[int, int]) -> None:
        self._found[a, b] = (runs, found_at)

    def __getitem__(self, pair: tuple[str, str]) -> list[SharedPassage]:
        made = self._made.get(pair)
        if made is None:
            runs, found_at = self._found[pair]
            a, b = pair
            text = self._texts[a]
            made = _passages(a, b, text, runs, found_at, self._texts[b].tokens) if runs else []
            self._made[pair] = made
        return made

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._found)

    def __len__(self) -> int:
        return len(self._found)


def _covered(
    found_at: dict[int, int], quoted_before: list[int]
) -> tuple[list[tuple[int, int]], int, int]:
    """The runs of tokens (start, end) that lie in a shared n-gram, given the n-grams'
    starts in increasing order; how many tokens they hold, and how many of those are
    quoted. (Run once per pair that shares anything, so kept to one plain loop.)"""
    runs: list[tuple[int, int]] = []
    covered = quoted = 0
    start = end = -1
    for i in found_at:
        if i <= end:
            end = i + N_GRAM
            continue
        if end >= 0:
            runs.append((start, end))
            covered += end - start
            quoted += quoted_before[end] - quoted_before[start]
        start, end = i, i + N_GRAM
    runs.append((start, end))
    covered += end - start
    quoted += quoted_before[end] - quoted_before[start]
    return runs, covered, quoted


def _percent(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 0.0


def _passages(
    a: str,
    b: str,
    text: _Text,
    runs: list[tuple[int, int]],
    found_at: dict[int, int],
    toks_b: list[_Token],
) -> list[SharedPassage]:
    """The covered runs, cut where a paragraph ends, as passages, longest first."""
    passages: list[SharedPassage] = []
    toks = text.tokens
    for run_start, run_end in runs:
        # Cut the run where a new paragraph starts.
        inside = text.breaks[
            bisect.bisect_right(text.breaks, run_start) : bisect.bisect_left(text.breaks, run_end)
        ]
        starts = [run_start, *inside]
        for i, end in zip(starts, [*starts[1:], run_end], strict=True):
            first, last = toks[i], toks[end - 1]
            words = end - i
            in_quotes = text.quoted(i, end)
            passages.append(
                SharedPassage(
                    a,
                    b,
                    first.paragraph,
                    toks_b[found_at[i]].paragraph if i in found_at else 0,
                    text.paragraphs[first.paragraph][first.start : last.end],
                    words,
                    in_quotes * 2 > words,
                    words - in_quotes,
                )
            )
    return sorted(passages, key=lambda p: (-p.words, p.paragraph_a))
