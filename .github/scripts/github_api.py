"""What the trusted workflow scripts share: the GitHub REST API with the job's token, the
shapes its answers are checked against before anything is decided from them, and the
ways a script may speak to the job (its log, its step outputs, its files).

Only the standard library is used: the trusted jobs run these scripts with the runner's
python3 and install nothing.

Every answer a script reads (GitHub's, and the event's) is checked against the shape the
script reads from it (`checked`, with the shapes below) before anything is decided from
it: an answer of another shape is one `::error::` line naming the answer, the place in it,
what was expected and what came, and the job fails. Every untrusted text the log shows
goes through `shown`, and every value written to GITHUB_OUTPUT must match its own pattern.
"""

from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

BOT = "github-actions[bot]"  # the author of what this repository's workflows write


def shown(text: str, limit: int = 40) -> str:
    """Untrusted text as the log may show it: one quoted line, so it can never start a
    workflow command (`::`) or fake a line of ours."""
    return repr(text[:limit] + ("…" if len(text) > limit else ""))


class GateError(Exception):
    """What stops a script, in one line; `run_main` prints it as a `::error::` line."""


class NotFound(GateError):
    """GitHub answered 404: the thing asked about does not exist, or is not visible."""


class UnexpectedAnswer(GateError):
    """An answer (GitHub's, or the event's) that is not of the shape the script reads."""


class Api(Protocol):
    """The few GitHub REST calls the scripts make (paths start with /repos/)."""

    def get(self, path: str) -> Any: ...

    def post(self, path: str, body: dict[str, Any]) -> Any: ...

    def patch(self, path: str, body: dict[str, Any]) -> Any: ...

    def delete(self, path: str) -> Any: ...


# ---------------------------------------------------------------------------------------
# The shapes of the answers the scripts read. A shape is a type (str, bool), a Text or a
# WholeNumber, {key: shape} for an object holding at least those keys, [shape] for a list
# of such items, or Nullable(shape). Only what a script reads is checked, and null only
# where GitHub's own schema allows it.


@dataclass(frozen=True)
class Text:
    """Text that matches `pattern` whole; `meaning` says what that is, for the error."""

    pattern: str
    meaning: str


@dataclass(frozen=True)
class WholeNumber:
    """A JSON integer (not true or false, not 1.0) from 1 to 999,999,999,999."""


@dataclass(frozen=True)
class Nullable:
    shape: Any


SHA = Text(r"[0-9a-f]{40}([0-9a-f]{24})?", "a commit hash (40 or 64 hexadecimal digits)")
REPOSITORY = Text(r"[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}", "a repository's OWNER/NAME")
LOGIN = Text(r"[A-Za-z0-9][A-Za-z0-9-]{0,38}(\[bot\])?", "a GitHub login")
WORD = Text(r"[a-z_]{1,40}", "a word in lower case")
BRANCH = Text(r"[A-Za-z0-9._/-]{1,250}", "a branch name")
TIME = Text(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "a time such as 2026-11-23T10:00:00Z")

_MISSING = object()  # what came where a key was missing


def checked(value: Any, shape: Any, answer: str) -> Any:
    """`value` itself if it has `shape`; otherwise UnexpectedAnswer, naming `answer`, the
    place in it, what was expected and what came."""
    mismatch = _mismatch(value, shape, "")
    if mismatch is None:
        return value
    where, expected, got = mismatch
    raise UnexpectedAnswer(
        f"{answer} is not what the gate reads: {where or 'the answer'} should be "
        f"{expected}, but is {_described(got)}"
    )


def _mismatch(value: Any, shape: Any, where: str) -> tuple[str, str, Any] | None:
    """(where, what was expected, what came) for the first place `value` differs from
    `shape`, or None."""
    if isinstance(shape, Nullable):
        return None if value is None else _mismatch(value, shape.shape, where)
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            return where, "an object", value
        for key, inner in shape.items():
            place = f"{where}.{key}" if where else key
            if key not in value:
                return place, _expected(inner), _MISSING
            if (found := _mismatch(value[key], inner, place)) is not None:
                return found
        return None
    if isinstance(shape, list):
        if not isinstance(value, list):
            return where, "a list", value
        for number, item in enumerate(value):
            if (found := _mismatch(item, shape[0], f"{where}[{number}]")) is not None:
                return found
        return None
    return None if _fits(value, shape) else (where, _expected(shape), value)


def _fits(value: Any, shape: Any) -> bool:
    if isinstance(shape, Text):
        return isinstance(value, str) and re.fullmatch(shape.pattern, value) is not None
    if isinstance(shape, WholeNumber):
        return type(value) is int and 0 < value < 1_000_000_000_000
    return type(value) is shape


def _expected(shape: Any) -> str:
    if isinstance(shape, Nullable):
        return f"{_expected(shape.shape)} or null"
    if isinstance(shape, Text):
        return shape.meaning
    if isinstance(shape, WholeNumber):
        return "a whole number from 1 to 999999999999"
    if isinstance(shape, dict | list):
        return "an object" if isinstance(shape, dict) else "a list"
    return {str: "text", bool: "true or false", dict: "an object"}.get(shape, "a list")


