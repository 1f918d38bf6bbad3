"""Cases of the bad-input corpus: the briefing command's own edges (closed or broken
stdout, a terminal that is not UTF-8, long names, missing folders), Pagefind, and the
preview gate against hostile API answers.

Ids: `R-<id>` is the case of that id in the review of main at dd7a752
(../shared/reviews/reliability-2026-12-07.md); `N2-...` are new cases in the same families.

Pagefind is faked as the review faked it: a `pagefind` package in the project's `fake/`
folder, first on PYTHONPATH, which `python -m pagefind` runs instead of the real one. The
gate runs as the workflows run it, against a fake GitHub API on 127.0.0.1 (fake_github.py)
that gives each case's hostile answers.
"""

from __future__ import annotations

import json
import os
import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bad_inputs.kit import (
    ROOT,
    SLUG,
    B,
    Case,
    Step,
    append,
    git,
    git_commit,
    new_source,
)

# ---------------------------------------------------------------------------------------
# Pagefind

_FAKE_PATH = (("PYTHONPATH", f"fake{os.pathsep}{ROOT}"),)


def fake_pagefind(main: str) -> Callable[[Path], None]:
    """A setup that puts a fake Pagefind, whose __main__ is `main`, in the project's fake/."""

    def setup(root: Path) -> None:
        package = root / "fake" / "pagefind"
        package.mkdir(parents=True)
        (package / "__init__.py").write_text("")
        (package / "__main__.py").write_text(textwrap.dedent(main))

    return setup


def build_with(*env: tuple[str, str]) -> tuple[Step, ...]:
    return (Step(("build",), env=(*_FAKE_PATH, *env)),)


# A fake that starts a child holding its output, then sleeps; both write their ids.
_STUCK_WITH_A_CHILD = """\
    import os, subprocess, time
    child = subprocess.Popen(["sleep", "600"])
    with open("pagefind-pids.txt", "w") as pids:
        pids.write(f"{os.getpid()} {child.pid}")
    time.sleep(600)
"""


def _stopped(root: Path) -> str | None:
    """None if the fake Pagefind and its child were both stopped (ended, or zombies whose
    reaper is slow)."""
    for pid in (root / "pagefind-pids.txt").read_text().split():
        stat = Path(f"/proc/{pid}/stat")
        if stat.exists() and stat.read_text().rpartition(")")[2].split()[0] not in "ZX":
            return f"process {pid} that Pagefind started is still running"
    return None


