"""The kinds of record a briefing folder holds, listed once.

The loader reads a sheet per kind, the checks name records by it, the JSON Schemas and
`briefing new` follow its models, the data export, `briefing diff`, the nav and the pages
read which kinds are facts, which are graded and where their records are shown. A new kind
is a row here and a model class in `model.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import (
    Actor,
    BriefingInfo,
    CasualtyClaim,
    Event,
    Place,
    Source,
    Statement,
    Waiver,
)

__all__ = ["FACTS", "GRADED", "KINDS", "OVERVIEW", "Kind", "kind"]


@dataclass(frozen=True)
class Kind:
    """One kind of record: its sheet, its words, its model and where readers see it."""

    name: str  # the plural, and the sheet's name: events.yaml
    singular: str  # "event", in messages and on the command line
    label: str  # "Events", a heading
    model: type
    # Facts cite sources and are shown as what the sources say; sources and waivers are not.
    fact: bool
    # Facts that get a credibility grade (who did what, figures, words said).
    graded: bool
    # Where a record is shown: "actors/" a page of its own in that folder (beside
    # index.md); "timeline.md" an anchor on that page; None nowhere.
    page: str | None

    @property
    def sheet(self) -> str:
        return f"{self.name}.yaml"


KINDS: tuple[Kind, ...] = (
    Kind("sources", "source", "Sources", Source, fact=False, graded=False, page="sources/"),
    Kind("actors", "actor", "Actors", Actor, fact=True, graded=False, page="actors/"),
    Kind("places", "place", "Places", Place, fact=True, graded=False, page="places/"),
    Kind("events", "event", "Events", Event, fact=True, graded=True, page="timeline.md"),
    Kind("claims", "claim", "Claims", CasualtyClaim, fact=True, graded=True, page="casualties.md"),
    Kind(
        "statements",
        "statement",
        "Statements",
        Statement,
        fact=True,
        graded=True,
        page="statements.md",
    ),
    Kind("waivers", "waiver", "Waivers", Waiver, fact=False, graded=False, page=None),
)
FACTS = tuple(k for k in KINDS if k.fact)
GRADED = tuple(k for k in KINDS if k.graded)
# `briefing.yaml`, one record rather than a list: the change log follows its title, summary,
# period and status as it follows the facts (a corrected summary is a published change).
OVERVIEW = Kind("briefing", "overview", "Overview", BriefingInfo, False, False, "index.md")
_BY_NAME = {k.name: k for k in (*KINDS, OVERVIEW)}


def kind(name: str) -> Kind:
    """The kind whose sheet is `name`.yaml ("events")."""
    return _BY_NAME[name]
