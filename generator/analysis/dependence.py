"""Dependence per fact: two sources that are independent overall can still share one
account of a fact, when one copied the narration around it from the other.

Lineages (`corroboration.lineages`) join sources that declare they derive from one another.
For a single fact, two sources of different lineages are joined too when the paragraphs
they are cited from share a long run of words that is not only quotation: the Guardian and
another outlet that both write "Andriy Yusov, a spokesperson for Ukraine's military
intelligence, told ..." around the same quote repeat one report of it, not two. The run is
measured by the text reuse the checks already compute (`sources.reuse`). An editor who
knows better rules the two independent for that fact, with a reason (`independent`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..factsheets.model import Independence
from ..sources.reuse import N_GRAM, Reuse, SharedPassage
from .corroboration import Lineage

__all__ = ["SHARED_RUN", "SharedNarration", "fact_lineages"]

# A shared run that joins two sources for a fact: twice the n-gram (a run of one n-gram is
# often a stock phrase), with at least an n-gram's worth of words outside quotation marks
# (two reports of one statement share its quoted words; only copying shares the narration).
SHARED_RUN = 2 * N_GRAM


@dataclass(frozen=True)
class SharedNarration:
    """A run of words that two sources carrying a fact share in the paragraphs cited for
    it, and whether an editor overruled it."""

    passage: SharedPassage
    # The editor's reason for counting the two as independent all the same; None: joined.
    overruled: str | None = None


def _shared(
    a: str, b: str, carriers: Mapping[str, Sequence[int]], reuse: Reuse
) -> SharedPassage | None:
    """The longest run a and b share in the paragraphs cited for the fact, if it is long
    enough and carries narration."""
    return next(
        (
            passage
            for passage in reuse.passages.get((a, b), [])
            if passage.words >= SHARED_RUN
            and passage.shares_narration
            and passage.paragraph_a in carriers[a]
            and passage.paragraph_b in carriers[b]
        ),
        None,
    )


def fact_lineages(
    order: Sequence[str],
    lineage_of: Mapping[str, str],
    carriers: Mapping[str, Sequence[int]],
    reuse: Reuse,
    independent: Sequence[Independence] = (),
) -> tuple[tuple[Lineage, ...], tuple[SharedNarration, ...]]:
    """The lineages carrying one fact (each a tuple of source ids, in `order`), with sources
    of different lineages joined where they share narration around the fact, and every
    such shared run found (overruled ones included, with the editor's reason).

    `carriers` maps each source carrying the fact to the paragraphs it is cited from."""
    carrying = [s for s in order if s in carriers]
    # Each source starts in its declared lineage, named by its first carrier of the fact.
    first: dict[str, str] = {}
    for source in carrying:
        first.setdefault(lineage_of[source], source)
    parent = {s: first[lineage_of[s]] for s in carrying}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    ruled = {frozenset(i.sources): i.reason for i in independent}
    found = []
    for i, a in enumerate(carrying):
        for b in carrying[i + 1 :]:
            if lineage_of[a] == lineage_of[b]:
                continue
            shared = _shared(a, b, carriers, reuse) or _shared(b, a, carriers, reuse)
            if shared is None:
                continue
            reason = ruled.get(frozenset((a, b)))
            found.append(SharedNarration(shared, reason))
            if reason is None and root(a) != root(b):
                parent[root(b)] = root(a)
    lineages: dict[str, list[str]] = {}
    for source in carrying:
        lineages.setdefault(root(source), []).append(source)
    return tuple(tuple(members) for members in lineages.values()), tuple(found)
