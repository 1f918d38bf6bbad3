"""A briefing of many sources: the benchmark's made-up briefing passes the checks, and its
pages list for each fact, figure and name only the sources that carry it, instead of a
column per source (which grows with facts times sources)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from generator.analysis.build import analyse
from generator.checks.briefing import Briefing
from generator.pipeline import load_briefings
from generator.problems import has_errors
from generator.render.site import render_briefing
from generator.render.views import sources
from generator.render.views.base import WIDE, Book
from generator.render.views.compare import compare_view
from generator.render.views.entities import actor_view
from generator.render.views.sources import MISSING_SHOWN

ROOT = Path(__file__).resolve().parent.parent


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "big_briefing", ROOT / "benchmarks" / "big_briefing.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["big_briefing"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def wide(tmp_path_factory: pytest.TempPathFactory) -> Briefing:
    project = tmp_path_factory.mktemp("wide")
    _generator().make_big_briefing(project, sources=20, events=120, claims=120)
    briefings, problems = load_briefings(project, project / "briefings", project / "seeds")
    assert not has_errors(problems), [str(p) for p in problems if p.severity == "error"]
    [briefing] = briefings
    assert len(briefing.sources) > WIDE
    return briefing


def test_the_made_up_briefing_is_what_it_says(wide: Briefing) -> None:
    assert (len(wide.events), len(wide.claims)) == (120, 120)
    assert any(s.derived_from for s in wide.sources)
    assert {s.language for s in wide.sources} >= {"en"}
    assert all(r.citations for r in wide.events) and all(r.citations for r in wide.claims)


def test_each_fact_lists_the_paragraphs_of_the_sources_carrying_it(wide: Briefing) -> None:
    book = Book(wide, analyse(wide))
    view = compare_view(book)
    assert view.wide and view.reuse == () and view.names == ()
    order = [s.id for s in wide.sources]
    for row, fact in zip(view.facts, book.analysis.graded_facts(), strict=True):
        assert row.cells == ()
        expected = [
            f"{book.source_label(s)} ¶{n}"
            for s in sorted(fact.carriers, key=order.index)
            for n in fact.carriers[s]
        ]
        assert [t.text.removesuffix(" (hidden)") for t in row.carried] == expected
    for figures, group in zip(view.figures, book.analysis.claim_groups, strict=True):
        carrying = {c.source for claim in group.claims for c in claim.citations}
        assert {t.text.split(":")[0] for t in figures.carried} == {
            book.source_label(s) for s in carrying
        }
    # Each source is listed with the sources it shares wording with, not all the others.
    assert len(view.shares) == len(wide.sources)
    assert sum(len(shared) for _, shared in view.shares) < len(wide.sources) ** 2 / 2


def test_long_lists_of_what_a_source_leaves_out_are_counted(
    wide: Briefing, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = 3  # (the pages show MISSING_SHOWN; this briefing is small)
    monkeypatch.setattr(sources, "MISSING_SHOWN", shown)
    book = Book(wide, analyse(wide))
    source = max(wide.sources, key=lambda s: len(book.analysis.sources[s.id].missing))
    missing = len(book.analysis.sources[source.id].missing)
    assert missing > shown
    view = sources.source_view(book, source)
    assert (len(view.missing), view.missing_count) == (shown, missing)
    page = render_briefing(wide)[f"{wide.slug}/sources/{source.id}.md"]
    assert f"… and {missing - shown} more (every fact's sources" in page
    assert MISSING_SHOWN > 10


def test_an_actor_page_lists_only_the_sources_naming_it(wide: Briefing) -> None:
    book = Book(wide, analyse(wide))
    actor = next(a for a in wide.actors if book.analysis.actors[a.id].names_used)
    view = actor_view(book, actor)
    naming = set(book.analysis.actors[actor.id].names_used)
    assert {t.text for t, _ in view.names} == {book.source_label(s) for s in naming}
    assert view.names_omitted == len(wide.sources) - len(view.names)
