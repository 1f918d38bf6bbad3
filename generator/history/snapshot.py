"""A briefing's facts at one revision, as plain data: what a change can be measured against.

A snapshot holds each record as its fact sheet gives it, and what analysis makes of it that
a reader sees move: a claim's figure in words, a fact's grade and independent lineages, the
verdict on each group of figures, the share of the sources captured. It is JSON, so the
history can keep one per revision in its cache (`log.py`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from ..addresses import group_anchor
from ..analysis.build import analyse
from ..analysis.coverage import percent
from ..attribution import attribute
from ..checks.briefing import check_briefing
from ..export.data import record_to_data
from ..factsheets.kinds import KINDS, OVERVIEW, Kind
from ..factsheets.load import FactSheets, load_factsheets
from ..factsheets.times import zone_named
from ..pipeline import discover_briefings
from ..problems import Problem
from ..project import Project
from ..words import describe_count, group_title, verdicts_label
from .shapes import (
    WrongShape,
    boolean,
    fields_of,
    integer,
    json_value,
    list_of,
    mapping_of,
    number_or_none,
    text,
)

__all__ = ["LOGGED_KINDS", "Snapshot", "read_tree", "snapshot_of"]

# Waivers are notes to the coverage check, not something a reader sees change; the
# overview (briefing.yaml) is, and comes first.
LOGGED_KINDS = (OVERVIEW, *(k for k in KINDS if k.name != "waivers"))
# The overview's one record, and what of it is not a change a reader needs told: the date
# the editor last reviewed it (the page's "Last updated" follows the log itself).
_OVERVIEW_ID = "briefing"
_UNLOGGED = {"last_reviewed"}


@dataclass
class Snapshot:
    """One briefing at one revision. Keys of `titles`, `grades` and `lineages` are
    "kind/id"; `verdicts` maps a group of figures' anchor to [its title, its verdict]."""

    # False when a fact sheet could not be read: its records would look removed.
    readable: bool = True
    records: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    figures: dict[str, str] = field(default_factory=dict)  # claim id -> "at least 8"
    grades: dict[str, int] = field(default_factory=dict)
    lineages: dict[str, int] = field(default_factory=dict)
    verdicts: dict[str, list[str]] = field(default_factory=dict)
    coverage: float | None = None
    problems: list[Problem] = field(default_factory=list)

    def to_data(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_data(cls, data: Any) -> Snapshot:
        """A snapshot as `to_data` wrote it; WrongShape for anything else."""
        data = fields_of(data, {f.name for f in fields(cls)})
        return cls(
            readable=boolean(data["readable"]),
            records=mapping_of(data["records"], lambda r: mapping_of(r, _record)),
            titles=mapping_of(data["titles"], text),
            figures=mapping_of(data["figures"], text),
            grades=mapping_of(data["grades"], integer),
            lineages=mapping_of(data["lineages"], integer),
            verdicts=mapping_of(data["verdicts"], _verdict),
            coverage=number_or_none(data["coverage"]),
            problems=list_of(data["problems"], _problem),
        )


def _record(value: Any) -> dict[str, Any]:
    return mapping_of(value, json_value)


def _verdict(value: Any) -> list[str]:
    pair = list_of(value, text)
    if len(pair) != 2:
        raise WrongShape("expected a title and a verdict")
    return pair


def _problem(value: Any) -> Problem:
    data = fields_of(value, {f.name for f in fields(Problem)})
    severity = text(data["severity"])
    if severity not in ("error", "warning"):
        raise WrongShape("expected error or warning")
    return Problem(
        text(data["file"]),
        integer(data["line"]),
        text(data["field"]),
        text(data["message"]),
        "error" if severity == "error" else "warning",
        integer(data["stage"]),
    )


def snapshot_of(folder: Path, seeds_dir: Path, root: Path) -> Snapshot:
    """The briefing in `folder`, its sources in `seeds_dir`, in the project `root`: checked
    and analysed as a build would."""
    sheets, problems = load_factsheets(folder, root)
    briefing, check_problems = check_briefing(sheets, seeds_dir, root)
    state = Snapshot(readable=not problems, problems=problems + check_problems)
    for kind in LOGGED_KINDS:
        records = state.records[kind.name] = {}
        for rid, r in _logged_records(sheets, kind):
            data = _comparable(record_to_data(r))
            records[rid] = {k: v for k, v in data.items() if k not in _UNLOGGED}
            state.titles[f"{kind.name}/{rid}"] = _title(r)
    state.figures = {c.id: describe_count(c) for c in sheets.claims}
    state.titles.update(_claim_titles(sheets))
    if briefing is not None and not problems:
        analysis = analyse(briefing)
        for (kind_name, rid), fact in analysis.facts.items():
            state.lineages[f"{kind_name}/{rid}"] = len(fact.lineages)
            if fact.credibility is not None:
                state.grades[f"{kind_name}/{rid}"] = fact.credibility.grade
        for group in analysis.claim_groups:
            anchor = group_anchor(
                group.incident.id, group.category, group.group, group.place, group.scope
            )
            title = f"{group_title(group)}, {group.incident.title}"
            state.verdicts[anchor] = [title, verdicts_label(group.comparison)]
        state.coverage = percent(analysis.coverage.items)
    return state


def _logged_records(sheets: FactSheets, kind: Kind) -> list[tuple[str, Any]]:
    """(id, record) of each record of the kind; the overview's one record has no id."""
    if kind is OVERVIEW:
        return [(_OVERVIEW_ID, sheets.info)] if sheets.info is not None else []
    return [(r.id, r) for r in sheets.records(kind)]


def _claim_titles(sheets: FactSheets) -> dict[str, str]:
    """Each claim as the change log names it, never without who gives it: '12 civilians
    wounded, according to Vyacheslav Gladkov, as of 23 May 2023 (date of publication)'."""
    actors = {a.id: a.name for a in sheets.actors}
    sources = {s.id: s.short_label for s in sheets.sources}
    zone = zone_named(sheets.info.timezone) if sheets.info else None
    return {
        f"claims/{c.id}": attribute(
            c, lambda a: actors.get(a, a), lambda s: sources.get(s, s), zone
        ).sentence
        for c in sheets.claims
    }


def _title(record: Any) -> str:
    for name in ("title", "name", "outlet"):
        if getattr(record, name, None):
            return str(getattr(record, name))
    return str(record.id)


def _comparable(data: dict[str, Any]) -> dict[str, Any]:
    # Where a quote was found is not something an editor changed.
    for citation in data.get("citations", []) or []:
        for key in ("paragraph", "anchor", "page"):
            citation.pop(key, None)
    return data


def read_tree(project: Project) -> dict[str, Snapshot]:
    """Every briefing of the project, by folder name."""
    return {
        f.name: snapshot_of(f, project.seeds_dir, project.root)
        for f in discover_briefings(project.briefings_dir)
    }
