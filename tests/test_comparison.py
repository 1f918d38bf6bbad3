"""Corroboration, credibility, figure verdicts, statement diffs, framing and name variants,
each pinned on small made-up sources."""

import datetime
import json
import textwrap
from types import SimpleNamespace

from generator.analysis.corroboration import (
    Dispute,
    Evidence,
    belligerents,
    grade_credibility,
    lineages,
    sides,
)
from generator.analysis.figures import compare_figures as figure_comparison
from generator.analysis.figures import group_claims, implies
from generator.analysis.framing import describe_actors
from generator.analysis.losses import key_figures
from generator.analysis.names import looks_like
from generator.analysis.statements import closest_rendering, compare_renderings, word_diff
from generator.cli import main
from generator.factsheets.model import (
    Actor,
    CasualtyClaim,
    Citation,
    CountRange,
    CredibilityOverride,
    Event,
    Rendering,
    Source,
    SourceGrade,
    Statement,
)
from generator.sources.text import clean_source_text
from generator.words import credibility_label, credibility_steps, figure_reason, group_title

DAY = datetime.date(2023, 5, 22)


def source(id_, derived_from=()):
    return Source(
        id=id_,
        file=f"{id_}.txt",
        outlet=None,
        title="t",
        published=DAY,
        language="en",
        derived_from=list(derived_from),
    )


def actor(id_, affiliations=(), belligerent=False):
    return Actor(
        id=id_,
        name=id_.title(),
        kind="person",
        affiliations=list(affiliations),
        belligerent=belligerent,
    )


def claim(id_, count, *, claimant="petrov", day=22, time=None, qualifier="exactly", stated=True):
    """A figure; `stated`: a source says when it was given (else it is dated by publication)."""
    return CasualtyClaim(
        id=id_,
        claimant=claimant,
        as_of=datetime.date(2023, 5, day),
        incident="raid",
        category="wounded",
        group="civilians",
        count=count,
        qualifier=qualifier,
        as_of_time=time,
        citations=[
            Rendering(
                source="daily", quote="on that day x", date_phrase="on that day" if stated else None
            )
        ],
    )


# Lineages and sides ---------------------------------------------------------------------


def test_a_source_and_everything_derived_from_it_are_one_lineage():
    found = lineages(
        [
            source("wire"),
            source("copy", ["wire"]),
            source("copy-of-copy", ["copy"]),
            source("independent"),
        ]
    )
    assert found == {
        "wire": "wire",
        "copy": "wire",
        "copy-of-copy": "wire",
        "independent": "independent",
    }


def test_a_lineage_is_named_by_its_original_even_when_listed_after_the_copy():
    assert lineages([source("copy", ["wire"]), source("wire")]) == {"copy": "wire", "wire": "wire"}


def test_actors_affiliated_with_a_belligerent_are_parties_through_chains():
    actors = [
        actor("state", belligerent=True),
        actor("ministry", ["state"]),
        actor("spokesman", ["ministry"]),
        actor("reporter"),
    ]
    assert belligerents(actors) == {"state", "ministry", "spokesman"}
    assert sides(actors)["spokesman"] == {"spokesman", "ministry", "state"}


# Credibility ----------------------------------------------------------------------------

ACTORS = [
    actor("army", belligerent=True),
    actor("army-spokesman", ["army"]),
    actor("rebels", belligerent=True),
    actor("monitor"),
]


def grade(evidence, override=None):
    """The grade, with its steps in words (actors named by their ids, titled; each lineage
    given as one source whose id is its label)."""
    found = grade_credibility(
        evidence, side=sides(ACTORS), parties=belligerents(ACTORS), override=override
    )
    return SimpleNamespace(
        grade=found.grade,
        computed=found.computed,
        label=credibility_label(found.grade),
        steps=tuple(credibility_steps(found, str.title, str)),
    )


def lineage(*labels):
    return [(label,) for label in labels]


def test_two_lineages_make_a_fact_probably_true_one_possibly_true():
    assert grade(Evidence(lineage("Daily", "Herald"))).grade == 2
    one = grade(Evidence(lineage("Daily + its translation")))
    assert one.grade == 3
    assert one.steps == ("carried by one lineage only (Daily + its translation): 3, possibly true",)


def test_a_belligerents_claim_repeated_by_many_outlets_stays_possibly_true():
    found = grade(Evidence(lineage("Daily", "Herald", "Post"), claimants=["rebels"]))
    assert found.grade == 3
    assert "claimed only by parties to the fighting (Rebels)" in found.steps[-1]


