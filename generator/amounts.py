"""Words that stand for an amount without giving one ("several", "dozens", "hundreds"), and
the least each means: the one table the pages, the checks, coverage and both guides read.

A figure given only in such words is read conservatively: as at least the table's number,
with no upper bound, since the source gave none ("hundreds" may be 900). The least is the
smallest amount a careful reader would not call a misuse of the word:
- a plural amount ("dozens", "hundreds") is at least two of its unit;
- "a few", "a couple" and "a number of" are more than one, so at least 2;
- "several" is more than a couple: at least 3 (most readers take "several" as three or
  more, and "two" would be written "two" or "a couple").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["VAGUE_AMOUNTS", "VAGUE_WORDS", "VagueAmount", "vague_amount"]


@dataclass(frozen=True)
class VagueAmount:
    """One word for an amount: the least it means, and why."""

    least: int
    why: str


VAGUE_AMOUNTS: dict[str, VagueAmount] = {
    "a couple": VagueAmount(2, "two, or about two; never fewer"),
    "a few": VagueAmount(2, "more than one"),
    "a number of": VagueAmount(2, "more than one"),
    "several": VagueAmount(3, "more than a couple"),
    "dozens": VagueAmount(24, "at least two dozen"),
    "scores": VagueAmount(40, "at least two score"),
    "hundreds": VagueAmount(200, "at least two hundred"),
    "thousands": VagueAmount(2_000, "at least two thousand"),
    "tens of thousands": VagueAmount(20_000, "at least two tens of thousands"),
    "hundreds of thousands": VagueAmount(200_000, "at least two hundred thousand"),
    "millions": VagueAmount(2_000_000, "at least two million"),
}
# The table's words as a regular expression's alternatives, longest first ("hundreds of
# thousands" before "hundreds").
VAGUE_WORDS = "|".join(re.escape(w) for w in sorted(VAGUE_AMOUNTS, key=len, reverse=True))
# An amount may be followed by "of" ("dozens of people", "a number of tanks").
_AMOUNT = re.compile(rf"({VAGUE_WORDS})(?: of)?")


def vague_amount(words: str) -> str | None:
    """The table's word that `words` is ("Several", "dozens of"), or None when they are
    anything else (a number, "several hundred", "a captured armoured vehicle")."""
    match = _AMOUNT.fullmatch(" ".join(words.lower().split()))
    return match.group(1) if match else None
