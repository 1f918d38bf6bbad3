"""The filters templates print views with, bound to the page being written (the way
MkDocs gives themes a `url` filter): links relative to the page, citations, badges, grades,
figures, charts. Every filter returns `Md`, Markdown built here from escaped values.

A claim's figure is printed with its claimant and as-of, each part marked for the test that
walks the built site (tests/test_attribution.py): the figure with `data-figure`, who gives
it with `data-claimant` and when with `data-as-of`, each holding the claim's id.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Iterable
from typing import Any

import jinja2

from ..addresses import Target, html_url, relative_url
from ..analysis.statements import JOIN, WordChange
from . import charts
from .badges import BADGE_FILTERS, badge_link, correction_badge
from .markup import Md, attr, md_text, safe_url
from .values import (
    CasualtyChart,
    CiteLine,
    ClaimantLine,
    ClaimFigure,
    DerivationGraph,
    FactHistory,
    FigureLink,
    Grade,
    NamesUsed,
    Quote,
    TimelineChart,
)

__all__ = ["FILTERS"]

# Stands for the part of a statement a source does not quote.
_NOT_QUOTED = '<span class="briefing-not-quoted" title="not quoted by this source">[…]</span>'


def _here(context: jinja2.runtime.Context) -> str:
    return str(context["page_path"])


@jinja2.pass_context
def link(context: jinja2.runtime.Context, value: Target | str | None) -> Md:
    """A link to a page of the briefing, relative to this page; text as it is (a link to a
    claim with its figure, claimant and as-of marked)."""
    if value is None:
        return Md("")
    if isinstance(value, str):
        return md_text(value)
    path = _relative(_here(context), value.page)
    label = md_text(value.text)
    if isinstance(value, FigureLink) and value.figure is not None:
        label = Md(md_text(value.prefix) + _figure_label(value.figure, value.short))
    return Md(f"[{label}]({path}#{value.anchor})" if value.anchor else f"[{label}]({path})")


# ---------------------------------------------------------------------------------------
# Figures: never without who gives them and as of when


def _marked(part: str, claims: str, text: str) -> str:
    """Markdown `text` in a span marking it as part `part` ("figure", "claimant", "as-of")
    of the claims `claims` (ids, space-separated)."""
    return f'<span data-{part}="{attr(claims)}">{text}</span>'


def _figure_label(figure: ClaimFigure, short: bool = False) -> Md:
    """A claim's link text: '12 civilians wounded (Armed men cross …), according to
    Vyacheslav Gladkov, as of 23 May 2023 (date of publication)'; `short`: '12, according
    to Vyacheslav Gladkov, as of 23 May (date of publication)'."""
    said = figure.said
    what, when = (said.figure, said.as_of_day) if short else (said.what, said.as_of)
    context = "" if short else " " + md_text(f"({figure.incident})")
    return Md(
        _marked("figure", figure.claim, md_text(what))
        + f"{context}, "
        + _marked("claimant", figure.claim, md_text(said.according_to))
        + ", "
        + _marked("as-of", figure.claim, md_text(f"as of {when}"))
    )


def figure(value: ClaimFigure) -> Md:
    """The figure alone, in bold, for a table whose row names its claimant and as-of."""
    return Md(_marked("figure", value.claim, f"**{md_text(value.said.figure)}**"))


def _who(context: jinja2.runtime.Context, value: ClaimFigure, according: bool) -> Md:
    """Who gives a figure, the claimant's name linking to its page."""
    said = value.said
    if value.claimant is None:
        return md_text(said.according_to if according else said.claimant)
    name = link(context, Target(said.claimant, value.claimant.page))
    return Md(f"according to {name}" if according else name)


@jinja2.pass_context
def claimant(context: jinja2.runtime.Context, value: ClaimFigure) -> Md:
    """Who gives a figure, for a table's column: 'Vyacheslav Gladkov', "the outlet's own
    count (MONDO)"."""
    return Md(_marked("claimant", value.claim, _who(context, value, according=False)))


def as_of(value: ClaimFigure) -> Md:
    """When a figure was given, without the year: '23 May (date of publication)'."""
    return Md(_marked("as-of", value.claim, md_text(value.said.as_of_day)))


