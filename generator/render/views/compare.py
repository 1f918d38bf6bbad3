"""The source comparison: independence, reliability, corroboration, figures, statements
side by side, names and framing, what each source alone carries, and coverage."""

from __future__ import annotations

from dataclasses import dataclass

from ...addresses import Target
from ...analysis.model import FactAnalysis
from ...analysis.statements import WordChange
from ...factsheets.model import Source
from ...sources.reuse import SharedPassage
from ...words import CREDIBILITY_SCALE, describe_count, reliability
from ..values import DerivationGraph, Grade, NamesUsed, Verdict
from .base import Book, group_reason
from .entities import FramingRow, framing_rows, names_rows
from .sources import CoverageRow, coverage_rows, reliability_scale

__all__ = ["CompareView", "compare_view"]

# Shared runs shorter than this are listed in the figures but not quoted on the page.
MIN_PASSAGE = 10


@dataclass(frozen=True)
class Passage:
    a: Target
    b: Target
    quoted: bool
    words: int
    text: str


@dataclass(frozen=True)
class FactRow:
    """A fact in the corroboration table: the paragraphs of each source carrying it."""

    fact: Target
    single: str | None
    cells: tuple[tuple[Target, ...], ...]  # per source: its paragraphs, as links
    lineages: int
    grade: Grade


@dataclass(frozen=True)
class FigureRow:
    incident: Target
    loss: Target
    verdict: Verdict
    cells: tuple[tuple[Target, ...], ...]  # per source: the figures it carries


@dataclass(frozen=True)
class RenderingRow:
    where: tuple[Target, ...]
    share: str  # "base", or the share of its words found in the base
    text: str  # the base's words
    changes: tuple[WordChange, ...]  # any other's words against the base


@dataclass(frozen=True)
class SourceFacts:
    """What one source alone carries, and what it leaves out that two lineages carry."""

    label: str
    link: Target
    unique: tuple[Target, ...]
    missing: tuple[tuple[Target, list[list[Target]]], ...]


@dataclass(frozen=True)
class CompareView:
    sources: tuple[Source, ...]
    source_links: tuple[Target, ...]
    reuse: tuple[tuple[Target, tuple[tuple[float, float] | None, ...]], ...]
    graph: DerivationGraph
    derivations: tuple[tuple[Target, tuple[Target, ...]], ...]
    passages: tuple[tuple[Target, Target, tuple[Passage, ...]], ...]
    reliability_scale: tuple[tuple[str, str], ...]
    reliability: tuple[tuple[Target, str, str, tuple[Target, ...]], ...]
    credibility_scale: tuple[tuple[int, str], ...]
    facts: tuple[FactRow, ...]
    single: tuple[Target, ...]
    figures: tuple[FigureRow, ...]
    reasons: tuple[tuple[Target, Verdict, str], ...]
    statements: tuple[tuple[Target, tuple[RenderingRow, ...]], ...]
    names: tuple[tuple[Target, tuple[NamesUsed, ...]], ...]
    framing: tuple[tuple[Target, tuple[FramingRow, ...]], ...]
    source_facts: tuple[SourceFacts, ...]
    coverage: tuple[CoverageRow, ...]


def _reuse(book: Book) -> tuple[tuple[Target, tuple[tuple[float, float] | None, ...]], ...]:
    """Each source's row: per other source, the shares of its words, and of its narration,
    found in runs the other has too (None against itself)."""
    reuse = book.briefing.reuse
    ids = [s.id for s in book.briefing.sources]
    return tuple(
        (
            book.source(a),
            tuple(None if a == b else (reuse.shared[a, b], reuse.narration[a, b]) for b in ids),
        )
        for a in ids
    )


def _passages(book: Book) -> tuple[tuple[Target, Target, tuple[Passage, ...]], ...]:
    """Pairs of sources with shared passages of at least MIN_PASSAGE words, the pair with
    more reuse first; each pair once, as seen from its first source."""
    reuse = book.briefing.reuse
    ids = [s.id for s in book.briefing.sources]
    pairs: list[tuple[str, str, list[SharedPassage]]] = []
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            found = [p for p in reuse.passages[a, b] if p.words >= MIN_PASSAGE]
            if found:
                pairs.append((a, b, found))
    pairs.sort(key=lambda t: -reuse.shared[t[0], t[1]])
    return tuple(
        (
            book.source(a),
            book.source(b),
            tuple(
                Passage(
                    book.paragraph(p.a, p.paragraph_a),
                    book.paragraph(p.b, p.paragraph_b),
                    p.quoted,
                    p.words,
                    p.text,
                )
                for p in found
            ),
        )
        for a, b, found in pairs
    )


