"""The fact-sheet model: one dataclass per kind of record. Their type hints are the schema
(see hints.py), and their `validate` methods hold the rules that tie one field to another.

A briefing folder holds `briefing.yaml` (a `BriefingInfo`) and one list per kind of record:
sources, actors, places, events, claims, statements, and waivers (what the coverage check
may leave uncaptured, and why). `kinds.py` lists them; `parts.py` holds what they are made
of (citations, counts, grades), named here too.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Annotated, Any, ClassVar, Literal

from .dates import Dated
from .hints import Name, NonEmpty, Record
from .parts import (
    Citation,
    Coordinates,
    Count,
    CountRange,
    CredibilityOverride,
    Independence,
    LiveBlog,
    Period,
    Rendering,
    Since,
    SourceGrade,
    StripRule,
    alias_problems,
    count_bounds,
    status_problems,
    too_large,
    zone_problems,
)
from .versions import Assertion, Version
from .vocabulary import (
    MAX_COUNT,
    ActorKind,
    ActorRef,
    AsOfPrecision,
    Category,
    ClaimRef,
    EventRef,
    FuzzyDateText,
    Group,
    Id,
    Language,
    NameText,
    PlaceKind,
    PlaceRef,
    Precision,
    Qualifier,
    SourceRef,
    Status,
    Text,
    Time,
    ZoneName,
)
from .waiver import Waiver

__all__ = [
    "Actor",
    "Assertion",
    "BriefingInfo",
    "CasualtyClaim",
    "Citation",
    "Coordinates",
    "Count",
    "CountRange",
    "CredibilityOverride",
    "Event",
    "Independence",
    "LiveBlog",
    "Period",
    "Place",
    "Rendering",
    "Since",
    "Source",
    "SourceGrade",
    "Statement",
    "StripRule",
    "Version",
    "Waiver",
]


@dataclass
class BriefingInfo(Record):
    """`briefing.yaml`: what the briefing is about and how current it is."""

    title: Text
    summary: Text
    period: Period
    status: Literal["developing", "stable", "archived"]
    last_reviewed: datetime.date
    # The zone the briefing's clock times are written and shown in (an IANA name).
    timezone: ZoneName | None = None

    def validate(self) -> list[tuple[str, str]]:
        return zone_problems("timezone", self.timezone)


@dataclass
class Source(Record):
    """One article in `seeds/`, with what we know about where it comes from."""

    id: Id
    file: Text
    outlet: Annotated[str, Name] | None
    title: Text
    published: datetime.date
    language: Language
    label: Annotated[str, Name] | None = None
    translation: bool = False
    original_language: Language | None = None
    byline: str | None = None
    url: str | None = None
    derived_from: list[SourceRef] = field(default_factory=list)
    reliability: SourceGrade | None = None
    notes: str | None = None
    strip: list[StripRule] = field(default_factory=list)
    # The zone of the source's own timestamps (a live blog's entry times), if not the
    # briefing's.
    timezone: ZoneName | None = None
    live_blog: LiveBlog | None = None

    @property
    def short_label(self) -> str:
        return self.label or self.outlet or self.id

    def validate(self) -> list[tuple[str, str]]:
        problems = []
        if self.original_language and not self.translation:
            problems.append(
                (
                    "original_language",
                    "is set but translation is false; "
                    "set translation: true or remove original_language",
                )
            )
        if self.id in self.derived_from:
            problems.append(("derived_from", "a source cannot derive from itself"))
        if self.url is not None and not re.match(r"https?://", self.url, re.IGNORECASE):
            problems.append(("url", f"'{self.url}' must start with http:// or https://"))
        return problems + zone_problems("timezone", self.timezone)


@dataclass
class Actor(Record):
    """A person, group or body that acts or speaks in the sources."""

    id: Id
    name: NameText
    kind: ActorKind
    aliases: list[NameText] = field(default_factory=list)
    # How sources refer to them by office without naming them ("the governor of the
    # Belgorod region"): not names, but the editorial check reads a paragraph that uses one
    # as naming them.
    titles: list[NameText] = field(default_factory=list)
    affiliations: list[ActorRef] = field(default_factory=list)
    # A party to the fighting; actors affiliated with one are parties too.
    belligerent: bool = False
    description: str | None = None
    citations: list[Citation] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [self.name, *(a for a in self.aliases if a != self.name)]

    def validate(self) -> list[tuple[str, str]]:
        affiliated = (
            [("affiliations", "an actor cannot be affiliated with itself")]
            if self.id in self.affiliations
            else []
        )
        titled = alias_problems(self.name, self.titles, "titles")
        return alias_problems(self.name, self.aliases) + titled + affiliated


@dataclass
class Place(Record):
    """A named place, with every spelling the sources use."""

    id: Id
    name: NameText
    kind: PlaceKind
    region: str | None = None
    country: str | None = None
    aliases: list[NameText] = field(default_factory=list)
    coordinates: Coordinates | None = None
    description: str | None = None
    citations: list[Citation] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [self.name, *(a for a in self.aliases if a != self.name)]

    def validate(self) -> list[tuple[str, str]]:
        return alias_problems(self.name, self.aliases)


@dataclass
class Event(Dated, Record):
    """Something that happened, or is said to have happened, on a date of stated precision.

    Its status, claimed_by, confirmed_by and denied_by say whether it happened; who did it
    and what it hit are `assertions`, each graded on its own evidence."""

    EXAMPLES: ClassVar[dict[str, Any]] = {
        "assertions": [
            {
                "about": "target",
                "summary": "The partisans say the drones hit the FSB's headquarters",
                "status": "disputed",
                "claimed_by": ["freedom-of-russia-legion"],
                "denied_by": ["russia"],
                "citations": [{"source": "militias-attacking", "quote": "the partisans..."}],
            }
        ],
    }
    id: Id
    title: Text
    date: FuzzyDateText
    summary: Text
    status: Status
    citations: Annotated[list[Citation], NonEmpty]
    precision: Precision = "day"
    date_phrase: str | None = None
    time: Time | None = None
    # An event over more than a moment: the day (and time) it ended.
    end_date: datetime.date | None = None
    end_time: Time | None = None
    # The zone `time` and `end_time` are written in, when not the briefing's.
    time_zone: ZoneName | None = None
    places: list[PlaceRef] = field(default_factory=list)
    actors: list[ActorRef] = field(default_factory=list)
    claimed_by: list[ActorRef] = field(default_factory=list)
    denied_by: list[ActorRef] = field(default_factory=list)
    confirmed_by: list[ActorRef] = field(default_factory=list)
    assertions: list[Assertion] = field(default_factory=list)
    independent: list[Independence] = field(default_factory=list)
    credibility: CredibilityOverride | None = None

    def validate(self) -> list[tuple[str, str]]:
        problems = self.date_problems() + status_problems(self)
        problems += zone_problems("time_zone", self.time_zone)
        seen: set[str] = set()
        for i, assertion in enumerate(self.assertions):
            if assertion.about in seen:
                problems.append(
                    (
                        f"assertions[{i}]",
                        f"a second assertion about '{assertion.about}'; give one per aspect "
                        "and say every version of it in its summary and citations",
                    )
                )
            seen.add(assertion.about)
        return problems


@dataclass
class CasualtyClaim(Record):
    """A figure for a loss (killed, wounded, evacuated, destroyed, ...) and who gives it."""

    id: Id
    claimant: ActorRef | None
    as_of: datetime.date
    incident: EventRef
    category: Category
    group: Group
    count: Count
    citations: Annotated[list[Rendering], NonEmpty]
    qualifier: Qualifier = "exactly"
    # "before": the source says only that the figure had been given by `as_of`.
    as_of_precision: AsOfPrecision = "day"
    as_of_time: Time | None = None
    # The zone `as_of_time` is written in, when not the briefing's.
    time_zone: ZoneName | None = None
    place: PlaceRef | None = None
    # What the figure covers, when it is narrower or wider than its group and place say:
    # "people hit by artillery fire". Figures of different scope are never compared.
    scope: str | None = None
    # A figure the claimant gives only in words ("several", "hundreds"): its words; the
    # count then holds the editor's reading of them, shown as bounds, not as a figure.
    words: str | None = None
    # Where a running count starts ("since the spring"): figures counted from different
    # starts are of different scope.
    since: Since | None = None
    # The larger figure this one is part of: "at least 2 seriously" of "12 wounded".
    part_of: ClaimRef | None = None
    # For a figure in the outlet's own voice that matches a party's figure: why the outlet
    # is its own witness (it counted, or saw, for itself).
    witness: str | None = None
    independent: list[Independence] = field(default_factory=list)
    note: str | None = None
    credibility: CredibilityOverride | None = None

    EXAMPLES: ClassVar[dict[str, Any]] = {
        "scope": "people hit by artillery fire in the town",
        "words": "several",
        "part_of": "gladkov-wounded-12",
        "witness": "The outlet's reporter counted the bodies at the morgue",
    }

    @property
    def as_of_stated(self) -> bool:
        """Whether a source says when the figure was given (a rendering's `date_phrase`, or
        a time of day); otherwise `as_of` is only the date a source published it."""
        if self.as_of_precision == "before":
            return False
        return self.as_of_time is not None or any(
            isinstance(c, Rendering) and c.date_phrase and c.supports for c in self.citations
        )

    @property
    def counted_scope(self) -> str | None:
        """What the figure covers, with where its count starts: 'people treated in
        hospital, since spring 2023'. Figures of different scope are never compared."""
        since = f"since {self.since.when.label}" if self.since else None
        return ", ".join(p for p in (self.scope, since) if p) or None

    @property
    def bounds(self) -> tuple[int | None, int | None]:
        """The smallest and largest number the claim allows (None: open or unknown)."""
        return count_bounds(self.count, self.qualifier)

    def validate(self) -> list[tuple[str, str]]:
        if problems := zone_problems("time_zone", self.time_zone):
            return problems
        if self.as_of_precision == "before" and self.as_of_time is not None:
            return [("as_of_time", "a figure given at some time before its as_of has no time")]
        if self.part_of == self.id:
            return [("part_of", "a figure cannot be part of itself")]
        if not any(c.supports for c in self.citations):
            return [
                (
                    "citations",
                    "every rendering is marked an erratum; cite at least one source that "
                    "gives the figure right",
                )
            ]
        words = self.words
        if words is not None and not any(c.holds(words) for c in self.citations):
            return [("words", f"'{self.words}' is not in any quote; copy the source's words")]
        if isinstance(self.count, int) and self.count < 0:
            return [("count", "a count cannot be negative")]
        if isinstance(self.count, int) and self.count >= MAX_COUNT:
            return [("count", too_large(self.count))]
        if not isinstance(self.count, int) and self.qualifier != "exactly":
            return [
                (
                    "qualifier",
                    "only a single number takes a qualifier; "
                    "for a range use min/max, for 'unknown' remove the qualifier",
                )
            ]
        return []


@dataclass
class Statement(Dated, Record):
    """Words an actor said or wrote; each citation is one source's rendering of them."""

    id: Id
    speaker: ActorRef
    title: Text
    date: FuzzyDateText
    where: Text
    citations: Annotated[list[Citation], NonEmpty]
    precision: Precision = "day"
    date_phrase: str | None = None
    time: Time | None = None
    time_zone: ZoneName | None = None
    event: EventRef | None = None
    independent: list[Independence] = field(default_factory=list)
    note: str | None = None
    credibility: CredibilityOverride | None = None

    def validate(self) -> list[tuple[str, str]]:
        return self.date_problems() + zone_problems("time_zone", self.time_zone)
