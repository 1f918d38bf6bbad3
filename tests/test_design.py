"""The shape of the code, held in place: stages import only earlier stages, MkDocs only in
the glue, no module or class past the size a reader can hold, and templates that see only
their view-model."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import jinja2
import pytest
from conftest import ROOT
from jinja2 import nodes

from generator.analysis.build import EVIDENCE_RULES
from generator.export.data import DATA_FILES
from generator.factsheets.kinds import KINDS
from generator.factsheets.load import FactSheets
from generator.render.views.base import FACT_LABELS

GENERATOR = ROOT / "generator"
TEMPLATES = GENERATOR / "render" / "templates"

# A module may import its own package and anything of a lower rank: the pipeline's order.
RANK = {
    "text": 0,
    "amounts": -1,  # the vague-amount table, which text reads
    "names": 0,
    "problems": 0,
    "confine": 0,
    "project": 0,
    "staging": 0,
    "settings": 1,
    "days": 0,
    "collector": 0,
    "sources": 1,
    "figure_words": 1,
    "factsheets": 1,
    "addresses": 2,
    "words": 2,
    "checks": 3,
    "attribution": 3,
    "analysis": 4,
    "pipeline": 4,
    "export": 5,
    "history": 6,
    "render": 7,
    "report": 8,
    "site_config": 8,
    "build": 8,
    "terminal": 8,
    "render_folder": 8,
    "cli": 9,
    "plugin": 9,
}
MAX_MODULE_LINES = 400
MAX_CLASS_LINES = 150


def _modules() -> list[Path]:
    return sorted(GENERATOR.rglob("*.py"))


def _unit(path: Path) -> str:
    """The top-level module or package of generator/ that `path` belongs to."""
    return path.relative_to(GENERATOR).parts[0].removesuffix(".py")


def _runtime_imports(path: Path) -> list[tuple[int, str]]:
    """(line, absolute dotted name) of each import run when the module loads; imports under
    `if TYPE_CHECKING:` only name types and are left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    if path.name == "__init__.py":
        package = ".".join(path.relative_to(ROOT).parts[:-1])
    typing_only = {
        id(node)
        for branch in ast.walk(tree)
        if isinstance(branch, ast.If) and "TYPE_CHECKING" in ast.unparse(branch.test)
        for stmt in branch.body
        for node in ast.walk(stmt)
    }
    found = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.append((node.lineno, name))
    return found


def test_every_module_has_a_rank():
    assert {_unit(p) for p in _modules() if p.name != "__init__.py" or p.parent != GENERATOR} <= (
        set(RANK)
    )


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(GENERATOR)))
def test_a_stage_imports_only_earlier_stages(path):
    unit = _unit(path)
    if unit == "__init__":
        return
    later = []
    for line, name in _runtime_imports(path):
        parts = name.split(".")
        if parts[0] != "generator" or len(parts) < 2:
            continue
        other = parts[1]
        if other != unit and RANK[other] >= RANK[unit]:
            later.append(f"line {line}: {name} ({other}, rank {RANK[other]})")
    assert not later, f"{unit} (rank {RANK[unit]}) imports a stage at or after its own: {later}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(GENERATOR)))
def test_only_the_glue_imports_mkdocs(path):
    if path.name in {"plugin.py", "cli.py"} and path.parent == GENERATOR:
        return
    assert not [n for _, n in _runtime_imports(path) if n.split(".")[0] == "mkdocs"]


def test_no_module_or_class_is_too_long_to_hold_in_mind():
    too_long = []
    for path in _modules():
        source = path.read_text(encoding="utf-8")
        where = path.relative_to(GENERATOR)
        if (n := len(source.splitlines())) > MAX_MODULE_LINES:
            too_long.append(f"{where}: {n} lines")
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.ClassDef) or node.end_lineno is None:
                continue
            if (n := node.end_lineno - node.lineno + 1) > MAX_CLASS_LINES:
                too_long.append(f"{where}:{node.name}: {n} lines")
    assert not too_long


# What render_site gives every page template; a partial is given what its includer sets.
PAGE_GIVEN = {"view", "title", "page_path"}
PARTIAL_GIVEN = {
    "_names.md.j2": {"view"},
    "_framing.md.j2": {"rows"},
    "_coverage.md.j2": {"coverage"},
    "_glance.md.j2": {"glance", "on_home"},
    "_version.md.j2": {"v", "contested"},
}


def _template_problems(source: str, given: set[str] = PAGE_GIVEN) -> list[str]:
    """Names a template reads that it neither sets nor was given, and subscripts by a
    tuple (analysis keyed by (kind, id), which view-models replace)."""
    tree = jinja2.Environment().parse(source)
    given = given | {"loop"}
    stored = {n.name for n in tree.find_all(nodes.Name) if n.ctx in {"store", "param"}}
    problems = [
        f"reads '{n.name}' (line {n.lineno}), which is not in its view"
        for n in tree.find_all(nodes.Name)
        if n.ctx == "load" and n.name not in given | stored
    ]
    problems += [
        f"indexes by a tuple (line {n.lineno})"
        for n in tree.find_all(nodes.Getitem)
        if isinstance(n.arg, nodes.Tuple)
    ]
    return problems


def test_the_template_check_catches_what_it_is_for():
    assert _template_problems("{{ view.title }}{% for x in view.rows %}{{ x }}{% endfor %}") == []
    assert _template_problems("{{ ctx.grade(kind, id) }}") == [
        "reads 'ctx' (line 1), which is not in its view",
        "reads 'kind' (line 1), which is not in its view",
        "reads 'id' (line 1), which is not in its view",
    ]
    assert _template_problems("{{ view.grades[('events', 'raid')] }}") == [
        "indexes by a tuple (line 1)"
    ]


@pytest.mark.parametrize("path", sorted(TEMPLATES.glob("*.j2")), ids=lambda p: p.name)
def test_a_template_sees_only_its_view(path):
    given = PARTIAL_GIVEN.get(path.name, PAGE_GIVEN)
    assert _template_problems(path.read_text(encoding="utf-8"), given) == []


def test_every_partial_says_what_it_is_given():
    assert {p.name for p in TEMPLATES.glob("_*.j2")} == set(PARTIAL_GIVEN)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_a_kind_of_record_has_what_its_row_promises(kind):
    fields = {f.name for f in dataclasses.fields(kind.model)}
    assert hasattr(FactSheets(slug="x", folder=ROOT), kind.name), "FactSheets needs a list"
    if kind.fact:
        assert {"id", "citations"} <= fields
        # Facts link to each other (what a source alone reports, who said what).
        assert kind.page is not None, "every fact is shown where a link can reach it"
        assert f"{kind.name}.json" in DATA_FILES, "every fact is in the data export"
        assert kind.name in FACT_LABELS, "render/views/base.py must say how links name it"
    if kind.graded:
        assert kind.fact
        assert "credibility" in fields, "an editor can override every computed grade"
        assert kind.name in EVIDENCE_RULES, "analysis/build.py must say what counts as evidence"
    if kind.page is not None:
        assert kind.page.endswith((".md", "/"))
