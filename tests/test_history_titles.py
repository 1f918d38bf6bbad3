"""Titles for readers of changes already published (`change-titles.yaml`): shown in place of
the commit's subject on the Changes page, in the feeds and by `briefing changes`, read in a
fresh clone, never an entry of their own, and checked with file:line."""

from __future__ import annotations

import subprocess

import feedparser
import pytest
from conftest import write_project
from test_history import FEEDS, commit, edit, git

from generator.build import build_pages
from generator.cli import main
from generator.factsheets.change_titles import (
    CHANGE_TITLES,
    TITLE_LIMIT,
    ChangeTitle,
    read_change_titles,
)
from generator.history.changes import Changes
from generator.history.entries import Entry
from generator.history.log import briefing_history
from generator.history.retitle import retitled

ENGINEERS = "Reword events.yaml (crossing) per review R-17; see #12"


def two_changes(root):
    """A project with one briefing, published, then reworded with an engineer's subject."""
    write_project(root, with_site_config=True)
    git(root, "init", "-q")
    publish = commit(root, "Publish", "2026-11-01T09:00:00+00:00")
    edit(root / "briefings/test/events.yaml", "Gunmen crossed the border.", "Gunmen crossed.")
    reword = commit(root, ENGINEERS, "2026-11-02T09:00:00+00:00")
    return publish, reword


def titles_file(root, text):
    (root / CHANGE_TITLES).write_text(text, encoding="utf-8")


@pytest.fixture
def retitled_repo(tmp_path):
    root = tmp_path / "p"
    publish, reword = two_changes(root)
    titles_file(
        root,
        f"""\
test:
  - commit: {reword[:12]}
    title: "The crossing: fewer words, same fact"
    summary: The summary of the border crossing no longer says which border.
""",
    )
    commit(root, "Give the rewording a title for readers", "2026-11-03T09:00:00+00:00")
    return root, publish, reword


def test_a_title_and_summary_replace_the_subject_and_are_no_entry_of_their_own(retitled_repo):
    root, publish, reword = retitled_repo
    history = briefing_history(root, root / "briefings/test", root / "seeds")
    assert [(e.commit, e.subject, e.summary) for e in history.entries] == [
        (
            reword,
            "The crossing: fewer words, same fact",
            "The summary of the border crossing no longer says which border.",
        ),
        (publish, "Publish", None),
    ]
    assert history.problems == ()


def test_the_changes_page_the_feeds_and_briefing_changes_show_the_title(retitled_repo, capsys):
    root, _, reword = retitled_repo
    site = build_pages(root, root / "briefings", root / "seeds", feeds=FEEDS)
    assert not [p for p in site.problems if p.severity == "error"]
    page = site.files["test/changes.md"]
    heading = (
        f"### 2 November 2026: The crossing: fewer words, same fact {{: #change-{reword[:12]} }}"
    )
    assert heading in page
    assert "\nThe summary of the border crossing no longer says which border.\n" in page
    feed = feedparser.parse(site.files["test/feed.xml"])
    assert feed.entries[0].title == "Test briefing: The crossing: fewer words, same fact"
    assert feed.entries[0].content[0].value.startswith("The summary of the border crossing")
    for text in (page, site.files["test/feed.xml"], site.files["feed.xml"]):
        assert "R-17" not in text
    assert main(["--root", str(root), "changes", "test"]) == 0
    out = capsys.readouterr().out
    assert "The crossing: fewer words, same fact" in out and "R-17" not in out


def test_a_fresh_clone_shows_the_titles(retitled_repo, tmp_path):
    """CI and the publish workflow build a plain `git clone`, which fetches no notes: the
    titles are a tracked file, so the clone has them."""
    root, _, reword = retitled_repo
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(root), str(clone)], check=True)
    history = briefing_history(clone, clone / "briefings/test", clone / "seeds")
    assert history.entries[0].commit == reword
    assert history.entries[0].subject == "The crossing: fewer words, same fact"


def test_a_title_is_data_not_markup(tmp_path):
    root = tmp_path / "p"
    _, reword = two_changes(root)
    titles_file(
        root,
        f"test:\n  - commit: {reword}\n    title: '<script>alert(1)</script> *loud* [x](y)'\n"
        "    summary: '<img src=x onerror=alert(1)>'\n",
    )
    site = build_pages(root, root / "briefings", root / "seeds", feeds=FEEDS)
    page = site.files["test/changes.md"]
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; \\*loud\\* \\[x\\](y)" in page
    assert "<script>" not in site.files["test/feed.xml"]


def problems_of(root):
    site = build_pages(root, root / "briefings", root / "seeds", feeds=FEEDS)
    return [str(p) for p in site.problems]


def test_a_commit_that_is_no_change_of_the_briefing_fails_the_build_at_its_line(tmp_path):
    root = tmp_path / "p"
    _, reword = two_changes(root)
    (root / "notes.txt").write_text("not a fact\n")
    code = commit(root, "A commit of code, no fact", "2026-11-03T09:00:00+00:00")
    titles_file(
        root,
        f"test:\n  - commit: {reword[:7]}\n    title: Fine\n"
        f"  - commit: {code[:10]}\n    title: Not a change\n"
        "  - commit: 0123456789ab\n    title: Nowhere\n",
    )
    found = problems_of(root)
    no_change = "is no change in this briefing's change log, so its title would show nowhere"
    assert f"{CHANGE_TITLES}:4: commit: {code[:10]} {no_change}" in "\n".join(found)
    assert f"{CHANGE_TITLES}:6: commit: 0123456789ab {no_change}" in "\n".join(found)
    assert not any(":2:" in p for p in found)


