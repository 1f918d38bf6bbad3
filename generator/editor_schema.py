"""JSON Schemas for editors' tools, generated from the fact-sheet model.

The same dataclasses that `schema.RecordReader` reads YAML into are turned into one JSON
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
import datetime
import json
import re
from typing import Any, Literal, get_args, get_origin

from .factsheets import FACT_FILES, BriefingInfo
from .schema import (
    NonEmpty,
    Pattern,
    Range,
    Ref,
    describe,
    is_required,
    is_union,
    record_fields,
    strip_annotated,
)

__all__ = ["SCHEMA_DIR", "schema_files", "sheet_schema"]

# Where the schemas live, relative to the project root; fact sheets point here.
SCHEMA_DIR = "briefings/schemas"
_DRAFT = "http://json-schema.org/draft-07/schema#"
_SHEETS: dict[str, type] = {"briefing": BriefingInfo, **FACT_FILES}


def _scalar(hint: Any, meta: tuple[Any, ...]) -> dict[str, Any]:
    if get_origin(hint) is Literal:
        return {"enum": [str(a) for a in get_args(hint)]}
    if hint is bool:
        return {"type": "boolean"}
    if hint in (int, float):
        schema: dict[str, Any] = {"type": "integer" if hint is int else "number"}
        for m in meta:
            if isinstance(m, Range):
                if m.min is not None:
                    schema["minimum"] = m.min
                if m.max is not None:
                    schema["maximum"] = m.max
        return schema
    if hint is datetime.date:
        return {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "format": "date"}
    if hint is str:
        return _text(meta)
    raise TypeError(f"no JSON Schema for {hint!r}")


def _text(meta: tuple[Any, ...]) -> dict[str, Any]:
    pattern = next((m for m in meta if isinstance(m, Pattern)), None)
    if pattern is not None:
        text = {"type": "string", "pattern": f"^(?:{pattern.regex})$"}
        # A year alone ("2023") is a number to a YAML 1.2 editor, and text to our loader.
        if re.fullmatch(pattern.regex, "2023"):
            return {"anyOf": [text, {"type": "integer", "minimum": 1000, "maximum": 9999}]}
        return text
    if any(isinstance(m, Ref) for m in meta):
        return {"type": "string"}
    # Free text: our loader keeps `1.10` as the text "1.10", so a number is text too.
    schema: dict[str, Any] = {"type": ["string", "number"]}
    if NonEmpty in meta:
        schema["minLength"] = 1
    return schema


def _value(hint: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    base, meta = strip_annotated(hint)
    if is_union(base):
        arms = get_args(base)
        schemas = [{"type": "null"} if a is type(None) else _value(a, definitions) for a in arms]
        return {"anyOf": schemas}
    if get_origin(base) is list:
        schema: dict[str, Any] = {"type": "array",
                                  "items": _value(get_args(base)[0], definitions)}
        if NonEmpty in meta:
            schema["minItems"] = 1
        else:
            schema = {"anyOf": [schema, {"type": "null"}]}  # an empty `field:` is []
        return schema
    if dataclasses.is_dataclass(base):
        _define(base, definitions)
        return {"$ref": f"#/definitions/{base.__name__}"}
    return _scalar(base, meta)


def _define(cls: type, definitions: dict[str, Any]) -> None:
    if cls.__name__ in definitions:
        return
    definitions[cls.__name__] = {}  # reserve the name: records may nest themselves
    properties = {}
    required = []
    for f, hint in record_fields(cls):
        properties[f.name] = {"description": describe(hint), **_value(hint, definitions)}
        if is_required(f):
            required.append(f.name)
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
    """The JSON Schema of one fact sheet: `briefing` or one of `FACT_FILES`."""
    cls = _SHEETS[kind]
    definitions: dict[str, Any] = {}
    item = _value(cls, definitions)
    top: dict[str, Any] = {"$schema": _DRAFT, "title": f"{kind}.yaml"}
    if kind == "briefing":
        top["allOf"] = [item]
    else:
        top.update({"description": f"A list of {kind}, one '- ...' entry each.",
                    "type": ["array", "null"], "items": item})
    top["definitions"] = definitions
    return top


def schema_files() -> dict[str, str]:
    """{file name: JSON text} for every fact sheet's schema."""
    return {
        f"{kind}.schema.json": json.dumps(sheet_schema(kind), indent=2, ensure_ascii=False)
        + "\n"
        for kind in _SHEETS
    }
