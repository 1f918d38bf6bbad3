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
