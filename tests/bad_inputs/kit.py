"""The machinery of the bad-input corpus (`corpus.py` lists the cases): a case, its steps,
helpers that make a mistake in a copy of the shipped project, and the judge that runs the
steps as subprocesses and classifies what happened (CLEAR, OK, SILENT, TRACEBACK, HANG,
DAMAGE; see corpus.py).
"""

from __future__ import annotations

import hashlib
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SLUG = "belgorod-2023-05"
B = f"briefings/{SLUG}"
TIMEOUT = 60.0
# Written outside the project; it must never reach the output or the site.
CANARY = "CANARY-7731-do-not-publish"


@dataclass(frozen=True)
class Step:
    """One command, as `briefing ARGS...` in the project folder; or, with `program`, that
    program (`git`, `python`) with ARGS, in the project folder."""

    args: tuple[str, ...]
    kill_after: float | None = None  # send `kill_signal` after this many seconds
    kill_signal: int = signal.SIGKILL
    file_size_limit: int | None = None  # RLIMIT_FSIZE: writes past it fail, as on a full disk
    together: int = 1  # run this many copies at once
    program: str | None = None  # "python" is the interpreter running the corpus
    env: tuple[tuple[str, str], ...] = ()  # set for this command only
    stdout_closed: bool = False  # run with its standard output closed (`>&-`)

    @property
    def shown(self) -> str:
        return f"{self.program or 'briefing'} {' '.join(self.args)}"


CHECK = Step(("check",))
BUILD = Step(("build",))


@dataclass(frozen=True)
class Case:
    id: str
    family: str
    mistake: str
    setup: Callable[[Path], object]
    # A regular expression one line of the output must match (searched, not anchored).
    expect: str = ""
    steps: tuple[Step, ...] = (CHECK, BUILD)
    # "error": every step fails; "warning": check passes with the line, the strict build
    # fails; "ok": every step that was not killed succeeds.
    outcome: str = "error"
    # Inputs (paths relative to the project) the steps may change, and a check of how.
    may_change: tuple[str, ...] = ()
    verify: Callable[[Path], str | None] | None = None


@dataclass
class Result:
    case: Case
    verdict: str
    detail: str = ""
    output: str = ""
    seconds: float = 0.0
    exits: list[int] = field(default_factory=list)


# ---------------------------------------------------------------------------------------
# Editing the project copy


def read(root: Path, rel: str) -> str:
    return (root / rel).read_text(encoding="utf-8")


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def append(root: Path, rel: str, text: str) -> None:
    write(root, rel, read(root, rel) + "\n" + textwrap.dedent(text))


def replace(root: Path, rel: str, old: str, new: str) -> None:
    text = read(root, rel)
    assert old in text, f"{old!r} not in {rel}"
    write(root, rel, text.replace(old, new, 1))


def link_sheet(root: Path, name: str, target: str | Path) -> None:
    """Replace a fact sheet of the briefing with a symbolic link to `target`."""
    sheet = root / B / name
    sheet.unlink()
    sheet.symlink_to(target)


def secret_outside(root: Path) -> Path:
    """A file outside the project holding the canary."""
    secret = root.parent / "outside" / "secret.txt"
    secret.parent.mkdir(exist_ok=True)
    secret.write_text(f"password={CANARY}\n")
    return secret


def new_source(source_id: str, file: str) -> str:
    return f"""\
        - id: {source_id}
          file: {file}
          outlet: Extra Outlet
          title: An extra article
          published: 2023-05-23
          language: en
        """


def cite_source(root: Path, source_id: str, quote: str) -> None:
    """Add a citation of `source_id` to the first event, so the source is cited. The
    made-up texts are about nothing the event names, so the editorial check's warning on
    that is silenced: the cases are about finding quotes, not about what they say."""
    replace(
        root,
        f"{B}/events.yaml",
        "  citations:\n",
        f"  citations:\n    - source: {source_id}\n      quote: {quote}\n",
    )
    append(
        root,
        f"{B}/waivers.yaml",
        """\
        - check: unrelated-citation
          record: crimea-2014
          reason: the bad-input corpus cites a made-up text from the first event
        """,
    )


