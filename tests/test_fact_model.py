"""The fact model says no more than the sources: an event's assertions graded apart, figures
with their true claimant, each source's rendering of a figure (errata count for nothing),
verdicts that compare like with like, vague figures kept in the source's words, and
dependence per fact from shared narration. Each rule on a small made-up briefing."""

from __future__ import annotations

import datetime
import textwrap

import pytest
from conftest import ACTORS

from generator.analysis.build import analyse
from generator.cli import main
from generator.factsheets.model import CasualtyClaim, CountRange, Rendering
from generator.pipeline import load_briefings
from generator.render.views.base import Book
from generator.render.views.facts import casualties_view, timeline_view
from generator.words import describe_count

WIRE = textwrap.dedent("""\
    date 2023-05-22 Raid on Riverton

    Gunmen crossed the border into Riverton district on Monday, officials said.

    Andrew Kovac, a spokesman for the Northern Brigade's political wing, told reporters on \
    Monday evening: "We went in to protect our people and we will go again."

    Governor Ivan Petrov said on Monday that eight people were wounded in the town of Lowford.
    """)
POST = textwrap.dedent("""\
    date 2023-05-23 Fighters in Riverton

    Armed men were seen moving through Riverton district late on Monday, residents told us.

    Andrew Kovac, a spokesman for the Northern Brigade's political wing, told reporters on \
    Monday evening: "We went in to protect our people and we will go again."

    On Tuesday Governor Ivan Petrov said 12 people had been wounded across the region. \
    More than 1,200 residents have left, according to the regional ministry.

    The fighting has wounded at least a dozen people, the post can report.
    """)
HERALD = textwrap.dedent("""\
    date 2023-05-23 After the raid

    The raid into Riverton began on Monday, the Southern ministry confirmed, blaming \
    saboteurs from the north.

    Governor Petrov said 21 people were wounded on Tuesday, his office wrote.

    Our reporter counted 20 wounded in the regional hospital on Tuesday.

    Several armoured vehicles were filmed on the road, and hundreds of cars left the area.
    """)
SOURCES = textwrap.dedent("""\
    - id: wire
      file: wire.txt
      outlet: The Wire
      title: Raid on Riverton
      published: 2023-05-22
      language: en
    - id: post
      file: post.txt
      outlet: The Post
      title: Fighters in Riverton
      published: 2023-05-23
      language: en
    - id: herald
      file: herald.txt
      outlet: The Herald
      title: After the raid
      published: 2023-05-23
      language: en
    """)
# The brigade and the Southern state are the two sides; the governor and the ministry are
# the state's.
PARTIES = ACTORS.replace("kind: armed group\n", "kind: armed group\n  belligerent: true\n").replace(
    "  kind: person\n", "  kind: person\n  affiliations: [southern-state]\n"
) + textwrap.dedent("""\
    - id: southern-state
      name: Southern state
      kind: state
      belligerent: true
    - id: southern-ministry
      name: Southern ministry
      kind: government body
      affiliations: [southern-state]
    """)
RAID = textwrap.dedent("""\
    - id: raid
      title: Gunmen cross into Riverton
      date: 2023-05-22
      summary: Gunmen crossed the border.
      status: confirmed
      confirmed_by: [southern-ministry]
      citations:
        - source: wire
          quote: Gunmen crossed the border into Riverton district on Monday
        - source: herald
          quote: The raid into Riverton began on Monday, the Southern ministry confirmed
      assertions:
        - about: responsibility
          summary: The Northern Brigade says it carried out the raid.
          status: claimed
          claimed_by: [northern-brigade]
          citations:
            - source: wire
              quote: We went in to protect our people and we will go again
            - source: herald
              quote: blaming saboteurs from the north
    """)
STATEMENT = textwrap.dedent("""\
    - id: kovac-went-in
      speaker: northern-brigade
      title: We went in to protect our people
      date: 2023-05-22
      where: to reporters
      citations:
        - source: wire
          quote: We went in to protect our people and we will go again
        - source: post
          quote: We went in to protect our people and we will go again
    """)


def claim_yaml(id_, claimant, count, source, quote, as_of="2023-05-23", **fields):
    """A claim of wounded in the raid; `rendering` holds fields of its one citation."""
    extra = "".join(f"  {k}: {v}\n" for k, v in fields.items() if k != "rendering")
    rendering = "".join(f"      {k}: {v}\n" for k, v in fields.get("rendering", {}).items())
    return (
        f"- id: {id_}\n  claimant: {claimant}\n  as_of: {as_of}\n  incident: raid\n"
        f"  category: wounded\n  group: unspecified\n  count: {count}\n{extra}"
        f"  citations:\n    - source: {source}\n      quote: {quote}\n{rendering}"
    )


