"""The change log read from git: a small repository in a temporary folder, built up commit by
commit (publish, add a fact, change a figure, a correction, a formatting-only commit, a
rename, a later edit), and what the Changes page, the facts' entries, the feeds and
`briefing changes` make of it; a shallow clone has no log and says so."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import feedparser
import pytest
from conftest import CLAIMS, EVENTS, mkdocs_build, write_project

from generator.build import build_pages
from generator.cli import main
from generator.history.entries import fact_marks
from generator.history.log import briefing_history
from generator.render.feeds import Feeds

FEEDS = Feeds("https://example.org/briefings/", "Test site")

LOWFORD = """\
- id: lowford-taken
  title: The brigade takes Lowford
  date: 2023-05-22
  summary: The brigade says it took Lowford.
  status: claimed
  claimed_by: [northern-brigade]
  citations:
    - source: daily
      quote: The brigade says it took the village of Lowford
"""


def git(root, *args):
    return subprocess.run(
        ["git", "-C", str(root), *args], check=True, capture_output=True, text=True
    ).stdout


def commit(root, message, date, written=None):
    """Commit everything, committed at `date` and written at `written` (default: `date`)."""
    git(root, "add", "-A")
    env = {**os.environ, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_DATE": written or date}
    subprocess.run(
        [
            "git",
            "-C",
            str(root),
            "-c",
            "user.name=Editor",
            "-c",
            "user.email=e@example.org",
            "commit",
            "-qm",
            message,
        ],
        check=True,
        capture_output=True,
        env=env,
    )
    return git(root, "rev-parse", "HEAD").strip()


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def history_repo(tmp_path_factory):
    """{name: commit} of a repository whose briefing went through every kind of change."""
    root = write_project(tmp_path_factory.mktemp("history"), with_site_config=True)
    sheets = root / "briefings" / "test"
    git(root, "init", "-q")
    made = {"publish": commit(root, "Publish the briefing", "2026-11-01T09:00:00+00:00")}
    (sheets / "events.yaml").write_text(EVENTS + LOWFORD, encoding="utf-8")
    made["add"] = commit(root, "Add the capture of Lowford", "2026-11-02T09:00:00+00:00")
    # The outlet updated its article: the governor's figure is now nine.
    edit(root / "seeds" / "daily.txt", "said eight people", "said nine people")
    (sheets / "claims.yaml").write_text(
        CLAIMS.replace("count: 8", "count: 9").replace("said eight", "said nine"),
        encoding="utf-8",
    )
    made["figure"] = commit(root, "The Daily now says nine wounded", "2026-11-03T09:00:00+00:00")
    edit(
        sheets / "events.yaml",
        "title: The brigade takes Lowford",
        "title: The brigade says it took Lowford",
    )
    made["correction"] = commit(
        root,
        "Lowford: a claim, not a fact\n\nCorrection: the title stated as fact what only the "
        "brigade claims",
        "2026-11-04T09:00:00+00:00",
    )
    # Formatting only: a comment and another indentation.
    claims = (sheets / "claims.yaml").read_text(encoding="utf-8")
    (sheets / "claims.yaml").write_text(
        "# The governor's figures\n" + claims.replace("\n  ", "\n    ").replace("- id", "-   id"),
        encoding="utf-8",
    )
    made["format"] = commit(root, "Tidy claims.yaml", "2026-11-05T09:00:00+00:00")
    edit(sheets / "events.yaml", "id: lowford-taken", "id: lowford-captured")
    made["rename"] = commit(root, "Rename lowford-taken", "2026-11-06T09:00:00+00:00")
    edit(
        sheets / "events.yaml",
        "summary: The brigade says it took Lowford.",
        "summary: The brigade says it took the village.",
    )
    made["later"] = commit(root, "Reword the Lowford summary", "2026-11-07T09:00:00+00:00")
    return root, made


def test_the_log_lists_each_change_a_reader_sees_newest_first(history_repo, tmp_path):
    root, _ = history_repo
    history = briefing_history(root, root / "briefings/test", root / "seeds", cache=tmp_path)
    assert history.unavailable is None
    assert [e.subject for e in history.entries] == [
        "Reword the Lowford summary",
        "Rename lowford-taken",
        "Lowford: a claim, not a fact",
        "The Daily now says nine wounded",
        "Add the capture of Lowford",
        "Publish the briefing",
    ]  # not "Tidy claims.yaml": it changed nothing a reader sees
    by_subject = {e.subject: e for e in history.entries}
    assert by_subject["Publish the briefing"].first
    added = by_subject["Add the capture of Lowford"].changes.facts
    assert [(f.action, f.kind, f.id) for f in added] == [("added", "events", "lowford-taken")]
    figure = by_subject["The Daily now says nine wounded"].changes.facts
    claim = next(f for f in figure if f.kind == "claims")
    assert ("figure", "8", "9") in [(f.name, f.before, f.after) for f in claim.fields]
    renamed = by_subject["Rename lowford-taken"].changes.facts
    assert [(f.action, f.id, f.old_id, f.fields) for f in renamed] == [
        ("renamed", "lowford-captured", "lowford-taken", ())
    ]
    correction = by_subject["Lowford: a claim, not a fact"]
    assert correction.corrections == ("the title stated as fact what only the brigade claims",)
    assert history.corrections == (correction,)
    assert history.commits == 7  # the formatting commit was read, and left out


def test_the_cache_answers_a_second_reading_and_a_new_commit_costs_one_snapshot(
    history_repo, tmp_path
):
    root, _ = history_repo
    first = briefing_history(root, root / "briefings/test", root / "seeds", cache=tmp_path)
    again = briefing_history(root, root / "briefings/test", root / "seeds", cache=tmp_path)
    assert first.computed == 7  # every commit's snapshot (the root's parent is empty)
    assert again.computed == 0
    assert again.entries == first.entries


def test_since_keeps_only_later_commits(history_repo, tmp_path):
    root, made = history_repo
    later = briefing_history(
        root, root / "briefings/test", root / "seeds", since=made["format"], cache=tmp_path
    )
    assert [e.subject for e in later.entries] == [
        "Reword the Lowford summary",
        "Rename lowford-taken",
    ]
    with pytest.raises(ValueError, match="is not a revision"):
        briefing_history(root, root / "briefings/test", root / "seeds", since="--output=x")


@pytest.fixture(scope="module")
def pages(history_repo):
    root, _ = history_repo
    site = build_pages(root, root / "briefings", root / "seeds", feeds=FEEDS)
    assert not [p for p in site.problems if p.severity == "error"]
    return site.files


def test_the_changes_page_lists_corrections_first_then_every_change(pages, history_repo):
    _, made = history_repo
    page = pages["test/changes.md"]
    corrections, _, log = page.partition("## All changes")
    anchor = f"change-{made['correction'][:12]}"
    assert (
        f"- **4 November 2026** ([entry](#{anchor})): the title stated as fact what only "
        "the brigade claims"
    ) in corrections
    headings = re.findall(r"^### (.*) \{: #(change-\w+) \}$", log, re.M)
    assert headings == [
        ("7 November 2026: Reword the Lowford summary", f"change-{made['later'][:12]}"),
        ("6 November 2026: Rename lowford-taken", f"change-{made['rename'][:12]}"),
        ("4 November 2026: Lowford: a claim, not a fact", anchor),
        ("3 November 2026: The Daily now says nine wounded", f"change-{made['figure'][:12]}"),
        ("2 November 2026: Add the capture of Lowford", f"change-{made['add'][:12]}"),
        ("1 November 2026: Publish the briefing", f"change-{made['publish'][:12]}"),
    ]
    assert "Tidy claims.yaml" not in page
    # Each fact links to where it stands now, under its current id.
    assert (
        "- **Renamed** event [22 May 2023: The brigade says it took Lowford]"
        "(timeline.md#lowford-captured) (its id was lowford-taken)"
    ) in log
    assert "    - figure: 8 → 9" in log
    assert "First published, with 1 source, 2 actors, 1 event, 1 claim." in log


def test_a_corrected_fact_says_so_with_its_old_value_even_after_later_changes(pages, history_repo):
    _, made = history_repo
    timeline = pages["test/timeline.md"]
    entry = timeline.split("{: #lowford-captured }")[1]
    assert (
        f"**Corrected on [4 November 2026](changes.md#change-{made['correction'][:12]}):** "
        "the title stated as fact what only the brigade claims. Before: title: The brigade "
        "takes Lowford."
    ) in entry
    assert f"*Updated [7 November 2026](changes.md#change-{made['later'][:12]}).*" in entry
    # Changed once published: the figure; never changed: the crossing.
    casualties = pages["test/casualties.md"]
    assert f"*Updated [3 November 2026](changes.md#change-{made['figure'][:12]}).*" in casualties
    assert "Updated" not in timeline.split("{: #crossing }")[1].split("{: #lowford")[0]


def test_the_feeds_are_valid_atom_with_an_entry_per_change(pages, history_repo):
    _, made = history_repo
    feed = feedparser.parse(pages["test/feed.xml"])
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.id == "https://example.org/briefings/test/feed.xml"
    assert [e.title for e in feed.entries][:3] == [
        "Test briefing: Reword the Lowford summary",
        "Test briefing: Rename lowford-taken",
        "Correction: Test briefing: Lowford: a claim, not a fact",
    ]
    assert len(feed.entries) == 6
    assert feed.entries[2].link == (
        f"https://example.org/briefings/test/changes/#change-{made['correction'][:12]}"
    )
    assert "Correction: the title stated as fact" in feed.entries[2].content[0].value
    assert "Editor" not in pages["test/feed.xml"]  # no author's name or address
    site = feedparser.parse(pages["feed.xml"])
    assert not site.bozo and site.version == "atom10"
    assert [e.id for e in site.entries] == [e.id for e in feed.entries]
    for path in ("test/timeline.md", "index.md"):
        assert "https://example.org/briefings/feed.xml" in pages[path].split("---")[1]


def test_a_sitemap_of_the_briefings_pages_stands_beside_its_feed(pages):
    # Material's bundle fetches sitemap.xml beside every <link rel="alternate">: beside the
    # briefing's feed there was none, and every briefing page logged a 404 (issue 27).
    listed = re.findall(r"<loc>([^<]+)</loc>", pages["test/sitemap.xml"])
    generated = [p for p in pages if p.startswith("test/") and p.endswith(".md")]
    assert len(listed) == len(generated) and "https://example.org/briefings/test/" in listed
    assert "https://example.org/briefings/test/actors/northern-brigade/" in listed


def test_a_shallow_clone_says_the_history_is_not_available(history_repo, tmp_path):
    root, _ = history_repo
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{root}", str(clone)],
        check=True,
        capture_output=True,
    )
    site = build_pages(clone, clone / "briefings", clone / "seeds")
    page = site.files["test/changes.md"]
    assert "**Change history not available in this build:** this is a shallow clone" in page
    assert "## All changes" not in page
    assert "Updated" not in site.files["test/timeline.md"]
    assert "test/feed.xml" not in site.files and "feed.xml" not in site.files
    assert "test/sitemap.xml" not in site.files
    assert site.history_notes == [
        "Change log not available in this build: this is a shallow clone, which holds only "
        "the latest commits; build from a full clone (`git fetch --unshallow`) to show the "
        "change log"
    ]
    # A publish (site_url set) would drop every correction notice and both feeds: it fails.
    published = build_pages(clone, clone / "briefings", clone / "seeds", feeds=FEEDS)
    assert not published.files
    assert [str(p) for p in published.problems] == [
        "briefings/test:1: change log: cannot be read, and a published site (site_url is "
        "set) must carry it and its corrections: this is a shallow clone, which holds only "
        "the latest commits; build from a full clone (`git fetch --unshallow`) to show the "
        "change log"
    ]


def test_the_built_site_links_its_feeds_and_says_when_it_writes_none(history_repo, tmp_path):
    root, _ = history_repo
    env = {**os.environ, "SITE_URL": "https://example.org/briefings/"}
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "a")],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    html = (tmp_path / "a/test/timeline/index.html").read_text(encoding="utf-8")
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Test briefing: changes" '
        'href="https://example.org/briefings/test/feed.xml">'
    ) in html
    assert not feedparser.parse((tmp_path / "a/test/feed.xml").read_bytes()).bozo
    assert (tmp_path / "a/test/changes/index.html").is_file()
    plain = mkdocs_build(root / "mkdocs.yml")
    assert plain.returncode == 0, plain.stderr
    assert plain.stderr.count("no Atom feed is written") == 1
    assert not (root / "site/feed.xml").exists()
    assert 'type="application/atom+xml"' not in (root / "site/index.html").read_text()


def test_briefing_changes_prints_the_log(history_repo, capsys):
    root, made = history_repo
    assert main(["--root", str(root), "changes", "test", "--since", made["format"]]) == 0
    out = capsys.readouterr().out
    assert out.startswith("test: 2 changes\n")
    assert (
        "Renamed event lowford-captured: The brigade says it took Lowford "
        "(its id was lowford-taken)" in out
    )
    assert (
        "summary: The brigade says it took Lowford. → The brigade says it took the village." in out
    )
    assert main(["--root", str(root), "changes", "nope"]) == 1
    assert "briefing changes: no briefing nope; known: test" in capsys.readouterr().err
    assert main(["--root", str(root), "changes", "--since", "no-such-rev"]) == 1
    assert "names no commit" in capsys.readouterr().err


def test_a_commit_that_broke_a_sheet_is_left_out_and_the_mend_compared_with_before(
    tmp_path,
):
    root = write_project(tmp_path / "p")
    sheets = root / "briefings" / "test"
    git(root, "init", "-q")
    commit(root, "Publish", "2026-11-01T09:00:00+00:00")
    (sheets / "events.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    commit(root, "Broken", "2026-11-02T09:00:00+00:00")
    (sheets / "events.yaml").write_text(
        EVENTS.replace("Gunmen crossed the border.", "Gunmen crossed at dawn."), encoding="utf-8"
    )
    commit(root, "Mended", "2026-11-03T09:00:00+00:00")
    history = briefing_history(root, sheets, root / "seeds", cache=tmp_path / "cache")
    assert [e.subject for e in history.entries] == ["Mended", "Publish"]
    (change,) = history.entries[0].changes.facts
    assert (change.action, change.id) == ("changed", "crossing")
    assert [(f.name, f.before, f.after) for f in change.fields] == [
        ("summary", "Gunmen crossed the border.", "Gunmen crossed at dawn.")
    ]


# --- the cache writes only its own folder -----------------------------------------------


def small_repo(root):
    """A project with one briefing in a repository of two commits."""
    write_project(root)
    git(root, "init", "-q")
    commit(root, "Publish", "2026-11-01T09:00:00+00:00")
    edit(root / "briefings/test/events.yaml", "Gunmen crossed the border.", "Gunmen crossed.")
    commit(root, "Reword the crossing", "2026-11-02T09:00:00+00:00")
    return root


def tree_of(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


@pytest.mark.parametrize("link", [".cache", ".cache/briefing-history"])
def test_a_cache_folder_that_is_a_link_is_not_used_and_nothing_beside_it_is_touched(tmp_path, link):
    root = small_repo(tmp_path / "p")
    beside = tmp_path / "beside"
    (beside / "0123456789abcdef").mkdir(parents=True)
    (beside / "0123456789abcdef" / f"snapshot-{'0' * 64}.json").write_text("{}")
    (beside / "keep").mkdir()
    before = tree_of(beside)
    (root / link).parent.mkdir(parents=True, exist_ok=True)
    (root / link).symlink_to(beside)
    history = briefing_history(root, root / "briefings/test", root / "seeds")
    assert [e.subject for e in history.entries] == ["Reword the crossing", "Publish"]
    assert tree_of(beside) == before
    (note,) = history.notes
    assert note.startswith(
        f"History cache not used, so the change log is read from git in full: {link} is a "
        f"symbolic link (to {beside})"
    )
    assert f"remove the link (`rm {link}`)" in note


def test_a_committed_link_up_the_tree_deletes_nothing(tmp_path):
    root = small_repo(tmp_path / "p")
    (root / ".cache").mkdir()
    (root / ".cache/briefing-history").symlink_to("../..")
    git(root, "add", "-f", ".cache")
    commit(root, "A link", "2026-11-03T09:00:00+00:00")
    before = tree_of(tmp_path)
    history = briefing_history(root, root / "briefings/test", root / "seeds")
    assert len(history.entries) == 2 and history.notes
    assert tree_of(tmp_path) == before


def test_a_cache_that_is_a_file_is_not_used(tmp_path):
    root = small_repo(tmp_path / "p")
    (root / ".cache").write_text("not a folder")
    history = briefing_history(root, root / "briefings/test", root / "seeds")
    assert len(history.entries) == 2
    assert history.notes == (
        "History cache not used, so the change log is read from git in full: .cache is not "
        "a folder; the cache writes only a folder of its own inside the project: remove or "
        "rename .cache, and the next build makes the folder",
    )


def test_clean_up_removes_only_what_the_cache_wrote(tmp_path):
    root = small_repo(tmp_path / "p")
    cache = root / ".cache/briefing-history"
    own = cache / "0123456789abcdef"
    own.mkdir(parents=True)
    (own / f"changes-{'a' * 64}.json").write_text("{}")
    (own / ".tmp-0123456789abcdef").write_text("")
    mixed = cache / "fedcba9876543210"
    mixed.mkdir()
    (mixed / "notes.txt").write_text("mine")
    (cache / "notes").mkdir()
    outside = tmp_path / "outside"
    (outside / "x").mkdir(parents=True)
    (cache / "aaaaaaaaaaaaaaaa").symlink_to(outside)
    history = briefing_history(root, root / "briefings/test", root / "seeds")
    assert not history.notes
    assert not own.exists()
    assert (mixed / "notes.txt").read_text() == "mine"
    assert (cache / "notes").is_dir() and (outside / "x").is_dir()
    assert (cache / "aaaaaaaaaaaaaaaa").is_symlink()


def test_an_entry_of_the_wrong_shape_or_a_link_is_a_miss(tmp_path):
    root = small_repo(tmp_path / "p")
    first = briefing_history(root, root / "briefings/test", root / "seeds")
    entries = list((root / ".cache/briefing-history").rglob("*.json"))
    assert entries
    secret = tmp_path / "secret.json"
    secret.write_text('{"facts": [], "verdicts": []}')
    for n, entry in enumerate(entries):
        entry.unlink()
        if n % 2:
            entry.write_text('{"facts": "x"}')
        else:
            entry.symlink_to(secret)
    again = briefing_history(root, root / "briefings/test", root / "seeds")
    assert again.entries == first.entries
    assert again.computed == first.computed


def test_a_write_that_fails_leaves_no_temporary_file(tmp_path, monkeypatch):
    from generator.history import cache as cache_module

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache_module.json, "dump", full)
    root = small_repo(tmp_path / "p")
    history = briefing_history(root, root / "briefings/test", root / "seeds")
    assert len(history.entries) == 2
    assert [p.name for p in (root / ".cache/briefing-history").rglob("*") if p.is_file()] == []


# --- history reads blobs: .gitattributes cannot publish an author -----------------------

ALICE = ("Alice Editor", "alice.editor@kyiv-desk.example")
BOB = ("Bob Fixer", "bob@secret-desk.example")


def commit_as(root, who, message, date):
    git(root, "add", "-A")
    name, email = who
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": email,
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
    }
    subprocess.run(
        ["git", "-C", str(root), "commit", "-qm", message], check=True, capture_output=True, env=env
    )


def test_an_export_subst_trick_publishes_nothing_of_an_author(tmp_path, capsys):
    """Security finding 1: `export-subst` turned a YAML comment into a field holding each
    commit's author, which `git archive` put on the Changes page and in both feeds."""
    root = write_project(tmp_path / "p", with_site_config=True)
    sheets = root / "briefings" / "test"
    (sheets / ".gitattributes").write_text("actors.yaml export-subst\n")
    edit(
        sheets / "actors.yaml",
        "  kind: person\n",
        '  kind: person\n  # see his channel $Format:%n  description: "%an %ae"$\n',
    )
    git(root, "init", "-q")
    commit_as(root, ALICE, "Publish", "2026-11-01T09:00:00+00:00")
    edit(sheets / "events.yaml", "Gunmen crossed the border.", "Gunmen crossed at dawn.")
    commit_as(root, BOB, "Reword the crossing", "2026-11-02T09:00:00+00:00")
    # The trick works on git archive: the old reader would have published it.
    archived = subprocess.run(
        ["git", "-C", str(root), "archive", "HEAD", "briefings/test/actors.yaml"],
        capture_output=True,
        check=True,
    ).stdout
    assert BOB[1].encode() in archived
    (sheets / ".gitattributes").unlink()
    edit(sheets / "events.yaml", "Gunmen crossed at dawn.", "Gunmen crossed in the night.")
    commit_as(root, ALICE, "Reword it again", "2026-11-03T09:00:00+00:00")
    site = build_pages(root, root / "briefings", root / "seeds", feeds=FEEDS)
    assert not [p for p in site.problems if p.severity == "error"]
    assert len(site.heads[0].history.entries) == 3
    assert main(["--root", str(root), "changes"]) == 0
    published = [
        site.files["test/changes.md"],
        site.files["test/feed.xml"],
        site.files["feed.xml"],
        capsys.readouterr().out,
    ]
    for text in published:
        for name, email in (ALICE, BOB):
            assert name not in text and email not in text
            assert "description" not in text


