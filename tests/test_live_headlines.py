"""A live blog's entry headline, in the same block as the entry's first paragraph, is a
line of its own: shown on its own line on the source page, a sentence of its own for
coverage, and quotable alone ("Death toll rises to 17"), while a quote that runs on from
it into the paragraph still reads."""

from __future__ import annotations

import datetime
import re

from conftest import mkdocs_build
from test_second_story import SLUG, fixture_project, run

from generator.build import build_pages
from generator.sources.entries import EntryOrder
from generator.sources.text import clean_source_text, sentence_spans

ORDER = EntryOrder("newest-first", datetime.date(2023, 10, 16))
BLOG = """\
Monday 16 October 2023

19:10 BST
Death toll rises to 17
Governor Mila Oster said 17 people had died in the shelling of Brenmark.

18:00 BST
Governor Oster said that the buses,
which left at noon, had reached Halden.

17:00 BST
Karsland denies firing on town
"""


def test_the_line_after_an_entry_stamp_is_its_headline_when_a_paragraph_follows():
    text = clean_source_text(BLOG, "Live", [], ORDER)
    paragraphs = {p.number: p for p in text.paragraphs}
    first = paragraphs[2]
    assert first.headline == "Death toll rises to 17"
    assert first.body == "Governor Mila Oster said 17 people had died in the shelling of Brenmark."
    assert first.text == f"{first.headline} {first.body}"  # quotes across it still read
    normalised = text.normalised[0]
    assert [normalised[s:e] for s, e in sentence_spans(first, normalised)] == [
        "Death toll rises to 17",
        "Governor Mila Oster said 17 people had died in the shelling of Brenmark.",
    ]
    # A line that runs on (a comma, a lower-case next line) is the paragraph, wrapped.
    assert paragraphs[3].headline is None
    # A headline alone in its block is a paragraph of its own already.
    assert paragraphs[4].headline is None and paragraphs[4].text == "Karsland denies firing on town"


def test_no_headline_outside_a_live_blog_or_where_no_stamp_opens_the_block():
    article = clean_source_text(BLOG, "Live", [])
    assert all(p.headline is None for p in article.paragraphs)
    later = clean_source_text(
        "19:10 BST\n\nDeath toll rises to 17\nGovernor Oster said so.\n", "x", [], ORDER
    )
    assert [p.headline for p in later.paragraphs] == [None]


def live_headline_project(tmp_path):
    """The fixture with the 18:05 entry's headline in the block of its first paragraph, and
    the claim quoting the headline alone."""
    root = fixture_project(tmp_path)
    seed = root / "seeds" / "2023-10-15_evening-ledger-live.txt"
    text = seed.read_text(encoding="utf-8")
    old = "Death toll in Brenmark rises to 14, governor says\n\nGovernor Mila Oster"
    assert old in text
    seed.write_text(
        text.replace(old, "Death toll rises to 14\nGovernor Mila Oster"), encoding="utf-8"
    )
    claims = root / "briefings" / SLUG / "claims.yaml"
    sheet = claims.read_text(encoding="utf-8")
    old = "quote: Death toll in Brenmark rises to 14, governor says"
    assert old in sheet
    claims.write_text(sheet.replace(old, "quote: Death toll rises to 14"), encoding="utf-8")
    return root


def test_a_quote_of_the_headline_alone_captures_its_figure(tmp_path, capsys):
    root = live_headline_project(tmp_path)
    status, out = run(["--root", str(root), "check", "--strict"], capsys)
    assert status == 0, out
    status, out = run(["--root", str(root), "coverage"], capsys)
    assert status == 0, out
    assert re.search(r"^ledger-live\s+4/4\s+\d+/\d+\s+100\.0%$", out, re.M), out


def test_the_source_page_shows_the_headline_on_its_own_line(tmp_path):
    root = live_headline_project(tmp_path)
    site = build_pages(root, root / "briefings", root / "seeds", history=False)
    page = site.files[f"{SLUG}/sources/ledger-live.md"]
    assert (
        '<strong class="briefing-entry-headline">Death toll rises to 14</strong><br>Governor '
        "Mila Oster has said 14 people"
    ) in page
    result = mkdocs_build(root / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    html = (root / "site" / SLUG / "sources" / "ledger-live" / "index.html").read_text()
    assert '<strong class="briefing-entry-headline">Death toll rises to 14</strong><br' in html


def test_a_headline_is_data_not_markup(tmp_path):
    root = live_headline_project(tmp_path)
    seed = root / "seeds" / "2023-10-15_evening-ledger-live.txt"
    text = seed.read_text(encoding="utf-8")
    old = "Buses leave Brenmark for a second day\n\nThe evacuation"
    assert old in text
    headline = "<b>Buses</b> *leave* [Brenmark](x)"
    seed.write_text(text.replace(old, f"{headline}\nThe evacuation"), encoding="utf-8")
    site = build_pages(root, root / "briefings", root / "seeds", history=False)
    page = site.files[f"{SLUG}/sources/ledger-live.md"]
    shown = page.split('class="briefing-entry-headline">')[2].split("</strong>")[0]
    assert "<b>" not in shown and "*leave*" not in shown and "[Brenmark](x)" not in shown
    assert "Buses" in shown and "leave" in shown
