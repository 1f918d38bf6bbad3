"""One project, read once: the plugin's `briefings_dir` and `seeds_dir` options are the
folders every command reads, as the build does (issue 29, item 1)."""

from __future__ import annotations

import os
import subprocess

from conftest import mkdocs_build, write_project

from generator.cli import main
from generator.project import Project

MOVED = """\
      briefings_dir: facts
      seeds_dir: texts
"""


def _moved_project(tmp_path):
    """The made-up project with briefings/ moved to facts/ and seeds/ to texts/, through
    the plugin's options in mkdocs.yml; nothing is left at the default places."""
    root = write_project(tmp_path / "p", with_site_config=True)
    (root / "briefings").rename(root / "facts")
    (root / "seeds").rename(root / "texts")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    marker = "  - briefing:\n"
    assert marker in text
    config.write_text(text.replace(marker, marker + MOVED, 1), encoding="utf-8")
    return root


def _git(root, *args):
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "e@example.org",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "e@example.org",
    }
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def test_the_project_reads_its_folders_from_the_plugins_options(tmp_path):
    root = _moved_project(tmp_path)
    project = Project.read(root)
    assert (project.briefings_dir, project.seeds_dir, project.docs_dir) == (
        root / "facts",
        root / "texts",
        root / "docs",
    )
    # MkDocs also takes `plugins` as one mapping of names to options.
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "mkdocs.yml").write_text(
        "plugins:\n  search: {}\n  briefing:\n    briefings_dir: facts\n", encoding="utf-8"
    )
    assert Project.read(tmp_path / "m").briefings_dir == tmp_path / "m" / "facts"
    # Without mkdocs.yml, the defaults.
    bare = Project.read(tmp_path)
    assert (bare.briefings_dir, bare.seeds_dir) == (tmp_path / "briefings", tmp_path / "seeds")


def test_every_command_reads_the_folders_the_build_reads(tmp_path, capsys):
    root = _moved_project(tmp_path)
    run = ["--root", str(root)]
    assert main([*run, "check", "--strict"]) == 0, capsys.readouterr().err
    assert "in test" in capsys.readouterr().out
    assert main([*run, "coverage"]) in (0, 1)
    assert "texts" in capsys.readouterr().out
    out = tmp_path / "rendered"
    assert main([*run, "render", "--pages-only", "--no-history", "--out", str(out)]) == 0
    assert (out / "test" / "timeline.md").is_file()
    capsys.readouterr()
    events = root / "facts" / "test" / "events.yaml"
    before = events.read_text(encoding="utf-8")
    assert main([*run, "new", "event", "--briefing", "test"]) == 0
    assert "facts/test/events.yaml" in capsys.readouterr().out
    events.write_text(before, encoding="utf-8")  # the skeleton's placeholders do not check
    assert main([*run, "new", "event", "--briefing", "nope"]) == 1
    assert "facts/nope: no such briefing" in capsys.readouterr().err
    assert main([*run, "new", "briefing", "second"]) == 0
    assert (root / "facts" / "second" / "briefing.yaml").is_file()
    assert not (root / "briefings").exists() and not (root / "seeds").exists()
    # The change log and the diff read the moved folders from git too.
    (root / "facts" / "second").rename(tmp_path / "second")  # a skeleton does not check
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "Publish")
    capsys.readouterr()
    assert main([*run, "changes"]) == 0
    assert "test: 1 change" in capsys.readouterr().out
    assert main([*run, "diff", "HEAD"]) == 0
    diff = capsys.readouterr().out
    # The briefing is read at HEAD from facts/ and texts/ as in the working tree: nothing
    # changed (a folder read at only one side would be "added" or "removed").
    assert "### test" in diff and "No change to the facts." in diff, diff
    # And the build itself.
    result = mkdocs_build(root / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    assert (root / "site" / "test" / "timeline" / "index.html").is_file()
