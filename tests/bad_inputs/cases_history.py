"""Cases of the bad-input corpus: the change log read from git: commits, merges, renames,
corrections, the history cache, links to briefings/ and seeds/.

Ids: `R-<id>` is the case of that id in the review of main at dd7a752
(../shared/reviews/reliability-2026-12-07.md); `N2-...` are new cases in the same families.
"""

from __future__ import annotations

import json
import os
import re
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

from bad_inputs.kit import (
    BESIDE,
    BUILD,
    CHECK,
    SLUG,
    B,
    Case,
    Step,
    git,
    git_commit,
    read,
    replace,
    secret_outside,
    source_with_file,
    write,
)

CHANGES = Step(("changes",))
# The line `briefing changes` prints first for the shipped briefing.
LOGGED = r"^belgorod-2023-05: \d+ changes?$"
# What the build or `briefing changes` says of a cache it does not use.
UNCACHED = "History cache not used, so the change log is read from git in full: "


def python(code: str) -> Step:
    """A step that runs Python in the project folder."""
    return Step(("-c", textwrap.dedent(code)), program="python")


def beside_folder_kept(root: Path) -> str | None:
    """The folder planted beside the project, with a subfolder the old clean-up removed."""
    kept = root.parent / BESIDE / "notes" / "keep.txt"
    return None if kept.is_file() else f"{kept} was removed"


def plant_beside(root: Path) -> Path:
    beside = root.parent / BESIDE
    (beside / "notes").mkdir(parents=True, exist_ok=True)
    (beside / "notes" / "keep.txt").write_text("mine\n")
    return beside


def cache_link(root: Path, link: str, target: str | Path) -> None:
    path = root / link
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(target)


def committed_cache_link(root: Path) -> None:
    """H18: a pull request commits `.cache/briefing-history -> ../..` (git add -f)."""
    plant_beside(root)
    git_commit(root)
    cache_link(root, ".cache/briefing-history", "../..")
    git(root, "add", "-f", ".cache")
    git(root, "commit", "-q", "-m", "A link, no code and no fact sheet")


def no_temporary_files(root: Path) -> str | None:
    left = sorted(p.name for p in (root / ".cache").rglob(".tmp-*"))
    return f"left behind in .cache: {left[:3]}" if left else None


POISON_EVERY_ENTRY = """
    import pathlib
    for entry in pathlib.Path(".cache/briefing-history").rglob("*.json"):
        entry.write_text({text!r}, encoding="utf-8")
"""
HOSTILE_CHANGE = (
    '{"facts": [{"kind": "events", "id": "x", "title": "<script>alert(1)</script>\\u001b[31m",'
    ' "action": "added", "fields": [], "old_id": null}], "verdicts": []}'
)


def no_script(root: Path) -> str | None:
    for page in (root / "site").rglob("*.html"):
        if "<script>alert(1)" in page.read_text(encoding="utf-8", errors="replace"):
            return f"{page.relative_to(root)} holds the poisoned cache's script"
    return None


# A change that would print the canary if the cache followed its links.
ENTRIES_TO_LINKS = """
    import json, os, pathlib
    outside = pathlib.Path("..") / "outside"
    outside.mkdir(exist_ok=True)
    secret = outside / "secret.json"
    fact = {"kind": "events", "id": "x", "title": os.environ["BRIEFING_CANARY"],
            "action": "removed", "fields": [], "old_id": None}
    secret.write_text(json.dumps({"facts": [fact], "verdicts": []}))
    for entry in pathlib.Path(".cache/briefing-history").rglob("*.json"):
        entry.unlink()
        entry.symlink_to(secret.resolve())
"""


SITE_URL = (("SITE_URL", "https://example.org/briefings/"),)
PUBLISH = Step(("build",), env=SITE_URL)
# Who the export-subst trick would unmask (security review, finding 1).
ALICE = "alice.editor@kyiv-desk.example"


def commit_as(root: Path, email: str, message: str) -> None:
    git(root, "add", "-A")
    who = {"GIT_AUTHOR_EMAIL": email, "GIT_COMMITTER_EMAIL": email}
    git(root, "commit", "-q", "-m", message, **who)


