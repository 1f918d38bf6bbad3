"""Coverage of figures: every figure in a sentence is found (vague amounts such as "scores"
too), and only a casualty claim whose quote holds the figure's number and noun captures it;
a live blog's timestamp ("09:30 BST") is never part of a name."""

from __future__ import annotations

import textwrap

import pytest
from conftest import CLAIMS

from generator.analysis.coverage import proper_names
from generator.cli import main
from generator.figure_words import figure_phrase, figures_in
from generator.text import name_pattern


def cores(sentence: str) -> list[str]:
    return [sentence[f.start : f.end] for f in figures_in(sentence)]


@pytest.mark.parametrize(
    ("sentence", "core"),
    [
        ('Doctors were treating "scores" of people at the hospital.', 'scores" of people'),
        ("Medics treated dozens of residents for burns.", "dozens of residents"),
        ("Hundreds of people were hospitalised.", "Hundreds of people"),
        ("Tens of thousands of people fled the town.", "Tens of thousands of people"),
        ("Governor Ivan Petrov said eight people were wounded.", "eight people"),
        ("Officials said 12 wounded were taken away.", "12 wounded"),
        ("Two hundred soldiers were killed.", "Two hundred soldiers"),
        ("The shelling has wounded at least a dozen civilians.", "dozen civilians"),
        ("The shelling has wounded at least a dozen.", "wounded at least a dozen"),
        ("There are no civilian deaths to date.", "no civilian deaths"),
        ("It is not yet clear how many people were injured.", "how many people"),
    ],
)
def test_a_figure_core_is_its_number_and_noun(sentence, core):
    assert cores(sentence) == [core]


def test_every_figure_in_a_sentence_is_found():
    sentence = "Three people were killed and 12 wounded, officials said."
    assert cores(sentence) == ["Three people", "12 wounded"]
    assert figure_phrase(sentence) == "three people were killed"


@pytest.mark.parametrize(
    "sentence",
    [
        # "one of the worst" ranks a loss and counts nothing.
        "The jets were lost in one of the worst single-day losses of the war.",
        # A number after the loss word belongs to it only within one clause.
        "In one of the biggest losses in the war, four aircraft flew home.",
        "The governor said the treatment of residents was poor.",
    ],
)
def test_words_that_count_nothing_are_not_figures(sentence):
    assert figures_in(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "09:30 BST We are now hearing reports of shelling.",
        "09:30 BST Death toll rises to five, the governor says.",
        "14:05 GMT Residents leave the village.",
        "9.30am CEST Death toll rises.",
        "11:00 UTC+3 Death toll rises.",
    ],
)
def test_a_timestamp_and_its_zone_are_no_name(sentence):
    assert proper_names(sentence, None, {"we", "death", "residents"}) == []


def test_a_name_after_a_timestamp_is_still_a_name():
    assert proper_names("09:30 BST Ivan Petrov says five died.", None, {"says"}) == ["Ivan Petrov"]
    # A capitalised word after a time that is not a zone keeps its place in a name.
    assert proper_names("At 10:00 NATO met.", None, {"at"}) == ["NATO"]


def test_a_title_with_its_full_stop_or_a_dateline_month_is_no_name():
    known = name_pattern(["Oskar Varnell", "Brenmark"], forms=True)
    sentence = "Lt. Gen. Oskar Varnell told reporters the bridge at St. Brena had been destroyed."
    assert proper_names(sentence, known, {"the"}) == ["Brena"]
    assert proper_names("BRENMARK, Oct 14 (Meridian) - Shelling resumed.", known, {"shelling"}) == [
        "BRENMARK",
        "Meridian",
    ]


SEED = textwrap.dedent("""\
    date 2023-05-22 Fighting near the border

    Gunmen from the Northern Brigade crossed the border on Monday, officials said.

    Governor Ivan Petrov said eight people were wounded and doctors were treating "scores" \
    of people.
    """)

ACTORS = textwrap.dedent("""\
    - id: northern-brigade
      name: Northern Brigade
      kind: armed group
    - id: ivan-petrov
      name: Ivan Petrov
      kind: person
      citations:
        - source: daily
          quote: Governor Ivan Petrov said eight people were wounded
    """)

EVENTS = textwrap.dedent("""\
    - id: crossing
      title: Gunmen cross the border
      date: 2023-05-22
      summary: Gunmen crossed the border.
      status: reported
      citations:
        - source: daily
          quote: crossed the border on Monday
    """)


def claims(quote: str) -> str:
    """conftest's claim, quoting `quote` instead."""
    return CLAIMS.replace("quote: said eight people were wounded", f"quote: {quote}")


WAIVERS = "- name: Gunmen\n  reason: an ordinary word\n- name: Governor\n  reason: a title\n"


def figure_lines(project, capsys, claim_sheet: str) -> list[str]:
    files = {
        "actors.yaml": ACTORS,
        "events.yaml": EVENTS,
        "claims.yaml": claim_sheet,
        "waivers.yaml": WAIVERS,
    }
    root = project(seeds={"daily.txt": SEED}, files=files)
    main(["--root", str(root), "coverage"])
    out = capsys.readouterr().out.splitlines()
    return [line.split(": ", 1)[1] for line in out if "figure not captured" in line]


def test_an_actors_citation_of_a_figure_sentence_captures_no_figure(project, capsys):
    # Ivan Petrov's actor citation quotes "eight people were wounded"; no claim does.
    assert [line.split(": ")[0] for line in figure_lines(project, capsys, "")] == [
        "figure not captured by any casualty claim (eight people were wounded)",
        "figure not captured by any casualty claim (treating scores)",
    ]


def test_a_claim_must_quote_the_number_and_its_noun(project, capsys):
    # "were wounded" without "eight people" is not the figure.
    assert len(figure_lines(project, capsys, claims("people were wounded"))) == 2
    # Quoting the number and its noun captures that figure, and only that one.
    assert [
        line.split(": ")[0] for line in figure_lines(project, capsys, claims("eight people"))
    ] == ["figure not captured by any casualty claim (treating scores)"]


def test_a_waiver_still_excuses_a_figure_sentence(project, capsys):
    waiver = (
        "- sentence: {source: daily, quote: doctors were treating}\n"
        "  reason: the hospital's count, outside this briefing\n"
    )
    files = {
        "actors.yaml": ACTORS,
        "events.yaml": EVENTS,
        "claims.yaml": claims("said eight people were wounded"),
        "waivers.yaml": WAIVERS + waiver,
    }
    root = project(seeds={"daily.txt": SEED}, files=files)
    assert main(["--root", str(root), "coverage"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].split()[:2] == ["total", "2/2"]
