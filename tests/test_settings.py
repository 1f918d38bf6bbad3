"""mkdocs.yml's settings checked as inputs (generator/settings.py) and the pages' loads from
other origins (generator/render/origin.py)."""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.render.origin import describe, off_origin_loads
from generator.settings import (
    output_folder_problem,
    plugin_problem,
    setting_line,
    site_dir_problems,
    site_url_problem,
)


@pytest.mark.parametrize(
    "url",
    ["https://example.org/", "http://localhost:8000/briefings/", "https://x.github.io/repo/"],
)
def test_a_plain_http_address_is_a_site_url(url):
    assert site_url_problem(url) is None


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("https://exa mple.org/", "holds a space"),
        ('https://x.org/"><script>alert(1)</script>/', "holds '\"'"),
        ("https://x.org/<b>", "holds '<'"),
        ("https://x.org/?a=1", "has a query or fragment"),
        ("https://x.org/#top", "has a query or fragment"),
        ("ftp://x.org/", "is not an http(s) address"),
        ("javascript:alert(1)//", "is not an http(s) address"),
        ("https:///path/", "is not an http(s) address"),
        ("https://x.org/\t", "holds a space"),
    ],
)
def test_a_site_url_that_would_break_pages_or_feeds_is_refused(url, said):
    assert said in (site_url_problem(url) or "")


@given(st.text(max_size=60))
def test_every_accepted_site_url_is_safe_to_print_and_append_to(text):
    url = "https://" + text
    if site_url_problem(url) is None:
        parts = urllib.parse.urlsplit(url)
        assert parts.scheme == "https" and parts.netloc
        assert not parts.query and not parts.fragment
        assert not any(c.isspace() or c in "\"'<>`" for c in url)


def project(tmp_path: Path) -> tuple[Path, dict[str, Path]]:
    root = tmp_path / "project"
    for name in ("briefings", "seeds", "docs", ".git", ".cache"):
        (root / name).mkdir(parents=True)
    protected = {n.strip("."): root / n for n in ("briefings", "seeds", "docs", ".git", ".cache")}
    return root, protected


@pytest.mark.parametrize(
    ("site_dir", "said"),
    [
        (".", "is the project folder, or a folder around it"),
        ("..", "is the project folder, or a folder around it"),
        ("seeds", "is the project's seeds folder"),
        ("seeds/x", "is inside the project's seeds folder"),
        (".git", "is the project's git folder"),
        (".cache/site", "is inside the project's cache folder"),
        ("briefings/../docs", "is the project's docs folder"),
    ],
)
def test_an_output_folder_may_not_be_around_or_in_an_input(tmp_path, site_dir, said):
    root, protected = project(tmp_path)
    assert said in (output_folder_problem(root / site_dir, root, protected) or "")


def test_an_output_folder_beside_the_inputs_or_outside_the_project_is_fine(tmp_path):
    root, protected = project(tmp_path)
    for site_dir in ("site", "public/site", "../elsewhere"):
        assert output_folder_problem(root / site_dir, root, protected) is None


def test_a_link_named_site_that_points_at_an_input_is_refused(tmp_path):
    root, protected = project(tmp_path)
    (root / "site").symlink_to("seeds")
    assert "is the project's seeds folder" in (
        output_folder_problem(root / "site", root, protected) or ""
    )


def test_site_dir_problems_name_the_line_of_mkdocs_yml(tmp_path):
    root, protected = project(tmp_path)
    config = root / "mkdocs.yml"
    config.write_text("site_name: x\n# the output\nsite_dir: seeds\n")
    (problem,) = site_dir_problems(config, root / "seeds", root, protected)
    assert (problem.file, problem.line, problem.field) == ("mkdocs.yml", 3, "site_dir")


