"""The briefing in English: how figures, claims, verdicts, grades and dates are said.

Everything computed stays data until it is shown; this module is where it becomes words,
for the pages, the data files, the reports and the checks' messages alike.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TYPE_CHECKING

from .factsheets.dates import format_day
from .factsheets.model import CasualtyClaim, Event, Source

if TYPE_CHECKING:
    from .analysis.corroboration import Credibility, Lineage, Step
    from .analysis.figures import ClaimGroup, FigureComparison, Finding

__all__ = [
    "CREDIBILITY_SCALE",
    "RELIABILITY_SCALE",
    "claimant",
    "credibility_label",
    "credibility_steps",
    "describe_claim",
    "describe_count",
    "figure_reason",
    "figure_span",
    "group_title",
    "language",
    "lineage_words",
    "moment",
    "period",
    "reliability",
    "roles",
    "verdict_label",
]

Names = Callable[[str], str]

CREDIBILITY_SCALE = {
    1: "confirmed",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "cannot be judged",
}
RELIABILITY_SCALE = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}


# ---------------------------------------------------------------------------------------
# Figures and claims


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


# The noun for one of a group, for "1 civilian wounded" and "at least 1 person killed".
_ONE_OF = {
    "civilians": "civilian",
    "soldiers": "soldier",
    "fighters": "fighter",
    "officials": "official",
    "people": "person",
    "aircraft": "aircraft",
    "vehicles": "vehicle",
    "buildings": "building",
    "settlements": "settlement",
}


def describe_claim(claim: CasualtyClaim) -> str:
    """A claim in a few words: 'no civilians killed', '1 civilian wounded', 'at least 2
    soldier casualties'."""
    figure = describe_count(claim)
    one = claim.count == 1 and claim.qualifier != "more than"
    if claim.category == "casualties":
        # "Casualties" is the noun; the group, if any, describes it: "12 civilian casualties".
        kind = "" if claim.group == "unspecified" else _ONE_OF[claim.group] + " "
        noun = kind + ("casualty" if one else "casualties")
        words = {"unknown": f"unknown number of {noun}", "none": f"no {noun}"}
        return words.get(figure, f"{figure} {noun}")
    group = "people" if claim.group == "unspecified" else claim.group
    if figure == "unknown":
        return f"unknown number of {group} {claim.category}"
    if figure == "none":
        return f"no {group} {claim.category}"
    return f"{figure} {_ONE_OF[group] if one else group} {claim.category}"


def claimant(claim: CasualtyClaim, actor_name: Names, source_label: Names) -> str:
    """Who gives a figure: the claimant by name, or the outlet stating it in its own voice."""
    if claim.claimant:
        return actor_name(claim.claimant)
    return f"{source_label(claim.citations[0].source)} (unattributed)"


def moment(claim: CasualtyClaim) -> str:
    """When a figure was given: '22 May', '22 May (morning)'."""
    day = format_day(claim.as_of, year=False)
    return f"{day} ({claim.as_of_time})" if claim.as_of_time else day


def group_title(group: ClaimGroup) -> str:
    """'Wounded: civilians'."""
    return f"{group.category.capitalize()}: {group.group}"


def figure_span(group: ClaimGroup) -> str:
    """The lowest and highest figure given, e.g. '8–12', for the overview."""
    if group.bounds is None:
        return "unknown"
    low, high = group.bounds
    return str(low) if low == high else f"{low}–{high}"


def verdict_label(verdict: str) -> str:
    """A figure verdict as readers see it: 'update' is 'update over time'."""
    return {"update": "update over time"}.get(verdict, verdict)


def _finding(finding: Finding, who: Callable[[CasualtyClaim], str]) -> str:
    a, b = finding.earlier, finding.later
    x, y = describe_count(a), describe_count(b)
    if finding.how == "same moment":
        if a.claimant is not None and a.claimant == b.claimant:
            return f"{who(a)} gives both {x} and {y} as of {moment(a)}"
        return f"{who(a)} gives {x} and {who(b)} gives {y}, both as of {moment(a)}"
    sequence = f"{x} from {who(a)} on {moment(a)}, then {y} from {who(b)} on {moment(b)}"
    category = finding.category
    return (
        sequence
        + {
            "fell": f": a count of {category} does not fall, so one of them is wrong or was "
            "corrected",
            "rose": ": a later, higher figure, as a running count grows",
            "changed": f": a later figure, and a count of {category} can rise or fall",
        }[finding.how]
    )


