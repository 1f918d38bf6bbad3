"""The editorial check measured: known defects seeded into copies of the shipped briefing and
the fixture briefing (tests/editorial_mutators.py), and the share of them the check finds,
by kind. Run with `-s` to see the table."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, SHIPPED
from editorial_mutators import KINDS, Kind, Site, mutated

from generator.analysis.build import analyse
from generator.analysis.model import Analysis
from generator.checks.briefing import Briefing
from generator.checks.editorial import editorial_findings
from generator.pipeline import load_briefing

BRIEFINGS = {
    SHIPPED: (ROOT / "briefings" / SHIPPED, ROOT / "seeds"),
    "brenmark-2023-10": (
        ROOT / "tests/fixtures/brenmark/briefings/brenmark-2023-10",
        ROOT / "tests/fixtures/brenmark/seeds",
    ),
}
OVERALL = 0.90
EACH_KIND = 0.70

Keys = set[tuple[str, str, str, str]]


def _keys(briefing: Briefing, analysis: Analysis) -> Keys:
    return {(f.rule, f.fact.id, f.field, f.message) for f in editorial_findings(briefing, analysis)}


@pytest.fixture(scope="module")
def loaded() -> dict[str, tuple[Briefing, Analysis, Keys]]:
    found = {}
    for name, (folder, seeds) in BRIEFINGS.items():
        briefing, problems = load_briefing(folder, seeds, ROOT)
        assert briefing is not None, problems
        analysis = analyse(briefing)
        found[name] = (briefing, analysis, _keys(briefing, analysis))
    return found


def _caught(kind: Kind, site: Site, briefing: Briefing, analysis: Analysis, before: Keys) -> bool:
    copy = mutated(briefing, site)
    after = _keys(copy, analyse(copy) if kind.reanalyse else analysis)
    return any(
        rule in kind.rules and record == site.record for rule, record, _, _ in after - before
    )


def _results(
    loaded: dict[str, tuple[Briefing, Analysis, Keys]],
) -> Iterator[tuple[Kind, str, Site, bool]]:
    for kind in KINDS:
        for name, (briefing, analysis, before) in loaded.items():
            for site in kind.sites(briefing):
                yield kind, name, site, _caught(kind, site, briefing, analysis, before)


def test_the_editorial_check_finds_the_seeded_defects(loaded, capsys):
    results = list(_results(loaded))
    by_kind: dict[str, list[bool]] = {}
    by_briefing: dict[tuple[str, str], list[bool]] = {}
    for kind, name, _, caught in results:
        by_kind.setdefault(kind.name, []).append(caught)
        by_briefing.setdefault((kind.name, name), []).append(caught)
    missed = [f"  missed: {k.name}: {n}: {s.record}: {s.what}" for k, n, s, c in results if not c]
    lines = [f"{'kind of defect':<40} {'sites':>5} {'caught':>6} {'recall':>7}"]
    for kind in KINDS:
        hits = by_kind.get(kind.name, [])
        per = ", ".join(
            f"{name}: {sum(by_briefing.get((kind.name, name), []))}/"
            f"{len(by_briefing.get((kind.name, name), []))}"
            for name in BRIEFINGS
        )
        lines.append(
            f"{kind.name:<40} {len(hits):>5} {sum(hits):>6} {_recall(hits):>6.0%}  ({per})"
        )
    everything = [c for _, _, _, c in results]
    lines.append(
        f"{'overall':<40} {len(everything):>5} {sum(everything):>6} {_recall(everything):>6.0%}"
    )
    with capsys.disabled():
        print("\n" + "\n".join(lines + missed))
    assert len(KINDS) >= 12
    # Several sites of every kind, in both briefings together.
    assert all(len(by_kind.get(k.name, [])) >= 3 for k in KINDS), by_kind
    assert _recall(everything) >= OVERALL, "\n".join(lines + missed)
    assert all(_recall(hits) >= EACH_KIND for hits in by_kind.values()), "\n".join(lines + missed)


def _recall(hits: list[bool]) -> float:
    return sum(hits) / len(hits) if hits else 0.0


def test_a_mutant_leaves_the_loaded_briefing_as_it_was(loaded):
    briefing, analysis, before = loaded[SHIPPED]
    kind = KINDS[0]
    site = kind.sites(briefing)[0]
    mutated(briefing, site)
    assert _keys(briefing, analysis) == before


def test_the_check_runs_on_the_shipped_and_fixture_briefings_and_reports_with_lines(loaded):
    """The warnings themselves are the editors' to fix or waive (see the editors' guide);
    here, that each names a rule, a field and a line inside its file."""
    for briefing, analysis, _ in loaded.values():
        for finding in editorial_findings(briefing, analysis):
            path = Path(ROOT / briefing.sheets.files[finding.fact.sheet])
            if not path.exists():  # the fixture's files are named from its own root
                path = Path(
                    briefing.sheets.folder / Path(briefing.sheets.files[finding.fact.sheet]).name
                )
            assert 1 <= finding.line <= len(path.read_text(encoding="utf-8").splitlines())
            assert finding.message and finding.field