def test_confirmation_by_the_other_side_makes_it_confirmed():
    found = grade(Evidence(lineage("Daily", "Herald"), claimants=["rebels"], confirmers=["army"]))
    assert found.grade == 1
    assert found.steps[1] == "confirmed by Army, who does not claim it: one better: 1, confirmed"


def test_confirmation_by_the_claimants_own_side_does_not_count():
    found = grade(
        Evidence(lineage("Daily", "Herald"), claimants=["army"], confirmers=["army-spokesman"])
    )
    assert found.grade == 3


def test_a_denial_makes_a_single_source_fact_doubtful():
    found = grade(Evidence(lineage("Daily"), disputed=Dispute(denied_by=("army",))))
    assert (found.grade, found.label) == (4, "doubtful")


def test_a_figure_implied_by_another_lineage_counts_as_corroborated():
    found = grade(Evidence(lineage("Daily"), implied_by=lineage("Herald")))
    assert found.grade == 2
    assert "implied by a figure in 1 more (Herald)" in found.steps[0]


def test_an_editor_override_replaces_the_grade_and_keeps_the_computed_one():
    override = CredibilityOverride(grade=5, reason="Satellite images show no damage.")
    found = grade(Evidence(lineage("Daily", "Herald")), override)
    assert (found.grade, found.computed) == (5, 2)
    assert found.steps[-1] == "an editor set 5, improbable: Satellite images show no damage."


def test_an_override_outside_the_scale_is_an_error_with_its_line(project, capsys):
    events = textwrap.dedent("""\
        - id: crossing
          title: Gunmen cross the border
          date: 2023-05-22
          summary: Gunmen crossed the border.
          status: reported
          credibility: {grade: 7, reason: sure}
          citations:
            - source: daily
              quote: crossed the border into Riverton district on Monday
        """)
    root = project(files={"events.yaml": events})
    assert main(["--root", str(root), "check"]) == 1
    assert (
        "briefings/test/events.yaml:6: credibility.grade: 7 is not a credibility grade "
        "(1 confirmed … 6 cannot be judged); use 1 to 6"
    ) in capsys.readouterr().err


# Figures --------------------------------------------------------------------------------


def who(c):
    return c.claimant.title()


def compare_figures(claims, category, who):
    """The comparison, with its reason in words."""
    found = figure_comparison(claims, category)
    return SimpleNamespace(
        verdict=found.verdict, reason=figure_reason(found, who), conflicting=found.conflicting
    )


def test_figures_whose_ranges_meet_are_compatible():
    found = compare_figures(
        [
            claim("a", 8),
            claim("b", 8, claimant="herald", qualifier="at least"),
            claim("c", "unknown", claimant="post"),
        ],
        "wounded",
        who,
    )
    assert (found.verdict, found.reason) == (
        "compatible",
        "the figures do not exclude each other: all allow 8",
    )


def test_a_later_higher_count_is_an_update():
    found = compare_figures([claim("later", 12, day=23), claim("first", 8)], "wounded", who)
    assert found.verdict == "update"
    assert found.reason == (
        "update over time: 8 from Petrov on 22 May, then 12 on 23 May: a later, "
        "higher figure from the same claimant, as a running count grows"
    )


def test_a_later_figure_above_the_claimants_earlier_floor_is_an_update():
    floor = [claim("first", 14, qualifier="at least"), claim("later", 17, day=23)]
    found = compare_figures(floor, "killed", who)
    assert found.verdict == "update"
    assert found.reason == (
        "update over time: at least 14 from Petrov on 22 May, then 17 on 23 May: above the "
        "least the same claimant gave before, as a count grows"
    )
    assert found.conflicting == frozenset()


def test_scores_then_a_number_above_forty_is_an_update():
    scores = claim("scores", CountRange(min=40), day=14)
    scores.words = "scores"
    found = compare_figures([scores, claim("63", 63, day=15)], "wounded", who)
    assert found.verdict == "update"
    assert found.reason.startswith("update over time: “scores” (read as at least 40) from")


