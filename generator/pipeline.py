"""The pipeline, stage by stage: fact sheets → checks → (analysis → pages, in `pages.py`).

Both the CLI and the MkDocs plugin call `load_briefings`, so `briefing check` and a site
build always apply the same checks.
"""

from __future__ import annotations

import re
from pathlib import Path

from .checks import Briefing, check_briefing
from .factsheets import ID_PATTERN, load_factsheets
from .problems import Problem, display_path

__all__ = ["discover_briefings", "load_briefings"]


def discover_briefings(briefings_dir: Path) -> list[Path]:
    """Every folder under `briefings_dir` that holds a `briefing.yaml`, by name."""
    if not briefings_dir.is_dir():
        return []
    return sorted(p.parent for p in briefings_dir.glob("*/briefing.yaml"))


def load_briefings(
    root: Path, briefings_dir: Path, seeds_dir: Path, only: list[str] | None = None
) -> tuple[list[Briefing], list[Problem]]:
    """Load and check the briefings (all, or those named in `only`).

    Returns the briefings that passed and every problem found in any of them.
    """
    folders = discover_briefings(briefings_dir)
    problems: list[Problem] = []
    if only:
        by_name = {f.name: f for f in folders}
        for name in only:
            if name not in by_name:
                known = ", ".join(by_name) or "none"
                problems.append(Problem(
                    display_path(briefings_dir, root), 1, "",
                    f"no briefing '{name}' (a folder with a briefing.yaml); known: {known}",
                ))
        folders = [by_name[n] for n in only if n in by_name]
    elif not folders:
        problems.append(Problem(display_path(briefings_dir, root), 1, "",
                                "no briefings found; add a folder with a briefing.yaml"))
    briefings = []
    for folder in folders:
        if not re.fullmatch(ID_PATTERN, folder.name):
            problems.append(Problem(
                display_path(folder, root), 1, "",
                "a briefing folder name becomes its URL: use lowercase letters, digits and "
                "single hyphens",
            ))
            continue
        sheets, sheet_problems = load_factsheets(folder, root)
        briefing, check_problems = check_briefing(sheets, seeds_dir, root)
        problems += sheet_problems + check_problems
        if briefing is not None and not sheet_problems:
            briefings.append(briefing)
    return briefings, problems

