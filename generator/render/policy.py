"""The site's Content-Security-Policy: written into every page as the first element of its
`<head>`, and checked on the built site before it is published.

The policy lets a page run script only from files on the site, and load nothing from
another origin: Material's bundle fetches a polyfill from unpkg.com in browsers without
`ResizeObserver`, and mermaid from there when a page has a diagram, so a promise kept by
our own pages alone ("no request leaves the site's origin") needs the browser to hold to
it too. A `<meta>` policy covers only what the parser meets after it, hence first in head.

Material writes small inline scripts into every page (one carries the page's depth, so
they differ by page); each page's policy allows its theme's inline scripts by their
SHA-256. Script in a page's own content (a hand-written `docs/*.md` page: generated pages
escape all text) is never allowed that way: it is reported with its line, and the build
fails. Inline event handlers (`onclick=`) and `javascript:` links cannot be allowed by a
hash at all.

`protect` writes the policy into a page; `content_problems` finds script in a page's
content; `unprotected` says what is wrong with a built page. None of them needs MkDocs.

Every page is read for its inline scripts when it is written and again before the site is
published, so that reading is a regular expression (a hundred briefings are 5,000 pages;
an HTML parser took 3 ms a page, this 0.1 ms). Content that could hold script, a
hand-written page's, is read by an HTML parser, as a browser would read it: handlers and
`javascript:` links written with character references included.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Literal

from ..problems import Problem

__all__ = [
    "REFERRER_META",
    "InlineCode",
    "allow_added_scripts",
    "content_problems",
    "inline_code",
    "inline_scripts",
    "policy",
    "protect",
    "script_hash",
    "unprotected",
]

# 'wasm-unsafe-eval': Pagefind's search runs as WebAssembly, which a policy with a
# script-src blocks unless this allows compiling it. It allows WebAssembly only, not eval().
# The rest falls back to default-src 'self', said out loud where a reader would look for it.
_DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self'"),
    # Material's icons in its stylesheets are data: URLs.
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    # The only form is the search box, which never submits (briefing.js answers it).
    ("form-action", "'none'"),
)
_HASH_SOURCE = re.compile(r"'sha256-[A-Za-z0-9+/]+=*'")
# Readers' browsers send no Referer: a source's site never learns which briefing cited it.
REFERRER_META = '<meta name="referrer" content="no-referrer">'
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_META = '<meta http-equiv="Content-Security-Policy" content="{}">'
_WRITTEN_META = re.compile(re.escape(_META).replace(r"\{\}", r'([^"]*)'))
_FIRST_IN_HEAD = re.compile(r"\s*" + _WRITTEN_META.pattern)
# A script element's text runs to the first `</script` (HTML has no escape for it); a
# comment holds no element.
_SCRIPT_OR_COMMENT = re.compile(
    r"<!--.*?(?:-->|\Z)|<script\b([^>]*)>(.*?)</script[\t\n\f\r />]", re.IGNORECASE | re.DOTALL
)
_ATTR = r"""(?:^|[\s/]){}(?![\w-])\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>]*))?"""
_SRC, _TYPE, _LANGUAGE = (
    re.compile(_ATTR.format(a), re.IGNORECASE) for a in ("src", "type", "language")
)

# What `type` an executable <script> has: HTML's JavaScript MIME type essences, `module`,
# and import maps and speculation rules, which a policy governs too. Any other type is a
# data block, which runs nothing (Material's __config is application/json).
_SCRIPT_TYPES = frozenset(
    {"", "module", "importmap", "speculationrules"}
    | {f"{p}/{s}" for p in ("application", "text") for s in ("ecmascript", "javascript")}
    | {f"{p}/x-{s}" for p in ("application", "text") for s in ("ecmascript", "javascript")}
    | {f"text/javascript1.{n}" for n in range(6)}
    | {"text/jscript", "text/livescript"}
)
# Attributes a browser follows or loads as an address, where `javascript:` would run.
_URL_ATTRS = frozenset({"href", "xlink:href", "src", "action", "formaction", "data"})
_HANDLER = re.compile(r"on[a-z]+")

Kind = Literal["script", "handler", "url"]


@dataclass(frozen=True)
class InlineCode:
    """Script written into a page rather than loaded from a file."""

    kind: Kind
    line: int  # of the HTML it was found in
    text: str  # a script's text, a handler's attribute name, a javascript: address

    @property
    def what(self) -> str:
        if self.kind == "script":
            return "an inline <script>"
        if self.kind == "handler":
            return f"an inline event handler ({self.text}=)"
        return "a javascript: link"


def script_hash(text: str) -> str:
    """The policy's source expression allowing an inline script of this text. Browsers
    hash the text as parsed, whose line breaks are all \\n."""
    parsed = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(parsed.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(script_hashes: list[str] | tuple[str, ...] = ()) -> str:
    """The policy, allowing the inline scripts of these hashes."""
    parts = []
    for name, value in _DIRECTIVES:
        if name == "script-src":
            value = " ".join([value, *script_hashes])
        parts.append(f"{name} {value}")
    return "; ".join(parts)


def inline_scripts(html: str) -> list[tuple[int, str]]:
    """(offset, text) of every inline executable script in `html`, in document order."""
    found = []
    for match in _SCRIPT_OR_COMMENT.finditer(html):
        attrs, text = match.group(1), match.group(2)
        if attrs is None or _SRC.search(attrs):
            continue
        values = {"type": _TYPE.search(attrs), "language": _LANGUAGE.search(attrs)}
        given = {k: (v.group(1) or "").strip("\"'") for k, v in values.items() if v}
        if _executable(given):
            found.append((match.start(), text))
    return found


def inline_code(html: str) -> list[InlineCode]:
    """Every inline executable script, event handler and javascript: address in `html`,
    in document order, as an HTML parser reads them."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.found


