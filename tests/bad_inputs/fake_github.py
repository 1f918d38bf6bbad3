"""Run the preview gate (.github/scripts/preview_gate.py) as the workflows do, against a
fake GitHub API on 127.0.0.1 that gives the answers a case asks for.

    python tests/bad_inputs/fake_github.py SPEC.json

SPEC (written by a case of cases_commands.py) holds:

    command    "deploy" (preview_gate.py) or "approve" (preview_approval.py)
    event      the event the gate reads from GITHUB_EVENT_PATH
    event_name GITHUB_EVENT_NAME (default: workflow_run for deploy, issue_comment for
               approve)
    answers    {kind: [status, body]}: the answer to each kind of call ("pulls",
               "statuses", "artifacts", "permission"); a body that is not a string is sent
               as JSON, a string as it is (an HTML page)
    artifact   the text of the run's pr/number, or null for none
    output     where GITHUB_OUTPUT points, relative to SPEC's folder ("gate-output.txt")
    api        "up" (default) or "down": an address where nothing answers

It prints what the gate printed, then what it wrote to GITHUB_OUTPUT, and exits with the
gate's status. The API's address reaches the gate the way GitHub's runner gives it,
GITHUB_API_URL, which no workflow sets (tests/test_workflows.py).
"""

from __future__ import annotations

import http.server
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

SCRIPTS = Path(__file__).resolve().parents[2] / ".github/scripts"
PROGRAMS = {"deploy": SCRIPTS / "preview_gate.py", "approve": SCRIPTS / "preview_approval.py"}
KINDS = ("pulls", "statuses", "artifacts", "permission")


def _server(answers: dict[str, Any]) -> http.server.HTTPServer:
    class Handler(http.server.BaseHTTPRequestHandler):
        def _answer(self) -> None:
            path = self.path.partition("?")[0]
            kind = next((k for k in KINDS if f"/{k}" in path), None)
            status, body = answers.get(kind or "", [204, ""])
            if self.command != "GET":
                status, body = 204, ""  # writes (labels, statuses) are accepted
            raw = (body if isinstance(body, str) else json.dumps(body)).encode()
            self.send_response(status)
            kind_of_body = "text/html" if isinstance(body, str) else "application/json"
            self.send_header("Content-Type", kind_of_body)
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        do_GET = do_POST = do_PATCH = do_DELETE = _answer

        def log_message(self, *args: Any) -> None:
            pass

    return http.server.HTTPServer(("127.0.0.1", 0), Handler)


def _free_port() -> int:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        return int(unused.getsockname()[1])


def main(spec_path: str) -> int:
    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    here = Path(spec_path).resolve().parent
    server = _server(spec.get("answers", {}))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1] if spec.get("api", "up") == "up" else _free_port()
    output = here / spec.get("output", "gate-output.txt")
    with tempfile.TemporaryDirectory() as work:
        event = Path(work) / "event.json"
        event.write_text(json.dumps(spec["event"]), encoding="utf-8")
        args: list[str] = []
        if spec["command"] == "deploy":
            args += ["--decision", str(Path(work) / "decision.json")]
            if spec.get("artifact") is not None:
                (Path(work) / "number").write_text(spec["artifact"], encoding="utf-8")
                args += ["--artifact", str(Path(work) / "number")]
        env = {
            **os.environ,
            "GITHUB_API_URL": f"http://127.0.0.1:{port}",
            "GITHUB_EVENT_PATH": str(event),
            "GITHUB_REPOSITORY": "newsroom/briefing",
            "GITHUB_TOKEN": "not-a-token",
            "GITHUB_OUTPUT": str(output),
            "GITHUB_EVENT_NAME": spec.get(
                "event_name", "workflow_run" if spec["command"] == "deploy" else "issue_comment"
            ),
            "PREVIEW_REPOSITORY": "previews-org/briefing-previews",
        }
        done = subprocess.run(
            [sys.executable, str(PROGRAMS[spec["command"]]), *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    server.shutdown()
    print(done.stdout + done.stderr, end="")
    if output.is_file():
        print("GITHUB_OUTPUT: " + repr(output.read_text(encoding="utf-8")))
    return done.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