def source_with_file(root: Path, file: str, *, cite: str | None = None) -> None:
    append(root, f"{B}/sources.yaml", new_source("extra", file))
    if cite:
        cite_source(root, "extra", cite)


def new_actor(actor_id: str, name: str, aliases: str = "[]") -> str:
    return f"""\
        - id: {actor_id}
          name: {name}
          kind: person
          aliases: {aliases}
        """


def new_place(place_id: str, name: str) -> str:
    return f"""\
        - id: {place_id}
          name: {name}
          kind: village
        """


def new_event(event_id: str, date: str = "2023-05-22", extra: str = "") -> str:
    return f"""\
        - id: {event_id}
          title: An extra event
          date: {date}
          summary: An extra event.
          status: reported
          actors: [vyacheslav-gladkov]
          {extra}
          citations:
            - source: guardian
              quote: The governor of the Belgorod region confirmed an attack on Monday
        """


def new_claim(
    claim_id: str,
    *,
    count: str = "8",
    as_of: str = "2023-05-22",
    quote: str = "said eight people were wounded after the town came under",
) -> str:
    return f"""\
        - id: {claim_id}
          claimant: vyacheslav-gladkov
          as_of: {as_of}
          incident: raid-begins
          category: wounded
          group: civilians
          count: {count}
          citations:
            - source: guardian
              quote: {quote}
        """


def new_statement(statement_id: str) -> str:
    return f"""\
        - id: {statement_id}
          speaker: vyacheslav-gladkov
          title: An extra statement
          date: 2023-05-22
          where: in writing
          citations:
            - source: guardian
              quote: The governor of the Belgorod region confirmed an attack on Monday
        """


# Who commits in the cases (and in the steps that run git).
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
}


def git(root: Path, *args: str, **env: str) -> str:
    """Run git in the project copy as the cases' committer; its output."""
    done = subprocess.run(
        ["git", "-C", str(root), *args],
        check=True,
        env={**os.environ, **GIT_IDENTITY, **env},
        capture_output=True,
        text=True,
    )
    return done.stdout


def git_commit(root: Path) -> None:
    env = {**os.environ, **GIT_IDENTITY}
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "-A", "briefings", "seeds"],
        ["commit", "-q", "-m", "base"],
    ):
        subprocess.run(["git", "-C", str(root), *args], check=True, env=env, capture_output=True)


def immutable_site(root: Path) -> None:
    """As root, make site/ immutable (renaming it fails); otherwise read-only (a build
    may still replace it whole, which is then the expected outcome)."""
    if os.geteuid() == 0 and shutil.which("chattr"):
        subprocess.run(["chattr", "+i", str(root / "site")], check=True)
    else:
        (root / "site").chmod(0o555)


def retitle(root: Path) -> None:
    """A change a reader would see: the briefing's title."""
    replace(root, f"{B}/briefing.yaml", "title: Cross-border raid", "title: The cross-border raid")


def crlf_kept(root: Path) -> str | None:
    raw = (root / f"{B}/events.yaml").read_bytes()
    lines = raw.split(b"\n")[:-1]
    if not all(line.endswith(b"\r") for line in lines):
        return "a line of events.yaml lost its CRLF ending"
    if b"- id: new-event" not in raw:
        return "no new event was appended"
    return None


# ---------------------------------------------------------------------------------------

# ---------------------------------------------------------------------------------------
# Running and judging


def tree_digest(path: Path) -> dict[str, str]:
    """{relative path: content hash, or 'link -> target'} for everything under path."""
    if not path.exists() and not path.is_symlink():
        return {}
    if path.is_symlink() or not path.is_dir():
        return {".": _entry(path)}
    found = {}
    for folder, dirs, files in os.walk(path):
        for name in sorted(dirs + files):
            entry = Path(folder) / name
            if entry.is_symlink() or entry.is_file() or not entry.is_dir():
                found[entry.relative_to(path).as_posix()] = _entry(entry)
    return found