def _allowed(common: tuple[int, int | None] | None) -> str:
    if common is None:
        return "none of them gives a number"
    low, high = common
    if high is None:
        return f"all allow {low} or more"
    if low == high:
        return f"all allow {'none' if low == 0 else low}"
    return f"all allow between {low} and {high}"


def figure_reason(comparison: FigureComparison, who: Callable[[CasualtyClaim], str]) -> str:
    """Why the figures for one loss are consistent, an update or in conflict; `who` names
    a figure's claimant."""
    if comparison.verdict == "one figure":
        return "only one figure is given"
    if comparison.verdict == "consistent":
        return f"the figures meet: {_allowed(comparison.common)}"
    said = [_finding(f, who) for f in comparison.findings if f.verdict == comparison.verdict]
    return "; ".join(dict.fromkeys(said))


# ---------------------------------------------------------------------------------------
# Grades


def credibility_label(grade: int) -> str:
    return CREDIBILITY_SCALE[grade]


def lineage_words(lineage: Lineage, source_label: Names) -> str:
    """A lineage as its sources' labels: 'The Guardian + MONDO'."""
    return " + ".join(source_label(s) for s in lineage)


def _graded(text: str, grade: int) -> str:
    return f"{text}: {grade}, {CREDIBILITY_SCALE[grade]}"


def _step(step: Step, actor_name: Names, source_label: Names) -> str:
    def names(ids: tuple[str, ...]) -> str:
        return ", ".join(actor_name(i) for i in ids)

    if step.rule == "carried":
        carriers = "; ".join(lineage_words(g, source_label) for g in step.lineages)
        own = len(step.lineages)
        text = (
            f"carried by {own} independent lineages ({carriers})"
            if own >= 2
            else f"carried by one lineage only ({carriers})"
        )
        if step.implied_by:
            implied = "; ".join(lineage_words(g, source_label) for g in step.implied_by)
            text += f", and implied by a figure in {len(step.implied_by)} more ({implied})"
        return _graded(text, step.grade)
    if step.rule == "confirmed":
        who = "who does" if len(step.actors) == 1 else "who do"
        return _graded(
            f"confirmed by {names(step.actors)}, {who} not claim it: one better", step.grade
        )
    if step.rule == "disputed":
        assert step.dispute is not None
        why = (
            f"denied by {names(step.dispute.denied_by)}"
            if step.dispute.denied_by
            else "another figure for the same loss conflicts with it"
        )
        return _graded(f"{why}: one worse", step.grade)
    if step.rule == "partisan":
        return _graded(
            f"claimed only by parties to the fighting ({names(step.actors)}), and "
            f"confirmed by no one else: no better than {step.grade}",
            step.grade,
        )
    return f"an editor set {step.grade}, {CREDIBILITY_SCALE[step.grade]}: {step.reason}"


def credibility_steps(
    credibility: Credibility, actor_name: Names, source_label: Names
) -> list[str]:
    """How a grade came about, a clause per step."""
    return [_step(step, actor_name, source_label) for step in credibility.steps]


def reliability(source: Source) -> str:
    """A source's reliability grade in words: 'B, usually reliable'."""
    if source.reliability is None:
        return "F, not graded by an editor"
    grade = source.reliability.grade
    return f"{grade}, {RELIABILITY_SCALE[grade]}"


# ---------------------------------------------------------------------------------------
# Dates, languages, roles


def period(start: datetime.date, end: datetime.date) -> str:
    """A briefing's period: '22–23 May 2023', '30 April – 2 May 2023'."""
    if start == end:
        return format_day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{format_day(end)}"
    return f"{format_day(start)} – {format_day(end)}"


def language(source: Source) -> str:
    """'en', or 'en, translated from sr'."""
    if source.translation:
        original = source.original_language or "an unknown language"
        return f"{source.language}, translated from {original}"
    return source.language


def roles(actor_id: str, event: Event) -> str:
    """What an actor does in an event: 'involved, claims it'."""
    return ", ".join(
        role
        for role, ids in (
            ("involved", event.actors),
            ("claims it", event.claimed_by),
            ("confirms it", event.confirmed_by),
            ("denies it", event.denied_by),
        )
        if actor_id in ids
    )
