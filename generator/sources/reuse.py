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


def measure_reuse(texts: dict[str, SourceText]) -> Reuse:
    """Reuse between every ordered pair of the given source texts.

    Each source's n-grams are looked up once in an index of every source's n-grams, so
    the work grows with the text and with what the sources really share, not with the
    number of pairs times the length of the texts; pairs that share nothing are zero."""
    measured = {sid: _Text.of(text) for sid, text in texts.items()}
    # Each n-gram: the sources that have it, with where it first stands in each.
    holders: dict[tuple[str, ...], list[tuple[str, int]]] = {}
    for sid, text in measured.items():
        first: dict[tuple[str, ...], int] = {}
        for i, gram in enumerate(text.grams):
            first.setdefault(gram, i)
        for gram, i in first.items():
            holders.setdefault(gram, []).append((sid, i))
    reuse = Reuse(words={sid: len(text.tokens) for sid, text in measured.items()})
    for a, text in measured.items():
        # For each other source: the positions of a's n-grams it has, with where it has
        # them first.
        found: dict[str, dict[int, int]] = {}
        for i, gram in enumerate(text.grams):
            for b, j in holders[gram]:
                if b != a:
                    found.setdefault(b, {})[i] = j
        narration_words = len(text.tokens) - text.quoted(0, len(text.tokens))
        for b in measured:
            if b == a:
                continue
            found_at = found.get(b)
            if not found_at:
                reuse.shared[a, b] = reuse.narration[a, b] = 0.0
                reuse.passages[a, b] = []
                continue
            runs = _covered(found_at)
            covered = sum(end - start for start, end in runs)
            covered_quoted = sum(text.quoted(start, end) for start, end in runs)
            reuse.shared[a, b] = _percent(covered, len(text.tokens))
            reuse.narration[a, b] = _percent(covered - covered_quoted, narration_words)
            reuse.passages[a, b] = _passages(a, b, text, runs, found_at, measured[b].tokens)
    return reuse


def _covered(found_at: dict[int, int]) -> list[tuple[int, int]]:
    """The runs of tokens (start, end) that lie in a shared n-gram, given the n-grams'
    starts, in order."""
    runs: list[tuple[int, int]] = []
    for i in sorted(found_at):
        if runs and i <= runs[-1][1]:
            runs[-1] = (runs[-1][0], i + N_GRAM)
        else:
            runs.append((i, i + N_GRAM))
    return runs


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