@jinja2.pass_context
def said(context: jinja2.runtime.Context, value: ClaimFigure, linked: bool = False) -> Md:
    """'**12**, according to [Vyacheslav Gladkov](…), as of 23 May (date of publication)';
    `linked`: the figure links to its entry on the casualties page."""
    who = _marked("claimant", value.claim, _who(context, value, according=True))
    when = _marked("as-of", value.claim, md_text(f"as of {value.said.as_of_day}"))
    shown = figure(value)
    if linked:
        entry = link(context, Target(value.said.figure, value.entry.page, value.entry.anchor))
        shown = Md(_marked("figure", value.claim, f"**{entry}**"))
    return Md(f"{shown}, {who}, {when}")


@jinja2.pass_context
def claimant_line(context: jinja2.runtime.Context, line: ClaimantLine) -> Md:
    """ "**According to [Vyacheslav Gladkov](…):** **[12 civilians wounded](…)** in Belgorod
    region (Armed men cross …), as of 23 May (date of publication); …", the claimant
    marked as giving every figure of the line."""
    first = line.figures[0][0]
    who = _who(context, first, according=True)
    parts = []
    for value, covers in line.figures:
        said = value.said
        what = link(context, Target(said.what, value.entry.page, value.entry.anchor))
        where = " " + md_text(covers) if covers else ""
        when = _marked("as-of", value.claim, md_text(f"as of {said.as_of_day}"))
        incident = md_text(f"({value.incident})")
        parts.append(f"{_marked('figure', value.claim, f'**{what}**')}{where} {incident}, {when}")
    ids = " ".join(value.claim for value, _ in line.figures)
    return Md(_marked("claimant", ids, f"**{who[:1].upper()}{who[1:]}:**") + " " + "; ".join(parts))


# Every page links to the same few hundred pages many times: each path is worked out once.
@functools.lru_cache(maxsize=1 << 16)
def _relative(here: str, page: str) -> str:
    return relative_url(here, page)


@jinja2.pass_context
def links(
    context: jinja2.runtime.Context, values: Iterable[Target | str], separator: str = ", "
) -> Md:
    return Md(separator.join(link(context, v) for v in values))


@jinja2.pass_context
def cite(context: jinja2.runtime.Context, quote: Quote) -> Md:
    """'[The Guardian ¶8](...): “the words”', with how the source words a figure and, for
    an erratum, a flag and what is wrong."""
    text = f"{link(context, quote.where)}: {md_text(f'“{quote.quote.strip()}”')}"
    if quote.entry:
        text += " " + md_text(f"(live-blog entry {quote.entry})")
    if quote.rendering:
        text += " " + md_text(f"(gives it as “{quote.rendering}”)")
    if quote.erratum is not None:
        flag = badge_link(context, "errata", "briefing-erratum", "Erratum", "counts for nothing")
        text += f" {flag} " + md_text(quote.erratum)
    return Md(text)


@jinja2.pass_context
def lineages(context: jinja2.runtime.Context, groups: Iterable[Iterable[Target]]) -> Md:
    """Independent lineages: each its sources joined with ' + ', the lineages with '; '."""
    return Md("; ".join(" + ".join(link(context, t) for t in group) for group in groups))


def external(url: str | None) -> Md:
    """A link off the site, only for an http(s) URL; any other is shown as text."""
    safe = safe_url(url)
    return Md(f"[{md_text(url)}]({safe})") if safe else md_text(url or "")


def reuse_share(shares: tuple[float, float] | None) -> Md:
    """'30.7% (22.4%)': a source's words, and its narration, found in another; '—' for
    itself."""
    if shares is None:
        return Md("—")
    return Md(f"{shares[0]:.1f}% ({shares[1]:.1f}%)")


def grade_steps(value: Grade) -> Md:
    """How the grade came about, one clause per step: for the fact's own entry."""
    return Md(
        f"**Credibility {value.grade} ({md_text(value.label)}):** "
        + md_text("; then ".join(value.steps))
        + "."
    )


def count(value: int) -> Md:
    """A count in a table ("Events: 3"), marked so that search leaves it out of the index:
    in a result's excerpt, a column of counts reads as "1. 0." and says nothing."""
    return Md(f'<span class="briefing-count">{md_text(value)}</span>')


def paragraphs(text: str) -> Md:
    """Free text, keeping the editor's blank-line paragraph breaks."""
    blocks = [b for b in text.split("\n\n") if b.strip()]
    return Md("\n\n".join(md_text(b) for b in blocks))