def test_a_floor_that_does_not_rise_or_cannot_be_ordered_stays_compatible():
    same = [claim("first", 14, qualifier="at least"), claim("later", 14, day=23)]
    assert compare_figures(same, "killed", who).verdict == "compatible"
    # Given by another claimant, a higher figure does not update the first one's floor.
    other = [claim("first", 14, qualifier="at least"), claim("b", 17, claimant="herald", day=23)]
    assert compare_figures(other, "killed", who).verdict == "compatible"
    # Dated only by publication, a day apart: which came first is not known.
    unordered = [
        claim("first", 14, qualifier="at least", stated=False),
        claim("later", 17, day=23, stated=False),
    ]
    assert compare_figures(unordered, "killed", who).verdict == "compatible"
    # A closed earlier figure has no floor to rise above: 10 to 20, then 15, still meet.
    closed = [claim("first", CountRange(min=10, max=20)), claim("later", 15, day=23)]
    assert compare_figures(closed, "killed", who).verdict == "compatible"


def test_different_figures_for_the_same_time_conflict():
    found = compare_figures([claim("a", 8), claim("b", 12, claimant="herald")], "wounded", who)
    assert found.verdict == "conflict"
    assert found.reason == "conflict: Petrov gives 8 and Herald gives 12, both as of 22 May"
    assert found.conflicting == {"a", "b"}


def test_a_count_of_wounded_that_falls_later_is_a_conflict_but_missing_may_fall():
    falling = [claim("first", 12), claim("later", 8, day=23)]
    found = compare_figures(falling, "wounded", who)
    assert found.verdict == "conflict"
    assert "a count of wounded does not fall" in found.reason
    assert compare_figures(falling, "missing", who).verdict == "update"


def test_times_of_day_order_figures_given_on_one_day():
    found = compare_figures(
        [claim("a", 8, time="morning"), claim("b", 12, time="evening")], "wounded", who
    )
    assert found.verdict == "update"
    assert (
        compare_figures([claim("a", 8, time="morning"), claim("b", 12)], "wounded", who).verdict
        == "conflict"
    )


def test_one_figure_implies_another_only_when_its_range_lies_within():
    twelve, at_least_8 = claim("a", 12), claim("b", 8, qualifier="at least")
    assert implies(twelve, at_least_8)
    assert not implies(at_least_8, twelve)
    assert not implies(claim("c", "unknown"), at_least_8)
    assert implies(claim("d", CountRange(min=9, max=10)), at_least_8)


# Statements and framing -----------------------------------------------------------------


def test_word_diff_marks_changed_words_and_the_part_a_source_does_not_quote():
    base = "We will hold the mill until the talks begin, and not a day longer."
    changes, share = word_diff(base, "we will keep the mill until the talks begin")
    marked = [(c.text, c.change) for c in changes]
    assert ("hold", "dropped") in marked and ("keep", "added") in marked
    assert ("longer.", "outside") in marked  # not quoted, rather than dropped
    assert ("begin", "same") in marked  # case and punctuation are not differences
    assert share == 8 / 9  # of its nine words, all but "keep" are in the base


def test_the_base_rendering_is_the_one_closest_to_all_others():
    renderings = [
        "the talks begin today at noon",
        "the talks begin at noon",
        "the talks will begin at noon",
    ]
    assert closest_rendering(renderings) == 1


def graded(id_, grade, derived_from=()):
    graded_source = source(id_, derived_from)
    graded_source.reliability = SourceGrade(grade=grade, reason="r")
    return graded_source


def statement_rendered(*renderings):
    return Statement(
        id="s",
        speaker="petrov",
        title="t",
        date="2023-05-22",
        where="w",
        citations=[Citation(source=sid, quote=quote) for sid, quote in renderings],
    )


def test_the_base_rendering_is_the_most_reliable_original_not_the_closest():
    # The translation is closest to both others, but it copies the original: the original
    # is the base, and the translation's wording is the deviation (audit m15).
    said = statement_rendered(
        ("wire", "a sabotage group has entered the district and will be eliminated"),
        ("copy", "a sabotage group entered the district and will be eliminated soon"),
        ("blog", "a sabotage group entered the district and will be destroyed soon"),
    )
    sources = [graded("wire", "B"), graded("copy", "D", ["wire"]), graded("blog", "F")]
    assert compare_renderings(said).base == 1  # by closeness alone: the copy
    comparison = compare_renderings(said, sources)
    assert [r.source for r in comparison.renderings][comparison.base] == "wire"
    copy = comparison.renderings[1]
    assert ("has", "dropped") in [(c.text, c.change) for c in copy.changes]
    # A copy of a copy is still a copy; an ungraded source counts as F, below a graded D.
    sources = [graded("wire", "B", ["blog"]), source("copy", ["wire"]), graded("blog", "D")]
    assert compare_renderings(said, sources).base == 2
    # Among equals (same grade, none copied), the closest to all the others.
    sources = [graded("wire", "C"), graded("copy", "C"), graded("blog", "C")]
    assert compare_renderings(said, sources).base == 1


