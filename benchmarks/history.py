"""Benchmark: the cost of the change log at N commits, for one briefing or many (issue 17,
issue 25 item 8). Prints one table.

A temporary project holds B copies of the shipped briefing (B = --briefings; one: the
shipped one itself), all citing the same seeds/, and a git history of N commits: the first
publishes them, and each later one rewords one event's summary in one briefing, in turn.
With one briefing every tenth commit only re-lays a fact sheet (the log leaves it out);
with more, every tenth adds a source text no briefing names, the commit that, when a
snapshot was keyed on the whole seeds/ tree, made every briefing read again. Then, all in
one run:

- plain: `mkdocs build` of the rendered Markdown without the plugin (the same site less the
  generator), the baseline the other rows are divided by;
- logs, empty cache: every briefing's log read with an empty cache (every commit that
  changed a briefing checked and analysed);
- logs, cached: read again, every snapshot and comparison from the cache;
- logs, one new commit: read after one more commit (one snapshot computed);
- plugin build, empty cache: `mkdocs build` with the plugin in a fresh clone's state, what
  CI pays (only with several briefings: with one it is the cold log plus the cached build);
- plugin build, cached: `mkdocs build` with the plugin, the logs read from the cache;
- plugin build, no history: the same build of a copy without the .git folder (without
  SITE_URL: a publish that cannot read the history fails).

    .venv/bin/python benchmarks/history.py [--commits 500] [--briefings 1] [--repeat 3]
    .venv/bin/python benchmarks/history.py --briefings 20 --commits 500 --repeat 1

Wall times are medians of --repeat runs (runs with an empty cache: one) on a shared
machine; read the ratios.
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

from generator.history.log import History, briefing_history  # noqa: E402


def git(root: Path, *args: str, env: dict[str, str] | None = None) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def commit(root: Path, message: str, number: int) -> None:
    stamp = str(1767225600 + number * 3600) + " +0000"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    git(root, "add", "-A", "briefings", "seeds", env=env)
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


def briefing_names(count: int) -> list[str]:
    return [SHIPPED] if count == 1 else [f"story-{i:03d}" for i in range(1, count + 1)]


def make_project(folder: Path, commits: int, names: list[str]) -> Path:
    for name in ("seeds", "docs"):
        shutil.copytree(ROOT / name, folder / name)
    for name in names:
        shutil.copytree(ROOT / "briefings" / SHIPPED, folder / "briefings" / name)
    shutil.copytree(ROOT / "briefings" / "schemas", folder / "briefings" / "schemas")
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    git(folder, "init", "-q")
    commit(folder, "Publish the briefings", 0)
    sheets = {name: folder / "briefings" / name / "events.yaml" for name in names}
    events = {
        name: yaml.safe_load(path.read_text(encoding="utf-8")) for name, path in sheets.items()
    }
    for number in range(1, commits):
        name = names[(number - number // 10) % len(names)]  # in turn, asides apart
        if number % 10 == 0:
            commit(folder, *_aside(folder, sheets[name], number, len(names)), number)
            continue
        event = events[name][number % len(events[name])]
        event["summary"] = event["summary"].split(" (revision")[0] + f" (revision {number})."
        sheets[name].write_text(
            yaml.safe_dump(events[name], allow_unicode=True, sort_keys=False, width=1000),
            encoding="utf-8",
        )
        commit(folder, f"Reword {event['id']} in {name} ({number})", number)
    return folder


def _aside(folder: Path, sheet: Path, number: int, briefings: int) -> tuple[str]:
    """A commit no reader sees: a re-laid sheet (one briefing) or a source no briefing
    names (several)."""
    if briefings == 1:
        with sheet.open("a", encoding="utf-8") as out:
            out.write(f"# re-laid {number}\n")
        return (f"Tidy the events sheet ({number})",)
    (folder / "seeds" / f"unused-{number:04d}.txt").write_text(
        f"A source for a briefing not yet written ({number}).\n", encoding="utf-8"
    )
    return (f"Add a source for later ({number})",)


def median_seconds(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(command: list[str], cwd: Path, env: dict[str, str] = ENV) -> None:
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, env=env)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--commits", type=int, default=500)
    parser.add_argument("--briefings", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    names = briefing_names(args.briefings)
    with tempfile.TemporaryDirectory(prefix="history-bench-") as tmp:
        start = time.perf_counter()
        project = make_project(Path(tmp) / "project", args.commits, names)
        print(f"made {args.commits} commits in {time.perf_counter() - start:.1f} s")
        seeds, cache = project / "seeds", Path(tmp) / "cache"
        logs: list[History] = []

        def read() -> object:
            logs[:] = [
                briefing_history(project, project / "briefings" / name, seeds, cache=cache)
                for name in names
            ]
            return logs

        def cold() -> object:
            shutil.rmtree(cache, ignore_errors=True)
            return read()

        def build() -> None:
            run([str(BIN / "mkdocs"), "build", "-q"], project)

        rows: list[tuple[str, float]] = []
        # The baseline: plain MkDocs over the rendered pages (no plugin, no history).
        out = Path(tmp) / "render"
        run([str(BIN / "briefing"), "render", "--no-history", "--out", str(out)], project)
        plain = [str(BIN / "mkdocs"), "build", "-q", "-f", str(out / "mkdocs.yml")]
        rows.append(("plain mkdocs build", median_seconds(lambda: run(plain, out), args.repeat)))
        rows.append(("logs, empty cache", median_seconds(cold, 1)))
        computed = sum(log.computed for log in logs)
        rows.append(("logs, cached", median_seconds(read, args.repeat)))
        entries = sum(len(log.entries) for log in logs)

        def one_more() -> object:
            events_path = project / "briefings" / names[0] / "events.yaml"
            events = yaml.safe_load(events_path.read_text(encoding="utf-8"))
            events[0]["summary"] += " (one more)"
            events_path.write_text(
                yaml.safe_dump(events, allow_unicode=True, sort_keys=False, width=1000),
                encoding="utf-8",
            )
            commit(project, "One more", args.commits + len(rows))
            return read()

        rows.append(("logs, one new commit", median_seconds(one_more, 1)))
        if len(names) > 1:

            def fresh_build() -> None:
                shutil.rmtree(project / ".cache", ignore_errors=True)
                build()

            rows.append(("plugin build, empty cache", median_seconds(fresh_build, 1)))
        build()  # fills the project's own cache
        rows.append(("plugin build, cached", median_seconds(build, args.repeat)))
        bare = Path(tmp) / "bare"
        shutil.copytree(project, bare, ignore=shutil.ignore_patterns(".git", ".cache", "site"))
        # Without SITE_URL: a publish with no history to read fails (it would drop every
        # correction notice), so this is the local build of such a copy.
        local = {k: v for k, v in ENV.items() if k != "SITE_URL"}
        bare_build = [str(BIN / "mkdocs"), "build", "-q"]
        no_history = median_seconds(lambda: run(bare_build, bare, local), args.repeat)
        rows.append(("plugin build, no history", no_history))
    baseline = rows[0][1]
    print(
        f"{len(names)} briefing(s), {args.commits} commits, {entries} log entries, "
        f"{computed} snapshots computed with an empty cache; medians of {args.repeat} runs "
        "(empty-cache rows: one run)"
    )
    print(f"| {'work':<30} | {'seconds':>8} | {'× plain build':>13} |")
    print(f"|{'-' * 32}|{'-' * 10}|{'-' * 15}|")
    for name, seconds in rows:
        print(f"| {name:<30} | {seconds:8.2f} | {seconds / baseline:13.2f} |")


if __name__ == "__main__":
    main()