def export_subst_trick(root: Path) -> None:
    """A .gitattributes whose export-subst turns a YAML comment into a description holding
    each commit's author; it is removed at HEAD, so only old revisions carry it."""
    git_commit(root)
    write(root, f"{B}/.gitattributes", "places.yaml export-subst\n")
    replace(
        root,
        f"{B}/places.yaml",
        "  kind: district\n",
        '  kind: district\n  # see $Format:%n  description: "%an %ae"$\n',
    )
    commit_as(root, ALICE, "Graivoron district: a note")
    replace(
        root,
        f"{B}/places.yaml",
        "  region: Belgorod region\n  country: Russia\n",
        "  region: Belgorod region\n  country: Russian Federation\n",
    )
    commit_as(root, ALICE, "Graivoron district: the country's full name")
    (root / B / ".gitattributes").unlink()
    commit_as(root, "t@example.org", "Drop the attributes")


def nothing_of_alice(root: Path) -> str | None:
    for page in (root / "site").rglob("*"):
        if page.is_file() and ALICE.encode() in page.read_bytes():
            return f"{page.relative_to(root)} publishes an author's address"
    return None


EVENTS = f"{B}/events.yaml"
CRIMEA = "title: Russian forces infiltrate Crimea\n"
CORRECTED = "title: Russian forces infiltrate Crimea in 2014\n"
WHAT_WAS_WRONG = "the title gave no year"


def commit_all(root: Path, message: str, **env: str) -> str:
    """Commit every change to the inputs; the new commit's hash."""
    inputs = [name for name in ("briefings", "seeds", "data") if (root / name).exists()]
    git(root, "add", "-A", *inputs)
    git(root, "commit", "-q", "-m", message, **env)
    return git(root, "rev-parse", "HEAD").strip()


def correct_crimea(root: Path) -> str:
    """A correction commit on top of the base commit; its hash."""
    git_commit(root)
    replace(root, EVENTS, CRIMEA, CORRECTED)
    return commit_all(root, f"Crimea: the year\n\nCorrection: {WHAT_WAS_WRONG}")


def deploy_record(root: Path, commit: str) -> None:
    """What publish.yml leaves: origin/gh-pages holding a record of that correction."""
    record = {"briefing": SLUG, "commit": commit, "date": "2026-11-04T09:00:00Z"}
    text = json.dumps({"corrections": [{**record, "what": [WHAT_WAS_WRONG]}]})
    (root.parent / "record.json").write_text(text)
    blob = git(root, "hash-object", "-w", str(root.parent / "record.json")).strip()
    index = {"GIT_INDEX_FILE": str(root.parent / "pages-index")}
    git(root, "update-index", "--add", "--cacheinfo", f"100644,{blob},corrections.json", **index)
    tree = git(root, "write-tree", **index).strip()
    pages = git(root, "commit-tree", tree, "-m", "Deploy").strip()
    git(root, "update-ref", "refs/remotes/origin/gh-pages", pages)


def amended_away(root: Path) -> None:
    """H12: the correction was published, then its commit amended without the trailer."""
    deploy_record(root, correct_crimea(root))
    git(root, "commit", "-q", "--amend", "-m", "Crimea: the year")


def two_lines_of_work(root: Path) -> None:
    """A branch `side` and main, each with a commit of its own, side not yet merged."""
    git_commit(root)
    git(root, "checkout", "-q", "-b", "side")
    replace(root, EVENTS, CRIMEA, "title: Russian forces enter Crimea\n")
    commit_all(root, "Side: Crimea's title")
    git(root, "checkout", "-q", "main")
    replace(root, EVENTS, "The Guardian compares", "The Guardian likens")
    commit_all(root, "Main: the Guardian's comparison")


def evil_merge(root: Path) -> None:
    """H11: a fact changed only while resolving a merge."""
    two_lines_of_work(root)
    git(root, "merge", "-q", "--no-ff", "--no-commit", "side")
    replace(root, EVENTS, "One source calls", "One source (resolved in the merge) calls")
    commit_all(root, "Merge side")


def plain_merge(root: Path) -> None:
    two_lines_of_work(root)
    git(root, "merge", "-q", "--no-ff", "side", "-m", "Merge side")


