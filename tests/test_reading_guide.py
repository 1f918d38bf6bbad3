"""The reader's guide, "How to read a briefing" (how-to-read/): one section for each anchor
the pages link to, and its lists read from the code's own tables, so a word added or
renamed there cannot be missing here."""

from __future__ import annotations

import re
from typing import get_args

from generator.addresses import READING_PAGE, READING_SECTIONS, reading_guide, relative_url
from generator.analysis.figures import Verdict
from generator.factsheets.vocabulary import Status
from generator.render.site import render_home
from generator.words import CREDIBILITY_SCALE, RELIABILITY_SCALE, verdict_label


def _guide() -> str:
    return render_home([])[READING_PAGE]


def test_the_guide_has_a_section_for_every_anchor_the_pages_link_to():
    anchors = re.findall(r"^## .* \{: #([a-z-]+) \}$", _guide(), re.MULTILINE)
    assert anchors == list(READING_SECTIONS)
    assert {"status", "credibility", "lineages", "verdicts", "scopes", "errata"} <= set(anchors)


def test_every_status_grade_and_verdict_the_code_knows_is_explained():
    guide = _guide()
    for word in [*get_args(Status), *(verdict_label(v) for v in get_args(Verdict))]:
        assert re.search(rf"^- \*\*{re.escape(word)}\*\*: \w", guide, re.MULTILINE), word
    for grade, label in [*CREDIBILITY_SCALE.items(), *RELIABILITY_SCALE.items()]:
        assert f"- **{grade}**: {label}" in guide


def test_a_briefing_page_links_to_a_section_of_the_guide_at_the_top_of_the_site():
    link = reading_guide("Status", "status")
    assert relative_url("index.md", link.page, link.anchor) == "../how-to-read.md#status"
    assert relative_url("actors/x.md", link.page, link.anchor) == "../../how-to-read.md#status"
