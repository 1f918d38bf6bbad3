"""The briefing command at the edges of its own world: its standard output closed, read by
a reader that stops early, or a terminal that cannot show every character; a project
folder that is not one; input folders that loop; addresses the publishing keeps."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from generator.cli import main
from generator.settings import output_folder_problem
from generator.terminal import BROKEN_PIPE

# A source whose uncaptured names are written in Cyrillic, so `briefing coverage` prints
# characters an ASCII terminal cannot show.
CYRILLIC_SEED = (
    "date 2023-05-22 Shelling\n\nShelling hit Козинка on Monday, officials in Грайворон said.\n"
)


def _briefing(root: Path, *args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", "--root", str(root), *args],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
        **kwargs,  # type: ignore[call-overload]
    )


def test_a_closed_stdout_is_one_line_before_anything_is_done(project, capsys, monkeypatch):
    root = project()
    events = root / "briefings/test/events.yaml"
    before = events.read_bytes()
    monkeypatch.setattr(sys, "stdout", None)  # what Python sets when started with `>&-`
    assert main(["--root", str(root), "new", "event", "--briefing", "test"]) == 1
    assert capsys.readouterr().err == (
        "briefing new: standard output is closed (`>&-`), so nothing could be printed and "
        "nothing was done; send it to a file or to /dev/null instead (`>/dev/null`)\n"
    )
    assert events.read_bytes() == before


def test_a_reader_that_stops_early_ends_the_command_quietly_with_status_141(project):
    root = project()
    command = [sys.executable, "-m", "generator.cli", "--root", str(root), "check"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # the reader is gone before the first line is written
        errors = process.stderr.read()
    assert (process.returncode, errors) == (BROKEN_PIPE, b"")


def test_a_failed_write_to_stdout_is_one_line(project):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    root = project()
    with open("/dev/full", "w") as full:
        done = _briefing(root, "check", stdout=full, stderr=subprocess.PIPE)
    assert (done.returncode, done.stderr) == (
        1,
        b"briefing check: cannot write to standard output: No space left on device\n",
    )


def test_a_terminal_that_cannot_show_a_character_gets_escapes_and_one_line_on_why(
    project, capsys, monkeypatch
):
    root = project(seeds={"daily.txt": CYRILLIC_SEED}, files={"events.yaml": "", "claims.yaml": ""})
    terminal = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(["--root", str(root), "coverage"]) == 1
    terminal.flush()
    shown = terminal.buffer.getvalue().decode("ascii")  # type: ignore[attr-defined]
    assert "\\u041a\\u043e\\u0437\\u0438\\u043d\\u043a\\u0430" in shown  # Козинка, escaped
    assert "\\xb6" in shown  # the paragraph sign, escaped too
    assert capsys.readouterr().err.splitlines()[-1] == (
        "briefing coverage: this terminal's encoding (ascii) cannot show every character "
        "printed, so some (such as \\xb6) are written as escapes; to see them, use a "
        "UTF-8 locale (e.g. LANG=C.UTF-8) or set PYTHONIOENCODING=utf-8"
    )


def test_a_utf8_terminal_gets_the_characters_and_no_note(project, capsys):
    root = project(seeds={"daily.txt": CYRILLIC_SEED}, files={"events.yaml": "", "claims.yaml": ""})
    assert main(["--root", str(root), "coverage"]) == 1
    printed = capsys.readouterr()
    assert "Козинка" in printed.out and "encoding" not in printed.err


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda tmp: tmp / "nowhere", "does not exist"),
        (lambda tmp: (tmp / "file").write_text("") or tmp / "file", "is a file"),
        (lambda tmp: (tmp / "loop").symlink_to("loop") or tmp / "loop", "is a symbolic link loop"),
    ],
    ids=["missing", "file", "loop"],
)
def test_a_root_that_is_not_a_folder_says_so(tmp_path, capsys, make, problem):
    root = make(tmp_path)
    assert main(["--root", str(root), "check"]) == 1
    assert capsys.readouterr().err == (
        f"briefing: --root {root} {problem}; give the project folder (the one holding "
        "briefings/, seeds/ and mkdocs.yml)\n"
    )


def test_an_input_folder_that_loops_is_the_one_located_problem(project, capsys):
    root = project()
    (root / "seeds").rename(root / "seeds.real")
    (root / "seeds").symlink_to("seeds")
    assert main(["--root", str(root), "check"]) == 1
    assert capsys.readouterr().err == (
        "seeds:1: the seeds folder is a symbolic link loop (following it leads back to "
        "itself); replace it with the folder itself\n1 error, 0 warnings\n"
    )


def test_pr_preview_is_not_a_briefing(project, capsys):
    root = project(slug="pr-preview", with_site_config=True)
    assert main(["--root", str(root), "check"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "briefings/pr-preview/briefing.yaml:1: the briefing's folder name 'pr-preview' is an "
        "address the site itself already uses; rename the folder",
        "1 error, 0 warnings",
    ]


def test_pr_preview_and_pagefind_are_not_hand_written_pages(project, capsys):
    root = project(with_site_config=True)
    (root / "docs/pr-preview").mkdir()
    (root / "docs/pr-preview/pr-7.md").write_text("# Not a preview\n")
    (root / "docs/pagefind.md").write_text("# Not the index\n")
    assert main(["--root", str(root), "check"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "docs/pagefind.md:1: would be published at pagefind/, which holds the site's search "
        "index; rename it",
        "docs/pr-preview:1: would be published at pr-preview/, which holds the previews of "
        "pull requests (pr-preview/pr-N/); rename it",
        "2 errors, 0 warnings",
    ]


def test_a_briefing_folder_name_longer_than_an_address_may_be_is_refused(project, capsys):
    root = project(slug="a" * 101)
    assert main(["--root", str(root), "check"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"briefings/{'a' * 101}:1: a briefing folder name becomes its URL: this one is 101 "
        "characters long, and may be at most 100"
    )


def test_a_looping_input_folder_or_output_folder_is_no_error_for_the_output_rule(tmp_path):
    (tmp_path / "seeds").symlink_to("seeds")
    (tmp_path / "site").symlink_to("site")
    protected = {"seeds": tmp_path / "seeds"}
    assert output_folder_problem(tmp_path / "out", tmp_path, protected) is None
    assert output_folder_problem(tmp_path / "site", tmp_path, protected) == (
        "is a symbolic link loop"
    )
