"""Benchmark: a newsroom's archive (issue 16). Prints one table.

Archive rows: K copies of the shipped briefing under different folder names, in a temporary
project. For each K: `briefing check`, `briefing render`, the plain build of the rendered
Markdown (MkDocs without the plugin, then Pagefind over its output: the same work less the
generator), `mkdocs build` with the plugin and its peak memory, the generator's share of
the build ((plugin - plain) / plugin), the median and an actor page's size, the search
index, and from Chromium: the bytes a reader's first search requests and how long queries
take (until the reader's briefing's results are shown / until all are: "first / all"; the
first query also loads the engine and the index's entry files). Then, for the largest K,
how long an editor's one-line change takes to show in `make serve BRIEFING=<folder>`.

Big rows: one made-up briefing of N sources with ten events and ten claims per source
(benchmarks/big_briefing.py): `briefing check`, `mkdocs build` and peak memory.

    .venv/bin/python benchmarks/scale.py [--k 1 20 50 100] [--big 150 300] [--no-edit]

Wall times are single runs on a shared machine: read the ratios (K=100 against K=50, the
generator's share, 300 sources against 150), which are taken within one run.
"""

from __future__ import annotations

import argparse
import datetime
import http.server
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = "belgorod-2023-05"
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
# Names typed into search: a person, a place, an armed group with aliases, a state.
QUERIES = ["Gladkov", "Kozinka", "Free Russian Legion", "Graivoron", "Russia"]


@dataclass
class Run:
    seconds: float
    peak_mb: float


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run a command under /usr/bin/time: wall seconds and peak RSS of its largest process."""
    out = cwd / ".time"
    full = ["/usr/bin/time", "-o", str(out), "-f", "%e %M", *command]
    result = subprocess.run(full, cwd=cwd, env=env or ENV, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    seconds, kilobytes = out.read_text().split()[-2:]
    out.unlink()
    return Run(float(seconds), int(kilobytes) / 1024)


def make_archive(folder: Path, k: int) -> list[str]:
    """A project of K copies of the shipped briefing; returns their folder names."""
    for name in ("seeds", "docs"):
        shutil.copytree(ROOT / name, folder / name)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    slugs = [f"story-{i:03d}" for i in range(1, k + 1)]
    for slug in slugs:
        shutil.copytree(ROOT / "briefings" / SHIPPED, folder / "briefings" / slug)
    return slugs


def pages_of(site: Path) -> list[Path]:
    return [p for p in site.rglob("index.html") if "pagefind" not in p.parts]


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


class _Quiet(http.server.SimpleHTTPRequestHandler):
    # Keep-alive, as any static host (GitHub Pages serves HTTP/2): the search fetches a few
    # small files, and a new connection for each would be measured instead of the search.
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    handler = partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


# In the page: type a query into the box, and resolve with the milliseconds until
# briefing.js marks the box with the query its first results (the reader's briefing's)
# answer, and until it marks it with the query all its results answer.
_TIME_QUERY = """async (query) => {
  const box = document.querySelector('[data-briefing-search]');
  const input = box.querySelector('input');
  const start = performance.now();
  const times = {};
  const done = new Promise(resolve => {
    new MutationObserver(() => {
      for (const name of ['first', 'answered']) {
        if (box.dataset[name] === query && !(name in times)) {
          times[name] = performance.now() - start;
        }
      }
      if ('answered' in times) resolve();
    }).observe(box, {attributes: true});
  });
  input.focus();
  input.value = query;
  input.dispatchEvent(new Event('input'));
  await done;
  return [times.first, times.answered];
}"""


def search_figures(site: Path, slug: str) -> tuple[int, list[float], list[float]]:
    """(bytes the first search requests, [first results, all results] ms of the first
    query, and the medians of the later queries), on the timeline page of briefing `slug`,
    as served (uncompressed) on 127.0.0.1."""
    from playwright.sync_api import sync_playwright

    with served(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page()
        page.goto(url + f"{slug}/timeline/", wait_until="networkidle")
        sizes: list[int] = []
        page.on("requestfinished", lambda r: sizes.append(len(r.response().body())))
        first = page.evaluate(_TIME_QUERY, QUERIES[0])
        page.wait_for_load_state("networkidle")
        first_bytes = sum(sizes)
        later = [page.evaluate(_TIME_QUERY, query) for query in QUERIES[1:] * 2]
        browser.close()
    return first_bytes, first, [statistics.median(times) for times in zip(*later, strict=True)]


def edit_seconds(project: Path, slug: str, tries: int = 3) -> float:
    """Median seconds from saving a one-line change to a fact sheet until `mkdocs serve`
    (previewing that one briefing, as `make serve BRIEFING=<folder>`) serves it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [str(BIN / "mkdocs"), "serve", "--livereload", "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        command,
        cwd=project,
        env={**ENV, "BRIEFING": slug},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    page = f"http://127.0.0.1:{port}/{slug}/"
    sheet = project / "briefings" / slug / "briefing.yaml"
    original = sheet.read_text(encoding="utf-8")
    times = []
    try:
        _wait_for(page, "")
        for attempt in range(tries):
            marker = f"Edited summary {attempt}"
            sheet.write_text(original.replace("summary: ", f"summary: {marker}. ", 1))
            start = time.perf_counter()
            _wait_for(page, marker)
            times.append(time.perf_counter() - start)
    finally:
        sheet.write_text(original)
        server.terminate()
        server.wait(timeout=30)
    return statistics.median(times)


def _wait_for(url: str, text: str, limit: float = 300) -> None:
    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"{url} did not show {text!r} within {limit} s")


