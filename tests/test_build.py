"""build_pages: the site's files, briefing by briefing, in worker processes from
PARALLEL_FROM briefings on: the same files and problems as one process makes."""

from __future__ import annotations

import shutil

from conftest import write_project

from generator.build import PARALLEL_FROM, build_pages
from generator.pipeline import load_briefings
from generator.render.site import render_site


def _several(tmp_path, count):
    root = write_project(tmp_path, with_site_config=True)
    for i in range(1, count):
        shutil.copytree(root / "briefings" / "test", root / "briefings" / f"copy-{i}")
    return root


def _folders(root):
    return root, root / "briefings", root / "seeds"


def test_workers_build_the_same_files_as_one_process(tmp_path):
    root = _several(tmp_path, PARALLEL_FROM)
    site = build_pages(*_folders(root), docs_dir=root / "docs")
    briefings, problems = load_briefings(*_folders(root), docs_dir=root / "docs")
    assert site.problems == problems
    # Each worker read its briefing's change log (here: not a git repository, so none).
    histories = {h.slug: h.history for h in site.heads}
    assert all(h is not None and h.unavailable for h in histories.values())
    assert site.files == render_site(briefings, histories)
    assert [h.slug for h in site.heads] == [b.slug for b in briefings]
    assert [h.info for h in site.heads] == [b.info for b in briefings]


def test_a_failed_check_in_one_worker_reports_every_problem_and_builds_nothing(tmp_path):
    root = _several(tmp_path, PARALLEL_FROM + 1)
    for name in ("copy-1", "copy-3"):
        claims = root / "briefings" / name / "events.yaml"
        claims.write_text(claims.read_text().replace("date: 2023-05-22", "date: 2023-13-40"))
    site = build_pages(*_folders(root), docs_dir=root / "docs")
    _, problems = load_briefings(*_folders(root), docs_dir=root / "docs")
    assert site.problems == problems
    assert {p.file.split("/")[1] for p in site.problems if p.severity == "error"} == {
        "copy-1",
        "copy-3",
    }
    assert site.files == {}
