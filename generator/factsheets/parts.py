"""The parts records are made of: citations, periods, grades, counts, coordinates and the
lines to strip from a source, with the rules that tie their fields together."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Literal

from ..text import holds_words, normalise
from .dates import Dated
from .hints import Range, Record, internal
from .times import zone_problem
from .vocabulary import (
    MAX_COUNT,
    MAX_QUOTE,
    FuzzyDateText,
    Precision,
    Qualifier,
    Reliability,
    SourceRef,
    Text,
    Time,
)

__all__ = [
    "Citation",
    "Coordinates",
    "Count",
    "CountRange",
    "CredibilityOverride",
    "Independence",
    "LiveBlog",
    "Period",
    "Rendering",
    "SourceGrade",
    "StripRule",
    "alias_problems",
    "exactly_one_of",
    "status_problems",
    "too_large",
    "zone_problems",
]


@dataclass
class Citation(Record):
    """A source id and a short verbatim excerpt of that source's text."""

    source: SourceRef
    quote: Text
    # The quote is in text hidden from display (a headline, a "Key events" list): cite it
    # deliberately, as evidence; the checks find it in the hidden lines.
    hidden: bool = False
    # Filled in by the checks: the paragraph number where the quote was found.
    paragraph: int | None = internal(None)

    def holds(self, words: str) -> bool:
        """Whether the quote has these words, compared as quotes are with their source (case
        aside)."""
        return holds_words(self.quote, words)

    @property
    def supports(self) -> bool:
        """Whether it supports its fact (corroborates it, and is exported as support): every
        citation but a rendering marked an erratum."""
        return True

    def validate(self) -> list[tuple[str, str]]:
        # Counted as compared: twelve soft hyphens and a letter are not twelve characters.
        if len(normalise(self.quote)) < 12:
            return [
                (
                    "quote",
                    "is too short to locate reliably; quote at least 12 characters "
                    "(characters that do not show are not counted)",
                )
            ]
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
class Rendering(Citation):
    """A citation of a figure: where one source gives it, and how that source words it.

    The claim holds the claimant's figure; each source may render it its own way ("12" in
    one, "at least a dozen" in another, "forty" in a bad translation)."""

    EXAMPLES: ClassVar[dict[str, Any]] = {
        "says": "at least a dozen",
        "qualifier": "at least",
        "date_phrase": "to date",
        "erratum": "MONDO's translation gives 'forty' where the Guardian has 'fourteen'",
    }
    # The figure in this source's own words, as they stand in the quote.
    says: str | None = None
    # How this source qualifies the figure, when it does so differently from the claim.
    qualifier: Qualifier | None = None
    # The source's words, in the quote, that say when the figure was given.
    date_phrase: str | None = None
    # Why this rendering is wrong (a mistranslation, a misquote): it is shown and flagged,
    # and counts neither for the verdict nor as corroboration.
    erratum: str | None = None

    @property
    def supports(self) -> bool:
        return self.erratum is None

    def validate(self) -> list[tuple[str, str]]:
        problems = super().validate()
        for name in ("says", "date_phrase"):
            words = getattr(self, name)
            if words is not None and not self.holds(words):
                problems.append(
                    (
                        name,
                        f"'{words}' is not in the quote; copy the source's words from the "
                        "quote, or lengthen the quote to include them",
                    )
                )
        if self.erratum is not None and not self.erratum.strip():
            problems.append(("erratum", "must say what is wrong with this rendering"))
        return problems


@dataclass
class Independence(Record):
    """An editor's ruling that two sources carry one fact independently, although they
    share narration around it (the analysis would otherwise count them as one lineage)."""

    EXAMPLES: ClassVar[dict[str, Any]] = {
        "sources": ["guardian", "militias-attacking"],
        "reason": "Both quote the same wire copy; each reporter spoke to the spokesman",
    }
    sources: list[SourceRef]
    reason: Text

    def validate(self) -> list[tuple[str, str]]:
        if len(set(self.sources)) != 2:
            return [("sources", "name exactly two different sources")]
        return []


def status_problems(record: Any) -> list[tuple[str, str]]:
    """A status whose actors are not listed: 'claimed' needs claimed_by, and so on."""
    needs = {
        "reported": [],
        "claimed": ["claimed_by"],
        "denied": ["denied_by"],
        "disputed": ["claimed_by", "denied_by"],
        "confirmed": ["confirmed_by"],
    }[record.status]
    return [
        ("status", f"is '{record.status}' but {name} is empty; list the actors in {name}")
        for name in needs
        if not getattr(record, name)
    ]


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
    """A line of site chrome to hide from the displayed text of one source: in one
    paragraph, or (`everywhere`) wherever it stands."""

    EXACTLY_ONE_OF: ClassVar[dict[str, str]] = {"text": "the whole line", "starts_with": ""}
    reason: Text
    text: str | None = None
    starts_with: str | None = None
    # Hide it only in this paragraph (its ¶ number): the same words elsewhere are text.
    paragraph: Annotated[int, Range(1, 1_000_000, "a paragraph number")] | None = None
    # The line is furniture repeated through the page: hide it wherever it stands.
    everywhere: bool = False

    def validate(self) -> list[tuple[str, str]]:
        if self.paragraph is not None and self.everywhere:
            return [("everywhere", "a rule limited to one paragraph cannot also be everywhere")]
        return exactly_one_of(self)

    def matches(self, line: str, block: int) -> bool:
        if self.paragraph is not None and block != self.paragraph:
            return False
        if self.text is not None:
            return line == self.text.strip()
        return self.starts_with is not None and line.startswith(self.starts_with.strip())


@dataclass
class Since(Dated, Record):
    """Where a running count starts: "since the spring" is `date: 2023` with `precision:
    spring`; `date_phrase` holds the source's words."""

    date: FuzzyDateText
    precision: Precision = "day"
    date_phrase: str | None = None

    def validate(self) -> list[tuple[str, str]]:
        return self.date_problems()


@dataclass
class LiveBlog(Record):
    """A source that is a live blog: timestamped entries, newest or oldest first."""

    order: Literal["newest-first", "oldest-first"]
    # When the blog was last updated (its first entry's day, for a newest-first blog).
    updated: datetime.date | None = None
    updated_time: Time | None = None


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


def zone_problems(name: str, zone: str | None) -> list[tuple[str, str]]:
    """A zone field's problem, if it names no zone zoneinfo knows."""
    problem = None if zone is None else zone_problem(zone)
    return [] if problem is None else [(name, problem)]


def alias_problems(name: str, aliases: list[str], field: str = "aliases") -> list[tuple[str, str]]:
    """Aliases (or titles, given `field`) listed twice."""
    seen: set[str] = set()
    problems = []
    for alias in aliases:
        if alias in seen:
            problems.append((field, f"'{alias}' is listed twice"))
        seen.add(alias)
    return problems


def count_bounds(count: Count, qualifier: str) -> tuple[int | None, int | None]:
    """The smallest and largest number a count with a qualifier allows (None: open or
    unknown)."""
    if count == "unknown":
        return None, None
    if isinstance(count, CountRange):
        return count.min, count.max
    return {
        "exactly": (count, count),
        "about": (count, count),
        "at least": (count, None),
        "more than": (count + 1, None),
        "at most": (0, count),
        "up to": (0, count),
        "fewer than": (0, max(count - 1, 0)),
    }[qualifier]
