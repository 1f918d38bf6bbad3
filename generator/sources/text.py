"""Source texts: the articles in `seeds/`, as received, cleaned for display.

The file is never changed. For display we hide site chrome (skip links, "Advertisement",
a `date YYYY-MM-DD` header, datelines, read counts, embedded tweets, the headline repeated
as a line, and lines named by the source's own `strip` rules), and record each hidden line
with the reason. Paragraphs are the file's blank-line-separated blocks, numbered by their
position in the file as received, so a paragraph's anchor (`#p7`) never moves when a strip
rule changes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ..text import normalise, split_sentences
from .entries import EntryClock, EntryOrder, EntryProblem, EntryTime

__all__ = [
    "EntryProblem",
    "EntryTime",
    "Paragraph",
    "SourceText",
    "StrippedLine",
    "clean_source_text",
    "sentence_spans",
]

_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
_HEADER_DATE = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\s+")
# Lines that are site furniture wherever they appear, with the reason shown to readers.
# Reasons for hiding a line that hide someone's words, not the page's furniture.
UNCHECKED_REASONS = {"embedded tweet"}
_CHROME: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"Skip to (main )?content", re.I), "skip link"),
    (re.compile(r"Advertisement|ADVERTISEMENT|Sponsored"), "advertisement marker"),
    (re.compile(rf"{_MONTH} \d{{1,2}}, \d{{4}}"), "dateline"),
    (re.compile(rf"\d{{1,2}} {_MONTH} \d{{4}}( \w+)?( \d{{1,2}}:\d{{2}})?"), "dateline"),
    (re.compile(r"[\d,.]+[kK]? (Reads|Views|reads|views)"), "read count"),
    (re.compile(r".*pic\.twitter\.com/\S+.*"), "embedded tweet"),
    (re.compile(rf".*— .+ \(@\w+\)\s*{_MONTH} \d{{1,2}}, \d{{4}}"), "embedded tweet"),
]


class StripRuleLike(Protocol):
    reason: str

    def matches(self, line: str, block: int) -> bool: ...


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of displayed text; `number` is its block's position in the file. A live
    blog's entry may open with its headline on a line of its own, in the same block as the
    entry's first paragraph: `headline` is that line, and `text` starts with it."""

    number: int
    text: str
    headline: str | None = None

    @property
    def body(self) -> str:
        """The text after the headline (all of it when there is none)."""
        if self.headline is None:
            return self.text
        return self.text.removeprefix(self.headline).lstrip()


@dataclass(frozen=True)
class StrippedLine:
    """A line hidden from display, kept so readers can see what was removed and why."""

    block: int
    text: str
    reason: str
    # The index of the source's own strip rule that hid it (None: built-in furniture).
    rule: int | None = None


@dataclass
class SourceText:
    """A source file as received and as displayed."""

    raw: str
    paragraphs: list[Paragraph]
    stripped: list[StrippedLine]
    header_date: str | None = None
    # The paragraphs (blocks) in which each of the source's own strip rules hid a line,
    # by rule index.
    rule_hits: dict[int, list[int]] = field(default_factory=dict)
    # A live blog's date and time lines that could not be read as written.
    entry_problems: list[EntryProblem] = field(default_factory=list)
    # Each block's live-blog entry, hidden blocks included.
    block_entries: dict[int, EntryTime] = field(default_factory=dict)
    # Every live-blog entry, in the order of the file.
    entries: list[EntryTime] = field(default_factory=list)

    @property
    def unchecked(self) -> list[StrippedLine]:
        """Hidden lines that are content, not page furniture: embedded posts quoting
        others. Coverage cannot check them, so it says how many there are."""
        return [line for line in self.stripped if line.reason in UNCHECKED_REASONS]

    @functools.cached_property
    def shown(self) -> frozenset[int]:
        """The numbers of the displayed paragraphs."""
        return frozenset(p.number for p in self.paragraphs)

    def entry_of(self, number: int) -> EntryTime | None:
        """The live-blog entry paragraph (or hidden block) `number` belongs to, if any."""
        return self.block_entries.get(number)

    @functools.cached_property
    def normalised(self) -> list[str]:
        """Each paragraph's text as quotes and names are compared with it (`normalise`)."""
        return [normalise(p.text) for p in self.paragraphs]


