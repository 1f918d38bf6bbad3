"""`briefing diff`: what a change does to the facts, read from git revisions."""

import subprocess
import textwrap

from conftest import CLAIMS, EVENTS, SOURCES

from generator.cli import main

SECOND_SOURCE = SOURCES + textwrap.dedent("""\
    - id: herald
      file: herald.txt
      outlet: The Herald
      title: Gunmen cross
      published: 2023-05-22
      language: en
    """)
HERALD = "Gunmen crossed the border into Riverton district on Monday, police said.\n"
TWO_SOURCE_EVENT = EVENTS + (
    "    - source: herald\n      quote: crossed the border into Riverton district on Monday\n"
)


def git(root, *args):
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def commit(root, message):
    git(root, "add", "-A")
    git(root, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-qm", message)


def test_diff_between_two_commits_and_the_working_tree(project, capsys):
    root = project(files={"sources.yaml": SECOND_SOURCE, "events.yaml": TWO_SOURCE_EVENT})
    (root / "seeds" / "herald.txt").write_text(HERALD, encoding="utf-8")
    git(root, "init", "-q")
    commit(root, "two sources")
    sheets = root / "briefings/test"
    # Change a figure, drop the Herald's citation (single source again), add an actor.
    (sheets / "claims.yaml").write_text(CLAIMS.replace("count: 8", "count: 9"))
    (sheets / "events.yaml").write_text(EVENTS)
    actors = (sheets / "actors.yaml").read_text()
    (sheets / "actors.yaml").write_text(
        actors + "- id: lowford-militia\n  name: Lowford militia\n  kind: armed group\n"
    )
    commit(root, "edit")

    assert main(["--root", str(root), "diff", "HEAD~1", "HEAD"]) == 0
    report = capsys.readouterr().out
    assert report.startswith("## What this change does to the facts (`HEAD~1` → `HEAD`)\n")
    assert "- **added** `lowford-militia`: `Lowford militia`" in report
    # A claim is named with who gives it and when, as everywhere readers see it.
    assert (
        "- **changed** `petrov-wounded`: `9 people wounded, according to Ivan Petrov, as of 22 "
        "May 2023 (date of publication)`\n  - figure: `8` → `9`"
    ) in report
    assert (
        "- **changed** `crossing`: `Gunmen cross the border`\n"
        "  - citation: `herald: “crossed the border into Riverton district on Monday”` → `—`\n"
        "  - grade: `2, probably true` → `3, possibly true`\n"
        "  - independent lineages: `2` → `1`"
    ) in report
    assert "#### Figures that changed\n\n- `petrov-wounded`: `8` → `9`" in report
    assert "#### Facts that became single-source\n\n- event `crossing`: 2 lineages → 1" in report

    # The working tree: a quote that no longer verifies.
    (sheets / "claims.yaml").write_text(CLAIMS.replace("said eight", "said nine"))
    assert main(["--root", str(root), "diff", "HEAD"]) == 0
    report = capsys.readouterr().out
    assert "(`HEAD` → `working tree`)" in report
    assert (
        "#### Citations that no longer verify\n\n- `briefings/test/claims.yaml:10`: "
        "`citations[0].quote`: `not found in source 'daily'"
    ) in report


def test_an_unchanged_tree_says_so_and_a_bad_revision_is_an_error(project, capsys):
    root = project()
    git(root, "init", "-q")
    commit(root, "one")
    assert main(["--root", str(root), "diff", "HEAD"]) == 0
    assert "No change to the facts." in capsys.readouterr().out
    assert main(["--root", str(root), "diff", "no-such-branch"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("briefing diff: cannot read a revision: ")
    assert "Traceback" not in err


def test_a_hostile_title_reaches_the_summary_as_one_code_span(project, capsys):
    # Security finding 9: the summary goes into a pull-request comment under the bot's name.
    root = project()
    git(root, "init", "-q")
    commit(root, "one")
    sheets = root / "briefings/test"
    hostile = "Crimea @newsroom/editors [ok](https://evil.example) <img src=x> `x`"
    events = (sheets / "events.yaml").read_text()
    (sheets / "events.yaml").write_text(
        events.replace("title: Gunmen cross the border", f"title: '{hostile}'", 1)
    )
    assert main(["--root", str(root), "diff", "HEAD"]) == 0
    report = capsys.readouterr().out
    # One span, padded because the title ends with a backtick: nothing in it renders.
    assert f"  - title: `Gunmen cross the border` → `` {hostile} ``\n" in report
