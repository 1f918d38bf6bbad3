"""The editorial check's tables: each rule it applies, with what it finds and how to fix it,
and the words it reads in the sources (hedges, attributions, denials, qualifiers).

The rules are those of a fact-checker reading a fact beside its sources: a source that
hedges ("what appeared to be drones") where the summary states it flat, a name or number the
summary gives that no cited paragraph holds, a confirmer no cited paragraph names. Each is a
warning, because the editor may know better: one waiver (`check` and `record` in
`waivers.yaml`, with the reason) silences one rule for one record.
"""

from __future__ import annotations

import re
from typing import get_args

from ..factsheets.vocabulary import EditorialRule

__all__ = [
    "ATTRIBUTING",
    "DENYING",
    "HEDGES",
    "KEEPS_HEDGE",
    "QUALIFYING",
    "RULES",
    "SAYS",
    "STALE_WAIVER",
    "WEAK_GRADES",
    "WEAK_HEDGES",
    "word_pattern",
]

# Each rule a waiver may silence: what it finds, and how to fix what it finds.
RULES: dict[str, tuple[str, str]] = {
    "dropped-hedge": (
        "the cited text hedges what the summary or title states as fact",
        "keep the hedge or say who says it (\u201cappeared to\u201d, \u201cX said\u201d)",
    ),
    "dropped-qualifier": (
        "the quote qualifies the figure (\u201cat least\u201d, \u201cabout\u201d) and the "
        "claim gives it as exact",
        "set `qualifier` to the source's word, or `qualifier` on the rendering",
    ),
    "unheld-number": (
        "a number in the summary or title that no cited paragraph gives",
        "cite the paragraph that gives it, or take the number out",
    ),
    "unheld-name": (
        "a name in the summary or title that is no listed actor's or place's and that no "
        "cited paragraph holds",
        "cite the paragraph that names it, list it as an actor or place, or take it out",
    ),
    "unnamed-actor": (
        "a claimant, confirmer, denier or speaker whom no cited paragraph names by any of "
        "their names",
        "cite the paragraph that names them, add the name the source uses to their aliases "
        "(or the office it names them by to their titles), or remove them from the record",
    ),
    "unrelated-citation": (
        "a citation whose paragraph names none of the record's places or actors and has none "
        "of its title's words",
        "cite the paragraph that reports this fact, or remove the citation",
    ),
    "weak-confirmation": (
        "'confirmed' resting only on sources graded E or F, or on one lineage",
        "cite a second, independent or better-graded source, or set the status to what the "
        "sources support (reported, claimed)",
    ),
    "unattributed-figure": (
        "a figure with no claimant whose quoted sentence attributes it to someone",
        "set `claimant` to who gives the figure (add them to actors.yaml if need be)",
    ),
    "denial-as-support": (
        "a quote that reports a denial or a rival version, cited as support of a fact no "
        "one is listed as denying",
        "list the denier in `denied_by` (status disputed or denied), or cite the passage "
        "that supports the fact",
    ),
}
assert set(RULES) == set(get_args(EditorialRule)), "a rule without its words, or words of none"
# Not silenced for one record: a waiver that matches nothing is removed, not waived.
STALE_WAIVER = "stale-waiver"


def word_pattern(words: str) -> re.Pattern[str]:
    """A pattern matching any of the `|`-separated phrases as whole words, case aside."""
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)


# Words with which a source says it does not vouch for what it reports.
HEDGES = word_pattern(
    r"(?:what )?appear(?:s|ed)? to(?: be| have)?|apparent(?:ly)?|seem(?:s|ed|ingly)?(?: to)?"
    r"|reportedly|purported(?:ly)?|alleged(?:ly)?|unconfirmed|unverified|unclear"
    r"|(?:has|have|had|could) not (?:yet )?been (?:independently )?(?:confirmed|verified)"
    r"|could not (?:independently )?(?:confirm|verify)|not (?:yet )?(?:be )?"
    r"(?:independently )?(?:confirmed|verified)|(?:is|was|are|were) said to"
    r"|(?:it is|it was|it's) not (?:yet )?clear"
)
# Weaker hedges: they hedge the words they stand among, but often concern something else in
# the same sentence ("Although partisans have claimed attacks before, these are ...").
WEAK_HEDGES = word_pattern(
    r"according to|claim(?:s|ed)?|(?:believed|thought|understood|suspected) to|may have"
    r"|might have|possibly|probably"
)
# Words that attribute what follows to someone: a summary with one of these, or a hedge,
# keeps the source's distance from what it reports.
ATTRIBUTING = word_pattern(
    r"said|says?|saying|told|tells?|according to|claim(?:s|ed|ing)?|report(?:s|ed|edly)?"
    r"|stat(?:es|ed)|announc(?:es|ed)|wr(?:ote|ites)|accus(?:es|ed)|blam(?:es|ed)"
    r"|insist(?:s|ed)|assert(?:s|ed)|maintain(?:s|ed)|describ(?:es|ed)|posted"
)
KEEPS_HEDGE = re.compile(
    rf"{HEDGES.pattern}|{WEAK_HEDGES.pattern}|{ATTRIBUTING.pattern}", re.IGNORECASE
)
# Words with which a quoted sentence gives a figure to someone: "eight were wounded, the
# governor said".
SAYS = word_pattern(r"said|says?|told|according to|claim(?:s|ed)?|stated|announced|quoted")
# The source grades (Admiralty scale) on which nothing is 'confirmed' alone.
WEAK_GRADES = frozenset({"E", "F"})
# Words that report a denial or a rival account of what happened.
DENYING = word_pattern(
    r"den(?:y|ies|ied|ying|ial)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?"
    r"|blam(?:e|es|ed|ing)|rival|refut(?:e|es|ed|ing)|disput(?:e|es|ed|ing)"
    r"|(?:is|was|were|are) (?:not true|false|fake)|fabricat(?:ed|ion)|provocation"
)
# Words that make a figure other than exact: "at least 2", "about 40", "more than 1,000".
QUALIFYING = word_pattern(
    r"at least|no fewer than|not fewer than|no less than|more than|over|above|in excess of"
    r"|at most|no more than|up to|as many as|fewer than|less than|under|about|around"
    r"|approximately|roughly|some|nearly|almost|an estimated|estimated|or more|or so"
)
