"""Coverage: what in the sources no fact has captured yet.

Each displayed sentence of each source is searched for two kinds of item:

- a **figure**: a casualty-like number (digits or a number word near killed, wounded,
  evacuated, treated, shot down, ...) or a negative such as "no deaths" or "not clear how
  many were injured" (see `figure_words`). It is covered only by a casualty claim whose
  quote holds its core: the number and its noun ("eight people", "scores of people"). A
  quote of the sentence by an actor, place, event or statement is evidence of something
  else and captures no figure; nor does a claim quoting only "were wounded".
- a **name**: a run of capitalised words that is not an ordinary word starting a sentence.
  It is covered when it is a name or alias of an actor or place. A time of day with its
  zone ("09:30 BST", a live blog's entry stamp) is never part of a name, and the words after
  it start an entry as a sentence does.

An editor may decide not to capture an item: `waivers.yaml` in the briefing folder lists
names and sentences with the reason. A waiver that covers nothing is reported, so the list
does not rot. The detection is deliberately generous: a false alarm costs the editor one
waiver with a reason, a miss costs readers a fact.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from ..checks.briefing import Briefing
from ..checks.records import citations_of
from ..factsheets.dates import MONTHS
from ..factsheets.kinds import kind as kind_named
from ..factsheets.model import Citation, Waiver
from ..figure_words import AMOUNT_WORDS, figure_phrase, figures_in
from ..sources.text import SourceText, sentence_spans
from ..text import ABBREVIATIONS, normalise

__all__ = [
    "Coverage",
    "CoverageItem",
    "SourceCoverage",
    "figure_phrase",
    "measure_coverage",
    "proper_names",
    "waiver_counts",
]

# Words that start sentences without being names, beyond those the sources themselves use
# in lower case (see `_common_words`).
_STOP_TEXT = """a an the and or but nor so yet for if as at by in on of to from into onto with
    without within about above after against along among around before behind below beside between
    beyond during except inside near off outside over per since through throughout till toward
    towards under unlike until upon via i me my we us our you your he him his she her it its
    they them their this that these those there here who whom whose which what when where why
    how whether while although though because unless even also already again still just only
    not no yes all any each every either neither both some many much more most few less least
    other another such same own then thus hence therefore however meanwhile moreover
    furthermore nevertheless nonetheless instead indeed ultimately finally first firstly second
    secondly third lastly next late later earlier now something nothing anything everything
    someone today tonight yesterday tomorrow once twice
    is are was were be been being am has have had do does did can could will would shall should
    may might must ought according judging given having being let like unlike rather perhaps
    probably possibly clearly apparently reportedly allegedly mr mrs ms dr"""
_STOP_WORDS = set(_STOP_TEXT.split())
_CALENDAR = {
    *MONTHS,
    *(m[:3] for m in MONTHS),  # "Oct 14", a wire's dateline
    "Sept",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
}
_CAPITALISED = r"[A-Z][\w'-]*"
_NAME_RUN = re.compile(
    rf"(?<![\w'-]){_CAPITALISED}(?:(?:\s+(?:of the|of|de|da|al|von|van|bin)\s+|\s+)"
    rf"{_CAPITALISED})*"
)
# A name run that starts here is at the start of a sentence, a quotation or a clause.
_OPENING = re.compile(r"(^\s*|[\"'(\[:;-]\s*)$")
# A time of day and its zone: "09:30 BST", "9.30am GMT", "14:00 UTC+3", "11:00 Kyiv time"
# has no zone word to mistake. A live blog's stamp joined to its entry's first line.
_TIMESTAMP = re.compile(
    r"(?<![\w:.])\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\s*"
    r"(?:UTC|GMT|MSK|Z|[A-Z]{1,3}[SD]?T)(?:[+-]\d{1,2}(?::?\d{2})?)?(?![\w+-])"
)


# What captures an item: a fact citing it, a known name, or a waiver.
Covered = Literal["fact", "known name", "waiver"]


@dataclass(frozen=True)
class CoverageItem:
    """One figure sentence or one name in one sentence, and what, if anything, covers it."""

    kind: Literal["figure", "name"]
    source: str
    paragraph: int
    sentence: str
    # The figure phrase ("eight people were wounded") or the name ("Levkin").
    text: str
    covered_by: Covered | None = None
    # The waivers that excuse it: one, or one per word of a name ("Russian Mi-8").
    waivers: tuple[Waiver, ...] = ()

    @property
    def captured(self) -> bool:
        return self.covered_by is not None


@dataclass
class SourceCoverage:
    """The items found in one source."""

    source: str
    items: list[CoverageItem] = field(default_factory=list)

    @property
    def missing(self) -> list[CoverageItem]:
        return [i for i in self.items if not i.captured]


@dataclass
class Coverage:
    """Coverage of every source of a briefing, and waivers that covered nothing."""

    by_source: dict[str, SourceCoverage]
    unused_waivers: list[Waiver]

    @property
    def items(self) -> list[CoverageItem]:
        return [i for s in self.by_source.values() for i in s.items]

    @property
    def missing(self) -> list[CoverageItem]:
        return [i for i in self.items if not i.captured]


def percent(items: Iterable[CoverageItem]) -> float:
    """The share of items captured (by a fact, a known name or a waiver), 100 if none."""
    items = list(items)
    if not items:
        return 100.0
    return 100.0 * sum(i.captured for i in items) / len(items)


def waiver_counts(items: Iterable[CoverageItem]) -> list[tuple[Waiver, int]]:
    """Each waiver that excuses any of the items, with how many it excuses."""
    counts: dict[int, tuple[Waiver, int]] = {}
    for item in items:
        for waiver in item.waivers:
            counts[id(waiver)] = (waiver, counts.get(id(waiver), (waiver, 0))[1] + 1)
    return list(counts.values())


def _common_words(texts: Iterable[SourceText]) -> set[str]:
    """Words the sources write in lower case: capitalised at a sentence start, they are
    ordinary words, not names."""
    common = set(_STOP_WORDS) | AMOUNT_WORDS
    for text in texts:
        for paragraph in text.normalised:
            common.update(re.findall(r"(?<![\w'-])[a-z][\w'-]*", paragraph))
    return common


_MASK = "#"
_CONNECTORS = ("of", "the", "de", "da", "al", "von", "van", "bin")


def proper_names(sentence: str, known: re.Pattern[str] | None, common: set[str]) -> list[str]:
    """Names in a sentence that `known` (the actors' and places' names) does not match."""
    # A timestamp opens what follows it, as a colon does.
    masked = _TIMESTAMP.sub(":", sentence)
    masked = known.sub(lambda m: _MASK * len(m.group(0)), masked) if known else masked
    names = []
    for match in _NAME_RUN.finditer(masked):
        words = match.group(0).split()
        at_opening = bool(_OPENING.search(masked[: match.start()]))
        # Drop ordinary words that are capitalised only because they start the sentence,
        while words and at_opening and words[0].lower() in common:
            words.pop(0)
        # and titles before a known name ("President [Vladimir Putin]").
        if masked[match.end() :].lstrip().startswith(_MASK):
            while words and words[-1].lower() in common:
                words.pop()
        while words and words[-1] in _CONNECTORS:
            words.pop()
        # A title or abbreviation with its full stop ("Lt. Gen. Oskar Varnell") is no name.
        if words and words[-1] in ABBREVIATIONS and masked[match.end() : match.end() + 1] == ".":
            words.pop()
        name = re.sub(r"'s?$", "", " ".join(words))
        if not name or all(w in _CALENDAR or w.lower() in _STOP_WORDS for w in name.split()):
            continue
        names.append(name)
    return list(dict.fromkeys(names))


def _name_is_covered(name: str, known: re.Pattern[str] | None, waived: set[str]) -> bool:
    """Every word of the name (or every part of a hyphenated word) is known or waived:
    "Moscow-born" is covered by "Moscow", "Russian Mi-8" by waivers for both words."""

    def covered(part: str) -> bool:
        return part in waived or bool(known and known.fullmatch(part))

    return covered(name) or all(
        covered(word) or all(covered(p) for p in word.split("-") if p[:1].isupper())
        for word in name.split()
    )


def _citation_spans(
    citations: Iterable[Citation], texts: dict[str, SourceText]
) -> dict[tuple[str, int], list[tuple[int, int]]]:
    """Where each quote stands: (source, paragraph) -> [(start, end)] in normalised text."""
    spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for citation in citations:
        text = texts.get(citation.source)
        # Hidden text is not coverage's to capture: it is not displayed.
        if text is None or citation.paragraph is None or citation.hidden:
            continue
        needle = normalise(citation.quote)
        index = [p.number for p in text.paragraphs].index(citation.paragraph)
        haystack = text.normalised[index]
        start = haystack.find(needle)
        while start >= 0:
            spans.setdefault((citation.source, citation.paragraph), []).append(
                (start, start + len(needle))
            )
            start = haystack.find(needle, start + 1)
    return spans


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _holds(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def measure_coverage(briefing: Briefing, known: re.Pattern[str] | None) -> Coverage:
    """Every figure sentence and name in the briefing's sources, and what covers each.

    `known` matches every actor and place name (see `names.known_names`).
    """
    figure_citations = [
        c for r in briefing.records(kind_named("claims")) for _, c in citations_of(r)
    ]
    claim_spans = _citation_spans(figure_citations, briefing.texts)
    waiver_spans = {
        id(w): _citation_spans([w.sentence], briefing.texts)
        for w in briefing.waivers
        if w.sentence is not None
    }
    sentence_waivers = [w for w in briefing.waivers if id(w) in waiver_spans]
    name_waivers = {normalise(w.name): w for w in briefing.waivers if w.name is not None}
    used: set[int] = set()
    common = _common_words(briefing.texts.values())

    def sentence_waiver(source: str, number: int, start: int, end: int) -> Waiver | None:
        for waiver in sentence_waivers:
            if _overlaps(waiver_spans[id(waiver)].get((source, number), []), start, end):
                used.add(id(waiver))
                return waiver
        return None

    by_source = {}
    for source in briefing.sources:
        text = briefing.texts[source.id]
        result = SourceCoverage(source.id)
        # Known names are covered by definition; count them so the share means something.
        known_items = []
        for paragraph, normalised in zip(text.paragraphs, text.normalised, strict=True):
            cited = claim_spans.get((source.id, paragraph.number), [])
            for start, end in sentence_spans(paragraph, normalised):
                sentence = normalised[start:end]
                if known is not None:
                    known_items += [
                        CoverageItem(
                            "name", source.id, paragraph.number, sentence, name, "known name"
                        )
                        for name in dict.fromkeys(m.group(0) for m in known.finditer(sentence))
                    ]
                for figure in figures_in(sentence):
                    waiver = None
                    covered_by: Covered | None
                    if _holds(cited, start + figure.start, start + figure.end):
                        covered_by = "fact"
                    else:
                        waiver = sentence_waiver(source.id, paragraph.number, start, end)
                        covered_by = "waiver" if waiver else None
                    result.items.append(
                        CoverageItem(
                            "figure",
                            source.id,
                            paragraph.number,
                            sentence,
                            figure.phrase,
                            covered_by,
                            (waiver,) if waiver else (),
                        )
                    )
                for name in proper_names(sentence, known, common):
                    if _name_is_covered(name, known, set()):
                        continue  # counted with the known names
                    waivers = _name_waivers(name, known, name_waivers) or [
                        w
                        for w in [sentence_waiver(source.id, paragraph.number, start, end)]
                        if w is not None
                    ]
                    used.update(id(w) for w in waivers)
                    result.items.append(
                        CoverageItem(
                            "name",
                            source.id,
                            paragraph.number,
                            sentence,
                            name,
                            "waiver" if waivers else None,
                            tuple(waivers),
                        )
                    )
        result.items += known_items
        by_source[source.id] = result
    # A waiver of an editorial-check warning is the editorial check's to call stale.
    unused = [w for w in briefing.waivers if id(w) not in used and w.check is None]
    return Coverage(by_source, unused)


def _name_waivers(
    name: str, known: re.Pattern[str] | None, waivers: dict[str, Waiver]
) -> list[Waiver]:
    """The name waivers that cover a name: its own, or those of its words."""
    if name in waivers:
        return [waivers[name]]
    if not _name_is_covered(name, known, set(waivers)):
        return []
    words = [p for w in name.split() for p in [w, *w.split("-")] if p in waivers]
    return [waivers[w] for w in dict.fromkeys(words)]
