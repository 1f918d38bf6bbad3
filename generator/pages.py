"""Markdown pages for checked briefings, rendered with Jinja2 templates.

`render_site` returns {path under docs: Markdown or data text}. Paths follow the URL
layout (`<slug>/timeline.md` becomes `<slug>/timeline/`). Every value a template prints is
escaped by `markup.md_text` unless our own code built it as `Md`, so no fact sheet or
article can put markup on the site.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections import Counter
from pathlib import Path
from typing import Any

import jinja2

from .addresses import SECTIONS, incident_anchor
from .analysis import Analysis, ClaimGroup, FactRef, analyse, describe_claim
from .charts import TimelineRow, casualty_chart, timeline_chart
from .checks.briefing import Briefing
from .confine import InputRefused, read_inside
from .corroboration import CREDIBILITY_SCALE, RELIABILITY_SCALE
from .coverage import CoverageItem, percent, waiver_counts
from .data_export import DATA_FILES, data_files
from .disagreement import WordChange, closest_rendering, word_diff
from .factsheets.dates import DateRange
from .factsheets.model import (
    Actor,
    CasualtyClaim,
    Citation,
    Event,
    Place,
    Source,
    Statement,
    Waiver,
)
from .markup import Md, attr, md_text, printable, safe_url
from .sources.reuse import SharedPassage
from .words import describe_count

__all__ = ["SECTIONS", "PageContext", "hand_written_nav", "render_site", "site_nav"]

# Joins the pieces of a statement one source quotes in several places.
_JOIN = "…"
# Stands for the part of a statement a source does not quote.
_NOT_QUOTED = '<span class="briefing-not-quoted" title="not quoted by this source">[…]</span>'

# Shared runs shorter than this are listed in the figures but not quoted on the page.
MIN_PASSAGE = 10

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("generator", "templates"),
    undefined=jinja2.StrictUndefined,
    # Escape every printed value unless the generator itself marked it as Markdown.
    finalize=md_text,
    autoescape=False,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
_ENV.globals["incident_anchor"] = incident_anchor


class PageContext:
    """Link and citation helpers for one page, so templates never build paths or markup."""

    def __init__(self, briefing: Briefing, analysis: Analysis, path: str) -> None:
        self.briefing = briefing
        self.analysis = analysis
        self.path = path  # relative to the briefing folder, e.g. "actors/x.md"
        self._sources = {s.id: s for s in briefing.sources}
        self._actors = {a.id: a for a in briefing.actors}
        self._places = {p.id: p for p in briefing.places}
        self._events = {e.id: e for e in briefing.events}

    def url(self, target: str, anchor: str | None = None) -> str:
        link = posixpath.relpath(target, posixpath.dirname(self.path) or ".")
        return f"{link}#{anchor}" if anchor else link

    def html_url(self, target: str) -> str:
        """A link to a page as the built site has it (`sources/x/`), for raw HTML, where
        MkDocs does not rewrite `.md` links."""
        here, there = _built_directory(self.path), _built_directory(target)
        return posixpath.relpath(there or ".", here or ".") + "/"

    def link(self, text: object, target: str, anchor: str | None = None) -> Md:
        return Md(f"[{md_text(text)}]({self.url(target, anchor)})")

    def fact(self, ref: FactRef) -> Md:
        return self.link(ref.label, ref.page, ref.anchor)

    def actor(self, actor_id: str | None) -> Md:
        if actor_id is None:
            return Md("the reporting outlet (unattributed)")
        return self.link(self._actors[actor_id].name, f"actors/{actor_id}.md")

    def actor_name(self, actor_id: str) -> str:
        return self._actors[actor_id].name

    def statement(self, statement_id: str) -> Md:
        return self.fact(self.analysis.facts["statements", statement_id])

    def statement_meta(self, statement: Statement) -> Md:
        parts = [self.single_source_flag("statements", statement.id),
                 self.credibility_badge("statements", statement.id)]
        if statement.date_phrase:
            parts.append(md_text(f"the source says “{statement.date_phrase}”"))
        if statement.time:
            parts.append(md_text(f"time: {statement.time}"))
        return Md(" · ".join(p for p in parts if p))

    def actors(self, ids: list[str]) -> Md:
        return Md(", ".join(self.actor(i) for i in ids))

    def place(self, place_id: str | None) -> Md:
        if place_id is None:
            return Md("")
        return self.link(self._places[place_id].name, f"places/{place_id}.md")

    def places(self, ids: list[str]) -> Md:
        return Md(", ".join(self.place(i) for i in ids))

    def event(self, event_id: str) -> Md:
        return self.fact(self.analysis.facts["events", event_id])

    def source(self, source_id: str) -> Md:
        return self.link(self._sources[source_id].short_label, f"sources/{source_id}.md")

    def sources(self, ids: list[str]) -> Md:
        return Md(", ".join(self.source(i) for i in ids))

    def paragraph(self, source_id: str, number: int) -> Md:
        label = f"{self._sources[source_id].short_label} ¶{number}"
        return self.link(label, f"sources/{source_id}.md", f"p{number}")

    def cite(self, citation: Citation) -> Md:
        assert citation.paragraph is not None
        quote = md_text(f"“{citation.quote.strip()}”")
        return Md(f"{self.paragraph(citation.source, citation.paragraph)}: {quote}")

    def cite_short(self, citation: Citation) -> Md:
        assert citation.paragraph is not None
        return self.paragraph(citation.source, citation.paragraph)

    def claim_sources(self, claim: CasualtyClaim) -> Md:
        return Md(", ".join(self.cite_short(c) for c in claim.citations))

    def badge(self, status: str) -> Md:
        # Statuses come from a fixed list, but escape anyway: a template may pass any value.
        return Md(f'<span class="briefing-badge briefing-{attr(status)}">{md_text(status)}</span>')

    def single_source_flag(self, kind: str, record_id: str) -> Md:
        """A badge on a fact that one lineage carries (a source and what derives from it)."""
        key = (kind, record_id)
        if not self.analysis.single_lineage(key):
            return Md("")
        sources = [self._sources[s].short_label for s in self.analysis.carried_by[key]]
        title = "Carried only by " + " and ".join(sources)
        if len(sources) > 1:
            title += ", which are one lineage (one derives from the other)"
        return Md(f'<span class="briefing-badge briefing-single" title="{attr(title)}">'
                  "single source</span>")

    def credibility_badge(self, kind: str, record_id: str) -> Md:
        grade = self.analysis.credibility[kind, record_id]
        edited = " (editor)" if grade.override else ""
        return Md(f'<span class="briefing-badge briefing-cred-{grade.grade}" '
                  f'title="{attr("; ".join(grade.steps))}">{grade.grade} · '
                  f"{md_text(grade.label)}{edited}</span>")

    def credibility_steps(self, kind: str, record_id: str) -> Md:
        """How the grade came about, one clause per step: for the fact's own entry."""
        grade = self.analysis.credibility[kind, record_id]
        return Md(f"**Credibility {grade.grade} ({md_text(grade.label)}):** "
                  + md_text("; then ".join(grade.steps)) + ".")

    def lineages(self, key: tuple[str, str]) -> Md:
        """The independent lineages carrying a fact, each with its derived sources."""
        return Md("; ".join(" + ".join(self.source(s) for s in group)
                            for group in self.analysis.lineages.get(key, [])))

    def lineage_count(self, key: tuple[str, str]) -> int:
        return len(self.analysis.lineages.get(key, []))

    def lineage_of(self, source_id: str) -> Md:
        root = self.analysis.lineage_of[source_id]
        members = self.analysis.lineage_members(root)
        if len(members) == 1:
            return Md("independent (no declared derivation)")
        return Md(f"one lineage with {self.sources([m for m in members if m != source_id])}")

    def reliability(self, source: Source) -> Md:
        if source.reliability is None:
            return Md("F, not graded by an editor")
        grade = source.reliability.grade
        return md_text(f"{grade}, {RELIABILITY_SCALE[grade]}")

    def credibility_scale(self) -> Md:
        return Md(", ".join(f"{n} {md_text(label)}" for n, label in CREDIBILITY_SCALE.items()))

    def reliability_scale(self) -> Md:
        return Md(", ".join(f"{k} {md_text(label)}" for k, label in RELIABILITY_SCALE.items()))

    def external(self, text: object, url: str | None) -> Md:
        safe = safe_url(url)
        return Md(f"[{md_text(text)}]({safe})") if safe else md_text(url or "")

    def count(self, claim: CasualtyClaim) -> str:
        return describe_count(claim)

    def claim(self, claim: CasualtyClaim) -> Md:
        event = self._events[claim.incident]
        text = f"{describe_claim(claim)}, as of {claim.as_of}"
        return Md(f"{self.link(text, 'casualties.md', claim.id)} ({md_text(event.title)})")

    def paragraphs(self, text: str) -> Md:
        """Free text, keeping the editor's blank-line paragraph breaks."""
        blocks = [b for b in text.split("\n\n") if b.strip()]
        return Md("\n\n".join(md_text(b) for b in blocks))

    def period(self) -> str:
        start, end = self.briefing.info.period.start, self.briefing.info.period.end
        if start == end:
            return start.strftime("%-d %B %Y")
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{end.strftime('%-d %B %Y')}"
        return f"{start.strftime('%-d %B %Y')} – {end.strftime('%-d %B %Y')}"

    def figure_verdict(self, group: ClaimGroup) -> Md:
        verdict = group.comparison.verdict
        if verdict == "one figure":
            return Md("one figure")
        label = _verdict_label(verdict)
        return Md(f'<span class="briefing-badge briefing-figures-{attr(verdict)}" '
                  f'title="{attr(group.comparison.reason)}">{md_text(label)}</span>')

    def figure_reason(self, group: ClaimGroup) -> Md:
        text = group.comparison.reason
        if group.takes_unspecified:
            text += (f". Figures that do not say who was hit are compared with the {group.group}"
                     ", the only group the sources name for this loss")
        return md_text(text[:1].upper() + text[1:] + ".")

    def language(self, source: Source) -> str:
        if source.translation:
            original = source.original_language or "an unknown language"
            return f"{source.language}, translated from {original}"
        return source.language

    def derived_by(self, source_id: str) -> list[str]:
        return [s.id for s in self.briefing.sources if source_id in s.derived_from]

    def facts_citing(self, source_id: str) -> list[FactRef]:
        by_paragraph = self.analysis.citing.get(source_id, {})
        return list(dict.fromkeys(ref for refs in by_paragraph.values() for ref in refs))

    def fact_list(self, refs: list[FactRef]) -> Md:
        return Md("; ".join(self.fact(r) for r in refs))

    def roles(self, actor_id: str, event: Event) -> str:
        roles = [
            role
            for role, ids in (
                ("involved", event.actors),
                ("claims it", event.claimed_by),
                ("confirms it", event.confirmed_by),
                ("denies it", event.denied_by),
            )
            if actor_id in ids
        ]
        return ", ".join(roles)

    def names_table(self, kind: str, record: Actor | Place) -> Md:
        used = self.analysis.names_used.get((kind, record.id), {})
        rows = ["| Source | Names used (times) |", "|---|---|"]
        for source in self.briefing.sources:
            names = self.names_in(kind, record.id, source.id)
            rows.append(f"| {self.source(source.id)} | {names} |")
        if not used:
            rows.append("")
            rows.append("None of its names appears in the displayed texts.")
        return Md("\n".join(rows))

    def names_in(self, kind: str, record_id: str, source_id: str) -> Md:
        counts = self.analysis.names_used.get((kind, record_id), {}).get(source_id, Counter())
        variants = self.analysis.name_variants.get((kind, record_id), {}).get(source_id,
                                                                               Counter())
        names = [f"{md_text(name)} ({n})" for name, n in counts.most_common()]
        names += [f'<span class="briefing-variant" title="not listed as an alias">⚑ '
                  f"{md_text(name)} ({n})</span>" for name, n in variants.most_common()]
        return Md(", ".join(names) if names else "—")

    def statement_diff(self, statement: Statement) -> list[dict[str, Md]]:
        """Each source's rendering word by word against the one closest to all the others;
        a source quoting the statement in pieces has them joined with "…"."""
        pieces: dict[str, list[Citation]] = {}
        for citation in statement.citations:
            pieces.setdefault(citation.source, []).append(citation)
        renderings = [f" {_JOIN} ".join(c.quote.strip() for c in cs) for cs in pieces.values()]
        base = closest_rendering(renderings)
        rows = []
        for i, citations in enumerate(pieces.values()):
            where = Md(", ".join(dict.fromkeys(self.cite_short(c) for c in citations)))
            if i == base:
                rows.append({"source": where, "share": Md("base"),
                             "words": md_text(renderings[i])})
                continue
            changes, share = word_diff(renderings[base], renderings[i])
            rows.append({"source": where, "share": Md(f"{share:.0%}"),
                         "words": self._marked_words(changes)})
        return rows

    @staticmethod
    def _marked_words(changes: list[WordChange]) -> Md:
        words: list[str] = []
        for change in changes:
            text = md_text(change.text)
            if change.change == "outside":
                # One mark for each run of the base this source does not quote.
                if not words or words[-1] != _NOT_QUOTED:
                    words.append(_NOT_QUOTED)
                continue
            tag = {"added": "ins", "dropped": "del"}.get(change.change)
            if change.text == _JOIN:
                tag = None  # where we joined a source's pieces, not a word of its own
            words.append(f"<{tag}>{text}</{tag}>" if tag else text)
        return Md(" ".join(words))

    def framing_table(self, actor_id: str) -> Md:
        """How each source describes an actor: the words, and the sentence they are in."""
        rows = ["| Source | Describes them as | In the sentence |", "|---|---|---|"]
        for source_id, found in self.analysis.descriptions.get(actor_id, {}).items():
            for d in found:
                rows.append(f"| {self.paragraph(source_id, d.paragraph)} | "
                            f"**{md_text(d.words)}** | “{md_text(d.sentence)}” |")
        return Md("\n".join(rows))

    def named_records(self) -> list[tuple[str, Actor | Place]]:
        return [("actors", a) for a in self.briefing.actors] + [
            ("places", p) for p in self.briefing.places
        ]

    def groups_by_incident(self) -> list[tuple[Event, list[ClaimGroup]]]:
        grouped: dict[str, list[ClaimGroup]] = {}
        for group in self.analysis.claim_groups:
            grouped.setdefault(group.incident.id, []).append(group)
        return [(self._events[event_id], groups) for event_id, groups in grouped.items()]

    def coverage_rows(self) -> list[tuple[tuple[str, str], FactRef]]:
        keys = (
            [("events", e.id) for e in self.analysis.events]
            + [("claims", c.id) for g in self.analysis.claim_groups for c in g.claims]
            + [("statements", s.id) for s in self.analysis.statements]
        )
        return [(key, self.analysis.facts[key]) for key in keys]

    def single_lineage_rows(self) -> list[tuple[tuple[str, str], FactRef]]:
        return [(key, ref) for key, ref in self.coverage_rows()
                if self.analysis.single_lineage(key)]

    def coverage_cell(self, key: tuple[str, str], source_id: str) -> Md:
        paragraphs = self.analysis.carried_by.get(key, {}).get(source_id, [])
        links = [self.link(f"¶{n}", f"sources/{source_id}.md", f"p{n}") for n in paragraphs]
        return Md(" ".join(links) if links else "—")

    def coverage_summary(self, source_id: str | None = None) -> Md:
        """A table row per source (or the one source) of what the facts capture of it."""
        rows = ["| Source | Figures captured | Names known | Waived | Not captured | Share |",
                "|---|---|---|---|---|---|"]
        by_source = self.analysis.coverage.by_source
        ids = [source_id] if source_id else [s.id for s in self.briefing.sources]
        for sid in ids:
            rows.append(self._coverage_row(self.source(sid), by_source[sid].items))
        if source_id is None:
            rows.append(self._coverage_row(Md("**All sources**"), self.analysis.coverage.items))
        return Md("\n".join(rows))

    def _coverage_row(self, label: Md, items: list[CoverageItem]) -> str:
        def share(kind: str, covered_by: str) -> str:
            of_kind = [i for i in items if i.kind == kind]
            return f"{sum(i.covered_by == covered_by for i in of_kind)} of {len(of_kind)}"

        waived = sum(i.covered_by == "waiver" for i in items)
        missing = sum(not i.captured for i in items)
        return (f"| {label} | {share('figure', 'fact')} | {share('name', 'known name')} | "
                f"{waived} | {missing} | {percent(items):.0f}% |")

    def coverage_missing(self, source_id: str) -> list[CoverageItem]:
        return self.analysis.coverage.by_source[source_id].missing

    def coverage_waivers(self, source_id: str) -> list[tuple[Waiver, int]]:
        """The waivers that excused something in this source, with how many items each."""
        return waiver_counts(self.analysis.coverage.by_source[source_id].items)

    def coverage_item(self, item: CoverageItem) -> Md:
        what = (f"figure ({md_text(item.text)})" if item.kind == "figure"
                else f"name “{md_text(item.text)}”")
        where = self.paragraph(item.source, item.paragraph)
        return Md(f"{where}: {what}: “{md_text(item.sentence)}”")

    def reuse_cell(self, a: str, b: str) -> Md:
        if a == b:
            return Md("—")
        reuse = self.briefing.reuse
        return Md(f"{reuse.shared[a, b]:.1f}% ({reuse.narration[a, b]:.1f}%)")

    def reuse_pairs(self) -> list[tuple[str, str, list[SharedPassage]]]:
        """Pairs of sources with shared passages of at least MIN_PASSAGE words, the pair
        with more reuse first; each pair once, as seen from its first source."""
        ids = [s.id for s in self.briefing.sources]
        pairs = []
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                passages = [p for p in self.briefing.reuse.passages[a, b]
                            if p.words >= MIN_PASSAGE]
                if passages:
                    pairs.append((a, b, passages))
        return sorted(pairs, key=lambda t: -self.briefing.reuse.shared[t[0], t[1]])

    def passage(self, p: SharedPassage) -> Md:
        kind = " (quotation)" if p.quoted else ""
        return Md(f"{self.paragraph(p.a, p.paragraph_a)} · {self.paragraph(p.b, p.paragraph_b)}"
                  f"{kind}, {p.words} words: “{md_text(p.text)}”")

    def derivation_graph(self) -> Md:
        """Declared derivation as an SVG drawn at build time: a box per source, an arrow
        from each source to what it derives from."""
        sources = self.briefing.sources
        row = 44
        height = row * len(sources) + 8
        y = {s.id: 8 + row * i for i, s in enumerate(sources)}
        parts = [f'<svg class="briefing-graph" viewBox="0 0 640 {height}" width="640" '
                 f'height="{height}" role="group" aria-labelledby="derivation--title">',
                 '<title id="derivation--title">Declared derivation between sources</title>',
                 '<defs><marker id="derivation--arrow" viewBox="0 0 10 10" refX="10" refY="5" '
                 'markerWidth="8" markerHeight="8" orient="auto-start-reverse">'
                 '<path d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>']
        for s in sources:
            label = html.escape(printable(s.short_label), quote=True)
            parts.append(f'<a href="{attr(self.html_url(f"sources/{s.id}.md"))}">'
                         f'<rect x="4" y="{y[s.id]}" width="360" height="32" rx="4"/>'
                         f'<text x="14" y="{y[s.id] + 21}">{label}</text></a>')
        for k, s in enumerate(sources):
            for origin in s.derived_from:
                x = 380 + 40 * (k % 6)
                y1, y2 = y[s.id] + 16, y[origin] + 16
                parts.append(f'<path class="briefing-edge" d="M 364 {y1} C {x} {y1}, {x} '
                             f'{y2}, 364 {y2}" marker-end="url(#derivation--arrow)"/>')
        parts.append("</svg>")
        # A <div> at the start of a line makes a raw HTML block that Markdown leaves alone;
        # a bare <svg> would be a paragraph, and Markdown inside its labels would render.
        return Md('<div class="briefing-figure">' + "".join(parts) + "</div>")

    def timeline_chart(self) -> Md:
        rows = [TimelineRow(e, f"#{e.id}") for e in self.analysis.events]
        title = f"Timeline of {len(rows)} events; the shaded band is the briefing period"
        period = self.briefing.info.period
        span = DateRange(period.start, period.end, self.period())
        return _figure(timeline_chart(rows, span, title),
                       "Each row links to its entry below, which gives the sources.")

    def casualty_chart(self, incident: Event, groups: list[ClaimGroup]) -> Md:
        def row_label(claim: CasualtyClaim) -> str:
            when = claim.as_of.strftime("%-d %b") + (f" {claim.as_of_time}"
                                                      if claim.as_of_time else "")
            who = self.actor_name(claim.claimant) if claim.claimant else "unattributed"
            sources = ", ".join(dict.fromkeys(self._sources[c.source].short_label
                                              for c in claim.citations))
            return f"{when} · {who} · {sources}"

        svg = casualty_chart(f"Figures for {incident.title}, in the order they were given",
                             groups, row_label, lambda c: f"#{c.id}",
                             lambda g: _verdict_label(g.comparison.verdict))
        return _figure(svg, "The same figures are listed in the tables below, with sources.")

    def cite_line(self, kind: str, record_id: str) -> Md:
        """A reference to one fact that a reader can copy: the fact, the sources and
        paragraphs carrying it, the briefing, and the fact's permalink."""
        ref = self.analysis.facts[kind, record_id]
        carried = self.analysis.carried_by.get((kind, record_id), {})
        sources = "; ".join(
            f"{self._sources[s].short_label} " + ", ".join(f"¶{n}" for n in paragraphs)
            for s, paragraphs in carried.items())
        info = self.briefing.info
        text = (f"{ref.label}. Sources: {sources}. In “{info.title}”, last reviewed "
                f"{info.last_reviewed.strftime('%-d %B %Y')}.")
        link = f"{self.briefing.slug}/{_built_directory(ref.page)}#{ref.anchor}"
        # briefing.js replaces the link's text with the absolute URL the reader sees.
        return Md(f'<span class="briefing-cite"><span class="briefing-cite-label">Cite:</span> '
                  f'<span class="briefing-cite-text">{md_text(text)} <a class="briefing-permalink" '
                  f'href="#{attr(ref.anchor)}">{md_text(link)}</a></span></span>')

    def figures_in(self, group: ClaimGroup, source_id: str) -> Md:
        figures = [
            self.link(describe_count(c), "casualties.md", c.id)
            for c in group.claims
            if any(cit.source == source_id for cit in c.citations)
        ]
        return Md(", ".join(figures) if figures else "—")


