"""The briefing in English: how figures, claims, verdicts, grades and dates are said.

Everything computed stays data until it is shown; this module is where it becomes words,
for the pages, the data files, the reports and the checks' messages alike.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from .factsheets.dates import format_day
from .factsheets.model import CasualtyClaim, Source
from .factsheets.times import clock_label, is_clock, zone_named
from .factsheets.vocabulary import ONE_OF_GROUP

if TYPE_CHECKING:
    from .analysis.corroboration import Credibility, Dispute, Lineage, Step
    from .analysis.dependence import SharedNarration
    from .analysis.figures import ClaimGroup, CommonRange, FigureComparison, Finding

__all__ = [
    "ASPECTS",
    "CREDIBILITY_SCALE",
    "RELIABILITY_SCALE",
    "VERDICT_WORDS",
    "claimant",
    "credibility_label",
    "credibility_steps",
    "describe_claim",
    "describe_count",
    "figure_reason",
    "group_title",
    "group_words",
    "language",
    "lineage_words",
    "moment",
    "period",
    "reliability",
    "shared_narration",
    "verdict_label",
    "verdicts_label",
]

Names = Callable[[str], str]

# The heading of each kind of assertion about an event (factsheets.vocabulary.Aspect).
ASPECTS = {
    "responsibility": "Who was responsible",
    "target": "What was hit or aimed at",
    "outcome": "What came of it",
}

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


def _number(n: int) -> str:
    """A number as sources print it: '12', '1,200'."""
    return f"{n:,}"


def describe_count(claim: CasualtyClaim) -> str:
    """A claim's figure in words, as the claimant gives it: '12', 'at least 8', 'more than
    1,200', '2–5', 'unknown', 'none'; for a figure given only in words, those words and the
    editor's reading: '“several” (read as at least 3)'."""
    count = claim.count
    if count == "unknown":
        figure = "unknown"
    elif isinstance(count, int):
        if count == 0 and claim.qualifier == "exactly":
            figure = "none"
        elif claim.qualifier == "exactly":
            figure = _number(count)
        else:
            figure = f"{claim.qualifier} {_number(count)}"
    elif count.min is not None and count.max is not None:
        figure = f"{_number(count.min)}–{_number(count.max)}"
    elif count.min is not None:
        figure = f"at least {_number(count.min)}"
    else:
        assert count.max is not None
        figure = f"at most {_number(count.max)}"
    if claim.words is None:
        return figure
    reading = "" if figure == "unknown" else f" (read as {figure})"
    return f"“{claim.words}”{reading}"


def describe_claim(claim: CasualtyClaim) -> str:
    """A claim in a few words: 'no civilians killed', '1 civilian wounded', 'at least 2
    soldier casualties', 'vehicles captured: “several”'."""
    group = "people" if claim.group == "unspecified" else claim.group
    if claim.words is not None:
        loss = "casualties" if claim.category == "casualties" else f"{group} {claim.category}"
        return f"{loss}: “{claim.words}”"
    figure = describe_count(claim)
    one = claim.count == 1 and claim.qualifier != "more than"
    if claim.category == "casualties":
        # "Casualties" is the noun; the group, if any, describes it: "12 civilian casualties".
        kind = "" if claim.group == "unspecified" else ONE_OF_GROUP[claim.group] + " "
        noun = kind + ("casualty" if one else "casualties")
        words = {"unknown": f"unknown number of {noun}", "none": f"no {noun}"}
        return words.get(figure, f"{figure} {noun}")
    if figure == "unknown":
        return f"unknown number of {group} {claim.category}"
    if figure == "none":
        return f"no {group} {claim.category}"
    return f"{figure} {ONE_OF_GROUP[group] if one else group} {claim.category}"


def claimant(claim: CasualtyClaim, actor_name: Names, source_label: Names) -> str:
    """Who gives a figure, as a reason names it: the claimant by name, or the outlet
    stating it in its own voice: 'MONDO (its own count)'."""
    if claim.claimant:
        return actor_name(claim.claimant)
    return f"{source_label(claim.citations[0].source)} (its own count)"


