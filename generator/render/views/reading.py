"""The reader's guide, "How to read a briefing" (`how-to-read/`): what the words the pages
compute mean, in plain words. Its lists are read from the tables the code uses (the
statuses a fact sheet allows, the credibility and reliability scales, the verdicts on
figures with their words and meanings, `words.VERDICT_WORDS`, the least each vague amount
means, `amounts.VAGUE_AMOUNTS`), so a word added or renamed
there is on this page too; the meanings of statuses are here, one per word, and an import
fails until a new word has one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args, get_type_hints

from ...amounts import VAGUE_AMOUNTS
from ...analysis.figures import Verdict
from ...factsheets.model import BriefingInfo
from ...factsheets.versions import CONTESTED
from ...factsheets.vocabulary import Status
from ...words import CREDIBILITY_SCALE, RELIABILITY_SCALE, VERDICT_WORDS

__all__ = ["ReadingView", "Term", "reading_view"]


@dataclass(frozen=True)
class Term:
    """One word as the pages show it, and what it means."""

    word: str
    meaning: str


@dataclass(frozen=True)
class ReadingView:
    statuses: tuple[Term, ...]
    briefing_statuses: tuple[Term, ...]
    grades: tuple[Term, ...]
    reliabilities: tuple[Term, ...]
    verdicts: tuple[Term, ...]
    # The vague amounts ("several") and the least each is read as.
    amounts: tuple[Term, ...]


# Whether a fact happened: what each status of a fact sheet says (factsheets.vocabulary).
_STATUS_MEANINGS = {
    "reported": "a source states it in its own voice; no one is named as claiming or denying it",
    "claimed": "someone says it happened, or that they did it; the entry names who. A claim "
    "is not a finding: it says who says so",
    "confirmed": "someone other than those who claim it says it happened, and the entry names "
    "them; it is their word, not a check made by the briefing's editors",
    "denied": "someone named on the entry says it did not happen",
    "disputed": "some say it happened and others deny it; the entry names both",
    CONTESTED: "for who did it, what was hit or what came of it: two or more rival versions "
    "are held, each by the actors named with it, and each is graded on its own sources; a "
    "confirmation or denial counts only for the version it addresses",
}
# What a briefing's own status says of it (BriefingInfo.status).
_BRIEFING_STATUS_MEANINGS = {
    "developing": "the story is still moving: facts may be added, figures may rise, and "
    "grades may change",
    "stable": "the editors expect no new reporting to change it much; it is still corrected "
    "when something is found wrong",
    "archived": "no longer updated",
}
for _table, _words in (
    (_STATUS_MEANINGS, (*get_args(Status), CONTESTED)),
    (_BRIEFING_STATUS_MEANINGS, get_args(get_type_hints(BriefingInfo)["status"])),
    (VERDICT_WORDS, get_args(Verdict)),
):
    assert list(_table) == list(_words), f"the reader's guide has no meaning for {_words}"


def reading_view() -> ReadingView:
    return ReadingView(
        statuses=tuple(Term(s, meaning) for s, meaning in _STATUS_MEANINGS.items()),
        briefing_statuses=tuple(Term(s, m) for s, m in _BRIEFING_STATUS_MEANINGS.items()),
        grades=tuple(Term(str(n), label) for n, label in CREDIBILITY_SCALE.items()),
        reliabilities=tuple(Term(g, label) for g, label in RELIABILITY_SCALE.items()),
        verdicts=tuple(Term(*VERDICT_WORDS[v]) for v in get_args(Verdict)),
        amounts=tuple(Term(w, f"at least {a.least:,}: {a.why}") for w, a in VAGUE_AMOUNTS.items()),
    )
