"""Statements: one entry per statement, each source's rendering beside the others."""

import textwrap

from generator.cli import main
from generator.pipeline import load_briefings
from generator.render.site import render_site

STATEMENTS = textwrap.dedent("""\
    - id: brigade-took-lowford
      speaker: northern-brigade
      title: we took the village of Lowford
      date: 2023-05-22
      date_phrase: on Monday
      where: a statement reported by The Daily
      event: crossing
      citations:
        - source: daily
          quote: The brigade says it took the village of Lowford
    """)


def test_statements_are_checked_and_shown_with_each_rendering(project, capsys):
    broken = STATEMENTS.replace("northern-brigade", "northern-brigad")
    root = project(files={"statements.yaml": broken})
    assert main(["--root", str(root), "check"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        "briefings/test/statements.yaml:2: speaker: 'northern-brigad' is not the id of any "
        "actor in actors.yaml (did you mean 'northern-brigade'?)"
    )

    root = project(files={"statements.yaml": STATEMENTS})
    briefings, problems = load_briefings(root, root / "briefings", root / "seeds")
    assert not problems
    pages = render_site(briefings)
    statements = pages["test/statements.md"]
    assert (
        "## 22 May 2023: Northern Brigade: “we took the village of Lowford” "
        "{: #brigade-took-lowford }"
    ) in statements
    assert (
        "| [The Daily ¶4](sources/daily.md#p4) | The brigade says it took the village of Lowford |"
    ) in statements
    link = "[Northern Brigade: we took the village of Lowford]"
    assert (
        f"- {link}(../statements.md#brigade-took-lowford)"
        in pages["test/actors/northern-brigade.md"]
    )
    assert f"- {link}(statements.md#brigade-took-lowford)" in pages["test/timeline.md"]