def test_framing_collects_words_attached_to_a_name_outside_quotations():
    text = clean_source_text(
        textwrap.dedent("""\
        The hard-line Northern Brigade crossed the river. Ivan Petrov, the regional governor,
        said the situation was tense.

        "The brave Northern Brigade will win," said Ivan Petrov, a former colonel.
        """),
        "",
        [],
    )
    found = describe_actors(
        {"daily": text}, {"Northern Brigade": "brigade", "Ivan Petrov": "petrov"}
    )
    assert [d.words for d in found["brigade"]["daily"]] == ["hard-line"]
    assert [d.words for d in found["petrov"]["daily"]] == [
        "the regional governor",
        "a former colonel",
    ]
    assert found["petrov"]["daily"][0].paragraph == 1


def test_a_close_spelling_is_a_variant_but_a_demonym_is_not():
    assert looks_like("Grayvoron", "Graivoron")
    assert looks_like("Free Russian Legion", "Freedom of Russia Legion")
    assert not looks_like("Russian", "Russia")
    assert not looks_like("Moscow", "Bryansk")


# The whole pipeline on a copy, a paraphrase and an independent report --------------------

WIRE = textwrap.dedent("""\
    Gunmen from the Northern Brigade crossed the border into Riverton district on Monday.

    Governor Ivan Petrov said eight people were wounded in the shelling of the town.
    """)
COPY = textwrap.dedent("""\
    Gunmen from the Northern Brigade crossed the border into Riverton district on Monday,
    the wire reported.

    Governor Ivan Petrov said eight people were wounded in the shelling of the town.
    """)
INDEPENDENT = textwrap.dedent("""\
    Our reporter in Riverton saw armed men arrive from across the border on Monday.

    On Tuesday the governor, Ivan Petrow, put the number of wounded at 12.
    """)


def comparison_project(project):
    sources = textwrap.dedent("""\
        - id: wire
          file: wire.txt
          outlet: The Wire
          title: Gunmen cross
          published: 2023-05-22
          language: en
          reliability: {grade: B, reason: A wire service with named reporters.}
        - id: copy
          file: copy.txt
          outlet: The Copy
          title: Gunmen cross
          published: 2023-05-22
          language: en
          derived_from: [wire]
        - id: local
          file: local.txt
          outlet: The Local
          title: Armed men arrive
          published: 2023-05-23
          language: en
        """)
    events = textwrap.dedent("""\
        - id: crossing
          title: Gunmen cross the border
          date: 2023-05-22
          summary: Gunmen crossed the border.
          status: claimed
          claimed_by: [northern-brigade]
          citations:
            - source: wire
              quote: crossed the border into Riverton district on Monday
            - source: copy
              quote: crossed the border into Riverton district on Monday
            - source: local
              quote: saw armed men arrive from across the border on Monday
        - id: shelling
          title: The town is shelled
          date: 2023-05-22
          summary: The town was shelled.
          status: reported
          citations:
            - source: wire
              quote: wounded in the shelling of the town
            - source: copy
              quote: wounded in the shelling of the town
        """)
    claims = textwrap.dedent("""\
        - id: petrov-8
          claimant: ivan-petrov
          as_of: 2023-05-22
          incident: shelling
          category: wounded
          group: unspecified
          count: 8
          citations:
            - source: wire
              quote: said eight people were wounded
            - source: copy
              quote: said eight people were wounded
        - id: petrov-12
          claimant: ivan-petrov
          as_of: 2023-05-23
          incident: shelling
          category: wounded
          group: unspecified
          count: 12
          citations:
            - source: local
              quote: put the number of wounded at 12
        """)
    actors = textwrap.dedent("""\
        - id: northern-brigade
          name: Northern Brigade
          kind: armed group
          belligerent: true
        - id: ivan-petrov
          name: Ivan Petrov
          kind: person
          affiliations: [northern-brigade]
        """)
    return project(
        files={
            "sources.yaml": sources,
            "events.yaml": events,
            "claims.yaml": claims,
            "actors.yaml": actors,
        },
        seeds={"wire.txt": WIRE, "copy.txt": COPY, "local.txt": INDEPENDENT},
    )


