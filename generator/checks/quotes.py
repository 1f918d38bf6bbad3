"""Finding a quoted excerpt in a source text, and the closest passage when it is not there.

Matching is exact after normalising what editors cannot see or type consistently: Unicode
compatibility forms, whitespace, typographic quotes and apostrophes, and dashes.
"""

from __future__ import annotations

import difflib
import heapq
from collections import Counter

from ..sources.text import Paragraph, SourceText, StrippedLine
from ..text import normalise

__all__ = ["closest_passage", "hidden_lines_quoting", "paragraphs_quoting"]


def paragraphs_quoting(quote: str, text: SourceText) -> list[Paragraph]:
    """Every displayed paragraph that contains the quote, in order."""
    needle = normalise(quote)
    return [
        p
        for p, compared in zip(text.paragraphs, text.normalised, strict=True)
        if needle in compared
    ]


def hidden_lines_quoting(quote: str, text: SourceText) -> list[StrippedLine]:
    """Every line hidden from display that contains the quote, in order."""
    needle = normalise(quote)
    return [line for line in text.stripped if needle in normalise(line.text)]


# How many candidate runs of words get the exact (slow) comparison: enough that the best
# by word overlap is among them, few enough that a megabyte of source answers in a second.
_CANDIDATES = 200
# Words of a quote the hint is looked for with: a hint only needs to point at the spot.
_HINT_WORDS = 40


def _overlap_windows(wanted: list[str], words: list[str], size: int) -> list[tuple[int, int]]:
    """(shared words, start) for each run of `size` words, by a sliding count: linear in
    the length of the text, whatever the length of the quote."""
    need = Counter(wanted)
    have: Counter[str] = Counter()
    shared = 0
    windows = []
    for end, word in enumerate(words):
        have[word] += 1
        shared += have[word] <= need[word]
        if end >= size:
            gone = words[end - size]
            shared -= have[gone] <= need[gone]
            have[gone] -= 1
        if end >= size - 1 or end == len(words) - 1:
            windows.append((shared, max(0, end - size + 1)))
    return windows


def closest_passage(quote: str, text: SourceText) -> tuple[str, Paragraph] | None:
    """The run of words most like the quote (as long as its first words), and its paragraph.

    Runs are first ranked by how many of the quote's words they share, counted in one pass;
    only the best few are compared letter by letter, so the search stays fast on any
    source and any quote.
    """
    wanted = normalise(quote).split()[:_HINT_WORDS]
    size = max(1, len(wanted))
    keys = [w.lower() for w in wanted]
    candidates: list[tuple[int, int, int]] = []  # (-shared, paragraph index, start)
    paragraph_words = [compared.split() for compared in text.normalised]
    for index, words in enumerate(paragraph_words):
        lowered = [w.lower() for w in words]
        for shared, start in _overlap_windows(keys, lowered, size):
            candidates.append((-shared, index, start))
    best: tuple[float, str, Paragraph] | None = None
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(" ".join(keys))
    for _, index, start in heapq.nsmallest(_CANDIDATES, candidates):
        window = " ".join(paragraph_words[index][start : start + size])
        matcher.set_seq1(window.lower())
        if best is not None and matcher.quick_ratio() <= best[0]:
            continue
        score = matcher.ratio()
        if best is None or score > best[0]:
            best = (score, window, text.paragraphs[index])
    return None if best is None else (best[1], best[2])
