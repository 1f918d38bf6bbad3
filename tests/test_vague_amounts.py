"""The table of vague amounts ("several", "dozens") is the one reading of those words: the
check holds claims to it, the pages show it, and both guides list it as the code has it."""

import re
import textwrap

import pytest
from conftest import ROOT, SEED

from generator.amounts import VAGUE_AMOUNTS, vague_amount
from generator.cli import main
from generator.figure_words import AMOUNT_WORDS
from generator.render.views.reading import reading_view
from generator.text import NUMBER_WORDS, quoted_numbers

SEVERAL = SEED.replace(
    "The brigade says", "Several houses were destroyed, Petrov said. The brigade says"
)


def _claims(count: str, words: str = "Several") -> str:
    return textwrap.dedent(f"""\
        - id: petrov-houses
          claimant: ivan-petrov
          as_of: 2023-05-22
          incident: crossing
          category: destroyed
          group: buildings
          count: {count}
          words: {words}
          citations:
            - source: daily
              quote: Several houses were destroyed, Petrov said
        """)


def _check(project, capsys, claims: str) -> tuple[int, list[str]]:
    root = project(files={"claims.yaml": claims}, seeds={"daily.txt": SEVERAL})
    status = main(["--root", str(root), "check"])
    return status, capsys.readouterr().err.splitlines()


def test_the_words_are_read_at_their_least():
    assert VAGUE_AMOUNTS["several"].least == 3
    assert VAGUE_AMOUNTS["dozens"].least == 24
    assert VAGUE_AMOUNTS["scores"].least == 40
    assert VAGUE_AMOUNTS["hundreds"].least == 200
    assert all(a.least >= 2 for a in VAGUE_AMOUNTS.values()), "a plural means more than one"


def test_the_words_are_found_however_written():
    assert vague_amount("Several") == "several"
    assert vague_amount("dozens  of") == "dozens"
    assert vague_amount("Tens of thousands") == "tens of thousands"
    assert vague_amount("several hundred") is None
    assert vague_amount("a captured armoured vehicle") is None


def test_number_reading_and_coverage_read_the_table():
    for word in ("dozens", "scores", "hundreds", "thousands", "millions"):
        assert NUMBER_WORDS[word] == VAGUE_AMOUNTS[word].least
    assert quoted_numbers("scores of people") == [40]
    assert "several" in AMOUNT_WORDS


def test_a_reading_at_the_least_passes(project, capsys):
    assert _check(project, capsys, _claims("{min: 3}")) == (0, [])


@pytest.mark.parametrize(
    ("count", "says"),
    [
        ("{min: 2}", "count: reads the words as at least 2, but “Several” is read as at least 3"),
        ("{min: 1, max: 2}", "count: gives an upper bound (max: 2) the source did not give"),
        ("3", "count: is exactly 3, a reading the words do not give"),
        ("unknown", "count: is unknown, a reading the words do not give"),
    ],
)
def test_a_misreading_is_an_error_at_its_line_with_the_fix(project, capsys, count, says):
    status, err = _check(project, capsys, _claims(count))
    assert status == 1
    assert err[0].startswith(f"briefings/test/claims.yaml:7: {says}")
    assert err[0].endswith("write count: {min: 3}")


def test_words_that_are_not_a_vague_amount_are_not_held_to_the_table(project, capsys):
    claims = _claims("{min: 1, max: 2}", words="Several houses")
    assert _check(project, capsys, claims) == (0, [])


def test_the_editors_guide_lists_the_table_as_the_code_has_it():
    guide = (ROOT / "docs/writing-fact-sheets.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| “([^”]+)” \| at least ([\d,]+) \|", guide, re.MULTILINE)
    assert {w: int(n.replace(",", "")) for w, n in rows} == {
        w: a.least for w, a in VAGUE_AMOUNTS.items()
    }


def test_the_readers_guide_lists_the_table():
    amounts = reading_view().amounts
    assert [(t.word, t.meaning) for t in amounts][:2] == [
        ("a couple", "at least 2: two, or about two; never fewer"),
        ("a few", "at least 2: more than one"),
    ]
    assert len(amounts) == len(VAGUE_AMOUNTS)
