"""The editorial check, rule by rule, on small made-up briefings: each rule warns with the
file, line, words found and how to fix, a waiver silences it for one record, and a waiver
that matches nothing is reported."""

from __future__ import annotations

import textwrap
from typing import get_args

import pytest
from conftest import ACTORS, CLAIMS, EVENTS, ROOT

from generator.build import analysed_problems
from generator.checks.editorial_rules import RULES
from generator.cli import main
from generator.factsheets.vocabulary import EditorialRule
from generator.pipeline import load_briefings

SEED = textwrap.dedent("""\
    date 2023-05-22 Fighting near the border

    Gunmen from the Northern Brigade crossed the border into Riverton district on Monday, \
    officials said. What appeared to be drones struck the bridge at Lowford.

    Governor Ivan Petrov said eight people were wounded. The brigade says it took the \
    village of Lowford.

    At least 3 people were killed, according to the local hospital. Officials in Riverton \
    later said at least nine people were wounded.

    The Northern Brigade denied shelling the market. A tank and some artillery pieces were \
    seen on the road.
    """)
SOURCES = textwrap.dedent("""\
    - id: daily
      file: daily.txt
      outlet: The Daily
      title: Fighting near the border
      published: 2023-05-22
      language: en
      reliability: {grade: F, reason: an outlet no one knows}
    """)


def _event(extra: str = "", *, summary: str = "Gunmen crossed the border.", quote: str = "") -> str:
    citation = quote or "crossed the border into Riverton district on Monday"
    head = textwrap.dedent(f"""\
        - id: crossing
          title: Gunmen cross the border
          date: 2023-05-22
          summary: {summary}
          status: reported
        """)
    return (
        head
        + textwrap.indent(extra, "  ")
        + f"  citations:\n    - source: daily\n      quote: {citation}\n"
    )


def _warnings(project, **files: str) -> list[str]:
    root = project(
        files={"sources.yaml": SOURCES, **{f"{k}.yaml": v for k, v in files.items()}},
        seeds={"daily.txt": SEED},
    )
    briefings, problems = load_briefings(root, root / "briefings", root / "seeds")
    assert not [p for p in problems if p.severity == "error"], problems
    return [str(p) for b in briefings for p in analysed_problems(b)]


def test_the_made_up_briefing_passes(project):
    assert _warnings(project) == []


def test_a_hedge_the_summary_drops(project):
    events = _event(
        summary="Drones struck the bridge at Lowford.", quote="drones struck the bridge"
    )
    found = _warnings(project, events=events)
    assert found == [
        "briefings/test/events.yaml:4: warning: summary: dropped-hedge: the cited text hedges "
        "(“What appeared to be” in daily ¶2) but the title and summary state it as fact; keep the "
        "hedge or say who says it (if the sources bear it out, silence this with "
        "`check: dropped-hedge`, `record: crossing` and the reason in waivers.yaml)"
    ]
    kept = _event(
        summary="What appeared to be drones struck the bridge at Lowford.",
        quote="drones struck the bridge",
    )
    assert _warnings(project, events=kept) == []


def test_a_qualifier_the_figure_drops(project):
    claims = CLAIMS + textwrap.dedent("""\
        - id: officials-wounded
          claimant: null
          witness: the outlet counted
          as_of: 2023-05-22
          incident: crossing
          category: wounded
          group: unspecified
          count: 9
          citations:
            - source: daily
              quote: nine people were wounded
        """)
    found = _warnings(project, claims=claims)
    assert len(found) == 1
    assert (
        "claims.yaml:20: warning: citations[0]: dropped-qualifier: gives 9 exactly, but "
        in (found[0])
    )
    assert "set `qualifier: at least`" in found[0]
    fixed = claims.replace("  count: 9\n", "  count: 9\n  qualifier: at least\n")
    assert _warnings(project, claims=fixed) == []


@pytest.mark.parametrize(
    ("summary", "words"),
    [
        ("Gunmen crossed the border; 40 people fled.", "“40”"),
        ("Gunmen crossed the border; forty people fled.", "“40”"),
    ],
)
def test_a_number_no_cited_paragraph_gives(project, summary, words):
    found = _warnings(project, events=_event(summary=summary))
    assert len(found) == 1
    assert f"events.yaml:4: warning: summary: unheld-number: gives {words}" in found[0]
    # "one" and "two" count what a summary names; a paragraph's number is held.
    assert _warnings(project, events=_event(summary="Two groups crossed the border.")) == []


def test_a_name_no_cited_paragraph_holds(project):
    found = _warnings(project, events=_event(summary="Gunmen from Varnholt crossed the border."))
    assert len(found) == 1
    assert "summary: unheld-name: names “Varnholt”" in found[0]
    # A name the cited paragraph holds, a listed actor's alias, an outlet: none is a warning.
    held = "Gunmen crossed into Riverton district, The Daily says; the brigade led them."
    assert _warnings(project, events=_event(summary=held)) == []
    # A day's or month's name, possessive or not, names no one.
    dated = "Gunmen crossed the border in Friday's darkness, in June."
    assert _warnings(project, events=_event(summary=dated)) == []


