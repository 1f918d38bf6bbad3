"""No figure without its claimant, anywhere (issue 27): every built page of the shipped
briefing and of the fixture briefing is read, and each casualty figure on it must have who
gives it and when beside it.

How a figure is found: the pages mark each part of a figure they print (render/filters.py,
render/charts/casualties.py) with the claim's id: the figure `data-figure`, who gives it
`data-claimant` and when `data-as-of` (a claimant giving several figures on one line lists
their ids). "Beside" is the figure's line: the nearest table row, list item, paragraph, link
(a chart's row is one) or cite line holding it. A page that printed a figure without the
mark would slip past that, so every text, tooltip and accessible name is also searched for
each claim's figure in words ("12 civilians wounded"), which must stand inside a marked
figure, or be said in the same words with who gives it and when ("…, according to Vyacheslav
Gladkov, as of 23 May 2023": how the change log names a claim removed since).
"""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, SHIPPED, mkdocs_build
from test_second_story import FIXTURE as FIXTURE_PROJECT
from test_second_story import SLUG as FIXTURE
from test_second_story import fixture_project

from generator.factsheets.load import load_factsheets
from generator.words import describe_claim

# Elements a figure's line can be: its claimant and as-of must be within the nearest one.
LINES = {"tr", "li", "p", "a", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "figcaption"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
VOID |= {"track", "wbr"}
SPOKEN = ("title", "aria-label", "alt")  # attributes a reader sees or hears
# A figure in words, then who gives it and when, as `attribution.Attribution.sentence`
# says it.
SAID_WITH_CLAIMANT = re.compile(r"^, (according to .+|the outlets?'s? own count .+), as of \S")


@dataclasses.dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None
    children: list[Element | str] = dataclasses.field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self):
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.walk()

    def ancestors(self):
        node: Element | None = self
        while node is not None:
            yield node
            node = node.parent

    def ids(self, part: str) -> set[str]:
        return set((self.attrs.get(f"data-{part}") or "").split())


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.open = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.open)
        self.open.children.append(element)
        if tag not in VOID:
            self.open = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.children.append(Element(tag, {k: v or "" for k, v in attrs}, self.open))

    def handle_endtag(self, tag: str) -> None:
        for node in self.open.ancestors():
            if node.tag == tag:
                self.open = node.parent or self.root
                return

    def handle_data(self, data: str) -> None:
        self.open.children.append(data)


def parse(html: str) -> Element:
    tree = _Tree()
    tree.feed(html)
    return tree.root


def _line(element: Element) -> Element | None:
    """The figure's line: the nearest row, item, paragraph, link or cite line holding it."""
    for node in element.ancestors():
        if node.tag in LINES or "briefing-cite" in node.attrs.get("class", "").split():
            return node
    return None


def _named(line: Element, part: str, claim: str) -> bool:
    return any(claim in e.ids(part) and e.text().strip() for e in line.walk())


def attribution_problems(html: str, figures_in_words: dict[str, str]) -> list[str]:
    """Every figure on a page that stands without who gives it or when, said as a problem;
    `figures_in_words`: each claim's id and its figure in words, to find unmarked ones."""
    problems = []
    root = parse(html)
    for element in root.walk():
        for claim in element.ids("figure"):
            line = _line(element)
            shown = " ".join(element.text().split()) or element.tag
            if line is None or not _named(line, "claimant", claim):
                problems.append(f"{claim}: “{shown}” has no claimant beside it")
            elif not _named(line, "as-of", claim):
                problems.append(f"{claim}: “{shown}” has no as-of beside it")
        marked = any(e.ids("figure") for e in element.ancestors())
        said = [c for c in element.children if isinstance(c, str)]
        said += [element.attrs[a] for a in SPOKEN if a in element.attrs]
        for text in [] if marked else said:
            for claim, words in figures_in_words.items():
                for found in re.finditer(rf"(?<![\w-]){re.escape(words)}(?![\w-])", text):
                    if not SAID_WITH_CLAIMANT.match(text[found.end() :]):
                        problems.append(f"{claim}: “{words}” is shown unmarked: “{text.strip()}”")
    return problems