def _entry(path: Path) -> str:
    if path.is_symlink():
        return f"link -> {os.readlink(path)}"
    if path.is_file():
        return hashlib.sha256(path.read_bytes()).hexdigest()
    return "special"


INPUTS = ("briefings", "seeds", "docs", "mkdocs.yml")
# What must never reach a terminal or a page: C0 controls but tab and line breaks, DEL, C1.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


# A folder beside the project, and a file in the project's .git when it has one: a command
# that deletes or rewrites anything outside its own folders (a cache that is a link to
# `../..`, a site_dir of `.git`) is caught by what it did to them.
BESIDE = "beside-the-project"
_CANARY_FILE = "canary.txt"


def plant_canaries(root: Path) -> None:
    beside = root.parent / BESIDE
    beside.mkdir(exist_ok=True)
    (beside / _CANARY_FILE).write_text("a folder beside the project\n")


def canaries_lost(root: Path, had_git: bool) -> str | None:
    """What happened to the canaries, or None if they are as planted (`had_git`: the case
    made the project a git repository)."""
    canary = root.parent / BESIDE / _CANARY_FILE
    if not canary.is_file() or canary.read_text() != "a folder beside the project\n":
        return f"the folder beside the project lost its file ({canary})"
    if had_git and not (root / ".git" / "HEAD").is_file():
        return "the project's .git lost its HEAD"
    return None


def inputs_digest(root: Path) -> dict[str, dict[str, str]]:
    return {name: tree_digest(root / name) for name in INPUTS}


def _limits(step: Step) -> Callable[[], None] | None:
    if step.file_size_limit is None and not step.stdout_closed:
        return None
    limit = step.file_size_limit

    def apply() -> None:
        if limit is not None:
            # Writes past the limit fail with EFBIG instead of killing the process, as
            # writes to a full disk fail with ENOSPC.
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        if step.stdout_closed:
            os.close(1)  # `>&-`; stderr still reaches the captured output

    return apply


def _command(root: Path, step: Step) -> list[str]:
    if step.program == "python":
        return [sys.executable, *step.args]
    if step.program is not None:
        return [step.program, *step.args]
    return [sys.executable, "-m", "generator.cli", "--root", str(root), *step.args]


def run_step(root: Path, step: Step) -> tuple[list[int], str, bool]:
    """Exit statuses, the combined output, and whether the time limit was hit."""
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "BRIEFING_CANARY": CANARY,
        "PYTHONPATH": str(ROOT),
        **GIT_IDENTITY,
        **dict(step.env),
    }
    procs = [
        subprocess.Popen(
            _command(root, step),
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            preexec_fn=_limits(step),
        )
        for _ in range(step.together)
    ]
    exits, output, hung = [], "", False
    for proc in procs:
        try:
            if step.kill_after is not None:
                time.sleep(step.kill_after)
                proc.send_signal(step.kill_signal)
            out, _ = proc.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate()
            hung = True
        exits.append(proc.returncode)
        output += out
    return exits, output, hung


def site_complete(site: Path) -> bool:
    return (
        (site / "index.html").is_file()
        and (site / "pagefind/0/pagefind.js").is_file()
        and (site / SLUG / "index.html").is_file()
        and (site / "404.html").is_file()
    )


def judge(case: Case, project: Path) -> Result:
    """Set the case up in `project` (a copy of the base project with its site built), run
    its steps and classify what happened."""
    started = time.monotonic()
    plant_canaries(project)
    case.setup(project)
    had_git = (project / ".git" / "HEAD").is_file()
    before_inputs = inputs_digest(project)
    before_site = tree_digest(project / "site")
    exits: list[int] = []
    output = ""
    for step in case.steps:
        step_exits, step_output, hung = run_step(project, step)
        exits += step_exits
        output += f"$ {step.shown}\n{step_output}"
        if hung:
            return Result(
                case,
                "HANG",
                f"{step.args} ran over {TIMEOUT:.0f} s",
                output,
                time.monotonic() - started,
                exits,
            )
        if (
            step.kill_after is not None
            and tree_digest(project / "site") != before_site
            and (not site_complete(project / "site"))
        ):
            return Result(
                case,
                "DAMAGE",
                f"killed at {step.kill_after} s, site/ is neither "
                "the old site nor a complete new one",
                output,
                time.monotonic() - started,
                exits,
            )
    result = Result(case, "", "", output, time.monotonic() - started, exits)
    if os.geteuid() == 0 and shutil.which("chattr"):
        subprocess.run(["chattr", "-i", str(project / "site")], capture_output=True)
    result.verdict, result.detail = _verdict(
        case, project, before_inputs, before_site, exits, output, had_git
    )
    return result


