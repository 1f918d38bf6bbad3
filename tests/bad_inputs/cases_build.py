"""Cases of the bad-input corpus: mkdocs.yml and the build's folders: site_dir, the plugin,
themes and fonts that load from elsewhere, the site's address, links around site/ and the
inputs.

Ids: `R-<id>` is the case of that id in the review of main at dd7a752
(../shared/reviews/reliability-2026-12-07.md); `N2-...` are new cases in the same families.
"""

from __future__ import annotations

import shutil
import signal
from pathlib import Path

from bad_inputs.kit import BUILD, CHECK, SLUG, B, Case, Step, git_commit, replace, write

CONFIG = "mkdocs.yml"


def site_dir(value: str):
    """Set mkdocs.yml's site_dir."""
    return lambda r: replace(r, CONFIG, "site_dir: site", f"site_dir: {value}")


def theme(root: Path, old: str, new: str) -> None:
    replace(root, CONFIG, old, new)


def url(value: str) -> Step:
    """A build with SITE_URL set, as publish.yml sets it."""
    return Step(("build",), env=(("SITE_URL", value),))


def site_is_link_to(root: Path) -> None:
    """site/ is a link to a folder outside the project (a web server's folder)."""
    outside = root.parent / "www"
    shutil.copytree(root / "site", outside)
    shutil.rmtree(root / "site")
    (root / "site").symlink_to(outside)


def outside_left_alone(root: Path) -> str | None:
    outside = root.parent / "www"
    if not (outside / "index.html").is_file():
        return "the folder site/ pointed at was changed"
    if not (root / "site" / "index.html").is_file():
        return "site/ is not a complete site"
    return None


def serve_tmp(root: Path) -> None:
    (root.parent / "tmp").mkdir(exist_ok=True)


def serve_left_nothing(root: Path) -> str | None:
    left = sorted(p.name for p in (root.parent / "tmp").iterdir())
    return f"a stopped `mkdocs serve` left {left} in its temporary folder" if left else None


def unbuilt_folder(name: str):
    def setup(root: Path) -> None:
        write(root, f"{name}/keep.txt", "work in progress\n")
        replace(root, CONFIG, "site_dir: site", f"site_dir: {name}")

    return setup


def kept(name: str):
    def verify(root: Path) -> str | None:
        keep = root / name / "keep.txt"
        return None if keep.is_file() else f"{name}/keep.txt was deleted"

    return verify


# Port 0: any free port, as cases may run beside other builds.
SERVE = ("-m", "mkdocs", "serve", "-a", "127.0.0.1:0", "--no-livereload")
BUILD_ONLY = (BUILD,)
REFUSED_SITE_DIR = (
    r"^mkdocs\.yml:6: site_dir: '{}' {} the project's {} folder, which a build would "
    r"replace whole; build into a folder of its own"
)


def refused(value: str, name: str, how: str = "is") -> str:
    return REFUSED_SITE_DIR.format(value.replace(".", r"\."), how, name)


