"""The data files' JSON writer writes what `json.dumps(..., ensure_ascii=False, indent=2)`
writes, byte for byte."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.export.jsontext import indented

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
_KEYS = st.text() | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(_KEYS, inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300)
@given(_VALUES)
def test_the_same_text_as_the_standard_library(value: object) -> None:
    assert indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_escapes_and_empty_containers() -> None:
    value = {"quote": 'He said "no"\n\u2028 \x00 – Вэл', "empty": [[], {}], "n": [1.0, -0.0, 1e300]}
    assert indented(value) == json.dumps(value, ensure_ascii=False, indent=2)
