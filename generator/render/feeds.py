"""The change logs as Atom feeds (RFC 4287): one per briefing, one for the whole site, an
entry per change-log entry, newest first.

A feed's links must be absolute, so feeds are written only when the site's address
(mkdocs.yml's `site_url`) is known. Entries carry the change in words as plain text and
never the commit's author: an editor's name stays off the public site.

Beside a briefing's feed goes a sitemap of the briefing's pages (`briefing_sitemap`).
Every page links to its feeds with `<link rel="alternate">`, and Material's bundle reads
every such link as another language version of the site: it fetches `sitemap.xml` beside
the linked address (`setupAlternate`, whose selector matches any `rel=alternate`). Beside
the site's feed that is MkDocs's own sitemap; beside a briefing's there was none, and every
briefing page logged a 404. The sitemap is a true one, of the briefing's own pages, so
Material reads it as it reads the site's and a reader's click goes nowhere new.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..addresses import FEED_FILE, built_directory
from ..history.entries import Entry, History, entry_lines
from .markup import printable

__all__ = ["FeedSource", "Feeds", "briefing_feed", "briefing_sitemap", "feed_url", "site_feed"]

_ATOM = "http://www.w3.org/2005/Atom"
_SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
ET.register_namespace("", _ATOM)


@dataclass(frozen=True)
class Feeds:
    """Where the site is published (mkdocs.yml's site_url) and its name: what a feed needs."""

    site_url: str
    site_name: str


@dataclass(frozen=True)
class FeedSource:
    """A briefing whose change log goes into a feed."""

    slug: str
    title: str
    history: History


def feed_url(feeds: Feeds, slug: str | None = None) -> str:
    """The absolute address of a briefing's feed, or of the site's (slug None)."""
    return _base(feeds.site_url) + (f"{slug}/" if slug else "") + FEED_FILE


def briefing_feed(briefing: FeedSource, feeds: Feeds) -> str:
    """The Atom feed of one briefing's change log."""
    entries = [(briefing, e) for e in briefing.history.entries]
    return _feed(
        feeds.site_url,
        feed_url(feeds, briefing.slug),
        _page_url(feeds.site_url, briefing.slug),
        f"{briefing.title}: changes",
        feeds.site_name,
        entries,
        briefing.history.as_of,
    )


def site_feed(briefings: Sequence[FeedSource], feeds: Feeds) -> str:
    """The Atom feed of every briefing's change log, newest first."""
    entries = [(b, e) for b in briefings for e in b.history.entries]
    entries.sort(key=lambda pair: pair[1].date, reverse=True)
    as_of = max((b.history.as_of or "" for b in briefings), default="") or None
    return _feed(
        feeds.site_url,
        feed_url(feeds),
        _base(feeds.site_url),
        f"{feeds.site_name}: changes",
        feeds.site_name,
        entries,
        as_of,
    )


def briefing_sitemap(feeds: Feeds, slug: str, pages: Iterable[str]) -> str:
    """A sitemap (sitemaps.org 0.9) of one briefing's pages (paths relative to its
    folder), for the address beside its feed."""
    urlset = ET.Element(f"{{{_SITEMAP}}}urlset")
    for page in pages:
        url = ET.SubElement(urlset, f"{{{_SITEMAP}}}url")
        address = f"{_base(feeds.site_url)}{slug}/{built_directory(page)}"
        ET.SubElement(url, f"{{{_SITEMAP}}}loc").text = printable(address)
    ET.indent(urlset)
    text = ET.tostring(urlset, encoding="unicode", default_namespace=_SITEMAP)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + text + "\n"


def _base(site_url: str) -> str:
    return site_url if site_url.endswith("/") else site_url + "/"


def _page_url(site_url: str, slug: str) -> str:
    return f"{_base(site_url)}{slug}/{built_directory('changes.md')}"


def _feed(
    site_url: str,
    self_url: str,
    page_url: str,
    title: str,
    author: str,
    entries: list[tuple[FeedSource, Entry]],
    as_of: str | None,
) -> str:
    feed = ET.Element(f"{{{_ATOM}}}feed")
    _text(feed, "id", self_url)
    _text(feed, "title", title)
    newest = entries[0][1].date if entries else as_of
    _text(feed, "updated", newest or "1970-01-01T00:00:00Z")
    ET.SubElement(feed, f"{{{_ATOM}}}link", rel="self", href=self_url)
    ET.SubElement(feed, f"{{{_ATOM}}}link", rel="alternate", type="text/html", href=page_url)
    _text(ET.SubElement(feed, f"{{{_ATOM}}}author"), "name", author)
    for briefing, entry in entries:
        feed.append(_entry(briefing, entry, _page_url(site_url, briefing.slug)))
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _entry(briefing: FeedSource, entry: Entry, url: str) -> ET.Element:
    element = ET.Element(f"{{{_ATOM}}}entry")
    _text(element, "id", f"{url}#{entry.anchor}")
    prefix = "Correction: " if entry.corrections else ""
    _text(element, "title", f"{prefix}{briefing.title}: {entry.subject}")
    _text(element, "updated", entry.date)
    ET.SubElement(
        element, f"{{{_ATOM}}}link", rel="alternate", type="text/html", href=f"{url}#{entry.anchor}"
    )
    content = _text(element, "content", "\n".join(entry_lines(entry)))
    content.set("type", "text")
    return element


def _text(parent: ET.Element, name: str, text: str) -> ET.Element:
    # Characters XML 1.0 cannot hold (control characters) would make the feed invalid.
    child = ET.SubElement(parent, f"{{{_ATOM}}}{name}")
    child.text = printable(text)
    return child
