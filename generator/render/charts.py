"""Pictures drawn at build time as inline SVG: the timeline, the casualty charts and the
graph of declared derivation.

No JavaScript library and nothing fetched: each chart is a string of SVG written from plain
rows (a view builds them from the facts), with every label escaped. Marks link to the
fact's entry, and colours come from CSS classes (`docs/assets/briefing.css`), so the light
and dark schemes and the print stylesheet style them.

The functions return SVG markup only; the page's filters wrap it in a raw HTML block.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from ..factsheets.dates import DateRange, format_day, time_order
from .markup import attr, printable

__all__ = [
    "FigureGroup",
    "FigureRow",
    "TimelineRow",
    "casualty_chart",
    "derivation_graph",
    "timeline_chart",
    "timeline_domain",
]

# The width of Material's content column on a laptop; narrower screens scroll the chart.
WIDTH = 680
ROW = 24
# Rough width of a character of the 13-px sans-serif label font (briefing.css), to shorten
# labels that would run into the plot (the full text is in the mark's tooltip and on the page).
CHAR_WIDTH = 6.6
# How far around the briefing's period an event may lie and still be drawn to scale.
CONTEXT_DAYS = 31
STATUSES = ("confirmed", "reported", "claimed", "disputed", "denied")


def _text(value: object) -> str:
    return escape(printable(str(value)), quote=True)


def _fit(label: str, width: float) -> str:
    limit = max(int(width / CHAR_WIDTH), 4)
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _day_label(day: datetime.date) -> str:
    return format_day(day, year=False, short_month=True)


# ---------------------------------------------------------------------------------------
# Timeline


@dataclass(frozen=True)
class TimelineRow:
    """One event as the timeline draws it."""

    title: str
    when: DateRange
    status: str
    precision: str
    time: str | None
    href: str


def _time_fraction(time: str | None) -> float:
    """Where in its day (0–1) a fact sheet's time falls; midday when none is given. A part
    of the day ("evening") stands at the hour the figure comparison orders it by."""
    if time is None:
        return 0.5
    hours, minutes = time_order(time).split(":")
    return (int(hours) + int(minutes) / 60) / 24


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

    top = 34
    height = top + ROW * len(rows) + 40
    parts = [
        f'<svg class="briefing-chart briefing-timeline-chart" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="group" aria-labelledby="timeline--title">',
        f'<title id="timeline--title">{_text(title)}</title>',
        _hatch_pattern("timeline--hatch"),
    ]
    # The briefing's own period, shaded across every row.
    parts.append(
        f'<rect class="briefing-period" x="{x(period.start):.1f}" y="{top - 6}" '
        f'width="{((period.end - period.start).days + 1) * scale:.1f}" '
        f'height="{ROW * len(rows) + 6}"><title>The briefing period: {_text(period.label)}'
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
            f'text-anchor="{anchor}">{_text(_day_label(tick))}</text>'
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
                x,
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
    x: Callable[..., float],
    start: datetime.date,
    end: datetime.date,
    earlier: tuple[float, float],
    later: tuple[float, float],
) -> str:
    when, status = row.when, row.status
    full = f"{when.label}: {row.title} ({status})"
    mid = y + ROW / 2
    label = _fit(
        f"{_day_label(when.start) if when.start == when.end else when.label} · {row.title}",
        label_w - 8,
    )
    shape_class = f"briefing-mark briefing-status-{status}"
    if when.end < start or when.start > end:
        # Outside the drawn span: a marker in the margin, with the date in words.
        x0, x1 = earlier if when.end < start else later
        mark = (
            f'<path class="{shape_class}" d="M {x0 + 4:.1f} {mid} l 8 -6 v 12 z"/>'
            if when.end < start
            else f'<path class="{shape_class}" d="M {x1 - 4:.1f} {mid} l -8 -6 v 12 z"/>'
        )
    elif when.start == when.end and row.precision == "day":
        cx = x(when.start, _time_fraction(row.time))
        mark = f'<circle class="{shape_class}" cx="{cx:.1f}" cy="{mid}" r="5.5"/>'
    else:
        x0 = x(max(when.start, start))
        x1 = x(min(when.end, end), 1.0)
        dashed = " briefing-approximate" if row.precision == "approximate" else ""
        mark = (
            f'<rect class="{shape_class}{dashed}" x="{x0:.1f}" y="{mid - 5}" '
            f'width="{max(x1 - x0, 3):.1f}" height="10" rx="3"/>'
        )
    # The <title> names the link in full; an aria-label would not contain the shortened
    # visible label, which screen-reader users who speak what they see depend on.
    return (
        f'<a class="briefing-chart-row" href="{_text(row.href)}">'
        f"<title>{_text(full)}</title>"
        f'<rect class="briefing-row-hit" x="0" y="{y}" width="{WIDTH}" height="{ROW}"/>'
        f'<text class="briefing-row-label" x="0" y="{mid + 4.5}">{_text(label)}</text>'
        f"{mark}</a>"
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


# ---------------------------------------------------------------------------------------
# Casualty charts


def _nice_maximum(value: int) -> int:
    """A round axis maximum at or above `value`: 1, 2, 5, 10, 20, 50, ..."""
    if value <= 1:
        return 1
    power = int(10 ** math.floor(math.log10(value)))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power


@dataclass(frozen=True)
class FigureRow:
    """One figure as the casualty chart draws it: the label, the figure in words, the
    range it allows (None: open), and where its entry is."""

    label: str
    figure: str
    low: int | None
    high: int | None
    unknown: bool
    about: bool
    href: str


@dataclass(frozen=True)
class FigureGroup:
    """The figures for one loss, with its title and the verdict on them, in words."""

    title: str
    verdict: str
    rows: tuple[FigureRow, ...]


def _axis_maximum(rows: Sequence[FigureRow]) -> int:
    numbers = [n for r in rows for n in (r.low, r.high) if n is not None]
    # Leave room past the largest figure, so an open "at least" bar shows it runs on.
    return _nice_maximum(math.ceil(max(numbers, default=1) * 1.2))


def casualty_chart(title: str, groups: Sequence[FigureGroup]) -> str:
    """An incident's figures: for each kind of loss, a row per figure in the order they were
    given, a dot for a single number, a bar for a range, a bar running off the axis for an
    open figure ("at least 8"), from zero for an upper bound ("up to 5")."""
    label_w, value_w = 300, 90
    left, right = label_w + 10, WIDTH - value_w - 10
    y = 4
    parts: list[str] = []
    for group in groups:
        maximum = _axis_maximum(group.rows)

        def x(n: float, maximum: int = maximum) -> float:
            return left + (right - left) * n / maximum

        parts.append(
            f'<text class="briefing-chart-heading" x="0" y="{y + 16}">'
            f"{_text(group.title)} · {_text(group.verdict)}</text>"
        )
        y += 26
        for n in (0, maximum / 2, maximum):
            if n != int(n):
                continue
            parts.append(
                f'<line class="briefing-grid" x1="{x(n):.1f}" y1="{y}" '
                f'x2="{x(n):.1f}" y2="{y + ROW * len(group.rows)}"/>'
                f'<text class="briefing-axis" x="{x(n):.1f}" '
                f'y="{y + ROW * len(group.rows) + 14}" text-anchor="middle">'
                f"{int(n)}</text>"
            )
        for row in group.rows:
            parts.append(_figure_row(row, y, label_w, value_w, x, right))
            y += ROW
        y += 24
    height = y
    return "".join(
        [
            f'<svg class="briefing-chart briefing-casualty-chart" viewBox="0 0 {WIDTH} {height}" '
            f'width="{WIDTH}" height="{height}" role="group" aria-label="{_text(title)}">',
            f"<title>{_text(title)}</title>",
            *parts,
            "</svg>",
        ]
    )


def _figure_row(
    row: FigureRow,
    y: float,
    label_w: float,
    value_w: float,
    x: Callable[[float], float],
    right: float,
) -> str:
    mid = y + ROW / 2
    low, high = row.low, row.high
    if row.unknown:
        mark = f'<text class="briefing-axis" x="{x(0):.1f}" y="{mid + 4.5}">no figure given</text>'
    elif low == high and low is not None:
        ring = " briefing-about" if row.about else ""
        mark = (
            f'<circle class="briefing-mark briefing-figure{ring}" cx="{x(low):.1f}" '
            f'cy="{mid}" r="5.5"/>'
        )
    elif high is None:
        x0 = x(low or 0)
        mark = (
            f'<rect class="briefing-mark briefing-figure" x="{x0:.1f}" y="{mid - 4}" '
            f'width="{max(right - x0 - 8, 2):.1f}" height="8" rx="2"/>'
            f'<path class="briefing-mark briefing-figure" d="M {right:.1f} {mid} '
            f'l -9 -6 v 12 z"/>'
        )
    else:
        x0, x1 = x(low or 0), x(high)
        mark = (
            f'<rect class="briefing-mark briefing-figure" x="{x0:.1f}" y="{mid - 4}" '
            f'width="{max(x1 - x0, 3):.1f}" height="8" rx="2"/>'
        )
    full = f"{row.figure}: {row.label}"
    return (
        f'<a class="briefing-chart-row" href="{_text(row.href)}">'
        f"<title>{_text(full)}</title>"
        f'<rect class="briefing-row-hit" x="0" y="{y}" width="{WIDTH}" height="{ROW}"/>'
        f'<text class="briefing-row-label" x="0" y="{mid + 4.5}">'
        f"{_text(_fit(row.label, label_w - 8))}</text>{mark}"
        f'<text class="briefing-chart-value" x="{WIDTH - value_w:.1f}" y="{mid + 4.5}">'
        f"{_text(_fit(row.figure, value_w))}</text></a>"
    )


# ---------------------------------------------------------------------------------------
# Declared derivation


def derivation_graph(nodes: Sequence[tuple[str, str]], edges: Sequence[tuple[int, int]]) -> str:
    """A box per source, labelled and linked (`nodes`: (label, href)), and an arrow from
    each source to what it derives from (`edges`: (index of source, index of origin))."""
    row = 44
    height = row * len(nodes) + 8
    parts = [
        f'<svg class="briefing-graph" viewBox="0 0 640 {height}" width="640" '
        f'height="{height}" role="group" aria-labelledby="derivation--title">',
        '<title id="derivation--title">Declared derivation between sources</title>',
        '<defs><marker id="derivation--arrow" viewBox="0 0 10 10" refX="10" refY="5" '
        'markerWidth="8" markerHeight="8" orient="auto-start-reverse">'
        '<path d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>',
    ]
    for i, (label, href) in enumerate(nodes):
        y = 8 + row * i
        parts.append(
            f'<a href="{attr(href)}">'
            f'<rect x="4" y="{y}" width="360" height="32" rx="4"/>'
            f'<text x="14" y="{y + 21}">{_text(label)}</text></a>'
        )
    for k, origin in edges:
        x = 380 + 40 * (k % 6)
        y1, y2 = 8 + row * k + 16, 8 + row * origin + 16
        parts.append(
            f'<path class="briefing-edge" d="M 364 {y1} C {x} {y1}, {x} '
            f'{y2}, 364 {y2}" marker-end="url(#derivation--arrow)"/>'
        )
    parts.append("</svg>")
    return "".join(parts)