@pytest.fixture
def build(project):
    def make(claims="", events=RAID, statements=STATEMENT):
        root = project(
            files={
                "sources.yaml": SOURCES,
                "actors.yaml": PARTIES,
                "events.yaml": events,
                "claims.yaml": claims,
                "statements.yaml": statements,
                "places.yaml": "- id: lowford\n  name: Lowford\n  kind: town\n",
            },
            seeds={"wire.txt": WIRE, "post.txt": POST, "herald.txt": HERALD},
        )
        briefings, problems = load_briefings(root, root / "briefings", root / "seeds")
        assert briefings, problems
        return Book(briefings[0], analyse(briefings[0])), root

    return make


# 1. What happened, and who did it --------------------------------------------------------


def test_a_confirmation_of_the_event_does_not_raise_who_did_it(build):
    book, _ = build()
    raid = book.analysis.fact("events", "raid")
    assert raid.credibility is not None
    # Two lineages and the Southern ministry confirming the raid: it happened (1).
    assert raid.credibility.grade == 1
    (responsibility,) = raid.assertions
    # Who did it: the brigade's own claim, in two lineages, confirmed by no one: capped at 3.
    assert responsibility.record.about == "responsibility"
    assert len(responsibility.first.lineages) == 2
    assert responsibility.first.credibility.grade == 3
    assert [s.rule for s in responsibility.first.credibility.steps] == ["carried", "partisan"]
    entry = timeline_view(book).entries[0]
    assert entry.assertions[0].heading == "Who was responsible"
    assert entry.assertions[0].only.grade.grade == 3


TARGET = """\
    - about: target
      summary: The brigade says it hit the governor's office; the ministry denies it.
      status: disputed
      claimed_by: [northern-brigade]
      denied_by: [southern-ministry]
      citations:
        - source: herald
          quote: The raid into Riverton began on Monday
"""


def test_a_denial_of_what_was_hit_does_not_lower_that_it_happened(build):
    book, _ = build(events=RAID + TARGET)
    raid = book.analysis.fact("events", "raid")
    assert raid.credibility is not None and raid.credibility.grade == 1
    target = raid.assertions[1]
    assert target.record.about == "target"
    assert "disputed" in [s.rule for s in target.first.credibility.steps]
    # One lineage (3), denied (4); the ministry's denial is the other side's, not a claim.
    assert target.first.credibility.grade == 4


def test_two_assertions_about_the_same_aspect_are_refused(project, capsys):
    twice = RAID + RAID[RAID.index("    - about") :]
    root = project(
        files={"sources.yaml": SOURCES, "actors.yaml": PARTIES, "events.yaml": twice},
        seeds={"wire.txt": WIRE, "post.txt": POST, "herald.txt": HERALD},
    )
    assert main(["--root", str(root), "check"]) == 1
    assert "assertions[1]: a second assertion about 'responsibility'" in capsys.readouterr().err


# 2. Every figure has its true claimant -------------------------------------------------------


def test_an_unattributed_figure_equal_to_a_partys_warns_until_attributed_or_witnessed(
    project, capsys
):
    governor = claim_yaml("petrov-12", "ivan-petrov", 12, "post", "said 12 people had been wounded")
    outlet = claim_yaml(
        "post-dozen",
        "null",
        12,
        "post",
        "has wounded at least a dozen people",
        qualifier="at least",
    )
    files = {"sources.yaml": SOURCES, "actors.yaml": PARTIES, "events.yaml": RAID}
    seeds = {"wire.txt": WIRE, "post.txt": POST, "herald.txt": HERALD}
    root = project(files={**files, "claims.yaml": governor + outlet}, seeds=seeds)
    assert main(["--root", str(root), "check"]) == 0
    err = capsys.readouterr().err
    assert (
        "claims.yaml:12: warning: claimant: the figure 'at least 12', given in the outlet's" in err
    )
    assert "equals Ivan Petrov's figure '12' for the same loss (claim 'petrov-12')" in err
    witnessed = outlet.replace("  count: 12\n", "  count: 12\n  witness: Our reporter counted\n")
    root = project(files={**files, "claims.yaml": governor + witnessed}, seeds=seeds)
    assert main(["--root", str(root), "check"]) == 0
    assert "given in the outlet's own voice" not in capsys.readouterr().err


def test_a_partys_figure_does_not_corroborate_an_outlets(build):
    claims = claim_yaml(
        "petrov-8", "ivan-petrov", 8, "wire", "eight people were wounded", as_of="2023-05-22"
    ) + claim_yaml(
        "post-dozen", "null", 8, "post", "has wounded at least a dozen people", qualifier="at least"
    )
    book, _ = build(claims=claims)
    outlet = book.analysis.fact("claims", "post-dozen").credibility
    assert outlet is not None
    # Petrov's 8 (the Wire, another lineage) implies "at least 8", but a party's figure
    # corroborates nothing: the outlet's figure stays possibly true.
    assert outlet.steps[0].implied_by == ()
    assert outlet.grade == 3