def moment(claim: CasualtyClaim, zone: ZoneInfo | None = None, *, year: bool = False) -> str:
    """When a figure was given: '22 May', '22 May (morning)', '14 October, 11:30 MSK
    (09:30 BST as written)', or, when no source says, '23 May (date of publication)'; with
    `year`, '23 May 2023 (date of publication)'."""
    day = format_day(claim.as_of, year=year)
    if claim.as_of_precision == "before":
        return f"before {day}"
    label = clock_label(claim.as_of, claim.as_of_time, zone_named(claim.time_zone) or zone, zone)
    if label is not None and is_clock(claim.as_of_time):
        shown = f"{day}, {label.shown}"
        return shown if label.as_written is None else f"{shown} ({label.as_written} as written)"
    if label is not None:
        return f"{day} ({label.shown})"
    return day if claim.as_of_stated else f"{day} (date of publication)"


def group_title(group: ClaimGroup) -> str:
    """'Wounded: civilians (seriously wounded)', 'Killed: soldiers (place not stated)'."""
    scope = ", ".join(p for p in (group.where, group.scope) if p)
    who = group_words(group.group, group.takes_unspecified)
    return f"{group.category.capitalize()}: {who}" + (f" ({scope})" if scope else "")


def group_words(group: str, takes_unspecified: bool) -> str:
    """Who figures count, never naming a group for those that do not say whom."""
    return f"{group}, and figures not saying who" if takes_unspecified else group


# The verdicts on the figures for one loss: each key (as `analysis.figures` gives it and the
# data files print it), the word readers see, and what it means. Every page, data file and
# feed says a verdict with these words, and the reader's guide explains them with these
# meanings. "Compatible" is no stronger than the comparison: figures that do not exclude
# each other may still differ, and neither confirms the other.
VERDICT_WORDS = {
    "one figure": (
        "one figure",
        "only one figure is given for this loss: there is nothing to compare it with",
    ),
    "compatible": (
        "compatible",
        "every figure allows at least one common number (their ranges meet). This says only "
        "that they do not exclude each other: it does not mean they agree or confirm each "
        "other, nor that they are the same count",
    ),
    "update": (
        "update over time",
        "the same claimant gives a later, higher figure (or one above the least it gave: "
        "“at least 14”, then 17), or a later figure for a count that can fall",
    ),
    "conflict": (
        "conflict",
        "two claimants give figures that cannot both be true at that time, or one claimant "
        "gives two different figures at once, or a count that only grows falls",
    ),
    "unordered": (
        "cannot be ordered",
        "one claimant gives two different figures and no source says when each was given: "
        "they cannot be put in order, so neither can be called the update",
    ),
}


def verdict_label(verdict: str) -> str:
    """A figure verdict as readers see it: 'update' is 'update over time'."""
    return VERDICT_WORDS[verdict][0]


def verdicts_label(comparison: FigureComparison) -> str:
    """Every verdict of a group: 'conflict and update over time'."""
    return " and ".join(verdict_label(v) for v in comparison.verdicts)


