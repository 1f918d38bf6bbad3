"""Loading a briefing folder: every fact sheet read, confined and bounded, into records.

A briefing folder holds `briefing.yaml` and one sheet per kind of record (`kinds.py`).
Nothing else ending in .yaml or .yml may stand beside them: a misnamed sheet would drop
its records unseen.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..confine import InputRefused, read_inside
from ..problems import Problem, Severity, display_path
from .kinds import KINDS, Kind
from .model import (
    Actor,
    BriefingInfo,
    CasualtyClaim,
    Event,
    Place,
    Source,
    Statement,
    Waiver,
)
from .reader import RecordReader
from .yaml_nodes import Sequence, parse_yaml

__all__ = [
    "FACT_SHEET_LIMIT",
    "SCHEMA_FOLDER",
    "FactSheets",
    "load_factsheets",
    "read_sheet",
    "sheet_names",
]

# Where `briefing schema` writes the JSON Schemas: a folder under briefings/ that is not a
# briefing.
SCHEMA_FOLDER = "schemas"
# The largest fact sheet read (about 6,000 events); it parses and reads in about two seconds.
FACT_SHEET_LIMIT = 5_000_000


@dataclass
class FactSheets:
    """Everything read from one briefing folder, before cross-checks."""

    slug: str
    folder: Path
    info: BriefingInfo | None = None
    sources: list[Source] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[CasualtyClaim] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    waivers: list[Waiver] = field(default_factory=list)
    # Which file each kind came from, as shown in problems (relative to the project root).
    files: dict[str, str] = field(default_factory=dict)
    # Records that had problems, with their good fields (see RecordReader.partial).
    partial: dict[str, list[Any]] = field(default_factory=dict)
    # Kinds whose sheet could not be read at all (not UTF-8, a YAML syntax error, refused):
    # references to them are not checked, so one broken file gives one error, not fifty.
    unreadable: set[str] = field(default_factory=set)

    def records(self, kind: Kind) -> list[Any]:
        """The records of one kind (the fields above, by kind)."""
        return getattr(self, kind.name)  # type: ignore[no-any-return]

    def problem_at(
        self,
        sheet: str,
        record: Any,
        field_name: str,
        message: str,
        severity: Severity = "error",
    ) -> Problem:
        """A problem with one field of a record of `sheet` ("claims"), at the field's line
        (the record's when the field was not written)."""
        line = record.lines.get(field_name, record.line)
        return Problem(self.files[sheet], line, field_name, message, severity)


def sheet_names() -> list[str]:
    """The file names a briefing folder may hold, briefing.yaml first."""
    return ["briefing.yaml", *(k.sheet for k in KINDS)]


def load_factsheets(folder: Path, root: Path) -> tuple[FactSheets, list[Problem]]:
    """Read every fact sheet in a briefing folder; problems name files relative to `root`."""
    sheets = FactSheets(slug=folder.name, folder=folder)
    problems: list[Problem] = _unknown_sheets(folder, root)

    info_path = folder / "briefing.yaml"
    sheets.files["briefing"] = display_path(info_path, root)
    node = read_sheet(info_path, folder, sheets.files["briefing"], problems, required=True)
    if node is _UNREADABLE:
        sheets.unreadable.add("briefing")
    elif node is None:
        problems.append(
            Problem(
                sheets.files["briefing"],
                1,
                "",
                "is empty; it needs title, "
                "summary, period, status and last_reviewed (see "
                "briefings/schemas/briefing.schema.json)",
            )
        )
    else:
        reader = RecordReader(sheets.files["briefing"])
        sheets.info = reader.read_record(BriefingInfo, node)
        problems += reader.problems

    for kind in KINDS:
        path = folder / kind.sheet
        display = display_path(path, root)
        sheets.files[kind.name] = display
        node = read_sheet(path, folder, display, problems, required=kind.name == "sources")
        if node is _UNREADABLE:
            sheets.unreadable.add(kind.name)
            continue
        if node is None:
            continue
        if not isinstance(node, Sequence):
            problems.append(
                Problem(
                    display,
                    node.line,
                    "",
                    f"{kind.sheet} must be a list of {kind.name}, one '- ...' entry each",
                )
            )
            sheets.unreadable.add(kind.name)
            continue
        reader = RecordReader(display)
        records = [reader.read_record(kind.model, item) for item in node]
        sheets.records(kind).extend(r for r in records if r is not None)
        sheets.partial[kind.name] = reader.partial
        problems += reader.problems
    return sheets, problems


def _unknown_sheets(folder: Path, root: Path) -> list[Problem]:
    """YAML files the loader would not read: a misnamed sheet would silently drop its facts."""
    known = sheet_names()
    problems = []
    for path in sorted(folder.iterdir()):
        stem, dot, extension = path.name.rpartition(".")
        if not dot or extension.lower() not in ("yaml", "yml") or path.name in known:
            continue
        wanted = f"{stem.lower()}.yaml"
        if wanted in known:
            fix = f"rename it to {wanted}"
        else:
            close = difflib.get_close_matches(wanted, known, n=1, cutoff=0.7)
            fix = f"did you mean {close[0]}? " if close else ""
            fix += "a briefing folder holds only " + ", ".join(known)
        problems.append(
            Problem(
                display_path(path, root),
                1,
                "",
                f"is not a fact sheet this tool reads, so nothing in it would "
                f"reach the site; {fix}",
            )
        )
    return problems


# What `read_sheet` returns for a sheet that exists but could not be read.
_UNREADABLE: Any = object()


def read_sheet(
    path: Path, folder: Path, display: str, problems: list[Problem], *, required: bool
) -> Any:
    """The YAML nodes of a sheet in `folder`, confined and bounded, with its problems added
    to `problems`: None if it is missing (a problem too if `required`) or empty, and
    `_UNREADABLE` if it could not be read."""
    try:
        raw = read_inside(path, folder, limit=FACT_SHEET_LIMIT, what="fact sheet")
    except FileNotFoundError:
        if required:
            problems.append(Problem(display, 1, "", "file is missing; create it"))
        return None
    except InputRefused as exc:
        problems.append(Problem(display, 1, "", str(exc)))
        return _UNREADABLE
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.append(
            Problem(
                display,
                line,
                "",
                f"byte 0x{raw[exc.start]:02X} at column "
                f"{column} is not UTF-8 text; save the file as UTF-8",
            )
        )
        return _UNREADABLE
    node, yaml_problems = parse_yaml(text.removeprefix("\ufeff"))
    problems += [Problem(display, p.line, "", p.message) for p in yaml_problems]
    if node is None and yaml_problems:
        return _UNREADABLE
    return node