def test_a_log_read_since_a_revision_does_not_call_older_commits_unknown(retitled_repo):
    root, publish, reword = retitled_repo
    titles_file(
        root,
        f"test:\n  - commit: {publish}\n    title: First\n  - commit: {reword}\n    title: X\n",
    )
    history = briefing_history(root, root / "briefings/test", root / "seeds", since=publish)
    assert [e.subject for e in history.entries] == ["X"]
    assert history.problems == ()


def entry(commit):
    return Entry(commit, "2026-11-01T09:00:00Z", "subject", (), Changes())


def test_a_prefix_of_two_commits_asks_for_more_digits():
    titles = (ChangeTitle("abcdef1", "Which one?"),)
    entries = (entry("abcdef1" + "0" * 33), entry("abcdef1" + "1" * 33))
    kept, problems = retitled(entries, CHANGE_TITLES, titles, whole_log=True)
    assert kept == entries
    (problem,) = problems
    assert "is the start of more than one change's commit" in problem.message
    assert "write more of its digits" in problem.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("test:\n  - commit: abcdef12\n    title: ''\n", ":3: test.title: must not be empty"),
        ("test:\n  - commit: abcdef12\n    title: '   '\n", ":3: test.title: must not be blank"),
        (
            f"test:\n  - commit: abcdef12\n    title: {'x' * (TITLE_LIMIT + 1)}\n",
            f":3: test.title: is {TITLE_LIMIT + 1} characters; shorten it to {TITLE_LIMIT}",
        ),
        (
            "test:\n  - commit: abcdef12\n    title: |\n      two\n      lines\n",
            ":3: test.title: must be one line",
        ),
        ("test:\n  - commit: abc\n    title: Short id\n", ":2: test.commit: "),
        ("test:\n  - commit: ABCDEF12\n    title: Capitals\n", ":2: test.commit: "),
        ("test:\n  - title: No commit\n", ":2: test.commit: missing"),
        (
            "test:\n  - commit: abcdef12\n    title: A\n  - commit: abcdef1234\n    title: B\n",
            ":4: test.commit: titles commit abcdef1234 again (line 2 titles abcdef12)",
        ),
        ("test:\n  - commit: abcdef12\n    title: A\n    sumary: B\n", ":4: test.sumary: unknown"),
        ("- commit: abcdef12\n  title: A\n", ":1: change-titles.yaml names each briefing"),
        ("nope:\n  - commit: abcdef12\n    title: A\n", ":1: nope: no briefing is named nope"),
        ("test: [unclosed\n", ":2: YAML syntax error"),
    ],
)
def test_briefing_check_names_the_line_and_the_fix(tmp_path, capsys, text, expected):
    root = write_project(tmp_path / "p")
    titles_file(root, text)
    assert main(["--root", str(root), "check"]) == 1
    err = capsys.readouterr().err
    assert f"{CHANGE_TITLES}{expected}" in err, err


def test_a_title_with_a_problem_is_not_shown(tmp_path):
    root = tmp_path / "p"
    write_project(root)
    titles_file(root, f"test:\n  - commit: abcdef12\n    title: {'x' * 200}\n")
    titles = read_change_titles(root)
    assert titles.of("test") == ()
    assert len(titles.problems) == 1


def test_the_shipped_titles_name_published_changes_in_words_for_readers():
    """Each title of the shipped briefing's changes names one of its entries, and no title
    or summary carries an internal id (a record's id, a review's finding)."""
    import re

    from conftest import ROOT, SHIPPED

    from generator.factsheets.kinds import KINDS
    from generator.factsheets.load import load_factsheets

    titles = read_change_titles(ROOT)
    assert titles.problems == ()
    shipped = titles.of(SHIPPED)
    assert len(shipped) >= 8
    sheets, _ = load_factsheets(ROOT / "briefings" / SHIPPED, ROOT)
    ids = {r.id for kind in KINDS for r in sheets.records(kind) if "-" in getattr(r, "id", "")}
    for title in shipped:
        for text in (title.title, title.summary or ""):
            words = set(re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", text))
            assert not words & ids, text
            assert not re.search(r"\b[A-Z]\d*-[A-Z]?\d+\b|#\d+", text), text
    history = briefing_history(ROOT, ROOT / "briefings" / SHIPPED, ROOT / "seeds")
    if history.unavailable:
        pytest.skip(f"no change log here: {history.unavailable}")
    assert history.problems == ()
    shown = {e.commit: e.subject for e in history.entries}
    for title in shipped:
        (commit,) = [c for c in shown if c.startswith(title.commit)]
        assert shown[commit] == title.title


def test_briefing_changes_names_a_title_of_no_change(tmp_path, capsys):
    root = tmp_path / "p"
    two_changes(root)
    titles_file(root, "test:\n  - commit: 0123456789ab\n    title: Nowhere\n")
    assert main(["--root", str(root), "changes"]) == 0
    err = capsys.readouterr().err
    assert f"{CHANGE_TITLES}:2: commit: 0123456789ab is no change in this briefing's" in err
