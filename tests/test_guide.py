"""The examples in docs/writing-fact-sheets.md form a briefing that passes every check."""

import re

from conftest import ROOT

from generator.cli import main

GUIDE = ROOT / "docs" / "writing-fact-sheets.md"


def guide_blocks() -> dict[str, str]:
    text = GUIDE.read_text(encoding="utf-8")
    blocks = re.findall(r"```(yaml|text)\n(.*?)```", text, re.S)
    named = {}
    for kind, body in blocks:
        first = body.splitlines()[0]
        if kind == "yaml":
            named[first.removeprefix("# ").strip()] = body
        elif first.startswith("date "):
            named["seed"] = body
    return named


def test_guide_has_an_example_of_every_fact_sheet():
    assert set(guide_blocks()) == {
        "briefing.yaml",
        "sources.yaml",
        "actors.yaml",
        "places.yaml",
        "events.yaml",
        "claims.yaml",
        "statements.yaml",
        "waivers.yaml",
        "seed",
    }


def test_guide_examples_pass_the_checks_without_warnings(tmp_path, capsys):
    blocks = guide_blocks()
    folder = tmp_path / "briefings" / "example"
    folder.mkdir(parents=True)
    for name, body in blocks.items():
        if name != "seed":
            (folder / name).write_text(body, encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "2023-05-22_daily.txt").write_text(blocks["seed"], encoding="utf-8")
    status = main(["--root", str(tmp_path), "check", "--strict"])
    captured = capsys.readouterr()
    assert (status, captured.err) == (0, "")
    assert captured.out == (
        "ok: 2 actors, 2 places, 2 events, 1 claims, 1 statements, "
        "1 sources, 8 citations in example\n"
    )
    # The examples also capture everything the coverage check looks for.
    assert main(["--root", str(tmp_path), "coverage"]) == 0
    report = capsys.readouterr().out
    assert "waivers.yaml:2: sentence waived (1 item)" in report
    # Six names, "The brigade" (the alias "the brigade" with a capital) among them.
    assert report.splitlines()[-1].split() == ["total", "1/1", "6/6", "100.0%"]
