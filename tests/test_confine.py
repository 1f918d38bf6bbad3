"""Inputs are read only from inside their folder, and never block or flood the build."""

from __future__ import annotations

import os

import pytest

from generator.confine import InputRefused, read_inside


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
        (lambda f: (f / "x").mkdir(), "is a folder"),
        (lambda f: os.mkfifo(f / "x"), "FIFO"),
        (lambda f: (f / "x").write_bytes(b"a" * 101), "at most 100 bytes"),
    ],
    ids=["link-out", "etc-passwd", "proc-environ", "dangling", "folder", "fifo", "too-large"],
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
