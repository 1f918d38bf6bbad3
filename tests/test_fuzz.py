"""Property-based fuzzing of the YAML loader, the record reader and the checks: whatever
the text, they answer with problems at real lines, never with an exception."""

from __future__ import annotations

import re
import shutil

import yaml
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.checks.briefing import check_briefing
from generator.factsheets.kinds import KINDS as ALL_KINDS
from generator.factsheets.load import load_factsheets
from generator.factsheets.model import BriefingInfo
from generator.factsheets.reader import RecordReader
from generator.factsheets.yaml_nodes import Mapping, Scalar, Sequence, parse_yaml
from generator.problems import Problem

SHEETS = ROOT / "briefings" / "belgorod-2023-05"
FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Pieces of YAML that change how the rest is read: indentation, keys, list marks, quotes,
# brackets, comments, anchors, tags, block scalars, document marks, escapes, odd characters.
FRAGMENTS = st.sampled_from(
    [
        "\n",
        "\n  ",
        "\n    ",
        "\n- ",
        "  - ",
        ": ",
        ":",
        "- ",
        "id: x",
        "quote: ",
        "count: ",
        "citations:",
        "date: 2023-05-22",
        "[",
        "]",
        "{",
        "}",
        ", ",
        '"',
        "'",
        "\\",
        "\\u202e",
        "\\e",
        "# c",
        "&a ",
        "*a",
        "!!str ",
        "<<: ",
        "|",
        ">-",
        "---",
        "...",
        "?",
        "\t",
        "\r\n",
        "\ufeff",
        "\x00",
        "\x1b",
        "\u200d",
        "null",
        "~",
        "1e400",
        "9" * 30,
        "-1",
        "é",
        "Ф",
    ]
)
YAML_LIKE = st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=60).map("".join)
KINDS = [("briefing", BriefingInfo), *((k.name, k.model) for k in ALL_KINDS)]


def assert_located(problems: list, text: str) -> None:
    last = len(re.findall(r"\r\n|\r|\n", text)) + 1
    for problem in problems:
        assert 1 <= problem.line <= last + 1, problem
        assert problem.message.strip(), problem


def read_all(node, file: str = "f.yaml") -> list[Problem]:
    """Read a node as every kind of record, as the loader would (lists item by item)."""
    problems: list[Problem] = []
    for _, cls in KINDS:
        reader = RecordReader(file)
        items = node if isinstance(node, Sequence) else [node]
        for item in items:
            reader.read_record(cls, item)
        problems += reader.problems
    return problems


@FUZZ
@given(st.text(max_size=400))
def test_any_text_parses_to_nodes_or_located_problems(text):
    node, problems = parse_yaml(text)
    assert node is None or isinstance(node, Scalar | Mapping | Sequence)
    assert_located(problems, text)


@FUZZ
@given(YAML_LIKE)
def test_yaml_like_text_parses_and_reads_as_every_kind_of_record(text):
    node, problems = parse_yaml(text)
    assert_located(problems, text)
    if node is not None:
        assert_located(read_all(node), text)


VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True),
        st.text(max_size=30),
        st.dates(),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=25,
)
FIELDS = st.sampled_from(
    [
        "id",
        "name",
        "title",
        "date",
        "count",
        "citations",
        "source",
        "quote",
        "aliases",
        "period",
        "start",
        "end",
        "min",
        "max",
        "precision",
        "status",
        "file",
        "strip",
        "derived_from",
        "grade",
    ]
)


@FUZZ
@given(
    st.lists(
        st.dictionaries(st.one_of(FIELDS, st.text(max_size=8)), VALUES, max_size=8), max_size=4
    )
)
def test_well_formed_yaml_of_any_shape_reads_as_records_or_problems(records):
    text = yaml.safe_dump(records, allow_unicode=True)
    node, problems = parse_yaml(text)
    if re.search("[\x85\u2028\u2029]", text):  # line breaks to YAML, not to editors
        assert node is None and "line separator" in problems[0].message
        return
    assert problems == [] and node is not None
    assert_located(read_all(node), text)


@st.composite
def mutated_sheet(draw):
    """A shipped fact sheet with a few random edits: the mistakes a hand makes."""
    name = draw(st.sampled_from(sorted(p.name for p in SHEETS.glob("*.yaml"))))
    text = (SHEETS / name).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 12))
        text = text[:at] + draw(st.one_of(FRAGMENTS, st.text(max_size=6))) + text[at + cut :]
    return name, text


@settings(FUZZ, max_examples=40)
@given(mutated_sheet())
def test_a_mutated_briefing_is_checked_without_an_exception(tmp_path_factory, sheet):
    name, text = sheet
    root = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(SHEETS, root / "briefings" / "b")
    shutil.copytree(ROOT / "seeds", root / "seeds")
    (root / "briefings" / "b" / name).write_text(text, encoding="utf-8")
    sheets, problems = load_factsheets(root / "briefings" / "b", root)
    _, check_problems = check_briefing(sheets, root / "seeds", root)
    for problem in problems + check_problems:
        assert problem.file.startswith(("briefings/b/", "seeds")), problem
        assert problem.line >= 1 and problem.message.strip(), problem
