"""Rival versions of an assertion, on a small made-up briefing: each version graded on its
own holders, confirmers, deniers and citations; the assertion shown as contested on the
timeline, the overview's box, the comparison grid, the actors' pages and the exports; the
mistakes an editor can make with versions reported with file:line; and the exports carry
every rendering, erratum and verdict the pages show."""

from __future__ import annotations

import csv
import json
import textwrap

import pytest

from generator.analysis.build import analyse
from generator.cli import main
from generator.export.data import data_files
from generator.pipeline import load_briefings
from generator.render.site import render_briefing
from generator.render.views.base import Book
from generator.render.views.compare import compare_view
from generator.render.views.entities import actor_view
from generator.render.views.facts import timeline_view
from generator.render.views.glance import glance_view

WIRE = textwrap.dedent("""\
    date 2023-05-22 Raid on Riverton

    Gunmen crossed the border into Riverton district on Monday, officials said.

    The Northern Brigade said it had carried out the raid on Riverton <b>at dawn</b>.

    Governor Ivan Petrov blamed a sabotage group of the Northern army for the raid.

    Governor Petrov said eight people were wounded on Monday.
    """)
HERALD = textwrap.dedent("""\
    date 2023-05-23 After the raid

    The raid into Riverton began on Monday, the Southern ministry confirmed.

    The Northern Brigade claimed the raid on social media.

    The Northern state denied that its army had any part in the raid.

    Monitors of the border mission confirmed that brigade fighters carried out the raid.

    The Northern command confirmed the brigade's raid as its own operation.

    Governor Petrov said forty people were wounded on Monday.
    """)
SOURCES = textwrap.dedent("""\
    - id: wire
      file: wire.txt
      outlet: The Wire
      title: Raid on Riverton
      published: 2023-05-22
      language: en
    - id: herald
      file: herald.txt
      outlet: The Herald
      title: After the raid
      published: 2023-05-23
      language: en
    """)
# Two sides: the North (the brigade, its state and command) and the South (the governor,
# the ministry); the border mission is on neither.
ACTORS = textwrap.dedent("""\
    - id: northern-state
      name: Northern state
      kind: state
      belligerent: true
    - id: northern-brigade
      name: Northern Brigade <i>
      kind: armed group
      affiliations: [northern-state]
    - id: northern-command
      name: Northern command
      kind: military unit
      affiliations: [northern-state]
    - id: southern-state
      name: Southern state
      kind: state
      belligerent: true
    - id: ivan-petrov
      name: Ivan Petrov
      kind: person
      affiliations: [southern-state]
    - id: southern-ministry
      name: Southern ministry
      kind: government body
      affiliations: [southern-state]
    - id: border-mission
      name: Border mission
      kind: organisation
    """)
GROUPS = """\
        - summary: The brigade says it carried out the raid <script>x</script>.
          held_by: [northern-brigade]
          citations:
            - source: wire
              quote: The Northern Brigade said it had carried out the raid on Riverton
            - source: herald
              quote: The Northern Brigade claimed the raid on social media
"""
GOVERNOR = """\
        - summary: The governor blames a sabotage group of the Northern army.
          held_by: [ivan-petrov]
          denied_by: [northern-state]
          citations:
            - source: wire
              quote: Governor Ivan Petrov blamed a sabotage group of the Northern army
            - source: herald
              quote: The Northern state denied that its army had any part in the raid
"""
EVENT = """\
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
      summary: Who carried out the raid is disputed.
      versions:
"""
CLAIMS = textwrap.dedent("""\
    - id: petrov-wounded
      claimant: ivan-petrov
      as_of: 2023-05-22
      incident: raid
      category: wounded
      group: unspecified
      count: 8
      citations:
        - source: wire
          quote: Governor Petrov said eight people were wounded on Monday
          says: eight
          date_phrase: on Monday
        - source: herald
          quote: Governor Petrov said forty people were wounded on Monday
          says: forty
          erratum: The Herald's 'forty' is a misprint of the wire's 'eight'
    """)


def confirmed(by: str, quote: str) -> str:
    """GROUPS confirmed by an actor, with the quote that says so."""
    return (
        GROUPS.replace(
            "          citations:\n",
            f"          confirmed_by: [{by}]\n          citations:\n",
        )
        + f"            - source: herald\n              quote: {quote}\n"
    )


MONITORS = "Monitors of the border mission confirmed that brigade fighters carried out"
COMMAND = "The Northern command confirmed the brigade's raid as its own operation"