def figures_in_words(project: Path, slug: str) -> dict[str, str]:
    sheets, problems = load_factsheets(project / "briefings" / slug, project)
    assert not problems
    return {claim.id: describe_claim(claim) for claim in sheets.claims}


def site_problems(site: Path, slug: str, words: dict[str, str]) -> tuple[list[str], set[str]]:
    """The problems of every built page, and the claims whose figures were found marked."""
    problems, seen = [], set()
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        where = page.relative_to(site).as_posix()
        problems += [f"{where}: {p}" for p in attribution_problems(html, words)]
        seen |= {c for e in parse(html).walk() for c in e.ids("figure")}
    return problems, seen


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = fixture_project(tmp_path_factory.mktemp("attribution"))
    result = mkdocs_build(root / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_the_shipped_briefing_shows_no_figure_without_its_claimant(shipped_site):
    words = figures_in_words(ROOT, SHIPPED)
    problems, seen = site_problems(shipped_site, SHIPPED, words)
    assert problems == []
    assert seen == set(words), "every claim's figure is shown, and found"


def test_the_fixture_briefing_shows_no_figure_without_its_claimant(fixture_site):
    words = figures_in_words(FIXTURE_PROJECT, FIXTURE)
    problems, seen = site_problems(fixture_site, FIXTURE, words)
    assert problems == []
    assert seen == set(words)


def test_the_walk_fails_on_a_bare_figure():
    attributed = (
        '<li><span data-figure="a">12</span>, <span data-claimant="a">according to X</span>, '
        '<span data-as-of="a">as of 23 May</span></li>'
    )
    assert attribution_problems(attributed, {"a": "12 civilians wounded"}) == []
    # A figure with no claimant on its line, or no as-of.
    assert attribution_problems('<p><span data-figure="a">12</span></p>', {}) == [
        "a: “12” has no claimant beside it"
    ]
    no_date = '<tr><td data-figure="a">12</td><td data-claimant="a">X</td></tr>'
    assert attribution_problems(no_date, {}) == ["a: “12” has no as-of beside it"]
    # Another claim's claimant does not count, nor an empty one.
    other = '<li><b data-figure="a">12</b> <i data-claimant="b">X</i><i data-as-of="a">1</i></li>'
    empty = '<li><b data-figure="a">12</b> <i data-claimant="a"></i><i data-as-of="a">1</i></li>'
    assert len(attribution_problems(other, {})) == len(attribution_problems(empty, {})) == 1
    # A figure printed without the marks, in text or a tooltip.
    words = {"a": "12 civilians wounded"}
    assert attribution_problems("<p>Reported: 12 civilians wounded.</p>", words) == [
        "a: “12 civilians wounded” is shown unmarked: “Reported: 12 civilians wounded.”"
    ]
    assert len(attribution_problems('<a title="12 civilians wounded">x</a>', words)) == 1
    assert attribution_problems("<p>112 civilians wounded</p>", words) == []
    said = "<li>Removed 12 civilians wounded, according to X, as of 23 May 2023</li>"
    assert attribution_problems(said, words) == []
    assert len(attribution_problems("<li>12 civilians wounded, as of 23 May 2023</li>", words)) == 1


def test_the_walk_fails_on_a_built_page_whose_figure_lost_its_claimant(shipped_site):
    page = shipped_site / SHIPPED / "casualties" / "index.html"
    html = page.read_text(encoding="utf-8")
    words = figures_in_words(ROOT, SHIPPED)
    assert attribution_problems(html, words) == []
    # The governor's 12 in the table, its "According to" cell emptied as a template that
    # forgot the claimant would leave it.
    cell = re.search(r'<td[^>]*><span data-claimant="gladkov-wounded-12">.*?</td>', html)
    assert cell is not None
    bare = html.replace(cell.group(0), "<td></td>", 1)
    assert attribution_problems(bare, words) == [
        "gladkov-wounded-12: “12” has no claimant beside it"
    ]
