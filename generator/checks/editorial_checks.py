"""The editorial check's rules, one function each: what a fact-checker finds reading a fact
beside the paragraphs it cites (`editorial_rules.RULES` says what each finds and how to fix
it). Each takes a fact and its cited paragraphs and returns the warnings it finds."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import get_args

from ..factsheets.model import CasualtyClaim, Rendering, Source
from ..factsheets.vocabulary import QUALIFIER_MEANINGS, Qualifier
from ..text import NUMBER_WORDS, normalise, quoted_numbers
from .editorial_facts import Fact, Finding
from .editorial_rules import (
    DENYING,
    HEDGES,
    KEEPS_HEDGE,
    QUALIFYING,
    SAYS,
    WEAK_GRADES,
    WEAK_HEDGES,
)
from .editorial_text import Cited, Reader, content_words, numbers_in, words_of
from .summary import LOSS_WORDS

__all__ = ["TEXT_RULES", "weak_confirmation"]

Rule = Callable[[Fact, Sequence[Cited], Reader], list[Finding]]
# Statuses that present a fact as happening, which a denial cited beside cannot support.
_AFFIRMING = {"reported", "claimed", "confirmed"}
# Whose words a source may carry on into the next paragraph without naming them again.
_SPEAKERS = {"claimant", "speaker"}
# What a quote can hold of a figure's qualifier, just before its number.
_QUALIFIED = re.compile(rf"(?:{QUALIFYING.pattern})\s+(?:of\s+)?(?=\w)", re.IGNORECASE)


def _quoted(found: Sequence[str]) -> str:
    return ", ".join(f"“{w}”" for w in dict.fromkeys(found))


def _where(cited: Cited) -> str:
    number = cited.citation.paragraph
    return f"{cited.citation.source} ¶{number}" if number else cited.citation.source


def dropped_hedge(fact: Fact, cited: Sequence[Cited], reader: Reader) -> list[Finding]:
    """A hedge in a cited sentence where the fact's words keep no hedge or attribution."""
    if fact.sheet != "events" or not fact.words:
        return []
    if any(KEEPS_HEDGE.search(text) for text in fact.words.values()):
        return []
    # A hedge anywhere in the quote's sentence, or a weaker one ("claimed", "according to")
    # in the quote itself: beside it, that word is often about something else.
    hedged = [(c, m.group(0)) for c in cited for m in HEDGES.finditer(c.sentences)]
    hedged += [(c, m.group(0)) for c in cited for m in WEAK_HEDGES.finditer(c.citation.quote)]
    if not hedged:
        return []
    where = ", ".join(dict.fromkeys(_where(c) for c, _ in hedged))
    message = (
        f"the cited text hedges ({_quoted([w for _, w in hedged])} in {where}) but the "
        f"{' and '.join(fact.words)} state{'s' * (len(fact.words) == 1)} it as fact; keep the "
        "hedge or say who says it"
    )
    return [Finding("dropped-hedge", fact, "summary", message)]


def unheld_numbers(fact: Fact, cited: Sequence[Cited], reader: Reader) -> list[Finding]:
    """A number in the title or summary that no cited paragraph gives."""
    held = {n for c in cited for n in quoted_numbers(c.paragraph)}
    findings = []
    for name, text in fact.words.items():
        if unheld := sorted(numbers_in(text) - held):
            message = (
                f"gives {_quoted([f'{n:,}' for n in unheld])}, which no cited paragraph "
                "gives; cite the paragraph that gives it, or take the number out"
            )
            findings.append(Finding("unheld-number", fact, name, message))
    return findings


