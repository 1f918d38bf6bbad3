"""Benchmark: build time and page size as a briefing grows.

Generates briefings with N actors (each cited in a made-up source), builds each with the
project's mkdocs.yml, and prints build seconds and the size of one actor page. With only
index pages in the nav, an actor page should stay about the same size whatever N is.

    .venv/bin/python benchmarks/nav_size.py [N ...]     (default: 10 100 1000)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_project(folder: Path, actors: int) -> None:
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", folder / "docs")
    briefing = folder / "briefings" / "bench"
    briefing.mkdir(parents=True)
    (folder / "seeds").mkdir()
    sentences = [f"Person {i} Smith spoke to reporters on day {i}." for i in range(actors)]
    (folder / "seeds" / "bench.txt").write_text("\n\n".join(sentences) + "\n")
    (briefing / "briefing.yaml").write_text(
        "title: Benchmark\nsummary: Made up.\nperiod: {start: 2023-05-22, end: 2023-05-22}\n"
        "status: developing\nlast_reviewed: 2023-05-22\n"
    )
    (briefing / "sources.yaml").write_text(
        "- id: bench\n  file: bench.txt\n  outlet: null\n  title: Bench\n"
        "  published: 2023-05-22\n  language: en\n"
    )
    (briefing / "actors.yaml").write_text(
        "".join(
            f"- id: person-{i}\n  name: Person {i} Smith\n  kind: person\n  citations:\n"
            f"    - source: bench\n      quote: Person {i} Smith spoke to reporters on day {i}.\n"
            for i in range(actors)
        )
    )


def measure(actors: int) -> tuple[float, int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_project(folder, actors)
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q"],
            cwd=folder,
            check=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        seconds = time.perf_counter() - start
        actor_page = folder / "site/bench/actors/person-0/index.html"
        timeline = folder / "site/bench/timeline/index.html"
        return seconds, actor_page.stat().st_size, timeline.stat().st_size


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [10, 100, 1000]
    print(f"{'actors':>7} {'build s':>8} {'actor page KB':>14} {'timeline page KB':>17}")
    for n in sizes:
        seconds, actor_bytes, timeline_bytes = measure(n)
        print(f"{n:>7} {seconds:>8.1f} {actor_bytes / 1024:>14.1f} {timeline_bytes / 1024:>17.1f}")


if __name__ == "__main__":
    main()
