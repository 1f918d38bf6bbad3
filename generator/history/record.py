"""The public record of corrections, and what a build must say of the change log.

A published correction must never disappear silently. An amend, a rebase or a force-push
that drops its commit would otherwise take it off the Changes page, the fact's page and the
feeds at the next publish, with no message. So each build writes the corrections it shows
as `corrections.json` at the top of the site, which `publish.yml` deploys with the rest to
the `gh-pages` branch; and the next build reads the published one back from git
(`origin/gh-pages:corrections.json`: `actions/checkout` with `fetch-depth: 0` fetches every
branch, so a fresh CI clone has it, and no push to `main` can rewrite it) and fails a
publish whose history lacks one of them. The site's own `site/` would not do: a CI clone
starts without it.

With `site_url` set (a publish), a change log that cannot be read fails the build too: a
site published without it would drop every correction notice and both feeds.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..factsheets.dates import format_day
from ..problems import Problem, display_path
from .entries import History
from .git import HistoryUnavailable, repository_of
from .objects import Objects
from .shapes import WrongShape, fields_of, list_of, text

__all__ = [
    "PUBLISHED_RECORD",
    "RECORD_FILE",
    "Published",
    "corrections_record",
    "history_problems",
    "lost_corrections",
    "read_record",
    "unlogged_notes",
]

RECORD_FILE = "corrections.json"
# Where publish.yml deploys the site, as a fresh clone with the whole history has it.
PUBLISHED_RECORD = f"refs/remotes/origin/gh-pages:{RECORD_FILE}"
_RECORD_LIMIT = 64 * 1024 * 1024


@dataclass(frozen=True)
class Published:
    """A correction as the site published it."""

    briefing: str
    commit: str
    date: str
    what: tuple[str, ...]


def corrections_record(histories: dict[str, History]) -> str:
    """The record of the corrections the site shows, as `corrections.json` holds it."""
    corrections = [
        {"briefing": slug, "commit": e.commit, "date": e.date, "what": list(e.corrections)}
        for slug, history in sorted(histories.items())
        for e in reversed(history.corrections)
    ]
    return json.dumps({"corrections": corrections}, ensure_ascii=False, indent=1) + "\n"


def read_record(raw: bytes) -> list[Published]:
    """The corrections of a record; ValueError if it is not one."""
    return list_of(fields_of(json.loads(raw), {"corrections"})["corrections"], _published)


def _published(value: Any) -> Published:
    data = fields_of(value, {"briefing", "commit", "date", "what"})
    briefing, commit, date = (text(data[k]) for k in ("briefing", "commit", "date"))
    return Published(briefing, commit, date, tuple(list_of(data["what"], text)))


def lost_corrections(
    published: list[Published], histories: dict[str, History]
) -> list[tuple[str, Published]]:
    """(slug, correction) for each published correction of a briefing in `histories` (by
    any name it had) that its log no longer holds, by commit or by what it says."""
    by_name = {name: slug for slug, h in histories.items() for name in h.names}
    by_name.update({slug: slug for slug in histories})
    lost = []
    for correction in published:
        slug = by_name.get(correction.briefing)
        if slug is None or histories[slug].unavailable:
            continue  # not built here, or said already
        if not any(
            e.commit == correction.commit or e.corrections == correction.what
            for e in histories[slug].corrections
        ):
            lost.append((slug, correction))
    return lost


def history_problems(
    root: Path,
    folders: dict[str, Path],
    histories: dict[str, History],
    *,
    publishing: bool,
    whole_site: bool = True,
) -> tuple[list[Problem], list[str]]:
    """What a build must say of the change logs of the briefings in `folders` (by slug):
    problems that fail a publish (`publishing`: site_url is set) and notes for the output,
    of titles given to changes that are no entry of their log (which fail any build),
    of logs that could not be read and of published corrections the history lost, or that
    left the site with their briefing (`whole_site`: every briefing is built)."""
    problems: list[Problem] = [p for h in histories.values() for p in h.problems]
    notes = unlogged_notes(histories.values())
    for slug, history in sorted(histories.items()):
        if history.unavailable and publishing:
            problems.append(
                Problem(
                    display_path(folders[slug], root),
                    1,
                    "change log",
                    "cannot be read, and a published site (site_url is set) must carry it "
                    f"and its corrections: {history.unavailable}",
                )
            )
    published, why_not = _published_record(root)
    if published is None:
        if why_not and publishing:
            notes.append(why_not)
        return problems, notes
    for slug, lost in lost_corrections(published, histories):
        where = display_path(folders[slug], root)
        if publishing:
            problems.append(Problem(where, 1, "change log", _lost_message(lost)))
        else:
            notes.append(f"{where}: warning: change log: {_lost_message(lost)}")
    names = {name for slug, h in histories.items() for name in (slug, *h.names)}
    gone = sorted({c.briefing for c in published if c.briefing not in names})
    if gone and whole_site and folders.keys() == histories.keys():
        notes.append(
            f"The published site has corrections of {', '.join(gone)}, which this build no "
            "longer has: a briefing removed takes its corrections off the site with it"
        )
    return problems, notes


def unlogged_notes(histories: Iterable[History]) -> list[str]:
    """A warning for each commit with a Correction trailer that changed nothing a reader
    sees in any of the briefings read: nothing of it is published."""
    logs = list(histories)
    logged = {e.commit for h in logs for e in h.corrections}
    unlogged = dict.fromkeys(u for h in logs for u in h.unlogged if u[0] not in logged)
    return [
        f"warning: commit {commit[:12]} ({subject}) has a Correction: trailer but changed "
        "nothing a reader sees, so no correction is published; a correction belongs on the "
        "commit that changes the fact: make the fix in a new commit with the trailer"
        for commit, subject in unlogged
    ]


def _published_record(root: Path) -> tuple[list[Published] | None, str | None]:
    """The corrections the published site lists; None, with why, if there is no record."""
    try:
        repo = repository_of(root, whole_history=False)
        with Objects(repo) as objects:
            raw = objects.named(PUBLISHED_RECORD, _RECORD_LIMIT)
    except HistoryUnavailable:
        return None, None  # said already, as the change log's own reason
    if raw is None:
        return None, (
            f"No published record of corrections to compare with ({PUBLISHED_RECORD} is "
            "not there): fine for a first publish; otherwise fetch the gh-pages branch"
        )
    try:
        return read_record(raw), None
    except (ValueError, WrongShape):
        return None, (
            f"The published record of corrections ({PUBLISHED_RECORD}) could not be read, "
            "so this build cannot tell whether the history lost one"
        )


def _lost_message(lost: Published) -> str:
    try:
        day = format_day(datetime.date.fromisoformat(lost.date[:10]))
    except ValueError:
        day = lost.date
    return (
        f"the correction published on {day} (commit {lost.commit[:12]}: "
        f"{'; '.join(lost.what)}) is no longer in the history: its commit was amended, "
        "rebased or force-pushed away, or this checkout is behind the published site. "
        "Bring the commit back (`git reflog` finds it), or `git pull`; a published "
        f"correction stays published (to withdraw one on purpose, remove it from {RECORD_FILE} "
        "on the gh-pages branch in a commit that says why)"
    )
