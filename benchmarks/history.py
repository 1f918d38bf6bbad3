"""Benchmark: the cost of the change log at N commits (issue 17). Prints one table.

A temporary project holds the shipped briefing and a git history of N commits: the first
publishes it, and each later one rewords one event's summary (every tenth only re-lays a
fact sheet, which the log leaves out). Then, all in one run:

- plain: `mkdocs build` of the rendered Markdown without the plugin (the same site less the
  generator), the baseline the other rows are divided by;
- history, cold: reading the whole log with an empty cache (every commit checked and
  analysed);
- history, cached: reading it again, every snapshot and comparison from the cache;
- history, one new commit: reading it after one more commit (one snapshot computed);
- plugin build, cached: `mkdocs build` with the plugin, the log read from the cache;
- plugin build, no history: the same build of a copy without the .git folder, where the
  log is not available.

    .venv/bin/python benchmarks/history.py [--commits 500] [--repeat 3]

Wall times are medians of --repeat runs on a shared machine; read the ratios.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = "belgorod-2023-05"
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://example.org/"}
sys.path.insert(0, str(ROOT))

from generator.history.log import briefing_history  # noqa: E402


def git(root: Path, *args: str, env: dict[str, str] | None = None) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def commit(root: Path, message: str, number: int) -> None:
    stamp = str(1767225600 + number * 3600) + " +0000"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    git(root, "add", "-A", env=env)
    git(
        root,
        "-c",
        "user.name=B",
        "-c",
        "user.email=b@example.org",
        "commit",
        "-qm",
        message,
        env=env,
    )


def make_project(folder: Path, commits: int) -> Path:
    for name in ("briefings", "seeds", "docs"):
        shutil.copytree(ROOT / name, folder / name)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    git(folder, "init", "-q")
    commit(folder, "Publish the briefing", 0)
    events_path = folder / "briefings" / SHIPPED / "events.yaml"
    events = yaml.safe_load(events_path.read_text(encoding="utf-8"))
    for number in range(1, commits):
        if number % 10 == 0:
            with events_path.open("a", encoding="utf-8") as out:
                out.write(f"# re-laid {number}\n")
            commit(folder, f"Tidy the events sheet ({number})", number)
            continue
        event = events[number % len(events)]
        event["summary"] = event["summary"].split(" (revision")[0] + f" (revision {number})."
        events_path.write_text(
            yaml.safe_dump(events, allow_unicode=True, sort_keys=False, width=1000),
            encoding="utf-8",
        )
        commit(folder, f"Reword {event['id']} ({number})", number)
    return folder


def median_seconds(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(command: list[str], cwd: Path) -> None:
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, env=ENV)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--commits", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="history-bench-") as tmp:
        start = time.perf_counter()
        project = make_project(Path(tmp) / "project", args.commits)
        print(f"made {args.commits} commits in {time.perf_counter() - start:.1f} s")
        folder, seeds = project / "briefings" / SHIPPED, project / "seeds"
        cache = Path(tmp) / "cache"

        def read() -> object:
            return briefing_history(project, folder, seeds, cache=cache)

        def cold() -> object:
            shutil.rmtree(cache, ignore_errors=True)
            return read()

        rows: list[tuple[str, float]] = []
        # The baseline: plain MkDocs over the rendered pages (no plugin, no history).
        out = Path(tmp) / "render"
        run([str(BIN / "briefing"), "render", "--no-history", "--out", str(out)], project)
        rows.append(
            (
                "plain mkdocs build",
                median_seconds(
                    lambda: run(
                        [str(BIN / "mkdocs"), "build", "-q", "-f", str(out / "mkdocs.yml")], out
                    ),
                    args.repeat,
                ),
            )
        )
        rows.append(("history, cold cache", median_seconds(cold, args.repeat)))
        history = read()
        rows.append(("history, cached", median_seconds(read, args.repeat)))
        entries = len(history.entries)  # type: ignore[attr-defined]

        def one_more() -> object:
            events_path = folder / "events.yaml"
            text = events_path.read_text(encoding="utf-8")
            events_path.write_text(text.replace("(revision", "(rev.", 1), encoding="utf-8")
            commit(project, "One more", args.commits + len(rows))
            return read()

        rows.append(("history, one new commit", median_seconds(one_more, 1)))
        rows.append(
            (
                "plugin build, cached history",
                median_seconds(
                    lambda: run([str(BIN / "mkdocs"), "build", "-q"], project), args.repeat
                ),
            )
        )
        bare = Path(tmp) / "bare"
        shutil.copytree(project, bare, ignore=shutil.ignore_patterns(".git", ".cache", "site"))
        rows.append(
            (
                "plugin build, no history",
                median_seconds(
                    lambda: run([str(BIN / "mkdocs"), "build", "-q"], bare), args.repeat
                ),
            )
        )
    baseline = rows[0][1]
    print(f"{args.commits} commits, {entries} log entries; medians of {args.repeat} runs")
    print(f"| {'work':<30} | {'seconds':>8} | {'× plain build':>13} |")
    print(f"|{'-' * 32}|{'-' * 10}|{'-' * 15}|")
    for name, seconds in rows:
        print(f"| {name:<30} | {seconds:8.2f} | {seconds / baseline:13.2f} |")


if __name__ == "__main__":
    main()
