"""The sources: their list, and a page for each with its text, paragraph by paragraph."""

from __future__ import annotations

from dataclasses import dataclass

from ...addresses import Target, hidden_anchor, paragraph_anchor
from ...analysis.coverage import CoverageItem, percent, waiver_counts
from ...days import format_day
from ...factsheets.model import Source, Waiver
from ...factsheets.times import clock_label, zone_named
from ...sources.text import Paragraph, SourceText, StrippedLine
from ...words import RELIABILITY_SCALE, language, reliability
from ..values import Grade
from .base import Book, entry_posted

__all__ = [
    "MISSING_SHOWN",
    "CoverageRow",
    "SourceView",
    "SourcesRow",
    "SourcesView",
    "coverage_rows",
    "reliability_scale",
    "source_view",
    "sources_view",
]


# The most facts a "left out" list shows; the rest are counted. A source of a briefing of
# thousands of facts leaves out most of them, and a list of them all would be most of
# its page (and quadratic over the briefing).
MISSING_SHOWN = 20


def reliability_scale() -> tuple[tuple[str, str], ...]:
    """The Admiralty scale for sources: (grade, what it means)."""
    return tuple(RELIABILITY_SCALE.items())


@dataclass(frozen=True)
class SourcesRow:
    link: Target
    source: Source
    language: str
    derived_from: tuple[Target, ...]
    reliability: str
    citing: int  # facts citing it
    unique: int  # graded facts only it carries


@dataclass(frozen=True)
class SourcesView:
    scale: tuple[tuple[str, str], ...]  # the reliability grades and what they mean
    rows: tuple[SourcesRow, ...]


def sources_view(book: Book) -> SourcesView:
    rows = []
    for source in book.briefing.sources:
        found = book.analysis.sources[source.id]
        citing = dict.fromkeys(key for keys in found.citing.values() for key in keys)
        rows.append(
            SourcesRow(
                book.source(source.id),
                source,
                language(source),
                tuple(book.source(s) for s in source.derived_from),
                reliability(source),
                len(citing),
                len(found.unique),
            )
        )
    return SourcesView(reliability_scale(), tuple(rows))


@dataclass(frozen=True)
class CoverageRow:
    """What the facts capture of one source (or of all: `label` None)."""

    label: Target | None
    figures: str  # "3 of 4" captured by a fact
    names: str  # "12 of 13" known names
    waived: int
    missing: int
    share: str  # "94%"
    # Embedded posts hidden from the text, which no check reads: the share leaves them out.
    unchecked: int = 0


def _coverage_row(
    label: Target | None, items: list[CoverageItem], unchecked: int = 0
) -> CoverageRow:
    def share(kind: str, covered_by: str) -> str:
        of_kind = [i for i in items if i.kind == kind]
        return f"{sum(i.covered_by == covered_by for i in of_kind)} of {len(of_kind)}"

    return CoverageRow(
        label,
        share("figure", "fact"),
        share("name", "known name"),
        sum(i.covered_by == "waiver" for i in items),
        sum(not i.captured for i in items),
        f"{percent(items):.0f}%",
        unchecked,
    )


def coverage_rows(book: Book, source_id: str | None = None) -> tuple[CoverageRow, ...]:
    """A row per source (or the one source), and one for all sources when there are all."""
    coverage = book.analysis.coverage
    ids = [source_id] if source_id else [s.id for s in book.briefing.sources]
    texts = book.briefing.texts
    rows = [
        _coverage_row(book.source(sid), coverage.by_source[sid].items, len(texts[sid].unchecked))
        for sid in ids
    ]
    if source_id is None:
        rows.append(_coverage_row(None, coverage.items, sum(r.unchecked for r in rows)))
    return tuple(rows)


@dataclass(frozen=True)
class UncapturedItem:
    where: Target
    kind: str  # "figure" or "name"
    text: str
    sentence: str


