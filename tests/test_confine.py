"""Inputs are read only from inside their folder, and never block or flood the build."""

from __future__ import annotations

import os

import pytest

from generator.confine import InputRefused, is_inside, read_inside, unreachable


@pytest.fixture
def folder(tmp_path):
    inside = tmp_path / "seeds"
    inside.mkdir()
    (inside / "ok.txt").write_text("fine")
    (tmp_path / "secret.txt").write_text("TOP SECRET")
    return inside


def test_a_regular_file_and_a_link_that_stays_inside_are_read(folder):
    (folder / "alias.txt").symlink_to("ok.txt")
    assert read_inside(folder / "ok.txt", folder, limit=100) == b"fine"
    assert read_inside(folder / "alias.txt", folder, limit=100) == b"fine"


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (
            lambda f: (f / "x").symlink_to(f.parent / "secret.txt"),
            "symbolic link to a file outside",
        ),
        (lambda f: (f / "x").symlink_to("/etc/passwd"), "symbolic link to a file outside"),
        (lambda f: (f / "x").symlink_to("/proc/self/environ"), "symbolic link to a file outside"),
        (lambda f: (f / "x").symlink_to("missing.txt"), "symbolic link to nothing"),
        (lambda f: (f / "x").symlink_to("x"), "is a symbolic link loop"),
        (
            lambda f: (
                (f / "y").symlink_to("z"),
                (f / "z").symlink_to("y"),
                (f / "x").symlink_to("y"),
            ),
            "is a symbolic link loop",
        ),
        (lambda f: (f / "x").mkdir(), "is a folder"),
        (lambda f: os.mkfifo(f / "x"), "FIFO"),
        (lambda f: (f / "x").write_bytes(b"a" * 101), "at most 100 bytes"),
    ],
    ids=[
        "link-out",
        "etc-passwd",
        "proc-environ",
        "dangling",
        "loop",
        "loop-of-two",
        "folder",
        "fifo",
        "too-large",
    ],
)
def test_refusals_say_why_and_never_show_the_content(folder, make, reason):
    make(folder)
    with pytest.raises(InputRefused) as refused:
        read_inside(folder / "x", folder, limit=100)
    assert reason in str(refused.value)
    assert "SECRET" not in str(refused.value) and "root:" not in str(refused.value)


def test_a_path_that_climbs_out_of_the_folder_is_refused(folder):
    with pytest.raises(InputRefused, match="outside seeds/"):
        read_inside(folder / ".." / "secret.txt", folder, limit=100)


def test_a_missing_file_is_not_a_refusal(folder):
    with pytest.raises(FileNotFoundError):
        read_inside(folder / "nope.txt", folder, limit=100)


def test_a_file_in_a_folder_that_loops_is_refused_not_an_error(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.symlink_to("seeds")
    with pytest.raises(InputRefused, match="is in a folder that is a symbolic link loop"):
        read_inside(seeds / "x.txt", seeds, limit=100)
    assert not is_inside(seeds / "x.txt", tmp_path)


def test_unreachable_names_a_loop_and_a_link_to_nothing_and_nothing_else(tmp_path):
    (tmp_path / "loop").symlink_to("loop")
    (tmp_path / "gone").symlink_to("nowhere")
    (tmp_path / "here").mkdir()
    assert unreachable(tmp_path / "loop", "folder") == (
        "is a symbolic link loop (following it leads back to itself); replace it with the "
        "folder itself"
    )
    assert unreachable(tmp_path / "gone", "folder") == (
        "is a symbolic link to nothing (the folder it names does not exist); replace the "
        "link with the folder itself"
    )
    assert unreachable(tmp_path / "here") is None
    assert unreachable(tmp_path / "absent") is None  # missing is the caller's to report