def test_a_folder_of_files_no_build_wrote_is_never_replaced(tmp_path):
    root, protected = project(tmp_path)
    config = root / "mkdocs.yml"
    config.write_text("site_dir: tests\n")
    (root / "tests").mkdir()
    (root / "tests/test_x.py").write_text("")
    (problem,) = site_dir_problems(config, root / "tests", root, protected)
    assert "holds files a build did not write" in problem.message
    (root / "site").mkdir()
    (root / "site/404.html").write_text("")
    assert site_dir_problems(config, root / "site", root, protected) == []
    assert site_dir_problems(config, root / "new", root, protected) == []


@pytest.mark.parametrize(
    ("plugins", "missing"),
    [
        (["briefing"], False),
        ([{"briefing": {"briefings": []}}], False),
        ({"briefing": {}}, False),
        ([], True),
        (["search"], True),
        (None, True),
        ("briefing", True),
    ],
)
def test_the_briefing_plugin_must_be_listed(tmp_path, plugins, missing):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nplugins:\n  - search\n")
    problem = plugin_problem(config, plugins)
    assert (problem is not None) == missing
    if problem is not None:
        assert (problem.line, problem.field) == (2, "plugins")


def test_setting_line_finds_the_top_level_key_only(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("theme:\n  site_url: no\nsite_url: !ENV SITE_URL\n")
    assert setting_line(config, "site_url") == 3
    assert setting_line(config, "site_dir") == 1


PAGE = """<html><head>
<link rel="stylesheet" href="../assets/site.css">
<link rel="canonical" href="https://example.org/a/">
<link rel="alternate" type="application/atom+xml" href="https://example.org/feed.xml">
<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>
<link href="https://fonts.googleapis.com/css?family=Roboto" rel="stylesheet">
<script src="//cdn.example.net/x.js"></script>
<script src="https://example.org/own.js"></script>
</head><body>
<a href="https://www.theguardian.com/">a source</a>
<img srcset="small.png 1x, https://img.example.com/big.png 2x" alt="">
<IMG SRC='https://tiles.example.org/1.png'>
<p>https://not.a.load.example/ in text</p>
</body></html>
"""


def test_the_loads_from_other_origins_are_found_and_links_are_not(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text(PAGE)
    (tmp_path / "b.html").write_text(PAGE)
    (tmp_path / "site.css").write_text(
        "@import url('https://fonts.example/f.css');\nbody{background:url(data:x)}\n"
    )
    loads = {load.url: load for load in off_origin_loads(tmp_path, "https://example.org/")}
    assert set(loads) == {
        "https://fonts.gstatic.com",
        "https://fonts.googleapis.com/css?family=Roboto",
        "//cdn.example.net/x.js",
        "https://img.example.com/big.png",
        "https://tiles.example.org/1.png",
        "https://fonts.example/f.css",
    }
    assert loads["//cdn.example.net/x.js"].pages == ("a/index.html", "b.html")
    assert loads["https://fonts.example/f.css"].what == "an address in a stylesheet"
    # Without a site_url, the site's own absolute address is elsewhere too.
    assert "https://example.org/own.js" in {load.url for load in off_origin_loads(tmp_path)}


def test_known_loads_say_how_to_stop_them(tmp_path):
    (tmp_path / "index.html").write_text(PAGE)
    text = describe(off_origin_loads(tmp_path, "https://example.org/"), limit=2)
    lines = text.splitlines()
    assert lines[0].startswith("https://fonts.gstatic.com (a stylesheet or other link")
    assert "set `font: false` under theme in mkdocs.yml" in lines[0]
    assert lines[-1] == "and 3 more addresses"


def test_an_address_the_url_parser_refuses_is_a_problem_not_a_crash():
    assert "is not a valid address (Invalid IPv6 URL)" in (site_url_problem("https://[") or "")
    assert "is not a valid address" in (site_url_problem("https://x.org:99999/") or "")


def test_a_page_with_a_broken_address_is_scanned_without_a_crash(tmp_path):
    (tmp_path / "index.html").write_text('<img src="//[broken">')
    assert [load.url for load in off_origin_loads(tmp_path, "https://example.org/")] == [
        "//[broken"
    ]
