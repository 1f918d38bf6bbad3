"""Badges in words, each a link to where the reader's guide explains it: "Status:
confirmed", "Credibility 2 of 6: probably true", "Sources: one lineage", "Figures:
compatible", "Erratum", "Corrected". The words are the badge's text, so they are what eyes
and screen readers get alike (a bare "confirmed" beside a bare "1" said neither what it
was nor which scale); the reasoning stays in the tooltip.
"""

from __future__ import annotations

from typing import Any

import jinja2

from ..addresses import READING_PAGE, READING_SECTIONS, html_url
from .markup import Md, attr, md_text
from .values import Grade, Verdict

__all__ = ["BADGE_FILTERS", "badge_link", "correction_badge"]


def _guide(context: jinja2.runtime.Context, section: str) -> str:
    """The address of a section of the reader's guide, relative to this page (raw HTML:
    the guide is a page of the site, not of the briefing)."""
    assert section in READING_SECTIONS, section
    here = str(context.get("folder", "")) + str(context["page_path"])
    return f"{html_url(here, READING_PAGE)}#{section}"


def badge_link(
    context: jinja2.runtime.Context, section: str, cls: str, words: str, title: str = ""
) -> Md:
    """A badge that says what it is in words ("Status: confirmed"), to the eye and as its
    link's accessible name, and links to where the guide explains it."""
    tip = f' title="{attr(title)}"' if title else ""
    return Md(
        f'<a class="briefing-badge-link" href="{attr(_guide(context, section))}">'
        f'<span class="briefing-badge {attr(cls)}"{tip}>{md_text(words)}</span></a>'
    )


@jinja2.pass_context
def guide(context: jinja2.runtime.Context, text: str, section: str) -> Md:
    """Words linking to a section of the reader's guide: 'different scope'."""
    return Md(f'<a href="{attr(_guide(context, section))}">{md_text(text)}</a>')


@jinja2.pass_context
def badge(context: jinja2.runtime.Context, status: str, label: str = "Status") -> Md:
    """'Status: confirmed' (a fact's, or with `label` the briefing's: 'stable')."""
    # Statuses come from a fixed list, but escape anyway: a template may pass any value.
    return badge_link(context, "status", f"briefing-{status}", f"{label}: {status}")


@jinja2.pass_context
def grade(context: jinja2.runtime.Context, value: Grade) -> Md:
    """'Credibility 2 of 6: probably true', with how the grade came about in its tooltip."""
    return badge_link(
        context, "credibility", f"briefing-cred-{value.grade}", value.words, "; ".join(value.steps)
    )


@jinja2.pass_context
def single_source(context: jinja2.runtime.Context, title: str | None) -> Md:
    """A badge on a fact that one lineage carries; `title` says which."""
    if title is None:
        return Md("")
    return badge_link(context, "lineages", "briefing-single", "Sources: one lineage", title)


@jinja2.pass_context
def verdict(context: jinja2.runtime.Context, value: Verdict) -> Md:
    """'Figures: compatible', with the reason in its tooltip; 'one figure' as text."""
    if value.verdict == "one figure":
        return Md("one figure")
    cls = f"briefing-figures-{value.verdict}"
    return badge_link(context, "verdicts", cls, f"Figures: {value.label}", value.reason)


@jinja2.pass_context
def correction_badge(context: jinja2.runtime.Context, words: str = "Corrected") -> Md:
    return badge_link(context, "errata", "briefing-corrected", words)


BADGE_FILTERS: dict[str, Any] = {
    "badge": badge,
    "grade": grade,
    "single_source": single_source,
    "verdict": verdict,
    "guide": guide,
    "correction_badge": correction_badge,
}