PAGEFIND_CASES = [
    Case(
        "R-P02",
        "pagefind",
        "Pagefind exits 0 and writes nothing",
        fake_pagefind(""),
        r"Pagefind exited with status 0 but wrote no index \(pagefind/0/pagefind\.js is "
        r"missing\), and printed nothing",
        steps=build_with(),
    ),
    Case(
        "R-P04",
        "pagefind",
        "Pagefind is killed by SIGKILL",
        fake_pagefind("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n"),
        r"Pagefind was killed by SIGKILL before it finished the index, and printed nothing",
        steps=build_with(),
    ),
    Case(
        "R-P05",
        "pagefind",
        "Pagefind never returns (BRIEFING_PAGEFIND_TIMEOUT=2)",
        fake_pagefind("import time\ntime.sleep(1000)\n"),
        r"Pagefind did not finish indexing \d+ pages in 2 seconds and was stopped; the "
        r"previous site is kept",
        steps=build_with(("BRIEFING_PAGEFIND_TIMEOUT", "2")),
    ),
    Case(
        "N2-P01",
        "pagefind",
        "Pagefind's program is missing (PAGEFIND_BINARY_PATH names nothing)",
        lambda r: None,
        r"Pagefind's launcher failed: FileNotFoundError: \[Errno 2\] No such file or "
        r"directory \(reinstall with `make site`; PAGEFIND_BINARY_PATH is set to "
        r"'no-such-pagefind': it must name Pagefind's program\)$",
        steps=(Step(("build",), env=(("PAGEFIND_BINARY_PATH", "no-such-pagefind"),)),),
    ),
    Case(
        "N2-P02",
        "pagefind",
        "Pagefind writes only part of its index, and exits 0",
        fake_pagefind(
            """\
            import pathlib, sys
            out = pathlib.Path(sys.argv[sys.argv.index("--output-path") + 1])
            out.mkdir(parents=True)
            (out / "pagefind-entry.json").write_text("{}")
            print("Indexed 59 pages")
            """
        ),
        r"Pagefind exited with status 0 but wrote no index \(pagefind/0/pagefind\.js is "
        r"missing\):",
        steps=build_with(),
    ),
    Case(
        "N2-P03",
        "pagefind",
        "Pagefind fails with words of its own",
        fake_pagefind(
            "import sys\nprint('Error: Pagefind was not able to build an index')\nsys.exit(1)\n"
        ),
        r"Pagefind stopped with exit status 1:",
        steps=build_with(),
    ),
    Case(
        "N2-P04",
        "pagefind",
        "BRIEFING_PAGEFIND_TIMEOUT=soon",
        lambda r: None,
        r"BRIEFING_PAGEFIND_TIMEOUT='soon' is not a number of seconds above zero",
        steps=(Step(("build",), env=(("BRIEFING_PAGEFIND_TIMEOUT", "soon"),)),),
    ),
    Case(
        "N2-P05",
        "pagefind",
        "Pagefind fails printing terminal escape sequences",
        fake_pagefind(
            "import sys\nprint('\\x1b]0;owned\\x07\\x1b[31mError\\x1b[0m')\nsys.exit(2)\n"
        ),
        r"^\\x1b\]0;owned\\x07\\x1b\[31mError\\x1b\[0m$",
        steps=build_with(),
    ),
    Case(
        "N2-P06",
        "pagefind",
        "Pagefind never returns, and a child of it holds its output open",
        fake_pagefind(_STUCK_WITH_A_CHILD),
        r"Pagefind did not finish indexing \d+ pages in 2 seconds and was stopped",
        steps=build_with(("BRIEFING_PAGEFIND_TIMEOUT", "2")),
        verify=_stopped,
    ),
    Case(
        "N2-P07",
        "pagefind",
        "Pagefind is ended by SIGTERM",
        fake_pagefind("import os, signal\nos.kill(os.getpid(), signal.SIGTERM)\n"),
        r"Pagefind was killed by SIGTERM before it finished the index",
        steps=build_with(),
    ),
]

# ---------------------------------------------------------------------------------------
# The briefing command's own edges

# Runs `briefing coverage` and closes its output at once, as `| head -1` does when it has
# read its line; prints how the command ended and what it said.
_READER_GONE = """\
import subprocess, sys
command = [sys.executable, "-m", "generator.cli", "--root", ".", "coverage"]
with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
    process.stdout.close()
    said = process.stderr.read()
print(f"briefing coverage | head -1: status {process.returncode}, stderr {said!r}")
sys.exit(process.returncode)
"""

_TO_DEV_FULL = """\
import subprocess, sys
command = [sys.executable, "-m", "generator.cli", "--root", ".", "coverage"]
with open("/dev/full", "w") as full:
    sys.exit(subprocess.run(command, stdout=full, check=False).returncode)
"""

# Makes a path unwritable (immutable as root with chattr, read-only otherwise), runs
# `briefing ARGS...` and puts the path back as it was, whatever happens.
_UNWRITABLE = """\
import os, shutil, subprocess, sys
path, args = sys.argv[1], sys.argv[2:]
immutable = os.geteuid() == 0 and shutil.which("chattr")
# Without chattr: the path read-only, and a file's folder too (a rename replaces a file
# whatever its own mode).
changed = [path] if os.path.isdir(path) else [path, os.path.dirname(path)]
modes = {p: os.stat(p).st_mode for p in changed}
if immutable:
    subprocess.run(["chattr", "+i", path], check=True)
else:
    for p in changed:
        os.chmod(p, 0o555 if os.path.isdir(p) else 0o444)
try:
    done = subprocess.run([sys.executable, "-m", "generator.cli", "--root", ".", *args])
finally:
    if immutable:
        subprocess.run(["chattr", "-i", path], check=True)
    else:
        for p, mode in modes.items():
            os.chmod(p, mode)
sys.exit(done.returncode)
"""