def test_briefing_check_refuses_git_attributes_among_the_inputs(tmp_path, capsys):
    root = write_project(tmp_path / "p")
    (root / "briefings/test/.gitattributes").write_text("claims.yaml export-subst\n")
    (root / "seeds/.gitattributes").write_text("*.txt filter=lfs\n")
    assert main(["--root", str(root), "check"]) == 1
    err = capsys.readouterr().err
    for where in ("briefings/test/.gitattributes", "seeds/.gitattributes"):
        assert (
            f"{where}:1: git attributes are not allowed among the fact sheets and sources: "
            "they change what git gives for a file (export-subst, export-ignore, filters)"
        ) in err


def test_a_source_added_for_another_briefing_costs_this_one_nothing(tmp_path):
    """Finding 10: the key is the briefing's own sheets and the sources it names."""
    root = small_repo(tmp_path / "p")
    cache = tmp_path / "cache"
    first = briefing_history(root, root / "briefings/test", root / "seeds", cache=cache)
    (root / "seeds/other.txt").write_text("Another story altogether.\n")
    commit(root, "A source for another briefing", "2026-11-03T09:00:00+00:00")
    edit(root / "seeds/daily.txt", "Advertisement", "Advertisement (updated)")
    commit(root, "The Daily's page changed", "2026-11-04T09:00:00+00:00")
    again = briefing_history(root, root / "briefings/test", root / "seeds", cache=cache)
    assert again.commits == first.commits + 2
    assert again.computed == 1  # the snapshot with the Daily's new text only
    assert again.entries == first.entries  # neither changed what a reader sees


