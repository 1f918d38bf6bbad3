"""Tables a phone can read: each cell of a table of four or more columns carries its column's
heading (`data-label`), which the stylesheet shows beside the cell when, under 600 px, it
lays the table out as a card per row (docs/assets/briefing.css). On a desk nothing changes.

A Python-Markdown extension, named in mkdocs.yml's `markdown_extensions`, that runs on
every page after the tables extension has built them: the headings are the templates'
words, and the serializer escapes an attribute like any other.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX

__all__ = ["CARD_COLUMNS", "TableLabels", "label_cells", "makeExtension"]

# Fewer columns fit a phone as a table, their words wrapping.
CARD_COLUMNS = 4


# Raw HTML in a cell (a template's <span>) is held aside as a numbered placeholder until
# the page is written; a placeholder left in an attribute would be replaced there by the
# raw markup.
_PLACEHOLDER = re.compile(f"{STX}wzxhzdk:(\\d+){ETX}")
_TAG = re.compile(r"<[^>]*>")


def _words(cell: Element, stash: Sequence[str]) -> str:
    """A heading's text as shown: raw HTML in it reduced to its words."""

    def raw_text(found: re.Match[str]) -> str:
        index = int(found.group(1))
        raw = stash[index] if index < len(stash) else ""
        return html.unescape(_TAG.sub("", raw))

    text = _PLACEHOLDER.sub(raw_text, "".join(cell.itertext()))
    return " ".join(text.replace(STX, "").replace(ETX, "").split())


def label_cells(table: Element, stash: Sequence[str] = ()) -> None:
    """Give each cell of `table` its column's heading, if it has CARD_COLUMNS or more;
    `stash` holds the page's raw HTML the placeholders stand for."""
    headings = [_words(th, stash) for th in table.iter("th")]
    if len(headings) < CARD_COLUMNS:
        return
    for row in table.iter("tr"):
        for heading, cell in zip(headings, row.findall("td"), strict=False):
            if heading:
                cell.set("data-label", heading)


class _LabelTables(Treeprocessor):
    def run(self, root: Element) -> None:
        stash = [str(raw) for raw in self.md.htmlStash.rawHtmlBlocks]
        for table in root.iter("table"):
            label_cells(table, stash)


class TableLabels(Extension):
    """Labels every wide table's cells with their column's heading."""

    def extendMarkdown(self, md: Markdown) -> None:
        # After the inline patterns (20), so a heading's words are as shown.
        md.treeprocessors.register(_LabelTables(md), "briefing_table_labels", 15)


def makeExtension(**kwargs: object) -> TableLabels:
    return TableLabels(**kwargs)
