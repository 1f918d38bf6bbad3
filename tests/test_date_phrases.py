"""An event's or statement's date phrase is a source's own words, checked against the quotes
like a figure's, and the pages say whose words each is."""

import textwrap

from conftest import CLAIMS, SEED, SOURCES

from generator.analysis.build import analyse
from generator.cli import main
from generator.pipeline import load_briefings
from generator.render.views.base import Book
from generator.render.views.facts import casualties_view, statements_view, timeline_view

HERALD = textwrap.dedent("""\
    Armed men crossed into Riverton district late on Monday, the Herald's reporter saw.

    Ivan Petrov told reporters on Monday evening that eight people were wounded.
    """)
SOURCES_2 = SOURCES + textwrap.dedent("""\
    - id: herald
      file: herald.txt
      outlet: The Herald
      title: An independent report
      published: 2023-05-23
      language: en
    """)


def _events(phrase: str) -> str:
    return textwrap.dedent(f"""\
        - id: crossing
          title: Gunmen cross the border
          date: 2023-05-22
          date_phrase: {phrase}
          summary: Gunmen crossed the border.
          status: reported
          citations:
            - source: daily
              quote: crossed the border into Riverton district on Monday
            - source: herald
              quote: Armed men crossed into Riverton district late on Monday
        """)


STATEMENTS = textwrap.dedent("""\
    - id: petrov-said
      speaker: ivan-petrov
      title: eight people were wounded
      date: 2023-05-22
      date_phrase: on Monday evening
      where: to reporters
      citations:
        - source: herald
          quote: eight people were wounded
    """)


def _project(project, phrase: str, statements: str = ""):
    return project(
        files={
            "sources.yaml": SOURCES_2,
            "events.yaml": _events(phrase),
            "statements.yaml": statements,
        },
        seeds={"daily.txt": SEED, "herald.txt": HERALD},
    )


def _check(root, capsys) -> tuple[int, list[str]]:
    status = main(["--root", str(root), "check"])
    return status, capsys.readouterr().err.splitlines()


def test_a_phrase_from_each_source_passes_and_is_labelled_by_source(project, capsys):
    root = _project(project, "on Monday; late on Monday")
    assert _check(root, capsys) == (0, [])
    briefings, _ = load_briefings(root, root / "briefings", root / "seeds")
    entry = timeline_view(Book(briefings[0], analyse(briefings[0]))).entries[0]
    assert entry.date_said == (
        "The Daily and The Herald say “on Monday”; The Herald says “late on Monday”"
    )


def test_words_no_cited_source_gives_are_an_error_at_the_field(project, capsys):
    # "late on Monday" is the Herald's; "on Monday late" is no one's, and "Monday evening" is
    # in the Daily's seed only in another source's words: none is the Daily's own phrase.
    status, err = _check(_project(project, "on Monday late; late on Monday"), capsys)
    assert status == 1
    assert err[0] == (
        "briefings/test/events.yaml:4: date_phrase: “on Monday late” is in none of the "
        "sources cited; copy a source's own words (best from a quote, so that readers see "
        "them), and give several sources' words one after the other, separated by ';'"
    )


def test_words_a_cited_source_gives_outside_the_quote_pass_and_name_it(project, capsys):
    root = _project(project, "on Monday", STATEMENTS)
    assert _check(root, capsys) == (0, [])
    briefings, _ = load_briefings(root, root / "briefings", root / "seeds")
    (entry,) = statements_view(Book(briefings[0], analyse(briefings[0])))
    assert entry.date_said == "The Herald says “on Monday evening”"


def test_a_paragraph_two_renderings_cite_is_reported_once(project):
    claims = CLAIMS.replace(
        "          quote: said eight people were wounded\n",
        "          quote: said eight people were wounded\n"
        "        - source: daily\n"
        "          quote: Governor Ivan Petrov said eight\n",
    )
    root = project(files={"claims.yaml": claims})
    briefings, problems = load_briefings(root, root / "briefings", root / "seeds")
    assert briefings, problems
    view = casualties_view(Book(briefings[0], analyse(briefings[0])))
    (entry,) = view.incidents[0].groups[0].claims
    assert [t.text for t in entry.reported_by] == ["The Daily ¶4"]
