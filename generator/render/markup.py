"""Turning fact-sheet and source text into Markdown that can only ever be text.

Everything that comes from a YAML file or an article is data. `md_text` escapes HTML
(`<`, `>`, `&`) and every Markdown character that could start a link, emphasis, code,
attribute list (`{: onclick=...}`) or table cell, and folds newlines so no block syntax can
begin. Markdown built by our own code is marked `Md` and passes through untouched; the
Jinja environment in `site.py` escapes every other value it prints.
"""

from __future__ import annotations

import functools
import html
import re
from urllib.parse import quote

__all__ = ["Md", "attr", "md_text", "printable", "safe_url"]


class Md(str):
    """Markdown written by the generator itself, safe to print as is."""


# Control characters HTML has no use for (an article as received may hold terminal escapes):
# everything below space but tab and line breaks, DEL, and the C1 controls.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Text with each control character replaced by U+FFFD, which shows that something
    was there."""
    return _CONTROLS.sub("\ufffd", text)


# Characters Python-Markdown (and its tables and attr_list extensions) gives meaning to
# anywhere in a line. Only characters Markdown accepts a backslash escape for are listed:
# any other escaped character would show its backslash. `#` is escaped everywhere because
# trailing hashes are dropped from headings.
_INLINE_SPECIALS = re.compile(r"([\\`*_{}\[\]|#])")
_ATTR_SPECIALS = re.compile(r"[&\"'\\`*_{}\[\]()|#!<>:]")
_ATTR_NAMED = {"&": "&amp;", '"': "&quot;", "<": "&lt;", ">": "&gt;"}
# List markers only mean something at the start of a line: escaped there.
_LIST_START = re.compile(r"^([-+])|^(\d+)\.")


def md_text(value: object) -> Md:
    """Any value as inline Markdown text that renders exactly as written."""
    if value is None:
        return Md("")
    if isinstance(value, Md):
        return value
    return _escaped(str(value))


# Pages print the same labels, names and dates over and over: each is escaped once.
@functools.lru_cache(maxsize=1 << 16)
def _escaped(value: str) -> Md:
    text = printable(" ".join(value.split()))
    text = html.escape(text, quote=False)
    text = _INLINE_SPECIALS.sub(r"\\\1", text)
    text = _LIST_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\.", text)
    return Md(text)


def attr(value: object) -> str:
    """A value escaped for use inside a double-quoted HTML attribute.

    Markdown's inline patterns (links, emphasis) run before it recognises inline HTML, so
    `[x](javascript:...)` inside a `title="..."` would become a link: every character Markdown
    gives meaning to is written as a character reference, which it leaves alone.
    """
    # One pass over the text, so no reference is escaped again (`'` once became `&#x27;`
    # and then its `#` `&#35;`: tooltips read "Dravenia&#x27;s").
    return _ATTR_SPECIALS.sub(
        lambda m: _ATTR_NAMED.get(m.group(0), f"&#{ord(m.group(0))};"),
        printable(" ".join(str(value).split())),
    )


def safe_url(url: str | None) -> str | None:
    """The URL, percent-encoded for a Markdown link, if it is http(s); otherwise None."""
    if not url or not re.match(r"https?://[^\s/]", url, re.IGNORECASE):
        return None
    return quote(url, safe=":/?#@!$&'*+,;=%~.-_")
