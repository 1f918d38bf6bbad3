"""Ids and references: each id unique and not an address the pages use, each reference
resolved, each placeholder of `briefing new` replaced."""

from __future__ import annotations

import difflib
from pathlib import Path

from ..addresses import reserved_anchors, taken_address
from ..factsheets.hints import leaves
from ..factsheets.kinds import KINDS
from ..factsheets.kinds import kind as kind_named
from ..factsheets.load import FactSheets
from ..problems import Problem
from .records import records_of

__all__ = ["duplicate_ids", "reserved_ids", "unresolved_refs"]


def singular(name: str) -> str:
    return kind_named(name).singular


def duplicate_ids(sheets: FactSheets) -> list[Problem]:
    """An id given to two records of one kind."""
    problems = []
    first: dict[tuple[str, str], int] = {}
    for kind, record in sorted(records_of(sheets, partial=True), key=lambda kr: kr[1].line):
        if getattr(record, "id", None) is not None:
            line = record.lines.get("id", record.line)
            if (kind.name, record.id) in first:
                problems.append(
                    Problem(
                        sheets.files[kind.name],
                        line,
                        "id",
                        f"'{record.id}' is already the id of the {kind.singular} on line "
                        f"{first[kind.name, record.id]}; give each {kind.singular} its own id",
                    )
                )
            else:
                first[kind.name, record.id] = line
    return problems


def reserved_ids(sheets: FactSheets) -> list[Problem]:
    """Ids that would take an address or anchor the generated pages use themselves: the
    record's page or anchor would replace, or share, the other."""
    problems = []
    events = [*sheets.events, *sheets.partial.get("events", [])]
    event_ids = [e.id for e in events if getattr(e, "id", None)]
    # Each kind's anchors, made once: a page of claims reserves one per event, so making
    # them per record took time in the square of the number of events.
    anchors: dict[str, dict[str, str]] = {}
    for kind, record in records_of(sheets, partial=True):
        record_id = getattr(record, "id", None)
        if record_id is None:
            continue
        if kind.page is not None and not kind.page.endswith("/"):
            if kind.name not in anchors:
                anchors[kind.name] = reserved_anchors(kind, event_ids)
            if record_id not in anchors[kind.name]:
                continue
        if taken := taken_address(kind, record_id, event_ids):
            problems.append(
                sheets.problem_at(
                    kind.name,
                    record,
                    "id",
                    f"'{record_id}' is {taken}; give this {kind.singular} another id",
                )
            )
    return problems


def unresolved_refs(sheets: FactSheets) -> list[Problem]:
    """A reference to an id that no record of its kind has."""
    known: dict[str, set[str]] = {kind.name: set() for kind in KINDS}
    for kind, record in records_of(sheets, partial=True):
        if getattr(record, "id", None) is not None:
            known[kind.name].add(record.id)
    # Kinds with a record whose id did not read: a reference may name it as it was meant.
    unread_ids = {
        kind.name
        for kind, record in records_of(sheets, partial=True)
        if hasattr(record, "id") and record.id is None
    }
    problems = []
    for kind, record in records_of(sheets, partial=True):
        for leaf in leaves(record):
            if leaf.shape.ref is None:
                continue
            path, ref, ref_kind, line = leaf.path, leaf.value, leaf.shape.ref.kind, leaf.line
            # A sheet that could not be read has no known ids: its own error is the cause.
            if ref in known[ref_kind] or ref_kind in sheets.unreadable:
                continue
            close = difflib.get_close_matches(ref, sorted(known[ref_kind]), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            knock_on = ref_kind in unread_ids
            if knock_on:
                hint += (
                    f"; an id in {Path(sheets.files[ref_kind]).name} is itself invalid "
                    "(reported above): fixing it may resolve this"
                )
            problems.append(
                Problem(
                    sheets.files[kind.name],
                    line,
                    path,
                    f"'{ref}' is not the id of any {singular(ref_kind)} in "
                    f"{Path(sheets.files[ref_kind]).name}{hint}",
                    stage=int(knock_on),
                )
            )
    return problems
