"""The validated fact sheets as downloadable data: JSON per kind, and the claims and events
as CSV.

JSON keeps the YAML field names; each citation gains the paragraph it was found in, its
anchor and the source page (relative to the briefing), so data users can follow it.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Sequence
from typing import Any

from ..addresses import built_directory, paragraph_anchor, source_page
from ..analysis.corroboration import Credibility, Lineage
from ..analysis.coverage import percent
from ..analysis.model import Analysis, AssertionAnalysis
from ..attribution import as_of_basis, attribute
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
    figure_reason,
)
from .jsontext import indented
from .tables import claims_csv, events_csv

__all__ = ["DATA_FILES", "data_files", "record_to_data"]

# The verdicts a group of figures can get, as the data files write them.
_VERDICTS = ", ".join(f"{v} ({words[0]}: {words[1]})" for v, words in VERDICT_WORDS.items())

# File name -> what it holds, for the data page.
DATA_FILES = {
    "actors.json": "Actors: id, name, kind, aliases, affiliations, description, citations.",
    "places.json": "Places: id, name, kind, region, country, aliases, coordinates, citations.",
    "events.json": "Events: id, title, date, precision, date_phrase, time, places, actors, "
    "summary, status, claimed_by, denied_by, confirmed_by (whether it happened), assertions "
    "(who was responsible, what was hit, what came of it: the fields as written, with "
    "`versions` when rival versions are held; plus contested (true with two or more versions), "
    "standing (the one version's status, or 'contested') and all_versions: each version, the "
    "one-version form as one, with its summary, status, held_by, confirmed_by, denied_by, "
    "citations, lineages and graded; a confirmation or denial counts only for the version it "
    "addresses), independent, credibility (an editor's override), citations; plus "
    "date_start and date_end, the range of days the date stands for, and the "
    "computed corroboration: lineages (the independent lineages carrying it, each a list of "
    "source ids), lineage_count, single_source, and graded (the credibility grade 1–6, its "
    "label, the computed grade and the steps that led to it).",
    "claims.json": "Casualty and loss claims: id, claimant (an actor id; null when the outlet "
    "gives the figure in its own voice), as_of, incident, category, group, count, qualifier, "
    "place, scope, words, part_of, witness, note, credibility, citations (each a source's "
    "rendering: says, qualifier, date_phrase, hidden, erratum, and supports: false for a "
    "rendering marked an erratum, which counts for nothing); plus counted_scope (the scope with "
    "where a running count starts; figures of different scope are never compared), min and "
    "max, the bounds the "
    "figure allows; attribution: the figure as the site says it, never without who gives it "
    "(according_to: 'according to' the claimant, or \"the outlet's own count\"; as_of in words; "
    "as_of_basis: stated, date of publication, or given before; text: all of it in one "
    "sentence); lineages, lineage_count, single_source and graded as for events; and "
    "figures: the verdict on the figures for the same loss (" + _VERDICTS + "), every verdict "
    "its findings reach, the reason, and the findings: each pair of figures that do not meet "
    "(verdict, how, and the earlier and later claim's id, whose entries say who gives them).",
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
    "one sentence), min, max, claimant (actor id), as_of, place, scope (with where a running "
    "count starts), credibility (grade 1–6), verdict (on the figures for the same loss: "
    + _VERDICTS
    + ") and verdict_reason, sources (source id and paragraph) and quotes of the citations that "
    "support the figure, renderings (how each of them words it: says, qualifier, date phrase, "
    "hidden), and errata (renderings marked wrong, with their quote and why; never among the "
    "sources).",
    "events.csv": "Events, one row per event in date order, for spreadsheets: id, date (as "
    "the sources allow), date_start, date_end, precision, time, title, status, claimed_by, "
    "confirmed_by, denied_by (actor ids), credibility (grade 1–6), lineage_count, "
    "single_source, sources (source id and paragraph), assertions (each: what it is about, its "
    "standing, and every version with the actor ids holding, confirming and denying it and its "
    "credibility).",
}


def _value(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Citation):
        # Every field the editor wrote (a rendering's says, qualifier, date_phrase, hidden,
        # erratum), where it was found, and whether it supports the fact: an erratum never
        # reads as an ordinary supporting citation.
        return {
            **{f.name: _value(getattr(value, f.name)) for f in fields_of(type(value))},
            "supports": value.supports,
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
            found["assertions"] = [assertion(a) for a in fact.assertions]
        return found

    def assertion(found: AssertionAnalysis) -> dict[str, Any]:
        """An assertion's fields, its standing (contested with rival versions) and each
        version (the one-version form as one) with its holders, lineages and grade."""
        return {
            **record_to_data(found.record),
            "contested": found.contested,
            "standing": found.record.standing,
            "all_versions": [
                {
                    "summary": v.version.summary,
                    "status": v.version.status,
                    "held_by": v.version.holders,
                    "confirmed_by": v.version.confirmed_by,
                    "denied_by": v.version.denied_by,
                    "citations": _value(v.version.citations),
                    **graded(v.credibility, v.lineages),
                }
                for v in found.versions
            ],
        }

    def dated(record: Any) -> dict[str, str]:
        return {
            "date_start": record.when.start.isoformat(),
            "date_end": record.when.end.isoformat(),
        }

    verdicts = {c.id: g.comparison for g in analysis.claim_groups for c in g.claims}
    zone = zone_named(briefing.info.timezone)
    said = {c.id: attribute(c, actor_name, source_label, zone) for c in briefing.claims}

    reasons = {
        c: figure_reason(v, lambda c: claimant(c, actor_name, source_label), zone)
        for c, v in verdicts.items()
    }

    def claim_extra(claim: CasualtyClaim) -> dict[str, Any]:
        low, high = claim.bounds
        verdict = verdicts[claim.id]
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
            "counted_scope": claim.counted_scope,
            "figures": {
                "verdict": verdict.verdict,
                "verdicts": list(verdict.verdicts),
                "reason": reasons[claim.id],
                # Which figures do not meet, by claim id: each claim carries its claimant.
                "findings": [
                    {
                        "verdict": f.verdict,
                        "how": f.how,
                        "earlier": f.earlier.id,
                        "later": f.later.id,
                    }
                    for f in verdict.findings
                ],
            },
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
        "data/claims.csv": claims_csv(ordered_claims, analysis, verdicts, said, reasons),
        "data/events.csv": events_csv(analysis),
    }
