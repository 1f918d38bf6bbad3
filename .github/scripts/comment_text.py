"""Contributor text in the bot's comment, quoted and never rendered.

The sticky comment speaks as github-actions[bot], so nothing in it may come from a
contributor as Markdown: an event title such as `@newsroom/editors [Preview approved —
click to confirm](https://evil.example/login) <img src=…>` would ping a team, post a
phishing link and hide HTML under the bot's name. Two rules keep that out:

- what the gate writes itself (file names from GitHub's record of the pull request) goes
  in code spans with a fence no backtick run inside can close (`code_span`);
- the build's summary (`briefing diff`, computed by the pull request's own code, so
  untrusted however it is written) is posted as Markdown only when everything outside its
  code spans is plain words, digits and the punctuation our summaries use, with no
  address, mention, link, image, HTML, entity or escape (`is_inert`); otherwise it is
  posted whole as a fenced block of text, which GitHub shows and does not render.
"""

from __future__ import annotations

import re
import unicodedata

# What may stand outside code spans in a summary posted as Markdown: letters, digits,
# spaces, and the punctuation of our own headings, lists and coverage table. Not in it:
# @ (mentions), [ ] ! (links, images), < > & (HTML, entities), \ (escapes), ` (an
# unclosed code span), and control or formatting characters (bidirectional overrides).
_PUNCTUATION = set(" .,:;()%#*-_'\"+=?/|→—–…·×−")
_LETTER_OR_DIGIT = {"Lu", "Ll", "Lt", "Lm", "Lo", "Nd"}
# Addresses and references GitHub links by itself, even in plain text.
_AUTOLINKED = re.compile(r"://|www\.|#\d|\bGH-\d", re.IGNORECASE)
_BACKTICKS = re.compile(r"`+")
# CommonMark's line endings (str.splitlines would also split at \x1e, \x85 and others,
# which Markdown keeps inside a line).
_LINE_ENDING = re.compile(r"\r\n|\r|\n")


def code_span(text: str) -> str:
    """`text` as one inline code span on one line, whatever backticks it holds."""
    flat = " ".join(_LINE_ENDING.split(text))
    longest = max((len(run) for run in _BACKTICKS.findall(flat)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {flat} " if flat.startswith("`") or flat.endswith("`") or not flat else flat
    return f"{fence}{padded}{fence}"


def is_inert(markdown: str) -> bool:
    """Whether `markdown` renders no mention, link, image, HTML or escape: each line's code
    spans close on that line, and everything outside them is plain (see _PUNCTUATION)."""
    for line in _LINE_ENDING.split(markdown):
        outside = _outside_code_spans(line)
        if outside is None or _AUTOLINKED.search(outside):
            return False
        if not all(
            ch in _PUNCTUATION or unicodedata.category(ch) in _LETTER_OR_DIGIT for ch in outside
        ):
            return False
    return True


def _outside_code_spans(line: str) -> str | None:
    """The line's text outside its code spans (each replaced by a space), or None when a
    backtick run opens a span the line does not close (CommonMark would then pair it with
    a run on a later line, which this line-by-line reading cannot follow)."""
    outside, position = [], 0
    while (opening := _BACKTICKS.search(line, position)) is not None:
        outside.append(line[position : opening.start()])
        closing = next(
            (
                m
                for m in _BACKTICKS.finditer(line, opening.end())
                if len(m.group()) == len(opening.group())
            ),
            None,
        )
        if closing is None:
            return None
        outside.append(" ")
        position = closing.end()
    outside.append(line[position:])
    return "".join(outside)


def fenced(text: str) -> str:
    """`text` as a fenced block GitHub shows as it is, with a fence nothing in it closes."""
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text.rstrip()}\n{fence}"


def quoted_summary(summary: str) -> str:
    """The build's summary as the comment may carry it: as Markdown when it is inert,
    otherwise as a block of text, with a line saying why."""
    if is_inert(summary):
        return summary.rstrip()
    return (
        "(Shown as text: the summary holds characters that GitHub would turn into "
        "mentions, links or HTML.)\n\n" + fenced(summary)
    )
