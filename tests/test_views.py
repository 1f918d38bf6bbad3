"""The pages' view-models, built from a small made-up briefing and checked as data, and the
filters that print them relative to a page."""

from __future__ import annotations

import textwrap

import jinja2
import pytest
from conftest import CLAIMS, SEED, SOURCES

from generator.addresses import Target
from generator.analysis.build import analyse
from generator.pipeline import load_briefings
from generator.render.filters import link
from generator.render.views.base import Book
from generator.render.views.compare import compare_view
from generator.render.views.entities import actor_view, place_view
from generator.render.views.facts import casualties_view, statements_view, timeline_view
from generator.render.views.overview import overview_view
from generator.render.views.sources import source_view

COPY = SEED.replace("officials said", "officials said, the wire reported")
HERALD = textwrap.dedent("""\
    Our reporter saw armed men cross into Riverton district on Monday.

    On Tuesday Ivan Petrov put the number of wounded at 12, speaking in Lowford.
    """)
SOURCES_3 = SOURCES + textwrap.dedent("""\
    - id: copy
      file: copy.txt
      outlet: The Copy
      title: A copy
      published: 2023-05-22
      language: en
      derived_from: [daily]
    - id: herald
      file: herald.txt
      outlet: The Herald
      title: An independent report
      published: 2023-05-23
      language: en
    """)
EVENTS_2 = textwrap.dedent("""\
    - id: crossing
      title: Gunmen cross the border
      date: 2023-05-22
      summary: Gunmen crossed the border.
      status: claimed
      claimed_by: [northern-brigade]
      places: [lowford]
      citations:
        - source: daily
          quote: crossed the border into Riverton district on Monday
        - source: copy
          quote: crossed the border into Riverton district on Monday
    - id: earlier
      title: Shelling before the raid
      date: 2023-05
      precision: month
      summary: Shelling.
      status: reported
      citations:
        - source: herald
          quote: Our reporter saw armed men cross into Riverton
    """)
CLAIMS_2 = CLAIMS + textwrap.dedent("""\
    - id: petrov-12
      claimant: ivan-petrov
      as_of: 2023-05-23
      incident: crossing
      category: wounded
      group: unspecified
      count: 12
      citations:
        - source: herald
          quote: On Tuesday Ivan Petrov put the number of wounded at 12
          date_phrase: On Tuesday
    """)
PLACES = "- id: lowford\n  name: Lowford\n  kind: village\n"
STATEMENTS = textwrap.dedent("""\
    - id: petrov-wounded-said
      speaker: ivan-petrov
      title: eight people were wounded
      date: 2023-05-22
      where: to reporters
      event: crossing
      citations:
        - source: daily
          quote: said eight people were wounded
        - source: copy
          quote: said eight people were wounded
    """)


@pytest.fixture
def book(project):
    root = project(
        files={
            "sources.yaml": SOURCES_3,
            "events.yaml": EVENTS_2,
            "claims.yaml": CLAIMS_2,
            "places.yaml": PLACES,
            "statements.yaml": STATEMENTS,
        },
        seeds={"daily.txt": SEED, "copy.txt": COPY, "herald.txt": HERALD},
    )
    briefings, problems = load_briefings(root, root / "briefings", root / "seeds")
    assert briefings, problems
    return Book(briefings[0], analyse(briefings[0]))


def test_the_timeline_lists_events_by_date_with_their_lineages_and_grade(book):
    view = timeline_view(book)
    assert [e.event.id for e in view.entries] == ["earlier", "crossing"]
    assert [row.href for row in view.chart.rows] == ["#earlier", "#crossing"]
    crossing = view.entries[1]
    assert crossing.claimed_by == (Target("Northern Brigade", "actors/northern-brigade.md"),)
    # The Daily and its copy are one lineage: the fact is single-source, claimed by a
    # party's own words only.
    assert [[t.text for t in group] for group in crossing.facts.lineages] == [
        ["The Daily", "The Copy"]
    ]
    assert crossing.facts.single == (
        "Carried only by The Daily and The Copy, which are one lineage (one derives from the other)"
    )
    assert crossing.facts.grade.grade == 3
    assert crossing.statements == (
        Target("Ivan Petrov: eight people were wounded", "statements.md", "petrov-wounded-said"),
    )
    assert crossing.facts.cite_line.address == "test/timeline/#crossing"


def test_casualties_group_figures_by_incident_with_a_verdict_and_reason(book):
    view = casualties_view(book)
    (incident,) = view.incidents
    assert incident.anchor == "incident-crossing"
    (group,) = incident.groups
    assert (group.title, group.anchor) == ("Wounded: unspecified", "crossing--wounded--unspecified")
    assert group.verdict.label == "update over time"
    # The Herald says when its figure was given; the Daily's is dated by publication.
    assert group.reason == (
        "Update over time: 8 from Ivan Petrov on 22 May (date of publication), then 12 on "
        "23 May: a later, higher figure from the same claimant, as a running count grows."
    )
    # Every figure with who gives it and when, in the table, the list and the chart.
    assert [c.figure.said.figure for c in group.claims] == ["8", "12"]
    assert [c.figure.said.according_to for c in group.claims] == ["according to Ivan Petrov"] * 2
    assert [c.figure.said.as_of_day for c in group.claims] == [
        "22 May (date of publication)",
        "23 May",
    ]
    # A chart's row says who gives its figure and when, then who reported it.
    assert [r.label for r in incident.chart.groups[0].rows] == [
        "according to Ivan Petrov, as of 22 May (date of publication) · reported by The Daily",
        "according to Ivan Petrov, as of 23 May · reported by The Herald",
    ]


