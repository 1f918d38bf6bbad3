"""Data read back from the cache, checked against the shape the code writes: an entry of
any other shape (`{"facts": "x"}`, a hand-edited or poisoned file) is a cache miss, never
an exception further on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

__all__ = [
    "WrongShape",
    "boolean",
    "fields_of",
    "integer",
    "json_value",
    "list_of",
    "mapping_of",
    "number_or_none",
    "text",
    "text_or_none",
]

T = TypeVar("T")


class WrongShape(ValueError):
    """Data that is not what the cache writes."""


def fields_of(value: Any, names: set[str]) -> dict[str, Any]:
    """A mapping with exactly the keys `names`."""
    if not isinstance(value, dict) or set(value) != names:
        raise WrongShape(f"expected the fields {sorted(names)}")
    return value


def mapping_of(value: Any, item: Callable[[Any], T]) -> dict[str, T]:
    if not isinstance(value, dict):
        raise WrongShape("expected a mapping")
    return {text(k): item(v) for k, v in value.items()}


def list_of(value: Any, item: Callable[[Any], T]) -> list[T]:
    if not isinstance(value, list):
        raise WrongShape("expected a list")
    return [item(v) for v in value]


def text(value: Any) -> str:
    if not isinstance(value, str):
        raise WrongShape("expected text")
    return value


def text_or_none(value: Any) -> str | None:
    return None if value is None else text(value)


def integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise WrongShape("expected a whole number")
    return value


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise WrongShape("expected true or false")
    return value


def number_or_none(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise WrongShape("expected a number")
    return float(value)


def json_value(value: Any) -> Any:
    """Any value JSON can hold, with text keys (what `json.loads` gives)."""
    if isinstance(value, dict):
        return mapping_of(value, json_value)
    if isinstance(value, list):
        return list_of(value, json_value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise WrongShape("expected a JSON value")