def _described(value: Any) -> str:
    """What came instead, as the log may show it."""
    if value is _MISSING:
        return "missing"
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int | float):
        return f"the number {shown(json.dumps(value))}"
    if isinstance(value, str):
        return f"the text {shown(value, 80)}"
    kind = "an object" if isinstance(value, dict) else "a list"
    return f"{kind} {shown(json.dumps(value), 60)}"


def get_checked(api: Api, path: str, shape: Any) -> Any:
    """GitHub's answer to GET `path`, checked against `shape`."""
    return checked(api.get(path), shape, f"GitHub's answer to GET {path}")


class GitHub:
    """The GitHub REST API with the job's token (standard library only). `base` is the
    runner's GITHUB_API_URL, which no workflow sets (tests/test_workflows.py)."""

    def __init__(self, token: str, base: str = "https://api.github.com") -> None:
        self.token, self.base = token, base.rstrip("/")

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        request = urllib.request.Request(
            self.base + path,
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={
                "Authorization": f"Bearer {self.token}",
                "Accept": "application/vnd.github+json",
                "X-GitHub-Api-Version": "2022-11-28",
            },
        )
        call = f"{method} {path}"
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                raw = response.read()
        except urllib.error.HTTPError as error:
            if method == "DELETE" and error.code == 404:
                return None  # the label was not there
            failed = NotFound if error.code == 404 else GateError
            raise failed(f"GitHub answered {error.code} to {call}{_said(error)}") from None
        except (OSError, ValueError) as exc:  # URLError, a timeout, a reset connection
            reason = getattr(exc, "reason", None) or exc
            raise GateError(f"could not reach GitHub at {self.base} for {call}: {reason}") from None
        text = raw.decode("utf-8", errors="replace")
        try:
            return json.loads(text) if text.strip() else None
        except json.JSONDecodeError:
            raise UnexpectedAnswer(
                f"GitHub's answer to {call} is not JSON: it starts {shown(text.strip())}"
            ) from None

    def get(self, path: str) -> Any:
        return self._call("GET", path)

    def post(self, path: str, body: dict[str, Any]) -> Any:
        return self._call("POST", path, body)

    def patch(self, path: str, body: dict[str, Any]) -> Any:
        return self._call("PATCH", path, body)

    def delete(self, path: str) -> Any:
        return self._call("DELETE", path)


def _said(error: urllib.error.HTTPError) -> str:
    """GitHub's own message in an error answer (`{"message": ...}`), as the log may show it."""
    try:
        message = json.loads(error.read().decode("utf-8", errors="replace"))["message"]
    except (OSError, ValueError, TypeError, KeyError):
        return ""
    return f": {shown(str(message), 80)}"


# ---------------------------------------------------------------------------------------
# The job's environment, outputs and files


def env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise GateError(f"{name} is not set: this runs in a GitHub Actions job, which sets it")
    return value


def api_from_env() -> tuple[GitHub, str]:
    """The API with the job's token, and this repository's OWNER/NAME."""
    repo = checked(env("GITHUB_REPOSITORY"), REPOSITORY, "GITHUB_REPOSITORY")
    base = os.environ.get("GITHUB_API_URL", "https://api.github.com")
    return GitHub(env("GITHUB_TOKEN"), base), repo


def write_outputs(values: dict[str, str], forms: dict[str, re.Pattern[str]]) -> None:
    """Append `values` to GITHUB_OUTPUT, each only if it matches its own form in `forms`:
    a value that could hold a newline or another `key=` line is never written."""
    for key, value in values.items():
        if key not in forms or not forms[key].fullmatch(value):
            raise GateError(
                f"refused to write the step output {key}={shown(value)}: it must match "
                f"{forms[key].pattern if key in forms else 'a known output'}"
            )
    path = env("GITHUB_OUTPUT")
    try:
        with open(path, "a", encoding="utf-8") as out:
            out.write("".join(f"{key}={value}\n" for key, value in values.items()))
    except OSError as exc:
        raise GateError(
            f"cannot write the step's outputs to GITHUB_OUTPUT ({shown(path, 80)}): "
            f"{exc.strerror or exc}"
        ) from None


def read_text(path: str | None) -> str | None:
    if path is None or not Path(path).is_file():
        return None
    return Path(path).read_text(encoding="utf-8", errors="replace")


def read_json(path: str, what: str) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GateError(f"cannot read {what} ({shown(path, 80)}): {exc}") from None


def write_text(path: str, text: str, what: str) -> None:
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise GateError(f"cannot write {what} ({shown(path, 80)}): {exc.strerror}") from None


def run_main(run: Callable[[], int]) -> int:
    """`run()`'s exit status, or 1 with its GateError as one `::error::` line."""
    try:
        return run()
    except GateError as exc:
        # One line: the messages are ours, with every untrusted part through shown().
        print("::error::" + " ".join(str(exc).splitlines()))
        return 1
