"""What a change does to the facts: `briefing diff BASE [HEAD]`, for pull-request reviews.

Both revisions are read from git itself (`git archive`), checked and analysed the way a build
would, and compared: records added, removed or changed field by field; figures that changed;
citations that no longer verify; facts that became single-source; coverage before and after.
The result is Markdown, for a pull-request comment.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..analysis.build import analyse
from ..analysis.coverage import percent
from ..checks.briefing import check_briefing
from ..export.data import record_to_data
from ..factsheets.kinds import KINDS
from ..factsheets.kinds import kind as kind_named
from ..factsheets.load import load_factsheets
from ..pipeline import discover_briefings
from ..problems import Problem
from ..words import describe_count

__all__ = ["BriefingState", "diff_report", "read_revision", "read_tree"]

# Waivers are notes to the coverage check, not something a reader sees change.
_KINDS = [k for k in KINDS if k.name != "waivers"]


@dataclass
class BriefingState:
    """One briefing at one revision: its records as data, its problems, what analysis says."""

    records: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # claim id -> its figure in words ("at least 8"), as the pages say it
    figures: dict[str, str] = field(default_factory=dict)
    lineages: dict[tuple[str, str], int] = field(default_factory=dict)
    coverage: float | None = None


def read_tree(root: Path) -> dict[str, BriefingState]:
    """Every briefing under `root` (a project folder), checked and analysed."""
    states = {}
    for folder in discover_briefings(root / "briefings"):
        sheets, problems = load_factsheets(folder, root)
        briefing, check_problems = check_briefing(sheets, root / "seeds", root)
        state = BriefingState(problems=problems + check_problems)
        for kind in _KINDS:
            state.records[kind.name] = {
                r.id: _comparable(record_to_data(r)) for r in sheets.records(kind)
            }
        state.figures = {c.id: describe_count(c) for c in sheets.claims}
        if briefing is not None and not problems:
            analysis = analyse(briefing)
            state.lineages = {k: len(f.lineages) for k, f in analysis.facts.items()}
            state.coverage = percent(analysis.coverage.items)
        states[folder.name] = state
    return states


def _comparable(data: dict[str, Any]) -> dict[str, Any]:
    # Where a quote was found is not something an editor changed.
    for citation in data.get("citations", []) or []:
        for key in ("paragraph", "anchor", "page"):
            citation.pop(key, None)
    return data


def read_revision(repo: Path, revision: str) -> dict[str, BriefingState]:
    """Every briefing as it was at a git revision of the repository at `repo`.

    The revision is resolved to a commit first and never reaches git as an option (a
    "revision" `--output=claims.yaml` once truncated a fact sheet). Links in the archive
    that point outside it are refused, as the build refuses them.
    """
    commit = _commit(repo, revision)
    archive = subprocess.run(
        ["git", "-C", str(repo), "archive", "--format=tar", commit, "--", "briefings", "seeds"],
        capture_output=True,
        check=False,
    )
    if archive.returncode != 0:
        raise ValueError(_git_error(archive.stderr))
    refused: list[str] = []

    def inside_only(member: tarfile.TarInfo, path: str) -> tarfile.TarInfo | None:
        try:
            return tarfile.data_filter(member, path)
        except tarfile.FilterError:
            refused.append(member.name)
            return None

    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(tmp, filter=inside_only)
        if refused:
            raise ValueError(
                f"at {revision}, {', '.join(refused)} links outside the project; "
                "`briefing check` refuses such links too"
            )
        return read_tree(Path(tmp))


def _commit(repo: Path, revision: str) -> str:
    """The commit a revision names, as a hash; ValueError if it names none."""
    if not revision or revision.startswith("-"):
        raise ValueError(
            f"'{revision}' is not a revision (a branch, tag or commit such as "
            "origin/main or HEAD~1)"
        )
    found = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"],
        capture_output=True,
        check=False,
    )
    if found.returncode != 0:
        raise ValueError(
            f"'{revision}' names no commit in this repository"
            + (f" ({_git_error(found.stderr)})" if found.stderr.strip() else "")
        )
    return found.stdout.decode("ascii").strip()


def _git_error(stderr: bytes) -> str:
    return stderr.decode("utf-8", "replace").strip()


def _value(value: Any) -> str:
    if isinstance(value, list) and value and isinstance(value[0], dict) and "quote" in value[0]:
        return "; ".join(f"{c['source']}: “{c['quote']}”" for c in value)
    if value is None or value == [] or value == "":
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_value(v)}" for k, v in value.items()) + "}"
    return str(value)


def _record_changes(base: dict[str, Any], head: dict[str, Any]) -> list[str]:
    lines = []
    for name in dict.fromkeys([*base, *head]):
        if base.get(name) != head.get(name):
            lines.append(f"  - `{name}`: {_value(base.get(name))} → {_value(head.get(name))}")
    return lines


def _title(data: dict[str, Any], state: BriefingState) -> str:
    if data["id"] in state.figures and "count" in data:  # a claim: say what it counts
        return (
            f"{state.figures[data['id']]} ({data['category']}, {data['group']}, {data['incident']})"
        )
    return str(data.get("title") or data.get("name") or data.get("outlet") or "")


def _briefing_report(
    slug: str, base: BriefingState | None, head: BriefingState | None
) -> list[str]:
    if head is None:
        return [f"### {slug}", "", "The briefing is **removed**.", ""]
    base = base or BriefingState()
    lines = [f"### {slug}", ""]
    changed = False
    for kind in _KINDS:
        before, after = base.records.get(kind.name, {}), head.records.get(kind.name, {})
        entries = []
        for rid in sorted(after.keys() - before.keys()):
            entries.append(f"- **added** `{rid}`: {_title(after[rid], head)}")
        for rid in sorted(before.keys() - after.keys()):
            entries.append(f"- **removed** `{rid}`: {_title(before[rid], base)}")
        for rid in sorted(before.keys() & after.keys()):
            diff = _record_changes(before[rid], after[rid])
            if diff:
                entries += [f"- **changed** `{rid}`: {_title(after[rid], head)}", *diff]
        if entries:
            changed = True
            lines += [f"#### {kind.label}", "", *entries, ""]
    figures = [
        f"- `{rid}`: {figure} → {head.figures[rid]}"
        for rid, figure in base.figures.items()
        if rid in head.figures and figure != head.figures[rid]
    ]
    if figures:
        lines += ["#### Figures that changed", "", *figures, ""]
    unverified = [p for p in head.problems if p.field.endswith(".quote") and p.severity == "error"]
    if unverified:
        lines += [
            "#### Citations that no longer verify",
            "",
            *(f"- {p.file}:{p.line}: `{p.field}`: {p.message}" for p in unverified),
            "",
        ]
    others = [p for p in head.problems if p not in unverified and p.severity == "error"]
    if others:
        lines += [
            "#### Other check errors",
            "",
            *(f"- {p.file}:{p.line}: `{p.field}`: {p.message}" for p in others),
            "",
        ]
    single = [
        f"- {kind_named(kind).singular} `{rid}`: {base.lineages[kind, rid]} lineages → 1"
        for (kind, rid), n in head.lineages.items()
        if n == 1 and base.lineages.get((kind, rid), 0) >= 2
    ]
    if single:
        lines += ["#### Facts that became single-source", "", *single, ""]
    if base.coverage != head.coverage or changed:
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


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


def diff_report(
    base: dict[str, BriefingState], head: dict[str, BriefingState], base_name: str, head_name: str
) -> str:
    """The Markdown summary of what changed between two readings of the briefings."""
    lines = [f"## What this change does to the facts ({base_name} → {head_name})", ""]
    for slug in sorted(base.keys() | head.keys()):
        lines += _briefing_report(slug, base.get(slug), head.get(slug))
    return "\n".join(lines).rstrip() + "\n"
