"""The project's mkdocs.yml, read as data by the CLI (which does not import MkDocs): its
docs_dir, and the plain config `briefing render` writes beside the rendered pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .checks.briefing import Briefing
from .project import PLUGIN, ConfigUnreadable, plugin_name, read_config
from .render.feeds import Feeds
from .render.nav import hand_written_nav, site_nav
from .render.site import THEME_DIR

__all__ = ["ConfigUnreadable", "feeds_of", "plain_config", "read_config"]


def feeds_of(root: Path) -> Feeds | None:
    """Where the feeds go: mkdocs.yml's site_url and site_name; None without a site_url."""
    config = read_config(root / "mkdocs.yml")
    site_url = config.get("site_url")
    if not site_url or not isinstance(site_url, str):
        return None
    return Feeds(site_url, str(config.get("site_name") or "Briefings"))


def plain_config(config_path: Path, briefings: list[Briefing]) -> dict[str, Any]:
    """The project's mkdocs.yml without the briefing plugin, with the nav it would set."""
    config = read_config(config_path)
    config.setdefault("docs_dir", "docs")
    plugins = [p for p in config.get("plugins", ["search"]) if plugin_name(p) != PLUGIN]
    hand_written = hand_written_nav(config_path.parent / config["docs_dir"])
    config.update(plugins=plugins, nav=site_nav(briefings, hand_written), site_dir="site")
    theme = config.get("theme")
    if isinstance(theme, dict) and not theme.get("custom_dir"):
        # The plugin puts the generator's theme changes before the theme's own templates.
        theme["custom_dir"] = str(THEME_DIR)
    return config
