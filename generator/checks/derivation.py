"""Derivation between sources: declared without circles, and borne out by shared text."""

from __future__ import annotations

from ..factsheets.load import FactSheets
from ..problems import Problem
from ..sources.reuse import N_GRAM, Reuse

__all__ = ["derivation_cycles", "unsupported_derivation"]


def derivation_cycles(sheets: FactSheets) -> list[Problem]:
    """Sources that derive from each other in a circle: no lineage has an original."""
    derived = {s.id: [d for d in s.derived_from if d != s.id] for s in sheets.sources}
    by_id = {s.id: s for s in sheets.sources}
    problems = []
    done: set[str] = set()
    for start in derived:
        if start in done:
            continue
        # Depth first, without recursion: the path walked so far, each with what is left to
        # follow from it. A step back onto the path closes a circle.
        path = [start]
        todo = [iter(derived[start])]
        while todo:
            step = next(todo[-1], None)
            if step is None:
                done.add(path.pop())
                todo.pop()
            elif step in path:
                circle = [*path[path.index(step) :], step]
                first = by_id[circle[0]]
                chain = " → ".join(f"'{p}'" for p in circle)
                problems.append(
                    sheets.problem_at(
                        "sources",
                        first,
                        "derived_from",
                        f"derivation goes round in a circle: {chain} (each derives from the "
                        "next); one of them is the original: remove its derived_from entry",
                    )
                )
            elif step in derived and step not in done:
                path.append(step)
                todo.append(iter(derived[step]))
    return problems


# Shares of narration (text outside quotation marks) in runs of N_GRAM words shared with
# another source. Unrelated reports of one event share 0–3% (names, stock phrases); MONDO's
# translation of the Guardian shares 21%.
UNDECLARED_REUSE = 15.0
DECLARED_REUSE = 5.0


def unsupported_derivation(sheets: FactSheets, reuse: Reuse) -> list[Problem]:
    """Shared text that no `derived_from` explains, and declarations the texts don't bear."""
    problems = []
    here = sheets.files["sources"]
    sources = {s.id: s for s in sheets.sources}
    ids = [s for s in sources if s in reuse.words]
    for a in ids:
        for b in ids:
            if a == b:
                continue
            declared = b in sources[a].derived_from or a in sources[b].derived_from
            share = max(reuse.narration[a, b], reuse.narration[b, a])
            if b in sources[a].derived_from and share < DECLARED_REUSE:
                problems.append(
                    Problem(
                        here,
                        sources[a].lines.get("derived_from", sources[a].line),
                        "derived_from",
                        f"'{a}' is declared to derive from '{b}', but they share only "
                        f"{share:.1f}% of their narration in runs of {N_GRAM} words; check the "
                        "declaration (a loose translation may share little wording)",
                        "warning",
                    )
                )
            if a < b and not declared and share >= UNDECLARED_REUSE:
                problems.append(
                    Problem(
                        here,
                        sources[a].line,
                        "derived_from",
                        f"'{a}' and '{b}' share {share:.1f}% of their narration in runs of "
                        f"{N_GRAM} words, but neither declares derived_from the other; add it to "
                        "the one that copies",
                        "warning",
                    )
                )
    return problems
