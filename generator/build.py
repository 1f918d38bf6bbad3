"""The site's generated files, briefing by briefing, on every processor the build may use.

Each briefing is loaded, checked and rendered on its own (`pipeline.load_briefing`, then
`render.site.render_briefing`): nothing in one briefing's pages depends on another's.
With a few briefings or one processor that runs in this process; from `PARALLEL_FROM`
briefings on, in a pool of worker processes, which send back the pages (text) and the
briefing's head (slug and `briefing.yaml`) for the home page and the nav, not the loaded
briefing. On two processors that halves the generator's share of a build of a hundred
briefings. The MkDocs plugin calls `build_pages`; `briefing check` calls `load_briefings`
and applies the same checks.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .factsheets.model import BriefingInfo
from .pipeline import briefing_folders, load_briefing
from .problems import Problem, has_errors
from .render.site import render_briefing, render_home

__all__ = ["PARALLEL_FROM", "BriefingHead", "SitePages", "build_pages"]

# Below this many briefings, starting worker processes costs more than it saves.
PARALLEL_FROM = 4


@dataclass(frozen=True)
class BriefingHead:
    """What the home page and the nav need of a briefing built in another process."""

    slug: str
    info: BriefingInfo


@dataclass
class SitePages:
    """The generated files of the site ({path under docs: text}; empty when a check
    failed), the briefings built, and every problem found."""

    files: dict[str, str] = field(default_factory=dict)
    heads: list[BriefingHead] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def build_pages(
    root: Path,
    briefings_dir: Path,
    seeds_dir: Path,
    only: list[str] | None = None,
    docs_dir: Path | None = None,
) -> SitePages:
    """Load, check and render the briefings (all, or those named in `only`). The files are
    returned only if no check failed anywhere: a site is built whole or not at all."""
    folders, problems = briefing_folders(root, briefings_dir, seeds_dir, only, docs_dir)
    site = SitePages(problems=problems)
    job = partial(_briefing_job, seeds_dir=seeds_dir, root=root)
    pages = []
    for head, found, files in _map_folders(job, folders):
        site.problems += found
        if head is not None:
            site.heads.append(head)
            pages.append(files)
    if not has_errors(site.problems):
        for files in pages:
            site.files.update(files)
        site.files.update(render_home(site.heads))
    return site


_JobResult = tuple[BriefingHead | None, list[Problem], dict[str, str]]


def _briefing_job(folder: Path, *, seeds_dir: Path, root: Path) -> _JobResult:
    briefing, problems = load_briefing(folder, seeds_dir, root)
    if briefing is None:
        return None, problems, {}
    head = BriefingHead(briefing.slug, briefing.info)
    # A failed check keeps the whole site from being built: rendering would be wasted.
    return head, problems, ({} if has_errors(problems) else render_briefing(briefing))


def _map_folders(job: partial[_JobResult], folders: list[Path]) -> list[_JobResult]:
    processors = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    if len(folders) < PARALLEL_FROM or processors < 2:
        return [job(folder) for folder in folders]
    # A fork server, not a fork of this process: `mkdocs serve` runs threads, and forking a
    # process with threads can copy a lock held by one of them.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    workers = min(processors, len(folders))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(job, folders))