def _verdict(
    case: Case,
    project: Path,
    before_inputs: dict[str, dict[str, str]],
    before_site: dict[str, str],
    exits: list[int],
    output: str,
    had_git: bool = False,
) -> tuple[str, str]:
    if "Traceback (most recent call last)" in output or ": unexpected " in output:
        return "TRACEBACK", "a traceback or an unexpected error"
    site_text = "".join(_site_text(project / "site"))
    if CANARY in output or CANARY in site_text:
        return "DAMAGE", "the canary from outside the project was printed or published"
    if _CONTROL.search(output) or _CONTROL.search(site_text):
        return "DAMAGE", "a control character reached the terminal or the site"
    after = inputs_digest(project)
    for name in INPUTS:
        changed = {
            k
            for k in before_inputs[name].keys() | after[name].keys()
            if before_inputs[name].get(k) != after[name].get(k)
        }
        changed = {
            c
            for c in changed
            if not any(f"{name}/{c}".startswith(m) or name.startswith(m) for m in case.may_change)
        }
        if changed:
            return "DAMAGE", f"inputs changed: {name}: {sorted(changed)[:5]}"
    site_now = tree_digest(project / "site")
    if case.outcome in ("error", "warning") and site_now != before_site:
        return "DAMAGE", "site/ changed although the build should have failed"
    if case.outcome == "killed" and site_now != before_site and not site_complete(project / "site"):
        return "DAMAGE", "site/ is neither the old site nor a complete new one"
    if case.outcome == "ok" and not site_complete(project / "site"):
        return "DAMAGE", "site/ is not complete after a successful command"
    if lost := canaries_lost(project, had_git):
        return "DAMAGE", lost
    if leftovers := sorted(p.name for p in project.glob(".site.*") if p.name != ".site.lock"):
        return "DAMAGE", f"left behind: {leftovers}"
    if case.verify is not None and (problem := case.verify(project)):
        return "DAMAGE", problem
    lines = output.splitlines()
    if case.expect and not any(re.search(case.expect, line) for line in lines):
        return "SILENT", f"no line matches {case.expect!r}"
    killed = {i for i, step in enumerate(case.steps) if step.kill_after is not None}
    exits = [e for i, e in enumerate(exits) if i not in killed]
    failing = {
        "error": lambda: all(e != 0 for e in exits),
        "warning": lambda: exits[0] == 0 and all(e != 0 for e in exits[1:]),
        "ok": lambda: all(e == 0 for e in exits),
    }
    if not failing[case.outcome]():
        return "SILENT", f"exit statuses {exits} do not fit a case of outcome {case.outcome}"
    return ("OK" if case.outcome == "ok" else "CLEAR"), ""


def _site_text(site: Path) -> list[str]:
    return [
        p.read_text(errors="replace")
        for p in site.rglob("*")
        if p.is_file() and p.suffix in (".html", ".json", ".md", ".csv", ".xml")
    ]


def base_project(folder: Path) -> Path:
    """A copy of this repository's site inputs with its site built, to copy per case."""
    for name in ("briefings", "seeds", "docs"):
        shutil.copytree(ROOT / name, folder / name, symlinks=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    exits, output, _ = run_step(folder, BUILD)
    if exits != [0] or not site_complete(folder / "site"):
        raise RuntimeError(f"the base project does not build:\n{output}")
    return folder


def copy_project(base: Path, folder: Path) -> Path:
    shutil.copytree(base, folder, symlinks=True)
    return folder
