"""Shared fixtures: the repository root and small made-up projects in tmp_path."""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

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


@pytest.fixture
def shipped_project(tmp_path: Path) -> Path:
    """A copy of this repository's site inputs, safe to break or build in."""
    for name in ("briefings", "seeds", "docs"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path