# 3. Figures as each source renders them --------------------------------------------------------


def test_an_erratum_is_shown_and_flagged_but_counts_for_nothing(build):
    claims = claim_yaml(
        "petrov-12",
        "ivan-petrov",
        12,
        "post",
        "said 12 people had been wounded",
        rendering={"says": '"12"'},
    ) + (
        "    - source: herald\n"
        "      quote: Governor Petrov said 21 people were wounded\n"
        '      says: "21"\n'
        "      erratum: The Herald swapped the digits of the governor's 12\n"
    )
    book, _ = build(claims=claims)
    fact = book.analysis.fact("claims", "petrov-12")
    # Shown: both sources carry it; counted: only the Post.
    assert list(fact.carriers) == ["post", "herald"]
    assert fact.lineages == (("post",),)
    assert fact.single_source
    entry = casualties_view(book).incidents[0].groups[0].claims[0]
    assert [q.erratum for q in entry.facts.quotes] == [
        None,
        "The Herald swapped the digits of the governor's 12",
    ]
    assert [q.rendering for q in entry.facts.quotes] == ["12", "21"]
    assert casualties_view(book).incidents[0].groups[0].verdict.verdict == "one figure"


def test_a_rendering_must_quote_the_words_it_says(project, capsys):
    bad = claim_yaml(
        "petrov-12",
        "ivan-petrov",
        12,
        "post",
        "said 12 people had been wounded",
        rendering={"says": "a dozen", "date_phrase": "On Tuesday"},
    )
    root = project(
        files={
            "sources.yaml": SOURCES,
            "actors.yaml": PARTIES,
            "events.yaml": RAID,
            "claims.yaml": bad,
        },
        seeds={"wire.txt": WIRE, "post.txt": POST, "herald.txt": HERALD},
    )
    assert main(["--root", str(root), "check"]) == 1
    err = capsys.readouterr().err
    assert "citations[0].says: 'a dozen' is not in the quote" in err
    assert "citations[0].date_phrase: 'On Tuesday' is not in the quote" in err


# 4. Verdicts that compare like with like --------------------------------------------------------


def test_figures_of_different_scope_are_never_an_update(build):
    town = claim_yaml(
        "petrov-8",
        "ivan-petrov",
        8,
        "wire",
        "eight people were wounded in the town of Lowford",
        as_of="2023-05-22",
        place="lowford",
    )
    region = claim_yaml("petrov-12", "ivan-petrov", 12, "post", "said 12 people had been wounded")
    book, _ = build(claims=town + region)
    groups = book.analysis.claim_groups
    assert [(g.place, [c.id for c in g.claims]) for g in groups] == [
        (None, ["petrov-12"]),
        ("lowford", ["petrov-8"]),
    ]
    assert [g.comparison.verdict for g in groups] == ["one figure", "one figure"]
    entries = casualties_view(book).incidents[0].groups
    # Each link names the place it counts, so the two never read as one heading.
    assert [t.text for t in entries[0].other_scopes] == ["Wounded: unspecified (Lowford)"]
    assert [t.text for t in entries[1].other_scopes] == ["Wounded: unspecified (place not stated)"]
    assert entries[1].other_scopes[0].anchor == "raid--wounded--unspecified"


def test_a_running_count_is_an_update_within_its_claimant_and_a_conflict_across(build):
    monday = claim_yaml(
        "petrov-8",
        "ivan-petrov",
        8,
        "wire",
        "said on Monday that eight people were wounded",
        rendering={"date_phrase": "on Monday"},
        as_of="2023-05-22",
    )
    tuesday = claim_yaml(
        "petrov-12",
        "ivan-petrov",
        12,
        "post",
        "On Tuesday Governor Ivan Petrov said 12 people had been wounded",
        rendering={"date_phrase": "On Tuesday"},
    )
    outlet = claim_yaml(
        "herald-20",
        "null",
        20,
        "herald",
        "Our reporter counted 20 wounded in the regional hospital on Tuesday",
        witness="The reporter counted",
        rendering={"date_phrase": "on Tuesday"},
    )
    book, _ = build(claims=monday + tuesday + outlet)
    (group,) = book.analysis.claim_groups
    assert group.comparison.verdicts == ("conflict", "update")
    # In the order given (the two of 23 May by id): Petrov 8, the Herald 20, Petrov 12.
    assert [(f.verdict, f.how) for f in group.comparison.findings] == [
        ("conflict", "other claimant"),
        ("update", "rose"),
        ("conflict", "same moment"),
    ]
    entry = casualties_view(book).incidents[0].groups[0]
    assert entry.verdict.label == "conflict and update over time"
    assert entry.reason.startswith("Conflict: Ivan Petrov gives 8 as of 22 May, and The Herald")


