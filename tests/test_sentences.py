"""Sentence splitting (text.split_sentences): titles, ranks, abbreviations and initials do
not end a sentence; the spans cover the text in order. Coverage and framing read sources
sentence by sentence through it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.text import normalise, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Lt. Gen. Ivan Petrov, the district commander, said eight people were wounded.",
        "Maj. Gen. Igor Konashenkov said the attackers were pushed back.",
        "Col. Anna Reyes and Capt. Tomas Brandt led the column.",
        "Sgt. Olek Baran was among the wounded, said Lt. Col. Pavel Orlov.",
        "Adm. Karl Holm met Brig. Gen. Ruth Ndlovu and Cpl. Dan Ivers.",
        "Mr. Smith and Mrs. Smith spoke to Ms. Jones and Dr. Aziz.",
        "Prof. Ilse Berg and Rev. John Okafor signed the appeal.",
        "Sen. Mara Lind, Rep. Joe Park and Gov. Vyacheslav Gladkov were named.",
        "Evacuees were taken to St. Petersburg by train.",
        "The U.S. Army and the U.K. Ministry of Defence declined to comment.",
        "The U.N. Security Council met in New York.",
        "A report by J. R. Smith and A. B. Jones said so.",
        "Unit No. 5 and Brigade No. 12 crossed the river.",
        "The raid began on Jan. 22 and ended on Feb. 3, officials said.",
        "Some villages, e.g. Kozinka, were evacuated, i.e. emptied.",
        "It was Russia vs. Ukraine in the final.",
        "The shelling began at 5 a.m. Moscow time.",
    ],
)
def test_titles_ranks_abbreviations_and_initials_do_not_end_a_sentence(sentence):
    assert sentences(sentence) == [sentence]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An abbreviation at the end of a sentence: a word that plainly opens the next.
        (
            "He left the U.S. Then he flew to Kyiv.",
            ["He left the U.S.", "Then he flew to Kyiv."],
        ),
        (
            "The talks were held in the U.K. The next round is in May.",
            ["The talks were held in the U.K.", "The next round is in May."],
        ),
        (
            "Shelling resumed at 9 p.m. It lasted an hour.",
            ["Shelling resumed at 9 p.m.", "It lasted an hour."],
        ),
        (
            "Lt. Gen. Ivan Petrov arrived. Mr. Smith left. St. Petersburg was quiet.",
            ["Lt. Gen. Ivan Petrov arrived.", "Mr. Smith left.", "St. Petersburg was quiet."],
        ),
        # Ordinary sentence ends are unchanged.
        (
            'He said "we are here." Then 1,000 people left. Population 6.5 thousand.',
            ['He said "we are here."', "Then 1,000 people left.", "Population 6.5 thousand."],
        ),
        ("Who fired? Nobody knows! 12 died.", ["Who fired?", "Nobody knows!", "12 died."]),
    ],
)
def test_a_sentence_ends_where_the_next_plainly_begins(text, expected):
    assert sentences(text) == expected


def test_the_ambiguous_case_is_read_as_one_sentence():
    # "U.S." before a capitalised word that does not open sentences is read as part of a
    # name ("the U.S. Army"); a real sentence end there joins two sentences, which costs
    # less than cutting a name in two.
    assert sentences("The aid came from the U.S. Moscow objected.") == [
        "The aid came from the U.S. Moscow objected."
    ]


_WORDS = st.sampled_from(
    [
        "Lt.",
        "Gen.",
        "Mr.",
        "U.S.",
        "J.",
        "No.",
        "5",
        "Jan.",
        "The",
        "Then",
        "he",
        "left.",
        "Army",
        '"Yes."',
        "(quiet)",
        "died!",
        "why?",
        "e.g.",
        "1,000",
        "6.5",
        "Kyiv's",
    ]
)


@given(st.lists(_WORDS, max_size=30).map(" ".join) | st.text(max_size=80))
def test_sentence_spans_are_ordered_disjoint_and_cover_every_non_space_character(text):
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()  # no spaces at either edge
        assert not text[previous_end:start].strip()  # only spaces between sentences
        previous_end = end
    assert not text[previous_end:].strip()


@given(st.lists(_WORDS, min_size=1, max_size=30).map(" ".join))
def test_normalised_sentences_join_back_into_the_paragraph(text):
    text = normalise(text)
    assert " ".join(sentences(text)) == text
