"""Walking the records of loaded fact sheets, for the checks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..factsheets.hints import records_in
from ..factsheets.kinds import KINDS, Kind
from ..factsheets.load import FactSheets
from ..factsheets.model import Citation

__all__ = ["citations_of", "records_of"]


def records_of(sheets: FactSheets, *, partial: bool = False) -> Iterator[tuple[Kind, Any]]:
    """(kind, record) for every record, and with `partial` the records that read with
    problems too (their good fields are still checked: see RecordReader.partial)."""
    for kind in KINDS:
        for record in sheets.records(kind):
            yield kind, record
        if partial:
            for record in sheets.partial.get(kind.name, []):
                yield kind, record


def citations_of(record: Any) -> Iterator[tuple[str, Citation]]:
    """(field path, citation) for each citation of a record, in any field."""
    for path, nested in records_in(record):
        if isinstance(nested, Citation):
            yield path, nested
