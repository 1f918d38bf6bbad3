"""The checked briefing, and the run of every check that makes one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..factsheets.kinds import Kind
from ..factsheets.load import FactSheets
from ..factsheets.model import (
    Actor,
    BriefingInfo,
    CasualtyClaim,
    Event,
    Place,
    Source,
    Statement,
    Waiver,
)
from ..problems import Problem, has_errors
from ..sources.reuse import Reuse, measure_reuse
from ..sources.text import SourceText
from .attribution import unattributed_party_figures
from .citations import load_texts, uncited_sources, unverified_quotes
from .date_phrases import unquoted_date_phrases
from .derivation import derivation_cycles, unsupported_derivation
from .ids import duplicate_ids, reserved_ids, unresolved_refs
from .names import shared_names
from .plausibility import implausible_dates, implausible_figures
from .readings import vague_readings
from .times import clock_changes, zoneless_times

__all__ = ["Briefing", "check_briefing"]


@dataclass(frozen=True)
class Briefing:
    """Fact sheets that passed every check, with their source texts and text reuse."""

    sheets: FactSheets
    info: BriefingInfo
    texts: dict[str, SourceText]
    reuse: Reuse

    @property
    def slug(self) -> str:
        return self.sheets.slug

    @property
    def sources(self) -> list[Source]:
        return self.sheets.sources

    @property
    def actors(self) -> list[Actor]:
        return self.sheets.actors

    @property
    def places(self) -> list[Place]:
        return self.sheets.places

    @property
    def events(self) -> list[Event]:
        return self.sheets.events

    @property
    def claims(self) -> list[CasualtyClaim]:
        return self.sheets.claims

    @property
    def statements(self) -> list[Statement]:
        return self.sheets.statements

    @property
    def waivers(self) -> list[Waiver]:
        return self.sheets.waivers

    def records(self, kind: Kind) -> list[Any]:
        return self.sheets.records(kind)


def check_briefing(
    sheets: FactSheets, seeds_dir: Path, root: Path
) -> tuple[Briefing | None, list[Problem]]:
    """Run every cross-check; return the briefing (None if any error) and all problems."""
    problems: list[Problem] = []
    problems += duplicate_ids(sheets)
    problems += reserved_ids(sheets)
    problems += unresolved_refs(sheets)
    problems += shared_names(sheets)
    problems += derivation_cycles(sheets)
    problems += implausible_dates(sheets)
    problems += implausible_figures(sheets)
    problems += vague_readings(sheets)
    problems += zoneless_times(sheets)
    problems += clock_changes(sheets)
    problems += unattributed_party_figures(sheets)
    texts, text_problems = load_texts(sheets, seeds_dir, root)
    problems += text_problems
    problems += unverified_quotes(sheets, texts)
    problems += unquoted_date_phrases(sheets, texts)
    problems += uncited_sources(sheets)
    reuse = measure_reuse(texts)
    problems += unsupported_derivation(sheets, reuse)
    if has_errors(problems) or sheets.info is None:
        return None, problems
    return Briefing(sheets, sheets.info, texts, reuse), problems