def _blocks(raw: str) -> list[list[tuple[int, str]]]:
    """The file's blank-line-separated blocks, each line with its line number."""
    blocks: list[list[tuple[int, str]]] = [[]]
    for number, line in enumerate(raw.splitlines(), start=1):
        if line.strip():
            blocks[-1].append((number, line))
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _joined(lines: list[str]) -> str:
    """A paragraph's lines as one: a line that ends in a soft hyphen broke a word there
    ("sabo\u00ad" and "tage" are "sabotage"), so it joins the next without a space."""
    text = ""
    for line in lines:
        text += line if not text or text.endswith("\u00ad") else " " + line
    return text


# The last character of a line that goes on: a headline ends in none of them.
_RUNS_ON = tuple(".,;:-\u2013\u2014\u2026")
# The first character of a line that starts anew, as a paragraph under a headline does.
_STARTS_ANEW = re.compile(r"[\"'\u201c\u2018(\[]*[A-Z0-9\u00c0-\u024f]")


def _headline(kept: list[str]) -> str | None:
    """The headline of a live-blog entry whose stamp opened the block: the first line, if
    more lines follow it and it reads as a line of its own (it does not run on into the
    next: no full stop or comma at its end, and the next line starts with a capital)."""
    if len(kept) < 2 or kept[0].endswith(_RUNS_ON) or not _STARTS_ANEW.match(kept[1]):
        return None
    return kept[0]


def sentence_spans(paragraph: Paragraph, normalised: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a paragraph's `normalised` text: a live-blog
    entry's headline is a sentence of its own, though it ends in no full stop."""
    head = normalise(paragraph.headline) if paragraph.headline else ""
    if not head or not normalised.startswith(head + " "):
        return split_sentences(normalised)
    rest = len(head) + 1
    return [(0, len(head)), *((s + rest, e + rest) for s, e in split_sentences(normalised[rest:]))]


def _chrome_reason(
    line: str, block: int, title: str, rules: Sequence[StripRuleLike]
) -> tuple[str, int] | None:
    for index, rule in enumerate(rules):
        if rule.matches(line, block):
            return rule.reason, index
    if line == title.strip():
        return "headline (shown as the source's Title)", -1
    for pattern, reason in _CHROME:
        if pattern.fullmatch(line):
            return reason, -1
    return None


def clean_source_text(
    raw: str, title: str, rules: Sequence[StripRuleLike], live: EntryOrder | None = None
) -> SourceText:
    """Split `raw` into displayed paragraphs and the chrome hidden from them; for a live
    blog, record each block's entry (`SourceText.entry_of`)."""
    paragraphs: list[Paragraph] = []
    stripped: list[StrippedLine] = []
    hits: dict[int, list[int]] = {}
    block_entries: dict[int, EntryTime] = {}
    header_date = None
    clock = EntryClock(live) if live is not None else None
    for number, block in enumerate(_blocks(raw), start=1):
        kept: list[str] = []
        stamped = False  # the block opens with a live-blog entry's time
        for line_number, line in block:
            if number == 1 and not kept and (m := _HEADER_DATE.match(line)):
                header_date = m.group(1)
                stripped.append(StrippedLine(number, m.group(0).strip(), "date header"))
                line = line[m.end() :]
            line = " ".join(line.split())
            if clock is not None and (reason := clock.read(line, line_number)):
                stripped.append(StrippedLine(number, line, reason))
                stamped = stamped or (reason == "entry time" and not kept)
                continue
            found = _chrome_reason(line, number, title, rules)
            if found is None:
                kept.append(line)
                continue
            reason, index = found
            stripped.append(StrippedLine(number, line, reason, index if index >= 0 else None))
            if index >= 0 and number not in hits.setdefault(index, []):
                hits[index].append(number)
        entry = clock.current if clock is not None else None
        if entry is not None:
            block_entries[number] = entry
        if kept:
            headline = _headline(kept) if stamped else None
            paragraphs.append(Paragraph(number, _joined(kept), headline))
    problems = clock.problems if clock is not None else []
    read = clock.entries if clock is not None else []
    return SourceText(raw, paragraphs, stripped, header_date, hits, problems, block_entries, read)
