"""The validated fact sheets as downloadable data: JSON per kind, and the claims and events
as CSV.

JSON keeps the YAML field names; each citation gains the paragraph it was found in, its
anchor and the source page (relative to the briefing), so data users can follow it.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime
import io
from collections.abc import Sequence
from typing import Any

from ..addresses import built_directory, paragraph_anchor, source_page
from ..analysis.corroboration import Credibility, Lineage
from ..analysis.coverage import percent
from ..analysis.figures import FigureComparison
from ..analysis.model import Analysis, FactAnalysis
from ..attribution import Attribution, as_of_basis, attribute
from ..checks.briefing import Briefing
from ..factsheets.hints import fields_of
from ..factsheets.model import CasualtyClaim, Citation
from ..factsheets.times import zone_named
from ..sources.reuse import N_GRAM
from ..words import (
    VERDICT_WORDS,
    claimant,
    credibility_label,
    credibility_steps,
    describe_count,
    figure_reason,
)
from .jsontext import indented

__all__ = ["DATA_FILES", "data_files", "record_to_data"]

# The verdicts a group of figures can get, as the data files write them.
_VERDICTS = ", ".join(f"{v} ({words[0]}: {words[1]})" for v, words in VERDICT_WORDS.items())

# File name -> what it holds, for the data page.
DATA_FILES = {
    "actors.json": "Actors: id, name, kind, aliases, affiliations, description, citations.",
    "places.json": "Places: id, name, kind, region, country, aliases, coordinates, citations.",
    "events.json": "Events: id, title, date, precision, date_phrase, time, places, actors, "
    "summary, status, claimed_by, denied_by, confirmed_by (whether it happened), assertions "
    "(who was responsible, what was hit, what came of it: each with its own actors, citations, "
    "lineages and grade), independent, credibility (an editor's override), citations; plus "
    "date_start and date_end, the range of days the date stands for, and the "
    "computed corroboration: lineages (the independent lineages carrying it, each a list of "
    "source ids), lineage_count, single_source, and graded (the credibility grade 1–6, its "
    "label, the computed grade and the steps that led to it).",
    "claims.json": "Casualty and loss claims: id, claimant (an actor id; null when the outlet "
    "gives the figure in its own voice), as_of, incident, category, group, count, qualifier, "
    "place, scope, words, part_of, witness, note, credibility, citations (each a source's "
    "rendering: says, qualifier, date_phrase, erratum); plus min and max, the bounds the "
    "figure allows; attribution: the figure as the site says it, never without who gives it "
    "(according_to: 'according to' the claimant, or \"the outlet's own count\"; as_of in words; "
    "as_of_basis: stated, date of publication, or given before; text: all of it in one "
    "sentence); lineages, lineage_count, single_source and graded as for events; and "
    "figures: the verdict on the figures for the same loss (" + _VERDICTS + ") and the reason.",
    "statements.json": "Statements: id, speaker, title, date, precision, date_phrase, time, "
    "where, event, note, credibility, citations (each source's rendering); plus date_start, "
    "date_end, and lineages, lineage_count, single_source and graded as for events.",
    "coverage.json": "Coverage of each source: per source, the figure sentences and proper "
    "names found in its text, and whether a fact, a known name or a waiver covers each.",
    "reuse.json": "Text reuse between sources: for each ordered pair, the share of the first "
    "source's words (and of its narration, outside quotation marks) in six-word runs the second "
    "also has, and the shared passages.",
    "sources.json": "Sources: id, file, outlet, title, published, language, translation, "
    "original_language, byline, url, derived_from, reliability (the editor's Admiralty grade "
    "A–F and the reason), notes, strip (the lines hidden from display); plus lineage (the "
    "original source of its lineage).",
    "claims.csv": "Casualty and loss claims, one row per claim, for spreadsheets: id, "
    "incident, category, group, figure (in words), according_to (who gives it), as_of_words "
    "and as_of_basis (as in claims.json), attributed (the figure, who gives it and when, in "
    "one sentence), min, max, claimant (actor id), as_of, place, credibility (grade 1–6), "
    "verdict (on the figures for the same loss: " + _VERDICTS + "), sources (source id and "
    "paragraph) and quotes.",
    "events.csv": "Events, one row per event in date order, for spreadsheets: id, date (as "
    "the sources allow), date_start, date_end, precision, time, title, status, claimed_by, "
    "confirmed_by, denied_by (actor ids), credibility (grade 1–6), lineage_count, "
    "single_source, sources (source id and paragraph).",
}


def _value(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Citation):
        return {
            "source": value.source,
            "quote": value.quote,
            "paragraph": value.paragraph,
            "anchor": paragraph_anchor(value.paragraph) if value.paragraph else None,
            "page": built_directory(source_page(value.source)),
        }
    if dataclasses.is_dataclass(value):
        return record_to_data(value)
    if isinstance(value, list):
        return [_value(v) for v in value]
    return value


def record_to_data(record: Any) -> dict[str, Any]:
    """A record as plain JSON-ready data, with the field names an editor writes."""
    cls: type = type(record)
    return {f.name: _value(getattr(record, f.name)) for f in fields_of(cls)}


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_spreadsheet_safe(v) for v in row])
    return out.getvalue()


def _cited(citations: Sequence[Citation]) -> str:
    return "; ".join(f"{c.source} ¶{c.paragraph}" for c in citations)


def _claims_csv(
    claims: list[CasualtyClaim],
    analysis: Analysis,
    verdicts: dict[str, FigureComparison],
    said: dict[str, Attribution],
) -> str:
    rows = []
    for claim in claims:
        low, high = claim.bounds
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
                _grade(analysis.fact("claims", claim.id)),
                verdicts[claim.id].verdict,
                _cited(claim.citations),
                " | ".join(c.quote for c in claim.citations),
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
            "credibility",
            "verdict",
            "sources",
            "quotes",
        ],
        rows,
    )


def _events_csv(analysis: Analysis) -> str:
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


def _coverage_json(analysis: Analysis) -> str:
    data = {
        source_id: {
            "captured_percent": round(percent(coverage.items), 1),
            "items": [
                {
                    "kind": item.kind,
                    "paragraph": item.paragraph,
                    "text": item.text,
                    "sentence": item.sentence,
                    "covered_by": item.covered_by,
                    "waiver_reasons": [w.reason for w in item.waivers],
                }
                for item in coverage.items
            ],
        }
        for source_id, coverage in analysis.coverage.by_source.items()
    }
    return indented(data) + "\n"


def _reuse_json(briefing: Briefing) -> str:
    reuse = briefing.reuse
    pairs = [
        {
            "source": a,
            "other": b,
            "shared_percent": round(reuse.shared[a, b], 1),
            "narration_percent": round(reuse.narration[a, b], 1),
            "passages": [
                {
                    "paragraph": p.paragraph_a,
                    "other_paragraph": p.paragraph_b,
                    "words": p.words,
                    "quotation": p.quoted,
                    "text": p.text,
                }
                for p in reuse.passages[a, b]
            ],
        }
        for (a, b) in reuse.shared
    ]
    return indented({"n_gram": N_GRAM, "words": reuse.words, "pairs": pairs}) + "\n"


def data_files(briefing: Briefing, analysis: Analysis) -> dict[str, str]:
    """{"data/<name>": text} for every downloadable file of a briefing."""

    def dump(records: Sequence[Any], extra: Any = None) -> str:
        rows = []
        for record in records:
            row = record_to_data(record)
            if extra:
                row.update(extra(record))
            rows.append(row)
        return indented(rows) + "\n"

    actor_name = {a.id: a.name for a in briefing.actors}.__getitem__
    source_label = {s.id: s.short_label for s in briefing.sources}.__getitem__

    def graded(grade: Credibility, lineages: tuple[Lineage, ...]) -> dict[str, Any]:
        return {
            "lineages": [list(group) for group in lineages],
            "lineage_count": len(lineages),
            "single_source": len(lineages) == 1,
            "graded": {
                "grade": grade.grade,
                "label": credibility_label(grade.grade),
                "computed": grade.computed,
                "steps": credibility_steps(grade, actor_name, source_label),
            },
        }

    def corroboration(kind: str, record: Any) -> dict[str, Any]:
        fact = analysis.fact(kind, record.id)
        assert fact.credibility is not None
        found = graded(fact.credibility, fact.lineages)
        if fact.assertions:
            # Each assertion with its own lineages and grade, beside its fields.
            found["assertions"] = [
                {**record_to_data(a.record), **graded(a.credibility, a.lineages)}
                for a in fact.assertions
            ]
        return found

    def dated(record: Any) -> dict[str, str]:
        return {
            "date_start": record.when.start.isoformat(),
            "date_end": record.when.end.isoformat(),
        }

    verdicts = {c.id: g.comparison for g in analysis.claim_groups for c in g.claims}
    zone = zone_named(briefing.info.timezone)
    said = {c.id: attribute(c, actor_name, source_label, zone) for c in briefing.claims}

    def claim_extra(claim: CasualtyClaim) -> dict[str, Any]:
        low, high = claim.bounds
        verdict = verdicts[claim.id]
        reason = figure_reason(verdict, lambda c: claimant(c, actor_name, source_label), zone)
        return {
            "min": low,
            "max": high,
            "attribution": {
                "according_to": said[claim.id].according_to,
                "as_of": said[claim.id].as_of,
                "as_of_basis": as_of_basis(claim),
                "text": said[claim.id].sentence,
            },
            **corroboration("claims", claim),
            "figures": {"verdict": verdict.verdict, "reason": reason},
        }

    ordered_claims = [c for g in analysis.claim_groups for c in g.claims]
    return {
        "data/actors.json": dump(briefing.actors),
        "data/places.json": dump(briefing.places),
        "data/events.json": dump(
            analysis.events, lambda e: {**dated(e), **corroboration("events", e)}
        ),
        "data/claims.json": dump(ordered_claims, claim_extra),
        "data/statements.json": dump(
            analysis.statements, lambda s: {**dated(s), **corroboration("statements", s)}
        ),
        "data/coverage.json": _coverage_json(analysis),
        "data/reuse.json": _reuse_json(briefing),
        "data/sources.json": dump(
            briefing.sources, lambda s: {"lineage": analysis.sources[s.id].lineage}
        ),
        "data/claims.csv": _claims_csv(ordered_claims, analysis, verdicts, said),
        "data/events.csv": _events_csv(analysis),
    }
