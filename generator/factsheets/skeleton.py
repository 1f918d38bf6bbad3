"""New fact-sheet entries for editors: `briefing new event --briefing SLUG`.

The skeleton is written from the model, like the JSON Schemas: every field an editor must
give, with a placeholder, and every optional field commented out, each with a comment saying
what it takes. It is appended to the sheet as text, so nothing already there is reformatted.
Placeholders that need the editor (a quote, a title) say TODO, and `briefing check` points at
each until it is filled in.
"""

from __future__ import annotations

import datetime
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from ..confine import InputRefused, read_inside
from .hints import Pattern, Shape, describe, fields_of
from .kinds import KINDS, Kind
from .load import FACT_SHEET_LIMIT, FactSheets
from .yaml_nodes import Sequence, parse_yaml

__all__ = [
    "KINDS_BY_WORD",
    "PLACEHOLDER",
    "SkeletonRefused",
    "append_skeleton",
    "fresh_id",
    "inline_yaml",
    "skeleton",
]

# What `briefing new` writes where only the editor knows the value: `briefing check`
# reports every value that starts with it.
PLACEHOLDER = "TODO"
# The word on the command line -> the kind: the sources and every kind of fact.
KINDS_BY_WORD = {k.singular: k for k in KINDS if k.fact or k.name == "sources"}
_COMMENT_COLUMN = 34


def fresh_id(kind: Kind, sheets: FactSheets) -> str:
    """'new-event', or 'new-event-2', ... : an id no record of the kind has yet."""
    taken = {getattr(r, "id", None) for r in sheets.records(kind)}
    taken |= {getattr(r, "id", None) for r in sheets.partial.get(kind.name, [])}
    base = f"new-{kind.singular}"
    n = 1
    while (candidate := base if n == 1 else f"{base}-{n}") in taken:
        n += 1
    return candidate


def _placeholder(shape: Shape, name: str, sheets: FactSheets) -> Any:
    if shape.kind == "union":
        choice = next((a for a in shape.arms if a.kind == "choice"), None)
        return _placeholder(choice or shape.arms[0], name, sheets)
    if (ref := shape.ref) is not None:
        # Never a real id: `briefing check` then names the field and the ids to pick from.
        singular = next(k.singular for k in KINDS if k.name == ref.kind)
        return f"{PLACEHOLDER}-{singular}-id"
    if shape.kind == "choice":
        return shape.choices[0]
    pattern = shape.marker(Pattern)
    if shape.kind == "date" or (pattern is not None and "YYYY" in pattern.hint):
        day = sheets.info.period.start if sheets.info else datetime.date.today()
        return day.isoformat()
    if shape.kind == "bool":
        return False
    if shape.kind in ("int", "float"):
        return 0
    if name == "quote":
        return f"{PLACEHOLDER}: words copied exactly from the source"
    if name == "language":
        return "en"
    return f"{PLACEHOLDER}: {name.replace('_', ' ')}"


def _lines(
    cls: type, sheets: FactSheets, indent: str, first: str, overrides: dict[str, Any]
) -> list[str]:
    lines = []
    prefix = first
    for field in fields_of(cls):
        shape = field.shape
        comment = describe(shape)
        if shape.kind == "list" and shape.item is not None and shape.item.kind == "record":
            assert shape.item.record is not None
            if field.required or shape.non_empty:
                lines.append(f"{prefix}{field.name}:")
                lines += _lines(shape.item.record, sheets, indent + "    ", indent + "  - ", {})
            else:
                lines.append(_commented(f"{indent}# {field.name}: []", comment))
        elif field.required:
            value = overrides.get(field.name, _placeholder(shape, field.name, sheets))
            lines.append(_commented(f"{prefix}{field.name}: {inline_yaml(value)}", comment))
        else:
            lines.append(
                _commented(f"{indent}# {field.name}: {inline_yaml(field.default)}", comment)
            )
        prefix = indent
    return lines


def inline_yaml(value: Any) -> str:
    """A value as YAML writes it, quoted where it must be (`#`, a leading `*` or `&`,
    `null`, `~`, `yes`, a colon and space), reading back as the same value."""
    # YAML reads U+0085, U+2028 and U+2029 as line breaks even inside quotes (the loader
    # refuses them); only escapes keep them, so a value holding one is written in ASCII.
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=1_000)
    if any(c in text for c in "\x85\u2028\u2029"):
        text = yaml.safe_dump(value, default_flow_style=True, width=1_000)
    return text.removesuffix("\n...\n").rstrip("\n")


def _commented(line: str, comment: str) -> str:
    return f"{line.ljust(_COMMENT_COLUMN - 1)} # {comment}"


def skeleton(kind: Kind, sheets: FactSheets) -> tuple[str, str]:
    """(new id, the entry as YAML text) for one new record of `kind`."""
    new_id = fresh_id(kind, sheets)
    lines = _lines(kind.model, sheets, "  ", "- ", {"id": new_id})
    return new_id, "\n".join(lines) + "\n"


class SkeletonRefused(Exception):
    """Why a skeleton was not appended; the fact sheet is left as it was."""


def append_skeleton(kind: Kind, sheets: FactSheets) -> tuple[str, Path, int]:
    """Append a new record to the right sheet; return its id, the file and its first line.

    The sheet keeps its line endings and byte-order mark, and is replaced in one step only
    after the new text was read back with one record more and no new problem.
    """
    new_id, text = skeleton(kind, sheets)
    path = sheets.folder / kind.sheet
    try:
        raw = read_inside(path, sheets.folder, limit=FACT_SHEET_LIMIT, what="fact sheet")
    except FileNotFoundError:
        raw = f"# yaml-language-server: $schema=../schemas/{kind.name}.schema.json\n".encode()
    except InputRefused as exc:
        raise SkeletonRefused(f"{path.name} {exc}") from None
    try:
        existing = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SkeletonRefused(
            f"{path.name} is not UTF-8 text; `briefing check` says where, fix that first"
        ) from None
    newline = "\r\n" if "\r\n" in existing else "\n"
    if existing and not existing.endswith("\n"):
        existing += newline
    separator = newline if existing.strip() else ""
    updated = existing + separator + text.replace("\n", newline)
    _verify(kind, existing, updated, path.name)
    # A sheet that is a link (inside the folder, or read_inside refused it) is written
    # through, so the link stays a link.
    _replace(path.resolve() if path.exists() else path, updated)
    line = existing.count("\n") + separator.count("\n") + 1
    return new_id, path, line


def _verify(kind: Kind, before: str, after: str, name: str) -> None:
    """The sheet must read back with one more record and no problem it did not have."""
    old_node, old_problems = parse_yaml(before.removeprefix("\ufeff"))
    new_node, new_problems = parse_yaml(after.removeprefix("\ufeff"))
    count = len(old_node) if isinstance(old_node, Sequence) else 0
    if (old_node is not None and not isinstance(old_node, Sequence)) or (
        not isinstance(new_node, Sequence)
        or len(new_node) != count + 1
        or len(new_problems) > len(old_problems)
    ):
        raise SkeletonRefused(
            f"{name} is not a plain list of entries ('- id: ...'), so a new "
            f"{kind.singular} cannot be appended to it safely; run "
            "`briefing check`, "
            "fix what it reports, then try again"
        )


def _replace(path: Path, text: str) -> None:
    """Write the whole file anew beside it, then rename it over the old one: an interrupted
    write leaves the old file as it was."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.new-", dir=path.parent)
    temporary = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        if path.exists():
            shutil.copymode(path, temporary)
        else:
            temporary.chmod(0o666 & ~_umask())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
