"""The source comparison: independence, reliability, corroboration, figures, statements
side by side, names and framing, what each source alone carries, and coverage."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ...addresses import Target, assertion_anchor
from ...analysis.figures import ClaimGroup
from ...analysis.model import AssertionAnalysis, FactAnalysis
from ...analysis.statements import WordChange
from ...checks.derivation import DECLARED_REUSE
from ...factsheets.model import CasualtyClaim, Source
from ...sources.reuse import SharedPassage
from ...words import ASPECTS, CREDIBILITY_SCALE, reliability
from ..values import DerivationGraph, Grade, NamesUsed, Verdict
from .base import WIDE, Book, figure_link, group_reason
from .entities import FramingRow, framing_rows, names_rows
from .sources import MISSING_SHOWN, CoverageRow, coverage_rows, reliability_scale

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
    # Words of narration in a mostly quoted run that shares narration all the same (the
    # sign of copying the facts' lineages go by); 0 otherwise.
    narration: int = 0


@dataclass(frozen=True)
class FactRow:
    """A fact in the corroboration table: the paragraphs of each source carrying it."""

    fact: Target
    single: str | None
    cells: tuple[tuple[Target, ...], ...]  # per source: its paragraphs, as links
    lineages: int
    grade: Grade
    carried: tuple[Target, ...] = ()  # wide: the paragraphs of the sources carrying it
    # An event's assertions (who did it, what it hit), a row per version, graded apart.
    assertions: tuple[FactRow, ...] = ()


@dataclass(frozen=True)
class FigureRow:
    incident: Target
    loss: Target
    verdict: Verdict
    cells: tuple[tuple[Target, ...], ...]  # per source: the figures it carries
    carried: tuple[Target, ...] = ()  # wide: "Source: figure" for each source carrying one


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
    missing_count: int = 0


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
    # With more than WIDE sources: the sources whose wording each shares, and how each
    # source names each actor and place, only where it does.
    wide: bool = False
    shares: tuple[tuple[Target, tuple[tuple[Target, tuple[float, float]], ...]], ...] = ()
    names_by_source: tuple[tuple[Target, tuple[tuple[Target, NamesUsed], ...]], ...] = ()
    share_floor: float = 0.0


def _shares(
    book: Book,
) -> tuple[tuple[Target, tuple[tuple[Target, tuple[float, float]], ...]], ...]:
    """Each source, with the sources whose runs cover a share of its narration that
    could mean copying (what the check asks a declared derivation to reach), or that it
    is declared to derive from, most shared first."""
    reuse = book.briefing.reuse
    ids = [s.id for s in book.briefing.sources]
    rows = []
    for source in book.briefing.sources:
        a = source.id
        found = [
            b
            for b in ids
            if b != a and (reuse.narration[a, b] >= DECLARED_REUSE or b in source.derived_from)
        ]
        found.sort(key=lambda b: -reuse.shared[a, b])
        rows.append(
            (
                book.source(a),
                tuple((book.source(b), (reuse.shared[a, b], reuse.narration[a, b])) for b in found),
            )
        )
    return tuple(rows)


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
                    p.narration_words if p.quoted and p.shares_narration else 0,
                )
                for p in found
            ),
        )
        for a, b, found in pairs
    )


def _carrier(book: Book, source_id: str, number: int, label: str = "") -> Target:
    """'¶3', linked to the paragraph, or '¶1 (hidden)' to a hidden headline cited; after
    `label` ('Meridian ')."""
    where = book.paragraph(source_id, number)
    hidden = "" if number in book.briefing.texts[source_id].shown else " (hidden)"
    return Target(f"{label}¶{number}{hidden}", where.page, where.anchor)


def _fact_row(book: Book, fact: FactAnalysis, order: dict[str, int] | None) -> FactRow:
    """A fact's row, with a row under it for each version of each of its assertions."""
    cells, carried = _carried_cells(book, fact.carriers, order)
    return FactRow(
        book.fact(fact.key),
        book.single_source(fact.key),
        cells,
        len(fact.lineages),
        book.grade(fact.key),
        carried,
        assertions=tuple(
            _row(
                _version_link(book, fact, found, n),
                "Carried by one lineage only" if version.single_source else None,
                _carried_cells(book, version.carriers, order),
                len(version.lineages),
                book.grade_of(version.credibility),
            )
            for found in fact.assertions
            for n, version in enumerate(found.versions, 1)
        ),
    )


