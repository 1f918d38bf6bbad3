"""Figures in a sentence, as coverage looks for them: a casualty-like number (digits or a
number word near killed, wounded, evacuated, treated, shot down, ...) or a negative such as
"no deaths" or "not clear how many were injured", each with the words a claim must quote to
capture it. Coverage reads the sources with it, and the summary check a briefing's summary."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .amounts import VAGUE_AMOUNTS
from .text import NUMBER_WORDS

__all__ = ["AMOUNT_WORDS", "Figure", "figure_phrase", "figures_in"]

# Number words, and words that stand for an amount ("several", "most", "tens of thousands"):
# the vague-amount table's one-word amounts, and a few it gives no least for. ("A few" and
# "a number of" are left out: "few" and "number" alone say no amount, as in "the number of
# dead".)
AMOUNT_WORDS = (
    set(NUMBER_WORDS)
    | {a for a in VAGUE_AMOUNTS if " " not in a}
    | {
        "zero",
        "both",
        "single",
        "half",
        "most",
        "tens",
        "numerous",
    }
)
_LOSS = re.compile(
    r"kill(s|ed|ing)?|wound(s|ed|ing)?|injur(y|ies|ed|ing)|dead|deaths?|die[sd]?|dying"
    r"|casualt(y|ies)|victims?|evacuat(e|es|ed|ing|ion|ions)|destroy(s|ed|ing)?|destruction"
    r"|lost|loss(es)?|captur(e|es|ed|ing)|missing|fled|flee(s|ing)?|shot|downed"
    r"|hostages?|detained|displaced|damaged|left|leaving|fleeing"
    r"|treat(s|ed|ing)?|hospitali[sz](ed|ing|ation)"
)
# Loss words that a negative ("no deaths", "not ... injured") turns into a figure of zero.
_HARM = re.compile(
    r"kill(ed)?|wound(s|ed)?|injur(y|ies|ed)|dead|deaths?|died|casualt(y|ies)"
    r"|victims?"
)
_NEGATIVES = {"no", "not", "none", "without", "neither", "nor", "nobody", "zero"}
_WINDOW = 6
_WORD = re.compile(r"\w[\w,.'-]*\w|\w")


@dataclass(frozen=True)
class Figure:
    """One figure in a sentence: the words that make it casualty-like ("eight people were
    wounded") and where its core stands in the sentence, the words a claim's quote must
    hold to capture it: the number and its noun ("eight people", "scores of people", "12
    wounded"), the negative through the loss ("no civilian deaths"), or the loss through
    the number after it ("wounded at least a dozen")."""

    phrase: str
    start: int
    end: int


def _is_number(word: str) -> bool:
    return bool(re.fullmatch(r"\d[\d,.]*", word)) or word in AMOUNT_WORDS


_SUPERLATIVE = re.compile(r"\w+est|worst|best|most|least")


def _counts(words: list[str], j: int) -> bool:
    """Whether the number word at `j` counts something: not the "one" of "one of the worst
    losses", which ranks a loss and gives no figure."""
    return not (
        words[j] == "one"
        and words[j + 1 : j + 3] == ["of", "the"]
        and bool(_SUPERLATIVE.fullmatch(words[j + 3] if j + 3 < len(words) else ""))
    )


def _number_start(words: list[str], j: int) -> int:
    """The first word of the number ending at `j`: "two hundred", "tens of thousands"."""
    while True:
        if j > 0 and _is_number(words[j - 1]):
            j -= 1
        elif j > 1 and words[j - 1] == "of" and _is_number(words[j - 2]):
            j -= 2
        else:
            return j


def _noun_after(words: list[str], number: int, limit: int) -> int:
    """The index of the last word of a number's core: the rest of the number ("two
    hundred"), an "of" ("scores of"), then the noun, but never past `limit`."""
    k = number
    while k + 1 <= limit and _is_number(words[k + 1]):
        k += 1
    if k + 1 < limit and words[k + 1] == "of":
        k += 1
    return min(k + 1, limit)


def _clause_end(sentence: str, matches: list[re.Match[str]], end: int) -> int:
    """The index of the last word in the clause of word `end`: a number after a loss word
    counts only within it ("losses in the war, four aircraft" is two clauses)."""
    reach = matches[end].end() + len(re.split(r"[,;:()]", sentence[matches[end].end() :])[0])
    return max(k for k in range(end, len(matches)) if matches[k].end() <= reach)


def _figure_at(
    sentence: str, matches: list[re.Match[str]], words: list[str], i: int
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The (phrase, core) word ranges of the figure for the loss word at `i`, or None."""
    word, end = words[i], i
    if word == "shot":
        if i + 1 >= len(words) or words[i + 1] not in ("down", "dead"):
            return None
        end = i + 1
    low = max(0, i - _WINDOW)
    numbers = [j for j in range(low, i) if _is_number(words[j]) and _counts(words, j)]
    numbers += [j for j in range(low, i - 1) if words[j : j + 2] == ["how", "many"]]
    negatives = (
        [j for j in range(low, i) if words[j] in _NEGATIVES] if _HARM.fullmatch(word) else []
    )
    # The nearest figure before the loss word ("eight people were wounded"), else the
    # nearest after it ("wounded at least a dozen") in the same clause.
    if numbers or negatives:
        last = max(numbers + negatives)
        if last in negatives:
            return (last, end), (last, i)
        first = _number_start(words, last)
        core = (first, _noun_after(words, last + (words[last] == "how"), i))
        first -= first > 0 and words[first - 1] == "a"  # "a dozen", "a hundred"
        return (first, end), core
    clause_end = min(_clause_end(sentence, matches, end), end + _WINDOW)
    after = [
        j for j in range(end + 1, clause_end + 1) if _is_number(words[j]) and _counts(words, j)
    ]
    if not after:
        return None
    number = min(after)
    noun = _noun_after(words, number, clause_end)
    # The number and its noun ("treating scores of people"), or with no noun after it the
    # loss word and the number ("wounded at least a dozen").
    return (i, number), (number if noun > number else i, noun)


def figures_in(sentence: str) -> list[Figure]:
    """Every figure in a sentence, in order, each core once."""
    matches = list(_WORD.finditer(sentence))
    words = [m.group(0).lower() for m in matches]
    found: dict[tuple[int, int], Figure] = {}
    for i, word in enumerate(words):
        if not _LOSS.fullmatch(word):
            continue
        figure = _figure_at(sentence, matches, words, i)
        if figure is None:
            continue
        phrase, core = figure
        span = (matches[core[0]].start(), matches[core[1]].end())
        if span not in found:
            text = " ".join(words[phrase[0] : phrase[1] + 1])
            found[span] = Figure(text, *span)
    return sorted(found.values(), key=lambda f: f.start)


def figure_phrase(sentence: str) -> str | None:
    """The words that make a sentence casualty-like (a number near a loss word, or a
    negative before a harm word, or 'how many'), or None: its first figure's."""
    figures = figures_in(sentence)
    return figures[0].phrase if figures else None
