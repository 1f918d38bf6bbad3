"""Commands report mistakes and faults in one line, and replace only what they made."""

from __future__ import annotations

import pytest
from conftest import copy_site_inputs
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

import generator.cli
import generator.render_folder
from generator.cli import main
from generator.plugin import _refuse_shared_addresses
from generator.render_folder import RENDER_MARKER


def test_an_unexpected_error_is_one_line_and_debug_shows_the_traceback(
    project, monkeypatch, capsys
):
    root = project()

    def broken(*args, **kwargs):
        raise KeyError("boom")

    monkeypatch.setattr(generator.cli, "load_briefings", broken)
    assert main(["--root", str(root), "check"]) == 2
    assert capsys.readouterr().err == (
        "briefing check: unexpected KeyError: 'boom'. Run again with --debug for the "
        "traceback, and report it if it persists\n"
    )
    with pytest.raises(KeyError):
        main(["--root", str(root), "--debug", "check"])


def test_render_replaces_its_own_folder_whole_and_keeps_it_when_it_fails(
    project, monkeypatch, capsys
):
    root = project(with_site_config=True)
    out = root / "out"
    assert main(["--root", str(root), "render", "--out", str(out)]) == 0
    assert (out / RENDER_MARKER).is_file() and (out / "mkdocs.yml").is_file()
    before = sorted(p.relative_to(out) for p in out.rglob("*"))

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(generator.render_folder, "_fill", fail)
    assert main(["--root", str(root), "render", "--out", str(out)]) == 2
    assert capsys.readouterr().err.endswith("briefing render: No space left on device\n")
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert sorted(p.name for p in root.glob(".out.*")) == [".out.lock"]


def test_two_pages_at_one_address_stop_the_build(tmp_path):
    root = copy_site_inputs(tmp_path)
    (root / "docs/guide.md").write_text("# One\n")
    (root / "docs/guide").mkdir()
    (root / "docs/guide/index.md").write_text("# Two\n")
    config = load_config(config_file=str(root / "mkdocs.yml"))
    files = Files(
        [
            File(p, str(root / "docs"), str(root / "site"), True)
            for p in ("guide.md", "guide/index.md", "other.md")
        ]
    )
    with pytest.raises(PluginError, match=r"guide/index.html: guide.md and guide/index.md"):
        _refuse_shared_addresses(files)
    assert config.docs_dir.endswith("docs")