def unheld_names(fact: Fact, cited: Sequence[Cited], reader: Reader) -> list[Finding]:
    """A proper name in the title or summary that is no actor's or place's, and that no
    cited paragraph (or a source's name) holds."""
    held = {w for c in cited for w in words_of(c.paragraph)} | reader.source_words
    findings = []
    for name, text in fact.words.items():
        unheld = [n for n in reader.proper_names(text) if not set(n.split()) <= held]
        if unheld:
            message = (
                f"names {_quoted(unheld)}, which no cited paragraph names and which is no "
                "listed actor's or place's name; cite the paragraph that names it, add it to "
                "an actor's or place's aliases, or take it out"
            )
            findings.append(Finding("unheld-name", fact, name, message))
    return findings


def unnamed_actors(fact: Fact, cited: Sequence[Cited], reader: Reader) -> list[Finding]:
    """A claimant, confirmer, denier or speaker whom no cited paragraph names."""
    findings = []
    for role, ids in fact.roles.items():
        for actor_id in ids:
            actor = reader.actors.get(actor_id)
            # A source names a speaker, then goes on in the next paragraph ("He added").
            carried = role in _SPEAKERS
            texts = [f"{c.before} {c.paragraph}" if carried else c.paragraph for c in cited]
            if actor is None or any(reader.named(text, actor) for text in texts):
                continue
            message = (
                f"lists {actor.name!r} ({actor_id}), whom no cited paragraph"
                f"{' (or the one before it)' * carried} names by any of "
                f"their names ({_quoted(actor.names)}); cite the paragraph that names them, add "
                "the source's name for them to their aliases (an office it names them by, such "
                "as 'the governor of the region', to their titles), or remove them"
            )
            findings.append(Finding("unnamed-actor", fact, role, message))
    return findings


def unrelated_citations(fact: Fact, cited: Sequence[Cited], reader: Reader) -> list[Finding]:
    """A citation whose paragraph names none of the fact's places or actors and shares no
    word with its title (for a figure: its loss)."""
    entities = [reader.places.get(p) for p in fact.places] + [
        reader.actors.get(a) for a in fact.actors
    ]
    topic = content_words(fact.topic)
    loss = LOSS_WORDS.get(fact.record.category) if fact.sheet == "claims" else None
    findings = []
    for i, c in enumerate(cited):
        if any(e is not None and reader.named(c.paragraph, e) for e in entities):
            continue
        if topic & content_words(c.paragraph):
            continue
        if loss and re.search(rf"\b(?:{loss})\b", c.paragraph, re.IGNORECASE):
            continue
        message = (
            f"cites {_where(c)}, a paragraph that names none of the record's places or actors "
            "and has none of its title's words; cite the paragraph that reports this fact, or "
            "remove the citation"
        )
        findings.append(Finding("unrelated-citation", fact, f"citations[{i}]", message))
    return findings


def unattributed_figure(fact: Fact, cited: Sequence[Cited], reader: Reader) -> list[Finding]:
    """A figure with no claimant whose quoted sentence says who gives it."""
    claim = fact.record
    if not isinstance(claim, CasualtyClaim) or claim.claimant or claim.witness:
        return []
    said = [
        (c, m.group(0))
        for c in cited
        if c.citation.supports
        for m in [SAYS.search(c.sentences)]
        if m
    ]
    if not said:
        return []
    message = (
        f"has no claimant, but the quoted sentence attributes it "
        f"({_quoted([w for _, w in said])} in {', '.join(_where(c) for c, _ in said)}); set "
        "`claimant` to who gives the figure, or `witness` if the outlet counted for itself"
    )
    return [Finding("unattributed-figure", fact, "claimant", message)]


