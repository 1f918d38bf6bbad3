"""Broken fact sheets: every problem at once, as exact file:line: field: message lines."""

import textwrap

from conftest import CLAIMS, SEED, SOURCES

from generator.cli import main


def run_check(root, capsys, *args):
    status = main(["--root", str(root), "check", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_clean_project_passes(project, capsys):
    status, out, err = run_check(project(), capsys)
    assert (status, err) == (0, "")
    assert out == (
        "ok: 2 actors, 0 places, 1 events, 1 claims, 0 statements, 1 sources, 2 citations in test\n"
    )


def test_every_problem_is_reported_at_once_with_file_line_and_field(project, capsys):
    claims = CLAIMS.replace("ivan-petrov", "ivan-petrow").replace(
        "said eight people were wounded", "said 8 persons were wounded"
    ) + textwrap.dedent("""\
        - id: petrov-wounded
          claimant: null
          as_of: 2023-05-32
          incident: crossing
          category: wonded
          group: unspecified
          count: 3
          count: 4
          citations:
            - source: weekly
              quote: no such source at all
        """)
    root = project(files={"claims.yaml": claims})
    status, out, err = run_check(root, capsys)
    assert status == 1
    assert out == ""
    assert err.splitlines() == [
        "briefings/test/claims.yaml:2: claimant: 'ivan-petrow' is not the id of any actor in "
        "actors.yaml (did you mean 'ivan-petrov'?)",
        "briefings/test/claims.yaml:10: citations[0].quote: not found in source 'daily' "
        '(closest: "said eight people were wounded.", ¶4)',
        "briefings/test/claims.yaml:11: id: 'petrov-wounded' is already the id of the claim on "
        "line 1; give each claim its own id",
        "briefings/test/claims.yaml:13: as_of: '2023-05-32' is not a real calendar date",
        "briefings/test/claims.yaml:15: category: 'wonded' is not allowed (did you mean "
        "'wounded'?); use one of: killed, wounded, casualties, missing, captured, detained, "
        "evacuated, displaced, destroyed, damaged, shot down",
        "briefings/test/claims.yaml:18: duplicate key 'count' (first on line 17); remove one of "
        "them",
        "briefings/test/claims.yaml:20: citations[0].source: 'weekly' is not the id of any "
        "source in sources.yaml",
        "7 errors, 0 warnings",
    ]


def test_a_broken_record_does_not_cause_false_reference_errors(project, capsys):
    # The source has a bad field; the event and claim citing it must not be reported too.
    root = project(files={"sources.yaml": SOURCES.replace("language: en", "language: English")})
    status, _, err = run_check(root, capsys)
    assert status == 1
    assert err.splitlines() == [
        "briefings/test/sources.yaml:6: language: 'English' is not valid: expected a language "
        "code such as en, it, sr",
        "1 error, 0 warnings",
    ]


def test_source_files_strip_rules_and_shared_names(project, capsys):
    sources = SOURCES.replace("daily.txt", "dialy.txt") + textwrap.dedent("""\
        - id: other
          file: other.txt
          outlet: null
          title: Other
          published: 2023-05-20
          language: en
          strip:
            - text: Not in the file
              reason: byline
        """)
    actors = (
        "- id: a\n  name: The Brigade\n  kind: armed group\n"
        "- id: b\n  name: Brigade B\n  kind: armed group\n  aliases: [the brigade]\n"
    )
    seeds = {"daily.txt": "x\n", "other.txt": " date 2023-05-21 Text of the other source.\n"}
    root = project(
        files={
            "sources.yaml": sources,
            "actors.yaml": actors,
            "claims.yaml": "",
            "events.yaml": "",
        },
        seeds=seeds,
    )
    status, _, err = run_check(root, capsys)
    assert status == 1
    assert err.splitlines() == [
        "briefings/test/actors.yaml:7: aliases: 'the brigade' is also a name of actor 'a'; a "
        "name may belong to one only",
        "briefings/test/sources.yaml:1: warning: id: source 'daily' is cited by no fact; cite it "
        "or remove it",
        "briefings/test/sources.yaml:2: file: no file 'dialy.txt' in seeds/ (did you mean "
        "'daily.txt'?)",
        "briefings/test/sources.yaml:7: warning: id: source 'other' is cited by no fact; cite it "
        "or remove it",
        "briefings/test/sources.yaml:11: warning: published: 2023-05-20 differs from the file's "
        "own date header (2023-05-21); check which is right",
        "briefings/test/sources.yaml:14: strip[0]: matches no line of the source; fix or remove "
        "the rule",
        "3 errors, 3 warnings",
    ]


def test_warnings_pass_unless_strict(project, capsys):
    sources = (
        SOURCES + "- id: unused\n  file: u.txt\n  outlet: null\n  title: U\n"
        "  published: 2023-05-22\n  language: en\n"
    )
    root = project(
        files={"sources.yaml": sources},
        seeds={"daily.txt": SEED, "u.txt": "Unused text.\n"},
    )
    assert run_check(root, capsys)[0] == 0
    status, _, err = run_check(root, capsys, "--strict")
    assert status == 1
    assert "warning: id: source 'unused' is cited by no fact" in err


def test_unknown_briefing_and_bad_yaml_are_reported_not_raised(project, capsys):
    root = project(files={"events.yaml": "- id: x\n  title: [unclosed\n"})
    status, _, err = run_check(root, capsys, "test", "nope")
    assert status == 1
    assert "briefings:1: no briefing 'nope' (a folder with a briefing.yaml); known: test" in err
    assert "briefings/test/events.yaml:3: YAML syntax error" in err
    assert "Traceback" not in err


def test_a_briefing_folder_name_must_be_a_url_slug(project, capsys):
    root = project(slug="Bad_Name")
    status, _, err = run_check(root, capsys)
    assert status == 1
    assert err.splitlines() == [
        "briefings/Bad_Name:1: a briefing folder name becomes its URL: use lowercase letters, "
        "digits and single hyphens",
        "1 error, 0 warnings",
    ]


def test_every_circle_of_derivation_is_found_once(project, capsys):
    # a derives from b and c; c derives from a. A walk that follows only a's first entry (b,
    # which derives from nothing) would miss the circle through c.
    sources = "".join(
        f"- id: {sid}\n  file: {sid}.txt\n  outlet: null\n  title: {sid.upper()}\n"
        f"  published: 2023-05-22\n  language: en\n  derived_from: {derived}\n"
        for sid, derived in (("a", "[b, c]"), ("b", "[]"), ("c", "[a]"))
    )
    seeds = {f"{sid}.txt": f"Text of source {sid} with words of its own.\n" for sid in "abc"}
    root = project(
        files={"sources.yaml": sources, "events.yaml": "", "claims.yaml": ""}, seeds=seeds
    )
    status, _, err = run_check(root, capsys)
    assert status == 1
    circles = [line for line in err.splitlines() if "circle" in line]
    assert circles == [
        "briefings/test/sources.yaml:7: derived_from: derivation goes round in a circle: 'a' → "
        "'c' → 'a' (each derives from the next); one of them is the original: remove its "
        "derived_from entry",
    ]
