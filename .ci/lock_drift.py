"""Which installed packages differ from the lock: run in `make test-latest`'s venv, it lists
what a `make lock-upgrade` would move, so drift is read as a report, not met as a red main.

    python .ci/lock_drift.py requirements.txt
"""

from __future__ import annotations

import re
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from packaging.markers import Marker
from packaging.utils import canonicalize_name

# `name==1.2.3 ; marker \` at the start of a requirement in uv's or pip-compile's output
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def locked(lock: Path) -> dict[str, str]:
    """{package: the version the lock pins for this interpreter and platform}."""
    pins = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        found = _PIN.match(line)
        if found and (found[3] is None or Marker(found[3]).evaluate()):
            pins[canonicalize_name(found[1])] = found[2]
    return pins


def main(lock: Path) -> int:
    pins = locked(lock)
    moved = []
    for name, pinned in sorted(pins.items()):
        try:
            newest = version(name)
        except PackageNotFoundError:
            newest = "not installed"
        if newest != pinned:
            moved.append(f"  {name}: locked {pinned}, newest allowed {newest}")
    print(f"{len(moved)} of {len(pins)} locked packages have a newer allowed release here:")
    print("\n".join(moved) if moved else "  none")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "requirements.txt")))
