"""Faults during a build: killed at random moments, out of disk space. site/ is always the
old site or the complete new one, and the next build recovers."""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import time

import mkdocs.utils
import pytest
from bad_inputs.kit import ROOT, tree_digest
from conftest import copy_site_inputs

from generator.cli import main

KILLS = 8


def build(root):
    return subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "--root", str(root), "build"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)},
    )


def site_digest(root):
    # The sitemap carries the build's date, which may change between two builds.
    return {k: v for k, v in tree_digest(root / "site").items() if not k.startswith("sitemap")}


def retitle(root):
    info = root / "briefings/belgorod-2023-05/briefing.yaml"
    info.write_text(info.read_text().replace("title: Cross-border raid", "title: The raid"))


@pytest.fixture
def old_and_new(tmp_path):
    """A project whose site/ is built (the old site), then edited, and the digest of the
    complete site its next build makes (built in a copy)."""
    root = copy_site_inputs(tmp_path / "project")
    assert build(root).wait() == 0
    old = site_digest(root)
    shutil.copytree(root / "site", tmp_path / "old-site")
    retitle(root)
    twin = tmp_path / "twin"
    shutil.copytree(root, twin, ignore=shutil.ignore_patterns("site", ".site.*"))
    assert build(twin).wait() == 0
    new = site_digest(twin)
    assert old != new
    return root, old, new


def test_a_build_killed_at_random_moments_leaves_the_old_or_the_new_site(old_and_new):
    root, old, new = old_and_new
    seed = random.randrange(1_000_000)
    chance = random.Random(seed)
    seen = []
    for _ in range(KILLS):
        delay = chance.uniform(0.2, 2.5)
        process = build(root)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = site_digest(root)
        seen.append(f"{'old' if now == old else 'new' if now == new else 'MIXED'} at {delay:.1f} s")
        assert now in (old, new), f"seed {seed}: killed at {delay:.2f} s, site/ is mixed"
        if now == new:  # start again from the old site, for the next kill
            shutil.rmtree(root / "site")
            shutil.copytree(root.parent / "old-site", root / "site")
    print(f"seed {seed}: after each kill, site/ was {', '.join(seen)}")
    assert build(root).wait() == 0
    assert site_digest(root) == new
    assert sorted(p.name for p in root.glob(".site.*")) == [".site.lock"], seen


def test_running_out_of_disk_space_keeps_the_old_site(old_and_new, monkeypatch, capsys):
    root, old, _ = old_and_new
    written = []
    real_write = mkdocs.utils.write_file

    def write_until_full(content, output_path):
        if len(written) >= 20:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written.append(output_path)
        real_write(content, output_path)

    monkeypatch.setattr(mkdocs.utils, "write_file", write_until_full)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    assert main(["--root", str(root), "build"]) == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == "briefing build: No space left on device"
    assert "Traceback" not in err
    assert len(written) == 20 and all(".site.new-" in w for w in written)
    assert site_digest(root) == old
    assert sorted(p.name for p in root.glob(".site.*")) == [".site.lock"]