def _row(
    fact: Target,
    single: str | None,
    cells: tuple[tuple[tuple[Target, ...], ...], tuple[Target, ...]],
    lineages: int,
    grade: Grade,
) -> FactRow:
    return FactRow(fact, single, cells[0], lineages, grade, cells[1])


def _version_link(book: Book, fact: FactAnalysis, found: AssertionAnalysis, n: int) -> Target:
    """'Who was responsible' or, contested, 'Who was responsible, version 2 (held by X)',
    linked to its heading on the timeline."""
    about = found.record.about
    if not found.contested:
        return Target(ASPECTS[about], "timeline.md", assertion_anchor(fact.record.id, about))
    holders = " and ".join(book.actors[a].name for a in found.versions[n - 1].version.holders)
    return Target(
        f"{ASPECTS[about]}, version {n} (held by {holders})",
        "timeline.md",
        assertion_anchor(fact.record.id, about, n),
    )


def _carried_cells(
    book: Book, carriers: Mapping[str, tuple[int, ...]], order: dict[str, int] | None
) -> tuple[tuple[tuple[Target, ...], ...], tuple[Target, ...]]:
    """A fact's cells, per source; or (`order` of the sources given: wide) the paragraphs
    of the sources carrying it, in that order."""
    if order is None:
        cells = tuple(
            tuple(_carrier(book, s.id, n) for n in carriers.get(s.id, ()))
            for s in book.briefing.sources
        )
        return cells, ()
    carried = tuple(
        _carrier(book, s, n, book.source_label(s) + " ")
        for s in sorted(carriers, key=order.__getitem__)
        for n in carriers[s]
    )
    return (), carried


def _figure_row(book: Book, group: ClaimGroup, order: dict[str, int] | None) -> FigureRow:
    """A loss's row: the figures each source carries, per source or (wide) as "Source:
    figure" for the sources carrying one."""

    def figure(claim: CasualtyClaim, prefix: str = "") -> Target:
        return figure_link(book, claim, prefix)

    def carries(claim: CasualtyClaim, source_id: str) -> bool:
        return any(c.source == source_id for c in claim.citations)

    sources = [s.id for s in book.briefing.sources]
    if order is not None:
        sources = sorted(
            {c.source for claim in group.claims for c in claim.citations}, key=order.__getitem__
        )
    cells = tuple(tuple(figure(c) for c in group.claims if carries(c, s)) for s in sources)
    carried = tuple(
        figure(c, f"{book.source_label(s)}: ")
        for s in sources
        for c in group.claims
        if carries(c, s)
    )
    return FigureRow(
        book.fact(("events", group.incident.id)),
        book.group(group),
        book.verdict(group),
        cells if order is None else (),
        carried if order is not None else (),
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
    wide = len(sources) > WIDE
    order = {s.id: i for i, s in enumerate(sources)} if wide else None
    entities = [(f"actors/{a.id}.md", analysis.actors[a.id]) for a in briefing.actors] + [
        (f"places/{p.id}.md", analysis.places[p.id]) for p in briefing.places
    ]
    return CompareView(
        sources=sources,
        source_links=tuple(book.source(s.id) for s in sources),
        reuse=() if wide else _reuse(book),
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
        facts=tuple(_fact_row(book, f, order) for f in facts),
        single=tuple(book.fact(f.key) for f in facts if f.single_source),
        figures=tuple(_figure_row(book, g, order) for g in analysis.claim_groups),
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
        names=()
        if wide
        else tuple(
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
                tuple(
                    (book.fact(k), book.lineages(k))
                    for k in analysis.sources[s.id].missing[:MISSING_SHOWN]
                ),
                len(analysis.sources[s.id].missing),
            )
            for s in sources
        ),
        coverage=coverage_rows(book),
        wide=wide,
        shares=_shares(book) if wide else (),
        names_by_source=tuple(
            (Target(e.record.name, page), names_rows(book, e, only_used=True))
            for page, e in entities
        )
        if wide
        else (),
        share_floor=DECLARED_REUSE,
    )