def protect(page: str, content: str = "") -> str:
    """`page` with the policy and the referrer policy as the first elements of its head
    (unchanged if it has no `<head>`: the check of the built site names it). The policy
    allows the page's inline scripts but those in `content`, the page's own text."""
    head = _HEAD.search(page)
    if head is None:
        return page
    theme = Counter(text for _, text in inline_scripts(page))
    theme.subtract(text for _, text in inline_scripts(content))
    hashes = list(dict.fromkeys(script_hash(text) for text, n in theme.items() if n > 0))
    meta = _META.format(policy(hashes))
    return f"{page[: head.end()]}{meta}{REFERRER_META}{page[head.end() :]}"


def allow_added_scripts(page: str, served: str) -> str:
    """`served`, which is `page` with inline scripts added (by a preview server), with
    the added scripts allowed in the policy `protect` wrote into it."""
    written = _WRITTEN_META.search(served)
    if written is None:
        return served
    added = Counter(text for _, text in inline_scripts(served))
    added.subtract(text for _, text in inline_scripts(page))
    hashes = _HASH_SOURCE.findall(written.group(1))
    hashes += [script_hash(text) for text, n in added.items() if n > 0]
    meta = _META.format(policy(list(dict.fromkeys(hashes))))
    return f"{served[: written.start()]}{meta}{served[written.end() :]}"


_FIX = {
    "script": "move the code into a .js file under docs/ and list it under "
    "extra_javascript in mkdocs.yml",
    "handler": "move the code into a .js file under docs/ that adds the handler with "
    "addEventListener, and list it under extra_javascript in mkdocs.yml",
    "url": "link to a page, or move the code into a .js file under docs/ and list it under "
    "extra_javascript in mkdocs.yml",
}


