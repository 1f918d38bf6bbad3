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

from .analysis.build import analyse
from .analysis.model import Analysis
from .checks.briefing import Briefing
from .checks.editorial import editorial_problems
from .checks.summary import summary_problems
from .factsheets.model import BriefingInfo
from .history.log import History, briefing_history
from .history.record import history_problems
from .pipeline import briefing_folders, load_briefing
from .problems import Problem, has_errors
from .render.feeds import Feeds
from .render.site import briefing_glance, render_briefing, render_home
from .render.views.glance import Glance

__all__ = ["PARALLEL_FROM", "BriefingHead", "SitePages", "analysed_problems", "build_pages"]

# Below this many briefings, starting worker processes costs more than it saves.
PARALLEL_FROM = 4


@dataclass(frozen=True)
class BriefingHead:
    """What the home page, the nav and the site's feed need of a briefing built in another
    process."""

    slug: str
    info: BriefingInfo
    history: History | None = None
    glance: Glance | None = None  # its "at a glance" box, for the home page


@dataclass
class SitePages:
    """The generated files of the site ({path under docs: text}; empty when a check
    failed), the briefings built, and every problem found."""

    files: dict[str, str] = field(default_factory=dict)
    heads: list[BriefingHead] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # of the change logs as a whole

    @property
    def history_notes(self) -> list[str]:
        """Why a change log could not be read, and what else the editor should know of how
        it was read, once each, for the build's output."""
        logs = [h.history for h in self.heads if h.history is not None]
        reasons = dict.fromkeys(log.unavailable for log in logs if log.unavailable)
        notes = dict.fromkeys(note for log in logs for note in log.notes)
        unread = [f"Change log not available in this build: {r}" for r in reasons]
        return unread + list(notes) + self.notes


def build_pages(
    root: Path,
    briefings_dir: Path,
    seeds_dir: Path,
    only: list[str] | None = None,
    docs_dir: Path | None = None,
    *,
    feeds: Feeds | None = None,
    history: bool = True,
) -> SitePages:
    """Load, check and render the briefings (all, or those named in `only`), each with its
    change log read from git unless `history` is False, and their feeds with `feeds`. The
    files are returned only if no check failed anywhere: a site is built whole or not at
    all."""
    folders, problems = briefing_folders(root, briefings_dir, seeds_dir, only, docs_dir)
    site = SitePages(problems=problems)
    job = partial(_briefing_job, seeds_dir=seeds_dir, root=root, feeds=feeds, history=history)
    pages = []
    for head, found, files in _map_folders(job, folders):
        site.problems += found
        if head is not None:
            site.heads.append(head)
            pages.append(files)
    if history:
        logs = {h.slug: h.history for h in site.heads if h.history is not None}
        by_slug = {folder.name: folder for folder in folders}
        found, notes = history_problems(
            root, by_slug, logs, publishing=feeds is not None, whole_site=not only
        )
        site.problems += found
        site.notes += notes
    if not has_errors(site.problems):
        for files in pages:
            site.files.update(files)
        histories = {h.slug: h.history for h in site.heads if h.history is not None}
        glances = {h.slug: h.glance for h in site.heads if h.glance is not None}
        site.files.update(render_home(site.heads, histories, feeds, glances))
    return site


_JobResult = tuple[BriefingHead | None, list[Problem], dict[str, str]]


def _briefing_job(
    folder: Path, *, seeds_dir: Path, root: Path, feeds: Feeds | None, history: bool
) -> _JobResult:
    briefing, problems = load_briefing(folder, seeds_dir, root)
    if briefing is None:
        return None, problems, {}
    # A failed check keeps the whole site from being built: rendering would be wasted.
    if has_errors(problems):
        return BriefingHead(briefing.slug, briefing.info), problems, {}
    analysis = analyse(briefing)
    problems = problems + analysed_problems(briefing, analysis)
    log = briefing_history(root, folder, seeds_dir) if history else None
    glance = briefing_glance(briefing, log, analysis)
    head = BriefingHead(briefing.slug, briefing.info, log, glance)
    return head, problems, render_briefing(briefing, log, feeds, analysis)


def analysed_problems(briefing: Briefing, analysis: Analysis | None = None) -> list[Problem]:
    """The checks that need what is computed from the facts, which the checks stage runs
    before: the summary against the figures' verdicts, and the editorial check (which
    reads grades and lineages). `briefing check` and the build both report them."""
    analysis = analysis or analyse(briefing)
    return summary_problems(briefing.sheets, analysis.claim_groups) + editorial_problems(
        briefing, analysis
    )


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
