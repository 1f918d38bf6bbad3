import pytest
import yaml
from conftest import CLAIMS, EVENTS

from generator.cli import main
from generator.factsheets import yaml_nodes
from generator.factsheets.yaml_nodes import Mapping, Scalar, Sequence, parse_yaml


def messages(text: str) -> list[tuple[int, str]]:
    return sorted((p.line, p.message) for p in parse_yaml(text)[1])


def test_scalars_stay_text_with_their_line_and_quoting():
    root, problems = parse_yaml("country: NO\nversion: 1.10\nwhen: 2023-05-22\nq: 'yes'\n")
    assert problems == []
    assert isinstance(root, Mapping)
    assert root["country"] == Scalar("NO", plain=True, line=1)
    assert root["version"] == Scalar("1.10", plain=True, line=2)
    assert root["when"] == Scalar("2023-05-22", plain=True, line=3)
    assert root["q"] == Scalar("yes", plain=False, line=4)
    assert root.key_lines == {"country": 1, "version": 2, "when": 3, "q": 4}


def test_duplicate_key_names_both_lines():
    assert messages("a: 1\nb: 2\na: 3\n") == [
        (3, "duplicate key 'a' (first on line 1); remove one of them")
    ]


def test_anchors_aliases_merge_keys_and_tags_are_rejected():
    text = "base: &b {x: 1}\ncopy: *b\nmerged:\n  <<: {y: 2}\ntagged: !!str 3\n"
    assert messages(text) == [
        (1, "anchor '&b' is not allowed in fact sheets; write each value out in full"),
        (2, "alias '*b' is not allowed in fact sheets; write the value out in full"),
        (4, "merge keys ('<<') are not allowed; write each field out"),
        (
            5,
            "tag 'tag:yaml.org,2002:str' is not allowed in fact sheets; "
            "remove it (quote the value if it must stay text)",
        ),
    ]


def test_syntax_error_has_a_line_and_no_tree():
    root, problems = parse_yaml("- id: a\n  name: [unclosed\n- id: b\n")
    assert root is None
    assert len(problems) == 1
    assert problems[0].message.startswith("YAML syntax error")
    assert problems[0].line == 3


def test_block_scalar_loses_only_its_final_newline_and_null_forms():
    root, _ = parse_yaml("text: |\n  one\n  two\nempty:\ntilde: ~\nlist: []\n")
    assert root["text"].text == "one\ntwo"
    assert root["empty"].is_null and root["tilde"].is_null
    assert isinstance(root["list"], Sequence) and len(root["list"]) == 0


EVENT = """\
- id: crossing
  title: Gunmen cross
  date: 2023-05-22
  status: reported
  citations:
    - source: daily
      quote: crossed the border
- id: second
  title: Second
"""


