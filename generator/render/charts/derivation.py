"""The graph of declared derivation between sources."""

from __future__ import annotations

from collections.abc import Sequence

from ..markup import attr
from .svg import text

__all__ = ["derivation_graph"]


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
            f'<text x="14" y="{y + 21}">{text(label)}</text></a>'
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