def test_a_claimant_confirmer_or_denier_no_cited_paragraph_names(project):
    actors = ACTORS + "- id: karl-weiss\n  name: Karl Weiss\n  kind: person\n"
    claims = CLAIMS.replace("claimant: ivan-petrov", "claimant: karl-weiss")
    found = _warnings(project, claims=claims, actors=actors)
    assert len(found) == 1
    assert (
        "claims.yaml:2: warning: claimant: unnamed-actor: lists 'Karl Weiss' (karl-weiss), whom "
        "no cited paragraph (or the one before it) names by any of their names (“Karl Weiss”)"
    ) in found[0]
    confirmed = _event("confirmed_by: [ivan-petrov]\n").replace("reported", "confirmed")
    found = _warnings(project, events=confirmed)
    assert any("confirmed_by: unnamed-actor: lists 'Ivan Petrov'" in w for w in found), found
    # Named by an alias ("the brigade"), a claimant passes.
    claims = CLAIMS.replace("claimant: ivan-petrov", "claimant: northern-brigade")
    assert _warnings(project, claims=claims) == []


def test_an_actor_referred_to_by_office_is_named(project):
    """A source that says "the governor of Riverton" names the governor for the check, once
    the office is among the actor's titles; an office no title lists still warns."""
    seed = SEED.replace("Governor Ivan Petrov said", "The governor of Riverton said")
    root_files = {"sources.yaml": SOURCES}
    actors = ACTORS + "- id: karl-weiss\n  name: Karl Weiss\n  kind: person\n"
    claims = CLAIMS.replace("claimant: ivan-petrov", "claimant: karl-weiss")

    def warnings(actors: str) -> list[str]:
        root = project(
            files={**root_files, "actors.yaml": actors, "claims.yaml": claims},
            seeds={"daily.txt": seed},
        )
        briefings, problems = load_briefings(root, root / "briefings", root / "seeds")
        assert not [p for p in problems if p.severity == "error"], problems
        return [str(p) for b in briefings for p in analysed_problems(b)]

    assert any("unnamed-actor: lists 'Karl Weiss'" in w for w in warnings(actors))
    titled = actors + "  titles: [governor of Riverton]\n"
    assert warnings(titled) == []


def test_a_citation_whose_paragraph_is_about_something_else(project):
    events = EVENTS + textwrap.indent(
        "  - source: daily\n    quote: A tank and some artillery pieces were seen\n", "  "
    )
    found = _warnings(project, events=events)
    assert len(found) == 1
    assert "events.yaml:9: warning: citations[1]: unrelated-citation: cites daily ¶5" in found[0]


def test_confirmed_on_one_f_graded_source(project):
    events = _event("actors: [northern-brigade]\nconfirmed_by: [northern-brigade]\n").replace(
        "status: reported", "status: confirmed"
    )
    found = _warnings(project, events=events)
    assert len(found) == 1
    assert (
        "status: weak-confirmation: is 'confirmed' but rests only on sources graded E or F"
        in (found[0])
    )
    graded = SOURCES.replace("grade: F", "grade: B")
    found = _warnings(project, events=events, sources=graded)
    assert len(found) == 1
    assert "rests on one lineage (daily)" in found[0]


def test_a_figure_with_no_claimant_whose_sentence_attributes_it(project):
    claims = CLAIMS + textwrap.dedent("""\
        - id: hospital-killed
          claimant: null
          as_of: 2023-05-22
          incident: crossing
          category: killed
          group: unspecified
          count: 3
          qualifier: at least
          citations:
            - source: daily
              quote: At least 3 people were killed
        """)
    found = _warnings(project, claims=claims)
    assert len(found) == 1
    assert "claims.yaml:12: warning: claimant: unattributed-figure: has no claimant" in found[0]
    assert "(“according to” in daily ¶4)" in found[0]
    witnessed = claims.replace("claimant: null", "claimant: null\n  witness: counted it")
    assert _warnings(project, claims=witnessed) == []


def test_a_denial_cited_as_support(project):
    events = _event("actors: [northern-brigade]\n") + (
        "    - source: daily\n      quote: The Northern Brigade denied shelling the market\n"
    )
    found = _warnings(project, events=events)
    assert len(found) == 1
    assert "citations[1]: denial-as-support: cites daily ¶5 as support" in found[0]
    assert "(“denied”)" in found[0]
    denied = events.replace("status: reported", "status: denied\n  denied_by: [northern-brigade]")
    assert _warnings(project, events=denied) == []