def unwritable(path: str, *args: str) -> Step:
    return Step(("-c", _UNWRITABLE, path, *args), program="python")


def changed_history(root: Path) -> None:
    """A git history whose change log prints an arrow (→): an event retitled."""
    git_commit(root)
    events = root / f"{B}/events.yaml"
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace("  title: ", "  title: Retitled, ", 1), encoding="utf-8")
    git(root, "commit", "-qam", "Retitle an event")


def seeds_loop(root: Path) -> None:
    shutil.rmtree(root / "seeds")
    (root / "seeds").symlink_to("seeds")


LONG_SLUG = "a" * 300

COMMAND_EDGE_CASES = [
    Case(
        "R-K11",
        "commands",
        "new briefing with a 300-character slug",
        lambda r: None,
        r"^briefing new briefing: 'a{40}…' is 300 characters long; a briefing's folder name "
        r"becomes its address and may be at most 100 characters",
        steps=(Step(("new", "briefing", LONG_SLUG)),),
    ),
    Case(
        "R-K13",
        "commands",
        "--root /nonexistent check",
        lambda r: None,
        r"^briefing: --root /nonexistent does not exist; give the project folder",
        steps=(Step(("--root", "/nonexistent", "check")),),
    ),
    Case(
        "R-K18",
        "commands",
        "briefing coverage | head -1 (the reader stops early)",
        lambda r: None,
        r"^briefing coverage \| head -1: status 141, stderr b''$",
        steps=(Step(("-c", _READER_GONE), program="python"),),
    ),
    Case(
        "R-K19",
        "commands",
        "PYTHONIOENCODING=ascii briefing changes (a change log with an arrow)",
        changed_history,
        r"^briefing changes: this terminal's encoding \(ascii\) cannot show every character "
        r"printed, so some \(such as \\u2192\) are written as escapes; to see them, use a "
        r"UTF-8 locale",
        steps=(Step(("changes",), env=(("PYTHONIOENCODING", "ascii"),)),),
        outcome="ok",
    ),
    Case(
        "R-K20",
        "commands",
        "briefing changes >&- (standard output closed)",
        git_commit,
        r"^briefing changes: standard output is closed \(`>&-`\), so nothing could be "
        r"printed and nothing was done",
        steps=(Step(("changes",), stdout_closed=True),),
    ),
    Case(
        "R-K22",
        "commands",
        "new event when events.yaml is immutable",
        lambda r: None,
        rf"^{B}/events\.yaml cannot be written \((Operation not permitted|Permission "
        r"denied)\): (it or )?its folder may be read-only or immutable, or the disk full; "
        r"nothing was changed$",
        steps=(unwritable(f"{B}/events.yaml", "new", "event", "--briefing", SLUG),),
    ),
    Case(
        "R-L05",
        "links",
        "seeds -> seeds (a link loop)",
        seeds_loop,
        r"^seeds:1: the seeds folder is a symbolic link loop \(following it leads back to "
        r"itself\); replace it with the folder itself",
    ),
    Case(
        "N2-K01",
        "commands",
        "--root names a file",
        lambda r: None,
        r"^briefing: --root mkdocs\.yml is a file; give the project folder",
        steps=(Step(("--root", "mkdocs.yml", "check")),),
    ),
    Case(
        "N2-K02",
        "commands",
        "briefing changes --since -x (an option where a revision goes)",
        git_commit,
        r"briefing changes: error: argument --since: expected one argument",
        steps=(Step(("changes", "--since", "-x")),),
    ),
    Case(
        "N2-K03",
        "commands",
        "briefing changes --since=-x (an option as a revision)",
        git_commit,
        r"^briefing changes: '-x' is not a revision",
        steps=(Step(("changes", "--since=-x")),),
    ),
    Case(
        "N2-K04",
        "commands",
        "new briefing with capital letters",
        lambda r: None,
        r"^briefing new briefing: 'Riverton-2023' cannot name a briefing: the folder name "
        r"becomes its address, so use lowercase letters",
        steps=(Step(("new", "briefing", "Riverton-2023")),),
    ),
    Case(
        "N2-K05",
        "commands",
        "briefing coverage > /dev/full",
        lambda r: None,
        r"^briefing coverage: cannot write to standard output: No space left on device$",
        steps=(Step(("-c", _TO_DEV_FULL), program="python"),),
    ),
    Case(
        "N2-K06",
        "commands",
        "new briefing when briefings/ cannot be written",
        lambda r: None,
        r"^briefing new briefing: cannot create briefings/demo-2024: (Operation not "
        r"permitted|Permission denied)$",
        steps=(unwritable("briefings", "new", "briefing", "demo-2024"),),
    ),
    Case(
        "N2-K07",
        "commands",
        "new event with a 300-character --briefing",
        lambda r: None,
        r": no such briefing \(a folder with a briefing\.yaml\); known: belgorod-2023-05$",
        steps=(Step(("new", "event", "--briefing", LONG_SLUG)),),
    ),
    Case(
        "N2-K08",
        "links",
        "a source whose file is a link to itself",
        lambda r: (
            (r / "seeds/loop.txt").symlink_to("loop.txt"),
            append(r, f"{B}/sources.yaml", new_source("extra", "loop.txt")),
        ),
        rf"^{B}/sources\.yaml:\d+: file: seeds/loop\.txt is a symbolic link loop",
    ),
    Case(
        "N2-K09",
        "addresses",
        "a briefing folder named pr-preview (where the previews go)",
        lambda r: shutil.copytree(r / B, r / "briefings/pr-preview"),
        r"^briefings/pr-preview/briefing\.yaml:1: the briefing's folder name 'pr-preview' is "
        r"an address the site itself already uses",
    ),
    Case(
        "N2-K10",
        "addresses",
        "a hand-written page docs/pr-preview.md",
        lambda r: (r / "docs/pr-preview.md").write_text("# Previews\n"),
        r"^docs/pr-preview\.md:1: would be published at pr-preview/, which holds the "
        r"previews of pull requests",
    ),
    Case(
        "N2-K11",
        "addresses",
        "a hand-written folder docs/pr-preview/pr-7/",
        lambda r: (
            (r / "docs/pr-preview/pr-7").mkdir(parents=True),
            (r / "docs/pr-preview/pr-7/index.md").write_text("# Not a preview\n"),
        ),
        r"^docs/pr-preview:1: would be published at pr-preview/",
    ),
    Case(
        "N2-K12",
        "addresses",
        "briefing new briefing pr-preview",
        lambda r: None,
        r"^briefing new briefing: 'pr-preview' is an address the site already uses",
        steps=(Step(("new", "briefing", "pr-preview")),),
    ),
]

