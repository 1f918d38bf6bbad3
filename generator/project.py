"""The project: its folders, read once from mkdocs.yml (the `briefing` plugin's options
`briefings_dir` and `seeds_dir`, and `docs_dir`), so that every command reads the folders the
build reads. mkdocs.yml is read as data: the CLI does not import MkDocs."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "FOLDER_OPTIONS",
    "PLUGIN",
    "ConfigUnreadable",
    "Project",
    "plugin_entries",
    "plugin_name",
    "read_config",
]

# The plugin's name under `plugins`, and its folder options with their defaults (plugin.py
# declares the same options for MkDocs).
PLUGIN = "briefing"
FOLDER_OPTIONS = {"briefings_dir": "briefings", "seeds_dir": "seeds"}


@dataclass(frozen=True)
class Project:
    """A project folder and the folders it reads: the fact sheets, the sources and the
    hand-written pages."""

    root: Path
    briefings_dir: Path
    seeds_dir: Path
    docs_dir: Path

    @classmethod
    def read(cls, root: Path) -> Project:
        """The project in `root`, its folders as its mkdocs.yml sets them (defaults without
        one). ConfigUnreadable if mkdocs.yml is not YAML."""
        config = read_config(root / "mkdocs.yml")
        options = plugin_options(config)
        return cls.of(root, options, config.get("docs_dir"))

    @classmethod
    def of(cls, root: Path, options: dict[str, Any], docs_dir: Any = None) -> Project:
        """The project with these plugin options (as the plugin's config gives them)."""
        folders = {
            name: root / str(options.get(name) or default)
            for name, default in FOLDER_OPTIONS.items()
        }
        return cls(
            root, folders["briefings_dir"], folders["seeds_dir"], root / str(docs_dir or "docs")
        )


def plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    """The `briefing` plugin's options in a mkdocs.yml read as data ({} if none)."""
    options = plugin_entries(config.get("plugins")).get(PLUGIN)
    return options if isinstance(options, dict) else {}


def plugin_entries(plugins: object) -> dict[str, Any]:
    """mkdocs.yml's `plugins` as {name: options}, from either form MkDocs takes: a list of
    names and `name: options` mappings, or one mapping of names to options."""
    if isinstance(plugins, dict):
        return {str(name): options for name, options in plugins.items()}
    found: dict[str, Any] = {}
    for entry in plugins if isinstance(plugins, list) else []:
        if isinstance(entry, dict):
            found |= {str(name): options for name, options in entry.items()}
        else:
            found[str(entry)] = None
    return found


def plugin_name(entry: Any) -> str:
    """The name of one entry of mkdocs.yml's `plugins` list."""
    return next(iter(entry)) if isinstance(entry, dict) else str(entry)


class ConfigUnreadable(Exception):
    """mkdocs.yml is not valid YAML; the message says so in one line."""


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
