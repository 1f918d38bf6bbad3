"""The casualty chart: an incident's figures, a row per figure, a block per loss."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .svg import MID, axis_label, hidden_words, pct, runs_on, text, track

__all__ = ["FigureGroup", "FigureRow", "casualty_chart", "figure_share"]

AXIS_HEIGHT = 18
# Where zero and the axis maximum are drawn, in per cent of the track: a dot at either
# end stays whole, and an open figure's arrow has room past the maximum.
ZERO, TOP = 2.0, 94.0


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
    """One figure as the casualty chart draws it: the label (who gives it first, then when
    and who reported it), the figure in words, the range it allows (None: open), and where
    its entry is; `claim` (its id) marks the figure and its label in the HTML."""

    label: str
    figure: str
    low: int | None
    high: int | None
    unknown: bool
    about: bool
    href: str
    claim: str = ""


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


def figure_share(number: float, maximum: int) -> float:
    """Where `number` is drawn on an axis from 0 to `maximum`, in per cent of the track."""
    return ZERO + (TOP - ZERO) * min(max(number, 0), maximum) / maximum


def casualty_chart(title: str, groups: Sequence[FigureGroup]) -> str:
    """An incident's figures: for each kind of loss, a row per figure in the order they were
    given, a dot for a single number, a bar for a range, a bar running off the axis for an
    open figure ("at least 8"), from zero for an upper bound ("up to 5"). Each row says the
    figure first, so a phone shows the numbers with the words, the marks below them."""
    blocks = "".join(_group(group) for group in groups)
    return (
        f'<div class="briefing-chart briefing-casualty-chart" role="group" '
        f'aria-label="{text(title)}">{blocks}</div>'
    )


def _group(group: FigureGroup) -> str:
    maximum = _axis_maximum(group.rows)
    marks = [n for n in (0, maximum / 2, maximum) if n == int(n)]
    axis = "".join(axis_label(figure_share(n, maximum), str(int(n)), 13) for n in marks)
    lines = "".join(
        f'<line class="briefing-grid" x1="{pct(figure_share(n, maximum))}" y1="0" '
        f'x2="{pct(figure_share(n, maximum))}" y2="100%"/>'
        for n in marks
    )
    rows = "".join(_figure_row(row, group.title, maximum, lines) for row in group.rows)
    return (
        '<div class="briefing-chart-group">'
        f'<p class="briefing-chart-heading">{text(group.title)} · {text(group.verdict)}</p>'
        f'<div class="briefing-chart-axis">{track(axis, AXIS_HEIGHT, "briefing-axis-track")}'
        f'</div><ol class="briefing-chart-rows" aria-label="{text(group.title)}">{rows}</ol>'
        "</div>"
    )


def _figure_mark(row: FigureRow, maximum: int) -> str:
    low, high = row.low, row.high
    if row.unknown:
        return f'<text class="briefing-axis" x="{pct(ZERO)}" y="{MID + 4:g}">no figure given</text>'
    if low == high and low is not None:
        ring = " briefing-about" if row.about else ""
        return (
            f'<circle class="briefing-mark briefing-figure{ring}" '
            f'cx="{pct(figure_share(low, maximum))}" cy="{MID:g}" r="5.5"/>'
        )
    x0 = figure_share(low or 0, maximum)
    x1 = 100.0 if high is None else figure_share(high, maximum)
    bar = (
        f'<rect class="briefing-mark briefing-figure" x="{pct(x0)}" y="{MID - 4:g}" '
        f'width="{pct(max(x1 - x0, 1.0))}" height="8" rx="2"/>'
    )
    return bar + (runs_on(100) if high is None else "")


def _figure_row(row: FigureRow, loss: str, maximum: int, lines: str) -> str:
    # Named by its words: the figure, the loss it counts, then who gave it, when and where
    # it was reported. The figure comes first on a phone too. The figure and the label
    # naming its claimant and as-of are marked with the claim (tests/test_attribution.py).
    claim = text(row.claim)
    said = f' data-claimant="{claim}" data-as-of="{claim}"' if row.claim else ""
    figure = f' data-figure="{claim}"' if row.claim else ""
    return (
        f'<li><a class="briefing-chart-row" href="{text(row.href)}"{figure}>'
        f'<span class="briefing-chart-value"{figure}>{text(row.figure)}</span>'
        f"{hidden_words(f' ({loss}): ')}"
        f'<span class="briefing-row-label"{said}>{text(row.label)}</span>'
        f"{track(lines + _figure_mark(row, maximum))}</a></li>"
    )