def _built_directory(path: str) -> str:
    """Where a page of the briefing lands in the built site: `sources/x.md` → `sources/x/`,
    `actors/index.md` → `actors/`, `index.md` → ``."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def _verdict_label(verdict: str) -> str:
    """A figure verdict as readers see it: 'update' is 'update over time'."""
    return {"update": "update over time"}.get(verdict, verdict)


def _figure(svg: str, caption: str) -> Md:
    # A <figure> at the start of a line makes a raw HTML block that Markdown leaves alone,
    # so the escaped labels inside stay text. Search skips the chart: its labels repeat the
    # entries beside it.
    return Md(f'<figure class="briefing-figure" data-search-exclude><div class="briefing-scroll">'
              f"{svg}</div><figcaption>{html.escape(caption)}</figcaption></figure>")


def _front_matter(title: str, search_words: list[str] | None = None) -> str:
    # MkDocs takes a page's title from its first heading and keeps it entity-escaped;
    # Material prints it through `striptags`, which unescapes it, into <title> without
    # autoescaping, so a name like "</title><script>" would run. A title in front matter is
    # used instead and printed as given: escape it here. (JSON strings are YAML strings.)
    lines = [f"title: {json.dumps(html.escape(printable(title), quote=True), ensure_ascii=False)}"]
    if search_words:
        # Material's search results print tags as HTML: `<`, `>` and `&` are escaped (the
        # browser test caught an <img onerror> alias running there); quotes are kept, so
        # "Russia's" matches as typed.
        tags = [html.escape(printable(word), quote=False) for word in search_words]
        lines.append(f"tags: {json.dumps(tags, ensure_ascii=False)}")
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def search_words(records: list[Actor | Place]) -> dict[str, list[str]]:
    """The words each actor's or place's page is found by: its `tags` in the search index.

    Material's search gives a page's tags a boost a million times its text's, so a page
    whose tags hold every word of a query comes first. Each page gets the words of its
    name and aliases, less the words that are another record's one-word name or begin
    with it: searching "Russia" must find Russia, not the Freedom of Russia Legion, and
    "Graivoron" the town, not Graivoron district (Material matches "graivoron*", so
    "Graivoronsk" counts). Prefixes shorter than four letters ("US") only drop the same
    word. Keys are "<kind>/<id>".
    """
    def words(name: str) -> list[str]:
        return [w for w in re.split(r"[\s\-]+", name.lower()) if w]

    one_word: dict[str, set[str]] = {}
    for record in records:
        for name in record.names:
            if len(words(name)) == 1:
                one_word.setdefault(words(name)[0], set()).add(_record_key(record))

    def taken(word: str, key: str) -> bool:
        return any(key not in owners and (word == name or (len(name) >= 4
                                                           and word.startswith(name)))
                   for name, owners in one_word.items())

    result = {}
    for record in records:
        key = _record_key(record)
        found = dict.fromkeys(w for n in record.names for w in words(n))
        result[key] = [w for w in found if not taken(w, key)]
    return result


def _record_key(record: Actor | Place) -> str:
    return f"{'actors' if isinstance(record, Actor) else 'places'}/{record.id}"


def _render(template: str, ctx: PageContext, title: str, search_words: list[str] | None = None,
            **values: Any) -> str:
    page = _ENV.get_template(template).render(
        page=ctx, briefing=ctx.briefing, analysis=ctx.analysis, info=ctx.briefing.info,
        sections=SECTIONS, title=title, **values,
    )
    return _front_matter(title, search_words) + _tidy(page)


def _tidy(markdown: str) -> str:
    # No trailing spaces, no runs of blank lines, one final newline: the golden copy of the
    # pages then diffs cleanly.
    text = "\n".join(line.rstrip() for line in markdown.strip().splitlines())
    return re.sub(r"\n{3,}", "\n\n", text) + "\n"


def _briefing_pages(briefing: Briefing) -> dict[str, str]:
    analysis = analyse(briefing)

    def page(path: str, template: str, title: str, **values: Any) -> tuple[str, str]:
        return path, _render(template, PageContext(briefing, analysis, path), title, **values)

    titles = {path: title for title, path in SECTIONS}
    pages = dict(
        [
            page("index.md", "overview.md.j2", briefing.info.title),
            page("actors/index.md", "actors.md.j2", titles["actors/index.md"]),
            page("places/index.md", "places.md.j2", titles["places/index.md"]),
            page("timeline.md", "timeline.md.j2", titles["timeline.md"]),
            page("casualties.md", "casualties.md.j2", titles["casualties.md"]),
            page("statements.md", "statements.md.j2", titles["statements.md"]),
            page("sources/index.md", "sources.md.j2", titles["sources/index.md"]),
            page("compare.md", "compare.md.j2", titles["compare.md"]),
            page("data/index.md", "data.md.j2", titles["data/index.md"], data_files=DATA_FILES),
        ]
    )
    words = search_words([*briefing.actors, *briefing.places])
    for actor in briefing.actors:
        pages.update([page(f"actors/{actor.id}.md", "actor.md.j2", actor.name, actor=actor,
                           search_words=words[f"actors/{actor.id}"])])
    for place in briefing.places:
        pages.update([page(f"places/{place.id}.md", "place.md.j2", place.name, place=place,
                           search_words=words[f"places/{place.id}"])])
    for source in briefing.sources:
        pages.update([page(f"sources/{source.id}.md", "source.md.j2", source.short_label,
                           source=source, text=briefing.texts[source.id])])
    pages.update(data_files(briefing, analysis))
    return {f"{briefing.slug}/{path}": content for path, content in pages.items()}


def render_site(briefings: list[Briefing]) -> dict[str, str]:
    """Every generated file of the site: {path relative to docs: text}."""
    files: dict[str, str] = {}
    for briefing in briefings:
        files.update(_briefing_pages(briefing))
    home = _ENV.get_template("home.md.j2").render(briefings=briefings, title="Conflict briefings")
    files["index.md"] = _front_matter("Conflict briefings") + _tidy(home)
    return files


def hand_written_nav(docs_dir: Path) -> list[dict[str, str]]:
    """Nav entries for the Markdown pages in docs_dir (e.g. the editors' guide), titled by
    their first line. A page that is a link out of docs_dir is never read (the checks
    report it): its file name stands in for the title."""
    entries = []
    for path in sorted(docs_dir.glob("*.md")):
        try:
            text = read_inside(path, docs_dir, limit=1_000_000, what="page").decode("utf-8")
        except (InputRefused, UnicodeDecodeError):
            text = ""
        title = text.partition("\n")[0].lstrip("# ").strip()
        entries.append({html.escape(title, quote=True) or path.stem: path.name})
    return entries


def site_nav(briefings: list[Briefing], extra: list[dict[str, str]] | None = None) -> list[Any]:
    """A small nav: the index pages of each briefing; entity pages are linked from them.

    (A flat nav of every entity page makes each page carry the whole nav.) `extra`
    entries, such as `hand_written_nav`, come after the briefings.
    """
    nav: list[Any] = [{"Home": "index.md"}]
    for briefing in briefings:
        slug = briefing.slug
        section: list[Any] = [f"{slug}/index.md"]
        section += [{title: f"{slug}/{path}"} for title, path in SECTIONS]
        # Nav titles are printed unescaped by the theme.
        nav.append({html.escape(briefing.info.title, quote=True): section})
    nav += extra or []
    return nav

