"""The MkDocs plugin `briefing`: glue between MkDocs and the plain pipeline modules.

It runs the checks in `on_config`, adds the generated pages with `File.generated`, sets a
small nav unless mkdocs.yml has one, and asks `mkdocs serve` to watch the fact sheets and
sources.

The site is replaced whole or not at all (`staging.py`): the build writes into a hidden
sibling of `site/` and swaps it in only after everything succeeded, strict-mode warnings
included, so a failed, killed or out-of-disk build leaves the last good site in place. A
lock makes a second concurrent build wait for the first.

Every page gets the site's Content-Security-Policy as it is written (`render/policy.py`);
script in a hand-written page, which the policy would block, fails the build with its line.

Under `mkdocs serve`, a check that fails after a good build prints its problems and builds
the last good pages again: MkDocs's own server would otherwise stop answering until the
fact sheets are fixed, and an editor mid-change would lose the preview.
"""

from __future__ import annotations

import functools
import logging
import signal
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from .build import build_pages
from .factsheets.change_titles import CHANGE_TITLES
from .problems import Problem, display_path, format_report, has_errors
from .project import FOLDER_OPTIONS, Project
from .render.feeds import Feeds
from .render.nav import hand_written_nav, is_nav_page, site_nav
from .render.origin import describe, describe_unprotected, scan_site
from .render.policy import allow_added_scripts, content_problems, protect
from .render.search_index import PAGES_PER_INDEX, SearchIndexFailed, index_site
from .render.site import THEME_DIR
from .settings import protected_folders, setting_line, site_dir_problems, site_url_problem
from .staging import BuildLock, OutputBusy, Staging

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

T = TypeVar("T")


class BriefingPluginConfig(Config):
    briefings_dir = opt.Type(str, default=FOLDER_OPTIONS["briefings_dir"])
    """Folder of briefing folders, relative to mkdocs.yml."""
    seeds_dir = opt.Type(str, default=FOLDER_OPTIONS["seeds_dir"])
    """Folder of source texts, relative to mkdocs.yml."""
    briefings = opt.Type((list, str), default=[])
    """Build only these briefings: a list of folder names, or one string of them separated
    by commas (as `!ENV BRIEFING` gives it); empty builds all."""
    search_pages_per_index = opt.Type(int, default=PAGES_PER_INDEX)
    """Briefings are indexed for search in groups of about this many pages (search_index)."""


def _plain_errors(hook: Callable[..., T]) -> Callable[..., T]:
    """Report an unexpected exception in a hook as one line, not a traceback: the same
    pipeline runs in `briefing check --debug`, which shows the traceback."""

    @functools.wraps(hook)  # its name, docstring and MkDocs's `mkdocs_priority`
    def wrapped(*args: Any, **kwargs: Any) -> T:
        try:
            return hook(*args, **kwargs)
        except PluginError:
            raise
        except OSError as exc:
            raise PluginError(f"briefing: {exc.strerror or exc}: {exc.filename or ''}") from exc
        except Exception as exc:
            raise PluginError(
                f"briefing: unexpected {type(exc).__name__}: {exc}. Run "
                "`briefing check --debug` for the details, and report it if it persists"
            ) from exc

    return wrapped


