"""What a change does to the facts: `briefing diff BASE [HEAD]`, for pull-request reviews.

Both revisions are read from git itself (the committed blobs: no attribute or filter runs),
checked and analysed the way a build would (`history.snapshot`), and compared
(`history.changes`, as the change log compares commits): records added, removed, renamed
or changed field by field; figures, grades and verdicts that moved; facts that became
single-source; citations that no longer verify; coverage before and after. The result is
Markdown, for a pull-request comment.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from ..factsheets.kinds import kind as kind_named
from ..history.changes import Changes, FactChange, compare
from ..history.git import HistoryUnavailable, commit_of, repository_of, tracked_path
from ..history.objects import Objects
from ..history.revision import LinksOutside, write_revision
from ..history.snapshot import LOGGED_KINDS, Snapshot, read_tree
from ..project import Project

__all__ = ["diff_report", "read_revision", "read_tree"]


def read_revision(project: Project, revision: str) -> dict[str, Snapshot]:
    """Every briefing of the project in `root` as it was at a git revision; ValueError if
    the revision names no commit or cannot be read. (A shallow clone will do if it holds
    the revision: a diff needs no history.)"""
    try:
        repo = repository_of(project.root, whole_history=False)
        briefings, seeds = (
            tracked_path(repo, folder) for folder in (project.briefings_dir, project.seeds_dir)
        )
    except HistoryUnavailable as exc:
        raise ValueError(str(exc)) from None
    commit = commit_of(repo.top, revision)
    with tempfile.TemporaryDirectory(prefix="briefing-diff-") as tmp, Objects(repo) as objects:
        try:
            write_revision(objects, commit, briefings, seeds, Path(tmp))
        except (LinksOutside, HistoryUnavailable) as exc:
            raise ValueError(f"at {revision}, {exc}") from None
        except OSError as exc:
            raise ValueError(
                f"at {revision}, the files could not be written into a temporary folder "
                f"to read them ({exc.strerror}); free space in {tempfile.gettempdir()}"
            ) from None
        # write_revision lays the files out as a project with the default folders.
        return read_tree(Project.of(Path(tmp), {}))


def diff_report(
    base: dict[str, Snapshot], head: dict[str, Snapshot], base_name: str, head_name: str
) -> str:
    """The Markdown summary of what changed between two readings of the briefings."""
    lines = [
        f"## What this change does to the facts ({quoted(base_name)} → {quoted(head_name)})",
        "",
    ]
    for slug in sorted(base.keys() | head.keys()):
        lines += _briefing_report(slug, base.get(slug), head.get(slug))
    return "\n".join(lines).rstrip() + "\n"


def _briefing_report(slug: str, base: Snapshot | None, head: Snapshot | None) -> list[str]:
    if head is None:
        return [f"### {slug}", "", "The briefing is **removed**.", ""]
    base = base or Snapshot()
    changes = compare(base, head) if base.readable and head.readable else Changes()
    lines = [f"### {slug}", ""]
    for kind in LOGGED_KINDS:
        entries = [_fact_lines(c) for c in changes.facts if c.kind == kind.name]
        if entries:
            lines += [f"#### {kind.label}", "", *(line for e in entries for line in e), ""]
    figures = [
        f"- {quoted(c.id)}: {quoted(f.before)} → {quoted(f.after)}"
        for c in changes.facts
        for f in c.fields
        if f.name == "figure"
    ]
    if figures:
        lines += ["#### Figures that changed", "", *figures, ""]
    verdicts = [
        f"- {quoted(v.title)}: {quoted(v.before)} → {quoted(v.after)}" for v in changes.verdicts
    ]
    if verdicts:
        lines += ["#### Verdicts that changed", "", *verdicts, ""]
    lines += _problem_lines(head)
    single = [
        f"- {kind_named(c.kind).singular} {quoted(c.id)}: "
        f"{next(f.before for f in c.fields if f.name == 'independent lineages')} lineages → 1"
        for c in changes.facts
        if c.became_single_source
    ]
    if single:
        lines += ["#### Facts that became single-source", "", *single, ""]
    if base.coverage != head.coverage or changes:
        lines += [
            "#### Coverage",
            "",
            "| | before | after |",
            "|---|---|---|",
            f"| share captured | {_percent(base.coverage)} | {_percent(head.coverage)} |",
            "",
        ]
    if len(lines) == 2:
        lines += ["No change to the facts.", ""]
    return lines


def _fact_lines(change: FactChange) -> list[str]:
    was = f" (was {quoted(change.old_id)})" if change.old_id else ""
    lines = [f"- **{change.action}** {quoted(change.id)}{was}: {quoted(change.title)}"]
    return lines + [f"  - {f.name}: {quoted(f.before)} → {quoted(f.after)}" for f in change.fields]


def _problem_lines(head: Snapshot) -> list[str]:
    errors = [p for p in head.problems if p.severity == "error"]
    unverified = [p for p in errors if p.field.endswith(".quote")]
    others = [p for p in errors if p not in unverified]
    lines = []
    for title, problems in (
        ("Citations that no longer verify", unverified),
        ("Other check errors", others),
    ):
        if problems:
            lines += [
                f"#### {title}",
                "",
                *(
                    f"- {quoted(f'{p.file}:{p.line}')}: {quoted(p.field)}: {quoted(p.message)}"
                    for p in problems
                ),
                "",
            ]
    return lines


def quoted(value: object) -> str:
    """A value from a fact sheet, a source or the command line as one inline code span,
    whatever backticks or line breaks it holds: the summary goes into a pull-request
    comment, where a title such as `@team [confirm](https://evil.example) <img>` would
    otherwise ping a team, post a link and carry HTML under the bot's name."""
    if value is None or str(value) == "":
        return "—"
    flat = " ".join(re.split(r"\r\n|\r|\n", str(value)))
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {flat} " if flat.startswith("`") or flat.endswith("`") else flat
    return f"{fence}{padded}{fence}"


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"
