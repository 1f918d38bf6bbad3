"""The dependencies are installed from a hash-locked file (requirements.txt), so an upstream
release cannot change what a fresh clone installs; the lock must keep up with pyproject.toml."""

from __future__ import annotations

import re
import tomllib

from conftest import ROOT
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

LOCK = ROOT / "requirements.txt"


def lock_entries() -> list[tuple[str, str, str | None, list[str]]]:
    """(name, version, marker, hashes) of each requirement in the lock."""
    text = LOCK.read_text(encoding="utf-8").replace("\\\n", " ")
    entries = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        spec = line.split("--hash=")[0].strip()
        requirement = Requirement(spec)
        (pin,) = requirement.specifier
        assert pin.operator == "==", line
        marker = str(requirement.marker) if requirement.marker else None
        entries.append(
            (
                canonicalize_name(requirement.name),
                pin.version,
                marker,
                re.findall(r"--hash=sha256:[0-9a-f]{64}", line),
            )
        )
    return entries


def asked_for() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = project["dependencies"] + project["optional-dependencies"]["test"]
    tools = (ROOT / "requirements.in").read_text(encoding="utf-8").splitlines()
    lines += [t for t in tools if t.strip() and not t.startswith("#")]
    return [Requirement(line) for line in lines]


def test_every_locked_package_is_pinned_with_its_hashes():
    entries = lock_entries()
    assert len(entries) > 40
    for name, version, _, hashes in entries:
        assert hashes, f"{name}=={version} has no hash"


def test_the_lock_satisfies_every_requirement_of_pyproject_and_the_tools():
    pins: dict[str, list[tuple[str, str | None]]] = {}
    for name, version, marker, _ in lock_entries():
        pins.setdefault(name, []).append((version, marker))
    for requirement in asked_for():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement} is not in requirements.txt: run `make lock`"
        for version, _ in pins[name]:
            assert requirement.specifier.contains(version, prereleases=True), (
                f"requirements.txt pins {name}=={version}, outside {requirement}: run `make lock`"
            )


def test_floors_leave_out_releases_with_known_advisories():
    floors = {canonicalize_name(r.name): r.specifier for r in asked_for()}
    # Jinja2 3.1.0-3.1.5: CVE-2024-22195, -34064, -56201, -56326, CVE-2025-27516.
    assert not floors["jinja2"].contains("3.1.5")
    # Material before 9.7.7: the search.suggest XSS.
    assert not floors["mkdocs-material"].contains("9.7.6")


def test_every_install_goes_through_the_lock():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    venv_rule = makefile.split("$(STAMP): pyproject.toml $(LOCK)")[1].split("\n\n")[0]
    assert "--require-hashes" in venv_rule and "-r $(LOCK)" in venv_rule
    assert "--no-deps --no-build-isolation -e ." in venv_rule
    # Workflows install only through make (.ci/run calls `make test`), never pip directly.
    for workflow in (ROOT / ".github/workflows").glob("*.yml"):
        text = workflow.read_text(encoding="utf-8")
        assert "pip install" not in text, workflow.name
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")
