"""The fact-sheet model's type hints, read once into shapes that every consumer shares.

The records in `model.py` are dataclasses whose type hints are the schema: `str`, `int`,
`float`, `bool`, `datetime.date`, `Literal[...]`, `list[...]`, `X | None`, unions, nested
records, and `Annotated[...]` with the markers below. `shape_of` is the one place that
interprets a hint; the reader (`reader.py`), the JSON Schemas (`json_schema.py`), the
skeletons of `briefing new` (`skeleton.py`), the checks' walk over values (`leaves`) and the
data export all work from the `Shape` it returns.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import types
import typing
from collections.abc import Iterator
from dataclasses import KW_ONLY, dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

__all__ = [
    "Field",
    "Leaf",
    "Name",
    "NonEmpty",
    "Pattern",
    "Range",
    "Record",
    "Ref",
    "Shape",
    "describe",
    "describe_base",
    "fields_of",
    "internal",
    "leaves",
    "records_in",
    "shape_of",
]


# ---------------------------------------------------------------------------------------
# Markers, for Annotated[...]


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
    """The text or list must not be empty."""


@dataclass(frozen=True)
class _Name:
    """The text is a name readers search by: no hidden characters, one script per word."""


NonEmpty = _NonEmpty()
Name = _Name()


def internal(default: Any = None, *, factory: Any = None) -> Any:
    """A field the program fills in (line numbers, resolved locations), never read from YAML.

    Keyword-only, so records can inherit such fields and still list required fields first.
    """
    meta = {"internal": True}
    if factory is not None:
        return dataclasses.field(
            default_factory=factory, repr=False, compare=False, metadata=meta, kw_only=True
        )
    return dataclasses.field(
        default=default, repr=False, compare=False, metadata=meta, kw_only=True
    )


@dataclass
class Record:
    """Base of every fact-sheet record: where it stands in its file."""

    # Keyword-only, so records can inherit these and still list required fields first.
    _: KW_ONLY
    line: int = internal(0)
    # Field name (or "field[i]" for list items) -> line, for pointing problems at a field.
    lines: dict[str, int] = internal(factory=dict)


# ---------------------------------------------------------------------------------------
# Shapes

ShapeKind = Literal["text", "int", "float", "bool", "date", "choice", "list", "record", "union"]
_SCALARS: dict[Any, ShapeKind] = {
    str: "text",
    int: "int",
    float: "float",
    bool: "bool",
    datetime.date: "date",
}
_SCALAR_WORDS = {
    "text": "text",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "date": "a date written YYYY-MM-DD",
}


@dataclass(frozen=True)
class Shape:
    """What a type hint lets an editor write."""

    kind: ShapeKind
    # The Annotated markers: Pattern, Ref, Range, NonEmpty, Name.
    markers: tuple[Any, ...] = ()
    choices: tuple[str, ...] = ()  # "choice": the allowed words
    item: Shape | None = None  # "list": each item's shape
    record: type | None = None  # "record": the dataclass
    arms: tuple[Shape, ...] = ()  # "union": the shapes a value may take, None aside
    optional: bool = False  # null ("not given") is allowed

    def marker(self, cls: type) -> Any:
        """This shape's marker of the given class, or None."""
        return next((m for m in self.markers if isinstance(m, cls)), None)

    @property
    def non_empty(self) -> bool:
        return NonEmpty in self.markers

    @property
    def ref(self) -> Ref | None:
        return self.marker(Ref)  # type: ignore[no-any-return]


@functools.cache
def shape_of(hint: Any) -> Shape:
    """The shape of a type hint of the fact-sheet model (computed once per hint)."""
    markers: tuple[Any, ...] = ()
    if get_origin(hint) is Annotated:
        hint, *extra = get_args(hint)
        markers = tuple(extra)
    if get_origin(hint) in (Union, types.UnionType):
        arms = tuple(shape_of(a) for a in get_args(hint) if a is not type(None))
        optional = len(arms) < len(get_args(hint))
        if len(arms) == 1:
            # `X | None` is an optional X, with X's own markers.
            return dataclasses.replace(
                arms[0], markers=arms[0].markers + markers, optional=optional
            )
        return Shape("union", markers, arms=arms, optional=optional)
    if get_origin(hint) is list:
        return Shape("list", markers, item=shape_of(get_args(hint)[0]))
    if get_origin(hint) is Literal:
        return Shape("choice", markers, choices=tuple(str(a) for a in get_args(hint)))
    if dataclasses.is_dataclass(hint):
        return Shape("record", markers, record=hint)  # type: ignore[arg-type]
    if hint in _SCALARS:
        return Shape(_SCALARS[hint], markers)
    raise TypeError(f"unsupported type in fact-sheet model: {hint!r}")


@dataclass(frozen=True)
class Field:
    """A field an editor writes: its name, shape and whether it must be given."""

    name: str
    shape: Shape
    required: bool
    spec: dataclasses.Field[Any]

    @property
    def default(self) -> Any:
        if self.spec.default_factory is not dataclasses.MISSING:
            return self.spec.default_factory()
        return None if self.spec.default is dataclasses.MISSING else self.spec.default


