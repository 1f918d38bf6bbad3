"""A waiver: something a check need not find (see `waivers.yaml` in a briefing folder)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from .hints import Record
from .parts import Citation, exactly_one_of
from .vocabulary import EditorialRule, Id, Text

__all__ = ["Waiver"]


@dataclass
class Waiver(Record):
    """Something a check need not find: a name or one sentence the coverage check may leave
    uncaptured, or one editorial-check warning about one record (`check` and `record`)."""

    EXACTLY_ONE_OF: ClassVar[dict[str, str]] = {
        "name": "a proper name, waived in every source",
        "sentence": "a source and a quote from the sentence",
        "check": "an editorial check's rule, with `record`, the id of the record it may pass",
    }
    EXAMPLES: ClassVar[dict[str, Any]] = {
        "check": "dropped-hedge",
        "record": "graivoron-drone-strikes",
    }
    reason: Text
    name: str | None = None
    sentence: Citation | None = None
    # The editorial check's rule this waiver silences, for the one record named in `record`.
    check: EditorialRule | None = None
    record: Id | None = None

    def validate(self) -> list[tuple[str, str]]:
        if problems := exactly_one_of(self):
            return problems
        if self.name is not None and not self.name.strip():
            return [("name", "must not be empty")]
        if self.check is not None and self.record is None:
            return [("record", "name the id of the record the check may pass (`record: ...`)")]
        if self.record is not None and self.check is None:
            return [("check", "name the editorial check's rule this waiver silences")]
        return []
