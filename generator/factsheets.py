"""The fact-sheet model and the loading of a briefing folder.

A briefing folder holds `briefing.yaml` (a mapping) and one list per kind of fact:
`sources.yaml`, `actors.yaml`, `places.yaml`, `events.yaml`, `claims.yaml`, `statements.yaml`,
and `waivers.yaml` (what the coverage check may leave uncaptured, and why). The dataclasses
below are the schema: their type hints say what an editor may write (see `schema.py`), and
their `validate` methods hold the rules that tie one field to another.
"""

from __future__ import annotations

import calendar
import datetime
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

from .confine import InputRefused, read_inside
from .problems import Problem, display_path
from .schema import Name, NonEmpty, Pattern, Range, Record, RecordReader, Ref, internal
from .strict_yaml import Sequence, parse_yaml

__all__ = [
    "FACT_SHEET_LIMIT",
    "ID_PATTERN",
    "SCHEMA_FOLDER",
    "Actor",
    "BriefingInfo",
    "CasualtyClaim",
    "Citation",
    "CountRange",
    "CredibilityOverride",
    "Event",
    "FactSheets",
    "Place",
    "Source",
    "SourceGrade",
    "Statement",
    "Waiver",
    "load_factsheets",
    "sheet_names",
]

# Ids, and briefing folder names (which become URLs).
ID_PATTERN = r"[a-z0-9]+(-[a-z0-9]+)*"
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
Text = Annotated[str, NonEmpty]
# A name or alias readers search by (see names.py).
NameText = Annotated[str, NonEmpty, Name]
Language = Annotated[str, Pattern(r"[a-z]{2,3}", "a language code such as en, it, sr")]
Time = Annotated[
    str,
    Pattern(
        r"([01][0-9]|2[0-3]):[0-5][0-9]|morning|afternoon|evening|night",
        "a 24-hour time such as 18:30 (in quotes), or morning, afternoon, evening or night",
    ),
]
FuzzyDateText = Annotated[
    str,
    Pattern(
        r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?",
        "a date written YYYY-MM-DD, or YYYY-MM for a month, or YYYY for a year",
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
Precision = Literal["day", "approximate", "early-month", "mid-month", "late-month", "month", "year"]
Status = Literal["reported", "claimed", "confirmed", "denied", "disputed"]
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
Qualifier = Literal["exactly", "at least", "more than", "at most", "up to", "fewer than", "about"]
# The Admiralty (NATO) scale for how reliable a source is, judged by an editor.
Reliability = Literal["A", "B", "C", "D", "E", "F"]


# The longest quote: a few sentences. Longer passages are slow to compare and hard to read.
MAX_QUOTE = 2_000
# No count of people or things in a conflict reaches this (it is more than the world's
# population): a larger number is a typing mistake.
MAX_COUNT = 10_000_000_000


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
            return [("quote", f"is {len(self.quote):,} characters; a quote may be at most "
                     f"{MAX_QUOTE:,} (a few sentences): quote the words that support the fact, "
                     "or cite two passages")]
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
class BriefingInfo(Record):
    """`briefing.yaml`: what the briefing is about and how current it is."""

    title: Text
    summary: Text
    period: Period
    status: Literal["developing", "stable", "archived"]
    last_reviewed: datetime.date


@dataclass
class StripRule(Record):
    """A line of site chrome to hide from the displayed text of one source."""

    EXACTLY_ONE_OF: ClassVar[tuple[str, ...]] = ("text", "starts_with")
    reason: Text
    text: str | None = None
    starts_with: str | None = None

    def validate(self) -> list[tuple[str, str]]:
        if (self.text is None) == (self.starts_with is None):
            return [("reason", "give exactly one of 'text' (the whole line) or 'starts_with'")]
        return []

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

    @property
    def short_label(self) -> str:
        return self.label or self.outlet or self.id

    def validate(self) -> list[tuple[str, str]]:
        problems = []
        if self.original_language and not self.translation:
            problems.append(("original_language", "is set but translation is false; "
                             "set translation: true or remove original_language"))
        if self.id in self.derived_from:
            problems.append(("derived_from", "a source cannot derive from itself"))
        if self.url is not None and not re.match(r"https?://", self.url, re.IGNORECASE):
            problems.append(("url", f"'{self.url}' must start with http:// or https://"))
        return problems


@dataclass
class Actor(Record):
    """A person, group or body that acts or speaks in the sources."""

    id: Id
    name: NameText
    kind: ActorKind
    aliases: list[NameText] = field(default_factory=list)
    affiliations: list[ActorRef] = field(default_factory=list)
    # A party to the fighting; actors affiliated with one are parties too.
    belligerent: bool = False
    description: str | None = None
    citations: list[Citation] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [self.name, *(a for a in self.aliases if a != self.name)]

    def validate(self) -> list[tuple[str, str]]:
        return _alias_problems(self.name, self.aliases) + (
            [("affiliations", "an actor cannot be affiliated with itself")]
            if self.id in self.affiliations
            else []
        )


@dataclass
class Coordinates(Record):
    lat: Annotated[float, Range(-90, 90, "a latitude")]
    lon: Annotated[float, Range(-180, 180, "a longitude")]


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
        return _alias_problems(self.name, self.aliases)


@dataclass(frozen=True)
class DateRange:
    """The days a date of some precision may stand for, and how to say it honestly."""

    start: datetime.date
    end: datetime.date
    label: str


class Dated:
    """What events and statements share: a date of stated precision, and an optional time."""

    id: str
    date: str
    precision: str
    time: str | None

    @property
    def when(self) -> DateRange:
        return date_range(self.date, self.precision)

    def date_problems(self) -> list[tuple[str, str]]:
        try:
            date_range(self.date, self.precision)
        except ValueError as exc:
            return [("date", str(exc))]
        return []


@dataclass
class Event(Dated, Record):
    """Something that happened, or is said to have happened, on a date of stated precision."""

    id: Id
    title: Text
    date: FuzzyDateText
    summary: Text
    status: Status
    citations: Annotated[list[Citation], NonEmpty]
    precision: Precision = "day"
    date_phrase: str | None = None
    time: Time | None = None
    places: list[PlaceRef] = field(default_factory=list)
    actors: list[ActorRef] = field(default_factory=list)
    claimed_by: list[ActorRef] = field(default_factory=list)
    denied_by: list[ActorRef] = field(default_factory=list)
    confirmed_by: list[ActorRef] = field(default_factory=list)
    credibility: CredibilityOverride | None = None

    def validate(self) -> list[tuple[str, str]]:
        problems = self.date_problems()
        needs = {
            "reported": [],
            "claimed": ["claimed_by"],
            "denied": ["denied_by"],
            "disputed": ["claimed_by", "denied_by"],
            "confirmed": ["confirmed_by"],
        }[self.status]
        for name in needs:
            if not getattr(self, name):
                problems.append(
                    ("status", f"is '{self.status}' but {name} is empty; "
                     f"list the actors in {name}")
                )
        return problems


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
                return [(name, _too_large(value))]
        return []


Count = int | CountRange | Literal["unknown"]


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
    citations: Annotated[list[Citation], NonEmpty]
    qualifier: Qualifier = "exactly"
    as_of_time: Time | None = None
    place: PlaceRef | None = None
    note: str | None = None
    credibility: CredibilityOverride | None = None

    @property
    def bounds(self) -> tuple[int | None, int | None]:
        """The smallest and largest number the claim allows (None: open or unknown)."""
        if self.count == "unknown":
            return None, None
        if isinstance(self.count, CountRange):
            return self.count.min, self.count.max
        n = self.count
        return {
            "exactly": (n, n),
            "about": (n, n),
            "at least": (n, None),
            "more than": (n + 1, None),
            "at most": (0, n),
            "up to": (0, n),
            "fewer than": (0, max(n - 1, 0)),
        }[self.qualifier]

    def validate(self) -> list[tuple[str, str]]:
        if isinstance(self.count, int) and self.count < 0:
            return [("count", "a count cannot be negative")]
        if isinstance(self.count, int) and self.count >= MAX_COUNT:
            return [("count", _too_large(self.count))]
        if not isinstance(self.count, int) and self.qualifier != "exactly":
            return [("qualifier", "only a single number takes a qualifier; "
                     "for a range use min/max, for 'unknown' remove the qualifier")]
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
    event: EventRef | None = None
    note: str | None = None
    credibility: CredibilityOverride | None = None

    def validate(self) -> list[tuple[str, str]]:
        return self.date_problems()


@dataclass
class Waiver(Record):
    """Something the coverage check need not find captured: a name, or one sentence."""

    EXACTLY_ONE_OF: ClassVar[tuple[str, ...]] = ("name", "sentence")
    reason: Text
    name: str | None = None
    sentence: Citation | None = None

    def validate(self) -> list[tuple[str, str]]:
        if (self.name is None) == (self.sentence is None):
            return [("reason", "give exactly one of 'name' (a proper name, waived in every "
                     "source) or 'sentence' (a source and a quote from the sentence)")]
        if self.name is not None and not self.name.strip():
            return [("name", "must not be empty")]
        return []


def _too_large(count: int) -> str:
    return (f"{count:,} is more than any count of people or things can be (ten billion or "
            "more); check the number")


def _alias_problems(name: str, aliases: list[str]) -> list[tuple[str, str]]:
    seen: set[str] = set()
    problems = []
    for alias in aliases:
        if alias in seen:
            problems.append(("aliases", f"'{alias}' is listed twice"))
        seen.add(alias)
    return problems


def date_range(text: str, precision: str) -> DateRange:
    """The range of days `text` at `precision` stands for; ValueError says why it can't."""
    parts = [int(p) for p in text.split("-")]
    wants = {"day": 3, "approximate": 3, "year": 1}.get(precision, 2)
    if len(parts) != wants:
        form = {3: "YYYY-MM-DD", 2: "YYYY-MM", 1: "YYYY"}[wants]
        raise ValueError(f"precision '{precision}' needs a date written {form}, not '{text}'")
    year = parts[0]
    if year < 1:
        raise ValueError(f"'{text}' is in year 0, which no calendar has")
    if precision == "year":
        return DateRange(datetime.date(year, 1, 1), datetime.date(year, 12, 31), str(year))
    month = parts[1]
    if not 1 <= month <= 12:
        raise ValueError(f"'{text}' has no month {month}")
    month_name = calendar.month_name[month]
    last = calendar.monthrange(year, month)[1]
    if precision in ("day", "approximate"):
        try:
            day = datetime.date(year, month, parts[2])
        except ValueError:
            raise ValueError(f"'{text}' is not a real calendar date") from None
        label = f"{day.day} {month_name} {year}"
        if precision == "approximate":
            # Clamped at the calendar's ends (1 January 1, 31 December 9999).
            three = datetime.timedelta(days=3)
            start = day - three if day > datetime.date.min + three else datetime.date.min
            end = day + three if day < datetime.date.max - three else datetime.date.max
            return DateRange(start, end, f"around {label}")
        return DateRange(day, day, label)
    spans = {
        "early-month": (1, 10, f"early {month_name} {year}"),
        "mid-month": (11, 20, f"mid-{month_name} {year}"),
        "late-month": (21, last, f"late {month_name} {year}"),
        "month": (1, last, f"{month_name} {year}"),
    }
    first, final, label = spans[precision]
    return DateRange(datetime.date(year, month, first), datetime.date(year, month, final), label)


FACT_FILES: dict[str, type] = {
    "sources": Source,
    "actors": Actor,
    "places": Place,
    "events": Event,
    "claims": CasualtyClaim,
    "statements": Statement,
    "waivers": Waiver,
}


# Where `briefing schema` writes the JSON Schemas: a folder under briefings/ that is not a
# briefing.
SCHEMA_FOLDER = "schemas"
# The largest fact sheet read (about 6,000 events); it parses and reads in about two seconds.
FACT_SHEET_LIMIT = 5_000_000


@dataclass
class FactSheets:
    """Everything read from one briefing folder, before cross-checks."""

    slug: str
    folder: Path
    info: BriefingInfo | None = None
    sources: list[Source] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[CasualtyClaim] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    waivers: list[Waiver] = field(default_factory=list)
    # Which file each kind came from, as shown in problems (relative to the project root).
    files: dict[str, str] = field(default_factory=dict)
    # Records that had problems, with their good fields (see RecordReader.partial).
    partial: dict[str, list[Any]] = field(default_factory=dict)
    # Kinds whose sheet could not be read at all (not UTF-8, a YAML syntax error, refused):
    # references to them are not checked, so one broken file gives one error, not fifty.
    unreadable: set[str] = field(default_factory=set)

    def records(self, kind: str) -> list[Any]:
        return getattr(self, kind)


def sheet_names() -> list[str]:
    """The file names a briefing folder may hold, briefing.yaml first."""
    return ["briefing.yaml", *(f"{kind}.yaml" for kind in FACT_FILES)]


def load_factsheets(folder: Path, root: Path) -> tuple[FactSheets, list[Problem]]:
    """Read every fact sheet in a briefing folder; problems name files relative to `root`."""
    sheets = FactSheets(slug=folder.name, folder=folder)
    problems: list[Problem] = _unknown_sheets(folder, root)

    info_path = folder / "briefing.yaml"
    sheets.files["briefing"] = display_path(info_path, root)
    node = _read_yaml(info_path, folder, sheets.files["briefing"], problems, required=True)
    if node is _UNREADABLE:
        sheets.unreadable.add("briefing")
    elif node is None:
        problems.append(Problem(sheets.files["briefing"], 1, "", "is empty; it needs title, "
                                "summary, period, status and last_reviewed (see "
                                "briefings/schemas/briefing.schema.json)"))
    else:
        reader = RecordReader(sheets.files["briefing"])
        sheets.info = reader.read_record(BriefingInfo, node)
        problems += reader.problems

    for kind, cls in FACT_FILES.items():
        path = folder / f"{kind}.yaml"
        display = display_path(path, root)
        sheets.files[kind] = display
        node = _read_yaml(path, folder, display, problems, required=kind == "sources")
        if node is _UNREADABLE:
            sheets.unreadable.add(kind)
            continue
        if node is None:
            continue
        if not isinstance(node, Sequence):
            problems.append(Problem(display, node.line, "", f"{kind}.yaml must be a list of "
                                    f"{kind}, one '- ...' entry each"))
            sheets.unreadable.add(kind)
            continue
        reader = RecordReader(display)
        records = [reader.read_record(cls, item) for item in node]
        sheets.records(kind).extend(r for r in records if r is not None)
        sheets.partial[kind] = reader.partial
        problems += reader.problems
    return sheets, problems


def _unknown_sheets(folder: Path, root: Path) -> list[Problem]:
    """YAML files the loader would not read: a misnamed sheet would silently drop its facts."""
    known = sheet_names()
    problems = []
    for path in sorted(folder.iterdir()):
        stem, dot, extension = path.name.rpartition(".")
        if not dot or extension.lower() not in ("yaml", "yml") or path.name in known:
            continue
        wanted = f"{stem.lower()}.yaml"
        if wanted in known:
            fix = f"rename it to {wanted}"
        else:
            close = difflib.get_close_matches(wanted, known, n=1, cutoff=0.7)
            fix = f"did you mean {close[0]}? " if close else ""
            fix += "a briefing folder holds only " + ", ".join(known)
        problems.append(Problem(display_path(path, root), 1, "",
                                f"is not a fact sheet this tool reads, so nothing in it would "
                                f"reach the site; {fix}"))
    return problems


# What `_read_yaml` returns for a sheet that exists but could not be read.
_UNREADABLE: Any = object()


def _read_yaml(path: Path, folder: Path, display: str, problems: list[Problem], *,
               required: bool) -> Any:
    try:
        raw = read_inside(path, folder, limit=FACT_SHEET_LIMIT, what="fact sheet")
    except FileNotFoundError:
        if required:
            problems.append(Problem(display, 1, "", "file is missing; create it"))
        return None
    except InputRefused as exc:
        problems.append(Problem(display, 1, "", str(exc)))
        return _UNREADABLE
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.append(Problem(display, line, "", f"byte 0x{raw[exc.start]:02X} at column "
                                f"{column} is not UTF-8 text; save the file as UTF-8"))
        return _UNREADABLE
    node, yaml_problems = parse_yaml(text.removeprefix("\ufeff"))
    problems += [Problem(display, p.line, "", p.message) for p in yaml_problems]
    if node is None and yaml_problems:
        return _UNREADABLE
    return node