# --- a public record that is complete and never forgets ---------------------------------


def side_and_main(folder: Path, side: str, main: str) -> tuple[Path, Path]:
    """A small repository where a branch retitled the crossing and main made the wounded
    civilians, with the branch being merged (not yet committed): the project, its sheets."""
    root = small_repo(folder)
    sheets = root / "briefings/test"
    git(root, "checkout", "-q", "-b", "side")
    edit(sheets / "events.yaml", "title: Gunmen cross the border", "title: Gunmen cross over")
    commit(root, side, "2026-11-03T09:00:00+00:00")
    git(root, "checkout", "-q", "-")
    edit(sheets / "claims.yaml", "group: unspecified", "group: civilians")
    commit(root, main, "2026-11-04T09:00:00+00:00")
    git(root, "merge", "-q", "--no-ff", "--no-commit", "side")
    return root, sheets


def test_a_merge_shows_what_it_changed_itself_and_the_branch_its_own_commits(tmp_path):
    """Review H11: a fact changed only while resolving a merge was in no entry."""
    root, sheets = side_and_main(
        tmp_path / "p", "Side: retitle the crossing", "Main: the wounded were civilians"
    )
    edit(sheets / "events.yaml", "Gunmen crossed.", "Gunmen crossed in force.")
    commit(root, "Merge side\n\nCorrection: it was a raid in force", "2026-11-05T09:00:00+00:00")
    history = briefing_history(root, sheets, root / "seeds", cache=tmp_path / "c")
    assert [e.subject for e in history.entries] == [
        "Merge side",
        "Main: the wounded were civilians",
        "Side: retitle the crossing",
        "Reword the crossing",
        "Publish",
    ]
    (merge,) = history.entries[0].changes.facts
    assert (merge.action, merge.id) == ("changed", "crossing")
    assert [(f.name, f.before, f.after) for f in merge.fields] == [
        ("summary", "Gunmen crossed.", "Gunmen crossed in force.")
    ]
    assert history.corrections == (history.entries[0],)