@pytest.fixture
def build(project):
    def make(versions: str = GROUPS + GOVERNOR, claims: str = CLAIMS, events: str = ""):
        root = project(
            files={
                "sources.yaml": SOURCES,
                "actors.yaml": ACTORS,
                "events.yaml": events or EVENT + versions,
                "claims.yaml": claims,
            },
            seeds={"wire.txt": WIRE, "herald.txt": HERALD},
        )
        briefings, problems = load_briefings(root, root / "briefings", root / "seeds")
        assert briefings, problems
        return Book(briefings[0], analyse(briefings[0]))

    return make


def responsibility(book: Book):
    (found,) = book.analysis.fact("events", "raid").assertions
    return found


# 1. Each version graded on its own evidence ------------------------------------------------


def test_each_version_is_graded_on_its_own_sources_and_the_rival_disputes_it(build):
    found = responsibility(build())
    assert found.contested and found.record.standing == "contested"
    groups, governor = found.versions
    assert groups.version.holders == ["northern-brigade"]
    # Two lineages (2), disputed by the governor's rival version (3); a party's own claim.
    assert [s.rule for s in groups.credibility.steps] == ["carried", "disputed"]
    assert groups.credibility.steps[1].dispute.rivals == ("ivan-petrov",)
    assert groups.credibility.grade == 3
    # The governor's version: two lineages (2), denied by the North and disputed by the
    # brigade's version (one step, 3).
    dispute = governor.credibility.steps[1].dispute
    assert dispute.denied_by == ("northern-state",) and dispute.rivals == ("northern-brigade",)
    assert governor.credibility.grade == 3
    assert governor.version.status == "disputed" and groups.version.status == "claimed"


def test_a_confirmation_counts_only_for_the_version_it_addresses(build):
    found = responsibility(build(confirmed("border-mission", MONITORS) + GOVERNOR))
    groups, governor = found.versions
    assert [s.rule for s in groups.credibility.steps] == ["carried", "confirmed", "disputed"]
    assert groups.credibility.steps[1].actors == ("border-mission",)
    assert groups.credibility.grade == 2
    assert "confirmed" not in [s.rule for s in governor.credibility.steps]
    assert governor.credibility.grade == 3


def test_a_denial_counts_only_for_the_version_it_addresses(build):
    found = responsibility(build())
    groups, governor = found.versions
    assert "northern-state" in governor.credibility.steps[1].dispute.denied_by
    assert groups.credibility.steps[1].dispute.denied_by == ()


SINGLE = f"""\
- id: raid
  title: Gunmen cross into Riverton
  date: 2023-05-22
  summary: Gunmen crossed the border.
  status: reported
  citations:
    - source: wire
      quote: Gunmen crossed the border into Riverton district on Monday
  assertions:
    - about: responsibility
      summary: The brigade says it carried out the raid; its command confirms it.
      status: claimed
      claimed_by: [northern-brigade]
      confirmed_by: [northern-command]
      citations:
        - source: wire
          quote: The Northern Brigade said it had carried out the raid on Riverton
        - source: herald
          quote: {COMMAND}
"""


def test_the_grade_never_says_confirmed_by_no_one_else_beside_a_listed_confirmer(build):
    # One version, claimed by a party and confirmed only by its own side: the cap applies,
    # and the step names the confirmer as their own side (audit m8).
    book = build(events=SINGLE)
    (entry,) = timeline_view(book).entries
    assert not entry.assertions[0].contested
    steps = entry.assertions[0].only.grade.steps
    assert any("confirmed only by their own side (Northern command)" in s for s in steps)
    assert not any("confirmed by no one else" in s for s in steps)
    page = render_briefing(book.briefing)["test/timeline.md"]
    assert "Confirmed by:** [Northern command]" in page
    assert "confirmed by no one else" not in page


# 2. Shown as contested everywhere ------------------------------------------------------------


def test_the_timeline_shows_each_version_with_its_holders_grade_and_quotes_escaped(build):
    book = build()
    (entry,) = timeline_view(book).entries
    (assertion,) = entry.assertions
    assert assertion.contested and assertion.status == "contested"
    assert [[t.text for t in v.claimed_by] for v in assertion.versions] == [
        ["Northern Brigade <i>"],
        ["Ivan Petrov"],
    ]
    assert [t.text for t in assertion.versions[1].denied_by] == ["Northern state"]
    page = render_briefing(book.briefing)["test/timeline.md"]
    assert "Status: contested</span>" in page
    assert "2 rival versions, each graded on its own sources" in page
    assert (
        "#### Version 1: held by [Northern Brigade &lt;i&gt;](actors/northern-brigade.md)" in page
    )
    assert "{: #raid--responsibility--2 }" in page
    assert "- **Held by:** [Ivan Petrov](actors/ivan-petrov.md)" in page
    assert "- **Denied by:** [Northern state](actors/northern-state.md)" in page
    assert "a rival version is held by Ivan Petrov" in page
    # The editor's words and the source's are data, never markup.
    assert "<script>" not in page and "<b>" not in page and "<i>" not in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page


