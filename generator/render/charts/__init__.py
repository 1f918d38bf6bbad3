"""Pictures drawn at build time as inline SVG: the timeline, the casualty charts and the
graph of declared derivation.

No JavaScript library and nothing fetched: each chart is a string of markup written from
plain rows (a view builds them from the facts), with every label escaped. A chart is a
list of links, one per fact, each with its words as text and its mark drawn in a small SVG
whose positions are per cent of its width, so it fits a phone and a desk alike (the words
beside the mark on a desk, above it on a phone). Colours come from CSS classes
(`docs/assets/briefing.css`), so the light and dark schemes and the print stylesheet style
them.

The functions return markup only; the page's filters wrap it in a raw HTML block.

`svg` holds what the pictures share; `scale` where the timeline puts an event (its strip and
its place on the strip's scale); `timeline`, `casualties` and `derivation` one picture
each.
"""

from .casualties import FigureGroup, FigureRow, casualty_chart
from .derivation import derivation_graph
from .timeline import TimelineRow, timeline_chart

__all__ = [
    "FigureGroup",
    "FigureRow",
    "TimelineRow",
    "casualty_chart",
    "derivation_graph",
    "timeline_chart",
]
