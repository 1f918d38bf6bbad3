"""Wide tables carry their column headings on every cell, for the phone's card layout
(generator/render/table_labels.py), through Python-Markdown as mkdocs.yml runs it."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import yaml
from conftest import ROOT

from generator.render.table_labels import CARD_COLUMNS


class _Cells(HTMLParser):
    """Each row's cells as (tag, data-label or None)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[tuple[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in {"th", "td"}:
            self.rows[-1].append((tag, dict(attrs).get("data-label")))


def _cells(text: str) -> list[list[tuple[str, str | None]]]:
    html = markdown.markdown(
        text, extensions=["attr_list", "tables", "generator.render.table_labels"]
    )
    parser = _Cells()
    parser.feed(html)
    return parser.rows


def test_mkdocs_yml_turns_the_labels_on():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert "generator.render.table_labels" in config["markdown_extensions"]


def test_each_cell_of_a_wide_table_carries_its_columns_heading_as_shown():
    rows = _cells(
        "| **Figure** | Claimant | As of | Place & `town` |\n"
        "|---|---|---|---|\n"
        "| 12 | [Gladkov](x.md) | 23 May | |\n"
        "| 8 | the outlet |\n"
    )
    assert rows[0] == [("th", None)] * 4
    assert rows[1] == [
        ("td", "Figure"),
        ("td", "Claimant"),
        ("td", "As of"),
        ("td", "Place & town"),
    ]
    # A short row is filled out by the tables extension; each cell still has its heading.
    assert [label for _, label in rows[2]] == ["Figure", "Claimant", "As of", "Place & town"]


def test_a_narrow_table_stays_a_table():
    header = "|" + "|".join(f" h{i} " for i in range(CARD_COLUMNS - 1)) + "|\n"
    rule = "|" + "|".join("---" for _ in range(CARD_COLUMNS - 1)) + "|\n"
    body = "|" + "|".join(" x " for _ in range(CARD_COLUMNS - 1)) + "|\n"
    rows = _cells(header + rule + body)
    assert all(label is None for row in rows for _, label in row)


def test_a_heading_is_an_attribute_never_markup():
    # Raw HTML in a heading is held aside by Python-Markdown until the page is written: the
    # label takes its words, so no quote in it can end the attribute.
    rows = _cells(
        '| a"b <i>c</i> | <b title="x">d</b> &amp; e | f | g |\n'
        "|---|---|---|---|\n| 1 | 2 | 3 | 4 |\n"
    )
    assert rows[1][:2] == [("td", 'a"b c'), ("td", "d & e")]