def test_a_merge_that_only_joins_two_lines_has_no_entry(tmp_path):
    root, sheets = side_and_main(tmp_path / "p", "Side", "Main")
    commit(root, "Merge side", "2026-11-05T09:00:00+00:00")
    history = briefing_history(root, sheets, root / "seeds", cache=tmp_path / "c")
    assert [e.subject for e in history.entries] == [
        "Main",
        "Side",
        "Reword the crossing",
        "Publish",
    ]


def correction_then(root, *moves):
    """small_repo, then a correction, then each (message, change) in `moves`."""
    edit(root / "briefings/test/events.yaml", "Gunmen crossed.", "Gunmen crossed at dawn.")
    commit(root, "Dawn\n\nCorrection: the time was missing", "2026-11-03T09:00:00+00:00")
    for day, (message, change) in enumerate(moves, start=4):
        change()
        commit(root, message, f"2026-11-{day:02d}T09:00:00+00:00")


def test_a_renamed_briefing_folder_keeps_its_history_and_corrections(tmp_path):
    """Review H25: after `git mv`, the Changes page showed only "First published"."""
    root = small_repo(tmp_path / "p")
    correction_then(
        root, ("Rename the folder", lambda: git(root, "mv", "briefings/test", "briefings/raid"))
    )
    history = briefing_history(root, root / "briefings/raid", root / "seeds")
    assert [e.subject for e in history.entries] == ["Dawn", "Reword the crossing", "Publish"]
    assert history.names == ("raid", "test")
    assert history.corrections[0].corrections == ("the time was missing",)


