"""Reading positioned YAML nodes into typed fact-sheet records.

The fact-sheet model (`factsheets.py`) is plain dataclasses whose type hints are the schema:
`str`, `int`, `float`, `bool`, `datetime.date`, `Literal[...]`, `list[...]`, `X | None`, nested
dataclasses, and `Annotated[...]` with the markers below. This module reads YAML nodes into
those records and reports every mismatch with its line and field, in words an editor can act on.
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import functools
import re
import types
import typing
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from .names import hidden_characters, mixed_script_words
from .problems import Problem
from .strict_yaml import Mapping, Scalar, Sequence, YamlNode

__all__ = [
    "Name",
    "NonEmpty",
    "Pattern",
    "Range",
    "RecordReader",
    "Ref",
    "describe",
    "internal",
    "is_required",
    "is_union",
    "iter_refs",
    "record_fields",
    "shown",
    "strip_annotated",
]


@dataclass(frozen=True)
class Pattern:
    """The text must match `regex`; `hint` tells the editor what is expected."""

    regex: str
    hint: str


@dataclass(frozen=True)
class Ref:
    """The value is the id of a record of another kind (resolved by the checks)."""

    kind: str


@dataclass(frozen=True)
class Range:
    """The number must lie between `min` and `max` (either may be None: no bound);
    `meaning` says what the number is, for the message."""

    min: float | None
    max: float | None
    meaning: str

    def message(self, value: float) -> str:
        if self.min is not None and self.max is not None:
            return f"{value} is not {self.meaning}; use {self.min:g} to {self.max:g}"
        if self.min is not None:
            return f"{value} is not {self.meaning}; use {self.min:g} or more"
        return f"{value} is not {self.meaning}; use {self.max:g} or less"

    def allows(self, value: float) -> bool:
        return (self.min is None or value >= self.min) and (self.max is None or value <= self.max)


@dataclass(frozen=True)
class _NonEmpty:
    pass


NonEmpty = _NonEmpty()


@dataclass(frozen=True)
class _Name:
    """The text is a name readers search by: no hidden characters, one script per word."""


Name = _Name()

_INVALID = object()
# No whole number in a fact sheet (a count, a grade) needs more digits; Python refuses to
# read more than 4,300.
_MAX_DIGITS = 15
# Text may hold line breaks and tabs, but no other control character (an ESC starts a
# terminal sequence) and no bidirectional embedding, override or isolate, which make the
# text around them display in another order than it is written.
_UNSHOWABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _describe_char(char: str) -> str:
    name = unicodedata.name(char, "a control character")
    return f"U+{ord(char):04X} ({name})"
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TRUE = ("true", "True", "TRUE")
_FALSE = ("false", "False", "FALSE")


def internal(default: Any = None, *, factory: Any = None) -> Any:
    """A field the program fills in (line numbers, resolved locations), never read from YAML.

    Keyword-only, so records can inherit such fields and still list required fields first.
    """
    meta = {"internal": True}
    if factory is not None:
        return dataclasses.field(default_factory=factory, repr=False, compare=False,
                                 metadata=meta, kw_only=True)
    return dataclasses.field(default=default, repr=False, compare=False, metadata=meta,
                             kw_only=True)


@dataclass
class Record:
    """Base of every fact-sheet record: where it stands in its file."""

    line: int = internal(0)
    # Field name (or "field[i]" for list items) -> line, for pointing problems at a field.
    lines: dict[str, int] = internal(factory=dict)


@functools.cache
def record_fields(cls: type) -> list[tuple[dataclasses.Field[Any], Any]]:
    """The fields an editor writes, with their resolved type hints (computed once per
    class: resolving hints is most of the cost of reading a record)."""
    hints = typing.get_type_hints(cls, include_extras=True)
    return [
        (f, hints[f.name]) for f in dataclasses.fields(cls) if not f.metadata.get("internal")
    ]


def is_required(f: dataclasses.Field[Any]) -> bool:
    """Whether an editor must give the field (it has no default)."""
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING


def strip_annotated(hint: Any) -> tuple[Any, tuple[Any, ...]]:
    if get_origin(hint) is Annotated:
        base, *meta = get_args(hint)
        return base, tuple(meta)
    return hint, ()


def is_union(hint: Any) -> bool:
    return get_origin(hint) in (Union, types.UnionType)


def describe(hint: Any) -> str:
    """What a value of this type looks like, in an editor's words."""
    hint, meta = strip_annotated(hint)
    for m in meta:
        if isinstance(m, Ref):
            return f"the id of one of the {m.kind}"
        if isinstance(m, Pattern):
            return m.hint
    if is_union(hint):
        arms = [describe(a) for a in get_args(hint) if a is not type(None)]
        return arms[0] if len(arms) == 1 else ", ".join(arms[:-1]) + " or " + arms[-1]
    if get_origin(hint) is list:
        item = strip_annotated(get_args(hint)[0])[0]
        if dataclasses.is_dataclass(item):
            return "a list of mappings, each with " + "/".join(
                f.name for f, _ in record_fields(item))
        return f"a list of {describe(get_args(hint)[0])}s"
    if get_origin(hint) is Literal:
        if len(get_args(hint)) == 1:
            return f"'{get_args(hint)[0]}'"
        return "one of: " + ", ".join(str(a) for a in get_args(hint))
    if dataclasses.is_dataclass(hint):
        names = [f.name for f, _ in record_fields(hint)]
        return "a mapping with " + "/".join(names)
    return {
        str: "text",
        int: "a whole number",
        float: "a number",
        bool: "true or false",
        datetime.date: "a date written YYYY-MM-DD",
    }.get(hint, str(hint))