def moved_behind_link(folder: str) -> Callable[[Path], None]:
    """L02, L03: `folder` moved to data/`folder`, a link left in its place; then a change."""

    def setup(root: Path) -> None:
        correct_crimea(root)
        (root / "data").mkdir()
        git(root, "mv", folder, f"data/{folder}")
        (root / folder).symlink_to(f"data/{folder}")
        git(root, "add", folder, "data")
        git(root, "commit", "-q", "-m", f"Move {folder}/ behind a link")
        replace(root, EVENTS, "The Guardian compares", "The Guardian likens")
        commit_all(root, "After the move")

    return setup


def renamed_folder(root: Path) -> None:
    correct_crimea(root)
    git(root, "mv", B, "briefings/belgorod-raid-2023-05")
    commit_all(root, "Rename the briefing's folder")


def comment_correction(root: Path) -> None:
    """H26: a Correction trailer on a commit that changes only a comment."""
    git_commit(root)
    replace(root, EVENTS, "# Background, oldest first.", "# Background, the oldest first.")
    commit_all(root, f"A comment\n\nCorrection: {WHAT_WAS_WRONG}")


def shallow(root: Path) -> None:
    """A clone of depth 1, as git records it (.git/shallow)."""
    git_commit(root)
    replace(root, EVENTS, CRIMEA, CORRECTED)
    head = commit_all(root, "Crimea: the year")
    (root / ".git" / "shallow").write_text(head + "\n")


def broken_then_mended(root: Path) -> None:
    git_commit(root)
    replace(root, EVENTS, CRIMEA, "title: [Russian forces infiltrate Crimea\n")
    commit_all(root, "Broken")
    replace(root, EVENTS, "title: [Russian forces infiltrate Crimea\n", CORRECTED)
    commit_all(root, "Mended")


def orphan_branch(root: Path) -> None:
    git_commit(root)
    replace(root, EVENTS, CRIMEA, CORRECTED)
    commit_all(root, "Crimea: the year")
    git(root, "checkout", "-q", "--orphan", "fresh")
    commit_all(root, "A history of its own")


def tagged(root: Path) -> None:
    git_commit(root)
    git(root, "tag", "-a", "v1", "-m", "The first edition")
    replace(root, EVENTS, CRIMEA, CORRECTED)
    commit_all(root, "After the tag")


def blank_correction(root: Path) -> None:
    git_commit(root)
    replace(root, EVENTS, CRIMEA, CORRECTED)
    commit_all(root, "Crimea: the year\n\nCorrection:   ")


def removed_and_back(root: Path) -> None:
    """Finding 8: a corrected fact removed, then added back unchanged."""
    correct_crimea(root)
    text = read(root, EVENTS)
    start = text.index("- id: crimea-2014")
    end = text.index("- id: full-scale-invasion")
    write(root, EVENTS, text[:start] + text[end:])
    commit_all(root, "Drop Crimea")
    write(root, EVENTS, text)
    commit_all(root, "Crimea again")


def still_corrected(root: Path) -> str | None:
    page = (root / "site" / SLUG / "timeline" / "index.html").read_text(encoding="utf-8")
    entry = page.split('id="crimea-2014"')[1].split('id="full-scale-invasion"')[0]
    return None if "Corrected on" in entry else "crimea-2014 lost its Corrected on note"


def deleted_and_restored(root: Path) -> None:
    correct_crimea(root)
    git(root, "rm", "-rq", B)
    git(root, "commit", "-q", "-m", "Delete the briefing")
    git(root, "checkout", "HEAD~1", "--", B)
    commit_all(root, "Restore the briefing")


def far_ahead(root: Path, *, written: bool = False) -> None:
    """H04: a commit dated past the year 9999 (as committed, and as written if `written`)."""
    git_commit(root)
    replace(root, EVENTS, CRIMEA, CORRECTED)
    far = {"GIT_COMMITTER_DATE": "@253402300800 +0000"}
    if written:
        far["GIT_AUTHOR_DATE"] = "@253402300800 +0000"
    commit_all(root, "Far ahead", **far)


def linked_briefing(root: Path) -> None:
    """L01: a committed briefings/belgorod-copy -> belgorod-2023-05."""
    git_commit(root)
    (root / "briefings" / "belgorod-copy").symlink_to(SLUG)
    commit_all(root, "A second address for the briefing")