_FIELDS: dict[type, tuple[Field, ...]] = {}


def fields_of(cls: type) -> tuple[Field, ...]:
    """The fields an editor writes, in order (resolved once per class: resolving type
    hints is most of the cost of reading a record)."""
    if cls not in _FIELDS:
        _FIELDS[cls] = _read_fields(cls)
    return _FIELDS[cls]


def _read_fields(cls: type) -> tuple[Field, ...]:
    hints = typing.get_type_hints(cls, include_extras=True)
    return tuple(
        Field(
            f.name,
            shape_of(hints[f.name]),
            f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
            f,
        )
        for f in dataclasses.fields(cls)
        if not f.metadata.get("internal")
    )


def describe(shape: Shape) -> str:
    """What a value of this shape looks like, in an editor's words."""
    for marker in shape.markers:
        if isinstance(marker, Ref):
            return f"the id of one of the {marker.kind}"
        if isinstance(marker, Pattern):
            return marker.hint
    return describe_base(shape)


def describe_base(shape: Shape) -> str:
    """`describe` without the shape's own Pattern or Ref: the kind of value expected."""
    if shape.kind == "union":
        arms = [describe(a) for a in shape.arms]
        return ", ".join(arms[:-1]) + " or " + arms[-1]
    if shape.kind == "list":
        assert shape.item is not None
        if shape.item.kind == "record":
            assert shape.item.record is not None
            return "a list of mappings, each with " + "/".join(
                f.name for f in fields_of(shape.item.record)
            )
        return f"a list of {_plural(shape.item)}"
    if shape.kind == "choice":
        if len(shape.choices) == 1:
            return f"'{shape.choices[0]}'"
        return "one of: " + ", ".join(shape.choices)
    if shape.kind == "record":
        assert shape.record is not None
        return "a mapping with " + "/".join(f.name for f in fields_of(shape.record))
    return _SCALAR_WORDS[shape.kind]


def _plural(item: Shape) -> str:
    """What the items of a list are, in the plural: each kind is named once, already plural
    ("ids of actors"), never with another "s" added to it ("actorss")."""
    if item.ref is not None:
        return f"ids of {item.ref.kind}"
    if item.kind == "text" and not any(isinstance(m, Pattern) for m in item.markers):
        return "texts"
    return f"values, each {describe(item)}"


# ---------------------------------------------------------------------------------------
# Walking a record's values by their shapes


@dataclass(frozen=True)
class Leaf:
    """A single value in a record (not a list or a nested record), where it stands."""

    path: str  # "citations[0].source"
    value: Any
    shape: Shape
    line: int


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def leaves(record: Any, path: str = "") -> Iterator[Leaf]:
    """Every single value of a record, nested records and list items included."""
    for field in fields_of(type(record)):
        line = record.lines.get(field.name, record.line)
        yield from _leaves(
            field.shape,
            getattr(record, field.name, None),
            _join(path, field.name),
            line,
            record,
            field.name,
        )


def _leaves(
    shape: Shape, value: Any, path: str, line: int, owner: Any, name: str
) -> Iterator[Leaf]:
    if value is None:
        return
    if shape.kind == "union":
        shape = next((a for a in shape.arms if _fits(a, value)), shape)
    if shape.kind == "list":
        assert shape.item is not None
        for i, item in enumerate(value):
            item_line = owner.lines.get(f"{name}[{i}]", line)
            yield from _leaves(shape.item, item, f"{path}[{i}]", item_line, owner, name)
    elif shape.kind == "record" or dataclasses.is_dataclass(value):
        yield from leaves(value, path)
    else:
        yield Leaf(path, value, shape, line)


def _fits(shape: Shape, value: Any) -> bool:
    if shape.kind == "record":
        return isinstance(value, shape.record)  # type: ignore[arg-type]
    if shape.kind == "choice":
        return value in shape.choices
    kinds = {"text": str, "int": int, "float": float, "bool": bool, "date": datetime.date}
    return shape.kind in kinds and isinstance(value, kinds[shape.kind])


def records_in(record: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """(field path, record) for each record nested in a record's fields, directly or in a
    list, at any depth: an event's citations, and the citations of its assertions."""
    for field in _nesting_fields(type(record)):
        value = getattr(record, field.name, None)
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            if dataclasses.is_dataclass(item) and not isinstance(item, type):
                where = _join(path, field.name) + (f"[{i}]" if isinstance(value, list) else "")
                yield where, item
                yield from records_in(item, where)


_NESTING: dict[type, tuple[Field, ...]] = {}


def _nesting_fields(cls: type) -> tuple[Field, ...]:
    """The fields of a record whose shape can hold a record (a citation, a count range):
    the checks walk every record's nested records several times, and most fields hold
    text."""
    if cls not in _NESTING:
        _NESTING[cls] = tuple(f for f in fields_of(cls) if _holds_record(f.shape))
    return _NESTING[cls]


def _holds_record(shape: Shape) -> bool:
    if shape.kind == "record":
        return True
    if shape.kind == "list":
        return shape.item is not None and _holds_record(shape.item)
    return any(_holds_record(arm) for arm in shape.arms)
