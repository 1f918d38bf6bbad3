"""Known editorial defects, seeded into copies of a loaded briefing: the mutation harness of
the editorial check (tests/test_editorial_mutations.py).

Each kind of defect finds its sites in a briefing with its own simple reading of the facts
(plain words, not the check's tables, so that the harness does not measure the check by its
own yardstick), and seeds the defect into a copy of the fact sheets, leaving the source
texts as they are. A site is caught when the check raises a warning of the kind's rule
about the mutated record that it did not raise before.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from generator.checks.briefing import Briefing
from generator.factsheets.model import Actor, CasualtyClaim, Citation, Event, Rendering
from generator.text import normalise, split_sentences

# How many sites of each kind to seed in one briefing, spread over its records.
SITES = 5

Apply = Callable[[Briefing], None]


@dataclass(frozen=True)
class Site:
    """One seeded defect: the record it is in, and how to seed it into a copy."""

    record: str
    apply: Apply
    what: str


@dataclass(frozen=True)
class Kind:
    """A kind of editorial defect, the rule expected to find it, and its sites."""

    name: str
    rules: tuple[str, ...]
    sites: Callable[[Briefing], list[Site]]
    # Whether finding it needs the analysis recomputed (lineages, after citations change).
    reanalyse: bool = False


def mutated(briefing: Briefing, site: Site) -> Briefing:
    """A copy of the briefing with the site's defect seeded into its fact sheets."""
    sheets = copy.deepcopy(briefing.sheets)
    copied = dataclasses.replace(briefing, sheets=sheets, info=sheets.info)
    site.apply(copied)
    return copied


# ---------------------------------------------------------------------------------------
# Reading the texts plainly


def _paragraphs(briefing: Briefing) -> Iterator[tuple[str, int, str]]:
    for source, text in briefing.texts.items():
        for paragraph, normalised in zip(text.paragraphs, text.normalised, strict=True):
            yield source, paragraph.number, normalised


def _cited_text(briefing: Briefing, citations: list[Citation]) -> str:
    by_key = {(s, n): t for s, n, t in _paragraphs(briefing)}
    return " ".join(by_key.get((c.source, c.paragraph or 0), c.quote) for c in citations)


def _mentions(text: str, actor: Actor) -> bool:
    folded = text.casefold()
    words = {w for n in actor.names for w in n.split() if len(w) > 3}
    return any(n.casefold() in folded for n in actor.names) or any(
        w.casefold() in folded for w in words
    )


def _event(briefing: Briefing, record_id: str) -> Event:
    return next(e for e in briefing.events if e.id == record_id)


def _claim(briefing: Briefing, record_id: str) -> CasualtyClaim:
    return next(c for c in briefing.claims if c.id == record_id)


def _spread(items: list[Any], n: int = SITES) -> list[Any]:
    """Up to n items, spread over the list rather than its first n."""
    if len(items) <= n:
        return items
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def _sentence_with(text: str, pattern: re.Pattern[str]) -> str | None:
    for start, end in split_sentences(text):
        if pattern.search(text[start:end]):
            return text[start:end]
    return None


# ---------------------------------------------------------------------------------------
# The kinds of defect

_HEDGE_WORDS = re.compile(
    r"\b(appeared to|appears to|what appeared to be|reportedly|purportedly|allegedly|"
    r"unconfirmed|not been independently confirmed|cannot be independently confirmed|"
    r"said to|according to|claim(?:ed|s)?|not clear)\b",
    re.IGNORECASE,
)
# What a summary says to keep the source's distance: the editor dropping it drops them all.
_DISTANCE = re.compile(
    r",?\s*\b(?:(?:what )?appear(?:ed|s)? to(?: be| have)?|reportedly|purportedly|allegedly|"
    r"apparently|unconfirmed|according to(?: [^,.;]+)?|said to|the [^,.;]* say|"
    r"\w+ (?:said|says|say|told|claimed|claims|reported|reports|wrote|writes)(?: that)?|"
    r"(?:said|says|say|told|claim(?:ed|s)?|report(?:ed|s)?|wr(?:ote|ites)|announced|"
    r"accus(?:ed|es)|blam(?:ed|es)|describ(?:ed|es)|stated|insist(?:ed|s)|believed to|"
    r"may have|possibly|probably|seem(?:ed|s)? to)\b|"
    r"\b(?:had|has|have|could|can|cannot) (?:not )?(?:yet )?(?:been |be )?(?:independently )?"
    r"(?:confirmed|verified)\b|\bcould not (?:independently )?(?:confirm|verify)\b|"
    r"\b(?:not clear|unclear)\b)",
    re.IGNORECASE,
)


