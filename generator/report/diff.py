"""What a change does to the facts: `briefing diff BASE [HEAD]`, for pull-request reviews.

Both revisions are read from git itself (the committed blobs: no attribute or filter runs),
checked and analysed the way a build would (`history.snapshot`), and compared
(`history.changes`, as the change log compares commits): records added, removed, renamed
or changed field by field; figures, grades and verdicts that moved; facts that became
single-source; citations that no longer verify; coverage before and after. The result is
Markdown, for a pull-request comment.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..factsheets.kinds import kind as kind_named
from ..history.changes import Changes, FactChange, compare
from ..history.git import HistoryUnavailable, commit_of, repository_of, tracked_path
from ..history.objects import Objects
from ..history.revision import LinksOutside, write_revision
from ..history.snapshot import LOGGED_KINDS, Snapshot, read_tree

__all__ = ["diff_report", "read_revision", "read_tree"]


def read_revision(root: Path, revision: str) -> dict[str, Snapshot]:
    """Every briefing of the project in `root` as it was at a git revision; ValueError if
    the revision names no commit or cannot be read. (A shallow clone will do if it holds
    the revision: a diff needs no history.)"""
    try:
        repo = repository_of(root, whole_history=False)
        briefings, seeds = (tracked_path(repo, root / name) for name in ("briefings", "seeds"))
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
        return read_tree(Path(tmp))


def diff_report(
    base: dict[str, Snapshot], head: dict[str, Snapshot], base_name: str, head_name: str
) -> str:
    """The Markdown summary of what changed between two readings of the briefings."""
    lines = [f"## What this change does to the facts ({base_name} → {head_name})", ""]
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
        f"- `{c.id}`: {f.before} → {f.after}"
        for c in changes.facts
        for f in c.fields
        if f.name == "figure"
    ]
    if figures:
        lines += ["#### Figures that changed", "", *figures, ""]
    verdicts = [f"- {v.title}: {v.before} → {v.after}" for v in changes.verdicts]
    if verdicts:
        lines += ["#### Verdicts that changed", "", *verdicts, ""]
    lines += _problem_lines(head)
    single = [
        f"- {kind_named(c.kind).singular} `{c.id}`: "
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
    was = f" (was `{change.old_id}`)" if change.old_id else ""
    lines = [f"- **{change.action}** `{change.id}`{was}: {change.title}"]
    return lines + [f"  - {f.name}: {f.before} → {f.after}" for f in change.fields]


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
                *(f"- {p.file}:{p.line}: `{p.field}`: {p.message}" for p in problems),
                "",
            ]
    return lines


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"
