"""The parts records are made of: citations, periods, grades, counts, coordinates and the
lines to strip from a source, with the rules that tie their fields together."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Literal

from .hints import Range, Record, internal
from .vocabulary import MAX_COUNT, MAX_QUOTE, Reliability, SourceRef, Text

__all__ = [
    "Citation",
    "Coordinates",
    "Count",
    "CountRange",
    "CredibilityOverride",
    "Period",
    "SourceGrade",
    "StripRule",
    "exactly_one_of",
    "too_large",
]


@dataclass
class Citation(Record):
    """A source id and a short verbatim excerpt of that source's text."""

    source: SourceRef
    quote: Text
    # Filled in by the checks: the paragraph number where the quote was found.
    paragraph: int | None = internal(None)

    def validate(self) -> list[tuple[str, str]]:
        if len(self.quote.strip()) < 12:
            return [("quote", "is too short to locate reliably; quote at least 12 characters")]
        if len(self.quote) > MAX_QUOTE:
            return [
                (
                    "quote",
                    f"is {len(self.quote):,} characters; a quote may be at most "
                    f"{MAX_QUOTE:,} (a few sentences): quote the words that support the fact, "
                    "or cite two passages",
                )
            ]
        return []


@dataclass
class Period(Record):
    start: datetime.date
    end: datetime.date

    def validate(self) -> list[tuple[str, str]]:
        if self.end < self.start:
            return [("end", f"{self.end} is before the start {self.start}")]
        return []


@dataclass
class StripRule(Record):
    """A line of site chrome to hide from the displayed text of one source."""

    EXACTLY_ONE_OF: ClassVar[dict[str, str]] = {"text": "the whole line", "starts_with": ""}
    reason: Text
    text: str | None = None
    starts_with: str | None = None

    def validate(self) -> list[tuple[str, str]]:
        return exactly_one_of(self)

    def matches(self, line: str) -> bool:
        if self.text is not None:
            return line == self.text.strip()
        return self.starts_with is not None and line.startswith(self.starts_with.strip())


@dataclass
class SourceGrade(Record):
    """An editor's Admiralty reliability grade for a source, and why."""

    grade: Reliability
    reason: Text


@dataclass
class CredibilityOverride(Record):
    """An editor's credibility grade (1–6) for a fact, replacing the computed one, and why."""

    grade: Annotated[int, Range(1, 6, "a credibility grade (1 confirmed … 6 cannot be judged)")]
    reason: Text


@dataclass
class Coordinates(Record):
    lat: Annotated[float, Range(-90, 90, "a latitude")]
    lon: Annotated[float, Range(-180, 180, "a longitude")]


@dataclass
class CountRange(Record):
    """A figure given as a range: at least one of min and max."""

    min: int | None = None
    max: int | None = None

    def validate(self) -> list[tuple[str, str]]:
        if self.min is None and self.max is None:
            return [("min", "give min, max or both")]
        if self.min is not None and self.max is not None and self.min > self.max:
            return [("max", f"{self.max} is smaller than min {self.min}")]
        if any(v is not None and v < 0 for v in (self.min, self.max)):
            return [("min", "a count cannot be negative")]
        for name in ("min", "max"):
            if (value := getattr(self, name)) is not None and value >= MAX_COUNT:
                return [(name, too_large(value))]
        return []


Count = int | CountRange | Literal["unknown"]


def exactly_one_of(record: Any) -> list[tuple[str, str]]:
    """The problem of a record that gives none or both of its EXACTLY_ONE_OF fields (the
    JSON Schemas say the same with `oneOf`)."""
    choices: dict[str, str] = record.EXACTLY_ONE_OF
    if sum(getattr(record, name) is not None for name in choices) == 1:
        return []
    said = [f"'{name}' ({words})" if words else f"'{name}'" for name, words in choices.items()]
    return [("reason", f"give exactly one of {' or '.join(said)}")]


def too_large(count: int) -> str:
    return (
        f"{count:,} is more than any count of people or things can be (ten billion or "
        "more); check the number"
    )