def cite_line(value: CiteLine) -> Md:
    """The reference as text, then the permalink (briefing.js replaces its text with the
    absolute URL the reader sees, and adds the Copy button, which copies all of it)."""
    fact = md_text(value.fact) + "."
    if value.figure is not None:
        fact = _figure_label(value.figure) + "."
    return Md(
        f'<span class="briefing-cite"><span class="briefing-cite-label">Cite:</span> '
        f'<span class="briefing-cite-text">{fact} {md_text(value.text)} <a '
        f'class="briefing-permalink" href="#{attr(value.anchor)}">'
        f"{md_text(value.address)}</a></span></span>"
    )


@jinja2.pass_context
def fact_history(context: jinja2.runtime.Context, value: FactHistory | None) -> Md:
    """'Corrected on [24 November 2026](…): what was wrong. Before: figure 8.' for each
    correction, then 'Updated [24 November 2026](…).', on one line."""
    if not value:
        return Md("")
    parts = []
    for correction in value.corrections:
        before = _flat("; ".join(f"{n}: {was}" for n, was in correction.before))
        what = md_text(_sentence(_flat(correction.what)))
        parts.append(
            f"{correction_badge(context)} "
            f"**Corrected on {link(context, correction.when)}:** {what}"
            + (f" Before: {md_text(before)}." if before else "")
        )
    if value.updated is not None:
        parts.append(f"*Updated {link(context, value.updated)}.*")
    return Md(" ".join(parts))


def one_line(text: str) -> Md:
    """Text on one line (a value's paragraph breaks would end the list item it is in)."""
    return md_text(_flat(text))


def _flat(text: str) -> str:
    return " ".join(text.split())


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def names_used(value: NamesUsed) -> Md:
    names = [f"{md_text(name)} ({n})" for name, n in value.listed]
    names += [
        f'<span class="briefing-variant" title="not listed as an alias">⚑ '
        f"{md_text(name)} ({n})</span>"
        for name, n in value.variants
    ]
    return Md(", ".join(names) if names else "—")


def marked_words(changes: Iterable[WordChange]) -> Md:
    """A rendering word by word: added words in <ins>, dropped in <del>, one […] for each
    run of the base this source does not quote."""
    words: list[str] = []
    for change in changes:
        text = md_text(change.text)
        if change.change == "outside":
            if not words or words[-1] != _NOT_QUOTED:
                words.append(_NOT_QUOTED)
            continue
        tag = {"added": "ins", "dropped": "del"}.get(change.change)
        if change.text == JOIN:
            tag = None  # where we joined a source's pieces, not a word of its own
        words.append(f"<{tag}>{text}</{tag}>" if tag else text)
    return Md(" ".join(words))


def _figure(svg: str, caption: str) -> Md:
    # A <figure> at the start of a line makes a raw HTML block that Markdown leaves alone,
    # so the escaped labels inside stay text. Search skips the chart: its labels repeat the
    # entries beside it (Pagefind's attribute and Material's). The chart fits its column
    # (charts/svg.py): nothing to scroll.
    return Md(
        f'<figure class="briefing-figure" data-pagefind-ignore data-search-exclude>'
        f"{svg}<figcaption>{html.escape(caption)}</figcaption></figure>"
    )


def timeline_chart(chart: TimelineChart) -> Md:
    return _figure(charts.timeline_chart(chart.rows, chart.period, chart.title), chart.caption)


def casualty_chart(chart: CasualtyChart) -> Md:
    return _figure(charts.casualty_chart(chart.title, chart.groups), chart.caption)


@jinja2.pass_context
def derivation_graph(context: jinja2.runtime.Context, graph: DerivationGraph) -> Md:
    nodes = [(t.text, html_url(_here(context), t.page)) for t in graph.nodes]
    # A <div> at the start of a line makes a raw HTML block that Markdown leaves alone;
    # a bare <svg> would be a paragraph, and Markdown inside its labels would render.
    return Md(
        '<div class="briefing-figure">' + charts.derivation_graph(nodes, graph.edges) + "</div>"
    )


FILTERS: dict[str, Any] = {
    "link": link,
    "links": links,
    "cite": cite,
    "external": external,
    "lineages": lineages,
    "reuse_share": reuse_share,
    "figure": figure,
    "claimant": claimant,
    "as_of": as_of,
    "said": said,
    "claimant_line": claimant_line,
    "grade_steps": grade_steps,
    "paragraphs": paragraphs,
    "count": count,
    "cite_line": cite_line,
    "names_used": names_used,
    "fact_history": fact_history,
    "one_line": one_line,
    "marked_words": marked_words,
    "timeline_chart": timeline_chart,
    "casualty_chart": casualty_chart,
    "derivation_graph": derivation_graph,
    **BADGE_FILTERS,
}
