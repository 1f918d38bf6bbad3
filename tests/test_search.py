"""The site's search: Pagefind's index of the built site, and the theme changes it needs."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import material
import pytest

from generator.render.search_index import (
    INDEXES,
    SEARCH_FOLDER,
    TIMEOUT_VARIABLE,
    SearchIndexFailed,
    index_site,
    pagefind_timeout,
)
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


# ---------------------------------------------------------------------------------------
# A Pagefind that fails, dies or never returns: a fake `pagefind` package first on the
# PYTHONPATH, which `python -m pagefind` runs instead of the real one.


def _fake_pagefind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, main: str) -> Path:
    """A site of one page, and a fake Pagefind whose __main__ is `main`; the site's folder."""
    fake = tmp_path / "fake" / "pagefind"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    (fake / "__main__.py").write_text(main)
    monkeypatch.setenv("PYTHONPATH", str(fake.parent))
    site = tmp_path / "site"
    _page(site / "a" / "index.html", "A")
    return site


def test_a_pagefind_that_exits_0_without_an_index_says_what_is_missing(tmp_path, monkeypatch):
    site = _fake_pagefind(tmp_path, monkeypatch, "")
    with pytest.raises(SearchIndexFailed) as failed:
        index_site(site, ["a"])
    assert str(failed.value) == (
        "Pagefind exited with status 0 but wrote no index (pagefind/0/pagefind.js is "
        "missing), and printed nothing"
    )


def test_a_pagefind_killed_by_a_signal_is_named_with_the_signal(tmp_path, monkeypatch):
    site = _fake_pagefind(tmp_path, monkeypatch, "import os\nos.kill(os.getpid(), 9)\n")
    with pytest.raises(SearchIndexFailed, match=r"^Pagefind was killed by SIGKILL before it "):
        index_site(site, ["a"])


def test_a_failing_pagefinds_exit_status_comes_before_its_own_words_escaped(tmp_path, monkeypatch):
    main = "import sys\nprint('Error: \\x1b[31mno pages\\x1b[0m'); sys.exit(3)\n"
    site = _fake_pagefind(tmp_path, monkeypatch, main)
    with pytest.raises(SearchIndexFailed) as failed:
        index_site(site, ["a"])
    assert str(failed.value) == (
        "Pagefind stopped with exit status 3:\nError: \\x1b[31mno pages\\x1b[0m"
    )


def test_a_pagefind_that_never_returns_is_stopped_with_whatever_it_started(tmp_path, monkeypatch):
    # It starts a child that holds its output open, then sleeps: both must be gone after,
    # and the build must not wait for the child to close the output.
    pids = tmp_path / "pids"
    main = (
        "import os, subprocess, time\n"
        "child = subprocess.Popen(['sleep', '600'])\n"
        f"open({str(pids)!r}, 'w').write(f'{{os.getpid()}} {{child.pid}}')\n"
        "time.sleep(600)\n"
    )
    site = _fake_pagefind(tmp_path, monkeypatch, main)
    monkeypatch.setenv(TIMEOUT_VARIABLE, "0.5")
    with pytest.raises(SearchIndexFailed) as failed:
        index_site(site, ["a"])
    assert str(failed.value).startswith(
        "Pagefind did not finish indexing 1 page in 0.5 seconds and was stopped; the "
        f"previous site is kept. If this machine is just slow, set {TIMEOUT_VARIABLE} "
    )
    assert all(_ends(int(pid)) for pid in pids.read_text().split())


def _ends(pid: int) -> bool:
    """Whether the process ends (or is a zombie: an orphan's reaper may be slow) soon after
    a SIGKILL, which the kernel delivers a moment later."""
    stat = Path(f"/proc/{pid}/stat")
    for _ in range(100):
        try:
            if stat.read_text().rpartition(")")[2].split()[0] in "ZX":
                return True
        except FileNotFoundError:
            return True
        time.sleep(0.05)
    return False


def test_the_timeout_grows_with_the_pages_and_the_variable_overrides_it(monkeypatch):
    monkeypatch.delenv(TIMEOUT_VARIABLE, raising=False)
    assert pagefind_timeout(0) == 120
    assert pagefind_timeout(1500) == 270
    monkeypatch.setenv(TIMEOUT_VARIABLE, "900")
    assert pagefind_timeout(1500) == 900


@pytest.mark.parametrize("setting", ["soon", "0", "-5", "inf", "nan"])
def test_a_timeout_setting_that_is_not_seconds_is_refused(monkeypatch, setting):
    monkeypatch.setenv(TIMEOUT_VARIABLE, setting)
    with pytest.raises(SearchIndexFailed, match=rf"^{TIMEOUT_VARIABLE}='{setting}' is not a"):
        pagefind_timeout(10)


def test_a_pagefind_program_that_is_missing_is_one_line_not_its_launchers_traceback(
    tmp_path, monkeypatch
):
    site = tmp_path / "site"
    _page(site / "a" / "index.html", "A")
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-such-program"))
    with pytest.raises(SearchIndexFailed) as failed:
        index_site(site, ["a"])
    message = str(failed.value)
    assert message.startswith("Pagefind stopped with exit status 1:\nPagefind's launcher failed: ")
    assert "FileNotFoundError" in message and "Traceback" not in message


def test_a_python_without_pagefind_is_told_how_to_install_it(tmp_path, monkeypatch):
    site = _fake_pagefind(tmp_path, monkeypatch, "")
    (tmp_path / "fake/pagefind/__main__.py").unlink()  # a package python -m cannot run
    with pytest.raises(SearchIndexFailed, match=r"^Pagefind is not installed in this Python "):
        index_site(site, ["a"])
