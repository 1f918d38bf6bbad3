"""The MkDocs plugin `briefing`: glue between MkDocs and the plain pipeline modules.

It runs the checks in `on_config` (before MkDocs cleans `site/`, so a failed check leaves
the last good site in place), adds the generated pages with `File.generated`, sets a small
nav unless mkdocs.yml has one, and asks `mkdocs serve` to watch the fact sheets and sources.

Under `mkdocs serve`, a check that fails after a good build prints its problems and builds
the last good pages again: MkDocs's own server would otherwise stop answering until the
fact sheets are fixed, and an editor mid-change would lose the preview.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from .pages import SECTIONS, hand_written_nav, render_site, site_nav
from .pipeline import load_briefings
from .problems import format_report, has_errors

log = logging.getLogger(f"mkdocs.plugins.{__name__}")


class BriefingPluginConfig(Config):
    briefings_dir = opt.Type(str, default="briefings")
    """Folder of briefing folders, relative to mkdocs.yml."""
    seeds_dir = opt.Type(str, default="seeds")
    """Folder of source texts, relative to mkdocs.yml."""
    briefings = opt.ListOfItems(opt.Type(str), default=[])
    """Build only these briefings (folder names); empty builds all."""


class BriefingPlugin(BasePlugin[BriefingPluginConfig]):
    _serving = False
    # The generated files and nav of the last build whose checks passed.
    _last_good: tuple[dict[str, str], list[Any]] | None = None

    # Having on_startup keeps one plugin instance for a whole `mkdocs serve` session.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._serving = command == "serve"
        self._last_good = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).resolve().parent
        briefings_dir = root / self.config.briefings_dir
        seeds_dir = root / self.config.seeds_dir
        config.watch.extend(str(p) for p in (briefings_dir, seeds_dir) if p.is_dir())

        briefings, problems = load_briefings(
            root, briefings_dir, seeds_dir, self.config.briefings or None
        )
        if has_errors(problems):
            report = format_report(problems)
            if not self._serving or self._last_good is None:
                raise PluginError("briefing check failed:\n" + report)
            log.error("briefing check failed; serving the last good build until it passes:\n"
                      + report)
            self._files, nav = self._last_good
        else:
            for problem in problems:
                log.warning(str(problem))
            self._files = render_site(briefings)
            nav = site_nav(briefings, hand_written_nav(Path(config.docs_dir)))
            self._last_good = (self._files, nav)
        if config.nav is None:
            config.nav = nav
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for path, content in self._files.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                raise PluginError(f"docs/{path} would be replaced by a generated page; "
                                  "rename or remove it")
            file = File.generated(config, path, content=content)
            if not _is_nav_page(path):
                # Entity pages are linked from their index pages, not listed in the nav.
                file.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(file)
        return files


def _is_nav_page(path: str) -> bool:
    _, _, rest = path.partition("/")
    return path == "index.md" or rest == "index.md" or any(rest == p for _, p in SECTIONS)