# ---------------------------------------------------------------------------------------
# The preview gate against a fake GitHub

REPO = "newsroom/briefing"
SHA = "b" * 40
DRIVER = ROOT / "tests/bad_inputs/fake_github.py"
GATE_STEP = (Step((str(DRIVER), "gate-spec.json"), program="python"),)


def _pull(**changes: Any) -> dict[str, Any]:
    """A stranger's open pull request from a fork, number 50, at SHA."""
    return {
        "number": 50,
        "state": "open",
        "user": {"login": "stranger"},
        "labels": [],
        "head": {"sha": SHA, "label": "stranger:main", "repo": {"full_name": "stranger/b"}},
        "base": {"repo": {"full_name": REPO}},
    } | changes


def _status(**changes: Any) -> dict[str, Any]:
    """The approval this repository's workflow records on SHA."""
    return {
        "context": "preview/approved",
        "state": "success",
        "creator": {"login": "github-actions[bot]"},
        "created_at": "2026-12-07T10:00:00Z",
        "description": f"approved by editor for {SHA[:7]}",
    } | changes


_RUN = {
    "id": 12_345_678_901,
    "event": "pull_request",
    "head_sha": SHA,
    "head_branch": "main",
    "head_repository": {"full_name": "stranger/b", "owner": {"login": "stranger"}},
}
_COMMENTED = {
    "comment": {"id": 900, "body": f"/preview {SHA}", "user": {"login": "editor"}},
    "issue": {"number": 50, "pull_request": {}},
    "repository": {"default_branch": "main"},
}
_UNLABELLED = {
    "label": {"name": "preview"},
    "sender": {"login": "editor"},
    "pull_request": {"number": 50},
    "repository": {"default_branch": "main"},
}
_LABELLED_PULL = [200, [_pull(labels=[{"name": "preview"}])]]
_ANSWERS = {
    "pulls": [200, [_pull()]],
    "statuses": [200, []],
    "artifacts": [200, {"artifacts": [{"name": "site", "expired": False}]}],
}