class _SitePolicy:
    """The plugin's hooks for the site's Content-Security-Policy (`render/policy.py`):
    every page gets it as it is written, and the staged site is checked before it is
    published. Script in a hand-written page, which the policy would block, is collected
    page by page and fails the build, all of it at once."""

    # Found in the build in progress (BriefingPlugin.on_config starts each build afresh).
    _blocked: tuple[Problem, ...] = ()

    # After every other plugin has changed the page: the policy holds the hashes of the
    # page's inline scripts as they are written.
    @event_priority(-100)
    @_plain_errors
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        content = page.content or ""
        if page.file.abs_src_path is not None:
            root = Path(config.config_file_path).resolve().parent
            where = display_path(Path(page.file.abs_src_path), root)
            self._blocked += tuple(content_problems(content, page.file.content_string, where))
        return protect(output, content)

    @event_priority(-100)
    @_plain_errors
    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        """404.html is a template rendered without a page: it gets the policy too."""
        return protect(output_content) if template_name.endswith(".html") else output_content

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        """The preview server adds an inline script to each page it serves (live reload),
        different every time: allow it in that page's policy as it is served. (MkDocs
        1.6's LiveReloadServer adds it in _inject_js_into_html; test_plugin.py calls it, so
        an upgrade that changes it is noticed.)"""
        inject = server._inject_js_into_html

        def inject_allowed(content: bytes, epoch: int) -> bytes:
            served: bytes = inject(content, epoch)
            page, served_page = (b.decode("utf-8", "surrogateescape") for b in (content, served))
            return allow_added_scripts(page, served_page).encode("utf-8", "surrogateescape")

        server._inject_js_into_html = inject_allowed  # type: ignore[method-assign]
        return server

    def _refuse_blocked_script(self) -> None:
        if self._blocked:
            raise PluginError(
                "briefing: hand-written pages hold script that the site's "
                "Content-Security-Policy would block; the previous site is kept:\n"
                + format_report(list(self._blocked))
            )

    def _refuse_unsafe_site(self, site: Path, site_url: str | None) -> None:
        """Fail the build if the staged site would load from another origin, or holds a
        page without the policy."""
        scan = scan_site(site, site_url)
        if scan.loads:
            raise PluginError(
                "briefing: the pages would load from other origins, which would see "
                "every reader; the previous site is kept. Remove what adds them:\n"
                + describe(scan.loads)
            )
        if scan.unprotected:
            raise PluginError(
                "briefing: these pages lack the site's Content-Security-Policy as the first "
                "element of their <head>, so nothing would stop script injected into them; "
                "the previous site is kept. Pages the theme renders get it: write a "
                "hand-written page as Markdown (docs/NAME.md), not as an .html file in "
                "docs/, which is published as it is:\n" + describe_unprotected(scan.unprotected)
            )


class BriefingPlugin(_SitePolicy, BasePlugin[BriefingPluginConfig]):
    _serving = False
    # The generated files, nav and briefings of the last build whose checks passed.
    _last_good: tuple[dict[str, str], list[Any], tuple[str, ...]] | None = None
    # The build in progress: where it writes, the lock it holds, and the real site_dir.
    _staging: Staging | None = None
    _lock: BuildLock | None = None
    _lock_path: Path | None = None
    _config: MkDocsConfig | None = None
    _site_dir: str | None = None
    _slugs: tuple[str, ...] = ()

    # Having on_startup keeps one plugin instance for a whole `mkdocs serve` session.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._serving = command == "serve"
        self._last_good = None
        if self._serving and threading.current_thread() is threading.main_thread():
            # A stopped `mkdocs serve` (SIGTERM from a task runner or an editor) shuts down
            # as after Ctrl-C: MkDocs then removes its temporary site and we our lock.
            signal.signal(signal.SIGTERM, _interrupt)

    @_plain_errors
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).resolve().parent
        self._blocked = ()
        # The same folders every `briefing` command reads (`Project.read` of mkdocs.yml).
        project = Project.of(root, dict(self.config))
        briefings_dir, seeds_dir = project.briefings_dir, project.seeds_dir
        docs_dir = Path(config.docs_dir)
        config.watch.extend(str(p) for p in (briefings_dir, seeds_dir) if p.is_dir())
        if (root / CHANGE_TITLES).is_file():
            config.watch.append(str(root / CHANGE_TITLES))
        # After a custom_dir of mkdocs.yml, before the theme's own templates.
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))

        only = _names(self.config.briefings)
        settings = _settings_problems(config, root, briefings_dir, seeds_dir)
        site_url = config.site_url if not settings else None
        feeds = Feeds(site_url, config.site_name) if site_url else None
        site = build_pages(root, briefings_dir, seeds_dir, only, docs_dir, feeds=feeds)
        problems = settings + site.problems
        for note in site.history_notes:
            log.info(note)
        if feeds is None:
            log.info(
                "Feeds: mkdocs.yml sets no site_url, so no Atom feed is written (a feed needs "
                "the site's absolute address); set site_url to publish them"
            )
        if self._serving and not only and len(site.heads) >= _MANY:
            log.info(
                f"Serving all {len(site.heads)} briefings: each change rebuilds every one. To "
                "preview one, and see an edit in a second or two: make serve BRIEFING=<folder>"
            )
        if has_errors(problems):
            report = format_report(problems)
            if not self._serving or self._last_good is None:
                raise PluginError("briefing check failed:\n" + report)
            log.error(
                "briefing check failed; serving the last good build until it passes:\n" + report
            )
            self._files, nav, self._slugs = self._last_good
        else:
            for problem in problems:
                log.warning(str(problem))
            self._files, self._slugs = site.files, tuple(head.slug for head in site.heads)
            nav = site_nav(site.heads, hand_written_nav(docs_dir))
            self._last_good = (self._files, nav, self._slugs)
        if config.nav is None:
            config.nav = nav
        return config

    @event_priority(100)
    @_plain_errors
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Point the build at a staging folder beside site_dir (MkDocs cleans and fills it)."""
        target = Path(config.site_dir)
        self._lock = BuildLock(target)
        self._lock_path = self._lock.path
        try:
            self._lock.acquire(on_wait=log.info)  # not a warning: strict mode would fail
            self._staging = Staging(target)
        except OutputBusy as exc:
            self._finish()
            raise PluginError(str(exc)) from None
        self._config, self._site_dir = config, config.site_dir
        config.site_dir = str(self._staging.path)

    @_plain_errors
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for path, content in self._files.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                raise PluginError(
                    f"docs/{path} would be replaced by a generated page; rename or remove it"
                )
            file = File.generated(config, path, content=content)
            if not is_nav_page(path):
                # Entity pages are linked from their index pages, not listed in the nav.
                file.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(file)
        _refuse_shared_addresses(files)
        return files

    # After every other plugin has written its files, so the search index sees every page.
    @event_priority(-100)
    @_plain_errors
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Swap the new site in, unless strict mode is about to fail the build."""
        if self._staging is None:
            return
        self._refuse_blocked_script()
        if config.strict and _strict_warnings():
            log.info("The previous site is kept: strict mode stops this build on its warnings")
        else:
            self._refuse_unsafe_site(self._staging.path, config.site_url or None)
            try:
                indexed = index_site(
                    self._staging.path, list(self._slugs), self.config.search_pages_per_index
                )
                log.info(f"Search: {indexed}")
            except SearchIndexFailed as exc:
                raise PluginError(f"briefing: {exc}") from None
            self._staging.publish()
            self._staging = None
        self._finish()

    def on_build_error(self, *, error: Exception) -> None:
        if self._staging is not None:
            log.info("The previous site is kept: this build failed")
        self._finish()

    def on_shutdown(self) -> None:
        self._finish()
        if self._serving and self._lock_path is not None:
            # `mkdocs serve` builds into a temporary folder it removes; remove our lock too.
            self._lock_path.unlink(missing_ok=True)

    def _finish(self) -> None:
        """Drop an unpublished staging folder, release the lock, restore site_dir."""
        if self._staging is not None:
            self._staging.discard()
            self._staging = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        if self._config is not None and self._site_dir is not None:
            self._config.site_dir = self._site_dir
        self._config = self._site_dir = None


