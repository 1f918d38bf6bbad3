"""The examples in docs/writing-fact-sheets.md form a briefing that passes every check."""

import re
from pathlib import Path

from conftest import ROOT

from generator.analysis.build import analyse
from generator.cli import main
from generator.pipeline import load_briefings

GUIDE = ROOT / "docs" / "writing-fact-sheets.md"


def guide_blocks() -> dict[str, str]:
    text = GUIDE.read_text(encoding="utf-8")
    blocks = re.findall(r"```(yaml|text)\n(.*?)```", text, re.S)
    named = {}
    for kind, body in blocks:
        first = body.splitlines()[0]
        name = first.removeprefix("# ").strip()
        if kind == "yaml" and name.endswith(", continued"):
            # A later example of the same sheet (rival versions): more records for it.
            named[name.removesuffix(", continued")] += "\n" + body.split("\n", 1)[1]
        elif kind == "yaml":
            named[name] = body
        elif first.startswith("date "):
            named["seed"] = body
    return named


def write_guide_briefing(root: Path) -> None:
    """The guide's examples as the briefing `example` in a project folder."""
    blocks = guide_blocks()
    folder = root / "briefings" / "example"
    folder.mkdir(parents=True)
    for name, body in blocks.items():
        if name != "seed":
            (folder / name).write_text(body, encoding="utf-8")
    (root / "seeds").mkdir()
    (root / "seeds" / "2023-05-22_daily.txt").write_text(blocks["seed"], encoding="utf-8")


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
    write_guide_briefing(tmp_path)
    status = main(["--root", str(tmp_path), "check", "--strict"])
    captured = capsys.readouterr()
    assert (status, captured.err) == (0, "")
    assert captured.out == (
        "ok: 2 actors, 2 places, 3 events, 1 claims, 1 statements, "
        "1 sources, 11 citations in example\n"
    )
    # The examples also capture everything the coverage check looks for.
    assert main(["--root", str(tmp_path), "coverage"]) == 0
    report = capsys.readouterr().out
    assert "waivers.yaml:2: sentence waived (1 item)" in report
    # Ten names, "The brigade" (the alias "the brigade" with a capital) twice among them.
    assert report.splitlines()[-1].split() == ["total", "1/1", "10/10", "100.0%"]


def test_the_guides_rival_versions_are_graded_apart(tmp_path):
    write_guide_briefing(tmp_path)
    (briefing,), problems = load_briefings(tmp_path, tmp_path / "briefings", tmp_path / "seeds")
    assert not problems
    (fire,) = analyse(briefing).fact("events", "lowford-fire").assertions
    assert fire.contested and fire.record.standing == "contested"
    governor, brigade = fire.versions
    assert governor.version.holders == ["ivan-petrov"]
    assert governor.version.status == "disputed"
    assert governor.credibility.steps[1].dispute.denied_by == ("northern-brigade",)
    assert brigade.credibility.steps[1].dispute.rivals == ("ivan-petrov",)
