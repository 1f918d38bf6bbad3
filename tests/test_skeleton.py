"""`briefing new`: a well-formed, commented skeleton appended with a fresh id."""

import re
from pathlib import Path

import pytest
import yaml
from conftest import SEED
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.factsheets import skeleton
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
        "'REPLACE: ...', then run `briefing check`\n"
    )
    after = events.read_text()
    assert after.startswith(before + "\n- id: new-event ")
    assert "  # precision: day" in after  # optional fields are offered, commented out
    assert main(["--root", str(root), "new", "event", "--briefing", "test"]) == 0
    assert "- id: new-event-2 " in events.read_text()


# What an editor writes over each placeholder, by kind and field: values the small test
# project accepts (conftest.SEED is the text quoted).
FILLED = {
    "source": {
        "file": "second.txt",
        "outlet": "The Second Paper",
        "title": "A second report",
        "published": "2023-05-22",
        "language": "en",
    },
    "actor": {"name": "Riverton Police", "kind": "government body"},
    "place": {"name": "Lowford", "kind": "village"},
    "event": {
        "title": "The brigade takes Lowford",
        "date": "2023-05-22",
        "summary": "The brigade says it took the village of Lowford.",
        "status": "reported",
        "source": "daily",
        "quote": "The brigade says it took the village of Lowford",
    },
    "claim": {
        "claimant": "ivan-petrov",
        "as_of": "2023-05-22",
        "incident": "crossing",
        "category": "wounded",
        "group": "civilians",
        "count": "8",
        "source": "daily",
        "quote": "Governor Ivan Petrov said eight people were wounded",
    },
    "statement": {
        "speaker": "ivan-petrov",
        "title": "The governor on the wounded",
        "date": "2023-05-22",
        "where": "Riverton",
        "source": "daily",
        "quote": "Governor Ivan Petrov said eight people were wounded",
    },
    "briefing": {
        "title": "Demo briefing",
        "summary": "A briefing started with `briefing new briefing`.",
        "start": "2023-05-22",
        "end": "2023-05-23",
        "status": "developing",
        "last_reviewed": "2023-05-24",
    },
}
_PLACEHOLDER_LINE = re.compile(r"^(\s*(?:- )?)(\w+): 'REPLACE: (.*)'$")


def placeholders(path: Path) -> list[tuple[int, str, str]]:
    """(line, field, what it asks for) of each placeholder left in a sheet."""
    found = []
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if match := _PLACEHOLDER_LINE.match(line):
            found.append((number, match.group(2), match.group(3)))
    return found


def check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    status = main(["--root", str(root), "check"])
    return status, capsys.readouterr().err.splitlines()[:-1]


def fill_one_by_one(root, capsys, path: Path, kind: str) -> None:
    """Replace the placeholders one at a time: the check fails with one error for each one
    left, naming its file, line and field, until the last is replaced."""
    shown = path.relative_to(root).as_posix()
    while left := placeholders(path):
        status, errors = check(root, capsys)
        assert status == 1
        errors = [e for e in errors if ": warning:" not in e]
        assert len(errors) == len(left), errors
        for error, (line, field, wanted) in zip(errors, sorted(left), strict=True):
            where, _, message = error.partition(": replace the placeholder with ")
            assert re.fullmatch(rf"{shown}:{line}: (citations\[0\]\.|period\.)?{field}", where)
            if wanted.startswith(("one of", "a date", "the id")):  # as the placeholder says
                assert message == wanted
        number, field, _ = left[0]
        lines = path.read_text().splitlines(keepends=True)
        indent = _PLACEHOLDER_LINE.match(lines[number - 1].rstrip())
        assert indent is not None
        lines[number - 1] = f"{indent.group(1)}{field}: {FILLED[kind][field]}\n"
        path.write_text("".join(lines))