def _node_line(node: YamlNode) -> int:
    return node.line


class RecordReader:
    """Reads nodes of one file into records, collecting problems instead of stopping."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        # Records with problems, their bad fields set to None: their ids and good fields are
        # still cross-checked, so one typo does not hide other problems or cause false ones.
        self.partial: list[Any] = []

    def error(self, line: int, path: str, message: str) -> None:
        self.problems.append(Problem(self.file, line, path, message))

    def read_record(self, cls: type, node: YamlNode, path: str = "") -> Any:
        """Read a mapping into a dataclass instance, or return None after reporting why not."""
        if not isinstance(node, Mapping):
            self.error(node.line, path, f"expected {describe(cls)}, found {_kind(node)}")
            return None
        fields = record_fields(cls)
        names = [f.name for f, _ in fields]
        for key in node:
            if key not in names:
                close = difflib.get_close_matches(key, names, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                self.error(
                    node.key_lines[key],
                    _join(path, key),
                    f"unknown field{hint}; the fields are: {', '.join(names)}",
                )
        values: dict[str, Any] = {}
        lines: dict[str, int] = {}
        ok = True
        for f, hint in fields:
            field_path = _join(path, f.name)
            if f.name not in node:
                if is_required(f):
                    self.error(node.line, field_path, f"missing; add it ({describe(hint)})")
                    ok = False
                continue
            child = node[f.name]
            lines[f.name] = child.line if isinstance(child, Scalar) else node.key_lines[f.name]
            if isinstance(child, Sequence):
                for i, item in enumerate(child):
                    lines[f"{f.name}[{i}]"] = item.line
            value = self.read_value(hint, child, field_path)
            if value is _INVALID:
                ok = False
            else:
                values[f.name] = value
        if not ok:
            partial = cls.__new__(cls)
            for f in dataclasses.fields(cls):
                default = f.default_factory() if f.default_factory is not dataclasses.MISSING \
                    else (None if f.default is dataclasses.MISSING else f.default)
                setattr(partial, f.name, values.get(f.name, default))
            partial.line, partial.lines = node.line, lines
            self.partial.append(partial)
            return None
        record = cls(**values)
        record.line = node.line
        record.lines = lines
        for field_name, message in getattr(record, "validate", lambda: [])():
            self.error(lines.get(field_name, node.line), _join(path, field_name), message)
        return record

    def read_value(self, hint: Any, node: YamlNode, path: str) -> Any:
        base, meta = strip_annotated(hint)
        value = self._read_base(base, node, path)
        if value is _INVALID:
            return value
        for m in meta:
            if m is NonEmpty and not value:
                self.error(node.line, path, "must not be empty")
                return _INVALID
            if isinstance(m, Pattern) and not re.fullmatch(m.regex, value):
                self.error(node.line, path, f"'{shown(value)}' is not valid: expected {m.hint}")
                return _INVALID
            if isinstance(m, Range) and not m.allows(value):
                self.error(node.line, path, m.message(value))
                return _INVALID
            if m is Name and (message := _name_problem(value)):
                self.error(node.line, path, message)
                return _INVALID
        return value

    def _read_base(self, hint: Any, node: YamlNode, path: str) -> Any:
        if is_union(hint):
            return self._read_union(hint, node, path)
        if get_origin(hint) is list:
            return self._read_list(get_args(hint)[0], node, path)
        if dataclasses.is_dataclass(hint):
            record = self.read_record(hint, node, path)
            return _INVALID if record is None else record
        if not isinstance(node, Scalar):
            self.error(node.line, path, f"expected {describe(hint)}, found {_kind(node)}")
            return _INVALID
        if node.is_null:
            self.error(node.line, path, f"is empty; write {describe(hint)}")
            return _INVALID
        return self._read_scalar(hint, node, path)

    def _read_union(self, hint: Any, node: YamlNode, path: str) -> Any:
        arms = [a for a in get_args(hint) if a is not type(None)]
        if isinstance(node, Scalar) and node.is_null and len(arms) < len(get_args(hint)):
            return None
        if len(arms) == 1:
            return self.read_value(arms[0], node, path)
        # A scalar written as one arm's kind of value (digits for a count) is read as that
        # arm, so its own message ("has 31 digits") is the one the editor sees.
        if (arm := _arm_of_shape(arms, node)) is not None:
            return self.read_value(arm, node, path)
        # Several arms (e.g. a count that is a number, a range or 'unknown'): the first arm
        # that reads without problems wins; if none does, one message lists what fits.
        for arm in arms:
            trial = RecordReader(self.file)
            value = trial.read_value(arm, node, path)
            if value is not _INVALID and not trial.problems:
                return value
        mapping_arms = [a for a in arms if dataclasses.is_dataclass(strip_annotated(a)[0])]
        if isinstance(node, Mapping) and len(mapping_arms) == 1:
            return self.read_value(mapping_arms[0], node, path)
        found = f"'{shown(node.text)}'" if isinstance(node, Scalar) else _kind(node)
        self.error(node.line, path, f"expected {describe(hint)}, found {found}")
        return _INVALID

    def _read_list(self, item_hint: Any, node: YamlNode, path: str) -> Any:
        if isinstance(node, Scalar) and node.is_null:
            return []
        if not isinstance(node, Sequence):
            self.error(
                node.line,
                path,
                f"expected a list (one '- item' per line, or [a, b]), found {_kind(node)}",
            )
            return _INVALID
        items = [self.read_value(item_hint, item, f"{path}[{i}]") for i, item in enumerate(node)]
        return _INVALID if any(v is _INVALID for v in items) else items

    def _read_scalar(self, hint: Any, node: Scalar, path: str) -> Any:
        text = node.text
        if get_origin(hint) is Literal:
            allowed = [str(a) for a in get_args(hint)]
            if text in allowed:
                return text
            close = difflib.get_close_matches(text, allowed, n=1)
            hint_text = f" (did you mean '{close[0]}'?)" if close else ""
            self.error(node.line, path, f"'{shown(text)}' is not allowed{hint_text}; use one of: "
                       + ", ".join(allowed))
            return _INVALID
        if hint is str:
            if found := _UNSHOWABLE.search(text):
                self.error(node.line, path, f"contains {_describe_char(found.group())}, which "
                           "would not show as text (or would reorder the text around it); "
                           "delete it (your editor may not show it)")
                return _INVALID
            return text
        if hint is bool:
            if node.plain and text in _TRUE:
                return True
            if node.plain and text in _FALSE:
                return False
            self.error(node.line, path,
                       f"'{shown(text)}' is not true or false; write true or false")
            return _INVALID
        if hint is int:
            if node.plain and _INT.fullmatch(text):
                if len(text.lstrip("+-")) > _MAX_DIGITS:
                    self.error(node.line, path, f"'{shown(text, 20)}' has "
                               f"{len(text.lstrip('+-')):,} digits; no number here needs more "
                               f"than {_MAX_DIGITS}")
                    return _INVALID
                return int(text)
            self.error(node.line, path, f"'{shown(text)}' is not a whole number; write digits "
                       "only, without quotes")
            return _INVALID
        if hint is float:
            if node.plain and _FLOAT.fullmatch(text):
                return float(text)
            self.error(node.line, path, f"'{shown(text)}' is not a number; write e.g. 50.61, "
                       "without quotes")
            return _INVALID
        if hint is datetime.date:
            return self._read_date(node, path)
        raise TypeError(f"unsupported type in fact-sheet model: {hint!r}")

    def _read_date(self, node: Scalar, path: str) -> Any:
        if not _DATE.fullmatch(node.text):
            self.error(node.line, path, f"'{shown(node.text)}' is not a date; write YYYY-MM-DD, "
                       "e.g. 2023-05-22")
            return _INVALID
        try:
            return datetime.date.fromisoformat(node.text)
        except ValueError:
            self.error(node.line, path, f"'{shown(node.text)}' is not a real calendar date")
            return _INVALID


def _arm_of_shape(arms: list[Any], node: YamlNode) -> Any:
    if not isinstance(node, Scalar) or not node.plain:
        return None
    for base, pattern in ((int, _INT), (float, _FLOAT), (datetime.date, _DATE)):
        if pattern.fullmatch(node.text):
            return next((a for a in arms if strip_annotated(a)[0] is base), None)
    return None


def _name_problem(name: str) -> str | None:
    if hidden := hidden_characters(name):
        return (f"'{shown(name)}' holds {', '.join(hidden)}, which cannot be seen but makes "
                "the name differ from the same name typed plainly; retype it without")
    if mixed := mixed_script_words(name):
        word, scripts = mixed[0]
        return (f"'{word}' mixes {' and '.join(s.title() for s in scripts)} letters that look "
                "alike; retype it in one script (a keyboard switched mid-word does this)")
    return None


def shown(text: str, limit: int = 60) -> str:
    """A value as a message quotes it: cut short, so a megabyte of text is not echoed."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _kind(node: YamlNode) -> str:
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    return "nothing" if node.is_null else f"'{shown(node.text)}'"


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def iter_refs(record: Any, path: str = "") -> Iterator[tuple[str, str, str, int]]:
    """Every reference in a record, nested ones included: (field path, id, kind, line)."""
    for f, hint in record_fields(type(record)):
        value = getattr(record, f.name)
        field_path = _join(path, f.name)
        line = record.lines.get(f.name, record.line)
        yield from _refs_in(hint, value, field_path, line, record, f.name)


def _refs_in(
    hint: Any, value: Any, path: str, line: int, owner: Any, name: str
) -> Iterator[tuple[str, str, str, int]]:
    if value is None:
        return
    base, meta = strip_annotated(hint)
    for m in meta:
        if isinstance(m, Ref):
            yield path, value, m.kind, line
            return
    if is_union(base):
        for arm in get_args(base):
            arm_base = strip_annotated(arm)[0]
            if dataclasses.is_dataclass(arm_base) and isinstance(value, arm_base):
                yield from iter_refs(value, path)
            elif any(isinstance(m, Ref) for m in strip_annotated(arm)[1]) and isinstance(
                value, str
            ):
                yield from _refs_in(arm, value, path, line, owner, name)
        return
    if get_origin(base) is list:
        item_hint = get_args(base)[0]
        for i, item in enumerate(value):
            item_line = owner.lines.get(f"{name}[{i}]", line)
            yield from _refs_in(item_hint, item, f"{path}[{i}]", item_line, owner, name)
        return
    if dataclasses.is_dataclass(base):
        yield from iter_refs(value, path)