def _drop_hedge(briefing: Briefing) -> list[Site]:
    """The source hedges; the editor writes the summary and title as flat fact."""
    sites = []
    for event in briefing.events:
        if not event.summary or not _HEDGE_WORDS.search(
            " ".join(
                s for c in event.citations for s in [_sentence_of(briefing, c)] if s is not None
            )
        ):
            continue

        def apply(b: Briefing, rid: str = event.id) -> None:
            e = _event(b, rid)
            e.summary = _DISTANCE.sub("", e.summary)
            e.title = _DISTANCE.sub("", e.title)

        sites.append(Site(event.id, apply, "summary and title without their hedges"))
    # Few facts' sources hedge: every one is a site.
    return sites


def _sentence_of(briefing: Briefing, citation: Citation) -> str | None:
    text = _cited_text(briefing, [citation])
    quote = normalise(citation.quote)
    at = text.find(quote)
    if at < 0:
        return citation.quote
    for start, end in split_sentences(text):
        if start <= at < end:
            return text[start : max(end, at + len(quote))]
    return citation.quote


def _swap_claimant(briefing: Briefing) -> list[Site]:
    """A figure given to an actor its sources do not name."""
    sites = []
    for claim in briefing.claims:
        if claim.claimant is None:
            continue
        text = _cited_text(briefing, list(claim.citations))
        others = [a for a in briefing.actors if a.id != claim.claimant and not _mentions(text, a)]
        if others:
            other = others[len(sites) % len(others)]

            def apply(b: Briefing, rid: str = claim.id, new: str = other.id) -> None:
                _claim(b, rid).claimant = new

            sites.append(Site(claim.id, apply, f"claimant {claim.claimant} -> {other.id}"))
    return _spread(sites)


def _cite_unrelated(briefing: Briefing) -> list[Site]:
    """An event cites a paragraph that mentions none of its places or actors."""
    sites = []
    paragraphs = [p for p in _paragraphs(briefing) if len(p[2]) > 60]
    for event in briefing.events:
        names = [n for p in briefing.places if p.id in event.places for n in p.names]
        names += [n for a in briefing.actors if a.id in event.actors for n in a.names]
        title = {w.casefold() for w in re.findall(r"[A-Za-z]{5,}", event.title)}
        for source, number, text in paragraphs:
            if any(n.casefold() in text.casefold() for n in names):
                continue
            if title & {w.casefold() for w in re.findall(r"[A-Za-z]{5,}", text)}:
                continue
            cited = {(c.source, c.paragraph) for c in event.citations}
            if (source, number) in cited:
                continue
            quote = text[:80].rsplit(" ", 1)[0]

            def apply(
                b: Briefing, rid: str = event.id, s: str = source, n: int = number, q: str = quote
            ) -> None:
                _event(b, rid).citations.append(Citation(source=s, quote=q, paragraph=n))

            sites.append(Site(event.id, apply, f"cites {source} ¶{number}"))
            break
    return _spread(sites)


# Numbers no source of either briefing gives; names no source or fact sheet has.
_NUMBERS = [37, 58, 143, 61, 29, 3_400, 77, 19]
_NAMES = ["Varnholt", "Colonel Arkady Tesmer", "the Ostrava Brigade", "Lake Merrow", "Dunmore"]


