"""Where a briefing's pages and facts live, decided in one place: for the pages (which
link to them), the data files and the checks (which refuse an id that would take an address
the generator uses).

Paths are relative to the briefing's folder (`timeline.md`, `actors/x.md`). MkDocs turns
`actors/x.md` into `actors/x/`: `built_directory` and `html_url` say where a page lands, for
raw HTML, whose links MkDocs does not rewrite.

Entity pages are `<kind>/<id>.md` beside the kind's `index.md`; events, claims and
statements are anchors (`#<id>`) on one list page each, beside the anchors that page makes
for itself: its title's, and on the casualties page one per incident. Anchors the generator
adds elsewhere (charts, figures, groups of figures) hold a double hyphen, which neither an id
nor a heading's anchor can contain, so they never collide.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from markdown.extensions.toc import slugify

from .factsheets.kinds import Kind

__all__ = [
    "FEED_FILE",
    "READING_PAGE",
    "READING_SECTIONS",
    "SECTIONS",
    "SITEMAP_FILE",
    "Target",
    "assertion_anchor",
    "built_directory",
    "group_anchor",
    "heading_anchor",
    "hidden_anchor",
    "html_url",
    "incident_anchor",
    "paragraph_anchor",
    "reading_guide",
    "record_address",
    "relative_url",
    "reserved_anchors",
    "section_page",
    "source_page",
    "taken_address",
]

# The index pages of a briefing, in nav order: (title, path relative to the briefing).
SECTIONS = [
    ("Actors", "actors/index.md"),
    ("Places", "places/index.md"),
    ("Timeline", "timeline.md"),
    ("Casualty claims", "casualties.md"),
    ("Statements", "statements.md"),
    ("Sources", "sources/index.md"),
    ("Source comparison", "compare.md"),
    ("Data", "data/index.md"),
    ("Changes", "changes.md"),
]


# A briefing's change log as an Atom feed, beside its pages; the site's, at the top.
FEED_FILE = "feed.xml"
# A sitemap of a briefing's pages, beside its feed (render/feeds.py says why).
SITEMAP_FILE = "sitemap.xml"

# The reader's guide to the words the pages compute, at the site's top (path under docs),
# and the anchors of its sections, which badges and the overview link to.
READING_PAGE = "how-to-read.md"
READING_SECTIONS = (
    "at-a-glance",
    "status",
    "credibility",
    "lineages",
    "verdicts",
    "scopes",
    "errata",
)


@dataclass(frozen=True)
class Target:
    """A link as a page's view holds it: its text, and where it goes in the briefing."""

    text: str
    page: str
    anchor: str | None = None


def reading_guide(text: str, section: str | None = None) -> Target:
    """A link from a page of a briefing to the reader's guide, or to one of its sections
    (READING_SECTIONS): "Status: confirmed" → ../how-to-read.md#status."""
    assert section is None or section in READING_SECTIONS, section
    return Target(text, f"../{READING_PAGE}", section)


def section_page(title: str) -> str:
    """The path of one of the briefing's index pages, by its title in SECTIONS."""
    return next(path for name, path in SECTIONS if name == title)


def record_address(kind: Kind, record_id: str) -> tuple[str, str | None]:
    """(page, anchor) of a record: a page of its own, or an anchor on its kind's page."""
    assert kind.page is not None, f"{kind.name} are not shown on a page"
    if kind.page.endswith("/"):
        return f"{kind.page}{record_id}.md", None
    return kind.page, record_id


def source_page(source_id: str) -> str:
    return f"sources/{source_id}.md"


def paragraph_anchor(number: int) -> str:
    """A source paragraph's anchor: its block's position in the file, which never moves."""
    return f"p{number}"


def hidden_anchor(block: int) -> str:
    """The anchor of a source's hidden lines from one block, in its "Hidden" list."""
    return f"hidden-{block}"


def group_anchor(
    incident: str, category: str, group: str, place: str | None = None, scope: str | None = None
) -> str:
    """The anchor of the figures for one loss (of one place and scope) on the casualties
    page."""
    parts = [incident, category, group, *(p for p in (place, scope) if p)]
    return "--".join(re.sub(r"[^a-z0-9]+", "-", p.lower()).strip("-") for p in parts)


def relative_url(here: str, page: str, anchor: str | None = None) -> str:
    """A Markdown link from page `here` to `page` (both briefing paths), MkDocs rewrites."""
    link = posixpath.relpath(page, posixpath.dirname(here) or ".")
    return f"{link}#{anchor}" if anchor else link


def built_directory(path: str) -> str:
    """Where a page of the briefing lands in the built site: `sources/x.md` → `sources/x/`,
    `actors/index.md` → `actors/`, `index.md` → ``."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def html_url(here: str, page: str) -> str:
    """A link from page `here` to `page` as the built site has them, for raw HTML."""
    there, here_dir = built_directory(page), built_directory(here)
    return posixpath.relpath(there or ".", here_dir or ".") + "/"


def heading_anchor(title: str) -> str:
    """The anchor MkDocs's table of contents gives a heading: Python-Markdown's own slugify,
    which mkdocs.yml's `toc` uses ("Café — naïve" is `cafe-naive`)."""
    return str(slugify(title, "-"))


def assertion_anchor(event_id: str, about: str, version: int | None = None) -> str:
    """The anchor of an event's assertion on the timeline ("raid--responsibility"), or of
    its `version`-th rival version ("raid--responsibility--2")."""
    anchor = f"{event_id}--{about}"
    return anchor if version is None else f"{anchor}--{version}"


def incident_anchor(event_id: str) -> str:
    """The anchor of an incident's section on the casualties page."""
    return f"incident-{event_id}"


def reserved_anchors(kind: Kind, event_ids: list[str]) -> dict[str, str]:
    """The anchors the page holding `kind`'s records makes for itself: {anchor: what it is}
    (none for a kind whose records have pages of their own, or no page)."""
    if kind.page is None or kind.page.endswith("/"):
        return {}
    title = next(t for t, path in SECTIONS if path == kind.page)
    reserved = {heading_anchor(title): f"the title of the {title} page"}
    if kind.name == "claims":
        reserved |= {incident_anchor(e): f"the section of incident '{e}'" for e in event_ids}
    return reserved


def taken_address(kind: Kind, record_id: str, event_ids: list[str]) -> str | None:
    """What a record's id would take from a page, in words, or None: `index` would replace
    a kind's list page; an anchor of the page its records stand on would be shared."""
    if kind.page is None:
        return None
    if kind.page.endswith("/"):
        if record_id == "index":
            return f"the address of the {kind.name} list page ({kind.page})"
        return None
    reserved = reserved_anchors(kind, event_ids)
    if record_id in reserved:
        return f"the anchor of {reserved[record_id]} on {kind.page}"
    return None