def test_the_data_carries_lineage_counts_grades_and_verdicts(project, tmp_path):
    root = comparison_project(project)
    out = tmp_path / "out"
    assert main(["--root", str(root), "render", "--pages-only", "--out", str(out)]) == 0
    events = {e["id"]: e for e in json.loads((out / "test/data/events.json").read_text())}
    # Three sources, two lineages: the copy counts with the wire.
    assert events["crossing"]["lineages"] == [["wire", "copy"], ["local"]]
    assert events["crossing"]["lineage_count"] == 2
    # A belligerent's claim, however widely carried, is no better than possibly true.
    assert events["crossing"]["graded"]["grade"] == 3
    assert events["shelling"]["single_source"] is True
    claims = {c["id"]: c for c in json.loads((out / "test/data/claims.json").read_text())}
    # Neither source says when Petrov gave his figure; dated by publication a day apart,
    # they cannot be put in order, so they are no update.
    assert claims["petrov-12"]["figures"]["verdict"] == "unordered"
    sources = {s["id"]: s for s in json.loads((out / "test/data/sources.json").read_text())}
    assert sources["copy"]["lineage"] == "wire"
    assert sources["wire"]["reliability"]["grade"] == "B"

    compare = (out / "test/compare.md").read_text()
    assert "| [The Copy](sources/copy.md) | F, not graded by an editor |" in compare
    assert "one lineage with [The Wire](sources/wire.md)" in compare
    timeline = (out / "test/timeline.md").read_text()
    assert "Sources: one lineage</span>" in timeline.split("## 22 May 2023: The town is shelled")[1]
    assert (
        "- **Independent lineages (2):** [The Wire](sources/wire.md) + "
        "[The Copy](sources/copy.md); [The Local](sources/local.md)"
    ) in timeline


def test_coverage_offers_an_unlisted_spelling_as_an_alias(project, capsys):
    root = comparison_project(project)
    assert main(["--root", str(root), "coverage"]) == 1
    assert (
        "name 'Ivan Petrow' is not an actor, place or waived name (it looks like "
        "'Ivan Petrov', actor 'ivan-petrov': if it is, add it to that record's aliases)"
    ) in capsys.readouterr().out


def test_unlisted_variants_are_flagged_in_the_names_by_source(project, tmp_path):
    root = comparison_project(project)
    out = tmp_path / "out"
    assert main(["--root", str(root), "render", "--pages-only", "--out", str(out)]) == 0
    actor_page = (out / "test/actors/ivan-petrov.md").read_text()
    assert "⚑ Ivan Petrow (1)</span>" in actor_page
    sources_index = (out / "test/sources/index.md").read_text()
    assert "| B, usually reliable |" in sources_index


def _event(id_):
    return Event(
        id=id_,
        title=id_,
        date="2023-05-22",
        summary="s",
        status="reported",
        citations=[Citation(source="daily", quote="on that day x")],
    )


def test_two_groups_of_one_loss_told_apart_by_place_never_share_a_title():
    town = claim("town", 2)
    town.place, town.group, town.category = "lowford", "soldiers", "killed"
    nowhere = claim("nowhere", 5, claimant="herald")
    nowhere.group, nowhere.category = "soldiers", "killed"
    groups = group_claims([town, nowhere], [_event("raid")], None, {"lowford": "Lowford"})
    assert [group_title(g) for g in groups] == [
        "Killed: soldiers (place not stated)",
        "Killed: soldiers (Lowford)",
    ]
    # A loss counted in one place only needs no place in its title.
    assert group_title(group_claims([town], [_event("raid")])[0]) == "Killed: soldiers"


def test_one_named_group_does_not_name_the_figures_that_do_not_say_who():
    civilians = claim("civilians", 12)
    people = claim("people", 8, claimant="herald")
    people.group = "unspecified"
    (group,) = group_claims([civilians, people], [_event("raid")])
    assert group_title(group) == "Wounded: civilians, and figures not saying who"
    (loss,) = key_figures([group], DAY, None).story
    assert loss.takes_unspecified
    alone = group_claims([civilians], [_event("raid")])
    assert not key_figures(alone, DAY, None).story[0].takes_unspecified


def test_a_groups_span_takes_no_upper_bound_from_an_open_figure():
    (group,) = group_claims(
        [claim("a", 31), claim("b", 40, claimant="herald", qualifier="at least")], [_event("raid")]
    )
    assert group.bounds == (31, None)
    (closed,) = group_claims(
        [claim("a", 31), claim("b", CountRange(min=35, max=40), claimant="herald")],
        [_event("raid")],
    )
    assert closed.bounds == (31, 40)