@pytest.mark.parametrize("moved", ["briefings", "seeds"])
def test_inputs_moved_behind_a_link_keep_their_history(tmp_path, moved):
    """Review L02 (the log stopped at the move) and L03 (phantom citation changes)."""
    root = small_repo(tmp_path / "p")

    def move():
        (root / "data").mkdir()
        git(root, "mv", moved, f"data/{moved}")
        (root / moved).symlink_to(f"data/{moved}")

    correction_then(root, (f"Move {moved}/", move))
    edit(root / "briefings/test/events.yaml", "at dawn.", "at first light.")
    commit(root, "First light", "2026-11-09T09:00:00+00:00")
    history = briefing_history(root, root / "briefings/test", root / "seeds")
    assert [e.subject for e in history.entries] == [
        "First light",
        "Dawn",
        "Reword the crossing",
        "Publish",
    ]


def test_a_briefing_deleted_and_brought_back_keeps_its_history(tmp_path):
    root = small_repo(tmp_path / "p")
    correction_then(
        root,
        ("Delete it", lambda: git(root, "rm", "-rq", "briefings/test")),
        ("Bring it back", lambda: git(root, "checkout", "HEAD~1", "--", "briefings/test")),
    )
    history = briefing_history(root, root / "briefings/test", root / "seeds")
    assert [e.subject for e in history.entries] == [
        "Bring it back",
        "Dawn",
        "Reword the crossing",
        "Publish",
    ]
    assert [e.subject for e in history.corrections] == ["Dawn"]
    mark = fact_marks(history)[("events", "crossing")]
    assert [entry.subject for entry, _ in mark.corrections] == ["Dawn"]


