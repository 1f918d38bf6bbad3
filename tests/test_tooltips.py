"""Tooltips and other attribute text are escaped exactly once (issue 15: a badge's tooltip
read `Dravenia&#x27;s Ministry of Defence`).

Every filter that writes an attribute or an SVG <title> is rendered with a name holding an
apostrophe, an ampersand, double quotes and `<`, through Python-Markdown as MkDocs runs it,
and the HTML is parsed: the text a browser shows must be the name as written.
"""

from __future__ import annotations

import html
import re
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import markdown
from conftest import CLAIMS, EVENTS, SEED, SOURCES, mkdocs_build, write_project

from generator.render.charts import FigureGroup, FigureRow
from generator.render.filters import FILTERS
from generator.render.values import CasualtyChart, CiteLine, Grade, Verdict

NAME = 'Dravenia\'s Ministry & "Defence" <HQ>'


class _Texts(HTMLParser):
    """Every attribute value and every <title> element's text, decoded as a browser would."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attributes: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.titles: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes += [(tag, a, v or "") for a, v in attrs]
        self._in_title = tag == "title"
        if self._in_title:
            self.titles.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.titles[-1] += data


def _html(md: str) -> str:
    # The extensions mkdocs.yml turns on; a table cell is where most badges stand.
    return markdown.markdown(f"| a |\n|---|\n| {md} |", extensions=["attr_list", "tables", "toc"])


def _parsed(md: str) -> _Texts:
    parser = _Texts()
    parser.feed(_html(md))
    return parser


def _tooltips(md: str) -> list[str]:
    return [v for _, a, v in _parsed(md).attributes if a in {"title", "aria-label"}]


# A page of a briefing, as the filters that link out of it (badges) are given it.
PAGE = (
    jinja2.Environment()
    .from_string("")
    .new_context({"page_path": "casualties.md", "folder": "test/"})
)


def test_each_badge_tooltip_reads_as_written():
    tooltips = {
        "grade": FILTERS["grade"](PAGE, Grade(2, "probably true", (f"claimed by {NAME}",), False)),
        "single source": FILTERS["single_source"](PAGE, f"Carried only by {NAME}"),
        "verdict": FILTERS["verdict"](PAGE, Verdict("conflict", "conflicting", f"8 from {NAME}")),
    }
    for kind, md in tooltips.items():
        (shown,) = _tooltips(md)
        assert shown.endswith(NAME), (kind, shown)


def test_a_badge_class_and_a_permalink_read_as_written():
    badge = _parsed(FILTERS["badge"](PAGE, "it's <x>"))
    assert ("span", "class", "briefing-badge briefing-it's <x>") in badge.attributes
    cite = _parsed(FILTERS["cite_line"](CiteLine(NAME, NAME, "/a/b", "it's")))
    assert ("a", "href", "#it's") in cite.attributes


def test_chart_names_read_as_written():
    row = FigureRow(NAME, "8", 8, 8, False, False, "#x")
    chart = CasualtyChart(NAME, (FigureGroup(NAME, "compatible", (row,)),), f"caption {NAME}")
    # A <figure> starts its own line: a raw HTML block, as the pages print it.
    page = markdown.markdown(FILTERS["casualty_chart"](chart), extensions=["tables"])
    parsed = _Texts()
    parsed.feed(page)
    assert ("div", "aria-label", NAME) in parsed.attributes  # the chart's name
    assert ("ol", "aria-label", NAME) in parsed.attributes  # the loss's list of figures
    # The row's words, which name its link.
    (label,) = re.findall(r'<span class="briefing-row-label">(.*?)</span>', page)
    assert html.unescape(label) == NAME


def test_every_tooltip_of_a_built_site_reads_as_written(tmp_path: Path):
    """The whole site built by MkDocs: the outlet (single-source badge), the claimant (grade
    and verdict tooltips) and the event (timeline chart) are all named NAME."""
    quoted = NAME.replace('"', '\\"')
    root = write_project(
        tmp_path,
        with_site_config=True,
        files={
            "sources.yaml": SOURCES.replace("outlet: The Daily", f'outlet: "{quoted}"'),
            "actors.yaml": textwrap.dedent(f"""\
                - id: northern-brigade
                  name: Northern Brigade
                  kind: armed group
                  aliases: [the brigade]
                - id: ivan-petrov
                  name: "{quoted}"
                  kind: person
                """),
            "events.yaml": EVENTS.replace(
                "title: Gunmen cross the border", f'title: "Crossing by {quoted}"'
            ),
            "claims.yaml": CLAIMS
            + textwrap.dedent("""\
                - id: brigade-wounded
                  claimant: northern-brigade
                  as_of: 2023-05-22
                  incident: crossing
                  category: wounded
                  group: unspecified
                  count: 12
                  citations:
                    - source: daily
                      quote: twelve people were wounded
                """),
            # The made-up name is in no source: the editorial check's warnings on that are
            # beside this test's point.
            "waivers.yaml": textwrap.dedent("""\
                - check: unheld-name
                  record: crossing
                  reason: the title holds a made-up name to test escaping
                - check: unnamed-actor
                  record: petrov-wounded
                  reason: the claimant has a made-up name to test escaping
                """),
        },
        seeds={"daily.txt": SEED + "\nThe brigade said twelve people were wounded.\n"},
    )
    result = mkdocs_build(root / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    shown: list[str] = []
    for page in (root / "site" / "test").rglob("*.html"):
        parser = _Texts()
        parser.feed(page.read_text(encoding="utf-8"))
        shown += [v for _, a, v in parser.attributes if a in {"title", "aria-label"}]
        shown += parser.titles
    named = [text for text in shown if "Dravenia" in text]
    assert named, "no tooltip names the outlet, claimant or event"
    for text in named:
        assert NAME in text, text
    # The single-source badge, the verdict, the grade, the timeline chart.
    kinds = {"Carried only by", "gives 8", "carried by one lineage", "Crossing by"}
    assert all(any(k in text for text in named) for k in kinds), named