def test_two_publication_dates_a_day_apart_make_no_update(build):
    monday = claim_yaml(
        "petrov-8",
        "ivan-petrov",
        8,
        "wire",
        "eight people were wounded in the town",
        as_of="2023-05-22",
    )
    tuesday = claim_yaml("petrov-12", "ivan-petrov", 12, "post", "said 12 people had been wounded")
    book, _ = build(claims=monday + tuesday)
    (group,) = book.analysis.claim_groups
    assert group.comparison.verdict == "unordered"
    entry = casualties_view(book).incidents[0].groups[0]
    assert entry.verdict.label == "cannot be ordered"
    assert [c.figure.said.as_of_day for c in entry.claims] == [
        "22 May (date of publication)",
        "23 May (date of publication)",
    ]


# 5. Vague and partial figures -------------------------------------------------------------------


def figure(count, qualifier="exactly", words=None):
    return CasualtyClaim(
        id="x",
        claimant=None,
        as_of=datetime.date(2023, 5, 23),
        incident="raid",
        category="evacuated",
        group="civilians",
        count=count,
        qualifier=qualifier,
        words=words,
        citations=[Rendering(source="post", quote="More than 1,200 residents have left")],
    )


def test_numbers_print_as_sources_write_them():
    assert describe_count(figure(1200, "more than")) == "more than 1,200"
    assert describe_count(figure(CountRange(min=200), words="hundreds")) == (
        "“hundreds” (read as at least 200)"
    )


def test_vague_words_and_parts_reach_the_page(build):
    claims = textwrap.dedent("""\
        - id: left
          claimant: southern-ministry
          as_of: 2023-05-23
          incident: raid
          category: evacuated
          group: civilians
          count: 1200
          qualifier: more than
          citations:
            - source: post
              quote: More than 1,200 residents have left
        - id: cars
          claimant: null
          as_of: 2023-05-23
          incident: raid
          category: evacuated
          group: vehicles
          count: {min: 200}
          words: hundreds
          citations:
            - source: herald
              quote: hundreds of cars left the area
        - id: part
          claimant: southern-ministry
          as_of: 2023-05-23
          incident: raid
          category: evacuated
          group: civilians
          scope: from Lowford
          count: 2
          part_of: left
          citations:
            - source: post
              quote: More than 1,200 residents have left
        """)
    book, _ = build(claims=claims)
    groups = casualties_view(book).incidents[0].groups
    figures = {c.claim.id: c.figure.said.figure for g in groups for c in g.claims}
    assert figures == {
        "left": "more than 1,200",
        "cars": "“hundreds” (read as at least 200)",
        "part": "2",
    }
    part = next(c for g in groups for c in g.claims if c.claim.id == "part")
    assert part.part_of is not None and part.part_of.anchor == "left"


# 6. Dependence per fact ------------------------------------------------------------------------


def test_shared_narration_around_a_quote_joins_lineages_for_that_fact_only(build):
    book, _ = build()
    said = book.analysis.fact("statements", "kovac-went-in")
    # The Wire and the Post share "Andrew Kovac, a spokesman for ... told reporters on
    # Monday evening" around the quote: one lineage for the statement.
    assert said.lineages == (("wire", "post"),)
    (shared,) = said.shared
    assert (shared.passage.a, shared.passage.b, shared.overruled) == ("wire", "post", None)
    assert shared.passage.narration_words >= 6 and "told reporters" in shared.passage.text
    assert book.shared(said.shared)[0].endswith("one lineage for this fact")
    # Elsewhere the two are independent: the raid's lineages are not joined.
    events = RAID.replace(
        "    - source: herald\n      quote: The raid into",
        "    - source: post\n      quote: Armed men were seen moving through Riverton\n"
        "    - source: herald\n      quote: The raid into",
        1,
    )
    book, _ = build(events=events)
    assert book.analysis.fact("events", "raid").lineages == (("wire",), ("post",), ("herald",))


def test_an_editor_can_rule_two_sources_independent_for_a_fact(build):
    ruled = STATEMENT + (
        "  independent:\n    - sources: [wire, post]\n"
        "      reason: Both reporters were at the press conference\n"
    )
    book, _ = build(statements=ruled)
    said = book.analysis.fact("statements", "kovac-went-in")
    assert said.lineages == (("wire",), ("post",))
    assert said.shared[0].overruled == "Both reporters were at the press conference"
    assert "counts them as independent all the same" in book.shared(said.shared)[0]