def test_the_overview_box_lists_each_version_and_the_dispute(build):
    book = build()
    glance = glance_view(book)
    who = glance.responsibility
    assert who is not None and who.contested and not who.one_version
    assert who.status.text == "Status: contested"
    assert [v.entry.anchor for v in who.versions] == [
        "raid--responsibility--1",
        "raid--responsibility--2",
    ]
    assert [v.standing.status.text for v in who.versions] == [
        "Status: claimed",
        "Status: disputed",
    ]
    (dispute,) = glance.disputes
    assert [[t.text for t in held] for held in dispute.versions] == [
        ["Northern Brigade <i>"],
        ["Ivan Petrov"],
    ]
    page = render_briefing(book.briefing)["test/index.md"]
    assert "2 rival versions, each graded on its own sources" in page
    assert "contested, 2 rival versions, held by [Northern Brigade &lt;i&gt;]" in page
    assert "; by [Ivan Petrov](timeline.md" not in page  # links lead to the actors' pages
    assert "(actors/northern-brigade.md); by [Ivan Petrov](actors/ivan-petrov.md)" in page
    assert "It is the only version" not in page


def test_the_comparison_grid_has_a_row_per_version(build):
    view = compare_view(build())
    raid = next(row for row in view.facts if row.fact.anchor == "raid")
    assert [(r.fact.text, r.fact.anchor, r.lineages) for r in raid.assertions] == [
        (
            "Who was responsible, version 1 (held by Northern Brigade <i>)",
            "raid--responsibility--1",
            2,
        ),
        ("Who was responsible, version 2 (held by Ivan Petrov)", "raid--responsibility--2", 2),
    ]
    # The version's cells: wire ¶3 and herald ¶3 for the groups' version (¶1 is the title).
    assert [[t.text for t in cell] for cell in raid.assertions[0].cells] == [["¶3"], ["¶3"]]


def test_actors_named_only_in_versions_are_on_their_pages(build):
    book = build(confirmed("border-mission", MONITORS) + GOVERNOR)
    roles = {
        actor: actor_view(book, book.actors[actor]).events
        for actor in ("northern-state", "border-mission", "ivan-petrov")
    }
    assert [line.note for line in roles["northern-state"]] == [
        "denies a version of who was responsible"
    ]
    assert [line.note for line in roles["border-mission"]] == [
        "confirms a version of who was responsible"
    ]
    assert [line.note for line in roles["ivan-petrov"]] == [
        "holds a version of who was responsible"
    ]


# 3. The exports carry what the pages show ----------------------------------------------------


def exported(book: Book) -> dict[str, str]:
    return data_files(book.briefing, book.analysis)


def test_events_json_and_csv_carry_each_version_with_its_grade(build):
    files = exported(build())
    (event,) = json.loads(files["data/events.json"])
    (assertion,) = event["assertions"]
    assert assertion["contested"] is True and assertion["standing"] == "contested"
    versions = assertion["all_versions"]
    assert [v["held_by"] for v in versions] == [["northern-brigade"], ["ivan-petrov"]]
    assert [v["denied_by"] for v in versions] == [[], ["northern-state"]]
    assert [v["graded"]["grade"] for v in versions] == [3, 3]
    assert "a rival version is held by Ivan Petrov" in " ".join(versions[0]["graded"]["steps"])
    assert [c["paragraph"] for c in versions[0]["citations"]] == [3, 3]
    (row,) = csv.DictReader(files["data/events.csv"].splitlines())
    assert row["assertions"] == (
        "responsibility: contested; version 1 held by northern-brigade, credibility 3 | "
        "version 2 held by ivan-petrov, denied by northern-state, credibility 3"
    )


def test_the_one_version_form_is_exported_as_one_version(build):
    files = exported(build(events=SINGLE))
    (assertion,) = json.loads(files["data/events.json"])[0]["assertions"]
    assert assertion["contested"] is False and assertion["standing"] == "claimed"
    (version,) = assertion["all_versions"]
    assert version["held_by"] == ["northern-brigade"]
    assert version["confirmed_by"] == ["northern-command"]


