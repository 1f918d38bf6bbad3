"""The editorial check: what a fact-checker catches reading each fact beside the paragraphs it
cites, found mechanically (`editorial_rules.RULES`), and waivers that no longer match
anything.

Every finding is a warning with the file, line and field, the words found and how to fix
it; `briefing check --strict` and a strict build fail on them. A waiver with `check` (a
rule) and `record` (an id), and its reason, silences one rule for one record; one that
silences nothing is reported, as is a coverage waiver that covers nothing, so the list does
not rot.

Grades and lineages come from the analysis, which runs after the checks: the caller passes
it in (`build.analysed_problems`, for the build and `briefing check`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..factsheets.model import Waiver
from ..problems import Problem
from .briefing import Briefing
from .editorial_checks import TEXT_RULES, weak_confirmation
from .editorial_facts import Fact, Finding, facts_of
from .editorial_rules import STALE_WAIVER
from .editorial_text import Reader

if TYPE_CHECKING:
    from ..analysis.model import Analysis

__all__ = ["editorial_findings", "editorial_problems"]


def editorial_findings(briefing: Briefing, analysis: Analysis) -> list[Finding]:
    """Every warning of every rule about every fact, silenced or not."""
    reader = Reader(briefing.texts, briefing.actors, briefing.places, briefing.sources)
    sources = {s.id: s for s in briefing.sources}
    findings: list[Finding] = []
    for fact in facts_of(briefing.sheets):
        cited = [reader.cited(c) for c in fact.citations]
        for rule in TEXT_RULES:
            findings += rule(fact, cited, reader)
        findings += weak_confirmation(fact, sources, _lineage_count(fact, analysis))
    return findings


def _lineage_count(fact: Fact, analysis: Analysis) -> int | None:
    """How many independent lineages carry the fact (an assertion: carry it alone)."""
    found = analysis.facts.get((fact.sheet, fact.id))
    if found is None:
        return None
    if fact.part is fact.record:
        return len(found.lineages)
    graded = [v for a in found.assertions for v in a.versions if v.version.record is fact.part]
    return len(graded[0].lineages) if graded else None


def editorial_problems(briefing: Briefing, analysis: Analysis) -> list[Problem]:
    """The editorial check's warnings not silenced by a waiver, and each waiver that
    matches nothing: a silence with no warning left, a coverage waiver covering nothing."""
    sheets = briefing.sheets
    findings = editorial_findings(briefing, analysis)
    silenced = {(w.check, w.record) for w in briefing.waivers if w.check is not None}
    problems = [
        Problem(
            sheets.files[f.fact.sheet],
            f.line,
            f.field,
            f"{f.rule}: {f.message} (if the sources bear it out, silence this with "
            f"`check: {f.rule}`, `record: {f.fact.id}` and the reason in waivers.yaml)",
            "warning",
        )
        for f in findings
        if f.key not in silenced
    ]
    ids = {fact.id for fact in facts_of(sheets)}
    return problems + list(_stale_waivers(briefing, analysis, {f.key for f in findings}, ids))


def _stale_waivers(
    briefing: Briefing, analysis: Analysis, found: set[tuple[str, str]], ids: set[str]
) -> Iterator[Problem]:
    """A warning for each waiver that no longer matches anything."""
    file = briefing.sheets.files.get("waivers", "waivers.yaml")
    unused = {id(w) for w in analysis.coverage.unused_waivers}
    for waiver in briefing.waivers:
        if waiver.check is not None and waiver.record not in ids:
            yield _stale(
                file,
                waiver,
                "record",
                f"'{waiver.record}' is the id of no event, claim or statement; write the id "
                "of the record the warning names (an assertion's is its event's)",
            )
        elif waiver.check is not None and (waiver.check, waiver.record) not in found:
            yield _stale(
                file,
                waiver,
                "check",
                f"silences '{waiver.check}' for '{waiver.record}', but that rule finds "
                "nothing there (any more); remove the waiver",
            )
        elif id(waiver) in unused:
            what = f"'{waiver.name}'" if waiver.name is not None else "this sentence"
            yield _stale(
                file,
                waiver,
                "name" if waiver.name is not None else "sentence",
                f"waives {what} for the coverage check, but it is found uncaptured nowhere "
                "(any more); remove the waiver",
            )


def _stale(file: str, waiver: Waiver, name: str, message: str) -> Problem:
    line = waiver.lines.get(name, waiver.line)
    return Problem(file, line, name, f"{STALE_WAIVER}: {message}", "warning")
