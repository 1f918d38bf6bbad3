"""Writing the site: every page of every briefing from its view and template, and the
data files. `render_site` returns {path under docs: Markdown or data text}; paths follow
the URL layout (`<slug>/timeline.md` becomes `<slug>/timeline/`).

Every value a template prints is escaped by `markup.md_text` unless a filter built it as
`Md`, so no fact sheet or article can put markup on the site.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from ..addresses import FEED_FILE, READING_PAGE, SECTIONS, SITEMAP_FILE, section_page
from ..analysis.build import analyse
from ..analysis.model import Analysis
from ..checks.briefing import Briefing
from ..collector import collector_paused
from ..export.data import DATA_FILES, data_files
from ..factsheets.model import Actor, Place
from ..history.log import History
from ..history.record import RECORD_FILE, corrections_record
from .feeds import Feeds, FeedSource, briefing_feed, briefing_sitemap, feed_url, site_feed
from .filters import FILTERS
from .markup import md_text, printable
from .nav import READING_TITLE
from .search import search_meta, search_words
from .views.base import Book
from .views.changes import changes_view
from .views.compare import compare_view
from .views.entities import actor_view, actors_view, place_view, places_view
from .views.facts import casualties_view, statements_view, timeline_view
from .views.glance import Glance, glance_view
from .views.overview import Headed, data_view, home_view, overview_view
from .views.reading import reading_view
from .views.sources import source_view, sources_view

__all__ = ["THEME_DIR", "briefing_glance", "render_briefing", "render_home", "render_site"]

# The theme's templates the site changes (each says why), put before the theme's own.
THEME_DIR = Path(__file__).parent / "theme"

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("generator.render", "templates"),
    undefined=jinja2.StrictUndefined,
    # Escape every printed value unless a filter built it as Markdown.
    finalize=md_text,
    autoescape=False,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
_ENV.filters.update(FILTERS)


@dataclass(frozen=True)
class Section:
    """One of a briefing's index pages: its title (in SECTIONS), template and view."""

    title: str
    template: str
    view: Callable[[Book], Any]


# A briefing's index pages; the overview is index.md, titled by the briefing.
_SECTIONS = (
    Section("Actors", "actors.md.j2", actors_view),
    Section("Places", "places.md.j2", places_view),
    Section("Timeline", "timeline.md.j2", timeline_view),
    Section("Casualty claims", "casualties.md.j2", casualties_view),
    Section("Statements", "statements.md.j2", statements_view),
    Section("Sources", "sources.md.j2", sources_view),
    Section("Source comparison", "compare.md.j2", compare_view),
    Section("Data", "data.md.j2", lambda book: data_view(DATA_FILES)),
    Section("Changes", "changes.md.j2", changes_view),
)
assert [s.title for s in _SECTIONS] == [title for title, _ in SECTIONS]


def _front_matter(
    title: str,
    briefing: str | None,
    search_words: list[str] | None = None,
    search_names: list[str] | None = None,
    feeds: list[dict[str, str]] | None = None,
    meta: dict[str, str] | None = None,
) -> str:
    # MkDocs takes a page's title from its first heading and keeps it entity-escaped;
    # Material prints it through `striptags`, which unescapes it, into <title> without
    # autoescaping, so a name like "</title><script>" would run. A title in front matter is
    # used instead and printed as given: escape it here. (JSON strings are YAML strings.)
    lines = [f"title: {json.dumps(html.escape(printable(title), quote=True), ensure_ascii=False)}"]
    # The theme's main.html prints these (escaped) for the search index: the briefing's
    # title labels each result, and an actor's or place's words and names find its page.
    if briefing is not None:
        lines.append(f"briefing: {json.dumps(printable(briefing), ensure_ascii=False)}")
    for key, values in (("search_words", search_words), ("search_names", search_names)):
        if values:
            printed = [printable(value) for value in values]
            lines.append(f"{key}: {json.dumps(printed, ensure_ascii=False)}")
    # What a search result says of the page, and how its words weigh (search.search_meta).
    for key, value in (meta or {}).items():
        lines.append(f"{key}: {json.dumps(printable(value), ensure_ascii=False)}")
    # The theme's main.html links each page to its feeds (<link rel="alternate">).
    if feeds:
        lines.append(f"feeds: {json.dumps(feeds, ensure_ascii=False)}")
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def _tidy(markdown: str) -> str:
    # No trailing spaces, no runs of blank lines, one final newline: the golden copy of the
    # pages then diffs cleanly.
    text = "\n".join(line.rstrip() for line in markdown.strip().splitlines())
    return re.sub(r"\n{3,}", "\n\n", text) + "\n"


def _page(
    path: str,
    template: str,
    title: str,
    view: Any,
    *,
    briefing: str | None = None,
    record: Actor | Place | None = None,
    search: dict[str, list[str]] | None = None,
    feeds: list[dict[str, str]] | None = None,
    folder: str = "",
) -> str:
    # `folder`: where `path` is in the site ("<slug>/" for a briefing's pages), for the
    # filters' links out of the briefing (to the reader's guide).
    markdown = _ENV.get_template(template).render(
        page_path=path, title=title, view=view, folder=folder
    )
    words = names = None
    if record is not None and search is not None:
        words, names = search[path.removesuffix(".md")], list(record.names)
    meta = search_meta(path) if briefing is not None else None
    return _front_matter(title, briefing, words, names, feeds, meta) + _tidy(markdown)


