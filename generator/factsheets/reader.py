"""Reading positioned YAML nodes into typed fact-sheet records.

Each field is read by its `Shape` (hints.py), and every mismatch is reported with its line
and field, in words an editor can act on.
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from ..names import hidden_characters, mixed_script_words
from ..problems import Problem
from .hints import (
    Name,
    NonEmpty,
    Pattern,
    Range,
    Shape,
    describe,
    describe_base,
    fields_of,
    shape_of,
)
from .vocabulary import QUALIFIER_MEANINGS
from .yaml_nodes import Mapping, Scalar, Sequence, YamlNode

__all__ = ["PLACEHOLDER", "RecordReader", "is_placeholder", "shown"]

# Every value `briefing new` leaves for the editor starts with this, whatever the field
# takes (a date, a word from a list, an id, a number, text): no such value is accepted, so
# a forgotten placeholder can never pass as a real date or category. Skeletons written
# before this form used TODO, which is still recognised.
PLACEHOLDER = "REPLACE:"
_PLACEHOLDER = re.compile(r"REPLACE:|TODO\b")

_INVALID = object()
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TRUE = ("true", "True", "TRUE")
_FALSE = ("false", "False", "FALSE")
# No whole number in a fact sheet (a count, a grade) needs more digits; Python refuses to
# read more than 4,300.
_MAX_DIGITS = 15
# Text may hold line breaks and tabs, but no other control character (an ESC starts a
# terminal sequence) and no bidirectional embedding, override or isolate, which make the
# text around them display in another order than it is written.
_UNSHOWABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


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
            self.error(node.line, path, f"expected {describe(shape_of(cls))}, found {_kind(node)}")
            return None
        fields = fields_of(cls)
        names = [f.name for f in fields]
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
        for field in fields:
            field_path = _join(path, field.name)
            if field.name not in node:
                if field.required:
                    self.error(node.line, field_path, f"missing; add it ({describe(field.shape)})")
                    ok = False
                continue
            child = node[field.name]
            lines[field.name] = (
                child.line if isinstance(child, Scalar) else node.key_lines[field.name]
            )
            if isinstance(child, Sequence):
                for i, item in enumerate(child):
                    lines[f"{field.name}[{i}]"] = item.line
            value = self.read_value(field.shape, child, field_path)
            if value is _INVALID:
                ok = False
            else:
                values[field.name] = value
        if not ok:
            self.partial.append(_partial(cls, values, node.line, lines))
            return None
        record = cls(**values)
        record.line = node.line
        record.lines = lines
        for field_name, message in getattr(record, "validate", lambda: [])():
            self.error(lines.get(field_name, node.line), _join(path, field_name), message)
        return record

    def read_value(self, shape: Shape, node: YamlNode, path: str) -> Any:
        if isinstance(node, Scalar) and is_placeholder(node.text):
            wanted = describe(shape)
            if wanted == "text":
                quote = path.endswith("quote")
                wanted = "words copied exactly from the source" if quote else "the real text"
            self.error(node.line, path, f"replace the placeholder with {wanted}")
            return _INVALID
        if shape.optional and isinstance(node, Scalar) and node.is_null:
            return None
        value = self._read_base(shape, node, path)
        if value is _INVALID:
            return value
        if message := _marker_problem(shape, value):
            self.error(node.line, path, message)
            return _INVALID
        return value

    def _read_base(self, shape: Shape, node: YamlNode, path: str) -> Any:
        if shape.kind == "union":
            return self._read_union(shape, node, path)
        if shape.kind == "list":
            assert shape.item is not None
            return self._read_list(shape.item, node, path)
        if shape.kind == "record":
            assert shape.record is not None
            record = self.read_record(shape.record, node, path)
            return _INVALID if record is None else record
        if not isinstance(node, Scalar):
            self.error(node.line, path, f"expected {describe_base(shape)}, found {_kind(node)}")
            return _INVALID
        if node.is_null:
            self.error(node.line, path, f"is empty; write {describe_base(shape)}")
            return _INVALID
        return self._read_scalar(shape, node, path)

    def _read_union(self, shape: Shape, node: YamlNode, path: str) -> Any:
        # A scalar written as one arm's kind of value (digits for a count) is read as that
        # arm, so its own message ("has 31 digits") is the one the editor sees.
        if (arm := _arm_of_shape(shape.arms, node)) is not None:
            return self.read_value(arm, node, path)
        # Several arms (e.g. a count that is a number, a range or 'unknown'): the first arm
        # that reads without problems wins; if none does, one message lists what fits.
        for arm in shape.arms:
            trial = RecordReader(self.file)
            value = trial.read_value(arm, node, path)
            if value is not _INVALID and not trial.problems:
                return value
        records = [a for a in shape.arms if a.kind == "record"]
        if isinstance(node, Mapping) and len(records) == 1:
            return self.read_value(records[0], node, path)
        found = f"'{shown(node.text)}'" if isinstance(node, Scalar) else _kind(node)
        self.error(node.line, path, f"expected {describe_base(shape)}, found {found}")
        return _INVALID

    def _read_list(self, item: Shape, node: YamlNode, path: str) -> Any:
        if isinstance(node, Scalar) and node.is_null:
            return []
        if not isinstance(node, Sequence):
            self.error(
                node.line,
                path,
                f"expected a list (one '- item' per line, or [a, b]), found {_kind(node)}",
            )
            return _INVALID
        items = [self.read_value(item, child, f"{path}[{i}]") for i, child in enumerate(node)]
        return _INVALID if any(v is _INVALID for v in items) else items

    def _read_scalar(self, shape: Shape, node: Scalar, path: str) -> Any:
        try:
            return _SCALAR_READERS[shape.kind](shape, node)
        except _Unreadable as exc:
            self.error(node.line, path, str(exc))
            return _INVALID


class _Unreadable(Exception):
    """A scalar that is not a value of its shape, with the message for the editor."""


# A word that turns a phrase into its opposite: a suggestion spelt like the phrase but
# without it would mean the reverse ("no more than" is not "more than").
_NEGATIONS = {"no", "not", "never", "none"}


def _suggestion(text: str, choices: tuple[str, ...]) -> str | None:
    """The allowed word the editor most likely meant: by meaning where the vocabulary lists
    one, else by spelling, unless that would drop a negation."""
    meant = QUALIFIER_MEANINGS.get(" ".join(text.lower().split()))
    if meant in choices:
        return meant
    close = difflib.get_close_matches(text, choices, n=1)
    if not close or set(text.lower().split()) & _NEGATIONS - set(close[0].split()):
        return None
    return close[0]


def _choice(shape: Shape, node: Scalar) -> str:
    if node.text in shape.choices:
        return node.text
    close = _suggestion(node.text, tuple(shape.choices))
    hint = f" (did you mean '{close}'?)" if close else ""
    raise _Unreadable(
        f"'{shown(node.text)}' is not allowed{hint}; use one of: " + ", ".join(shape.choices)
    )


def _text(shape: Shape, node: Scalar) -> str:
    if found := _UNSHOWABLE.search(node.text):
        raise _Unreadable(
            f"contains {_describe_char(found.group())}, which would not show as "
            "text (or would reorder the text around it); delete it (your editor "
            "may not show it)"
        )
    return node.text


def _bool(shape: Shape, node: Scalar) -> bool:
    if node.plain and node.text in _TRUE:
        return True
    if node.plain and node.text in _FALSE:
        return False
    raise _Unreadable(f"'{shown(node.text)}' is not true or false; write true or false")


def _int(shape: Shape, node: Scalar) -> int:
    text = node.text
    if not (node.plain and _INT.fullmatch(text)):
        raise _Unreadable(
            f"'{shown(text)}' is not a whole number; write digits only, without quotes"
        )
    if len(text.lstrip("+-")) > _MAX_DIGITS:
        raise _Unreadable(
            f"'{shown(text, 20)}' has {len(text.lstrip('+-')):,} digits; no "
            f"number here needs more than {_MAX_DIGITS}"
        )
    return int(text)


def _float(shape: Shape, node: Scalar) -> float:
    if node.plain and _FLOAT.fullmatch(node.text):
        return float(node.text)
    raise _Unreadable(f"'{shown(node.text)}' is not a number; write e.g. 50.61, without quotes")


def _date(shape: Shape, node: Scalar) -> datetime.date:
    if not _DATE.fullmatch(node.text):
        raise _Unreadable(f"'{shown(node.text)}' is not a date; write YYYY-MM-DD, e.g. 2023-05-22")
    try:
        return datetime.date.fromisoformat(node.text)
    except ValueError:
        raise _Unreadable(f"'{shown(node.text)}' is not a real calendar date") from None


_SCALAR_READERS: dict[str, Callable[[Shape, Scalar], Any]] = {
    "choice": _choice,
    "text": _text,
    "bool": _bool,
    "int": _int,
    "float": _float,
    "date": _date,
}


def _partial(cls: type, values: dict[str, Any], line: int, lines: dict[str, int]) -> Any:
    """A record with its good fields and None (or the default) for the rest."""
    partial: Any = object.__new__(cls)
    for f in dataclasses.fields(cls):
        default = (
            f.default_factory()
            if f.default_factory is not dataclasses.MISSING
            else None
            if f.default is dataclasses.MISSING
            else f.default
        )
        setattr(partial, f.name, values.get(f.name, default))
    partial.line, partial.lines = line, lines
    return partial


def _marker_problem(shape: Shape, value: Any) -> str | None:
    for marker in shape.markers:
        if marker is NonEmpty and not value:
            return "must not be empty"
        if isinstance(marker, Pattern) and not re.fullmatch(marker.regex, value):
            return f"'{shown(value)}' is not valid: expected {marker.hint}"
        if isinstance(marker, Range) and not marker.allows(value):
            return marker.message(value)
        if marker is Name and (message := _name_problem(value)):
            return message
    return None


def _arm_of_shape(arms: tuple[Shape, ...], node: YamlNode) -> Shape | None:
    if not isinstance(node, Scalar) or not node.plain:
        return None
    for kind, pattern in (("int", _INT), ("float", _FLOAT), ("date", _DATE)):
        if pattern.fullmatch(node.text):
            return next((a for a in arms if a.kind == kind), None)
    return None


def _name_problem(name: str) -> str | None:
    if hidden := hidden_characters(name):
        return (
            f"'{shown(name)}' holds {', '.join(hidden)}, which cannot be seen but makes "
            "the name differ from the same name typed plainly; retype it without"
        )
    if mixed := mixed_script_words(name):
        word, scripts = mixed[0]
        return (
            f"'{word}' mixes {' and '.join(s.title() for s in scripts)} letters that look "
            "alike; retype it in one script (a keyboard switched mid-word does this)"
        )
    return None


def _describe_char(char: str) -> str:
    name = unicodedata.name(char, "a control character")
    return f"U+{ord(char):04X} ({name})"


def is_placeholder(text: str) -> bool:
    """Whether a value is one `briefing new` wrote for the editor to replace."""
    return _PLACEHOLDER.match(text) is not None


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