def gate(
    answers: dict[str, Any] | None = None,
    *,
    command: str = "deploy",
    event: dict[str, Any] | None = None,
    **spec: Any,
) -> Callable[[Path], None]:
    """A setup writing the driver's spec: the shipped answers with `answers` in their place."""
    default_event = {"workflow_run": _RUN} if command == "deploy" else _COMMENTED
    # The stranger may not write (deploy); the maintainer commenting may (approve).
    permission = [200, {"permission": "read" if command == "deploy" else "write"}]

    def setup(root: Path) -> None:
        written = {
            "command": command,
            "event": default_event if event is None else event,
            "answers": _ANSWERS | {"permission": permission} | (answers or {}),
            "artifact": "50",
            **spec,
        }
        (root / "gate-spec.json").write_text(json.dumps(written), encoding="utf-8")

    return setup


def _no_deploy(root: Path) -> str | None:
    output = root / "gate-output.txt"
    if output.is_file() and "action=deploy" in output.read_text():
        return "GITHUB_OUTPUT says action=deploy"
    return None


_NOT_READ = r"^::error::GitHub's answer to GET /repos/newsroom/briefing/"

GATE_CASES = [
    Case(
        "R-G01",
        "gate",
        "the pulls call answers {'message': ...}",
        gate({"pulls": [200, {"message": "Bad credentials"}]}),
        _NOT_READ + r"pulls\?\S+ is not what the gate reads: the answer should be a list, "
        r"but is an object '\{\"message\": \"Bad credentials\"\}'$",
        steps=GATE_STEP,
    ),
    Case(
        "R-G02",
        "gate",
        "a status with creator: null (GitHub's schema allows it: it approves nothing)",
        gate({"statuses": [200, [_status(creator=None)]]}),
        r"^preview wait for #50 at bbbbbbb: previews of pull requests by people without "
        r"write access are built only after a maintainer",
        steps=GATE_STEP,
        outcome="ok",
        verify=_no_deploy,
    ),
    Case(
        "R-G03",
        "gate",
        "a head_sha holding '\\naction=deploy\\nnumber=1'",
        gate(event={"workflow_run": _RUN | {"head_sha": SHA + "\naction=deploy\nnumber=1"}}),
        r"^::error::the event's workflow_run is not what the gate reads: head_sha should be "
        r"a commit hash \(40 or 64 hexadecimal digits\), but is the text "
        r"'b{40}\\naction=deploy\\nnumber=1'$",
        steps=GATE_STEP,
        verify=_no_deploy,
    ),
    Case(
        "R-G04",
        "gate",
        "a pull request with labels: null",
        gate({"pulls": [200, [_pull(labels=None)]]}),
        _NOT_READ + r"pulls\?\S+ is not what the gate reads: \[0\]\.labels should be a list, "
        r"but is null$",
        steps=GATE_STEP,
    ),
    Case(
        "R-G06",
        "gate",
        "a pull request whose number is '50; echo pwned'",
        gate({"pulls": [200, [_pull(number="50; echo pwned")]]}),
        _NOT_READ + r"pulls\?\S+ is not what the gate reads: \[0\]\.number should be a whole "
        r"number from 1 to 999999999999, but is the text '50; echo pwned'$",
        steps=GATE_STEP,
        verify=_no_deploy,
    ),
    Case(
        "R-G07",
        "gate",
        "an approval whose description holds '\\n::error::fake'",
        gate(
            {
                "pulls": _LABELLED_PULL,
                "statuses": [200, [_status(description="ok\n::error::fake")]],
            }
        ),
        r"^preview deploy for #50 at bbbbbbb to elsewhere: a maintainer approved bbbbbbb "
        r"\('ok\\n::error::fake'\)$",
        steps=GATE_STEP,
        outcome="ok",
    ),
    Case(
        "R-G08",
        "gate",
        "the artifacts answer has no 'artifacts' key",
        gate(
            {
                "pulls": _LABELLED_PULL,
                "statuses": [200, [_status()]],
                "artifacts": [200, {"total_count": 1}],
            }
        ),
        _NOT_READ + r"actions/runs/12345678901/artifacts\?per_page=100 is not what the gate reads: "
        r"artifacts should be a list, but is missing$",
        steps=GATE_STEP,
    ),
    Case(
        "R-G10",
        "gate",
        "the label event has label: null",
        gate(
            command="approve", event=_UNLABELLED | {"label": None}, event_name="pull_request_target"
        ),
        r"^::error::the event is not what the gate reads: label should be an object, but is "
        r"null$",
        steps=GATE_STEP,
    ),
    Case(
        "N2-G01",
        "gate",
        "the pulls call answers an HTML error page with status 200",
        gate({"pulls": [200, "<!DOCTYPE html><html><title>Unicorn!</title></html>"]}),
        _NOT_READ + r"pulls\?\S+ is not JSON: it starts '<!DOCTYPE html><html><title>",
        steps=GATE_STEP,
    ),
    Case(
        "N2-G02",
        "gate",
        "the statuses call answers 500",
        gate({"statuses": [500, {"message": "Server Error"}]}),
        r"^::error::GitHub answered 500 to GET /repos/newsroom/briefing/commits/b{40}/"
        r"statuses\?per_page=100: 'Server Error'$",
        steps=GATE_STEP,
    ),
    Case(
        "N2-G03",
        "gate",
        "the status list is an object",
        gate({"statuses": [200, {"statuses": [_status()]}]}),
        _NOT_READ + r"commits/b{40}/statuses\?per_page=100 is not what the gate reads: the "
        r"answer should be a list, but is an object",
        steps=GATE_STEP,
    ),
    Case(
        "N2-G04",
        "gate",
        "a pull request whose number is 50.0",
        gate({"pulls": [200, [_pull(number=50.0)]]}),
        _NOT_READ + r"pulls\?\S+ is not what the gate reads: \[0\]\.number should be a whole "
        r"number from 1 to 999999999999, but is the number '50\.0'$",
        steps=GATE_STEP,
    ),
    Case(
        "N2-G05",
        "gate",
        "GITHUB_OUTPUT names a folder (cannot be written)",
        gate(output="."),
        r"^::error::cannot write the step's outputs to GITHUB_OUTPUT \('.*'\): Is a directory$",
        steps=GATE_STEP,
    ),
    Case(
        "N2-G06",
        "gate",
        "the run's pr/number holds '50\\n::error::fake'",
        gate(artifact="50\n::error::fake"),
        r"^::error::preview refused: the artifact's pull-request number "
        r"'50\\n::error::fake' is not a number: refused$",
        steps=GATE_STEP,
        verify=_no_deploy,
    ),
    Case(
        "N2-G07",
        "gate",
        "the permission call answers permission: null",
        gate({"permission": [200, {"permission": None}]}, command="approve"),
        _NOT_READ + r"collaborators/editor/permission is not what the gate reads: permission "
        r"should be a word in lower case, but is null$",
        steps=GATE_STEP,
    ),
    Case(
        "N2-G08",
        "gate",
        "the comment event's author login holds a newline",
        gate(
            command="approve",
            event=_COMMENTED
            | {"comment": _COMMENTED["comment"] | {"user": {"login": "editor\n::error::x"}}},
        ),
        r"^::error::the event is not what the gate reads: comment\.user\.login should be a GitHub "
        r"login, but is the text 'editor\\n::error::x'$",
        steps=GATE_STEP,
    ),
    Case(
        "N2-G09",
        "gate",
        "GitHub's API cannot be reached",
        gate(api="down"),
        r"^::error::could not reach GitHub at http://127\.0\.0\.1:\d+ for GET "
        r"/repos/newsroom/briefing/pulls\?\S+: ",
        steps=GATE_STEP,
    ),
]

COMMANDS_CASES: list[Case] = [*PAGEFIND_CASES, *COMMAND_EDGE_CASES, *GATE_CASES]