def render_briefing(
    briefing: Briefing,
    history: History | None = None,
    feeds: Feeds | None = None,
    analysis: Analysis | None = None,
) -> dict[str, str]:
    """Every generated file of one briefing: {path relative to docs: text}. `history` is its
    change log (None: not read); `feeds` says where the site is, to write its feed;
    `analysis` is what is computed from its facts, if the caller has it already."""
    with collector_paused():
        return _briefing_files(briefing, history, feeds, analysis or analyse(briefing))


def _briefing_files(
    briefing: Briefing, history: History | None, feeds: Feeds | None, analysis: Analysis
) -> dict[str, str]:
    of = briefing.info.title
    fed = feeds is not None and history is not None and not history.unavailable
    book = Book(briefing, analysis, history, fed)
    links = _feed_links(feeds, briefing.slug, of) if fed else None

    def page(path: str, template: str, title: str, view: Any, **more: Any) -> str:
        folder = f"{briefing.slug}/"
        return _page(path, template, title, view, briefing=of, feeds=links, folder=folder, **more)

    pages = {"index.md": page("index.md", "overview.md.j2", of, overview_view(book))}
    for section in _SECTIONS:
        path = section_page(section.title)
        pages[path] = page(path, section.template, section.title, section.view(book))
    words = search_words([*briefing.actors, *briefing.places])
    for actor in briefing.actors:
        path = f"actors/{actor.id}.md"
        pages[path] = page(
            path, "actor.md.j2", actor.name, actor_view(book, actor), record=actor, search=words
        )
    for place in briefing.places:
        path = f"places/{place.id}.md"
        pages[path] = page(
            path, "place.md.j2", place.name, place_view(book, place), record=place, search=words
        )
    for source in briefing.sources:
        path = f"sources/{source.id}.md"
        pages[path] = page(path, "source.md.j2", source.short_label, source_view(book, source))
    pages.update(data_files(book.briefing, book.analysis))
    if fed and feeds is not None and history is not None:
        pages[FEED_FILE] = briefing_feed(FeedSource(briefing.slug, of, history), feeds)
        # What Material's bundle fetches beside the feed's link (feeds.py says why).
        listed = [path for path in pages if path.endswith(".md")]
        pages[SITEMAP_FILE] = briefing_sitemap(feeds, briefing.slug, listed)
    return {f"{briefing.slug}/{path}": content for path, content in pages.items()}


def briefing_glance(
    briefing: Briefing, history: History | None = None, analysis: Analysis | None = None
) -> Glance:
    """The briefing's "at a glance" box, for its entry on the home page (its overview has
    its own): what `render_briefing` computes it from."""
    return glance_view(Book(briefing, analysis or analyse(briefing), history))


def _feed_links(feeds: Feeds | None, slug: str | None, title: str | None) -> list[dict[str, str]]:
    if feeds is None:
        return []
    links = [{"title": f"{title}: changes", "href": feed_url(feeds, slug)}] if slug else []
    return [*links, {"title": f"{feeds.site_name}: changes", "href": feed_url(feeds)}]


def render_home(
    briefings: Sequence[Headed],
    histories: dict[str, History] | None = None,
    feeds: Feeds | None = None,
    glances: Mapping[str, Glance] | None = None,
) -> dict[str, str]:
    """The site's own pages (the home page, which lists every briefing, and the reader's
    guide), the record of the corrections it publishes and, with `feeds`, the site's feed
    of every briefing's change log that could be read. `glances` holds each briefing's
    "at a glance" box, by folder."""
    title = "Conflict briefings"
    known = {slug: h for slug, h in (histories or {}).items() if not h.unavailable}
    fed = feeds is not None and bool(known)
    links = _feed_links(feeds, None, None) if fed else None
    files = {
        "index.md": _page(
            "index.md", "home.md.j2", title, home_view(briefings, glances, histories), feeds=links
        ),
        READING_PAGE: _page(READING_PAGE, "how-to-read.md.j2", READING_TITLE, reading_view()),
    }
    if known:
        # What the next build compares its log with: no published correction is lost.
        files[RECORD_FILE] = corrections_record(known)
    if fed and feeds is not None:
        sources = [
            FeedSource(b.slug, b.info.title, known[b.slug]) for b in briefings if b.slug in known
        ]
        files[FEED_FILE] = site_feed(sources, feeds)
    return files


def render_site(
    briefings: list[Briefing],
    histories: dict[str, History] | None = None,
    feeds: Feeds | None = None,
) -> dict[str, str]:
    """Every generated file of the site: {path relative to docs: text}. Without
    `histories`, the Changes pages say the change log was not read."""
    files: dict[str, str] = {}
    histories = histories or {}
    glances = {}
    for briefing in briefings:
        history, analysis = histories.get(briefing.slug), analyse(briefing)
        files.update(render_briefing(briefing, history, feeds, analysis))
        glances[briefing.slug] = briefing_glance(briefing, history, analysis)
    files.update(render_home(briefings, histories, feeds, glances))
    return files