def test_a_fact_removed_and_added_again_keeps_its_correction(tmp_path):
    """Security finding 8: remove and re-add erased the "Corrected on" note."""
    root = small_repo(tmp_path / "p")
    events = root / "briefings/test/events.yaml"
    correction_then(
        root,
        ("Drop the crossing", lambda: events.write_text(LOWFORD, encoding="utf-8")),
        (
            "Bring it back",
            lambda: events.write_text(
                EVENTS.replace("Gunmen crossed the border.", "Gunmen crossed at dawn.") + LOWFORD,
                encoding="utf-8",
            ),
        ),
    )
    history = briefing_history(root, root / "briefings/test", root / "seeds")
    mark = fact_marks(history)[("events", "crossing")]
    assert [entry.subject for entry, _ in mark.corrections] == ["Dawn"]
    assert mark.updated is not None and mark.updated.subject == "Bring it back"


def deploy(root, record):
    """What publish.yml leaves behind: a gh-pages branch holding the site's record of
    corrections, as a fresh clone has it (refs/remotes/origin/gh-pages)."""
    blob = (
        subprocess.run(
            ["git", "-C", str(root), "hash-object", "-w", "--stdin"],
            input=record.encode(),
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .strip()
    )
    tree = (
        subprocess.run(
            ["git", "-C", str(root), "mktree"],
            input=f"100644 blob {blob}\tcorrections.json\n".encode(),
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .strip()
    )
    env = {**os.environ, "GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@x", **GIT_BOT}
    pages = (
        subprocess.run(
            ["git", "-C", str(root), "commit-tree", tree, "-m", "Deploy"],
            capture_output=True,
            check=True,
            env=env,
        )
        .stdout.decode()
        .strip()
    )
    git(root, "update-ref", "refs/remotes/origin/gh-pages", pages)


GIT_BOT = {"GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@x"}


def test_a_publish_that_lost_a_published_correction_fails(tmp_path):
    """Review H12: an amend or force-push that dropped a published Correction trailer took
    it off every page and feed, silently."""
    root = small_repo(tmp_path / "p")
    correction_then(root)
    published = build_pages(root, root / "briefings", root / "seeds", feeds=FEEDS)
    record = published.files["corrections.json"]
    assert json.loads(record)["corrections"][0]["what"] == ["the time was missing"]
    deploy(root, record)
    dawn = git(root, "rev-parse", "HEAD").strip()
    git(root, "commit", "-q", "--amend", "-m", "Dawn")  # the trailer is gone
    site = build_pages(root, root / "briefings", root / "seeds", feeds=FEEDS)
    assert not site.files
    (problem,) = site.problems
    assert str(problem).startswith(
        f"briefings/test:1: change log: the correction published on 3 November 2026 (commit "
        f"{dawn[:12]}: the time was missing) is no longer in the history: its commit was "
        "amended, rebased or force-pushed away, or this checkout is behind the published site"
    )
    # A preview or a local build (no site_url) says so, and builds.
    local = build_pages(root, root / "briefings", root / "seeds")
    assert local.files and not local.problems
    assert any("is no longer in the history" in note for note in local.history_notes)


def test_a_correction_kept_through_a_rebase_is_not_lost(tmp_path):
    root = small_repo(tmp_path / "p")
    correction_then(root)
    deploy(root, build_pages(root, root / "briefings", root / "seeds").files["corrections.json"])
    message = "Dawn\n\nCorrection: the time was missing"
    git(root, "commit", "-q", "--amend", "-m", message, "--date", "2026-11-05T09:00:00+00:00")
    site = build_pages(root, root / "briefings", root / "seeds", feeds=FEEDS)
    assert site.files and not site.problems


def test_a_correction_trailer_on_a_commit_that_changes_nothing_is_a_warning(tmp_path):
    """Review H26: the trailer was dropped, and nothing said so."""
    root = small_repo(tmp_path / "p")
    edit(root / "briefings/test/events.yaml", "- id: crossing", "# The crossing\n- id: crossing")
    commit(root, "A comment\n\nCorrection: the date was wrong", "2026-11-03T09:00:00+00:00")
    nothing = git(root, "rev-parse", "HEAD").strip()
    site = build_pages(root, root / "briefings", root / "seeds")
    assert site.history_notes == [
        f"warning: commit {nothing[:12]} (A comment) has a Correction: trailer but changed "
        "nothing a reader sees, so no correction is published; a correction belongs on the "
        "commit that changes the fact: make the fix in a new commit with the trailer"
    ]


# --- no traceback -----------------------------------------------------------------------


def commit_dated(root, message, committed, written="2026-11-03T09:00:00+00:00"):
    return commit(root, message, committed, written)


def test_a_commit_dated_past_the_year_9999_shows_when_it_was_written(tmp_path):
    """Review H04: `ValueError: Invalid isoformat string`, and no commit named."""
    root = small_repo(tmp_path / "p")
    edit(root / "briefings/test/events.yaml", "Gunmen crossed.", "Gunmen crossed at dawn.")
    far = commit_dated(root, "Far ahead", "@253402300800 +0000")
    history = briefing_history(root, root / "briefings/test", root / "seeds")
    assert history.entries[0].date == "2026-11-03T09:00:00Z"
    assert history.as_of == "2026-11-03T09:00:00Z"
    assert history.notes == (
        f"warning: commit {far[:12]} (Far ahead) has a committer date past the year 9999 "
        "(253402300800 seconds after 1970); its entry shows when it was written, 2026-11-03",
    )


def test_a_commit_with_no_date_a_page_can_show_is_named(tmp_path):
    root = small_repo(tmp_path / "p")
    edit(root / "briefings/test/events.yaml", "Gunmen crossed.", "Gunmen crossed at dawn.")
    far = commit_dated(root, "Far ahead", "@253402300800 +0000", "@253402300800 +0000")
    history = briefing_history(root, root / "briefings/test", root / "seeds")
    assert history.unavailable == (
        f"commit {far[:12]} (Far ahead) is dated past the year 9999, as committed and as "
        "written, which no page can show; give it a real date (git rebase "
        "--committer-date-is-author-date, with a real author date) before it is published"
    )


def test_a_temporary_folder_that_cannot_be_written_is_named_in_words(tmp_path, monkeypatch):
    """Review H20: `briefing changes: File too large`, with nothing said of what failed."""
    root = small_repo(tmp_path / "p")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-folder"))
    history = briefing_history(root, root / "briefings/test", root / "seeds")
    first = git(root, "rev-parse", "HEAD~1").strip()  # the first snapshot computed
    assert history.unavailable == (
        f"could not write the files of commit {first[:12]} into a temporary folder to read "
        f"them (No such file or directory); make room in {tmp_path / 'no-such-folder'}, or "
        "point TMPDIR at a folder with room"
    )


# --- commit text held to the fact sheets' standard ----------------------------------------

RLO, ZWJ = "\u202e", "\u200d"


def test_commit_text_is_shown_not_obeyed_everywhere_it_is_published(tmp_path, capsys):
    """Review H02 (bidi controls in subjects and trailers reached pages and feeds raw), H24
    (a U+001E split a trailer in two) and a subject of any length."""
    root = small_repo(tmp_path / "p")
    edit(root / "briefings/test/events.yaml", "Gunmen crossed.", "Gunmen crossed at dawn.")
    message = (
        f"Dawn {RLO}nwad{ZWJ}\n\nCorrection: the time{chr(0x1E)}was missing\n"
        f"Correction: and the {RLO}order"
    )
    commit(root, message, "2026-11-03T09:00:00+00:00")
    edit(root / "briefings/test/events.yaml", "at dawn.", "at first light.")
    commit(root, "x" * 1000, "2026-11-04T09:00:00+00:00")
    history = briefing_history(root, root / "briefings/test", root / "seeds")
    long, dawn = history.entries[:2]
    assert dawn.subject == "Dawn <U+202E>nwad<U+200D>"
    assert dawn.corrections == ("the time<U+001E>was missing", "and the <U+202E>order")
    assert long.subject == "x" * 299 + "…"
    site = build_pages(root, root / "briefings", root / "seeds", feeds=FEEDS)
    assert main(["--root", str(root), "changes"]) == 0
    published = {
        "page": site.files["test/changes.md"],
        "feed": site.files["test/feed.xml"],
        "site feed": site.files["feed.xml"],
        "briefing changes": capsys.readouterr().out,
    }
    for where, text in published.items():
        assert RLO not in text and ZWJ not in text and "\x1e" not in text, where
        assert "&lt;U+202E&gt;" in text or "<U+202E>" in text, where
        assert "x" * 300 not in text, where


def test_a_briefing_removed_takes_its_published_corrections_with_it_and_says_so(tmp_path):
    root = small_repo(tmp_path / "p")
    record = {"briefing": "gone", "commit": "a" * 40, "date": "2026-11-01T09:00:00Z"}
    deploy(root, json.dumps({"corrections": [{**record, "what": ["the year"]}]}))
    site = build_pages(root, root / "briefings", root / "seeds", feeds=FEEDS)
    assert site.files and not site.problems
    assert (
        "The published site has corrections of gone, which this build no longer has: a "
        "briefing removed takes its corrections off the site with it"
    ) in site.history_notes
    only = build_pages(root, root / "briefings", root / "seeds", ["test"], feeds=FEEDS)
    assert not [n for n in only.history_notes if "no longer has" in n]


def test_the_overviews_summary_is_a_change_its_review_date_is_not(tmp_path):
    """briefing.yaml is followed like a fact: a corrected summary is an entry (with its
    correction), a new `last_reviewed` alone is none, and publishing counts no overview."""
    root = small_repo(tmp_path / "p")
    info = root / "briefings/test/briefing.yaml"
    edit(info, "last_reviewed: 2023-05-23", "last_reviewed: 2023-05-30")
    commit(root, "Reviewed again", "2026-11-03T09:00:00+00:00")
    edit(info, "A small made-up briefing.", "A small made-up briefing about a crossing.")
    commit(
        root,
        "Summary: what the briefing is about\n\nCorrection: the summary left out the crossing.",
        "2026-11-04T09:00:00+00:00",
    )
    history = briefing_history(root, root / "briefings/test", root / "seeds", cache=None)
    subjects = [e.subject for e in history.entries]
    assert "Reviewed again" not in subjects
    summary = next(e for e in history.entries if e.subject == "Summary: what the briefing is about")
    assert summary.corrections == ("the summary left out the crossing.",)
    (change,) = summary.changes.facts
    assert (change.kind, change.action, change.title) == ("briefing", "changed", "Test briefing")
    assert [(f.name, f.before, f.after) for f in change.fields] == [
        ("summary", "A small made-up briefing.", "A small made-up briefing about a crossing.")
    ]
    first = next(e for e in history.entries if e.first)
    assert all(f.kind != "briefing" for f in first.changes.facts)
