"""What the pictures share: the drawing's width and row height, and text made safe and
short enough for a label."""

from __future__ import annotations

import datetime
from html import escape

from ...factsheets.dates import format_day
from ..markup import printable

__all__ = ["CHAR_WIDTH", "ROW", "WIDTH", "day_label", "fit", "text"]

# The width of Material's content column on a laptop; narrower screens scroll the chart.
WIDTH = 680
ROW = 24
# Rough width of a character of the 13-px sans-serif label font (briefing.css), to shorten
# labels that would run into the plot (the full text is in the mark's tooltip and on the page).
CHAR_WIDTH = 6.6


def text(value: object) -> str:
    """A value as SVG text or attribute: printable, every markup character escaped."""
    return escape(printable(str(value)), quote=True)


def fit(label: str, width: float) -> str:
    """`label` cut with an ellipsis to about `width` pixels."""
    limit = max(int(width / CHAR_WIDTH), 4)
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def day_label(day: datetime.date) -> str:
    """A day as the axis shows it: "22 May"."""
    return format_day(day, year=False, short_month=True)
