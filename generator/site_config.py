"""The project's mkdocs.yml, read as data by the CLI (which does not import MkDocs): its
docs_dir, and the plain config `briefing render` writes beside the rendered pages."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from .checks.briefing import Briefing
from .render.feeds import Feeds
from .render.nav import hand_written_nav, site_nav
from .render.site import THEME_DIR

__all__ = ["ConfigUnreadable", "docs_dir_of", "feeds_of", "plain_config", "read_config"]


class ConfigUnreadable(Exception):
    """mkdocs.yml is not valid YAML; the message says so in one line."""


def docs_dir_of(root: Path) -> Path:
    """The hand-written pages' folder: mkdocs.yml's docs_dir, `docs` by default."""
    return root / str(read_config(root / "mkdocs.yml").get("docs_dir") or "docs")


def feeds_of(root: Path) -> Feeds | None:
    """Where the feeds go: mkdocs.yml's site_url and site_name; None without a site_url."""
    config = read_config(root / "mkdocs.yml")
    site_url = config.get("site_url")
    if not site_url or not isinstance(site_url, str):
        return None
    return Feeds(site_url, str(config.get("site_name") or "Briefings"))


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as data: `!ENV` as MkDocs reads it (the variable's value, else the
    default), other tags (`!!python/name:`, which we do not need) as nothing."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    names: list[Any]
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        *names, default = loader.construct_sequence(node, deep=True)  # type: ignore[arg-type]
    return next((os.environ[n] for n in names if isinstance(n, str) and n in os.environ), default)


_AnyTagLoader.add_constructor("!ENV", _env_tag)
_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    except yaml.YAMLError as exc:
        raise ConfigUnreadable(f"briefing: {path.name} is not valid YAML: {exc}") from None
    return data if isinstance(data, dict) else {}


def plain_config(config_path: Path, briefings: list[Briefing]) -> dict[str, Any]:
    """The project's mkdocs.yml without the briefing plugin, with the nav it would set."""
    config = read_config(config_path)
    config.setdefault("docs_dir", "docs")
    plugins = [p for p in config.get("plugins", ["search"]) if _plugin_name(p) != "briefing"]
    hand_written = hand_written_nav(config_path.parent / config["docs_dir"])
    config.update(plugins=plugins, nav=site_nav(briefings, hand_written), site_dir="site")
    theme = config.get("theme")
    if isinstance(theme, dict) and not theme.get("custom_dir"):
        # The plugin puts the generator's theme changes before the theme's own templates.
        theme["custom_dir"] = str(THEME_DIR)
    return config


def _plugin_name(entry: Any) -> str:
    return next(iter(entry)) if isinstance(entry, dict) else str(entry)
