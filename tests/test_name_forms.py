"""A listed name is found in the forms a sentence gives it: with a possessive inside it
("Karsland's defence ministry") and with or without a leading article, never inside a
longer word ("Karslander"). The rule is text.name_pattern(forms=True) and text.name_key;
the names table, coverage and the shared-name check all use it."""

from __future__ import annotations

import textwrap

import pytest

from generator.analysis.coverage import proper_names
from generator.analysis.names import names_used
from generator.cli import main
from generator.pipeline import load_briefings
from generator.render.site import render_site
from generator.text import name_key, name_pattern, normalise

LISTED = ["Karsland defence ministry", "Karsland", "the brigade", "the Kremlin", "The Guardian"]


def found(text: str, names: list[str] = LISTED) -> list[str]:
    pattern = name_pattern(names, forms=True)
    assert pattern is not None
    return [name_key(m.group(0)) for m in pattern.finditer(normalise(text))]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Karsland's defence ministry said", "Karsland defence ministry"),
        ("Karsland\u2019s defence ministry said", "Karsland defence ministry"),
        ("the Karsland defence ministry said", "Karsland defence ministry"),
        ("The Karsland defence ministry said", "Karsland defence ministry"),
        ("Karsland defence ministry's spokesman", "Karsland defence ministry"),
        ("Karsland's army", "Karsland"),
        ("The brigade's commander", "the brigade"),  # the listed article, with a capital
        ("Sources in the Kremlin", "Kremlin"),
        ("The Kremlin said", "Kremlin"),
        ("Kremlin officials", "Kremlin"),  # a proper name without its article
        ("the Guardian reported", "Guardian"),
    ],
)
def test_a_listed_name_is_found_with_a_possessive_or_an_article(text, name):
    assert found(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Karslander troops",  # a longer word
        "Karslands",
        "a brigade of the army",  # "the brigade" is listed with its article: a bare one
        "brigade headquarters",  # could be any brigade
        "Karsland-defence",  # not the listed words
        "Karsland's defences ministry",
    ],
)
def test_other_words_are_not_taken_for_a_listed_name(text):
    # Only "Karsland" itself may be found, where it stands as a word of its own.
    assert [n for n in found(text) if n != "Karsland"] == []


def test_karslander_is_not_karsland():
    assert found("Karslander troops crossed") == []


def test_name_key_is_the_same_for_every_form_of_a_name():
    forms = [
        "Karsland's defence ministry",
        "the Karsland defence ministry",
        "Karsland defence ministry",
    ]
    assert {name_key(f) for f in forms} == {"Karsland defence ministry"}
    assert name_key("The brigade") == name_key("the brigade") == "the brigade"
    assert name_key("The Kremlin") == name_key("Kremlin") == "Kremlin"


def test_without_forms_the_pattern_matches_names_exactly_as_listed():
    pattern = name_pattern(["Karsland defence ministry"])
    assert pattern is not None
    assert pattern.search("Karsland's defence ministry") is None
    assert pattern.search("the Karsland defence ministry") is not None


def test_a_name_in_a_possessive_form_is_not_reported_by_coverage():
    known = name_pattern(LISTED, forms=True)
    sentence = "Karsland's defence ministry said the Karslander units withdrew."
    assert proper_names(sentence, known, {"the"}) == ["Karslander"]


SEED = textwrap.dedent("""\
    date 2023-05-22 Fighting near the border

    Karsland's defence ministry said the Northern Brigade crossed the border.

    The Karsland defence ministry later said it had withdrawn.
    """)

ACTORS = textwrap.dedent("""\
    - id: northern-brigade
      name: Northern Brigade
      kind: armed group
    - id: karsland-mod
      name: Karsland defence ministry
      kind: government body
    - id: ivan-petrov
      name: Ivan Petrov
      kind: person
    """)


EVENTS = textwrap.dedent("""\
    - id: crossing
      title: The brigade crosses the border
      date: 2023-05-22
      summary: The Northern Brigade crossed the border.
      status: reported
      citations:
        - source: daily
          quote: the Northern Brigade crossed the border
    """)


def karsland_project(project, actors=ACTORS):
    files = {"actors.yaml": actors, "events.yaml": EVENTS, "claims.yaml": ""}
    return project(seeds={"daily.txt": SEED}, files=files)


def test_the_names_table_counts_a_possessive_as_the_listed_name(project):
    root = karsland_project(project)
    briefings, problems = load_briefings(root, root / "briefings", root / "seeds")
    assert not problems
    (briefing,) = briefings
    used = names_used(briefing)[("actors", "karsland-mod")]
    assert used == {"daily": {"Karsland defence ministry": 2}}


def test_two_records_may_not_share_a_name_in_another_form(project, capsys):
    actors = ACTORS + textwrap.dedent("""\
        - id: other-mod
          name: Karsland's defence ministry
          kind: government body
        """)
    root = karsland_project(project, actors)
    assert main(["--root", str(root), "check"]) == 1
    err = capsys.readouterr().err
    assert (
        "'Karsland's defence ministry' is also a name of actor 'karsland-mod' (the texts read "
        "it as 'Karsland defence ministry': a possessive or 'the' makes no other name)"
    ) in err


def test_the_names_tables_show_both_forms_as_the_listed_name(project):
    root = karsland_project(project)
    briefings, _ = load_briefings(root, root / "briefings", root / "seeds")
    pages = render_site(briefings)
    row = "| [The Daily](../sources/daily.md) | Karsland defence ministry (2) |"
    assert row in pages["test/actors/karsland-mod.md"]
    assert (
        "| [Karsland defence ministry](actors/karsland-mod.md) | Karsland defence ministry (2) |"
    ) in pages["test/compare.md"]