@pytest.mark.parametrize("kind", sorted(KINDS_BY_WORD))
def test_every_placeholder_fails_the_check_until_it_is_replaced(project, capsys, kind):
    root = project(seeds={"daily.txt": SEED, "second.txt": SEED.replace("Monday", "Tuesday")})
    assert main(["--root", str(root), "new", kind, "--briefing", "test"]) == 0
    capsys.readouterr()
    sheet = root / "briefings/test" / KINDS_BY_WORD[kind].sheet
    _, problems = load_factsheets(root / "briefings/test", root)
    assert len(placeholders(sheet)) == len(problems) >= 2
    # Dates, words from a list, ids and numbers are placeholders too: none is pre-filled
    # with a value that would pass if forgotten.
    entry = sheet.read_text().partition(f"- id: new-{kind}")[2]
    assert not re.search(r"^ *(- )?\w+: (?!'REPLACE: )", entry, re.M), entry
    fill_one_by_one(root, capsys, sheet, kind)
    status, errors = check(root, capsys)
    assert status == 0, errors


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


def test_new_briefing_starts_a_folder_that_fails_the_check_until_filled_in(project, capsys):
    root = project()
    assert main(["--root", str(root), "new", "briefing", "demo"]) == 0
    assert capsys.readouterr().out == (
        "wrote briefings/demo/briefing.yaml\n"
        "wrote briefings/demo/sources.yaml\n"
        "replace each 'REPLACE: ...' in briefing.yaml, add sources with `briefing new source "
        "--briefing demo`, then run `briefing check demo`\n"
    )
    info = root / "briefings/demo/briefing.yaml"
    assert [field for _, field, _ in placeholders(info)] == [
        "title",
        "summary",
        "start",
        "end",
        "status",
        "last_reviewed",
    ]
    assert "'REPLACE: one of: developing, stable, archived'" in info.read_text()
    fill_one_by_one(root, capsys, info, "briefing")
    status, errors = check(root, capsys)
    assert status == 0, errors
    # The new briefing takes records at once.
    assert main(["--root", str(root), "new", "actor", "--briefing", "demo"]) == 0


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        ("Demo_1", "'Demo_1' cannot name a briefing: the folder name becomes its address"),
        ("../outside", "'../outside' cannot name a briefing"),
        ("test", "briefings/test already exists; add records to it with `briefing new KIND"),
        ("pagefind", "'pagefind' is an address the site already uses; choose another name"),
        ("writing-fact-sheets", "'writing-fact-sheets' is an address the site already uses"),
        ("pr-preview", "'pr-preview' is an address the site already uses; choose another name"),
        (
            "a" * 300,
            f"'{'a' * 40}…' is 300 characters long; a briefing's folder name becomes its "
            "address and may be at most 100 characters",
        ),
    ],
    ids=["capitals", "path", "taken", "pagefind", "guide", "pr-preview", "too-long"],
)
def test_new_briefing_refuses_a_bad_or_taken_name(project, capsys, slug, message):
    root = project(with_site_config=True)
    before = sorted(p.name for p in (root / "briefings").iterdir())
    assert main(["--root", str(root), "new", "briefing", slug]) == 1
    assert capsys.readouterr().err.startswith(f"briefing new briefing: {message}")
    assert sorted(p.name for p in (root / "briefings").iterdir()) == before
    assert not (root / "outside").exists()


def test_new_briefing_needs_a_briefings_folder_and_a_name(tmp_path, capsys):
    assert main(["--root", str(tmp_path), "new", "briefing", "demo"]) == 1
    assert "no briefings/ folder in" in capsys.readouterr().err
    assert not (tmp_path / "briefings").exists()
    assert main(["--root", str(tmp_path), "new", "briefing"]) == 1
    assert capsys.readouterr().err == (
        "briefing new briefing: name the folder, e.g. riverton-2023-05\n"
    )
    assert main(["--root", str(tmp_path), "new", "event"]) == 1
    assert capsys.readouterr().err == "briefing new event: write --briefing SLUG\n"


