"""The briefing in English: how figures, claims, verdicts, grades and dates are said.

Everything computed stays data until it is shown; this module is where it becomes words,
for the pages, the data files, the reports and the checks' messages alike.
"""

from __future__ import annotations

from .factsheets.model import CasualtyClaim

__all__ = ["describe_count"]


def describe_count(claim: CasualtyClaim) -> str:
    """A claim's figure in words: '12', 'at least 8', '2–5', 'unknown', 'none'."""
    count = claim.count
    if count == "unknown":
        return "unknown"
    if isinstance(count, int):
        if count == 0 and claim.qualifier == "exactly":
            return "none"
        return str(count) if claim.qualifier == "exactly" else f"{claim.qualifier} {count}"
    if count.min is not None and count.max is not None:
        return f"{count.min}–{count.max}"
    return f"at least {count.min}" if count.min is not None else f"at most {count.max}"