def content_problems(content: str, source: str, file: str) -> list[Problem]:
    """One problem per inline script, handler or javascript: address in a page's content
    (its Markdown rendered), located in `source`, the page's Markdown file (`file`)."""
    problems = []
    searched_from: dict[Kind, int] = {}
    for code in inline_code(content):
        at = _locate(source, code, searched_from.get(code.kind, 0))
        if at is not None:
            searched_from[code.kind] = at + 1
        line = _line(source, at) if at is not None else 1
        message = (
            f"{code.what} would be blocked by the site's Content-Security-Policy (pages run "
            f"scripts only from files on the site): {_FIX[code.kind]}"
        )
        problems.append(Problem(file, line, "", message))
    return problems


def unprotected(page: str) -> list[str]:
    """What is wrong with a built page's policy, in words (none: nothing)."""
    head = _HEAD.search(page)
    written = _FIRST_IN_HEAD.match(page, head.end()) if head else None
    if written is None:
        return ["no Content-Security-Policy <meta> as the first element of its <head>"]
    if not page.startswith(REFERRER_META, written.end()):
        return [f"no {REFERRER_META} after its policy"]
    if _without_hashes(written.group(1)) != _without_hashes(policy()):
        return ["a Content-Security-Policy other than the site's"]
    allowed = set(_HASH_SOURCE.findall(written.group(1)))
    return [
        f"line {_line(page, at)}: an inline <script> its policy does not allow, so no "
        "browser would run it"
        for at, text in inline_scripts(page)
        if script_hash(text) not in allowed
    ]


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _without_hashes(text: str) -> list[list[str]]:
    """A policy's directives, each a list of words, without the scripts' hashes."""
    directives = (d.split() for d in text.split(";"))
    return [[w for w in d if not _HASH_SOURCE.fullmatch(w)] for d in directives if d]


def _locate(source: str, code: InlineCode, start: int) -> int | None:
    """Where in the Markdown source `code` was written: its text, else a mark of its kind,
    searched from `start` (the same code written twice is found twice), then from the top.
    None when the source does not show it (written with entities, say)."""
    for begin in dict.fromkeys((start, 0)):
        for mark in _marks(code):
            if found := re.compile(mark, re.IGNORECASE).search(source, begin):
                return found.start()
    return None


def _marks(code: InlineCode) -> list[str]:
    """Patterns for `code` in Markdown, the most telling first."""
    if code.kind == "script":
        first = next((ln.strip() for ln in code.text.splitlines() if ln.strip()), "")
        opening = r"<script\b[^>]*>\s*"
        return [opening + re.escape(first), re.escape(first), opening] if first else [opening]
    if code.kind == "handler":
        # As an attribute of raw HTML, or in an attribute list: {: onclick="..." }
        return [rf"\b{re.escape(code.text)}\s*="]
    return [re.escape(code.text), r"javascript\s*:"]


class _Finder(HTMLParser):
    """Collects the inline code of a page's content."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[InlineCode] = []
        self._script: list[str] | None = None
        self._script_line = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        line = self.getpos()[0]
        for name, value in values.items():
            if _HANDLER.fullmatch(name):
                self.found.append(InlineCode("handler", line, name))
            elif name in _URL_ATTRS and _is_javascript(value):
                self.found.append(InlineCode("url", line, value.strip()))
        if tag == "script" and "src" not in values and _executable(values):
            self._script, self._script_line = [], line

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            # `<script/>` opens a script in HTML as `<script>` does: its text follows.
            self.set_cdata_mode(tag)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.found.append(InlineCode("script", self._script_line, "".join(self._script)))
            self._script = None


def _executable(values: dict[str, str]) -> bool:
    kind = values.get("type")
    if kind is None and values.get("language"):
        kind = f"text/{values['language']}"
    return (kind or "").strip().lower() in _SCRIPT_TYPES


_C0_AND_SPACE = "".join(map(chr, range(0x21)))


def _is_javascript(address: str) -> bool:
    # As a browser reads an address: surrounding spaces and controls, and tabs and line
    # breaks anywhere, are dropped (`java\tscript:` is javascript:).
    cleaned = re.sub(r"[\t\n\r]", "", address).strip(_C0_AND_SPACE).lower()
    return cleaned.startswith("javascript:")