def test_a_briefings_folder_that_leads_out_of_the_project_is_refused(tmp_path, capsys):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "project").mkdir()
    (tmp_path / "project/briefings").symlink_to(tmp_path / "elsewhere")
    assert main(["--root", str(tmp_path / "project"), "new", "briefing", "demo"]) == 1
    assert "leads out of it" in capsys.readouterr().err
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_a_skeleton_written_before_the_replace_form_is_still_caught(project, capsys):
    old = "- id: new-place\n  name: 'TODO: name'\n  kind: village\n"
    root = project(files={"places.yaml": old})
    status, errors = check(root, capsys)
    assert status == 1
    assert errors == [
        "briefings/test/places.yaml:2: name: replace the placeholder with the real text"
    ]


def _refuse_renames(monkeypatch: pytest.MonkeyPatch) -> None:
    """Renaming the new text over a sheet fails, as on an immutable sheet (chattr +i)."""

    def refused(source: object, target: object) -> None:
        raise PermissionError(1, "Operation not permitted", str(source))

    monkeypatch.setattr(skeleton.os, "replace", refused)


def test_a_sheet_that_cannot_be_written_is_named_not_its_temporary_copy(
    project, capsys, monkeypatch
):
    root = project()
    events = root / "briefings/test/events.yaml"
    before = events.read_bytes()
    _refuse_renames(monkeypatch)
    assert main(["--root", str(root), "new", "event", "--briefing", "test"]) == 1
    assert capsys.readouterr().err == (
        "briefings/test/events.yaml cannot be written (Operation not permitted): it or its "
        "folder may be read-only or immutable, or the disk full; nothing was changed\n"
    )
    assert events.read_bytes() == before
    assert sorted(p.name for p in events.parent.iterdir() if p.name.startswith(".")) == []


def test_a_new_briefing_that_cannot_be_written_leaves_no_half_made_folder(
    project, capsys, monkeypatch
):
    root = project()
    _refuse_renames(monkeypatch)
    assert main(["--root", str(root), "new", "briefing", "demo"]) == 1
    assert capsys.readouterr().err.startswith(
        "briefing new briefing: briefings/demo/briefing.yaml cannot be written (Operation "
        "not permitted)"
    )
    assert not (root / "briefings/demo").exists()
    monkeypatch.undo()
    assert main(["--root", str(root), "new", "briefing", "demo"]) == 0  # a second try works


def test_new_record_with_a_briefing_name_too_long_for_a_file_is_no_such_briefing(project, capsys):
    root = project()
    assert main(["--root", str(root), "new", "event", "--briefing", "a" * 300]) == 1
    assert ": no such briefing (a folder with a briefing.yaml); known: test" in (
        capsys.readouterr().err
    )


def test_new_record_for_a_missing_briefing_says_how_to_start_it(project, capsys):
    root = project()
    assert main(["--root", str(root), "new", "source", "--briefing", "riverton-2023-05"]) == 1
    err = capsys.readouterr().err
    assert "briefings/riverton-2023-05: no such briefing" in err
    assert "run `briefing new briefing riverton-2023-05`, then " in err
    assert "`briefing new source --briefing riverton-2023-05`" in err
    assert "Traceback" not in err
    assert not (root / "briefings/riverton-2023-05").exists()


def test_new_record_for_a_misspelt_briefing_names_the_close_one(project, capsys):
    root = project()
    assert main(["--root", str(root), "new", "event", "--briefing", "tets"]) == 1
    assert "did you mean `briefing new event --briefing test`?" in capsys.readouterr().err


def test_new_record_for_a_name_no_briefing_can_have_offers_no_command(project, capsys):
    root = project()
    assert main(["--root", str(root), "new", "event", "--briefing", "Not A Slug"]) == 1
    assert "briefing new briefing" not in capsys.readouterr().err