def test_statements_carry_each_sources_quote(book):
    (entry,) = statements_view(book)
    assert entry.speaker_name == "Ivan Petrov"
    assert entry.about == Target("22 May 2023: Gunmen cross the border", "timeline.md", "crossing")
    # Paragraphs count the file's blocks: the date header and an "Advertisement" line are
    # blocks 1 and 3, hidden from display.
    assert [q.where.text for q in entry.facts.quotes] == ["The Daily ¶4", "The Copy ¶4"]


def test_the_comparison_lists_reuse_corroboration_and_figures_per_source(book):
    view = compare_view(book)
    assert [cells[i] is None for i, (_, cells) in enumerate(view.reuse)] == [True] * 3
    assert view.graph.edges == ((1, 0),)  # The Copy derives from The Daily
    facts = {row.fact.text: row for row in view.facts}
    crossing = facts["22 May 2023: Gunmen cross the border"]
    assert [[t.text for t in cell] for cell in crossing.cells] == [["¶2"], ["¶2"], []]
    assert crossing.lineages == 1
    (figures,) = view.figures
    assert [[t.text for t in cell] for cell in figures.cells] == [
        ["8, according to Ivan Petrov, as of 22 May (date of publication)"],
        [],
        ["12, according to Ivan Petrov, as of 23 May"],
    ]
    assert [t.text for t, _, _ in view.reasons] == ["Gunmen cross the border, Wounded: unspecified"]
    (_, rows) = view.statements[0]
    assert [row.share for row in rows] == ["base", "100%"]


def test_an_actor_and_a_place_show_the_facts_about_them(book):
    petrov = actor_view(book, book.actors["ivan-petrov"])
    assert [c.link.text for c in petrov.claims] == [
        "8 people wounded (Gunmen cross the border), according to Ivan Petrov, as of 22 May "
        "2023 (date of publication)",
        "12 people wounded (Gunmen cross the border), according to Ivan Petrov, as of 23 May 2023",
    ]
    assert [s.anchor for s in petrov.statements] == ["petrov-wounded-said"]
    brigade = actor_view(book, book.actors["northern-brigade"])
    assert [e.note for e in brigade.events] == ["claims it"]
    names = {source.text: used for source, used in brigade.names}
    # A leading article matches in either case: "The brigade says" is the alias "the brigade".
    assert names["The Daily"].listed == (("Northern Brigade", 1), ("the brigade", 1))
    lowford = place_view(book, book.places["lowford"])
    assert [e.link.anchor for e in lowford.events] == ["crossing"]


def test_a_source_page_shows_its_lineage_and_what_cites_each_paragraph(book):
    view = source_view(book, book.sources["copy"])
    assert view.derived_from == (Target("The Daily", "sources/daily.md"),)
    assert view.lineage == (Target("The Daily", "sources/daily.md"),)
    cited = {p.paragraph.number: [t.text for t in p.cited_by] for p in view.paragraphs}
    assert "22 May 2023: Gunmen cross the border" in cited[2]
    independent = source_view(book, book.sources["herald"])
    assert independent.lineage == ()
    assert [t.text for t, _ in independent.unique] == [
        "May 2023: Shelling before the raid",
        "12 people wounded (Gunmen cross the border), according to Ivan Petrov, as of 23 May 2023",
    ]


def test_the_overview_counts_sections_and_gives_each_claimants_figures_on_one_line(book):
    view = overview_view(book)
    assert {t.text: n for t, n in view.sections}["Casualty claims"] == 2
    assert view.background == ()
    (loss,) = view.story
    assert loss.title == "Wounded: who is not said"
    (line,) = loss.lines
    assert [f.said.figure for f, _ in line.figures] == ["8", "12"]
    ((compared),) = loss.compared
    assert compared.verdict.label == "update over time"


@pytest.mark.parametrize(
    ("here", "target", "expected"),
    [
        ("timeline.md", Target("X", "actors/x.md"), "[X](actors/x.md)"),
        ("actors/y.md", Target("X", "actors/x.md"), "[X](x.md)"),
        ("sources/a.md", Target("T", "timeline.md", "e"), "[T](../timeline.md#e)"),
        ("compare.md", Target("a_b *c*", "compare.md", "f"), "[a\\_b \\*c\\*](compare.md#f)"),
    ],
)
def test_links_are_relative_to_the_page_and_their_text_is_escaped(here, target, expected):
    env = jinja2.Environment(autoescape=False)
    context = env.from_string("").new_context({"page_path": here})
    assert link(context, target) == expected