def secret_in_history(root: Path) -> None:
    """A source that was, for one commit, a link to a file outside the project."""
    git_commit(root)
    secret_outside(root)
    (root / "seeds" / "evil.txt").symlink_to("../../outside/secret.txt")
    source_with_file(root, "evil.txt", cite="password=")
    commit_all(root, "A source that is a link out")
    (root / "seeds" / "evil.txt").unlink()
    git(root, "checkout", "HEAD~1", "--", f"{B}/sources.yaml", f"{B}/waivers.yaml", EVENTS)
    commit_all(root, "Remove it")


def sheet_link_in_history(root: Path) -> None:
    """A fact sheet that was, for one commit, a link to another briefing's sheet."""
    git_commit(root)
    other = root / "briefings" / "other"
    other.mkdir()
    write(root, "briefings/other/events.yaml", read(root, EVENTS).replace(CRIMEA, CORRECTED))
    (root / EVENTS).unlink()
    (root / EVENTS).symlink_to("../other/events.yaml")
    commit_all(root, "Events from elsewhere")
    (root / EVENTS).unlink()
    git(root, "rm", "-rq", "--cached", "briefings/other")
    git(root, "checkout", "HEAD~1", "--", EVENTS)
    commit_all(root, "Events of its own")


def committed_with(message: str) -> Callable[[Path], None]:
    """A commit that changes a fact, with `message`."""

    def setup(root: Path) -> None:
        git_commit(root)
        replace(root, EVENTS, CRIMEA, CORRECTED)
        commit_all(root, message)

    return setup


HIDDEN = ("\u202a", "\u202e", "\u2066", "\u2069", "\u200e", "\u200f", "\u061c", "\u200d")


def nothing_hidden(root: Path) -> str | None:
    for page in (root / "site").rglob("*"):
        if page.suffix in (".html", ".xml", ".json") and page.is_file():
            text = page.read_text(encoding="utf-8", errors="replace")
            if found := [f"U+{ord(c):04X}" for c in HIDDEN if c in text]:
                return f"{page.relative_to(root)} holds {', '.join(found)}"
    return None


HOSTILE_SUBJECT = (
    "<script>alert(1)</script> [x](javascript:alert(1)) {: onclick=alert(1) } | # *b* "
    "{{ 7*7 }} &amp;"
)


# A commit's subject made markup: a script, a javascript: link, an attribute in a tag.
MARKUP = re.compile(r"<script>alert\(1\)|href=\"javascript:|<[^<>]*\sonclick=")


def no_markup(root: Path) -> str | None:
    for page in (root / "site").rglob("*"):
        text = page.read_text(errors="replace") if page.suffix in (".html", ".xml") else ""
        if MARKUP.search(text):
            return f"{page.relative_to(root)} turned a commit's subject into markup"
    return None


def titled(title: str, commit: str | None = None, slug: str = SLUG) -> Callable[[Path], None]:
    """Issue 28: change-titles.yaml gives the briefing's first change `title` (or the
    change of `commit`)."""

    def setup(root: Path) -> None:
        git_commit(root)
        first = commit or git(root, "rev-parse", "HEAD").strip()[:12]
        write(root, "change-titles.yaml", f"{slug}:\n  - commit: {first}\n    title: {title}\n")

    return setup


def title_not_markup(root: Path) -> str | None:
    page = (root / "site" / SLUG / "changes" / "index.html").read_text(encoding="utf-8")
    if "<script>alert" in page:
        return "the title's markup reached the Changes page"
    return None if "&lt;script&gt;alert" in page else "the title is not on the Changes page"