def _add_number(field: str) -> Callable[[Briefing], list[Site]]:
    def sites(briefing: Briefing) -> list[Site]:
        found = []
        for i, event in enumerate(briefing.events):
            number = _NUMBERS[i % len(_NUMBERS)]
            words = f"; {number:,} people were hurt" if field == "summary" else f", {number:,} hurt"

            def apply(b: Briefing, rid: str = event.id, w: str = words) -> None:
                e = _event(b, rid)
                setattr(e, field, f"{getattr(e, field).rstrip('.')}{w}")

            found.append(Site(event.id, apply, f"{field} + {words!r}"))
        return _spread(found)

    return sites


def _add_name(briefing: Briefing) -> list[Site]:
    found = []
    for i, event in enumerate(briefing.events):
        name = _NAMES[i % len(_NAMES)]
        words = f". Fighting also reached {name}."

        def apply(b: Briefing, rid: str = event.id, w: str = words) -> None:
            e = _event(b, rid)
            e.summary = f"{e.summary.rstrip('.')}{w}"

        found.append(Site(event.id, apply, f"summary names {name}"))
    return _spread(found)


def _confirm_on_one_weak_source(briefing: Briefing) -> list[Site]:
    """An event marked confirmed on the citations of one source, the worst-graded it cites
    (or any, where sources are not graded)."""
    grades = {s.id: (s.reliability.grade if s.reliability else "C") for s in briefing.sources}
    sites = []
    for event in briefing.events:
        if event.status == "confirmed":
            continue
        worst = max((c.source for c in event.citations), key=lambda s: grades[s])
        confirmer = next(
            (a.id for a in briefing.actors if a.id not in event.claimed_by), briefing.actors[0].id
        )

        def apply(
            b: Briefing, rid: str = event.id, source: str = worst, who: str = confirmer
        ) -> None:
            e = _event(b, rid)
            e.status = "confirmed"
            e.confirmed_by = [who]
            e.claimed_by, e.denied_by = [], []
            e.citations = [c for c in e.citations if c.source == source]

        sites.append(Site(event.id, apply, f"confirmed on {worst} ({grades[worst]}) alone"))
    return _spread(sites)


_SAYS = re.compile(r"\b(said|says|told|according to)\b", re.IGNORECASE)


def _drop_attributed_claimant(briefing: Briefing) -> list[Site]:
    """A figure whose quoted sentence says who gives it, with its claimant removed."""
    sites = []
    for claim in briefing.claims:
        if claim.claimant is None or claim.witness:
            continue
        sentences = [_sentence_of(briefing, c) or "" for c in claim.citations]
        if not any(_SAYS.search(s) for s in sentences):
            continue

        def apply(b: Briefing, rid: str = claim.id) -> None:
            _claim(b, rid).claimant = None

        sites.append(Site(claim.id, apply, "claimant removed"))
    return _spread(sites)


_AT_LEAST = re.compile(r"\b(at least|more than|over|about|around|up to|nearly|almost)\s", re.I)


def _at_least_to_exact(briefing: Briefing) -> list[Site]:
    """A figure the source qualifies ("at least eight") given as exact."""
    sites = []
    for claim in briefing.claims:
        if claim.words or claim.count == "unknown":
            continue
        if not any(_AT_LEAST.search(c.quote) for c in claim.citations):
            continue
        low = claim.count if isinstance(claim.count, int) else claim.count.min

        def apply(b: Briefing, rid: str = claim.id, n: int | None = low) -> None:
            c = _claim(b, rid)
            c.count = n if n is not None else 1
            c.qualifier = "exactly"
            for r in c.citations:
                if isinstance(r, Rendering):
                    r.qualifier = None

        sites.append(Site(claim.id, apply, f"qualifier {claim.qualifier} -> exactly"))
    return _spread(sites)


_DENIAL = re.compile(r"\b(denied|denies|rejected|dismissed|blamed)\b", re.IGNORECASE)


