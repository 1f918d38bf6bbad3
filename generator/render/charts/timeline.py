"""The timeline: events on a time axis, a row each."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ...factsheets.dates import DateRange
from ...factsheets.times import Placement, day_end, day_start
from .svg import ROW, WIDTH, day_label, fit, text

__all__ = ["TimelineRow", "timeline_chart", "timeline_domain"]

# How far around the briefing's period an event may lie and still be drawn to scale.
CONTEXT_DAYS = 31
STATUSES = ("confirmed", "reported", "claimed", "disputed", "denied")


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


def timeline_domain(
    period: DateRange, spans: Sequence[DateRange]
) -> tuple[datetime.date, datetime.date]:
    """The days the time axis covers: the briefing's period, widened to take in every event
    that lies within CONTEXT_DAYS of it. Events further away are drawn in an "earlier" or
    "later" margin, with their date in words, rather than squeezing the axis."""
    margin = datetime.timedelta(days=CONTEXT_DAYS)
    start, end = period.start, period.end
    for when in spans:
        if when.start >= period.start - margin and when.end <= period.end + margin:
            start, end = min(start, when.start), max(end, when.end)
    return start, end


def _ticks(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    days = (end - start).days + 1
    if days <= 16:
        step = 1
    elif days <= 70:
        step = 7
    else:
        firsts = []
        day = start.replace(day=1)
        while day <= end:
            if day >= start:
                firsts.append(day)
            day = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        return firsts
    return [start + datetime.timedelta(days=n) for n in range(0, days, step)]


def timeline_chart(rows: Sequence[TimelineRow], period: DateRange, title: str) -> str:
    """Events on a time axis, a row each in date order: a dot for an event dated to the
    day (placed within the day when a time is given), a bar for the span of days a vaguer
    date stands for, dashed for "around". Fill and outline show the status."""
    start, end = timeline_domain(period, [r.when for r in rows])
    label_w, margin_w = 270, 60
    left = label_w + margin_w  # the plot, between the "earlier" and "later" margins
    right = WIDTH - margin_w
    days = (end - start).days + 1
    scale = (right - left) / days

    def x(day: datetime.date, fraction: float = 0.0) -> float:
        return left + ((day - start).days + fraction) * scale

    origin = day_start(start)

    def at(moment: datetime.datetime) -> float:
        return left + (moment - origin).total_seconds() / 86_400 * scale

    top = 34
    height = top + ROW * len(rows) + 40
    parts = [
        f'<svg class="briefing-chart briefing-timeline-chart" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="group" aria-labelledby="timeline--title">',
        f'<title id="timeline--title">{text(title)}</title>',
        _hatch_pattern("timeline--hatch"),
    ]
    # The briefing's own period, shaded across every row.
    parts.append(
        f'<rect class="briefing-period" x="{x(period.start):.1f}" y="{top - 6}" '
        f'width="{((period.end - period.start).days + 1) * scale:.1f}" '
        f'height="{ROW * len(rows) + 6}"><title>The briefing period: {text(period.label)}'
        "</title></rect>"
    )
    for tick in _ticks(start, end):
        tx = x(tick, 0.5 if scale >= 20 else 0.0)
        parts.append(
            f'<line class="briefing-grid" x1="{tx:.1f}" y1="{top - 6}" x2="{tx:.1f}" '
            f'y2="{top + ROW * len(rows)}"/>'
        )
        # The first label starts at its tick, clear of the "earlier" margin's label.
        anchor = "start" if tx - left < 20 else "middle"
        parts.append(
            f'<text class="briefing-axis" x="{tx:.1f}" y="{top - 12}" '
            f'text-anchor="{anchor}">{text(day_label(tick))}</text>'
        )
    if any(r.when.end < start for r in rows):
        parts.append(
            f'<text class="briefing-axis" x="{left - 8}" y="{top - 12}" '
            'text-anchor="end">earlier</text>'
        )
    if any(r.when.start > end for r in rows):
        parts.append(f'<text class="briefing-axis" x="{right + 18}" y="{top - 12}">later</text>')
    for i, row in enumerate(rows):
        parts.append(
            _timeline_row(
                row,
                top + ROW * i,
                label_w,
                at,
                start,
                end,
                (label_w + 4, left - 4),
                (right + 4, WIDTH - 4),
            )
        )
    parts.append(_status_legend(top + ROW * len(rows) + 24))
    parts.append("</svg>")
    return "".join(parts)


def _timeline_row(
    row: TimelineRow,
    y: float,
    label_w: float,
    at: Callable[[datetime.datetime], float],
    start: datetime.date,
    end: datetime.date,
    earlier: tuple[float, float],
    later: tuple[float, float],
) -> str:
    when, status = row.when, row.status
    full = f"{row.label}: {row.title} ({status})"
    mid = y + ROW / 2
    label = fit(f"{row.label} · {row.title}", label_w - 8)
    shape_class = f"briefing-mark briefing-status-{status}"
    if when.end < start or when.start > end:
        # Outside the drawn span: a marker in the margin, with the date in words.
        x0, x1 = earlier if when.end < start else later
        mark = (
            f'<path class="{shape_class}" d="M {x0 + 4:.1f} {mid} l 8 -6 v 12 z"/>'
            if when.end < start
            else f'<path class="{shape_class}" d="M {x1 - 4:.1f} {mid} l -8 -6 v 12 z"/>'
        )
    else:
        limits = (at(day_start(start)), at(day_end(end)))
        mark = _mark(row, mid, at, shape_class, limits)
    # The <title> names the link in full; an aria-label would not contain the shortened
    # visible label, which screen-reader users who speak what they see depend on.
    return (
        f'<a class="briefing-chart-row" href="{text(row.href)}">'
        f"<title>{text(full)}</title>"
        f'<rect class="briefing-row-hit" x="0" y="{y}" width="{WIDTH}" height="{ROW}"/>'
        f'<text class="briefing-row-label" x="0" y="{mid + 4.5}">{text(label)}</text>'
        f"{mark}</a>"
    )


def _mark(
    row: TimelineRow,
    mid: float,
    at: Callable[[datetime.datetime], float],
    shape_class: str,
    limits: tuple[float, float],
) -> str:
    """A dot for a moment, a bar for a span (clipped to the axis); an "around" date is
    dashed, with a faint whisker over the days it may stand for."""
    placed = row.placed
    low_limit, high_limit = limits

    def clip(value: float) -> float:
        return min(max(value, low_limit), high_limit)

    whisker = ""
    if placed.around is not None:
        shape_class += " briefing-approximate"
        low = clip(at(day_start(placed.around.start)))
        high = clip(at(day_end(placed.around.end)))
        whisker = (
            f'<line class="briefing-around" x1="{low:.1f}" y1="{mid}" x2="{high:.1f}" y2="{mid}"/>'
        )
    if placed.point:
        cx = clip(at(placed.start))
        return f'{whisker}<circle class="{shape_class}" cx="{cx:.1f}" cy="{mid}" r="5.5"/>'
    x0, x1 = clip(at(placed.start)), clip(at(placed.end))
    return (
        f'{whisker}<rect class="{shape_class}" x="{x0:.1f}" y="{mid - 5}" '
        f'width="{max(x1 - x0, 3):.1f}" height="10" rx="3"/>'
    )


def _hatch_pattern(pattern_id: str) -> str:
    return (
        f'<defs><pattern id="{pattern_id}" width="4" height="4" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect class="briefing-hatch-line" width="2" height="4"/></pattern></defs>'
    )


def _status_legend(y: float) -> str:
    parts = [f'<text class="briefing-axis" x="0" y="{y + 4}">Status:</text>']
    for i, status in enumerate(STATUSES):
        x = 60 + i * 98
        parts.append(
            f'<circle class="briefing-mark briefing-status-{status}" cx="{x}" '
            f'cy="{y}" r="5.5"/><text class="briefing-axis" x="{x + 10}" '
            f'y="{y + 4}">{status}</text>'
        )
    parts.append(
        f'<rect class="briefing-mark briefing-status-reported" x="{60 + 5 * 98}" '
        f'y="{y - 5}" width="26" height="10" rx="3"/><text class="briefing-axis" '
        f'x="{60 + 5 * 98 + 32}" y="{y + 4}">a span of days</text>'
    )
    return "".join(parts)
