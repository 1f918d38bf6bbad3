"""Pictures drawn at build time as inline SVG: the timeline, the casualty charts and the
graph of declared derivation.

No JavaScript library and nothing fetched: each chart is a string of SVG written from plain
rows (a view builds them from the facts), with every label escaped. Marks link to the
fact's entry, and colours come from CSS classes (`docs/assets/briefing.css`), so the light
and dark schemes and the print stylesheet style them.

The functions return SVG markup only; the page's filters wrap it in a raw HTML block.

`svg` holds what the pictures share; `timeline`, `casualties` and `derivation` one picture
each.
"""

from .casualties import FigureGroup, FigureRow, casualty_chart
from .derivation import derivation_graph
from .timeline import TimelineRow, timeline_chart, timeline_domain

__all__ = [
    "FigureGroup",
    "FigureRow",
    "TimelineRow",
    "casualty_chart",
    "derivation_graph",
    "timeline_chart",
    "timeline_domain",
]