def _finding(
    finding: Finding, who: Callable[[CasualtyClaim], str], zone: ZoneInfo | None = None
) -> str:
    a, b = finding.earlier, finding.later
    x, y = describe_count(a), describe_count(b)
    if finding.how == "same moment":
        if a.claimant is not None and a.claimant == b.claimant:
            return f"{who(a)} gives both {x} and {y} as of {moment(a, zone)}"
        return f"{who(a)} gives {x} and {who(b)} gives {y}, both as of {moment(a, zone)}"
    if finding.how == "other claimant":
        when_a, when_b = moment(a, zone), moment(b, zone)
        return f"{who(a)} gives {x} as of {when_a}, and {who(b)} gives {y} as of {when_b}"
    if finding.how == "given before":
        return (
            f"{who(a)} gives {x} ({moment(a, zone)}) and {y} ({moment(b, zone)}): a figure "
            "given some time before a date cannot be put in order with one given by then"
        )
    if finding.how == "dates inferred":
        return (
            f"{who(a)} gives {x} and {y}, and no source says when either was given (each "
            "is dated by publication, a day or less apart): they cannot be put in order"
        )
    sequence = f"{x} from {who(a)} on {moment(a, zone)}, then {y} on {moment(b, zone)}"
    category = finding.category
    return (
        sequence
        + {
            "fell": f": a count of {category} does not fall, so one of them is wrong or was "
            "corrected",
            "rose": ": a later, higher figure from the same claimant, as a running count grows",
            "floor rose": ": above the least the same claimant gave before, as a count grows",
            "changed": f": a later figure, and a count of {category} can rise or fall",
        }[finding.how]
    )


def _allowed(common: CommonRange | None) -> str:
    if common is None:
        return "none of them gives a number"
    low, high = common.low, common.high
    if high is not None and low == high:
        return f"all allow {'none' if low == 0 else _number(low)}"
    lowest = common.lowest_by
    floor = (
        f"more than {_number(lowest.count)}"
        if lowest.qualifier == "more than" and isinstance(lowest.count, int)
        else f"{_number(low)}"
    )
    if high is None:
        return f"all allow {floor} or more" if "more than" not in floor else f"all allow {floor}"
    return f"all allow between {floor} and {_number(high)}"


def figure_reason(
    comparison: FigureComparison,
    who: Callable[[CasualtyClaim], str],
    zone: ZoneInfo | None = None,
) -> str:
    """Why the figures for one loss are compatible, an update, unordered or in conflict
    (each verdict the group reaches, most serious first); `who` names a figure's claimant."""
    if comparison.verdict == "one figure":
        return "only one figure is given"
    if comparison.verdict == "compatible":
        return f"the figures do not exclude each other: {_allowed(comparison.common)}"
    said = [
        f"{verdict_label(verdict)}: "
        + "; ".join(
            dict.fromkeys(
                _finding(f, who, zone) for f in comparison.findings if f.verdict == verdict
            )
        )
        for verdict in comparison.verdicts
    ]
    return ". ".join(said)


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
        return _graded(f"{_dispute(step.dispute, names)}: one worse", step.grade)
    if step.rule == "partisan":
        # Never "confirmed by no one else" beside a listed confirmer of the claimants' side.
        side = f"only by their own side ({names(step.own_side)})"
        return _graded(
            f"claimed only by parties to the fighting ({names(step.actors)}), and "
            f"confirmed {side if step.own_side else 'by no one else'}: no better than {step.grade}",
            step.grade,
        )
    return f"an editor set {step.grade}, {CREDIBILITY_SCALE[step.grade]}: {step.reason}"


def _dispute(dispute: Dispute, names: Callable[[tuple[str, ...]], str]) -> str:
    """Why a fact is disputed: 'denied by X', 'a rival version is held by Y', or both."""
    why = [f"denied by {names(dispute.denied_by)}"] if dispute.denied_by else []
    why += [f"a rival version is held by {names(dispute.rivals)}"] if dispute.rivals else []
    if dispute.conflicting_figure or not why:
        why.append("another figure for the same loss conflicts with it")
    return ", and ".join(why)


def shared_narration(shared: SharedNarration, source_label: Names) -> str:
    """Why two sources count as one lineage for a fact, or why an editor says they don't."""
    run = shared.passage
    a, b = source_label(run.a), source_label(run.b)
    text = (
        f"{a} ¶{run.paragraph_a} and {b} ¶{run.paragraph_b} share a run of {run.words} "
        f"words, {run.narration_words} of them outside quotation marks: “{run.text}”"
    )
    if shared.overruled is not None:
        return f"{text}. An editor counts them as independent all the same: {shared.overruled}"
    return f"{text}. Shared narration, not only a shared quotation: one lineage for this fact"


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
# Dates and languages


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
