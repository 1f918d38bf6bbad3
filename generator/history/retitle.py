"""The change log's entries under the titles an editor gave them for readers
(`factsheets/change_titles.py`), in place of their commits' subjects."""

from __future__ import annotations

import dataclasses

from ..factsheets.change_titles import ChangeTitle
from ..problems import Problem
from .entries import Entry

__all__ = ["retitled"]


def retitled(
    entries: tuple[Entry, ...],
    file: str,
    titles: tuple[ChangeTitle, ...],
    *,
    whole_log: bool,
) -> tuple[tuple[Entry, ...], tuple[Problem, ...]]:
    """`entries` with the titles and summaries of `titles` (read from `file`), and a
    problem for each title whose commit is no entry (only if `entries` is the `whole_log`:
    a log read after some revision lacks the older ones) or the start of more than one."""
    by_commit: dict[str, ChangeTitle] = {}
    problems = []
    for title in titles:
        matches = [e.commit for e in entries if e.commit.startswith(title.commit)]
        if len(matches) == 1:
            by_commit[matches[0]] = title
        elif matches:
            problems.append(_problem(file, title, _ambiguous(title, matches)))
        elif whole_log:
            problems.append(_problem(file, title, _unknown(title)))
    return tuple(_with_title(e, by_commit.get(e.commit)) for e in entries), tuple(problems)


def _with_title(entry: Entry, title: ChangeTitle | None) -> Entry:
    if title is None:
        return entry
    return dataclasses.replace(entry, subject=title.title.strip(), summary=_summary(title))


def _summary(title: ChangeTitle) -> str | None:
    return title.summary.strip() if title.summary is not None else None


def _problem(file: str, title: ChangeTitle, message: str) -> Problem:
    return Problem(file, title.lines.get("commit", title.line), "commit", message)


def _unknown(title: ChangeTitle) -> str:
    return (
        f"{title.commit} is no change in this briefing's change log, so its title would "
        "show nowhere; copy the commit from the entry's 'Commit ...' line on the Changes "
        "page or from `briefing changes` (a commit that changed nothing a reader sees, or "
        "one amended or rebased away, has no entry)"
    )


def _ambiguous(title: ChangeTitle, matches: list[str]) -> str:
    commits = ", ".join(m[:12] for m in matches)
    return (
        f"{title.commit} is the start of more than one change's commit ({commits}); "
        "write more of its digits"
    )
