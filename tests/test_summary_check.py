"""The summary check: a hand-written summary that says the sources disagree over a loss
whose figures the comparison finds compatible, or gives a figure no claim gives, is a
warning at the summary's line (checks/summary.py)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from conftest import BRIEFING, ROOT, write_project

from generator.build import analysed_problems
from generator.checks.summary import LOSS_WORDS
from generator.cli import main
from generator.pipeline import load_briefings
from generator.problems import Problem

SEED = textwrap.dedent("""\
    date 2023-05-22 Fighting near the border

    Gunmen from the Northern Brigade crossed the border into Riverton district on Monday, \
    officials said.

    Governor Ivan Petrov said eight people were wounded. The Daily counted at least six \
    wounded at the hospital. The brigade said twenty people were wounded.
    """)


def _claim(claim_id: str, claimant: str, count: str, quote: str, qualifier: str = "") -> str:
    lines = [
        f"- id: {claim_id}",
        f"  claimant: {claimant}",
        "  as_of: 2023-05-22",
        "  incident: crossing",
        "  category: wounded",
        "  group: unspecified",
        f"  count: {count}",
        *([f"  qualifier: {qualifier}"] if qualifier else []),
        "  citations:",
        "    - source: daily",
        f"      quote: {quote}",
    ]
    return "\n".join(lines) + "\n"


PETROV = _claim("petrov-wounded", "ivan-petrov", "8", "said eight people were wounded")
DAILY = _claim("daily-wounded", "null", "6", "counted at least six wounded", "at least")
BRIGADE = _claim(
    "brigade-wounded", "northern-brigade", "20", "The brigade said twenty people were wounded"
)


def _problems(tmp_path: Path, summary: str, claims: str) -> list[Problem]:
    briefing = BRIEFING.replace("summary: A small made-up briefing.", f"summary: {summary}")
    root = write_project(
        tmp_path,
        files={"briefing.yaml": briefing, "claims.yaml": claims},
        seeds={"daily.txt": SEED},
    )
    briefings, problems = load_briefings(root, root / "briefings", root / "seeds")
    assert [p for p in problems if p.severity == "error"] == [] and len(briefings) == 1
    return analysed_problems(briefings[0])


def test_disagree_over_figures_that_meet_is_a_warning_at_the_summary(tmp_path):
    found = _problems(tmp_path, "The sources disagree on the number of wounded.", PETROV + DAILY)
    assert [(p.file, p.line, p.field, p.severity) for p in found] == [
        ("briefings/test/briefing.yaml", 2, "summary", "warning")
    ]
    message = found[0].message
    assert message.startswith(
        "says the sources disagree about the figures for wounded (“The sources disagree on "
        "the number of wounded.”), but no figures compared for that loss are apart: Wounded: "
        "unspecified (Gunmen cross the border): "
    )
    # The verdict's own word and its reason, as the casualties page says them.
    assert "the figures do not exclude each other: all allow 8" in message
    assert message.endswith(
        "or, if the sources do conflict, correct the claims so that the comparison shows it"
    )


def test_disagree_over_figures_that_conflict_is_what_the_summary_should_say(tmp_path):
    assert _problems(tmp_path, "The sources differ on the wounded.", PETROV + BRIGADE) == []


def test_disagreement_over_something_other_than_a_loss_is_not_checked(tmp_path):
    summary = "The sources disagree on what the brigade is called."
    assert _problems(tmp_path, summary, PETROV + DAILY) == []


def test_a_figure_no_claim_gives_is_a_warning_and_one_a_claim_gives_is_not(tmp_path):
    found = _problems(tmp_path, "Officials said 12 people were wounded.", PETROV + DAILY)
    assert [p.message for p in found] == [
        "gives “12 people were wounded”, but no claim in claims.yaml gives 12; write a figure "
        "a claim gives, with who gives it, or add the claim with its quote"
    ]
    for summary in (
        "Officials said eight people were wounded.",
        "At least 6 were wounded, the Daily says.",
        "Dozens were wounded, residents said.",  # an amount, not a figure
        "No one was killed on 22 May 2023.",  # a date is not a figure
    ):
        assert _problems(tmp_path / summary[:8], summary, PETROV + DAILY) == [], summary


def test_briefing_check_reports_it_and_fails_only_when_strict(tmp_path, capsys):
    briefing = BRIEFING.replace(
        "summary: A small made-up briefing.", "summary: Officials said 12 people were wounded."
    )
    root = write_project(tmp_path, files={"briefing.yaml": briefing})
    assert main(["--root", str(root), "check"]) == 0
    err = capsys.readouterr().err
    assert "briefings/test/briefing.yaml:2: warning: summary: gives “12 people were wounded”" in err
    assert main(["--root", str(root), "check", "--strict"]) == 1


def test_every_kind_of_loss_has_the_words_a_summary_names_it_by():
    # The check itself asserts this at import; a kind of loss added to the vocabulary
    # without its words would leave disagreements over it unchecked.
    assert "shot down" in LOSS_WORDS


def test_the_shipped_summary_says_nothing_its_facts_contradict():
    briefings, _ = load_briefings(ROOT, ROOT / "briefings", ROOT / "seeds")
    found = [p for b in briefings for p in analysed_problems(b)]
    # The editorial check's warnings are its own tests' (tests/test_editorial.py).
    assert [p for p in found if p.field == "summary" and p.file.endswith("briefing.yaml")] == []