BUILD_CASES: list[Case] = [
    # --- the output folder: a build replaces site_dir whole --------------------------
    Case(
        "R-Y05",
        "configuration",
        "site_dir: briefings (the build replaced every fact sheet)",
        site_dir("briefings"),
        refused("briefings", "briefings"),
        steps=BUILD_ONLY,
    ),
    Case(
        "R-Y06",
        "configuration",
        "site_dir: seeds (the build replaced every source)",
        site_dir("seeds"),
        refused("seeds", "seeds"),
        steps=BUILD_ONLY,
    ),
    Case(
        "R-Y07",
        "configuration",
        "site_dir: .git (the build replaced the repository)",
        lambda r: (git_commit(r), site_dir(".git")(r)),
        refused(".git", "git"),
        steps=BUILD_ONLY,
    ),
    Case(
        "N2-Y01",
        "configuration",
        "site_dir: . (the project folder itself)",
        site_dir("."),
        # MkDocs refuses a site_dir around docs_dir itself, before any plugin runs.
        r"Config value 'site_dir': The 'docs_dir' should not be within the 'site_dir'",
        steps=BUILD_ONLY,
    ),
    Case(
        "N2-Y02",
        "configuration",
        "site_dir: .. (the folder around the project)",
        site_dir(".."),
        r"Config value 'site_dir': The 'docs_dir' should not be within the 'site_dir'",
        steps=BUILD_ONLY,
    ),
    Case(
        "N2-Y03",
        "configuration",
        "site_dir: seeds/site (inside an input folder)",
        site_dir("seeds/site"),
        refused("seeds/site", "seeds", "is inside"),
        steps=BUILD_ONLY,
    ),
    Case(
        "N2-Y04",
        "configuration",
        "site_dir: .cache (the history cache's folder)",
        site_dir(".cache"),
        refused(".cache", "cache"),
        steps=BUILD_ONLY,
    ),
    Case(
        "N2-Y05",
        "configuration",
        "site_dir: tests, a folder of files no build wrote",
        unbuilt_folder("tests"),
        r"^mkdocs\.yml:6: site_dir: 'tests' holds files a build did not write",
        steps=BUILD_ONLY,
        verify=kept("tests"),
    ),
    Case(
        "N2-Y06",
        "configuration",
        "site_dir: briefings/../docs (a roundabout name for docs)",
        site_dir("briefings/../docs"),
        # MkDocs's own check comes first, and says it well.
        r"Config value 'site_dir': The 'docs_dir' should not be within the 'site_dir'",
        steps=BUILD_ONLY,
    ),
    Case(
        "N2-L01",
        "links",
        "site/ is a link to seeds/ (a build would replace the sources)",
        lambda r: (shutil.rmtree(r / "site"), (r / "site").symlink_to("seeds")),
        refused("site", "seeds"),
        steps=BUILD_ONLY,
    ),
    Case(
        "N2-L02",
        "links",
        "a link site -> .. (around the project)",
        lambda r: (shutil.rmtree(r / "site"), (r / "site").symlink_to("..")),
        r"site_dir: 'site' is the project folder, or a folder around it",
        steps=BUILD_ONLY,
    ),
    Case(
        "N2-Y07",
        "configuration",
        "site_dir names a file",
        lambda r: (write(r, "notes.txt", "x\n"), site_dir("notes.txt")(r)),
        r"^mkdocs\.yml:6: site_dir: 'notes\.txt' is a file; name a folder",
        steps=BUILD_ONLY,
    ),
    Case(
        "N2-Y08",
        "configuration",
        "site_dir: public, a new folder (fine)",
        site_dir("public"),
        steps=BUILD_ONLY,
        outcome="ok",
        verify=lambda r: None if (r / "public/index.html").is_file() else "no public/",
    ),
    # --- the plugin ------------------------------------------------------------------
    Case(
        "R-Y04",
        "configuration",
        "plugins: [] (the build made a site with no briefings)",
        lambda r: replace(
            r,
            CONFIG,
            "plugins:\n",
            "plugins: []\nunused:\n",
        ),
        r"^mkdocs\.yml:\d+: plugins: the 'briefing' plugin is not listed, so a build would "
        r"make a site without the briefings",
        steps=BUILD_ONLY,
    ),
    Case(
        "N2-Y09",
        "configuration",
        "no plugins setting at all (MkDocs would use its search plugin alone)",
        lambda r: replace(r, CONFIG, "plugins:\n", "unused:\n"),
        r"^mkdocs\.yml:1: plugins: the 'briefing' plugin is not listed",
        steps=BUILD_ONLY,
    ),
    Case(
        "N2-Y10",
        "configuration",
        "the plugin given as a mapping of plugin: options (fine)",
        lambda r: replace(r, CONFIG, "  - briefing:\n", "  briefing:\n"),
        steps=BUILD_ONLY,
        outcome="ok",
    ),
    # --- what pages load from elsewhere ------------------------------------------------
    Case(
        "R-Y01",
        "configuration",
        "theme: mkdocs (every page loaded highlight.js from cdnjs)",
        lambda r: theme(r, "  name: material\n", "  name: mkdocs\n"),
        r"^https://cdnjs\.cloudflare\.com/\S+ \(a script, on \S+ and \d+ more pages\): the "
        r"mkdocs and readthedocs themes load highlight\.js from cdnjs",
        steps=BUILD_ONLY,
    ),
    Case(
        "R-Y01-readthedocs",
        "configuration",
        "theme: readthedocs",
        lambda r: theme(r, "  name: material\n", "  name: readthedocs\n"),
        r"would load from other origins, which would see every reader; the previous site "
        r"is kept",
        steps=BUILD_ONLY,
    ),
    Case(
        "R-Y02",
        "configuration",
        "font: false deleted (every page loaded Google Fonts)",
        lambda r: theme(r, "  font: false\n", ""),
        r"^https://fonts\.(googleapis|gstatic)\.com/?\S* \(a stylesheet or other link it loads, "
        r"on \S+ and \d+ more pages\): Material's web fonts: set `font: false`",
        steps=BUILD_ONLY,
    ),
    Case(
        "N2-Y11",
        "configuration",
        "extra_javascript from a CDN",
        lambda r: replace(
            r,
            CONFIG,
            "  - assets/briefing.js\n",
            "  - assets/briefing.js\n  - https://cdn.example.net/track.js\n",
        ),
        r"^https://cdn\.example\.net/track\.js \(a script, on 404\.html and \d+ more pages\)$",
        steps=BUILD_ONLY,
    ),
    Case(
        "N2-Y12",
        "configuration",
        "extra_css from another origin, protocol-relative",
        lambda r: replace(
            r,
            CONFIG,
            "  - assets/briefing.css\n",
            "  - assets/briefing.css\n  - //x.example/a.css\n",
        ),
        r"^//x\.example/a\.css \(a stylesheet or other link it loads",
        steps=BUILD_ONLY,
    ),
    Case(
        "N2-Y13",
        "configuration",
        "a stylesheet in docs/ that @imports a web font",
        lambda r: write(
            r, "docs/assets/briefing.css", "@import url('https://fonts.example.org/f.css');\n"
        ),
        r"^https://fonts\.example\.org/f\.css \(an address in a stylesheet, on "
        r"assets/briefing\.css\)",
        steps=BUILD_ONLY,
        may_change=("docs/assets/briefing.css",),
    ),
    Case(
        "N2-Y14",
        "configuration",
        "a hand-written page with an image from another origin",
        lambda r: write(
            r,
            "docs/editing-this-briefing.md",
            "# Editing\n\n![map](https://tiles.example.org/1/2/3.png)\n",
        ),
        r"^https://tiles\.example\.org/1/2/3\.png \(an <img>, on "
        r"editing-this-briefing/index\.html\)",
        steps=BUILD_ONLY,
    ),
    Case(
        "N2-Y15",
        "configuration",
        "a hand-written page linking (not loading) another site: fine",
        lambda r: write(
            r,
            "docs/editing-this-briefing.md",
            "# Editing\n\nSee [the source](https://www.theguardian.com/).\n",
        ),
        steps=BUILD_ONLY,
        outcome="ok",
    ),
    # --- script the site's Content-Security-Policy would block -----------------------
    Case(
        "N2-Y17",
        "configuration",
        "a hand-written page with an inline <script> (the policy would block it)",
        lambda r: write(
            r,
            "docs/editing-this-briefing.md",
            "# Editing\n\nText.\n\n<script>\ndocument.title = 'x';\n</script>\n",
        ),
        r"^docs/editing-this-briefing\.md:5: an inline <script> would be blocked by the "
        r"site's Content-Security-Policy \(pages run scripts only from files on the site\): "
        r"move the code into a \.js file under docs/ and list it under extra_javascript",
        steps=BUILD_ONLY,
    ),
    Case(
        "N2-Y18",
        "configuration",
        "a hand-written paragraph given an onclick handler by an attribute list",
        lambda r: write(
            r, "docs/editing-this-briefing.md", '# Editing\n\nClick me.\n{: onclick="x()" }\n'
        ),
        r"^docs/editing-this-briefing\.md:4: an inline event handler \(onclick=\) would be "
        r"blocked by the site's Content-Security-Policy",
        steps=BUILD_ONLY,
    ),
    Case(
        "N2-Y19",
        "configuration",
        "an .html page in docs/, published as it is, without the policy",
        lambda r: write(r, "docs/embed.html", "<html><head><title>x</title></head></html>\n"),
        r"^embed\.html: no Content-Security-Policy <meta> as the first element of its <head>",
        steps=BUILD_ONLY,
    ),
    # --- the site's address -------------------------------------------------------------
    Case(
        "R-S03",
        "configuration",
        "SITE_URL with a space",
        lambda r: None,
        r"^mkdocs\.yml:4: site_url: 'https://exa mple\.org/' holds a space",
        steps=(url("https://exa mple.org/"),),
    ),
    Case(
        "R-S05",
        "configuration",
        "SITE_URL closing the canonical link's attribute and opening a script",
        lambda r: None,
        r"""^mkdocs\.yml:4: site_url: 'https://x\.org/"><script>.*' holds '"'""",
        steps=(url('https://x.org/"><script>alert(1)</script>/'),),
    ),
    Case(
        "R-S06",
        "configuration",
        "SITE_URL with a query and a fragment",
        lambda r: None,
        r"site_url: 'https://x\.org/\?a=1#frag' has a query or fragment",
        steps=(url("https://x.org/?a=1#frag"),),
    ),
    Case(
        "N2-S01",
        "configuration",
        "SITE_URL with a javascript: scheme",
        lambda r: None,
        # MkDocs's own check of the address comes first.
        r"Config value 'site_url': The URL isn't valid, it should include the http:// "
        r"\(scheme\)",
        steps=(url("javascript:alert(1)//"),),
    ),
    Case(
        "N2-S02",
        "configuration",
        "SITE_URL without a host",
        lambda r: None,
        r"Config value 'site_url': The URL isn't valid",
        steps=(url("https:///briefings/"),),
    ),
    Case(
        "N2-S03",
        "configuration",
        "SITE_URL set properly (a publish)",
        git_commit,
        steps=(url("https://example.org/briefings/"),),
        outcome="ok",
        verify=lambda r: (
            None
            if (r / "site/feed.xml").is_file() and (r / f"site/{SLUG}/feed.xml").is_file()
            else "no feeds written"
        ),
    ),
    # --- links around site/ and a stopped preview ---------------------------------------
    Case(
        "R-R01",
        "links",
        "site/ is a link to a folder outside the project",
        site_is_link_to,
        steps=BUILD_ONLY,
        outcome="ok",
        verify=outside_left_alone,
    ),
    Case(
        "R-C01",
        "build",
        "`mkdocs serve` stopped with SIGTERM (a task runner or an editor stopping it)",
        serve_tmp,
        steps=(
            Step(
                SERVE,
                program="python",
                kill_after=8,
                kill_signal=signal.SIGTERM,
                env=(("TMPDIR", "../tmp"),),
            ),
        ),
        outcome="ok",
        verify=serve_left_nothing,
    ),
    Case(
        "N2-Y16",
        "configuration",
        "an edit to a fact sheet does not reach a build with a bad site_dir",
        lambda r: (
            site_dir("seeds")(r),
            replace(r, f"{B}/briefing.yaml", "title: Cross-border raid", "title: Raid"),
        ),
        refused("seeds", "seeds"),
        steps=(CHECK, BUILD),
        outcome="warning",
    ),
]
