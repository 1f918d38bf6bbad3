"""What a built page would load from another origin, and which pages lack the site's
Content-Security-Policy (`policy.py`): the promise that readers are not tracked, checked on
every build rather than only in the tests.

A theme or a setting in mkdocs.yml adds such loads without a word: `theme: mkdocs` puts
highlight.js from cdnjs on every page, and Material without `font: false` loads Google
Fonts. The plugin scans the staged site before it is swapped in, and a build whose pages
would load anything from elsewhere fails, keeping the previous site.

Only what a browser fetches by itself counts: scripts, stylesheets and other `<link>`s that
load (preconnect, preload, icons), images, frames, media and objects, and `url()`/`@import`
in the site's CSS. A link a reader may follow (`<a href>`, a feed's `<link rel="alternate">`,
the canonical address) is not a load.

Every page the theme renders carries the policy as the first element of its head (the
plugin writes it); an .html file in docs/ is copied as it is, without one, and a plugin
that changed a page after the policy was written could break it. The same scan names
such pages, and the build fails on them too.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from .policy import unprotected

__all__ = [
    "OffOrigin",
    "SiteScan",
    "describe",
    "describe_unprotected",
    "off_origin_loads",
    "scan_site",
]

# Tags whose address attributes a browser fetches when the page loads.
_LOADING_TAGS = re.compile(
    r"<(script|link|img|iframe|frame|source|video|audio|track|embed|object|input|image|use)"
    r"\b([^>]*)>",
    re.IGNORECASE,
)
_ADDRESS_ATTRS = re.compile(
    r"\b(src|href|srcset|data|poster|xlink:href)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)",
    re.IGNORECASE,
)
_REL = re.compile(r"\brel\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.IGNORECASE)
# `<link rel=...>` values that name a page rather than load a resource.
_NOT_LOADED_RELS = {"alternate", "canonical", "author", "license", "me", "next", "prev", "help"}
_CSS_ADDRESS = re.compile(r"""(?:url\(\s*|@import\s+)["']?\s*((?:https?:)?//[^"')\s;]+)""")
_ABSOLUTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)

# How to stop what is known to add such loads, by host.
_HINTS = (
    (
        ("fonts.googleapis.com", "fonts.gstatic.com"),
        "Material's web fonts: set `font: false` under theme in mkdocs.yml",
    ),
    (
        ("cdnjs.cloudflare.com",),
        "the mkdocs and readthedocs themes load highlight.js from cdnjs: use `name: "
        "material` under theme, or set `highlightjs: false` under it",
    ),
)


@dataclass(frozen=True)
class OffOrigin:
    """One address the site would load from elsewhere, and where."""

    url: str
    what: str  # "a script", "a stylesheet", ...
    pages: tuple[str, ...]  # the files that load it, relative to the site


@dataclass(frozen=True)
class SiteScan:
    """What the built site would load from elsewhere, and its pages without the policy."""

    loads: list[OffOrigin]
    unprotected: dict[str, list[str]]  # a page, relative to the site: what is wrong


def scan_site(site_dir: Path, site_url: str | None = None) -> SiteScan:
    """Every address outside the site's own origin that its pages or CSS would load
    (`site_url`'s origin, when set, is the site's own), and every page whose policy is
    missing or would not hold."""
    own = _origin(site_url) if site_url else None
    found: dict[str, tuple[str, list[str]]] = {}
    pages: dict[str, list[str]] = {}
    for path in sorted(site_dir.rglob("*")):
        if path.suffix not in (".html", ".css") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        name = path.relative_to(site_dir).as_posix()
        loads = _css_loads(text) if path.suffix == ".css" else _html_loads(text)
        for url, what in loads:
            if own is None or _origin(url) != own:
                found.setdefault(url, (what, []))[1].append(name)
        if path.suffix == ".html" and (wrong := unprotected(text)):
            pages[name] = wrong
    return SiteScan([OffOrigin(url, what, tuple(p)) for url, (what, p) in found.items()], pages)


def off_origin_loads(site_dir: Path, site_url: str | None = None) -> list[OffOrigin]:
    """Every address outside the site's own origin that its pages or CSS would load."""
    return scan_site(site_dir, site_url).loads


def describe(loads: list[OffOrigin], limit: int = 5) -> str:
    """The loads in words, one line each, with how to stop the known ones."""
    lines = []
    for load in loads[:limit]:
        pages = len(load.pages)
        where = f"{load.pages[0]}" + (f" and {pages - 1} more pages" if pages > 1 else "")
        hint = _hint(load.url)
        lines.append(f"{load.url} ({load.what}, on {where})" + (f": {hint}" if hint else ""))
    if len(loads) > limit:
        lines.append(f"and {len(loads) - limit} more addresses")
    return "\n".join(lines)


def describe_unprotected(pages: dict[str, list[str]], limit: int = 5) -> str:
    """The pages without a policy that holds, one line each, with what is wrong."""
    lines = [f"{page}: {'; '.join(reasons)}" for page, reasons in list(pages.items())[:limit]]
    if len(pages) > limit:
        lines.append(f"and {len(pages) - limit} more pages")
    return "\n".join(lines)


def _html_loads(text: str) -> list[tuple[str, str]]:
    loads = []
    for tag_match in _LOADING_TAGS.finditer(text):
        tag, attrs = tag_match.group(1).lower(), tag_match.group(2)
        if tag == "link" and not _link_loads(attrs):
            continue
        for attr in _ADDRESS_ATTRS.finditer(attrs):
            name, value = attr.group(1).lower(), attr.group(2).strip("\"'")
            candidates = [v.split()[0] for v in value.split(",") if v.split()]
            if name != "srcset":
                candidates = [value]
            loads += [(url.strip(), _what(tag)) for url in candidates if _ABSOLUTE.match(url)]
    return loads


def _link_loads(attrs: str) -> bool:
    rel = _REL.search(attrs)
    rels = set(rel.group(1).strip("\"'").lower().split()) if rel else set()
    return not rels or not rels <= _NOT_LOADED_RELS


def _css_loads(text: str) -> list[tuple[str, str]]:
    return [(m.group(1), "an address in a stylesheet") for m in _CSS_ADDRESS.finditer(text)]


def _what(tag: str) -> str:
    names = {"script": "a script", "link": "a stylesheet or other link it loads"}
    return names.get(tag, f"an <{tag}>")


def _origin(url: str) -> tuple[str, str]:
    try:
        parts = urllib.parse.urlsplit(url.strip())
    except ValueError:  # "//[" and the like: not our origin in any case
        return ("", url)
    return (parts.scheme or "https").lower(), parts.netloc.lower()


def _hint(url: str) -> str | None:
    try:
        host = urllib.parse.urlsplit(url.strip()).hostname or ""
    except ValueError:
        return None
    return next((hint for hosts, hint in _HINTS if host in hosts), None)
