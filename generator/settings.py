"""The settings of mkdocs.yml that decide what a build may write and what a page may load,
checked as inputs: an editor (or a pull request) changes them as easily as a fact sheet.

- Where the site goes. A build replaces its output folder whole, so `site_dir: seeds` once
  replaced every source text with the site, and `site_dir: .git` the repository. The output
  may not be, or hold, the project folder; it may not be, hold or lie inside an input
  folder, `.git` or `.cache`; and a folder that is there already must look like a built
  site (or be empty), so that `site_dir: generator` or `tests` is refused too. `briefing
  render --out` follows the same rule.
- The site's address. `site_url` is printed into every page (Material's canonical link) and
  every feed: only an http(s) address with no spaces, quotes, `<>`, query or fragment.
- The plugin. Without `briefing` under `plugins`, a build makes a site with no briefings.

Each refusal is a `Problem` at the line of mkdocs.yml that sets the value.
"""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path

from .problems import Problem, display_path
from .project import PLUGIN, plugin_entries

__all__ = [
    "PLUGIN",
    "output_folder_problem",
    "plugin_problem",
    "protected_folders",
    "setting_line",
    "site_dir_problems",
    "site_url_problem",
]


# What a folder MkDocs built has at its top; a folder with none of them, and with files in
# it, was not made by a build and is never replaced by one.
_BUILT_SITE_MARKS = ("index.html", "404.html", "sitemap.xml", "sitemap.xml.gz")


def setting_line(config_file: Path, key: str) -> int:
    """The line of mkdocs.yml that sets the top-level `key` (1 if none does)."""
    try:
        lines = config_file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    found = (n for n, line in enumerate(lines, 1) if re.match(rf"{re.escape(key)}\s*:", line))
    return next(found, 1)


def protected_folders(
    root: Path, briefings_dir: Path, seeds_dir: Path, docs_dir: Path
) -> dict[str, Path]:
    """The folders, by name, that no output may be, hold or lie in: the inputs, the
    repository and the history's cache."""
    return {
        "briefings": briefings_dir,
        "seeds": seeds_dir,
        "docs": docs_dir,
        "git": root / ".git",
        "cache": root / ".cache",
    }


def output_folder_problem(target: Path, root: Path, protected: dict[str, Path]) -> str | None:
    """Why the folder `target` cannot be replaced by a build's output, or None.

    `protected` names the folders no output may be, hold or lie in (the inputs, `.git`,
    `.cache`); the project folder `root` may be neither the output nor inside it."""
    try:
        real = target.resolve()
    except (OSError, RuntimeError):  # RuntimeError: Python 3.11's word for a link loop
        return "is a symbolic link loop"
    if root.resolve().is_relative_to(real):
        return "is the project folder, or a folder around it"
    for name, folder in protected.items():
        try:
            inputs = folder.resolve()
        except (OSError, RuntimeError):
            continue  # an input folder that loops holds nothing; the check locates it
        if real.is_relative_to(inputs) or inputs.is_relative_to(real):
            where = (
                "is" if real == inputs else "is inside" if real.is_relative_to(inputs) else "holds"
            )
            return f"{where} the project's {name} folder"
    return None


def _unbuilt_files(target: Path) -> bool:
    """Whether `target` is a folder with files that no build made."""
    if not target.is_dir():
        return False
    entries = [p.name for p in target.iterdir()]
    return bool(entries) and not any(mark in entries for mark in _BUILT_SITE_MARKS)


def site_dir_problems(
    config_file: Path, site_dir: Path, root: Path, protected: dict[str, Path]
) -> list[Problem]:
    """The problems with mkdocs.yml's site_dir, where a build writes the site."""
    shown = display_path(site_dir, root)
    if reason := output_folder_problem(site_dir, root, protected):
        why = (
            f"'{shown}' {reason}, which a build would replace whole; build into a folder of "
            "its own, such as site"
        )
    elif site_dir.exists() and not site_dir.is_dir():
        why = f"'{shown}' is a file; name a folder, such as site"
    elif _unbuilt_files(site_dir):
        why = (
            f"'{shown}' holds files a build did not write (it has no index.html, 404.html or "
            "sitemap.xml), and a build replaces the folder whole; build into a new folder, "
            "or move these files away yourself"
        )
    else:
        return []
    line = setting_line(config_file, "site_dir")
    return [Problem(display_path(config_file, root), line, "site_dir", why)]


# What may not appear in an address printed into pages and feeds.
_UNSAFE_IN_URL = re.compile(r"[\s\"'<>`\\{}|^]")


def site_url_problem(site_url: str) -> str | None:
    """Why `site_url` cannot be the site's published address, or None."""
    if found := _UNSAFE_IN_URL.search(site_url):
        char = found.group()
        what = "a space" if char.isspace() else f"'{char}'"
        return f"'{site_url}' holds {what}; give the address as a browser shows it"
    try:
        parts = urllib.parse.urlsplit(site_url)
        parts.port  # noqa: B018 - a port that is not a number raises here
    except ValueError as exc:  # "Invalid IPv6 URL", a port out of range
        return (
            f"'{site_url}' is not a valid address ({exc}); give the address as a browser shows it"
        )
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return (
            f"'{site_url}' is not an http(s) address; give the address the site is "
            "published at, such as https://example.org/briefings/"
        )
    if parts.query or parts.fragment or "?" in site_url or "#" in site_url:
        return (
            f"'{site_url}' has a query or fragment ('?', '#'); feeds and pages append "
            "paths to it: give the address without them"
        )
    return None


def plugin_problem(config_file: Path, plugins: object) -> Problem | None:
    """A problem if mkdocs.yml's `plugins` setting leaves out the briefing plugin."""
    if PLUGIN in plugin_entries(plugins):
        return None
    return Problem(
        config_file.name,
        setting_line(config_file, "plugins"),
        "plugins",
        f"the '{PLUGIN}' plugin is not listed, so a build would make a site without the "
        f"briefings; add `- {PLUGIN}` under plugins (`briefing render` makes a site "
        "that needs no plugin)",
    )
