"""The hand-written summary against what is computed from the facts. The overview shows
both, one above the other: a summary that says the sources disagree over a loss whose
figures the comparison finds compatible, or that gives a figure no claim gives, tells a
hurried reader something the facts do not back.

The verdicts come from the analysis, which runs after the checks: the caller passes its
figure groups in (`build.analysed_problems`, for the build and `briefing check`). Both findings are
warnings: the summary is prose, and an editor may mean something a word count cannot see.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, get_args

from ..amounts import VAGUE_WORDS
from ..factsheets.load import FactSheets
from ..factsheets.model import CasualtyClaim
from ..factsheets.vocabulary import Category
from ..figure_words import figures_in
from ..problems import Problem
from ..text import normalise, quoted_numbers, split_sentences
from ..words import claimant, figure_reason, group_title, verdicts_label

if TYPE_CHECKING:
    from ..analysis.figures import ClaimGroup

__all__ = ["LOSS_WORDS", "summary_problems"]

# Words that say the sources do not agree.
_DISAGREE = re.compile(
    r"\b(disagree\w*|differ\w*|conflict\w*|contradict\w*|disput\w+|var(?:y|ies|ying)"
    r"|inconsistent|at odds)\b",
    re.IGNORECASE,
)
# How a summary names each kind of loss: the words that send a sentence about
# disagreement to the figures of that loss.
LOSS_WORDS: dict[str, str] = {
    "killed": r"kill\w*|dead|deaths?|died|death toll",
    "wounded": r"wound\w*|injur\w*|hurt",
    "casualties": r"casualt\w+",
    "missing": r"missing",
    "captured": r"captur\w+|prisoners?",
    "detained": r"detain\w*|arrest\w*",
    "evacuated": r"evacuat\w+",
    "displaced": r"displace\w*|fled|refugees?",
    "destroyed": r"destroy\w*|destruction",
    "damaged": r"damage\w*",
    "shot down": r"shot down|downed",
}
assert set(LOSS_WORDS) == set(get_args(Category)), "a kind of loss the summary check misses"
_LOSSES = {
    loss: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for loss, words in LOSS_WORDS.items()
}
# Words that stand for an amount rather than give one ("dozens wounded"): never a figure a
# claim must give.
_VAGUE = re.compile(rf"\b({VAGUE_WORDS}|tens)\b", re.IGNORECASE)
_NEGATED = re.compile(r"\b(no|not)\s+$", re.IGNORECASE)


def summary_problems(sheets: FactSheets, groups: Sequence[ClaimGroup]) -> list[Problem]:
    """A warning for each sentence of the summary that says the sources disagree over a
    loss whose compared figures all meet, and for each figure in it no claim gives."""
    info = sheets.info
    if info is None:
        return []
    text = normalise(" ".join(info.summary.split()))
    problems = []
    for start, end in split_sentences(text):
        sentence = text[start:end]
        for message in _disagreement(sentence, groups, sheets) + _unheld(sentence, sheets):
            problems.append(sheets.problem_at("briefing", info, "summary", message, "warning"))
    return problems


def _disagreement(sentence: str, groups: Sequence[ClaimGroup], sheets: FactSheets) -> list[str]:
    """Why the sentence contradicts the verdicts, if it says the sources disagree over a
    loss and every group of that loss whose figures were compared found they meet."""
    said = _DISAGREE.search(sentence)
    if said is None:
        return []
    losses = [loss for loss, words in _LOSSES.items() if words.search(sentence)]
    named = [g for g in groups if g.category in losses]
    if not named or any(g.comparison.findings for g in named):
        return []
    # Groups of more than one figure, none apart: the comparison says they are compatible.
    compared = [g for g in named if sum(c.count != "unknown" for c in g.claims) > 1]
    if not compared:
        return []
    who = _claimant_names(sheets)
    verdicts = "; ".join(
        f"{group_title(g)} ({g.incident.title}): {verdicts_label(g.comparison)}, "
        f"{figure_reason(g.comparison, who)}"
        for g in compared
    )
    return [
        f"says the sources {said.group(0).lower()} about the figures for "
        f"{' and '.join(losses)} (“{sentence}”), but no figures compared for that loss are "
        f"apart: {verdicts}. Say what the figures are and who gives them, or, if the sources "
        "do conflict, correct the claims so that the comparison shows it"
    ]


def _claimant_names(sheets: FactSheets) -> Callable[[CasualtyClaim], str]:
    """Who gives a figure, by name, as the verdicts' reasons say it."""
    actors = {a.id: a.name for a in sheets.actors}
    sources = {s.id: s.short_label for s in sheets.sources}

    def who(claim: CasualtyClaim) -> str:
        return claimant(claim, lambda i: actors.get(i, i), lambda i: sources.get(i, i))

    return who


def _unheld(sentence: str, sheets: FactSheets) -> list[str]:
    """A message for each figure in the sentence that gives a number no claim gives."""
    given = {n for claim in sheets.claims for n in _numbers(claim)}
    messages = []
    for figure in figures_in(sentence):
        core = sentence[figure.start : figure.end]
        # An amount ("dozens"), or a negative read as a number ("no one was killed").
        if _VAGUE.search(core) or _NEGATED.search(sentence[: figure.start]):
            continue
        for number in quoted_numbers(core):
            if number not in given:
                messages.append(
                    f"gives “{figure.phrase}”, but no claim in claims.yaml gives {number:,}; "
                    "write a figure a claim gives, with who gives it, or add the claim with "
                    "its quote"
                )
    return messages


def _numbers(claim: CasualtyClaim) -> list[int]:
    """The numbers a claim's figure is written with: its count, or its range's ends."""
    count = claim.count
    if count == "unknown":
        return []
    if isinstance(count, int):
        return [count]
    return [n for n in (count.min, count.max) if n is not None]
