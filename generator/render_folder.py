"""The folder `briefing render --out DIR` writes: which folders it may replace, and
replacing one whole.

DIR is replaced only if an earlier render made it (it holds RENDER_MARKER) or it is empty,
and never when it is, holds or lies inside the project's inputs, .git or .cache (`--out
seeds`, `--out .`: `settings.output_folder_problem`, the rule a build's site_dir follows).
The render is written into a staging folder beside DIR and swapped in whole
(`staging.py`), under a lock, so a failed or concurrent render leaves the last one as it
was.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from .project import Project
from .settings import output_folder_problem, protected_folders
from .staging import BuildLock, OutputBusy, Staging

__all__ = ["RENDER_MARKER", "RenderRefused", "check_render_target", "write_render"]

# Written into every folder `briefing render` makes: only such a folder is ever replaced.
RENDER_MARKER = ".briefing-render"


class RenderRefused(Exception):
    """Why the render was not written, in words for the command line."""


def check_render_target(project: Project, out: Path) -> None:
    """Refuse an --out that would replace or pollute something the render did not make."""
    target = out.resolve()
    if target.exists() and not target.is_dir():
        raise RenderRefused(f"--out {out} is a file; give a folder (it is created)")
    root = project.root
    protected = protected_folders(root, project.briefings_dir, project.seeds_dir, project.docs_dir)
    if reason := output_folder_problem(target, root, protected):
        raise RenderRefused(
            f"--out {out} {reason}, which the render would replace; render into a folder of its own"
        )
    if target.is_dir() and any(target.iterdir()) and not (target / RENDER_MARKER).exists():
        raise RenderRefused(
            f"--out {out} already holds files that `briefing render` did not write (it has "
            f"no {RENDER_MARKER}); render into a new folder, or remove this one yourself"
        )


def write_render(
    out: Path,
    files: dict[str, str],
    config: dict[str, Any] | None,
    docs_dir: Path,
    on_wait: Callable[[str], None],
) -> None:
    """Write the generated `files` into `out`, with a copy of `docs_dir` and the plain
    `config` as mkdocs.yml unless `config` is None (--pages-only): into a staging folder
    beside `out`, then swapped in whole."""
    target = out.resolve()
    lock = BuildLock(target)
    try:
        lock.acquire(on_wait=on_wait)
    except OutputBusy as exc:
        raise RenderRefused(str(exc)) from None
    try:
        staging = Staging(target)
        try:
            _fill(staging.path, files, config, docs_dir)
            staging.publish()
        finally:
            staging.discard()
    finally:
        lock.release()


def _fill(out: Path, files: dict[str, str], config: dict[str, Any] | None, docs_dir: Path) -> None:
    (out / RENDER_MARKER).write_text(
        "Made by `briefing render`, which replaces this folder whole on every render.\n",
        encoding="utf-8",
    )
    docs = out
    if config is not None:
        docs = out / "docs"
        shutil.copytree(docs_dir, docs)
        (out / "mkdocs.yml").write_text(
            yaml.safe_dump({**config, "docs_dir": "docs"}, sort_keys=False, allow_unicode=True),
            encoding="utf-8",
        )
    for path, content in files.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
