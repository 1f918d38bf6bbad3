"""Text as the checks and the analysis compare it: normalised, split into sentences,
searched for names, read for numbers."""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterable

__all__ = ["NUMBER_WORDS", "name_pattern", "normalise", "quoted_numbers", "split_sentences"]

_EQUIVALENTS = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)


def normalise(text: str) -> str:
    """Text as compared: NFKC, one kind of quote, apostrophe and dash, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_EQUIVALENTS)
    return " ".join(text.split())


def name_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern matching any of `names` as a whole word in normalised text; None if none."""
    # Longest first, so "Belgorod region" is counted as itself and not as "Belgorod".
    alternatives = sorted({normalise(n) for n in names}, key=len, reverse=True)
    if not alternatives:
        return None
    body = "|".join(re.escape(a) for a in alternatives)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


_SENTENCE_END = re.compile(r"(?<=[.!?])([\"')\]]*)\s+(?=[\"'(\[]*[A-Z0-9])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a normalised paragraph."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.end(1)))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


# Number words and the value each stands for; a vague plural ("dozens") stands for its
# smallest sense, which is enough to tell a figure's order of magnitude.
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "dozens": 24,
    "score": 20,
    "scores": 40,
    "hundred": 100,
    "hundreds": 200,
    "thousand": 1_000,
    "thousands": 2_000,
    "million": 1_000_000,
    "millions": 2_000_000,
}
_TENS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
_MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
_MONTHS = {m.lower() for m in [*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept"]}
_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_]+|:")


def quoted_numbers(text: str) -> list[int]:
    """The numbers a quote gives, in digits or English words ("1,200", "a dozen", "two
    hundred"); years, days of the month and times of day are left out."""
    tokens = _TOKEN.findall(text.lower().replace("-", " "))
    numbers: list[int] = []
    for i, token in enumerate(tokens):
        near = tokens[max(0, i - 1) : i] + tokens[i + 1 : i + 2]
        if token[0].isdigit():
            digits = token.replace(",", "")
            if not digits.isdigit() or ":" in near or any(w in _MONTHS for w in near):
                continue
            value = int(digits)
            if "," not in token and len(digits) == 4 and 1900 <= value <= 2100:
                continue  # a year
            numbers.append(value)
        elif (
            token in _MULTIPLIERS
            and numbers
            and i > 0
            and tokens[i - 1] != "a"
            and (tokens[i - 1] in NUMBER_WORDS or tokens[i - 1][0].isdigit())
        ):
            numbers[-1] *= _MULTIPLIERS[token]
        elif token in NUMBER_WORDS:
            value = NUMBER_WORDS[token]
            if value < 10 and i > 0 and tokens[i - 1] in _TENS:
                numbers[-1] += value  # "twenty-five"
            else:
                numbers.append(value)
    return numbers
