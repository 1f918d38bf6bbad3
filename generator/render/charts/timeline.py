"""The timeline: events in date order, a row each, in strips before, within and after the
briefing's period (`scale` says which strip and where)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from ...factsheets.dates import DateRange
from ...factsheets.times import Placement, day_end, day_start
from .scale import STRIPS, Tick, TimeScale, days_of, strip_of, strip_scale, ticks
from .svg import MID, axis_label, hidden_words, pct, runs_on, text, track

__all__ = ["STATUSES", "TimelineRow", "timeline_chart"]

STATUSES = ("confirmed", "reported", "claimed", "disputed", "denied")
# The narrowest a bar is drawn, in per cent of the track, so a day on a long scale shows.
MIN_BAR = 0.8
AXIS_HEIGHT = 34
HATCH = "timeline--hatch"


@dataclass(frozen=True)
class TimelineRow:
    """One event as the timeline draws it."""

    title: str
    when: DateRange
    status: str
    precision: str
    # Where it stands on the briefing's clock (the same rule orders the list).
    placed: Placement
    # Its date and time as the list shows them: "14 Oct 11:30 MSK".
    label: str
    href: str


def timeline_chart(rows: Sequence[TimelineRow], period: DateRange, title: str) -> str:
    """Events in date order, a row each: its date and title, and beside them (on a phone,
    below them) its mark on the time scale of its strip. A dot for a clock time; a bar for
    the whole time a date allows (a day without a time is the whole day, "evening" its
    hours); a line with end caps over the days an "around" date may stand for. Fill and
    outline show the status."""
    strips = [
        _strip(name, in_strip, period)
        for name in STRIPS
        if (in_strip := [r for r in rows if strip_of(r.placed, period) == name])
    ]
    drawn = "".join(strips)
    return (
        f'<div class="briefing-chart briefing-timeline-chart" role="group" '
        f'aria-label="{text(title)}">{_hatch_pattern()}{drawn}{_legend(drawn)}</div>'
    )


def _strip_heading(name: str, period: DateRange, scale: TimeScale) -> str:
    if name == "before":
        return "Before the briefing period: the background"
    if name == "after":
        return "After the briefing period"
    return f"The briefing period, {period.label}" + (", hour by hour" if scale.by_the_hour else "")


def _strip(name: str, rows: Sequence[TimelineRow], period: DateRange) -> str:
    scale = strip_scale(name, [r.placed for r in rows], period)
    grid = ticks(scale)
    heading = _strip_heading(name, period, scale)
    lines = _grid_lines(scale, grid)
    items = "".join(_row(row, scale, name, lines) for row in rows)
    return (
        f'<div class="briefing-strip briefing-strip-{name}">'
        f'<p class="briefing-strip-heading">{text(heading)}</p>'
        f'<div class="briefing-chart-axis">'
        f"{track(_axis(scale, grid), AXIS_HEIGHT, 'briefing-axis-track')}</div>"
        f'<ol class="briefing-chart-rows" aria-label="{text(heading)}">{items}</ol></div>'
    )


def _axis(scale: TimeScale, grid: Sequence[Tick]) -> str:
    """Tick labels (hours, or days), the days above the hours on a scale of hours, and
    "earlier" or "later" over a margin."""
    parts = [axis_label(scale.x(t.moment), t.label, 28) for t in grid if t.label]
    if scale.by_the_hour:
        for start, end, name in days_of(scale):
            middle = (scale.x(max(start, scale.start)) + scale.x(min(end, scale.end))) / 2
            parts.append(axis_label(middle, name, 12, "briefing-axis briefing-axis-day"))
    if scale.lead:
        parts.append(axis_label(0, "earlier", 12))
    if scale.trail:
        parts.append(axis_label(100, "later", 12))
    return "".join(parts)


def _grid_lines(scale: TimeScale, grid: Sequence[Tick]) -> str:
    """The ticks' lines across a row, and the edge of a margin, drawn in every row so the
    eye can follow them down a long strip."""
    lines = [
        f'<line class="briefing-grid{" briefing-grid-major" if t.major else ""}" '
        f'x1="{pct(scale.x(t.moment))}" y1="0" x2="{pct(scale.x(t.moment))}" y2="100%"/>'
        for t in grid
    ]
    lines += [
        f'<line class="briefing-grid briefing-margin-edge" x1="{pct(edge)}" y1="0" '
        f'x2="{pct(edge)}" y2="100%"/>'
        for edge in (scale.lead, 100 - scale.trail)
        if 0 < edge < 100
    ]
    return "".join(lines)


def _row(row: TimelineRow, scale: TimeScale, strip: str, lines: str) -> str:
    # The link is named by its words: the date and title as shown, and the status, which
    # the mark shows by its fill and outline.
    return (
        f'<li><a class="briefing-chart-row" href="{text(row.href)}">'
        f'<span class="briefing-row-label">{text(f"{row.label} · {row.title}")}</span>'
        f"{hidden_words(f' (status: {row.status})')}"
        f"{track(lines + _mark(row, scale, strip))}</a></li>"
    )


def _mark(row: TimelineRow, scale: TimeScale, strip: str) -> str:
    """The row's mark: to scale, or a marker in the margin for an event further away than
    the scale reaches (its date is in the row's words)."""
    placed = row.placed
    shape = f"briefing-mark briefing-status-{row.status}"
    if strip == "before" and placed.start < scale.start:
        return f'<path class="{shape} briefing-off-scale" d="M 3 {MID:g} l 8 -6 v 12 z"/>'
    if strip == "after" and placed.start > scale.end:
        return (
            f'<svg x="100%" overflow="visible"><path class="{shape} briefing-off-scale" '
            f'd="M -3 {MID:g} l -8 -6 v 12 z"/></svg>'
        )
    whisker = ""
    if placed.around is not None:
        shape += " briefing-approximate"
        whisker = _whisker(scale, day_start(placed.around.start), day_end(placed.around.end))
    if placed.point:
        x = pct(scale.x(placed.start))
        return f'{whisker}<circle class="{shape}" cx="{x}" cy="{MID:g}" r="5.5"/>'
    x0, x1 = scale.x(placed.start), scale.x(placed.end)
    bar = (
        f'<rect class="{shape}" x="{pct(x0)}" y="{MID - 5:g}" '
        f'width="{pct(max(x1 - x0, MIN_BAR))}" height="10" rx="3"/>'
    )
    # A strip holds what starts on its scale (scale.py): only the end can run past it.
    if placed.end > scale.end:
        bar += runs_on(100 - scale.trail)
    return whisker + bar


def _whisker(scale: TimeScale, low: datetime.datetime, high: datetime.datetime) -> str:
    """A faint line over the days an "around" date may stand for, capped where they end
    and running to the edge where they go on past it."""
    x0, x1 = scale.x(low), scale.x(high)
    parts = [
        f'<line class="briefing-around" x1="{pct(x0)}" y1="{MID:g}" x2="{pct(x1)}" y2="{MID:g}"/>'
    ]
    for moment, x in ((low, x0), (high, x1)):
        if scale.shows(moment):
            parts.append(
                f'<line class="briefing-around" x1="{pct(x)}" y1="{MID - 5:g}" '
                f'x2="{pct(x)}" y2="{MID + 5:g}"/>'
            )
    return "".join(parts)


def _hatch_pattern() -> str:
    # Defined once, for every disputed mark on the page (ids are the document's).
    return (
        '<svg class="briefing-chart-defs" width="0" height="0" aria-hidden="true" '
        f'focusable="false"><defs><pattern id="{HATCH}" width="4" height="4" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect class="briefing-hatch-line" width="2" height="4"/></pattern></defs></svg>'
    )


def _key(drawing: str, words: str) -> str:
    return (
        f'<li><svg class="briefing-key" width="28" height="{2 * MID:g}" aria-hidden="true" '
        f'focusable="false">{drawing}</svg> {text(words)}</li>'
    )


def _legend(drawn: str) -> str:
    """What the fills and shapes mean; the shapes only where the chart draws them."""
    statuses = "".join(
        _key(f'<circle class="briefing-mark briefing-status-{s}" cx="14" cy="{MID:g}" r="5.5"/>', s)
        for s in STATUSES
    )
    bar = (
        '<rect class="briefing-mark briefing-status-reported" x="2" y="5" width="24" '
        'height="10" rx="3"/>'
    )
    shapes = [
        _key(
            '<circle class="briefing-mark briefing-status-reported" cx="14" cy="10" r="5.5"/>',
            "a time of day",
        ),
        _key(bar, "the whole time a date allows: a day with no time is the whole day"),
    ]
    if "briefing-approximate" in drawn:
        shapes.append(
            _key(
                '<line class="briefing-around" x1="1" y1="10" x2="27" y2="10"/>'
                '<line class="briefing-around" x1="1" y1="5" x2="1" y2="15"/>'
                '<line class="briefing-around" x1="27" y1="5" x2="27" y2="15"/>',
                "“around”: the days the date may stand for",
            )
        )
    if "briefing-runs-on" in drawn:
        shapes.append(_key(bar + runs_on(100), "runs on past the strip's edge"))
    if "briefing-off-scale" in drawn:
        shapes.append(
            _key(
                '<path class="briefing-mark briefing-status-reported" d="M 8 10 l 8 -6 v 12 z"/>',
                "further away than the scale: the date is in the row's words",
            )
        )
    return (
        '<div class="briefing-chart-legend"><p>Status:</p>'
        f"<ul>{statuses}</ul><p>Marks:</p><ul>{''.join(shapes)}</ul></div>"
    )
