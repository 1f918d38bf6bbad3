"""Cases of the bad-input corpus: the change log read from git: commits, merges, renames,
corrections, the history cache, links to briefings/ and seeds/.

Ids: `R-<id>` is the case of that id in the review of main at dd7a752
(../shared/reviews/reliability-2026-12-07.md); `N2-...` are new cases in the same families.
"""

from __future__ import annotations

import textwrap
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
    replace,
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


HISTORY_CASES: list[Case] = [
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
        UNCACHED + r"\.cache/briefing-history is a symbolic link \(to \.\./\.\.\)",
        steps=(CHECK, BUILD, CHANGES),
        outcome="ok",
        verify=beside_folder_kept,
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
]
