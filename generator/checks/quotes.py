"""Finding a quoted excerpt in a source text, and the closest passage when it is not there.

Matching is exact after normalising what editors cannot see or type consistently
(`text.normalise`): characters no reader sees (soft hyphens, zero-width spaces and joiners),
compatibility forms that read the same (full-width letters, ligatures, no-break spaces),
whitespace, typographic quotes and apostrophes, and dashes; never what changes a number or
a word ("12³" stays "12³"). When the closest passage differs from the quote only in what a
reader cannot tell apart (a hidden character, a look-alike letter, a superscript digit), the
message names each difference instead of showing a passage that looks the same.
"""

from __future__ import annotations

import difflib
import heapq
from collections import Counter
from dataclasses import dataclass

from ..names import character_name, is_hidden, looks_alike
from ..sources.text import Paragraph, SourceText, StrippedLine
from ..text import UNSEEN, normalise, normalise_mapped

__all__ = [
    "Passage",
    "closest_passage",
    "differences",
    "hidden_in",
    "hidden_lines_quoting",
    "paragraphs_quoting",
]


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


@dataclass(frozen=True)
class Passage:
    """A run of words of a paragraph: as compared (`normalise`) and as the source writes it."""

    compared: str
    shown: str
    paragraph: Paragraph
    # Whether the run is as long as the whole quote (a long quote is matched by its start).
    whole: bool


def closest_passage(quote: str, text: SourceText) -> Passage | None:
    """The run of words most like the quote (as long as its first words), and its paragraph.

    Runs are first ranked by how many of the quote's words they share, counted in one pass;
    only the best few are compared letter by letter, so the search stays fast on any
    source and any quote.
    """
    every = normalise(quote).split()
    wanted = every[:_HINT_WORDS]
    size = max(1, len(wanted))
    keys = [w.lower() for w in wanted]
    candidates: list[tuple[int, int, int]] = []  # (-shared, paragraph index, start)
    paragraph_words = [compared.split() for compared in text.normalised]
    for index, words in enumerate(paragraph_words):
        lowered = [w.lower() for w in words]
        for shared, start in _overlap_windows(keys, lowered, size):
            candidates.append((-shared, index, start))
    best: tuple[float, int, int] | None = None  # (score, paragraph index, start)
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(" ".join(keys))
    for _, index, start in heapq.nsmallest(_CANDIDATES, candidates):
        window = " ".join(paragraph_words[index][start : start + size])
        matcher.set_seq1(window.lower())
        if best is not None and matcher.quick_ratio() <= best[0]:
            continue
        score = matcher.ratio()
        if best is None or score > best[0]:
            best = (score, index, start)
    if best is None:
        return None
    _, index, start = best
    words = paragraph_words[index][start : start + size]
    paragraph = text.paragraphs[index]
    return Passage(
        " ".join(words),
        _as_written(paragraph.text, paragraph_words[index], start, len(words)),
        paragraph,
        len(words) == len(every),
    )


def _as_written(text: str, words: list[str], start: int, count: int) -> str:
    """Words `start` to `start + count` of `normalise(text).split()`, as `text` writes them."""
    compared, spans = normalise_mapped(text)
    first = sum(len(w) + 1 for w in words[:start])
    last = first + len(" ".join(words[start : start + count]))
    if not compared or last <= first:
        return ""
    return text[spans[first][0] : spans[last - 1][1]]


# The differences between a quote and its closest passage named at most, and the letters
# of context before each.
_MAX_NAMED = 3
_CONTEXT = 16


def differences(quote: str, passage: Passage) -> list[str]:
    """When the quote and the passage differ only in what a reader cannot tell apart (hidden
    characters, look-alike letters, compatibility forms), each difference in words, with
    what to do; otherwise none (the passage itself shows what differs)."""
    wanted = normalise(quote)
    if not passage.whole or wanted == passage.compared:
        return []
    matcher = difflib.SequenceMatcher(None, wanted, passage.compared, autojunk=False)
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if not changes or not all(
        looks_alike(wanted[i1:i2], passage.compared[j1:j2]) for _, i1, i2, j1, j2 in changes
    ):
        return []
    named = [
        _difference(wanted[i1:i2], passage.compared[j1:j2], _before(wanted, i1))
        for _, i1, i2, j1, j2 in changes[:_MAX_NAMED]
    ]
    if len(changes) > _MAX_NAMED:
        named.append(f"and {len(changes) - _MAX_NAMED} more such differences")
    return named


def _before(text: str, at: int) -> str:
    if at == 0:
        return "at the start"
    context = text[max(0, at - _CONTEXT) : at]
    if at > _CONTEXT and " " in context:
        context = context.split(" ", 1)[1]
    return f'after "{context}"'


def _named(chars: str) -> str:
    """Characters as a message names them: each hidden one by its code and name only (the
    terminal would show nothing), each other one as itself and by its name."""
    return ", ".join(
        character_name(c) if is_hidden(c) else f'"{c}" ({character_name(c)})' for c in chars
    )


def _difference(quoted: str, source: str, where: str) -> str:
    if not source:
        return f"the quote holds {_named(quoted)} {where}, where the source has nothing: delete it"
    escapes = "".join(f"\\u{ord(c):04x}" for c in source if is_hidden(c))
    typed = (
        f' (copy it from the source, or write "{escapes}" in a double-quoted YAML string)'
        if escapes
        else ""
    )
    if not quoted:
        return f"the source has {_named(source)} {where}, which the quote lacks{typed}"
    return (
        f"the quote has {_named(quoted)} {where} where the source has {_named(source)}: "
        f"write it as the source does{typed}"
    )


def hidden_in(passage: Passage, quote: str) -> list[str]:
    """Hidden characters the shown passage holds and the quote does not, other than those
    comparing ignores: they print as nothing, so the message names them."""
    found = dict.fromkeys(
        c for c in passage.shown if is_hidden(c) and c not in UNSEEN and c not in quote
    )
    return [character_name(c) for c in found]