def test_an_erratum_is_never_exported_as_a_supporting_citation(build):
    files = exported(build())
    (claim,) = json.loads(files["data/claims.json"])
    right, wrong = claim["citations"]
    assert right["supports"] is True and right["erratum"] is None
    assert (right["says"], right["date_phrase"], right["hidden"]) == ("eight", "on Monday", False)
    assert wrong["supports"] is False and wrong["says"] == "forty"
    assert wrong["erratum"] == "The Herald's 'forty' is a misprint of the wire's 'eight'"
    assert claim["lineage_count"] == 1  # the erratum counts for no lineage
    (row,) = csv.DictReader(files["data/claims.csv"].splitlines())
    assert row["sources"] == "wire ¶5"
    assert "forty" not in row["quotes"]
    assert row["renderings"] == "wire ¶5: says “eight”, when “on Monday”"
    assert row["errata"] == (
        "herald ¶7 “Governor Petrov said forty people were wounded on Monday”: "
        "The Herald's 'forty' is a misprint of the wire's 'eight'"
    )


UPDATE = CLAIMS + textwrap.dedent("""\
    - id: petrov-wounded-12
      claimant: ivan-petrov
      as_of: 2023-05-23
      incident: raid
      category: wounded
      group: unspecified
      count: 40
      citations:
        - source: herald
          quote: Governor Petrov said forty people were wounded on Monday
    """)


def test_verdicts_are_exported_with_their_findings_by_claim_id(build):
    files = exported(build(claims=UPDATE))
    claims = {c["id"]: c for c in json.loads(files["data/claims.json"])}
    figures = claims["petrov-wounded-12"]["figures"]
    assert figures["verdict"] in ("update", "conflict", "unordered")
    (finding,) = figures["findings"]
    assert (finding["earlier"], finding["later"]) == ("petrov-wounded", "petrov-wounded-12")
    # No number without its claimant: a finding names claims, whose entries say who.
    assert set(finding) == {"verdict", "how", "earlier", "later"}
    rows = {r["id"]: r for r in csv.DictReader(files["data/claims.csv"].splitlines())}
    assert rows["petrov-wounded-12"]["verdict_reason"] == figures["reason"]
    assert "Ivan Petrov" in figures["reason"]


# 4. Mistakes with versions, reported where they stand -----------------------------------------


def checked(project, capsys, versions: str) -> str:
    root = project(
        files={
            "sources.yaml": SOURCES,
            "actors.yaml": ACTORS,
            "events.yaml": EVENT + versions,
            "claims.yaml": CLAIMS,
        },
        seeds={"wire.txt": WIRE, "herald.txt": HERALD},
    )
    assert main(["--root", str(root), "check"]) == 1
    return capsys.readouterr().err


def test_a_version_without_holders_is_refused(project, capsys):
    said = checked(project, capsys, GROUPS.replace("          held_by: [northern-brigade]\n", ""))
    assert "events.yaml:16: assertions[0].versions[0].held_by: missing; add it" in said


def test_an_empty_list_of_holders_is_refused(project, capsys):
    said = checked(project, capsys, GROUPS.replace("[northern-brigade]", "[]") + GOVERNOR)
    assert "events.yaml:17: assertions[0].versions[0].held_by:" in said


def test_a_confirmer_who_also_denies_the_same_version_is_refused(project, capsys):
    versions = GOVERNOR.replace(
        "          denied_by: [northern-state]\n",
        "          denied_by: [northern-state]\n          confirmed_by: [northern-state]\n",
    )
    said = checked(project, capsys, GROUPS + versions)
    assert (
        "events.yaml:25: assertions[0].versions[1].denied_by: 'northern-state' both confirms "
        "and denies this version" in said
    )


def test_two_versions_held_by_the_same_actor_are_refused(project, capsys):
    said = checked(
        project, capsys, GROUPS + GOVERNOR.replace("[ivan-petrov]", "[northern-brigade]")
    )
    assert (
        "events.yaml:23: assertions[0].versions[1]: 'northern-brigade' already holds version 1"
        in said
    )


def test_a_status_beside_versions_is_refused(project, capsys):
    said = checked(project, capsys, GROUPS + GOVERNOR + "      status: claimed\n")
    assert "assertions[0].status: is given beside 'versions'" in said


def test_an_assertion_with_neither_status_nor_versions_is_refused(project, capsys):
    said = checked(project, capsys, "        []\n")
    assert "assertions[0].status: missing; give the assertion's status" in said


def test_a_figures_scope_is_exported_beside_it(build):
    scoped = CLAIMS.replace("  count: 8\n", "  count: 8\n  scope: people hit by shelling\n")
    files = exported(build(claims=scoped))
    (claim,) = json.loads(files["data/claims.json"])
    assert claim["scope"] == claim["counted_scope"] == "people hit by shelling"
    (row,) = csv.DictReader(files["data/claims.csv"].splitlines())
    assert row["scope"] == "people hit by shelling"
    assert row["according_to"] == "according to Ivan Petrov"
