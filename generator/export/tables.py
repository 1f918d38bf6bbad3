"""The claims and events as CSV, one row per fact, for spreadsheets: every column a
page shows, errata apart from the sources that support a figure."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from ..analysis.figures import FigureComparison
from ..analysis.model import Analysis, FactAnalysis
from ..attribution import Attribution, as_of_basis
from ..factsheets.model import CasualtyClaim, Citation, Rendering
from ..words import describe_count

__all__ = ["claims_csv", "events_csv"]


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_spreadsheet_safe(v) for v in row])
    return out.getvalue()


def _cited(citations: Sequence[Citation]) -> str:
    return "; ".join(f"{c.source} ¶{c.paragraph}" for c in citations)


def _rendering(citation: Citation) -> str:
    """How one source renders a figure: 'guardian ¶3: says “eight”, at least, when “on
    Monday”, hidden'."""
    said = []
    if isinstance(citation, Rendering):
        if citation.says:
            said.append(f"says “{citation.says}”")
        if citation.qualifier:
            said.append(citation.qualifier)
        if citation.date_phrase:
            said.append(f"when “{citation.date_phrase}”")
    if citation.hidden:
        said.append("in text hidden from display")
    return f"{citation.source} ¶{citation.paragraph}: {', '.join(said) or 'as the claim'}"


def _erratum(citation: Citation) -> str:
    assert isinstance(citation, Rendering)
    return f"{citation.source} ¶{citation.paragraph} “{citation.quote}”: {citation.erratum}"


def claims_csv(
    claims: list[CasualtyClaim],
    analysis: Analysis,
    verdicts: dict[str, FigureComparison],
    said: dict[str, Attribution],
    reasons: dict[str, str],
) -> str:
    """claims.csv: a row per claim. Its sources and quotes are the citations that support
    the figure; a rendering marked an erratum is only in the errata column, with why."""
    rows = []
    for claim in claims:
        low, high = claim.bounds
        supporting = [c for c in claim.citations if c.supports]
        rows.append(
            [
                claim.id,
                claim.incident,
                claim.category,
                claim.group,
                describe_count(claim),
                said[claim.id].according_to,
                said[claim.id].as_of,
                as_of_basis(claim),
                said[claim.id].sentence,
                low,
                high,
                claim.claimant or "",
                claim.as_of.isoformat(),
                claim.place or "",
                claim.counted_scope or "",
                _grade(analysis.fact("claims", claim.id)),
                verdicts[claim.id].verdict,
                reasons[claim.id],
                _cited(supporting),
                " | ".join(c.quote for c in supporting),
                " | ".join(_rendering(c) for c in supporting),
                " | ".join(_erratum(c) for c in claim.citations if not c.supports),
            ]
        )
    return _csv(
        [
            "id",
            "incident",
            "category",
            "group",
            "figure",
            "according_to",
            "as_of_words",
            "as_of_basis",
            "attributed",
            "min",
            "max",
            "claimant",
            "as_of",
            "place",
            "scope",
            "credibility",
            "verdict",
            "verdict_reason",
            "sources",
            "quotes",
            "renderings",
            "errata",
        ],
        rows,
    )


def _assertions(fact: FactAnalysis) -> str:
    """An event's assertions in one cell: 'responsibility: contested; version 1 held by a
    b, confirmed by c, denied by d, credibility 3 | version 2 held by e, credibility 4'."""
    said = []
    for found in fact.assertions:
        versions = []
        for n, v in enumerate(found.versions, 1):
            parts = [f"version {n} held by {' '.join(v.version.holders) or 'no one named'}"]
            for role, actors in (
                ("confirmed by", v.version.confirmed_by),
                ("denied by", v.version.denied_by),
            ):
                if actors:
                    parts.append(f"{role} {' '.join(actors)}")
            parts.append(f"credibility {v.credibility.grade}")
            versions.append(", ".join(parts))
        said.append(f"{found.record.about}: {found.record.standing}; {' | '.join(versions)}")
    return " || ".join(said)


def events_csv(analysis: Analysis) -> str:
    """events.csv: a row per event in date order, with its assertions and their versions."""
    rows = []
    for event in analysis.events:
        fact = analysis.fact("events", event.id)
        rows.append(
            [
                event.id,
                event.when.label,
                event.when.start.isoformat(),
                event.when.end.isoformat(),
                event.precision,
                event.time or "",
                event.title,
                event.status,
                " ".join(event.claimed_by),
                " ".join(event.confirmed_by),
                " ".join(event.denied_by),
                _grade(fact),
                len(fact.lineages),
                fact.single_source,
                _cited(event.citations),
                _assertions(fact),
            ]
        )
    return _csv(
        [
            "id",
            "date",
            "date_start",
            "date_end",
            "precision",
            "time",
            "title",
            "status",
            "claimed_by",
            "confirmed_by",
            "denied_by",
            "credibility",
            "lineage_count",
            "single_source",
            "sources",
            "assertions",
        ],
        rows,
    )


def _grade(fact: FactAnalysis) -> int:
    assert fact.credibility is not None
    return fact.credibility.grade


def _spreadsheet_safe(value: Any) -> Any:
    # A cell starting with = + - @ is run as a formula by spreadsheet programs, which also
    # trim leading spaces first (" =1+1" is a formula too).
    if isinstance(value, str) and value.lstrip(" \u00a0")[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
