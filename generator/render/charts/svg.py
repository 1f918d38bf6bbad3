"""What the pictures share: text made safe, and the pieces a chart's rows are made of.

A chart is a list of rows, each a link whose words are ordinary text (so they wrap and
are read as written) and whose mark is drawn in a small SVG, its track. A track's
positions are per cent of its width: the browser scales the drawing to the column, on a
phone or a desk, and the words stay at reading size. Tracks and axes are hidden from
screen readers: the row's words say what the mark shows.
"""

from __future__ import annotations

import datetime
from html import escape

from ...factsheets.dates import format_day
from ..markup import printable

__all__ = [
    "MID",
    "TRACK_HEIGHT",
    "axis_label",
    "day_label",
    "hidden_words",
    "pct",
    "runs_on",
    "text",
    "track",
]

# The height of a row's drawing, in px; a mark is centred on MID.
TRACK_HEIGHT = 20
MID = TRACK_HEIGHT / 2


def text(value: object) -> str:
    """A value as HTML or SVG text or attribute: printable, every markup character escaped."""
    return escape(printable(str(value)), quote=True)


def day_label(day: datetime.date) -> str:
    """A day as the axis shows it: "22 May"."""
    return format_day(day, year=False, short_month=True)


def pct(share: float) -> str:
    """A share of the track's width as an SVG length: "43.21%"."""
    return f"{share:.2f}%"


def track(drawing: str, height: int = TRACK_HEIGHT, kind: str = "") -> str:
    """An SVG as wide as its cell holding `drawing`, hidden from screen readers."""
    classes = f"briefing-track {kind}".strip()
    return (
        f'<svg class="{classes}" width="100%" height="{height}" aria-hidden="true" '
        f'focusable="false">{drawing}</svg>'
    )


def hidden_words(words: str) -> str:
    """Words for screen readers only (what the mark shows, said in words)."""
    return f'<span class="briefing-visually-hidden">{text(words)}</span>'


def runs_on(share: float, y: float = MID) -> str:
    """An arrowhead pointing right, its tip at `share` of the track: what ends in it runs on
    past the scale."""
    return (
        f'<svg x="{pct(share)}" overflow="visible">'
        f'<path class="briefing-runs-on" d="M -7 {y - 6:g} l 7 6 l -7 6 z"/></svg>'
    )


def axis_label(share: float, words: str, y: float, css: str = "briefing-axis") -> str:
    """A label on an axis at `share` of its width, kept inside the track at the ends."""
    anchor = "start" if share < 6 else "end" if share > 94 else "middle"
    return (
        f'<text class="{css}" x="{pct(share)}" y="{y:g}" text-anchor="{anchor}">'
        f"{text(words)}</text>"
    )
