"""Finding a quoted excerpt in a source text, and the closest passage when it is not there.

Matching is exact after normalising what editors cannot see or type consistently: Unicode
compatibility forms, whitespace, typographic quotes and apostrophes, and dashes.
"""

from __future__ import annotations

import difflib

from .sources import Paragraph, SourceText, normalise

__all__ = ["closest_passage", "locate_quote", "normalise"]


def locate_quote(quote: str, text: SourceText) -> Paragraph | None:
    """The first displayed paragraph that contains the quote, or None."""
    needle = normalise(quote)
    for paragraph, compared in zip(text.paragraphs, text.normalised, strict=True):
        if needle in compared:
            return paragraph
    return None


def closest_passage(quote: str, text: SourceText) -> tuple[str, Paragraph] | None:
    """The run of words most like the quote (same length), and its paragraph."""
    wanted = normalise(quote)
    size = max(1, len(wanted.split()))
    best: tuple[float, str, Paragraph] | None = None
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted.lower())
    for paragraph, compared in zip(text.paragraphs, text.normalised, strict=True):
        words = compared.split()
        for start in range(max(1, len(words) - size + 1)):
            window = " ".join(words[start:start + size])
            matcher.set_seq1(window.lower())
            if best is not None and matcher.real_quick_ratio() <= best[0]:
                continue
            if best is not None and matcher.quick_ratio() <= best[0]:
                continue
            score = matcher.ratio()
            if best is None or score > best[0]:
                best = (score, window, paragraph)
    return None if best is None else (best[1], best[2])
