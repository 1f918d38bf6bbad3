"""The plugin's glue: what `mkdocs serve` watches, the nav, several briefings."""

from __future__ import annotations

import shutil

import pytest
from conftest import BRIEFING, ROOT, write_project
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files, InclusionLevel

from generator.plugin import BriefingPlugin


def configured(root):
    """The config after the plugins' on_config, dispatched as MkDocs does."""
    config = load_config(config_file=str(root / "mkdocs.yml"))
    assert isinstance(config.plugins["briefing"], BriefingPlugin)
    return config.plugins.on_config(config)


def generated_files(config):
    return config.plugins.on_files(Files([]), config=config)


def pages(config):
    """The generated pages the plugin adds to a build: {path: content}."""
    return {f.src_uri: f.content_string for f in generated_files(config)}


def test_serve_watches_fact_sheets_and_sources(tmp_path):
    config = configured(write_project(tmp_path, with_site_config=True))
    assert str(tmp_path / "briefings") in config.watch
    assert str(tmp_path / "seeds") in config.watch


def test_several_briefings_are_listed_on_the_home_page_and_in_the_nav(tmp_path):
    root = write_project(tmp_path, with_site_config=True)
    second = root / "briefings" / "second"
    shutil.copytree(root / "briefings" / "test", second)
    (second / "briefing.yaml").write_text(BRIEFING.replace("Test briefing", "Second briefing"))
    config = configured(root)
    files = generated_files(config)
    home = files.get_file_from_path("index.md").content_string
    assert "[Test briefing](test/index.md)" in home
    assert "[Second briefing](second/index.md)" in home
    assert [next(iter(entry)) for entry in config.nav] == [
        "All briefings",
        "How to read a briefing",
        "Second briefing",
        "Test briefing",
        "Editing this briefing",
        "Writing fact sheets",
    ]


@pytest.mark.parametrize(("chosen", "built"), [("second", ["second"]), ("", ["second", "test"])])
def test_the_briefing_variable_chooses_which_briefings_a_preview_builds(
    tmp_path, monkeypatch, chosen, built
):
    """`make serve BRIEFING=<folder>`: mkdocs.yml reads it with !ENV; empty means all."""
    root = write_project(tmp_path, with_site_config=True)
    shutil.copytree(root / "briefings" / "test", root / "briefings" / "second")
    monkeypatch.setenv("BRIEFING", chosen)
    config = configured(root)
    slugs = sorted({path.split("/")[0] for path in pages(config) if "/" in path})
    assert slugs == built


def test_entity_pages_are_kept_out_of_the_nav_and_index_pages_in(tmp_path):
    config = configured(write_project(tmp_path, with_site_config=True))
    files = generated_files(config)
    actor = files.get_file_from_path("test/actors/ivan-petrov.md")
    assert actor.inclusion == InclusionLevel.NOT_IN_NAV
    assert files.get_file_from_path("test/actors/index.md").inclusion != InclusionLevel.NOT_IN_NAV
    assert files.get_file_from_path("test/data/claims.json") is not None


def test_shipped_mkdocs_yml_loads_nothing_from_another_origin():
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    assert config.theme["font"] is False
    # Search is the plugin's (Pagefind, indexed at build time, run in the page); no
    # network plugins, and not Material's search, whose one index every reader loaded.
    assert set(config.plugins) == {"briefing"}


def test_serve_keeps_the_last_good_pages_when_a_check_fails(tmp_path, caplog):
    root = write_project(tmp_path, with_site_config=True)
    plugin = BriefingPlugin()
    plugin.load_config({})
    plugin.on_startup(command="serve", dirty=False)

    def rebuild():
        # What `mkdocs serve` does on a change: a fresh config, the same plugin instance.
        return plugin.on_config(load_config(config_file=str(root / "mkdocs.yml")))

    good_config = rebuild()
    good_nav = good_config.nav
    good = pages(good_config)
    claims = root / "briefings/test/claims.yaml"
    claims.write_text(claims.read_text().replace("eight people", "nine people"))
    config = rebuild()
    assert pages(config) == good
    assert config.nav == good_nav
    assert (
        "briefing check failed; serving the last good build until it passes:\n"
        "briefings/test/claims.yaml:10: citations[0].quote: not found in source 'daily'"
    ) in caplog.text


def test_build_fails_on_a_check_failure_even_after_a_good_build(tmp_path):
    root = write_project(tmp_path, with_site_config=True)
    plugin = BriefingPlugin()
    plugin.load_config({})
    plugin.on_startup(command="build", dirty=False)
    plugin.on_config(load_config(config_file=str(root / "mkdocs.yml")))
    claims = root / "briefings/test/claims.yaml"
    claims.write_text(claims.read_text().replace("eight people", "nine people"))
    with pytest.raises(PluginError, match="briefing check failed"):
        plugin.on_config(load_config(config_file=str(root / "mkdocs.yml")))