def slipped(number: int, line: str) -> str:
    """EVENT with line `number` written as `line` (one editor's slip)."""
    lines = EVENT.splitlines()
    lines[number - 1] = line
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        pytest.param(
            slipped(3, " date: 2023-05-22"),
            3,
            "this line starts in column 2 but the field 'title' on line 2 in column 3: the "
            "fields of one record must line up (indent with spaces only)",
            id="a field one space less",
        ),
        pytest.param(
            slipped(3, "   date: 2023-05-22"),
            3,
            "this line starts in column 4 but the field 'title' on line 2 in column 3: the "
            "fields of one record must line up (indent with spaces only)",
            id="a field one space more",
        ),
        pytest.param(
            slipped(7, "       quote: crossed the border"),
            7,
            "this line starts in column 8 but the field 'source' on line 6 in column 7: the "
            "fields of one record must line up (indent with spaces only)",
            id="a citation's field one space more",
        ),
        pytest.param(
            slipped(8, " - id: second"),
            8,
            "this entry's '- ' is in column 2, but the entries of its list (line 1) in column "
            "1: the '- ' of one list must line up",
            id="an entry one space in",
        ),
        pytest.param(
            slipped(4, "  - status: reported"),
            4,
            "this entry's '- ' is in column 3, but the entries of its list (line 1) in column "
            "1: the '- ' of one list must line up (or, if this is a field like 'date', remove "
            "the '- ')",
            id="a field written as an entry",
        ),
        pytest.param(
            slipped(8, "-id: second"),
            8,
            "an entry starts with '- ' (a dash and a space): write '- id: second'",
            id="a dash without its space",
        ),
        pytest.param(
            slipped(2, "  title: Gunmen: cross"),
            2,
            "the value of 'title' holds ': ', which YAML reads as a new field; put the whole "
            "value in quotes",
            id="mapping values are not allowed here",
        ),
        pytest.param(
            slipped(4, "  status reported"),
            4,
            "this line is not 'field: value' (add a ':' and a space after the field's name); "
            "if it continues the text above, put that text in quotes",
            id="could not find expected ':'",
        ),
        pytest.param(
            slipped(4, "  status:reported"),
            4,
            "this line is not 'field: value': put a space after the ':'",
            id="no space after the colon",
        ),
        pytest.param(
            slipped(2, '  title: "Gunmen" cross'),
            2,
            "text follows the closing quote of this value; put the whole value in quotes (a "
            "quote inside is written '' in single quotes)",
            id="did not find expected key",
        ),
        pytest.param(
            slipped(4, "\tstatus: reported"),
            4,
            "a tab character; YAML indents with spaces only: replace it with spaces",
            id="a tab",
        ),
        pytest.param(
            slipped(2, "  title: @Gunmen"),
            2,
            "a value cannot start with '@' in YAML; put the whole value in quotes (single "
            "quotes, with any ' inside written '')",
            id="found character that cannot start any token",
        ),
        pytest.param(
            slipped(2, "  title: 'Gunmen cross"),
            2,
            "a quoted value starts on this line and is never closed; add the closing quote (a "
            "quote inside the value is written \\\" in double quotes, or '' in single quotes)",
            id="an unclosed quote",
        ),
        pytest.param(
            "summary: >-\n   One line of text\n  and the next, one space out\n",
            3,
            "this line starts in column 3 but the text it continues (line 2) in column 4: the "
            "lines of one value must line up",
            id="a line of text out of line",
        ),
    ],
)
def test_a_syntax_error_says_what_is_wrong_at_the_line_to_look_at(text, line, message):
    root, problems = parse_yaml(text)
    assert root is None
    assert [(p.line, p.message) for p in problems] == [(line, message)]


def test_a_sheet_that_does_not_parse_hides_the_references_to_it_and_says_how_many(project, capsys):
    places = "- id: lowford\n  name: Lowford\n   kind: village\n"
    events = EVENTS.replace("  status: reported\n", "  status: reported\n  places: [lowford]\n")
    claims = CLAIMS.replace("  group: unspecified\n", "  group: unspecified\n  place: lowford\n")
    root = project(files={"places.yaml": places, "events.yaml": events, "claims.yaml": claims})
    assert main(["--root", str(root), "check"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "briefings/test/places.yaml:3: this line starts in column 4 but the field 'name' on "
        "line 2 in column 3: the fields of one record must line up (indent with spaces only)",
        "briefings/test/places.yaml:3: warning: 2 references to places in the other fact "
        "sheets were not checked because places.yaml did not parse; fix the error above and "
        "run the check again",
        "1 error, 1 warning",
    ]


class _NewLibyaml(yaml.SafeLoader):
    """A fast parser of a future release: it refuses at its own limit, in its own words."""

    def check_event(self, *choices):  # type: ignore[no-untyped-def]
        raise yaml.scanner.ScannerError(problem="nesting budget of a new release exhausted")


@pytest.mark.parametrize(
    "text",
    ["x: " + "[" * 10_000 + "]" * 10_000 + "\n", "{a: " * 5_000 + "b" + "}" * 5_000 + "\n"],
    ids=["lists", "mappings"],
)
def test_deep_nesting_is_reported_in_our_words_whatever_libyaml_says(monkeypatch, text):
    # PyYAML 6.0.4's libyaml stopped at its own depth, in its own words (main went red).
    monkeypatch.setattr(yaml_nodes, "_PARSER", _NewLibyaml)
    assert messages(text) == [
        (
            1,
            "lists or mappings nested more than 32 levels deep; a fact sheet needs at "
            "most four: check the brackets and indentation",
        )
    ]


def test_a_sheet_the_fast_parser_refuses_is_read_by_the_python_parser(monkeypatch):
    monkeypatch.setattr(yaml_nodes, "_PARSER", _NewLibyaml)
    root, problems = parse_yaml("title: Raid\nsources: [a, b]\n")
    assert problems == []
    assert isinstance(root, Mapping) and root["sources"] == [
        Scalar("a", plain=True, line=2),
        Scalar("b", plain=True, line=2),
    ]
