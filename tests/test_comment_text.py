"""Contributor text in the bot's comment (.github/scripts/comment_text.py): quoted in code
spans, and a summary posted as Markdown only when nothing in it would render as a mention,
link, image or HTML (security finding 9)."""

from __future__ import annotations

import importlib.util
import re
import sys

import pytest
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st

_spec = importlib.util.spec_from_file_location(
    "comment_text", ROOT / ".github/scripts/comment_text.py"
)
assert _spec is not None and _spec.loader is not None
text = importlib.util.module_from_spec(_spec)
sys.modules["comment_text"] = text
_spec.loader.exec_module(text)

OURS = """## What this change does to the facts (`origin/main` → `HEAD`)

### belgorod-2023-05

#### Events

- **changed** `zamostye-kindergarten`: `Drone strike on a kindergarten`
  - date: `2023-05-22` → `2023-05-23`

#### Coverage

| | before | after |
|---|---|---|
| share captured | 91.2% | 93.0% |
"""


def test_our_own_summary_is_posted_as_markdown():
    assert text.is_inert(OURS)
    assert text.quoted_summary(OURS) == OURS.rstrip()


@pytest.mark.parametrize(
    "line",
    [
        "- **added** Crimea @newsroom/editors",  # a team mention
        "- [Preview approved — click to confirm](https://evil.example/login)",  # a link
        "- ![x](https://evil.example/pixel.png)",  # an image, which GitHub proxies
        "- <img src=x onerror=alert(1)>",  # HTML
        "- <!-- hidden until edited -->",  # a hidden comment
        "- &#64;newsroom/editors",  # an entity that becomes @
        "- see https://evil.example",  # a bare address GitHub links
        "- see www.evil.example",
        "- closes #12",  # a reference to another issue
        "- closes GH-12",
        "- \\`not a span\\` @team",  # an escaped backtick opens no span
        "- `unclosed @team",  # CommonMark could close it on a later line
        "- right-to-left \u202egnp.exe",  # a bidirectional override
    ],
)
def test_a_summary_that_would_render_contributor_markup_is_shown_as_text(line):
    summary = OURS + line + "\n"
    assert not text.is_inert(summary)
    quoted = text.quoted_summary(summary)
    assert quoted.startswith("(Shown as text: ")
    body = quoted.split("\n\n", 1)[1]
    fence = re.match(r"`{3,}", body).group()
    assert body.startswith(fence + "text\n") and body.endswith("\n" + fence)
    assert line in body


def test_markup_inside_code_spans_stays_inert():
    assert text.is_inert("- **added** `@newsroom/editors [x](https://e.example) <img>`\n")
    assert text.is_inert("- ``a ` b @team`` and `c`\n")


@given(st.text())
def test_any_text_in_a_code_span_is_one_inert_span(value):
    span = text.code_span(value)
    assert "\n" not in span
    assert text.is_inert(f"- **added** {span}: a → b")
    # The fence is one backtick longer than any run inside, so nothing inside closes it.
    fence = re.match(r"`+", span).group()
    inner = span[len(fence) : -len(fence)]
    assert all(len(run) != len(fence) for run in re.findall(r"`+", inner))


@given(st.text())
def test_any_text_in_a_fenced_block_cannot_close_it(value):
    block = text.fenced(value)
    fence = block.split("text\n", 1)[0]
    lines = block.split("\n")[1:-1]
    assert block.endswith("\n" + fence)
    assert not any(line.strip().startswith(fence) for line in lines)
