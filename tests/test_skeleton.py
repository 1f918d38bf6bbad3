"""`briefing new`: a well-formed, commented skeleton appended with a fresh id."""

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.factsheets.load import load_factsheets
from generator.factsheets.skeleton import KINDS_BY_WORD, inline_yaml


def test_new_event_is_appended_without_touching_what_is_there(project, capsys):
    root = project()
    events = root / "briefings/test/events.yaml"
    before = events.read_text()
    assert main(["--root", str(root), "new", "event", "--briefing", "test"]) == 0
    out = capsys.readouterr().out
    line = before.count("\n") + 2
    assert out == (
        f"briefings/test/events.yaml:{line}: added event 'new-event'; replace each "
        "TODO, then run `briefing check`\n"
    )
    after = events.read_text()
    assert after.startswith(before + "\n- id: new-event ")
    assert "  # precision: day" in after  # optional fields are offered, commented out
    assert main(["--root", str(root), "new", "event", "--briefing", "test"]) == 0
    assert "- id: new-event-2 " in events.read_text()


@pytest.mark.parametrize("kind", sorted(KINDS_BY_WORD))
def test_every_skeleton_reads_and_check_points_at_each_todo(project, capsys, kind):
    root = project()
    assert main(["--root", str(root), "new", kind, "--briefing", "test"]) == 0
    capsys.readouterr()
    sheets, problems = load_factsheets(root / "briefings/test", root)
    # Well-formed: the loader reads the new record with no problem of its own.
    assert problems == []
    assert any(r.id.startswith("new-") for r in sheets.records(KINDS_BY_WORD[kind]))
    assert main(["--root", str(root), "check"]) == 1
    errors = [e for e in capsys.readouterr().err.splitlines()[:-1] if ": warning:" not in e]
    assert errors and all("TODO" in e for e in errors), errors


def test_new_in_an_unknown_briefing_names_the_known_ones(project, capsys):
    root = project()
    assert main(["--root", str(root), "new", "actor", "--briefing", "nope"]) == 1
    assert capsys.readouterr().err == (
        "briefings/nope: no such briefing (a folder with a briefing.yaml); known: test\n"
    )


@pytest.mark.parametrize(
    "value",
    [
        "# a comment?",
        "*anchor",
        "&ref",
        "!tag",
        "null",
        "~",
        "yes",
        "no",
        "key: value",
        "1.10",
        "a\x85b",
    ],
)
def test_a_value_the_skeleton_writes_reads_back_as_itself(value):
    # The hand-rolled quoting this replaced wrote `# a comment?`, `*anchor`, `null` and `~`
    # bare, which YAML reads as a comment, an alias, or nothing.
    assert yaml.safe_load(f"key: {inline_yaml(value)}") == {"key": value}


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(), st.none(), st.booleans(), st.integers(), st.lists(st.text(), max_size=3))
)
def test_any_value_the_skeleton_writes_reads_back_as_itself(value):
    assert yaml.safe_load(f"key: {inline_yaml(value)}") == {"key": value}
