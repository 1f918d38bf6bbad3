"""The plugin's glue: what `mkdocs serve` watches, the nav, several briefings, and the
Content-Security-Policy it writes into every page."""

from __future__ import annotations

import shutil
import textwrap

import pytest
from bad_inputs.kit import tree_digest
from conftest import BRIEFING, ROOT, mkdocs_build, write_project
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files, InclusionLevel

from generator.plugin import BriefingPlugin
from generator.render.policy import protect, unprotected


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
    assert str(tmp_path / "change-titles.yaml") not in config.watch  # none to watch
    (tmp_path / "change-titles.yaml").write_text("test: []\n", encoding="utf-8")
    assert str(tmp_path / "change-titles.yaml") in configured(tmp_path).watch


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


# ---------------------------------------------------------------------------------------
# The Content-Security-Policy (render/policy.py): script a hand-written page would run


NOTES = textwrap.dedent("""\
    # Notes

    Some text.

    <script>
    document.title = "changed";
    </script>

    A [link](javascript:alert(1)) and <img src="x.png" alt="" onerror="alert(2)">.
    """)


def test_script_in_a_hand_written_page_fails_the_build_at_its_lines_and_keeps_the_site(
    tmp_path,
):
    root = write_project(tmp_path, with_site_config=True)
    assert mkdocs_build(root / "mkdocs.yml").returncode == 0
    before = tree_digest(root / "site")
    (root / "docs/notes.md").write_text(NOTES)
    result = mkdocs_build(root / "mkdocs.yml")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    blocked = (
        "would be blocked by the site's Content-Security-Policy (pages run scripts only from "
        "files on the site)"
    )
    lines = result.stderr.splitlines()
    start = next(i for i, line in enumerate(lines) if "briefing: hand-written" in line)
    assert lines[start].endswith(
        "briefing: hand-written pages hold script that the site's Content-Security-Policy "
        "would block; the previous site is kept:"
    )
    assert lines[start + 1 : start + 5] == [
        f"docs/notes.md:5: an inline <script> {blocked}: move the code into a .js file under "
        "docs/ and list it under extra_javascript in mkdocs.yml",
        f"docs/notes.md:9: a javascript: link {blocked}: link to a page, or move the code into "
        "a .js file under docs/ and list it under extra_javascript in mkdocs.yml",
        f"docs/notes.md:9: an inline event handler (onerror=) {blocked}: move the code into a "
        ".js file under docs/ that adds the handler with addEventListener, and list it under "
        "extra_javascript in mkdocs.yml",
        "3 errors, 0 warnings",
    ]
    assert tree_digest(root / "site") == before
    assert not list(tmp_path.glob(".site.new-*"))


def test_an_html_page_copied_from_docs_fails_the_build_and_keeps_the_site(tmp_path):
    root = write_project(tmp_path, with_site_config=True)
    assert mkdocs_build(root / "mkdocs.yml").returncode == 0
    before = tree_digest(root / "site")
    (root / "docs/embed.html").write_text("<html><head><title>x</title></head></html>\n")
    result = mkdocs_build(root / "mkdocs.yml")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert (
        "briefing: these pages lack the site's Content-Security-Policy as the first element "
        "of their <head>"
    ) in result.stderr
    assert "write a hand-written page as Markdown (docs/NAME.md)" in result.stderr
    assert (
        "\nembed.html: no Content-Security-Policy <meta> as the first element of its <head>\n"
    ) in result.stderr
    assert tree_digest(root / "site") == before


def test_the_preview_server_s_live_reload_script_is_allowed_in_each_page_it_serves(tmp_path):
    root = write_project(tmp_path, with_site_config=True)
    config = configured(root)
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        config.plugins.on_serve(server, config=config, builder=lambda: None)
        page = protect("<html><head><title>é</title></head><body><p>x</p></body></html>")
        served = server._inject_js_into_html(page.encode(), 12345).decode()
    finally:
        server.server_close()
    assert "livereload(12345, " in served
    assert unprotected(served) == []


def test_a_hook_keeps_its_name_and_priority_under_the_error_wrapper():
    """MkDocs orders hooks by `mkdocs_priority`: the one-line-error wrapper must keep it."""
    from generator.plugin import BriefingPlugin

    hook = BriefingPlugin.on_post_page
    assert (hook.__name__, hook.mkdocs_priority) == ("on_post_page", -100)
    assert hook.__wrapped__.__name__ == "on_post_page"
