"""The JSON Schemas editors' tools use: generated from the model, committed, pointed to by
every shipped fact sheet, and never looser than the loader."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT, SHIPPED

from generator.factsheets.json_schema import SCHEMA_DIR, schema_files
from generator.factsheets.kinds import KINDS
from generator.factsheets.kinds import kind as kind_named
from generator.factsheets.reader import RecordReader
from generator.factsheets.yaml_nodes import parse_yaml

CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


def validate(schema: str, files: list[Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CHECK_JSONSCHEMA), "--schemafile", str(ROOT / SCHEMA_DIR / schema), *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_committed_schemas_match_the_model():
    committed = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / SCHEMA_DIR).glob("*.json")}
    assert committed == schema_files(), "the model changed: run `briefing schema` and commit"


@pytest.mark.parametrize("kind", ["briefing", *(k.name for k in KINDS)])
def test_each_shipped_sheet_names_its_schema_and_passes_it(kind):
    sheet = ROOT / "briefings" / SHIPPED / f"{kind}.yaml"
    first = sheet.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schemas/{kind}.schema.json"
    result = validate(f"{kind}.schema.json", [sheet])
    assert result.returncode == 0, result.stdout


EVENT = textwrap.dedent("""\
    - id: raid
      title: Raid
      date: 2023-05-22
      summary: Gunmen crossed the border.
      status: reported
      citations:
        - source: daily
          quote: crossed the border into Riverton district
    """)
SOURCE = textwrap.dedent("""\
    - id: daily
      file: daily.txt
      outlet: The Daily
      title: Fighting
      published: 2023-05-22
      language: en
    """)
CLAIM = textwrap.dedent("""\
    - id: wounded
      claimant: null
      as_of: 2023-05-22
      incident: raid
      category: wounded
      group: civilians
      count: 8
      citations:
        - source: daily
          quote: eight people were wounded
    """)
# Each case changes one line of a good record into something the loader rejects; where YAML
# 1.2 (what editors' tools read) and PyYAML disagree, the loader is strict and so must the
# schema be.
CASES = [
    ("events", EVENT, "status: reported", "status: claimd"),
    ("events", EVENT, "date: 2023-05-22", "date: 12"),
    ("events", EVENT, "status: reported", "status: reported\n  time: '25:00'"),
    ("events", EVENT, "status: reported", "status: reported\n  summry: typo"),
    ("events", EVENT, "status: reported", "status: reported\n  credibility: {grade: 7, reason: x}"),
    ("sources", SOURCE, "language: en", "language: en\n  translation: no"),
    ("sources", SOURCE, "language: en", "language: en\n  translation: yes"),
    ("sources", SOURCE, "published: 2023-05-22", "published: 2023-02-30"),
    ("sources", SOURCE, "published: 2023-05-22", "published: '22 May'"),
    ("sources", SOURCE, "language: en", "language: english"),
    ("sources", SOURCE, "language: en", "language: en\n  reliability: {grade: G, reason: x}"),
    ("claims", CLAIM, "count: 8", 'count: "8"'),
    ("claims", CLAIM, "count: 8", "count: 1.10"),
    ("claims", CLAIM, "count: 8", "count: eight"),
    ("claims", CLAIM, "count: 8", "count: {min: 1, mx: 3}"),
    ("claims", CLAIM, "category: wounded", "category: injured"),
]


def test_the_schema_rejects_what_the_loader_rejects(tmp_path):
    by_kind: dict[str, list[Path]] = {}
    for i, (kind, good, old, new) in enumerate(CASES):
        text = good.replace(old, new)
        assert text != good
        reader = RecordReader(f"{kind}.yaml")
        node, yaml_problems = parse_yaml(text)
        records = [reader.read_record(kind_named(kind).model, item) for item in node]
        assert reader.problems or yaml_problems or None in records, (kind, new)
        path = tmp_path / f"case{i}-{kind}.yaml"
        path.write_text(text, encoding="utf-8")
        by_kind.setdefault(kind, []).append(path)
    for kind, files in by_kind.items():
        result = validate(f"{kind}.schema.json", files)
        for path in files:
            assert f"{path}::" in result.stdout, (path.read_text(), result.stdout)


def test_the_good_records_pass_both(tmp_path):
    for kind, good in (("events", EVENT), ("sources", SOURCE), ("claims", CLAIM)):
        path = tmp_path / f"{kind}.yaml"
        path.write_text(good, encoding="utf-8")
        result = validate(f"{kind}.schema.json", [path])
        assert result.returncode == 0, result.stdout


def _descriptions(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "description" and isinstance(value, str):
                yield value
            yield from _descriptions(value)
    elif isinstance(node, list):
        for value in node:
            yield from _descriptions(value)


def test_no_description_adds_an_s_to_a_kind_already_plural():
    import json

    doubled = [f"{k.name}s" for k in KINDS]
    found = [
        (name, text)
        for name, schema in schema_files().items()
        for text in _descriptions(json.loads(schema))
        if any(word in text for word in doubled)
    ]
    assert found == []
    lists = [t for s in schema_files().values() for t in _descriptions(json.loads(s))]
    assert "a list of ids of actors" in lists


def test_the_change_titles_name_their_schema_and_pass_it(tmp_path):
    titles = ROOT / "change-titles.yaml"
    first = titles.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=briefings/schemas/change-titles.schema.json"
    result = validate("change-titles.schema.json", [titles])
    assert result.returncode == 0, result.stdout + result.stderr
    wrong = tmp_path / "change-titles.yaml"
    wrong.write_text("Not A Slug:\n  - commit: ABC\n    title: ''\n    sumary: x\n")
    result = validate("change-titles.schema.json", [wrong])
    assert result.returncode == 1
