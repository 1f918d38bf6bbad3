"""A figure given only in words for an amount ("several", "hundreds") against the table of
what each word means at least (`amounts.VAGUE_AMOUNTS`): its count must be that least with
no upper bound, so that one word reads the same in every briefing and no page prints a
limit the source did not give ("several" shown as "1–2")."""

from __future__ import annotations

from ..amounts import VAGUE_AMOUNTS, vague_amount
from ..factsheets.load import FactSheets
from ..factsheets.model import CasualtyClaim
from ..factsheets.parts import CountRange
from ..problems import Problem

__all__ = ["vague_readings"]


def vague_readings(sheets: FactSheets) -> list[Problem]:
    """An error for each claim whose `words` are a vague amount its count misreads."""
    problems = []
    for claim in sheets.claims:
        found = _misreading(claim)
        if found is not None:
            field_name, message = found
            problems.append(sheets.problem_at("claims", claim, field_name, message))
    return problems


def _misreading(claim: CasualtyClaim) -> tuple[str, str] | None:
    """(field, message) when the count is not the table's reading of the claim's words."""
    word = vague_amount(claim.words or "")
    if word is None:
        return None
    least = VAGUE_AMOUNTS[word].least
    reading = f"“{claim.words}” is read as at least {least:,} ({VAGUE_AMOUNTS[word].why})"
    fix = f"write count: {{min: {least}}}"
    count = claim.count
    if isinstance(count, CountRange):
        if count.max is not None:
            return (
                "count",
                f"gives an upper bound (max: {count.max:,}) the source did not give: "
                f"{reading}, with no upper bound; {fix}",
            )
        if count.min != least:
            return "count", f"reads the words as at least {count.min:,}, but {reading}; {fix}"
        return None
    if isinstance(count, int) and claim.qualifier == "at least" and count == least:
        return None
    shown = count if count == "unknown" else f"{claim.qualifier} {count:,}"
    return "count", f"is {shown}, a reading the words do not give: {reading}; {fix}"
