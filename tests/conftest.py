"""Shared fixtures: the repository root and small made-up projects in tmp_path."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests check what is true of every input, never how long one took: on a shared
# two-core machine a case took 279 ms against Hypothesis's default 200 ms deadline and
# failed CI. Timings belong in benchmarks/ (README, "Benchmarks").
settings.register_profile("no-timing", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("no-timing")

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = "belgorod-2023-05"
NODE_BIN = ROOT / "node_modules/.bin"


def require_tool(path: Path, install: str) -> Path:
    """Return `path` if it exists; otherwise fail under CI and skip elsewhere.

    CI must never go green by skipping the workflow linter or the browser suite.
    """
    if path.exists():
        return path
    message = f"{path} is missing: {install}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


SEED = textwrap.dedent("""\
    date 2023-05-22 Fighting near the border

    Gunmen from the Northern Brigade crossed the border into Riverton district on Monday, \
    officials said.

    Advertisement

    Governor Ivan Petrov said eight people were wounded. The brigade says it took the village \
    of Lowford.
    """)

BRIEFING = textwrap.dedent("""\
    title: Test briefing
    summary: A small made-up briefing.
    period: {start: 2023-05-22, end: 2023-05-22}
    status: developing
    last_reviewed: 2023-05-23
    """)

SOURCES = textwrap.dedent("""\
    - id: daily
      file: daily.txt
      outlet: The Daily
      title: Fighting near the border
      published: 2023-05-22
      language: en
    """)

ACTORS = textwrap.dedent("""\
    - id: northern-brigade
      name: Northern Brigade
      kind: armed group
      aliases: [the brigade]
    - id: ivan-petrov
      name: Ivan Petrov
      kind: person
    """)

EVENTS = textwrap.dedent("""\
    - id: crossing
      title: Gunmen cross the border
      date: 2023-05-22
      summary: Gunmen crossed the border.
      status: reported
      citations:
        - source: daily
          quote: crossed the border into Riverton district on Monday
    """)

CLAIMS = textwrap.dedent("""\
    - id: petrov-wounded
      claimant: ivan-petrov
      as_of: 2023-05-22
      incident: crossing
      category: wounded
      group: unspecified
      count: 8
      citations:
        - source: daily
          quote: said eight people were wounded
    """)


def write_project(
    root: Path,
    *,
    slug: str = "test",
    files: dict[str, str] | None = None,
    seeds: dict[str, str] | None = None,
    with_site_config: bool = False,
) -> Path:
    """A project folder with one briefing; `files` overrides or adds fact sheets."""
    sheets = {
        "briefing.yaml": BRIEFING,
        "sources.yaml": SOURCES,
        "actors.yaml": ACTORS,
        "places.yaml": "",
        "events.yaml": EVENTS,
        "claims.yaml": CLAIMS,
    }
    sheets.update(files or {})
    folder = root / "briefings" / slug
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in sheets.items():
        (folder / name).write_text(text, encoding="utf-8")
    (root / "seeds").mkdir(exist_ok=True)
    for name, text in (seeds or {"daily.txt": SEED}).items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    if with_site_config:
        shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
        shutil.copytree(ROOT / "docs", root / "docs", dirs_exist_ok=True)
    return root


@pytest.fixture
def project(tmp_path: Path) -> Callable[..., Path]:
    def make(**kwargs: object) -> Path:
        return write_project(tmp_path, **kwargs)  # type: ignore[arg-type]

    return make


def copy_site_inputs(root: Path) -> Path:
    """Copy this repository's site inputs (briefings, seeds, docs, mkdocs.yml) into root."""
    for name in ("briefings", "seeds", "docs"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


@pytest.fixture
def shipped_project(tmp_path: Path) -> Path:
    """A copy of this repository's site inputs, safe to break or build in."""
    return copy_site_inputs(tmp_path)


def mkdocs_build(config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
        capture_output=True,
        text=True,
        cwd=config.parent,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped briefing built with `mkdocs build --strict`, once per session."""
    root = copy_site_inputs(tmp_path_factory.mktemp("shipped"))
    result = mkdocs_build(root / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    assert "WARNING -" not in result.stderr
    return root / "site"


HOSTILE = (
    "</title><script>alert(1)</script> <img src=x onerror=alert(2)> "
    "[link](javascript:alert(3)) "
    '{{ 7*7 }} {% if 1 %}x{% endif %} **bold** a|b {: onclick="alert(4)" }'
)


def hostile_project(tmp_path: Path) -> Path:
    """A project whose fact sheets and source text carry HOSTILE in every free-text field:
    script tags, event handlers, javascript: links, Markdown links, Jinja and attr lists."""
    quoted = HOSTILE.replace('"', '\\"')
    seed = f"Harmless opening line here.\n\n{HOSTILE}\n"
    files = {
        "briefing.yaml": textwrap.dedent(f"""\
            title: "T {quoted}"
            summary: "{quoted}"
            period: {{start: 2023-05-22, end: 2023-05-22}}
            status: developing
            last_reviewed: 2023-05-23
            """),
        "sources.yaml": textwrap.dedent(f"""\
            - id: evil
              file: evil.txt
              outlet: "{quoted}"
              title: "Title {quoted}"
              published: 2023-05-22
              language: en
              notes: "{quoted}"
              reliability: {{grade: E, reason: "{quoted}"}}
            - id: evil-copy
              file: evil-copy.txt
              outlet: "Copy {quoted}"
              title: "Copy {quoted}"
              published: 2023-05-22
              language: en
              derived_from: [evil]
            """),
        "statements.yaml": textwrap.dedent(f"""\
            - id: evil-statement
              speaker: evil-actor
              title: "{quoted}"
              date: 2023-05-22
              where: "{quoted}"
              credibility: {{grade: 6, reason: "{quoted}"}}
              citations:
                - source: evil
                  quote: "{quoted}"
                - source: evil-copy
                  quote: "{quoted} [x](javascript:alert(5))"
            """),
        "actors.yaml": textwrap.dedent(f"""\
            - id: evil-actor
              name: "N {quoted}"
              kind: person
              aliases: ["{quoted}"]
              description: "{quoted}"
              citations:
                - source: evil
                  quote: "{quoted}"
            """),
        "events.yaml": textwrap.dedent(f"""\
            - id: evil-event
              title: "{quoted}"
              date: 2023-05-22
              date_phrase: "{quoted}"
              summary: "{quoted}"
              status: claimed
              claimed_by: [evil-actor]
              citations:
                - source: evil
                  quote: "{quoted}"
            """),
        "claims.yaml": textwrap.dedent(f"""\
            - id: evil-claim
              claimant: evil-actor
              as_of: 2023-05-22
              incident: evil-event
              category: killed
              group: civilians
              count: 1
              note: "{quoted}"
              citations:
                - source: evil
                  quote: "{quoted}"
            """),
    }
    # A copy that adds a hostile word, so the word-by-word comparison prints it.
    copy = seed.replace(HOSTILE, f"{HOSTILE} [x](javascript:alert(5))")
    return write_project(
        tmp_path,
        files=files,
        seeds={"evil.txt": seed, "evil-copy.txt": copy},
        with_site_config=True,
    )
