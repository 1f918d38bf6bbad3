"""The site's search: Pagefind's index of the built site, and the theme changes it needs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import material
import pytest

from generator.render.search_index import INDEXES, SEARCH_FOLDER, SearchIndexFailed, index_site
from generator.render.site import THEME_DIR

MATERIAL = Path(material.__file__).parent / "templates"


def _without_comments(template: str) -> str:
    return re.sub(r"^[ \t]*\{#.*?#\}[ \t]*\n", "", template, flags=re.S | re.M)


def test_the_header_is_materials_own_but_for_the_search_box():
    """The header is a copy of Material's with one change; a Material upgrade that changes
    its header must be looked at, not silently run with the old copy."""
    ours = _without_comments((THEME_DIR / "partials/header.html").read_text())
    theirs = _without_comments((MATERIAL / "partials/header.html").read_text())
    search = re.compile(
        r'    \{% if "material/search" in config.plugins %\}.*?\{% endif %\}\n    \{% endif %\}\n',
        re.S,
    )
    assert len(search.findall(theirs)) == 1
    mine = (
        '    <label class="md-header__button md-icon" for="__search">\n'
        '      {% set icon = config.theme.icon.search or "material/magnify" %}\n'
        '      {% include ".icons/" ~ icon ~ ".svg" %}\n'
        "    </label>\n"
        '    {% include "partials/briefing-search.html" %}\n'
    )
    assert ours == search.sub(lambda _: mine, theirs)


def test_the_nav_is_materials_own_but_for_the_other_briefings():
    ours = _without_comments((THEME_DIR / "partials/nav.html").read_text())
    theirs = _without_comments((MATERIAL / "partials/nav.html").read_text())
    theirs_lines = {line.strip() for line in theirs.splitlines()}
    lines = [line.strip() for line in ours.splitlines() if line.strip() not in theirs_lines]
    # `here`, and the test around each item (with its `endif`, a line Material has too).
    assert len(lines) == 2, lines
    assert len(ours.splitlines()) == len(theirs.splitlines()) + 3


def test_indexing_a_folder_with_no_pages_fails_with_pagefinds_words(tmp_path):
    (tmp_path / "site").mkdir()
    with pytest.raises(SearchIndexFailed, match="Pagefind"):
        index_site(tmp_path / "site", [])


def test_indexing_a_built_page_writes_the_index_into_its_folder(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text(
        '<html lang="en"><body><div data-pagefind-body><h1>Kozinka</h1></div></body></html>'
    )
    assert index_site(tmp_path, ["a"]) == "Indexed 1 pages in 1 index"
    assert (tmp_path / SEARCH_FOLDER / "0/pagefind.js").is_file()
    assert list((tmp_path / SEARCH_FOLDER / "0/fragment").iterdir())


def _page(path: Path, heading: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'<html lang="en"><body><div data-pagefind-body><h1>{heading}</h1></div></body></html>'
    )


def test_briefings_are_indexed_in_groups_merged_by_the_browser(tmp_path):
    """Each group of briefings has an index of its own; the first also holds the pages that
    are not a briefing's, and lists them all, with their briefings, for briefing.js."""
    _page(tmp_path / "index.html", "Home")
    _page(tmp_path / "guide, {odd}" / "index.html", "Guide")
    for slug in ("a", "b", "c"):
        _page(tmp_path / slug / "index.html", f"Briefing {slug}")
        _page(tmp_path / slug / "actors/x/index.html", f"Actor of {slug}")
    (tmp_path / "assets").mkdir()
    assert index_site(tmp_path, ["a", "b", "c"], 3) == "Indexed 8 pages in 3 indexes"
    folder = tmp_path / SEARCH_FOLDER
    assert json.loads((folder / INDEXES).read_text()) == [
        {"folder": "0/", "briefings": ["a"]},
        {"folder": "1/", "briefings": ["b"]},
        {"folder": "2/", "briefings": ["c"]},
    ]
    # Each index holds its own group's pages: two each, and the first four more.
    fragments = [len(list((folder / sub / "fragment").iterdir())) for sub in ("0", "1", "2")]
    assert fragments == [4, 2, 2]
