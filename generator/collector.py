"""Pausing Python's cycle collector while a stage makes millions of short-lived objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cycle collector paused, and restore it after.

    For work that makes millions of small objects holding no reference cycles (text reuse,
    rendering a briefing): the collector would walk them again and again as they pile up,
    which took over half of text reuse's time on 300 sources and a third of rendering's.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
