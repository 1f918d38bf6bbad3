"""Text reuse found through an index of n-grams is the reuse the plain pairwise comparison
finds: every pair's shares and passages, in the same order."""

from __future__ import annotations

import itertools
import textwrap
from pathlib import Path

import pytest

from generator.checks.citations import load_texts
from generator.factsheets.load import load_factsheets
from generator.sources import reuse as measured
from generator.sources.reuse import N_GRAM, Reuse, SharedPassage, measure_reuse
from generator.sources.text import SourceText, clean_source_text

ROOT = Path(__file__).resolve().parent.parent


def pairwise_reuse(texts: dict[str, SourceText]) -> Reuse:
    """The reference: every ordered pair compared word by word (what measure_reuse did
    before it used an index)."""
    tokens = {sid: measured._tokens(text) for sid, text in texts.items()}
    grams = {sid: measured._grams(toks) for sid, toks in tokens.items()}
    first: dict[str, dict[tuple[str, ...], int]] = {}
    for sid, found in grams.items():
        first[sid] = {}
        for i, gram in enumerate(found):
            first[sid].setdefault(gram, i)
    reuse = Reuse(words={sid: len(toks) for sid, toks in tokens.items()})
    passages: dict[tuple[str, str], list[SharedPassage]] = {}
    for a, b in itertools.permutations(texts, 2):
        toks = tokens[a]
        covered = [False] * len(toks)
        found_at: dict[int, int] = {}
        for i, gram in enumerate(grams[a]):
            if gram in first[b]:
                found_at[i] = first[b][gram]
                for j in range(i, i + N_GRAM):
                    covered[j] = True
        narration = [i for i, t in enumerate(toks) if not t.quoted]
        reuse.shared[a, b] = 100.0 * sum(covered) / len(toks) if toks else 0.0
        reuse.narration[a, b] = (
            100.0 * sum(covered[i] for i in narration) / len(narration) if narration else 0.0
        )
        paragraphs = {
            p.number: n for p, n in zip(texts[a].paragraphs, texts[a].normalised, strict=True)
        }
        runs = []
        i = 0
        while i < len(toks):
            if not covered[i]:
                i += 1
                continue
            j = i
            while (
                j + 1 < len(toks) and covered[j + 1] and toks[j + 1].paragraph == toks[i].paragraph
            ):
                j += 1
            in_quotes = sum(t.quoted for t in toks[i : j + 1])
            runs.append(
                SharedPassage(
                    a,
                    b,
                    toks[i].paragraph,
                    tokens[b][found_at[i]].paragraph if i in found_at else 0,
                    paragraphs[toks[i].paragraph][toks[i].start : toks[j].end],
                    j + 1 - i,
                    in_quotes * 2 > j + 1 - i,
                    j + 1 - i - in_quotes,
                )
            )
            i = j + 1
        passages[a, b] = sorted(runs, key=lambda p: (-p.words, p.paragraph_a))
    reuse.passages = passages
    return reuse


def assert_same(texts: dict[str, SourceText]) -> None:
    expected, got = pairwise_reuse(texts), measure_reuse(texts)
    assert got.words == expected.words
    # The same pairs in the same order (the data export lists them in this order).
    assert list(got.shared.items()) == list(expected.shared.items())
    assert list(got.narration.items()) == list(expected.narration.items())
    assert list(got.passages) == list(expected.passages)
    for pair, passages in expected.passages.items():
        assert got.passages[pair] == passages, pair


@pytest.mark.parametrize(
    "root, slug",
    [
        (ROOT, "belgorod-2023-05"),
        (ROOT / "tests" / "fixtures" / "brenmark", "brenmark-2023-10"),
    ],
)
def test_the_index_finds_what_comparing_every_pair_finds(root: Path, slug: str) -> None:
    sheets, _ = load_factsheets(root / "briefings" / slug, root)
    texts, _ = load_texts(sheets, root / "seeds", root)
    assert len(texts) >= 4
    assert_same(texts)


def test_runs_across_paragraphs_quotations_and_repeats() -> None:
    """Runs that cross a paragraph break (cut there), that touch end to end, that repeat
    inside one text, that are quoted; a text shorter than an n-gram; an empty share."""
    original = textwrap.dedent("""\
        one two three four five six seven eight nine ten

        eleven twelve thirteen fourteen fifteen "sixteen seventeen eighteen nineteen twenty"

        one two three four five six and then something else entirely different here
        """)
    copy = textwrap.dedent("""\
        nine ten eleven twelve thirteen fourteen fifteen "sixteen seventeen eighteen nineteen

        twenty" one two three four five six seven eight
        """)
    texts = {
        "original": clean_source_text(original, "", []),
        "copy": clean_source_text(copy, "", []),
        "short": clean_source_text("one two three", "", []),
        "other": clean_source_text("Nothing here is shared with any other text at all.", "", []),
    }
    assert_same(texts)
    reuse = measure_reuse(texts)
    assert reuse.shared["other", "original"] == 0.0 and reuse.passages["other", "copy"] == []
    # "one ... ten" runs on into ¶2 ("eleven ...") in the copy, but a passage ends with its
    # paragraph; a run's other paragraph is where the copy has its first n-gram.
    assert [
        (p.paragraph_a, p.paragraph_b, p.words, p.narration_words)
        for p in reuse.passages["original", "copy"]
    ] == [(1, 2, 10, 10), (2, 1, 10, 5), (3, 2, 6, 6)]


def test_a_run_that_more_sources_share_than_the_stock_phrase_limit_is_not_reuse():
    """Boilerplate every outlet writes is not a sign that one copied another; a passage two
    sources share still is."""
    stock = "since the start of the full scale invasion in february"
    texts = {
        f"s{i}": clean_source_text(f"Report number {i} on the day. {stock}.", "", [])
        for i in range(measured.STOCK_PHRASE + 1)
    }
    copied = "the governor said the town of kozinka was shelled at dawn by artillery"
    for sid in ("s0", "s1"):
        texts[sid] = clean_source_text(f"{texts[sid].normalised[0]} {copied}.", "", [])
    reuse = measure_reuse(texts)
    assert reuse.shared["s2", "s3"] == 0.0
    assert reuse.passages["s2", "s3"] == []
    assert reuse.shared["s0", "s1"] > 0
    # The copied passage, with the stock phrase's last words that lead into it (runs
    # across them are the two sources' own), not the stock phrase itself.
    (passage,) = reuse.passages["s0", "s1"]
    assert passage.text.endswith(copied) and "since the start" not in passage.text
    # Below the limit, the same run shared by two sources counts.
    few = {sid: texts[sid] for sid in ("s2", "s3")}
    assert measure_reuse(few).shared["s2", "s3"] > 0
