"""Titles for readers of changes already published: `change-titles.yaml` at the top of the
project, a list per briefing.

The Changes page and the feeds title each change with its commit's subject. A subject
written for engineers cannot be reworded once the commit is on `main` without rewriting
the history (which would also lose the corrections it published), so an editor gives the
commit a title and a one-sentence summary here instead, and the change log shows them in
place of the subject (`history/retitle.py`).

The file is tracked in git, so a plain `git clone` (CI, the publish workflow) has it, where
git notes would need a fetch of their own. It stands outside the briefings' folders and the
sources' folder, so the history, which reads only commits that touched those, never sees a
commit that only retitles changes: retitling is no change of its own. And a briefing folder
copied to start another does not carry titles of commits that are not in its log.

This module reads and checks the file's shape; whether each commit is an entry of the
briefing's change log is checked by the history, which knows the log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from ..problems import Problem, display_path
from .hints import NonEmpty, Pattern, Record
from .load import read_sheet
from .reader import RecordReader, shown
from .yaml_nodes import Mapping, Sequence

__all__ = [
    "CHANGE_TITLES",
    "SUMMARY_LIMIT",
    "TITLE_LIMIT",
    "ChangeTitle",
    "ChangeTitles",
    "read_change_titles",
]

CHANGE_TITLES = "change-titles.yaml"
# A title is a heading and a feed entry's title: as short as a good commit subject.
TITLE_LIMIT = 100
# One sentence; a feed reader shows it whole.
SUMMARY_LIMIT = 300
# The shortest commit prefix git itself abbreviates to: shorter ones soon name two commits.
_COMMIT = r"[0-9a-f]{7,40}"


@dataclass
class ChangeTitle(Record):
    """A published change's title and summary for readers, in place of its commit's
    subject."""

    commit: Annotated[
        str,
        Pattern(
            _COMMIT,
            "the commit's id, 7 to 40 lowercase hex digits, as the Changes page shows it "
            "('Commit 4cdd1fae4723')",
        ),
    ]
    title: Annotated[str, NonEmpty]
    summary: Annotated[str, NonEmpty] | None = None

    def validate(self) -> list[tuple[str, str]]:
        problems = []
        for name, text, limit in (
            ("title", self.title, TITLE_LIMIT),
            ("summary", self.summary, SUMMARY_LIMIT),
        ):
            if text is None:
                continue
            if "\n" in text.strip():
                problems.append((name, "must be one line; readers see it as one"))
            elif not text.strip():
                problems.append((name, "must not be blank"))
            elif len(text.strip()) > limit:
                problems.append(
                    (
                        name,
                        f"is {len(text.strip())} characters; shorten it to {limit} at most "
                        f"(it begins: {shown(text.strip(), 40)})",
                    )
                )
        return problems


@dataclass(frozen=True)
class ChangeTitles:
    """What `change-titles.yaml` holds: the titles by briefing (its folder's name), the line
    of each briefing's name, the file as problems name it, and what was wrong with its
    shape. A title with a problem is left out: the check fails on it anyway."""

    file: str
    briefings: dict[str, tuple[ChangeTitle, ...]] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    def of(self, slug: str) -> tuple[ChangeTitle, ...]:
        """The titles of the changes of the briefing `slug`."""
        return self.briefings.get(slug, ())


def read_change_titles(root: Path) -> ChangeTitles:
    """The change titles of the project in `root` (none if it has no such file), with the
    problems of their shape."""
    display = display_path(root / CHANGE_TITLES, root)
    problems: list[Problem] = []
    node = read_sheet(root / CHANGE_TITLES, root, display, problems, required=False)
    if node is None or problems:
        return ChangeTitles(display, problems=tuple(problems))
    if not isinstance(node, Mapping):
        return ChangeTitles(display, problems=(Problem(display, node.line, "", _SHAPE),))
    briefings, found = {}, []
    for slug, titles in node.items():
        if not isinstance(titles, Sequence):
            found.append(Problem(display, node.key_lines[slug], slug, _SHAPE))
            continue
        read, wrong = _titles(display, slug, titles)
        briefings[slug] = read
        found += wrong
    return ChangeTitles(display, briefings, dict(node.key_lines), tuple(found))


_SHAPE = (
    f"{CHANGE_TITLES} names each briefing by its folder, with a list of its changes under "
    "it: 'belgorod-2023-05:', then '  - commit: ...' with 'title: ...' and 'summary: ...'"
)


def _titles(
    display: str, slug: str, node: Sequence
) -> tuple[tuple[ChangeTitle, ...], list[Problem]]:
    reader = RecordReader(display)
    titles = [reader.read_record(ChangeTitle, item, slug) for item in node]
    wrong = {p.line for p in reader.problems}
    read = [t for t in titles if t is not None and not wrong & {t.line, *t.lines.values()}]
    return tuple(read), [*reader.problems, *_repeated(display, slug, read)]


def _repeated(display: str, slug: str, titles: list[ChangeTitle]) -> list[Problem]:
    """A problem for each commit titled twice (by its id or by a prefix of another's)."""
    problems = []
    for i, later in enumerate(titles):
        for earlier in titles[:i]:
            if later.commit.startswith(earlier.commit) or earlier.commit.startswith(later.commit):
                problems.append(
                    Problem(
                        display,
                        later.lines.get("commit", later.line),
                        f"{slug}.commit",
                        f"titles commit {later.commit} again (line {earlier.line} titles "
                        f"{earlier.commit}); keep one entry per commit",
                    )
                )
                break
    return problems
