"""An output folder is replaced whole or not at all, and by one build at a time."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from generator import staging
from generator.staging import BuildLock, OutputBusy, Staging


def tree(path):
    return {p.relative_to(path).as_posix(): p.read_text() for p in path.rglob("*") if p.is_file()}


@pytest.fixture
def site(tmp_path):
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("old")
    target.chmod(0o755)
    return target


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_publish_swaps_in_the_new_folder_and_leaves_nothing_behind(site, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setattr(staging, "_exchange", lambda a, b: False)
    new = Staging(site)
    (new.path / "index.html").write_text("new")
    (new.path / "more.html").write_text("more")
    assert tree(site) == {"index.html": "old"}  # untouched until published
    new.publish()
    assert tree(site) == {"index.html": "new", "more.html": "more"}
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]
    assert site.stat().st_mode & 0o777 == 0o755  # not mkdtemp's private 0700


def test_discard_keeps_the_old_folder(site):
    new = Staging(site)
    (new.path / "index.html").write_text("half")
    new.discard()
    assert tree(site) == {"index.html": "old"}
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]


def test_the_next_build_puts_back_a_site_moved_aside_by_a_killed_build(site):
    # What a build killed between the two renames of the fallback leaves.
    aside = site.parent / ".site.old-abc"
    aside.mkdir()
    site.rename(aside / "previous")
    (site.parent / ".site.new-def").mkdir()
    Staging(site).discard()
    assert tree(site) == {"index.html": "old"}
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]


def test_a_second_lock_waits_and_then_says_another_build_is_running(site):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""\
            import sys, time
            from pathlib import Path
            from generator.staging import BuildLock
            lock = BuildLock(Path({str(site)!r}))
            lock.acquire()
            print("held", flush=True)
            time.sleep(30)
            """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline() == "held\n"
        told = []
        with pytest.raises(OutputBusy, match=rf"process {holder.pid}"):
            BuildLock(site).acquire(wait=0.5, on_wait=told.append)
        assert told == [
            f"another build of site/ is running (process {holder.pid}); waiting for it to finish"
        ]
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    lock = BuildLock(site)
    lock.acquire(wait=5)  # the killed holder's lock died with it
    lock.release()