def _cite_denial(briefing: Briefing) -> list[Site]:
    """A sentence reporting a denial, cited as support of an event no one denies."""
    denials = []
    for source, number, text in _paragraphs(briefing):
        sentence = _sentence_with(text, _DENIAL)
        if sentence:
            denials.append((source, number, sentence[:150].rsplit(" ", 1)[0]))
    sites = []
    for i, event in enumerate(briefing.events):
        if event.denied_by or event.status in ("denied", "disputed") or not denials:
            continue
        if _DENIAL.search(event.summary) or "deni" in event.summary.lower():
            continue
        source, number, quote = denials[i % len(denials)]

        def apply(
            b: Briefing, rid: str = event.id, s: str = source, n: int = number, q: str = quote
        ) -> None:
            _event(b, rid).citations.append(Citation(source=s, quote=q, paragraph=n))

        sites.append(Site(event.id, apply, f"cites the denial in {source} ¶{number}"))
    return _spread(sites)


def _add_unnamed(role: str) -> Callable[[Briefing], list[Site]]:
    """An event gains a confirmer (or denier) whom none of its cited paragraphs names."""

    def sites(briefing: Briefing) -> list[Site]:
        found = []
        for event in briefing.events:
            text = _cited_text(briefing, list(event.citations))
            listed = {*event.claimed_by, *event.confirmed_by, *event.denied_by}
            others = [a for a in briefing.actors if a.id not in listed and not _mentions(text, a)]
            if not others:
                continue
            other = others[len(found) % len(others)]

            def apply(b: Briefing, rid: str = event.id, who: str = other.id) -> None:
                e = _event(b, rid)
                getattr(e, role).append(who)
                if role == "denied_by" and e.status in ("reported", "confirmed"):
                    e.status = "denied" if e.status == "reported" else "disputed"
                    if e.status == "disputed" and not e.claimed_by:
                        e.status = "denied"

            found.append(Site(event.id, apply, f"{role} + {other.id}"))
        return _spread(found)

    return sites


def _swap_speaker(briefing: Briefing) -> list[Site]:
    """A statement given to a speaker its sources do not name."""
    sites = []
    for statement in briefing.statements:
        text = _cited_text(briefing, list(statement.citations))
        others = [
            a for a in briefing.actors if a.id != statement.speaker and not _mentions(text, a)
        ]
        if not others:
            continue
        other = others[len(sites) % len(others)]

        def apply(b: Briefing, rid: str = statement.id, who: str = other.id) -> None:
            next(s for s in b.statements if s.id == rid).speaker = who

        sites.append(Site(statement.id, apply, f"speaker -> {other.id}"))
    return _spread(sites)


KINDS: tuple[Kind, ...] = (
    Kind("drop a hedge", ("dropped-hedge",), _drop_hedge),
    Kind("swap a claimant", ("unnamed-actor",), _swap_claimant),
    Kind("swap a speaker", ("unnamed-actor",), _swap_speaker),
    Kind("cite an unrelated paragraph", ("unrelated-citation",), _cite_unrelated),
    Kind("add a number to a summary", ("unheld-number",), _add_number("summary")),
    Kind("add a number to a title", ("unheld-number",), _add_number("title")),
    Kind("add a name to a summary", ("unheld-name",), _add_name),
    Kind(
        "confirm on one weak source",
        ("weak-confirmation",),
        _confirm_on_one_weak_source,
        reanalyse=True,
    ),
    Kind("remove a claimant the quote names", ("unattributed-figure",), _drop_attributed_claimant),
    Kind("turn 'at least' into an exact figure", ("dropped-qualifier",), _at_least_to_exact),
    Kind("cite a denial as support", ("denial-as-support",), _cite_denial),
    Kind("add a confirmer no paragraph names", ("unnamed-actor",), _add_unnamed("confirmed_by")),
    Kind("add a denier no paragraph names", ("unnamed-actor",), _add_unnamed("denied_by")),
)