def dropped_qualifier(fact: Fact, cited: Sequence[Cited], reader: Reader) -> list[Finding]:
    """An exact figure whose quote qualifies it ("at least eight")."""
    claim = fact.record
    if not isinstance(claim, CasualtyClaim) or claim.qualifier != "exactly" or claim.words:
        return []
    if not isinstance(claim.count, int):
        return []
    findings = []
    for i, c in enumerate(cited):
        citation = c.citation
        if not isinstance(citation, Rendering) or citation.erratum:
            continue
        if citation.qualifier not in (None, "exactly"):
            continue
        before = _before_figure(c, claim.count, citation.says)
        if before is not None and (match := _QUALIFIED.search(before)):
            message = (
                f"gives {claim.count:,} exactly, but {_where(c)} says “{match.group(0).strip()} "
                f"…”; set `qualifier: {_qualifier(match.group(0))}` (on the rendering if other "
                "sources give the figure exactly)"
            )
            findings.append(Finding("dropped-qualifier", fact, f"citations[{i}]", message))
    return findings


def _before_figure(cited: Cited, count: int, says: str | None) -> str | None:
    """The paragraph's text from just before the figure's number in the quote to its end
    (a rendering's `says` may hold the qualifier: "at least eight"), if found."""
    paragraph = cited.paragraph
    quote = normalise(cited.citation.quote)
    at = paragraph.find(quote)
    if at < 0:
        paragraph, at = quote, 0
    words = [normalise(says)] if says else []
    words += [f"{count:,}", str(count), *(w for w, n in NUMBER_WORDS.items() if n == count)]
    for word in words:
        found = re.search(rf"(?<![\w,]){re.escape(word)}(?![\w])", quote, re.IGNORECASE)
        if found:
            return paragraph[max(0, at + found.start() - 25) : at + found.end()]
    return None


def _qualifier(words: str) -> str:
    """The qualifier a source's words mean: "no more than" is "at most", "an estimated" is
    "about"."""
    said = " ".join(words.lower().split())
    meant = QUALIFIER_MEANINGS.get(said, said)
    return meant if meant in get_args(Qualifier) else "about"


def denial_as_support(fact: Fact, cited: Sequence[Cited], reader: Reader) -> list[Finding]:
    """A quote reporting a denial or rival version cited for a fact nobody is listed as
    denying, whose own words say nothing of a denial; not where the event's rival versions
    are recorded, which is what such a sentence reports."""
    if fact.sheet != "events" or fact.status not in _AFFIRMING or fact.roles.get("denied_by"):
        return []
    if fact.rivals:
        return []
    if any(DENYING.search(text) for text in fact.words.values()):
        return []
    findings = []
    for i, c in enumerate(cited):
        if match := DENYING.search(c.sentences):
            message = (
                f"cites {_where(c)} as support, but its sentence reports a denial or a rival "
                f"version (“{match.group(0)}”); list the denier in `denied_by`, say it in the "
                "summary, or cite the passage that supports the fact"
            )
            findings.append(Finding("denial-as-support", fact, f"citations[{i}]", message))
    return findings


def weak_confirmation(
    fact: Fact, sources: Mapping[str, Source], lineages: int | None
) -> list[Finding]:
    """'confirmed' on sources all graded E or F, or on one lineage."""
    if fact.status != "confirmed":
        return []
    cited = list(dict.fromkeys(c.source for c in fact.citations))
    grades = [(s, sources[s].reliability) for s in cited if s in sources]
    if grades and all(g is not None and g.grade in WEAK_GRADES for _, g in grades):
        why = "rests only on sources graded E or F (" + ", ".join(
            f"{s}: {g.grade}" for s, g in grades if g is not None
        )
        why += ")"
    elif lineages is not None and lineages <= 1:
        why = f"rests on one lineage ({', '.join(cited)})"
    else:
        return []
    message = (
        f"is 'confirmed' but {why}; cite a second, independent or better-graded source, or "
        "set the status to what the sources support (reported, claimed)"
    )
    return [Finding("weak-confirmation", fact, "status", message)]


# The rules that read a fact's cited text, in the order their warnings are listed.
TEXT_RULES: tuple[Rule, ...] = (
    dropped_hedge,
    dropped_qualifier,
    unheld_numbers,
    unheld_names,
    unnamed_actors,
    unrelated_citations,
    unattributed_figure,
    denial_as_support,
)