def _carrier(book: Book, source_id: str, number: int) -> Target:
    """'¶3', linked to the paragraph, or '¶1 (hidden)' to a hidden headline cited."""
    where = book.paragraph(source_id, number)
    hidden = "" if number in book.briefing.texts[source_id].shown else " (hidden)"
    return Target(f"¶{number}{hidden}", where.page, where.anchor)


def _fact_row(book: Book, fact: FactAnalysis) -> FactRow:
    cells = tuple(
        tuple(_carrier(book, s.id, n) for n in fact.carriers.get(s.id, ()))
        for s in book.briefing.sources
    )
    return FactRow(
        book.fact(fact.key),
        book.single_source(fact.key),
        cells,
        len(fact.lineages),
        book.grade(fact.key),
    )


def _statements(book: Book) -> tuple[tuple[Target, tuple[RenderingRow, ...]], ...]:
    found = []
    for statement in book.analysis.statements:
        if len(book.analysis.fact("statements", statement.id).carriers) < 2:
            continue
        comparison = book.analysis.comparisons[statement.id]
        rows = tuple(
            RenderingRow(
                tuple(dict.fromkeys(book.quote(c).where for c in r.citations)),
                "base" if i == comparison.base else f"{r.share:.0%}",
                r.text,
                r.changes,
            )
            for i, r in enumerate(comparison.renderings)
        )
        found.append((book.fact(("statements", statement.id)), rows))
    return tuple(found)


def compare_view(book: Book) -> CompareView:
    briefing, analysis = book.briefing, book.analysis
    sources = tuple(briefing.sources)
    facts = analysis.graded_facts()
    entities = [(f"actors/{a.id}.md", analysis.actors[a.id]) for a in briefing.actors] + [
        (f"places/{p.id}.md", analysis.places[p.id]) for p in briefing.places
    ]
    return CompareView(
        sources=sources,
        source_links=tuple(book.source(s.id) for s in sources),
        reuse=_reuse(book),
        graph=DerivationGraph(
            tuple(book.source(s.id) for s in sources),
            tuple(
                (k, [s.id for s in sources].index(origin))
                for k, s in enumerate(sources)
                for origin in s.derived_from
            ),
        ),
        derivations=tuple(
            (book.source(s.id), tuple(book.source(o) for o in s.derived_from))
            for s in sources
            if s.derived_from
        ),
        passages=_passages(book),
        reliability_scale=reliability_scale(),
        reliability=tuple(
            (
                book.source(s.id),
                reliability(s),
                s.reliability.reason if s.reliability else "",
                tuple(book.source(m) for m in analysis.sources[s.id].lineage_members if m != s.id),
            )
            for s in sources
        ),
        credibility_scale=tuple(CREDIBILITY_SCALE.items()),
        facts=tuple(_fact_row(book, f) for f in facts),
        single=tuple(book.fact(f.key) for f in facts if f.single_source),
        figures=tuple(
            FigureRow(
                book.fact(("events", g.incident.id)),
                book.group(g),
                book.verdict(g),
                tuple(
                    tuple(
                        Target(describe_count(c), "casualties.md", c.id)
                        for c in g.claims
                        if any(cit.source == s.id for cit in c.citations)
                    )
                    for s in sources
                ),
            )
            for g in analysis.claim_groups
        ),
        reasons=tuple(
            (
                book.group(g, f"{g.incident.title}, {book.group(g).text}"),
                book.verdict(g),
                group_reason(book, g),
            )
            for g in analysis.claim_groups
            if g.comparison.verdict in ("update", "conflict")
        ),
        statements=_statements(book),
        names=tuple(
            (Target(e.record.name, page), tuple(n for _, n in names_rows(book, e)))
            for page, e in entities
        ),
        framing=tuple(
            (Target(a.name, f"actors/{a.id}.md"), rows)
            for a in briefing.actors
            if (rows := framing_rows(book, analysis.actors[a.id]))
        ),
        source_facts=tuple(
            SourceFacts(
                s.short_label,
                book.source(s.id),
                tuple(book.fact(k) for k in analysis.sources[s.id].unique),
                tuple((book.fact(k), book.lineages(k)) for k in analysis.sources[s.id].missing),
            )
            for s in sources
        ),
        coverage=coverage_rows(book),
    )
