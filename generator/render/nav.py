"""The site's navigation: each briefing's index pages, then the hand-written pages."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..addresses import READING_PAGE, SECTIONS
from ..confine import InputRefused, read_inside
from .views.overview import Headed

__all__ = ["READING_TITLE", "hand_written_nav", "is_nav_page", "site_nav"]

# The reader's guide (views/reading.py), listed after the home page.
READING_TITLE = "How to read a briefing"


def hand_written_nav(docs_dir: Path) -> list[dict[str, str]]:
    """Nav entries for the Markdown pages in docs_dir (e.g. the editors' guide), titled by
    their first heading. A page that is a link out of docs_dir is never read (the checks
    report it): its file name stands in for the title."""
    entries = []
    for path in sorted(docs_dir.glob("*.md")):
        try:
            text = read_inside(path, docs_dir, limit=1_000_000, what="page").decode("utf-8")
        except (InputRefused, UnicodeDecodeError):
            text = ""
        heading = next((line for line in _body(text) if line.startswith("# ")), "")
        title = heading.lstrip("# ").strip()
        entries.append({html.escape(title, quote=True) or path.stem: path.name})
    return entries


def _body(text: str) -> list[str]:
    """A page's lines past its front matter (a `---` block of YAML, whose comments also
    start with '#')."""
    lines = text.splitlines()
    if lines[:1] == ["---"] and "---" in lines[1:]:
        return lines[lines.index("---", 1) + 1 :]
    return lines


def site_nav(briefings: Sequence[Headed], extra: list[dict[str, str]] | None = None) -> list[Any]:
    """A small nav: the index pages of each briefing; entity pages are linked from them.

    (A flat nav of every entity page makes each page carry the whole nav.) `extra`
    entries, such as `hand_written_nav`, come after the briefings.
    """
    nav: list[Any] = [{"All briefings": "index.md"}, {READING_TITLE: READING_PAGE}]
    for briefing in briefings:
        slug = briefing.slug
        section: list[Any] = [f"{slug}/index.md"]
        section += [{title: f"{slug}/{path}"} for title, path in SECTIONS]
        # Nav titles are printed unescaped by the theme.
        nav.append({html.escape(briefing.info.title, quote=True): section})
    nav += extra or []
    return nav


def is_nav_page(path: str) -> bool:
    """Whether a generated page (path under docs) is listed in the nav: the home page and
    each briefing's index pages, not the page of each actor, place and source."""
    _, _, rest = path.partition("/")
    if path in ("index.md", READING_PAGE):
        return True
    return rest == "index.md" or any(rest == p for _, p in SECTIONS)