def _settings_problems(
    config: MkDocsConfig, root: Path, briefings_dir: Path, seeds_dir: Path
) -> list[Problem]:
    """What is wrong with mkdocs.yml's site_dir and site_url (`settings.py`)."""
    config_file = Path(config.config_file_path)
    protected = protected_folders(root, briefings_dir, seeds_dir, Path(config.docs_dir))
    problems = site_dir_problems(config_file, Path(config.site_dir), root, protected)
    if config.site_url and (reason := site_url_problem(config.site_url)):
        line = setting_line(config_file, "site_url")
        problems.append(Problem(display_path(config_file, root), line, "site_url", reason))
    return problems


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


# From this many briefings on, `mkdocs serve` suggests previewing one.
_MANY = 5


def _names(setting: Sequence[Any] | str) -> list[str] | None:
    """The briefings option as a list of folder names, or None for all."""
    names = setting.split(",") if isinstance(setting, str) else setting
    return [str(name).strip() for name in names if str(name).strip()] or None


def _strict_warnings() -> bool:
    """Whether MkDocs has counted warnings it will fail a strict build on."""
    handlers = logging.getLogger("mkdocs").handlers
    return any(isinstance(h, CountHandler) and h.get_counts() for h in handlers)


def _refuse_shared_addresses(files: Files) -> None:
    """Two pages at one address would silently keep only one of them."""
    owners: dict[str, list[str]] = {}
    for file in files:
        owners.setdefault(file.dest_uri, []).append(file.src_uri)
    shared = {dest: srcs for dest, srcs in owners.items() if len(srcs) > 1}
    if shared:
        lines = [f"{dest}: {' and '.join(srcs)}" for dest, srcs in sorted(shared.items())]
        raise PluginError(
            "two pages would be written to the same address; rename one of each pair:\n"
            + "\n".join(lines)
        )
