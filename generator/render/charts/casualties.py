"""The casualty chart: an incident's figures, a row per figure, a block per loss."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .svg import ROW, WIDTH, fit, text

__all__ = ["FigureGroup", "FigureRow", "casualty_chart"]


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
            f"{text(group.title)} · {text(group.verdict)}</text>"
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
            f'width="{WIDTH}" height="{height}" role="group" aria-label="{text(title)}">',
            f"<title>{text(title)}</title>",
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
        f'<a class="briefing-chart-row" href="{text(row.href)}">'
        f"<title>{text(full)}</title>"
        f'<rect class="briefing-row-hit" x="0" y="{y}" width="{WIDTH}" height="{ROW}"/>'
        f'<text class="briefing-row-label" x="0" y="{mid + 4.5}">'
        f"{text(fit(row.label, label_w - 8))}</text>{mark}"
        f'<text class="briefing-chart-value" x="{WIDTH - value_w:.1f}" y="{mid + 4.5}">'
        f"{text(fit(row.figure, value_w))}</text></a>"
    )
