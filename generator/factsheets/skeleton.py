"""New fact-sheet entries and briefing folders for editors: `briefing new event --briefing
SLUG`, `briefing new briefing SLUG`.

The skeleton is written from the model, like the JSON Schemas: every field an editor must
give, with a placeholder, and every optional field commented out, each with a comment saying
what it takes. It is appended to the sheet as text, so nothing already there is reformatted.

Every placeholder has one form, a quoted value starting `REPLACE:` followed by what belongs
there ('REPLACE: a date written YYYY-MM-DD', 'REPLACE: one of: killed, wounded, ...'). No
field accepts such a value (the reader refuses it by that prefix, `reader.is_placeholder`),
so `briefing check` names each one left, by file, line and field, until it is replaced.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Container
from pathlib import Path
from typing import Any

import yaml

from ..confine import InputRefused, is_inside, read_inside
from .hints import Field, Shape, describe, fields_of
from .kinds import KINDS, Kind
from .load import FACT_SHEET_LIMIT, FactSheets
from .model import BriefingInfo
from .reader import PLACEHOLDER
from .vocabulary import ID_PATTERN, MAX_SLUG
from .yaml_nodes import Sequence, parse_yaml

__all__ = [
    "KINDS_BY_WORD",
    "PLACEHOLDER",
    "SkeletonRefused",
    "append_skeleton",
    "fresh_id",
    "inline_yaml",
    "skeleton",
    "start_briefing",
]

# The word on the command line -> the kind: the sources and every kind of fact.
KINDS_BY_WORD = {k.singular: k for k in KINDS if k.fact or k.name == "sources"}
_COMMENT_COLUMN = 34
# What a placeholder says where the field's type alone ("text") would not.
_WANTED = {
    "quote": "words copied exactly from the source",
    "file": "the file name of the article in seeds/",
    "where": "where it was said",
}


def fresh_id(kind: Kind, sheets: FactSheets) -> str:
    """'new-event', or 'new-event-2', ... : an id no record of the kind has yet."""
    taken = {getattr(r, "id", None) for r in sheets.records(kind)}
    taken |= {getattr(r, "id", None) for r in sheets.partial.get(kind.name, [])}
    base = f"new-{kind.singular}"
    n = 1
    while (candidate := base if n == 1 else f"{base}-{n}") in taken:
        n += 1
    return candidate


def _placeholder(shape: Shape, name: str) -> str:
    """'REPLACE: ' and what the field takes; never a value any field accepts."""
    wanted = describe(shape)
    if wanted == "text":
        wanted = _WANTED.get(name, f"the {name.replace('_', ' ')}")
    return f"{PLACEHOLDER} {wanted.replace(chr(39), '')}"


def _comment(field: Field) -> str:
    """What an optional field or the new id takes, in a comment beside it."""
    shape = field.shape
    if field.name == "id":
        return (
            "a fresh id: lowercase letters, digits and single hyphens; rename it to say what it is"
        )
    return describe(shape)


def _lines(cls: type, indent: str, first: str, overrides: dict[str, Any]) -> list[str]:
    lines = []
    prefix = first
    for field in fields_of(cls):
        shape = field.shape
        nested = shape.item if shape.kind == "list" else shape
        if nested is not None and nested.kind == "record" and nested.record is not None:
            if field.required or shape.non_empty:
                lines.append(f"{prefix}{field.name}:")
                inner = indent + ("    " if shape.kind == "list" else "  ")
                lead = indent + "  - " if shape.kind == "list" else inner
                lines += _lines(nested.record, inner, lead, {})
            else:
                empty = "[]" if shape.kind == "list" else "null"
                lines.append(_commented(f"{indent}# {field.name}: {empty}", _comment(field)))
        elif field.name in overrides:
            value = inline_yaml(overrides[field.name])
            lines.append(_commented(f"{prefix}{field.name}: {value}", _comment(field)))
        elif field.required:
            lines.append(f"{prefix}{field.name}: {inline_yaml(_placeholder(shape, field.name))}")
        else:
            default = inline_yaml(field.default)
            lines.append(_commented(f"{indent}# {field.name}: {default}", _comment(field)))
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
    lines = _lines(kind.model, "  ", "- ", {"id": new_id})
    return new_id, "\n".join(lines) + "\n"


class SkeletonRefused(Exception):
    """Why a skeleton was not appended; the fact sheet is left as it was."""


def start_briefing(root: Path, briefings_dir: Path, slug: str, taken: Container[str]) -> list[Path]:
    """Create briefings/SLUG/ with a commented briefing.yaml of placeholders and a
    sources.yaml with no entries (the one sheet the loader requires); return both files.

    Refused: a slug that is not an id, one the site uses itself (`taken`), a folder (or
    link) already there, a briefings/ folder that does not exist or leads out of the project.
    """
    if len(slug) > MAX_SLUG:
        raise SkeletonRefused(
            f"'{slug[:40]}…' is {len(slug)} characters long; a briefing's folder name "
            f"becomes its address and may be at most {MAX_SLUG} characters (e.g. "
            "riverton-2023-05)"
        )
    if not re.fullmatch(ID_PATTERN, slug):
        raise SkeletonRefused(
            f"'{slug}' cannot name a briefing: the folder name becomes its address, so use "
            "lowercase letters, digits and single hyphens (e.g. riverton-2023-05)"
        )
    if slug in taken:
        raise SkeletonRefused(f"'{slug}' is an address the site already uses; choose another name")
    shown = briefings_dir.name if is_inside(briefings_dir, root) else str(briefings_dir)
    if not briefings_dir.is_dir() or not is_inside(briefings_dir, root):
        raise SkeletonRefused(
            f"no {shown}/ folder in {root} (or it leads out of it); run this in the "
            "project folder, or give --root"
        )
    folder = briefings_dir / slug
    if folder.exists() or folder.is_symlink():
        raise SkeletonRefused(
            f"{shown}/{slug} already exists; add records to it with `briefing new KIND "
            f"--briefing {slug}`, or choose another name"
        )
    header = "# yaml-language-server: $schema=../schemas/{}.schema.json\n"
    info = (
        header.format("briefing")
        + "# What the briefing covers and how current it is. Replace every 'REPLACE: ...'\n"
        + f"# value, then run `briefing check {slug}`.\n"
        + "\n".join(_lines(BriefingInfo, "", "", {}))
        + "\n"
    )
    sources = (
        header.format("sources")
        + "# One entry per article in seeds/; add one with\n"
        + f"# `briefing new source --briefing {slug}`.\n"
    )
    try:
        folder.mkdir()
    except OSError as exc:
        raise SkeletonRefused(f"cannot create briefings/{slug}: {exc.strerror}") from None
    written = []
    try:
        for name, text in (("briefing.yaml", info), ("sources.yaml", sources)):
            _replace(folder / name, text)
            written.append(folder / name)
    except SkeletonRefused as exc:
        # A half-made folder would make the next try say it already exists.
        shutil.rmtree(folder, ignore_errors=True)
        raise SkeletonRefused(f"{shown}/{slug}/{exc}") from None
    return written


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
    write leaves the old file as it was. A failure names the file, not the temporary one
    beside it (SkeletonRefused, "events.yaml cannot be written: ...")."""
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.new-", dir=path.parent)
    except OSError as exc:
        raise _unwritable(path, exc, "its folder") from None
    temporary = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        if path.exists():
            shutil.copymode(path, temporary)
        else:
            temporary.chmod(0o666 & ~_umask())
        os.replace(temporary, path)
    except OSError as exc:
        raise _unwritable(path, exc, "it or its folder") from None
    finally:
        temporary.unlink(missing_ok=True)


def _unwritable(path: Path, exc: OSError, where: str) -> SkeletonRefused:
    return SkeletonRefused(
        f"{path.name} cannot be written ({exc.strerror}): {where} may be read-only or "
        "immutable, or the disk full; nothing was changed"
    )


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