@dataclass(frozen=True)
class ParagraphView:
    paragraph: Paragraph
    anchor: str
    cited_by: tuple[Target, ...]
    # For the first paragraph of a live-blog entry: when it was posted.
    entry: str = ""


@dataclass(frozen=True)
class HiddenView:
    """A line hidden from display; the first of its block carries the block's anchor and
    the facts that cite hidden text there."""

    line: StrippedLine
    anchor: str | None
    cited_by: tuple[Target, ...]


@dataclass(frozen=True)
class SourceView:
    source: Source
    language: str
    derived_from: tuple[Target, ...]
    derived_by: tuple[Target, ...]
    lineage: tuple[Target, ...]  # the other sources of its lineage; none: independent
    reliability: str
    unique: tuple[tuple[Target, Grade], ...]
    missing: tuple[tuple[Target, list[list[Target]]], ...]
    paragraphs: tuple[ParagraphView, ...]
    coverage: tuple[CoverageRow, ...]
    uncaptured: tuple[UncapturedItem, ...]
    waivers: tuple[tuple[Waiver, int], ...]
    stripped: tuple[HiddenView, ...]
    updated: str = ""  # a live blog's last update: "15 October 2023, 18:05 BST"
    missing_count: int = 0  # how many facts it leaves out, `missing` showing the first


def source_view(book: Book, source: Source) -> SourceView:
    found = book.analysis.sources[source.id]
    text = book.briefing.texts[source.id]
    return SourceView(
        source=source,
        language=language(source),
        derived_from=tuple(book.source(s) for s in source.derived_from),
        derived_by=tuple(book.source(s) for s in found.derived_by),
        lineage=tuple(book.source(m) for m in found.lineage_members if m != source.id),
        reliability=reliability(source),
        unique=tuple((book.fact(key), book.grade(key)) for key in found.unique),
        missing=tuple(
            (book.fact(key), book.lineages(key)) for key in found.missing[:MISSING_SHOWN]
        ),
        paragraphs=_paragraphs(book, source, text),
        coverage=coverage_rows(book, source.id),
        uncaptured=tuple(
            UncapturedItem(book.paragraph(i.source, i.paragraph), i.kind, i.text, i.sentence)
            for i in found.coverage.missing
        ),
        waivers=tuple(waiver_counts(found.coverage.items)),
        stripped=_hidden(book, source, text),
        updated=_updated(book, source),
        missing_count=len(found.missing),
    )


def _paragraphs(book: Book, source: Source, text: SourceText) -> tuple[ParagraphView, ...]:
    citing = book.analysis.sources[source.id].citing
    views = []
    previous = None
    for p in text.paragraphs:
        entry = ""
        current = text.entry_of(p.number)
        if current is not None and current != previous:
            posted = entry_posted(book, source.id, p.number)
            entry = posted[:1].upper() + posted[1:]
        previous = current
        cited_by = tuple(book.fact(k) for k in citing.get(p.number, ()))
        views.append(ParagraphView(p, paragraph_anchor(p.number), cited_by, entry))
    return tuple(views)


def _hidden(book: Book, source: Source, text: SourceText) -> tuple[HiddenView, ...]:
    """The hidden lines; a fact citing hidden text is listed at its block's first line
    (a block shown in part lists it under its paragraph too)."""
    citing = book.analysis.sources[source.id].citing
    views = []
    seen: set[int] = set()
    for line in text.stripped:
        first = line.block not in seen
        seen.add(line.block)
        cited_by = tuple(book.fact(k) for k in citing.get(line.block, ())) if first else ()
        views.append(HiddenView(line, hidden_anchor(line.block) if first else None, cited_by))
    return tuple(views)


def _updated(book: Book, source: Source) -> str:
    blog = source.live_blog
    if blog is None or blog.updated is None:
        return ""
    zone = zone_named(source.timezone) or book.zone
    label = clock_label(blog.updated, blog.updated_time, zone, book.zone)
    day = format_day(blog.updated)
    return day if label is None else f"{day}, {label.source_first}"