def test_a_waiver_silences_one_rule_for_one_record_and_a_stale_one_is_reported(project):
    events = _event(summary="Gunmen from Varnholt crossed the border.")
    silence = textwrap.dedent("""\
        - check: unheld-name
          record: crossing
          reason: Varnholt is the district's old name, which the source does not use
        - check: unheld-number
          record: crossing
          reason: kept from an older summary
        - name: Zembla
          reason: a name no source uses any more
        - check: unheld-name
          record: crosing
          reason: a typo in the id
        """)
    found = _warnings(project, events=events, waivers=silence)
    assert found == [
        "briefings/test/waivers.yaml:4: warning: check: stale-waiver: silences 'unheld-number' "
        "for 'crossing', but that rule finds nothing there (any more); remove the waiver",
        "briefings/test/waivers.yaml:7: warning: name: stale-waiver: waives 'Zembla' for the "
        "coverage check, but it is found uncaptured nowhere (any more); remove the waiver",
        "briefings/test/waivers.yaml:10: warning: record: stale-waiver: 'crosing' is the id of "
        "no event, claim or statement; write the id of the record the warning names (an "
        "assertion's is its event's)",
    ]


def test_check_strict_fails_on_an_editorial_warning(project, capsys):
    root = project(
        files={
            "sources.yaml": SOURCES,
            "events.yaml": _event(summary="Gunmen from Varnholt came."),
        },
        seeds={"daily.txt": SEED},
    )
    assert main(["--root", str(root), "check"]) == 0
    assert main(["--root", str(root), "check", "--strict"]) == 1
    assert "unheld-name" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("waiver", "message"),
    [
        ("- check: unheld-name\n  reason: r\n", "record: name the id of the record"),
        ("- record: crossing\n  reason: r\n", "give exactly one of"),
        ("- check: no-such-rule\n  record: crossing\n  reason: r\n", "check:"),
    ],
)
def test_a_silence_must_name_its_rule_and_record(project, capsys, waiver, message):
    root = project(files={"waivers.yaml": waiver})
    assert main(["--root", str(root), "check"]) == 1
    assert message in capsys.readouterr().err


def test_every_rule_a_waiver_may_name_says_what_it_finds_and_how_to_fix_it():
    assert set(RULES) == set(get_args(EditorialRule))
    assert all(finds and fix for finds, fix in RULES.values())


def test_each_rival_version_is_read_as_a_fact_of_its_own(project):
    """A version's holder whom none of that version's paragraphs names is reported at the
    version's own field; the other version, whose holder its paragraph names, is not."""
    versions = textwrap.dedent("""\
        assertions:
          - about: responsibility
            summary: Who led the crossing is disputed.
            versions:
              - summary: The Northern Brigade led it.
                held_by: [northern-brigade]
                citations:
                  - source: daily
                    quote: Gunmen from the Northern Brigade crossed the border
              - summary: Petrov's men led it.
                held_by: [ivan-petrov]
                citations:
                  - source: daily
                    quote: The Northern Brigade denied shelling the market
        """)
    found = _warnings(project, events=_event(versions))
    unnamed = [w for w in found if "unnamed-actor" in w]
    assert len(unnamed) == 1, found
    assert (
        "warning: assertions[0].versions[1].held_by: unnamed-actor: lists 'Ivan Petrov'"
        in (unnamed[0])
    )


@pytest.mark.parametrize(
    "root", [ROOT, ROOT / "tests" / "fixtures" / "brenmark"], ids=["shipped", "fixture"]
)
def test_the_briefings_we_ship_raise_no_editorial_warning(root):
    """Every warning on the shipped and fixture briefings was fixed or silenced with a
    reason; a silence that matches nothing would be a warning too."""
    briefings, problems = load_briefings(root, root / "briefings", root / "seeds")
    assert briefings and not [p for p in problems if p.severity == "error"], problems
    assert [str(p) for b in briefings for p in analysed_problems(b)] == []


def test_a_denial_is_expected_where_rival_versions_are_recorded(project):
    """A sentence reporting a denial, cited for a version whose rival the deniers hold, is
    what a contested assertion is made of; cited for an uncontested fact, it is a warning."""
    denial = "The Northern Brigade denied shelling the market"
    found = _warnings(project, events=_event(quote=denial))
    assert any("denial-as-support" in w for w in found), found
    versions = textwrap.dedent(f"""\
        assertions:
          - about: responsibility
            summary: Who shelled the market is disputed.
            versions:
              - summary: Someone other than the brigade shelled it, the brigade says.
                held_by: [northern-brigade]
                citations:
                  - source: daily
                    quote: {denial}
              - summary: Ivan Petrov says the brigade did.
                held_by: [ivan-petrov]
                denied_by: [northern-brigade]
                citations:
                  - source: daily
                    quote: Governor Ivan Petrov said eight people were wounded
        """)
    found = _warnings(project, events=_event(versions))
    assert not [w for w in found if "denial-as-support" in w], found
