"""JSON Schemas for editors' tools, generated from the fact-sheet model.

The same dataclasses that `reader.RecordReader` reads YAML into are turned into one JSON
Schema per fact sheet, so VS Code's YAML extension (yaml-language-server) offers completion
and marks mistakes as the editor types. There is one source of truth: `briefing schema`
writes the files, and a test fails when the committed ones drift from the model.

Editors' tools read YAML 1.2, where `2023` is a number and `yes` is text, while our loader
keeps every scalar as written. The schema is kept no looser than the loader on any one value:
a date is text of the form YYYY-MM-DD that is a real date, a whole number must be unquoted,
and so on. Rules across fields or sheets (references, quotes, "a claimed event needs
claimed_by") are left to `briefing check`.
"""

from __future__ import annotations

import dataclasses
import json
import re
from typing import Any

from .change_titles import ChangeTitle
from .hints import Pattern, Range, Ref, Shape, describe, fields_of, shape_of
from .kinds import KINDS
from .model import BriefingInfo
from .vocabulary import ID_PATTERN

__all__ = ["SCHEMA_DIR", "schema_files", "sheet_schema"]

# Where the schemas live, relative to the project root; fact sheets point here.
SCHEMA_DIR = "briefings/schemas"
_DRAFT = "http://json-schema.org/draft-07/schema#"
_SHEETS: dict[str, type] = {
    "briefing": BriefingInfo,
    **{k.name: k.model for k in KINDS},
    "change-titles": ChangeTitle,
}
_DATE = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "format": "date"}


def _scalar(shape: Shape) -> dict[str, Any]:
    if shape.kind == "choice":
        return {"enum": list(shape.choices)}
    if shape.kind == "bool":
        return {"type": "boolean"}
    if shape.kind in ("int", "float"):
        schema: dict[str, Any] = {"type": "integer" if shape.kind == "int" else "number"}
        if (bounds := shape.marker(Range)) is not None:
            if bounds.min is not None:
                schema["minimum"] = bounds.min
            if bounds.max is not None:
                schema["maximum"] = bounds.max
        return schema
    if shape.kind == "date":
        return dict(_DATE)
    return _text(shape)


def _text(shape: Shape) -> dict[str, Any]:
    pattern = shape.marker(Pattern)
    if pattern is not None:
        text = {"type": "string", "pattern": f"^(?:{pattern.regex})$"}
        # A year alone ("2023") is a number to a YAML 1.2 editor, and text to our loader.
        if re.fullmatch(pattern.regex, "2023"):
            return {"anyOf": [text, {"type": "integer", "minimum": 1000, "maximum": 9999}]}
        return text
    if shape.marker(Ref) is not None:
        return {"type": "string"}
    # Free text: our loader keeps `1.10` as the text "1.10", so a number is text too.
    schema: dict[str, Any] = {"type": ["string", "number"]}
    if shape.non_empty:
        schema["minLength"] = 1
    return schema


def _value(shape: Shape, definitions: dict[str, Any]) -> dict[str, Any]:
    if shape.optional:
        given = _value(dataclasses.replace(shape, optional=False), definitions)
        arms = given["anyOf"] if shape.kind == "union" else [given]
        return {"anyOf": [*arms, {"type": "null"}]}
    if shape.kind == "union":
        return {"anyOf": [_value(a, definitions) for a in shape.arms]}
    if shape.kind == "list":
        assert shape.item is not None
        schema: dict[str, Any] = {"type": "array", "items": _value(shape.item, definitions)}
        if shape.non_empty:
            schema["minItems"] = 1
        else:
            schema = {"anyOf": [schema, {"type": "null"}]}  # an empty `field:` is []
        return schema
    if shape.kind == "record":
        assert shape.record is not None
        _define(shape.record, definitions)
        return {"$ref": f"#/definitions/{shape.record.__name__}"}
    return _scalar(shape)


def _define(cls: type, definitions: dict[str, Any]) -> None:
    if cls.__name__ in definitions:
        return
    definitions[cls.__name__] = {}  # reserve the name: records may nest themselves
    properties = {}
    required = []
    examples = getattr(cls, "EXAMPLES", {})
    for field in fields_of(cls):
        properties[field.name] = {
            "description": describe(field.shape),
            **_value(field.shape, definitions),
            **({"examples": [examples[field.name]]} if field.name in examples else {}),
        }
        if field.required:
            required.append(field.name)
    schema: dict[str, Any] = {
        "type": "object",
        "description": " ".join((cls.__doc__ or cls.__name__).split()),
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        schema["required"] = required
    one_of = getattr(cls, "EXACTLY_ONE_OF", ())
    if one_of:
        schema["oneOf"] = [{"required": [name]} for name in one_of]
    definitions[cls.__name__] = schema


def sheet_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one fact sheet: `briefing`, a kind's (`kinds.KINDS`), or the
    project's `change-titles`."""
    cls = _SHEETS[kind]
    definitions: dict[str, Any] = {}
    item = _value(shape_of(cls), definitions)
    top: dict[str, Any] = {"$schema": _DRAFT, "title": f"{kind}.yaml"}
    if kind == "briefing":
        top["allOf"] = [item]
    elif kind == "change-titles":
        top.update(
            {
                "description": (
                    "Titles for readers of published changes: each briefing's folder name, "
                    "with a list of its changes, one '- commit: ...' entry each."
                ),
                "type": ["object", "null"],
                "propertyNames": {"pattern": f"^(?:{ID_PATTERN})$"},
                "additionalProperties": {"type": ["array", "null"], "items": item},
            }
        )
    else:
        top.update(
            {
                "description": f"A list of {kind}, one '- ...' entry each.",
                "type": ["array", "null"],
                "items": item,
            }
        )
    top["definitions"] = definitions
    return top


def schema_files() -> dict[str, str]:
    """{file name: JSON text} for every fact sheet's schema."""
    return {
        f"{kind}.schema.json": json.dumps(sheet_schema(kind), indent=2, ensure_ascii=False) + "\n"
        for kind in _SHEETS
    }