def archive_row(k: int, *, edit: bool) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        slugs = make_archive(project, k)
        briefing = str(BIN / "briefing")
        check = timed([briefing, "check"], project)
        render = timed([briefing, "render", "--out", "rendered"], project)
        plain = timed([str(BIN / "mkdocs"), "build", "-q"], project / "rendered")
        plain_site = project / "rendered" / "site"
        plain_search = timed(
            [sys.executable, "-m", "pagefind", "--site", str(plain_site), "--quiet"], project
        )
        plugin = timed([str(BIN / "mkdocs"), "build", "-q"], project)
        site = project / "site"
        pages = pages_of(site)
        median_page = statistics.median(p.stat().st_size for p in pages)
        actor = site / slugs[0] / "actors" / "fsb" / "index.html"
        first_bytes, first_ms, query_ms = search_figures(site, slugs[-1])
        ms = "{:.0f} / {:.0f}".format
        plain_total = plain.seconds + plain_search.seconds
        row = {
            "K": str(k),
            "pages": f"{len(pages):,}",
            "check s": f"{check.seconds:.1f}",
            "render s": f"{render.seconds:.1f}",
            "plain build s": f"{plain.seconds:.1f} + {plain_search.seconds:.1f}",
            "plugin build s": f"{plugin.seconds:.1f}",
            "generator share": f"{(plugin.seconds - plain_total) / plugin.seconds:.0%}",
            "peak MB": f"{plugin.peak_mb:.0f}",
            "median page KB": f"{median_page / 1024:.1f}",
            "actor page KB": f"{actor.stat().st_size / 1024:.1f}",
            "index MB": f"{folder_size(site / 'pagefind') / 2**20:.2f}",
            "first search KB": f"{first_bytes / 1024:.0f}",
            "first query ms": ms(*first_ms),
            "query ms": ms(*query_ms),
            "edit s": f"{edit_seconds(project, slugs[0]):.1f}" if edit else "",
        }
    return row


def big_row(sources: int) -> dict[str, str]:
    sys.path.insert(0, str(Path(__file__).parent))
    from big_briefing import make_big_briefing

    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        events = claims = 10 * sources
        make_big_briefing(project, sources=sources, events=events, claims=claims)
        check = timed([str(BIN / "briefing"), "check"], project)
        reuse = _reuse_seconds(project)
        build = timed([str(BIN / "mkdocs"), "build", "-q"], project)
        pages = pages_of(project / "site")
        return {
            "sources": str(sources),
            "events": f"{events:,}",
            "claims": f"{claims:,}",
            "pages": f"{len(pages):,}",
            "check s": f"{check.seconds:.1f}",
            "text reuse s": f"{reuse:.2f}",
            "check peak MB": f"{check.peak_mb:.0f}",
            "plugin build s": f"{build.seconds:.1f}",
            "build peak MB": f"{build.peak_mb:.0f}",
        }


_REUSE = """
import sys, time
from pathlib import Path
from generator.checks.briefing import load_texts
from generator.factsheets.load import load_factsheets
from generator.sources.reuse import measure_reuse
root = Path(sys.argv[1])
sheets, _ = load_factsheets(root / "briefings" / "big", root)
texts, _ = load_texts(sheets, root / "seeds", root)
start = time.perf_counter()
measure_reuse(texts)
print(time.perf_counter() - start)
"""


def _reuse_seconds(project: Path) -> float:
    """Seconds the text-reuse measure takes on the big briefing's loaded sources."""
    command = [sys.executable, "-c", _REUSE, str(project)]
    result = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    return float(result.stdout.split()[-1])


def print_table(rows: list[dict[str, str]]) -> None:
    if not rows:
        return
    columns = [c for c in rows[0] if any(row[c] for row in rows)]
    print("| " + " | ".join(columns) + " |")
    print("|" + "|".join("---" for _ in columns) + "|")
    for row in rows:
        print("| " + " | ".join(row[c] for c in columns) + " |")
    print(flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--k", type=int, nargs="*", default=[1, 20, 50, 100])
    parser.add_argument("--big", type=int, nargs="*", default=[150, 300])
    parser.add_argument("--no-edit", action="store_true", help="skip the serve edit timing")
    args = parser.parse_args()
    print(
        f"{datetime.date.today()}, {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}\n",
        flush=True,
    )
    rows = []
    for k in args.k:
        rows.append(archive_row(k, edit=not args.no_edit and k == max(args.k)))
        print(f"K={k} done", file=sys.stderr, flush=True)
    print_table(rows)
    print_table([big_row(n) for n in args.big])


if __name__ == "__main__":
    main()