HISTORY_CASES: list[Case] = [
    # --- titles given to published changes (change-titles.yaml) -------------------------
    Case(
        "N3-T01",
        "history",
        "a change title naming a commit that is no change of the briefing (a typo)",
        titled("Fine words", "0123456789ab"),
        r"^change-titles\.yaml:2: commit: 0123456789ab is no change in this briefing's "
        r"change log, so its title would show nowhere; copy the commit",
        steps=(BUILD,),
    ),
    Case(
        "N3-T02",
        "history",
        "an empty change title",
        titled("''"),
        rf"^change-titles\.yaml:3: {SLUG}\.title: must not be empty",
    ),
    Case(
        "N3-T03",
        "history",
        "a change title of 160 characters",
        titled("x" * 160),
        rf"^change-titles\.yaml:3: {SLUG}\.title: is 160 characters; shorten it to 100 at most",
    ),
    Case(
        "N3-T04",
        "history",
        "change titles for a briefing that is not there",
        titled("Fine words", slug="belgorod-2023-06"),
        r"^change-titles\.yaml:1: belgorod-2023-06: no briefing is named belgorod-2023-06",
    ),
    Case(
        "N3-T05",
        "history",
        "a change title holding a script",
        titled("'<script>alert(1)</script>'"),
        steps=(BUILD,),
        outcome="ok",
        verify=title_not_markup,
    ),
    # --- the cache writes only its own folder ---------------------------------------------
    Case(
        "R-H17",
        "history",
        ".cache/briefing-history is a link to a folder outside the project",
        lambda r: (
            git_commit(r),
            cache_link(r, ".cache/briefing-history", plant_beside(r)),
        ),
        UNCACHED + r"\.cache/briefing-history is a symbolic link \(to .*beside-the-project\); "
        r".*remove the link \(`rm \.cache/briefing-history`\)",
        steps=(CHANGES, BUILD),
        outcome="ok",
        verify=beside_folder_kept,
    ),
    Case(
        "R-H18",
        "history",
        "a committed .cache/briefing-history -> ../.., built in a fresh clone",
        committed_cache_link,
        # Committed, the link is refused before it is looked at; a link made by hand is
        # refused as a link (R-H17).
        UNCACHED + r"\.cache/ holds files committed to git \(\.cache/briefing-history\)",
        steps=(CHECK, BUILD, CHANGES),
        outcome="ok",
        verify=beside_folder_kept,
    ),
    Case(
        "N2-H24",
        "history",
        "cache entries committed with git add -f (a pull request's answers for the log)",
        lambda r: (
            git_commit(r),
            (r / ".cache/briefing-history/0123456789abcdef").mkdir(parents=True),
            (
                r / ".cache/briefing-history/0123456789abcdef" / f"changes-{'0' * 64}.json"
            ).write_text("{}"),
            git(r, "add", "-f", ".cache"),
            git(r, "commit", "-q", "-m", "cache"),
        ),
        UNCACHED + r"\.cache/ holds files committed to git \(\.cache/briefing-history/"
        r"0123456789abcdef/changes-0+\.json\).*git rm -r --cached \.cache",
        steps=(CHANGES, BUILD),
        outcome="ok",
    ),
    Case(
        "R-H14",
        "history",
        'every cache entry is valid JSON of the wrong shape ({"facts":"x"})',
        git_commit,
        LOGGED,
        steps=(
            CHANGES,
            python(POISON_EVERY_ENTRY.format(text='{"facts":"x"}')),
            CHANGES,
            BUILD,
        ),
        outcome="ok",
    ),
    Case(
        "R-H15",
        "history",
        "every cache entry is a change of the right shape holding a script and an escape",
        git_commit,
        LOGGED,
        steps=(CHANGES, python(POISON_EVERY_ENTRY.format(text=HOSTILE_CHANGE)), CHANGES, BUILD),
        outcome="ok",
        verify=no_script,
    ),
    Case(
        "R-H21",
        "history",
        "the cache's disk is full (writes over 30 KB fail): no temporary file is left",
        git_commit,
        LOGGED,
        steps=(Step(("changes",), file_size_limit=30_000),) * 2,
        outcome="ok",
        verify=no_temporary_files,
    ),
    Case(
        "N2-H01",
        "history",
        ".cache is a file",
        lambda r: (git_commit(r), (r / ".cache").write_text("not a folder\n")),
        UNCACHED + r"\.cache is not a folder; .*remove or rename \.cache",
        steps=(CHANGES, BUILD),
        outcome="ok",
    ),
    Case(
        "N2-H02",
        "history",
        "every cache entry is a link to a file outside the project",
        git_commit,
        LOGGED,
        steps=(CHANGES, python(ENTRIES_TO_LINKS), CHANGES, BUILD),
        outcome="ok",
    ),
    Case(
        "N2-H03",
        "links",
        ".cache is a link to the folder beside the project",
        lambda r: (git_commit(r), cache_link(r, ".cache", plant_beside(r))),
        UNCACHED + r"\.cache is a symbolic link",
        steps=(CHANGES, BUILD),
        outcome="ok",
        verify=beside_folder_kept,
    ),
    Case(
        "N2-H04",
        "links",
        "a cache folder named like a code version is a link to the folder beside the project",
        lambda r: (
            git_commit(r),
            cache_link(r, ".cache/briefing-history/0123456789abcdef", plant_beside(r)),
        ),
        LOGGED,
        steps=(CHANGES, BUILD),
        outcome="ok",
        verify=beside_folder_kept,
    ),
    # --- history reads blobs, not archives: attributes change nothing --------------------
    Case(
        "N2-H05",
        "history",
        "an export-subst .gitattributes in old revisions would put each author in a field",
        export_subst_trick,
        rf"^{SLUG}: 2 changes$",
        steps=(CHECK, PUBLISH, CHANGES),
        outcome="ok",
        verify=nothing_of_alice,
    ),
    Case(
        "N2-H06",
        "history",
        "seeds/.gitattributes sets a filter",
        lambda r: write(r, "seeds/.gitattributes", "*.txt filter=rewrite\n"),
        r"^seeds/\.gitattributes:1: git attributes are not allowed among the fact sheets and "
        r"sources: .*remove this file",
    ),
    Case(
        "N2-H07",
        "history",
        "a briefing's .gitattributes marks a fact sheet export-ignore",
        lambda r: write(r, f"{B}/.gitattributes", "claims.yaml export-ignore\n"),
        rf"^{B}/\.gitattributes:1: git attributes are not allowed",
    ),
    # --- a public record that is complete and never forgets ------------------------------
    Case(
        "R-H11",
        "history",
        "a fact changed only while resolving a merge (an evil merge)",
        evil_merge,
        r"^    summary: .* → One source \(resolved in the merge\) calls",
        steps=(CHANGES, BUILD),
        outcome="ok",
    ),
    Case(
        "R-H12",
        "history",
        "a published correction's commit amended without its trailer, then published",
        amended_away,
        rf"^{B}:1: change log: the correction published on 4 November 2026 \(commit "
        rf"[0-9a-f]{{12}}: {WHAT_WAS_WRONG}\) is no longer in the history: its commit was "
        r"amended, rebased or force-pushed away",
        steps=(PUBLISH,),
    ),
    Case(
        "R-H25",
        "history",
        "git mv of the briefing's folder after a correction",
        renamed_folder,
        rf"^  \d{{4}}-\d\d-\d\d [0-9a-f]{{12}}: {WHAT_WAS_WRONG}$",
        steps=(CHANGES,),
        outcome="ok",
    ),
    Case(
        "R-H26",
        "history",
        "a Correction: trailer on a commit that changes only a comment",
        comment_correction,
        r"warning: commit [0-9a-f]{12} \(A comment\) has a Correction: trailer but changed "
        r"nothing a reader sees, so no correction is published",
        steps=(CHANGES, BUILD),
        outcome="ok",
    ),
    Case(
        "R-L02",
        "links",
        "briefings/ moved to data/briefings behind a link; a change after the move",
        moved_behind_link("briefings"),
        r"^\d{4}-\d\d-\d\d [0-9a-f]{12} After the move$",
        steps=(CHECK, CHANGES, BUILD),
        outcome="ok",
    ),
    Case(
        "R-L03",
        "links",
        "seeds/ moved to data/seeds behind a link: the move changes no fact",
        moved_behind_link("seeds"),
        rf"^{SLUG}: 3 changes$",
        steps=(CHECK, CHANGES, BUILD),
        outcome="ok",
    ),
    *(
        Case(
            f"R-H07-{variant}",
            "history",
            f"a publish (SITE_URL set) whose history cannot be read: {variant}",
            setup,
            rf"^{B}:1: change log: cannot be read, and a published site \(site_url is set\) "
            rf"must carry it and its corrections: {reason}",
            steps=(Step(("build",), env=SITE_URL + env),),
        )
        for variant, setup, env, reason in (
            ("shallow", shallow, (), "this is a shallow clone"),
            (
                "ownership",
                git_commit,
                (("GIT_TEST_ASSUME_DIFFERENT_OWNER", "1"),),
                r"the project is not in a git repository it can read \(git says: .*dubious "
                r"ownership",
            ),
            (
                "no-git",
                git_commit,
                (("PATH", os.path.dirname(sys.executable)),),
                "git is not installed where this build runs",
            ),
        )
    ),
    Case(
        "N2-H08",
        "history",
        "a shallow clone built without SITE_URL: a preview, which says so and builds",
        shallow,
        r"Change log not available in this build: this is a shallow clone",
        steps=(BUILD,),
        outcome="ok",
    ),
    Case(
        "N2-H09",
        "history",
        "a detached HEAD",
        lambda r: (correct_crimea(r), git(r, "checkout", "-q", "--detach", "HEAD")),
        rf"^{SLUG}: 2 changes$",
        steps=(CHANGES, BUILD),
        outcome="ok",
    ),
    Case(
        "N2-H10",
        "history",
        "a repository with no commits yet",
        lambda r: git(r, "init", "-q"),
        rf"^{SLUG}: change history not available: the repository has no commits yet$",
        steps=(CHANGES,),
    ),
    Case(
        "N2-H11",
        "history",
        "a commit that breaks a fact sheet, then one that mends it",
        broken_then_mended,
        r"^\d{4}-\d\d-\d\d [0-9a-f]{12} Mended$",
        steps=(CHANGES, BUILD),
        outcome="ok",
    ),
    Case(
        "N2-H12",
        "history",
        "an orphan branch: a root commit with every fact",
        orphan_branch,
        rf"^{SLUG}: 1 change$",
        steps=(CHANGES, BUILD),
        outcome="ok",
    ),
    Case(
        "N2-H13",
        "history",
        "an annotated tag as --since",
        tagged,
        rf"^{SLUG}: 1 change$",
        steps=(Step(("changes", "--since", "v1")),),
        outcome="ok",
    ),
    Case(
        "N2-H14",
        "history",
        "a Correction: trailer holding only spaces",
        blank_correction,
        r"warning: commit [0-9a-f]{12} \(Crimea: the year\) has a Correction: trailer that "
        r"says nothing",
        steps=(CHANGES, BUILD),
        outcome="ok",
    ),
    Case(
        "N2-H15",
        "history",
        "a corrected fact removed, then added back",
        removed_and_back,
        rf"^{SLUG}: 4 changes$",
        steps=(CHANGES, BUILD),
        outcome="ok",
        verify=still_corrected,
    ),
    Case(
        "N2-H16",
        "history",
        "a merge that only joins two lines of work has no entry of its own",
        plain_merge,
        rf"^{SLUG}: 3 changes$",
        steps=(CHANGES,),
        outcome="ok",
    ),
    Case(
        "N2-H17",
        "history",
        "a published correction amended away, built locally (no SITE_URL): a warning",
        amended_away,
        rf"^INFO +- +{B}: warning: change log: the correction published on .* is no "
        "longer in the history",
        steps=(BUILD,),
        outcome="ok",
    ),
    Case(
        "N2-H18",
        "history",
        "the briefing deleted, then restored: its correction stays",
        deleted_and_restored,
        rf"^  \d{{4}}-\d\d-\d\d [0-9a-f]{{12}}: {WHAT_WAS_WRONG}$",
        steps=(CHANGES, BUILD),
        outcome="ok",
        verify=still_corrected,
    ),
    # --- no traceback ------------------------------------------------------------------------
    Case(
        "R-H04",
        "history",
        "a commit dated past the year 9999 as committed (GIT_COMMITTER_DATE=@253402300800)",
        far_ahead,
        r"warning: commit [0-9a-f]{12} \(Far ahead\) has a committer date past the year 9999 "
        r"\(253402300800 seconds after 1970\); its entry shows when it was written",
        steps=(CHANGES, BUILD, PUBLISH),
        outcome="ok",
    ),
    Case(
        "N2-H19",
        "history",
        "a commit dated past the year 9999 as committed and as written, then published",
        lambda r: far_ahead(r, written=True),
        rf"^{B}:1: change log: cannot be read, .*: commit [0-9a-f]{{12}} \(Far ahead\) is "
        r"dated past the year 9999, as committed and as written",
        steps=(PUBLISH,),
    ),
    Case(
        "R-H20",
        "history",
        "the temporary folder fills up during briefing changes (files over 8 KB fail)",
        git_commit,
        rf"^{SLUG}: change history not available: could not write the files of commit "
        r"[0-9a-f]{12} into a temporary folder to read them \(File too large\); make room in ",
        steps=(Step(("changes",), file_size_limit=8_000),),
    ),
    Case(
        "R-L01",
        "links",
        "a committed briefings/belgorod-copy -> belgorod-2023-05",
        linked_briefing,
        r"^belgorod-copy: 1 change$",
        steps=(CHECK, BUILD, CHANGES),
        outcome="ok",
    ),
    Case(
        "N2-H20",
        "links",
        "a source that was, in one old commit, a link to a file outside the project",
        secret_in_history,
        rf"^{SLUG}: 1 change$",
        steps=(CHECK, PUBLISH, CHANGES),
        outcome="ok",
    ),
    Case(
        "N2-H21",
        "links",
        "a fact sheet that was, in one old commit, a link to another briefing's sheet",
        sheet_link_in_history,
        rf"^{SLUG}: 1 change$",
        steps=(CHANGES, Step(("diff", "HEAD~1", "HEAD"))),
        outcome="ok",
    ),
    # --- commit text held to the fact sheets' standard ----------------------------------
    Case(
        "R-H02",
        "history",
        "bidi controls (U+202E, U+2066) in a commit's subject and its Correction trailer",
        committed_with(
            "Crimea \u202eraey eht\u2069\n\nCorrection: the \u2066title\u2069 gave no year"
        ),
        r"^\d{4}-\d\d-\d\d [0-9a-f]{12} Crimea <U\+202E>raey eht<U\+2069>$",
        steps=(PUBLISH, CHANGES),
        outcome="ok",
        verify=nothing_hidden,
    ),
    Case(
        "R-H24",
        "history",
        "a U+001E inside a Correction trailer",
        committed_with("Crimea: the year\n\nCorrection: the title\x1egave no year"),
        r"^  \d{4}-\d\d-\d\d [0-9a-f]{12}: the title<U\+001E>gave no year$",
        steps=(CHANGES, PUBLISH),
        outcome="ok",
    ),
    Case(
        "R-H01",
        "history",
        "a commit subject of HTML, Markdown, an attribute list and Jinja",
        committed_with(f"{HOSTILE_SUBJECT}\n\nCorrection: {HOSTILE_SUBJECT}"),
        r"^\d{4}-\d\d-\d\d [0-9a-f]{12} <script>alert\(1\)</script> \[x\]",
        steps=(PUBLISH, CHANGES),
        outcome="ok",
        verify=no_markup,
    ),
    *(
        Case(
            f"R-H23-{variant}",
            "history",
            f"briefing changes --since {since!r}",
            git_commit,
            expect,
            steps=(Step(("changes", f"--since={since}")),),
        )
        for variant, since, expect in (
            (
                "option",
                f"--output={EVENTS}",
                rf"^briefing changes: '--output={EVENTS}' is not a revision",
            ),
            ("empty", "", r"^briefing changes: '' is not a revision"),
            ("missing", "HEAD~999", r"^briefing changes: 'HEAD~999' names no commit"),
        )
    ),
    Case(
        "N2-H22",
        "history",
        "a commit subject of 10,000 characters",
        committed_with("x" * 10_000),
        r"^\d{4}-\d\d-\d\d [0-9a-f]{12} x{299}…$",
        steps=(CHANGES, PUBLISH),
        outcome="ok",
    ),
    Case(
        "N2-H23",
        "history",
        "a terminal escape (retitle the window) and a line separator in a commit subject",
        committed_with("Crimea \x1b]0;pwned\x07 the year\u2028again"),
        r"^\d{4}-\d\d-\d\d [0-9a-f]{12} Crimea <U\+001B>\]0;pwned<U\+0007> the "
        r"year<U\+2028>again$",
        steps=(CHANGES, PUBLISH),
        outcome="ok",
    ),
]
