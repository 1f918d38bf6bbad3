"""The "at a glance" box (render/views/glance.py), computed from the facts: the main event
by its rule, responsibility as the assertion records it (one version when that is all), every
figure of the main event with its claimant and as-of and no other, what is disputed, and the
latest change and correction of the log."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, SHIPPED
from test_second_story import FIXTURE
from test_second_story import SLUG as FICTION

from generator.analysis.build import analyse
from generator.checks.briefing import Briefing
from generator.history.changes import Changes, FactChange
from generator.history.entries import Entry, History
from generator.pipeline import load_briefings
from generator.render.site import briefing_glance, render_site
from generator.render.values import ClaimFigure
from generator.render.views.base import Book
from generator.render.views.glance import Glance, main_event


def _briefing(root: Path, slug: str) -> Briefing:
    briefings, _ = load_briefings(root, root / "briefings", root / "seeds", [slug])
    return briefings[0]


@pytest.fixture(scope="module")
def shipped() -> Briefing:
    return _briefing(ROOT, SHIPPED)


@pytest.fixture(scope="module")
def fiction() -> Briefing:
    return _briefing(FIXTURE, FICTION)


def _figures(glance: Glance) -> list[ClaimFigure]:
    return [f for loss in glance.losses for f in loss.figures]


def test_the_main_event_is_the_one_in_the_period_most_figures_and_statements_are_about(
    shipped, fiction
):
    assert main_event(Book(shipped, analyse(shipped))).id == "raid-begins"
    assert main_event(Book(fiction, analyse(fiction))).id == "brenmark-shelling"


@pytest.mark.parametrize("which", ["shipped", "fiction"])
def test_every_figure_of_the_main_event_is_in_the_box_with_its_claimant_and_as_of(which, request):
    briefing = request.getfixturevalue(which)
    glance = briefing_glance(briefing)
    assert glance.event is not None
    main = glance.event.anchor
    claims = {c.id: c for c in briefing.claims}
    shown = {f.entry.anchor: f for f in _figures(glance)}
    assert set(shown) == {c.id for c in claims.values() if c.incident == main}
    for claim_id, figure in shown.items():
        claim, said = claims[claim_id], figure.said
        if claim.claimant is None:
            # The outlet's own figure says so: never a bare number.
            assert figure.claimant is None
            assert said.according_to.startswith("the outlet's own count (")
        else:
            assert figure.claimant is not None
            name = next(a.name for a in briefing.actors if a.id == claim.claimant)
            assert said.according_to == f"according to {name}"
        assert said.as_of and f", as of {said.as_of}" in said.sentence


def test_the_shipped_box_says_what_its_facts_say_and_no_more(shipped):
    glance = briefing_glance(shipped)
    assert glance.standing is not None
    assert glance.standing.status.text == "Status: confirmed"
    assert glance.standing.status.anchor == "status"
    assert glance.standing.grade.anchor == "credibility"
    who = glance.responsibility
    assert who is not None
    # Who did it is contested: the groups' own version, and the governor's and Russia's,
    # each with its holders, confirmers and deniers and its own grade.
    assert who.contested and not who.one_version
    assert who.status.text == "Status: contested"
    groups, moscow = who.versions
    assert [t.text for t in groups.claimed_by] == [
        "Freedom of Russia Legion",
        "Russian Volunteer Corps",
    ]
    assert [t.text for t in groups.confirmed_by] == [
        "Ukrainian military intelligence",
        "Ukrainian government",
    ]
    assert [t.text for t in moscow.claimed_by] == ["Vyacheslav Gladkov", "Russia"]
    assert [t.text for t in moscow.denied_by] == ["Ukrainian government"]
    assert (who.entry.page, who.entry.anchor) == ("timeline.md", "raid-begins--responsibility")
    assert [v.entry.anchor for v in who.versions] == [
        "raid-begins--responsibility--1",
        "raid-begins--responsibility--2",
    ]
    # MONDO's "not yet clear how many people were injured" does not say civilians: the title
    # does not call it that.
    wounded = next(
        loss
        for loss in glance.losses
        if loss.loss.text == "Wounded: civilians, and figures not saying who"
    )
    assert [f.said.figure for f in wounded.figures] == ["unknown", "12", "at least 8"]
    assert wounded.verdict_link.anchor == "verdicts"
    assert wounded.verdict.reason == "the figures do not exclude each other: all allow 12"
    assert [d.fact.anchor for d in glance.disputes] == [
        "raid-begins--responsibility",
        "graivoron-drone-strikes--target",
    ]
    assert [t.text for t in glance.disputes[1].denied_by] == ["Russia"]
    assert glance.disputes_before == 1  # the Bakhmut claim, in May before the raid
    assert glance.other_incidents == 7
    assert glance.latest.missing == "the change log was not read for this copy of the site"


def test_the_fictional_box_shows_a_disputed_event_and_figures_in_conflict(fiction):
    glance = briefing_glance(fiction)
    assert glance.responsibility is None  # no assertion of who fired
    disputed = {d.fact.anchor: d for d in glance.disputes}
    shelling = disputed["brenmark-shelling"]
    assert [t.text for t in shelling.claimed_by] and [t.text for t in shelling.denied_by]
    conflicts = [d for d in glance.disputes if d.reason]
    assert conflicts and all(d.fact.page == "casualties.md" for d in conflicts)
    assert conflicts[0].reason.startswith("conflict")


def _entry(commit: str, day: str, facts: tuple[FactChange, ...], *corrections: str) -> Entry:
    return Entry(commit * 40, f"{day}T09:30:00Z", "subject", corrections, Changes(facts))


def test_the_latest_change_and_correction_come_from_the_log(shipped):
    claim = FactChange("claims", "gladkov-wounded-12", "12 civilians wounded", "changed")
    event = FactChange("events", "raid-begins", "Armed men cross", "changed")
    history = History(
        (
            _entry("c", "2026-11-25", (claim, claim, event)),
            _entry("b", "2026-11-24", (event,), "the figure was the governor's, not the outlet's"),
            _entry("a", "2026-11-22", (event,)),
        )
    )
    latest = briefing_glance(shipped, history).latest
    assert latest.when is not None and latest.when.text == "25 November 2026"
    assert (latest.when.page, latest.when.anchor) == ("changes.md", "change-cccccccccccc")
    assert latest.what == "2 claims and 1 event changed"
    assert latest.correction is not None and latest.correction.text == "24 November 2026"
    assert latest.corrected == "the figure was the governor's, not the outlet's"
    unavailable = briefing_glance(shipped, History(unavailable="this is a shallow clone"))
    assert unavailable.latest.missing == "the change log is not available: this is a shallow clone"


def test_the_home_page_shows_each_briefings_box_with_links_from_the_top(shipped):
    home = render_site([shipped])["index.md"]
    box = home.split('<section class="briefing-glance" markdown="1" data-pagefind-ignore>')[1]
    assert "### At a glance" in box
    assert f"[12]({SHIPPED}/casualties.md#gladkov-wounded-12)**</span>, " in box
    assert f"according to [Vyacheslav Gladkov]({SHIPPED}/actors/vyacheslav-gladkov.md)" in box
    assert "[Status: confirmed](how-to-read.md#status)" in box
    overview = render_site([shipped])[f"{SHIPPED}/index.md"]
    assert "[12](casualties.md#gladkov-wounded-12)**</span>, " in overview
    assert "according to [Vyacheslav Gladkov](actors/vyacheslav-gladkov.md)" in overview
    assert overview.index("## At a glance") < overview.index("On Monday 22 May 2023")
