"""Where a briefing's pages and facts live in the built site: one table for the pages and
the checks, so an id can be refused before it would take an address the generator uses.

Entity pages are `<kind>/<id>.md` beside the kind's `index.md`; events, claims and
statements are anchors (`#<id>`) on one list page each, beside the anchors that page makes
for itself: its title's, and on the casualties page one per incident. Anchors the generator
adds elsewhere (charts, figures, groups of figures) hold a double hyphen, which neither an id
nor a heading's anchor can contain, so they never collide.
"""

from __future__ import annotations

import re

from .kinds import Kind

__all__ = [
    "SECTIONS",
    "heading_anchor",
    "incident_anchor",
    "reserved_anchors",
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
]

def heading_anchor(title: str) -> str:
    """The anchor MkDocs's table of contents gives a heading (Python-Markdown's slugify)."""
    text = re.sub(r"[^\w\s-]", "", title).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


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
