"""The fact sheets' vocabulary: ids and references, the kinds of text, and every list of
allowed words (kinds of actor and place, statuses, losses, groups, qualifiers, grades)."""

from __future__ import annotations

from typing import Annotated, Literal

from .hints import Name, NonEmpty, Pattern, Ref

# Ids, and briefing folder names (which become URLs).
ID_PATTERN = r"[a-z0-9]+(-[a-z0-9]+)*"
# The longest briefing folder name: it is a path segment of every address of the briefing,
# and a file name (most file systems stop at 255 bytes).
MAX_SLUG = 100
Id = Annotated[
    str,
    Pattern(
        ID_PATTERN,
        "an id of lowercase letters, digits and single hyphens, e.g. 'freedom-of-russia-legion'",
    ),
]
SourceRef = Annotated[str, Ref("sources")]
ActorRef = Annotated[str, Ref("actors")]
PlaceRef = Annotated[str, Ref("places")]
EventRef = Annotated[str, Ref("events")]
ClaimRef = Annotated[str, Ref("claims")]
Text = Annotated[str, NonEmpty]
# A name or alias readers search by (see names.py).
NameText = Annotated[str, NonEmpty, Name]
Language = Annotated[str, Pattern(r"[a-z]{2,3}", "a language code such as en, it, sr")]
Time = Annotated[
    str,
    Pattern(
        r"([01][0-9]|2[0-3]):[0-5][0-9]|morning|afternoon|evening|night",
        "a 24-hour time such as 18:30 (in quotes; midnight is 00:00, on the next day at a "
        "day's end), or morning, afternoon, evening or night",
    ),
]
# An IANA time-zone name; zoneinfo checks that it exists (times.zone_problem).
ZoneName = Annotated[
    str,
    Pattern(
        r"[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*",
        "an IANA time-zone name such as Europe/London, Europe/Kyiv or UTC",
    ),
]
FuzzyDateText = Annotated[
    str,
    Pattern(
        r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?",
        "a date written YYYY-MM-DD, or YYYY-MM for a month, or YYYY for a year or a season",
    ),
]

ActorKind = Literal[
    "person",
    "armed group",
    "military unit",
    "armed forces",
    "government",
    "government body",
    "state",
    "organisation",
    "media outlet",
]
PlaceKind = Literal[
    "village",
    "town",
    "city",
    "district",
    "region",
    "country",
    "border crossing",
    "facility",
    "area",
]
Precision = Literal[
    "day",
    "approximate",
    "early-month",
    "mid-month",
    "late-month",
    "month",
    "spring",
    "summer",
    "autumn",
    "winter",
    "year",
]
# When a figure was given: on its `as_of` day, or (the source says only "had said") at
# some time before it.
AsOfPrecision = Literal["day", "before"]
Status = Literal["reported", "claimed", "confirmed", "denied", "disputed"]
# What an assertion about an event is about, apart from whether the event happened: who
# was responsible, what was hit or aimed at, what came of it.
Aspect = Literal["responsibility", "target", "outcome"]
Category = Literal[
    "killed",
    "wounded",
    "casualties",
    "missing",
    "captured",
    "detained",
    "evacuated",
    "displaced",
    "destroyed",
    "damaged",
    "shot down",
]
Group = Literal[
    "civilians",
    "soldiers",
    "fighters",
    "officials",
    "unspecified",
    "aircraft",
    "vehicles",
    "buildings",
    "settlements",
]
# The noun for one of a group, for "1 civilian wounded" and "at least 1 person killed"
# ("people" stands for "unspecified").
ONE_OF_GROUP = {
    "civilians": "civilian",
    "soldiers": "soldier",
    "fighters": "fighter",
    "officials": "official",
    "people": "person",
    "aircraft": "aircraft",
    "vehicles": "vehicle",
    "buildings": "building",
    "settlements": "settlement",
}
Qualifier = Literal["exactly", "at least", "more than", "at most", "up to", "fewer than", "about"]
# Words editors write for a qualifier, by meaning: a message suggests the qualifier that means
# the same, where spelling alone would suggest the opposite ("no more than" is not "more
# than").
QUALIFIER_MEANINGS = {
    "no more than": "at most",
    "not more than": "at most",
    "maximum": "at most",
    "a maximum of": "at most",
    "as many as": "up to",
    "no fewer than": "at least",
    "not fewer than": "at least",
    "no less than": "at least",
    "not less than": "at least",
    "minimum": "at least",
    "a minimum of": "at least",
    "over": "more than",
    "above": "more than",
    "in excess of": "more than",
    "less than": "fewer than",
    "under": "fewer than",
    "below": "fewer than",
    "approximately": "about",
    "around": "about",
    "roughly": "about",
    "some": "about",
    "nearly": "about",
    "almost": "about",
}
# The editorial check's rules a waiver may silence for one record
# (`checks/editorial_rules.py` says what each finds and how to fix it).
EditorialRule = Literal[
    "dropped-hedge",
    "dropped-qualifier",
    "unheld-number",
    "unheld-name",
    "unnamed-actor",
    "unrelated-citation",
    "weak-confirmation",
    "unattributed-figure",
    "denial-as-support",
]
# The Admiralty (NATO) scale for how reliable a source is, judged by an editor.
Reliability = Literal["A", "B", "C", "D", "E", "F"]


# The longest quote: a few sentences. Longer passages are slow to compare and hard to read.
MAX_QUOTE = 2_000
# No count of people or things in a conflict reaches this (it is more than the world's
# population): a larger number is a typing mistake.
MAX_COUNT = 10_000_000_000
