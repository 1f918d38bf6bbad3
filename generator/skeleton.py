"""New fact-sheet entries for editors: `briefing new event --briefing SLUG`.

The skeleton is written from the model, like the JSON Schemas: every field an editor must
give, with a placeholder, and every optional field commented out, each with a comment saying
what it takes. It is appended to the sheet as text, so nothing already there is reformatted.
Placeholders that need the editor (a quote, a title) say TODO, and `briefing check` points at
each until it is filled in.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from .checks import FACT_KINDS, KIND_NAMES, PLACEHOLDER
from .confine import InputRefused, read_inside
from .factsheets import FACT_FILES, FACT_SHEET_LIMIT, FactSheets
from .schema import (
    NonEmpty,
    Pattern,
    Ref,
    describe,
    is_required,
    is_union,
    record_fields,
    strip_annotated,
)
from .strict_yaml import Sequence, parse_yaml

__all__ = ["KINDS", "SkeletonRefused", "append_skeleton", "fresh_id", "skeleton"]

# Singular name on the command line -> fact sheet: the sources and every kind of fact.
KINDS = {KIND_NAMES[kind]: kind for kind in ("sources", *FACT_KINDS)}
_COMMENT_COLUMN = 34


def fresh_id(kind: str, sheets: FactSheets) -> str:
    """'new-event', or 'new-event-2', ... : an id no record of the kind has yet."""
    taken = {getattr(r, "id", None) for r in sheets.records(KINDS[kind])}
    taken |= {getattr(r, "id", None) for r in sheets.partial.get(KINDS[kind], [])}
    base = f"new-{kind}"
    n = 1
    while (candidate := base if n == 1 else f"{base}-{n}") in taken:
        n += 1
    return candidate


def _placeholder(hint: Any, name: str, sheets: FactSheets) -> Any:
    base, meta = strip_annotated(hint)
    if is_union(base):
        arms = [a for a in get_args(base) if a is not type(None)]
        literal = next((a for a in arms if get_origin(a) is Literal), None)
        return _placeholder(literal or arms[0], name, sheets)
    for m in meta:
        if isinstance(m, Ref):
            # Never a real id: `briefing check` then names the field and the ids to pick from.
            return f"{PLACEHOLDER}-{m.kind[:-1]}-id"
    if get_origin(base) is Literal:
        return get_args(base)[0]
    if base is datetime.date or any(isinstance(m, Pattern) and "YYYY" in m.hint for m in meta):
        day = sheets.info.period.start if sheets.info else datetime.date.today()
        return day.isoformat()
    if base is bool:
        return False
    if base in (int, float):
        return 0
    if name == "quote":
        return f"{PLACEHOLDER}: words copied exactly from the source"
    if name == "language":
        return "en"
    return f"{PLACEHOLDER}: {name.replace('_', ' ')}"


def _lines(cls: type, sheets: FactSheets, indent: str, first: str,
           overrides: dict[str, Any]) -> list[str]:
    lines = []
    prefix = first
    for f, hint in record_fields(cls):
        required = is_required(f)
        base, meta = strip_annotated(hint)
        comment = describe(hint)
        if get_origin(base) is list and dataclasses.is_dataclass(get_args(base)[0]):
            item = get_args(base)[0]
            if required or NonEmpty in meta:
                lines.append(f"{prefix}{f.name}:")
                lines += _lines(item, sheets, indent + "    ", indent + "  - ", {})
            else:
                lines.append(_commented(f"{indent}# {f.name}: []", comment))
        elif required:
            value = overrides.get(f.name, _placeholder(hint, f.name, sheets))
            lines.append(_commented(f"{prefix}{f.name}: {_yaml(value)}", comment))
        else:
            default = f.default if f.default is not dataclasses.MISSING else (
                [] if f.default_factory is list else None)
            lines.append(_commented(f"{indent}# {f.name}: {_yaml(default)}", comment))
        prefix = indent
    return lines


def _yaml(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[]"
    text = str(value)
    if text.startswith(PLACEHOLDER) or ":" in text or text in ("yes", "no", "on", "off"):
        return '"' + text.replace('"', '\\"') + '"'
    return text


def _commented(line: str, comment: str) -> str:
    return f"{line.ljust(_COMMENT_COLUMN - 1)} # {comment}"


def skeleton(kind: str, sheets: FactSheets) -> tuple[str, str]:
    """(new id, the entry as YAML text) for one new record of `kind`."""
    new_id = fresh_id(kind, sheets)
    cls = FACT_FILES[KINDS[kind]]
    lines = _lines(cls, sheets, "  ", "- ", {"id": new_id})
    return new_id, "\n".join(lines) + "\n"


class SkeletonRefused(Exception):
    """Why a skeleton was not appended; the fact sheet is left as it was."""


def append_skeleton(kind: str, sheets: FactSheets) -> tuple[str, Path, int]:
    """Append a new record to the right sheet; return its id, the file and its first line.

    The sheet keeps its line endings and byte-order mark, and is replaced in one step only
    after the new text was read back with one record more and no new problem.
    """
    new_id, text = skeleton(kind, sheets)
    path = sheets.folder / f"{KINDS[kind]}.yaml"
    try:
        raw = read_inside(path, sheets.folder, limit=FACT_SHEET_LIMIT, what="fact sheet")
    except FileNotFoundError:
        raw = f"# yaml-language-server: $schema=../schemas/{KINDS[kind]}.schema.json\n".encode()
    except InputRefused as exc:
        raise SkeletonRefused(f"{path.name} {exc}") from None
    try:
        existing = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SkeletonRefused(f"{path.name} is not UTF-8 text; `briefing check` says where, "
                              "fix that first") from None
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


def _verify(kind: str, before: str, after: str, name: str) -> None:
    """The sheet must read back with one more record and no problem it did not have."""
    old_node, old_problems = parse_yaml(before.removeprefix("\ufeff"))
    new_node, new_problems = parse_yaml(after.removeprefix("\ufeff"))
    count = len(old_node) if isinstance(old_node, Sequence) else 0
    if (old_node is not None and not isinstance(old_node, Sequence)) or (
        not isinstance(new_node, Sequence) or len(new_node) != count + 1
        or len(new_problems) > len(old_problems)
    ):
        raise SkeletonRefused(f"{name} is not a plain list of entries ('- id: ...'), so a new "
                              f"{kind} cannot be appended to it safely; run `briefing check`, "
                              "fix what it reports, then try again")


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
