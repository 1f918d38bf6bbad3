"""The generated pages of the shipped briefing, compared with a committed golden copy.

A change to templates, analysis or fact sheets shows up here as a reviewable diff.
After an intended change, regenerate with `make golden` and commit tests/golden.
"""

import difflib
import re

from conftest import ROOT

from generator.pipeline import load_briefings
from generator.problems import has_errors
from generator.render.site import render_site
from generator.render_folder import RENDER_MARKER

GOLDEN = ROOT / "tests" / "golden"


def test_generated_pages_match_the_golden_copy():
    briefings, problems = load_briefings(ROOT, ROOT / "briefings", ROOT / "seeds")
    assert not has_errors(problems)
    generated = render_site(briefings)
    golden = {
        p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8")
        for p in GOLDEN.rglob("*")
        if p.is_file() and p.name != RENDER_MARKER
    }
    added, removed = sorted(set(generated) - set(golden)), sorted(set(golden) - set(generated))
    assert not added and not removed, f"added {added}, removed {removed}: run `make golden`"
    for path, text in sorted(generated.items()):
        if text != golden[path]:
            diff = "".join(
                difflib.unified_diff(
                    golden[path].splitlines(keepends=True),
                    text.splitlines(keepends=True),
                    f"golden/{path}",
                    f"generated/{path}",
                )
            )
            raise AssertionError(f"{path} changed; if intended, run `make golden`:\n{diff}")


def test_every_generated_table_keeps_one_row_per_line():
    # A template line ending in an inline {% endfor %} once lost its newline (trim_blocks),
    # gluing a table's header, separator and rows into one paragraph of pipes.
    briefings, _ = load_briefings(ROOT, ROOT / "briefings", ROOT / "seeds")
    for path, text in render_site(briefings).items():
        if not path.endswith(".md"):
            continue
        for number, line in enumerate(text.splitlines(), 1):
            assert not re.search(r"\|\s*\|-", line), f"{path}:{number}: rows run together"


def test_cite_lines_give_each_sources_paragraphs_once_in_order():
    """A cite line pasted into a story reads '¶4, ¶6, ¶11', not '¶11, ¶4, ¶11'."""
    runs = [
        [int(n) for n in re.findall(r"¶(\d+)", run)]
        for page in GOLDEN.rglob("*.md")
        for run in re.findall(r"\d{4}, ((?:¶\d+, )+)address", page.read_text(encoding="utf-8"))
    ]
    assert len(runs) > 50
    assert all(run == sorted(set(run)) for run in runs)
