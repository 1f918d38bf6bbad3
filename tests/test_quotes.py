"""Quotes as a reader sees them: what matching ignores (characters nobody sees), folds
(forms that read the same) and keeps (forms that change a number), the closest passage as
the source writes it, and messages that name a difference a reader could not see."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.checks.quotes import closest_passage, differences, hidden_in, paragraphs_quoting
from generator.factsheets.parts import Citation
from generator.names import is_hidden
from generator.sources.text import clean_source_text
from generator.text import UNSEEN, normalise, normalise_mapped

TEXT = clean_source_text(
    "Intro line here.\n\nThe governor said “eight people were wounded” – and that’s all.\n",
    "",
    [],
)


def source(*paragraphs: str):
    return clean_source_text("\n\n".join(paragraphs) + "\n", "", [])


def found(quote: str, *paragraphs: str) -> list[int]:
    return [p.number for p in paragraphs_quoting(quote, source(*paragraphs))]


def test_normalise_folds_quotes_apostrophes_dashes_and_spaces():
    assert normalise("“it’s”  —\n‘ok’ – fine") == "\"it's\" - 'ok' - fine"


def test_quote_is_found_despite_typographic_differences():
    found = paragraphs_quoting('said "eight people were wounded" - and that\'s all', TEXT)
    assert [p.number for p in found] == [2]


def test_missing_quote_gives_the_closest_passage_as_the_source_writes_it():
    assert paragraphs_quoting("eight persons were injured", TEXT) == []
    passage = closest_passage("eight persons were injured", TEXT)
    assert passage is not None and passage.paragraph.number == 2
    assert passage.compared == '"eight people were wounded"'
    # Shown with the source's own quotation marks: copied back, it is found.
    assert passage.shown == "“eight people were wounded”"


@pytest.mark.parametrize("unseen", sorted(UNSEEN))
def test_characters_nobody_sees_are_ignored_in_the_source_and_in_the_quote(unseen):
    plain = "Officials said the sabotage group was closed in"
    marked = plain.replace("sabotage", f"sabo{unseen}tage")
    assert found(plain, "Intro.", marked) == [2]
    assert found(marked, "Intro.", plain) == [2]


def test_every_unseen_character_is_a_hidden_one():
    # names.py says what is hidden; comparing ignores only some of those.
    assert all(is_hidden(c) for c in UNSEEN)


def test_a_soft_hyphen_at_a_line_end_joins_the_word_it_broke():
    text = source("Intro.", "Officials said the sabo\u00ad\ntage group was closed in")
    assert text.paragraphs[1].text == "Officials said the sabo\u00adtage group was closed in"
    assert [p.number for p in paragraphs_quoting("the sabotage group was", text)] == [2]


def test_the_modifier_letter_apostrophe_is_an_apostrophe():
    assert found("Kyiv’s forces denied it", "Intro.", "Kyivʼs forces denied it.") == [2]
    assert found("Kyiv's forces denied it", "Intro.", "Kyivʼs forces denied it.") == [2]


@pytest.mark.parametrize(
    ("quote", "paragraph"),
    [
        ("twelve people in １２ homes", "twelve people in 12 homes"),  # full-width digits
        ("officials confirmed the toll", "oﬃcials conﬁrmed the toll"),  # ligatures
        ("café owners said so today", "cafe\u0301 owners said so today"),  # combining accent
        ("a fall of 5 degrees today", "a fall of\u00a05 degrees today"),  # no-break space
        ("temperatures of −5 overnight", "temperatures of -5 overnight"),  # minus sign
        ("they waited… and then left", "they waited... and then left"),  # ellipsis
    ],
)
def test_forms_that_read_the_same_are_folded(quote, paragraph):
    assert found(quote, "Intro.", paragraph) == [2]


@pytest.mark.parametrize(
    ("quote", "paragraph"),
    [
        ("123 people were killed", "12³ people were killed"),  # superscript
        ("12 people were killed", "1₂ people were killed"),  # subscript
        ("112 people were killed", "1½ people were killed"),  # fraction
        ("1 people were killed there", "① people were killed there"),  # circled
        ("(1) people were killed", "⑴ people were killed"),  # parenthesised
        ("20 m2 of the building burned", "20 ㎡ of the building burned"),  # a unit with a digit
        ("the TM mark was there", "the ™ mark was there"),  # a superscript word
    ],
)
def test_forms_that_change_a_number_or_a_word_are_kept(quote, paragraph):
    assert found(quote, "Intro.", paragraph) == []


def test_a_difference_nobody_can_see_is_named_not_shown():
    text = source("Intro.", "Officials said the sabotage group was closed in")
    quote = "Officials said the sabo\u2063tage group was closed in"
    passage = closest_passage(quote, text)
    assert passage is not None
    assert differences(quote, passage) == [
        'the quote holds U+2063 INVISIBLE SEPARATOR after "said the sabo", where the source '
        "has nothing: delete it"
    ]


def test_a_superscript_and_a_look_alike_letter_are_named_with_what_to_write():
    text = source("Intro.", "12³ people were killed in the Vоlunteer raid")  # Cyrillic о
    quote = "123 people were killed in the Volunteer raid"
    passage = closest_passage(quote, text)
    assert passage is not None
    assert differences(quote, passage) == [
        'the quote has "3" (U+0033 DIGIT THREE) after "12" where the source has "³" (U+00B3 '
        "SUPERSCRIPT THREE): write it as the source does",
        'the quote has "o" (U+006F LATIN SMALL LETTER O) after "killed in the V" where the '
        'source has "о" (U+043E CYRILLIC SMALL LETTER O): write it as the source does',
    ]


def test_a_hidden_character_only_the_source_has_is_named_with_how_to_type_it():
    text = source("Intro.", "Kyiv\u200e said the raid was not theirs")
    quote = "Kyiv said the raid was not theirs"
    passage = closest_passage(quote, text)
    assert passage is not None
    assert differences(quote, passage) == [
        'the source has U+200E LEFT-TO-RIGHT MARK after "Kyiv", which the quote lacks (copy '
        'it from the source, or write "\\u200e" in a double-quoted YAML string)'
    ]


def test_a_visible_difference_shows_the_passage_and_names_what_prints_as_nothing():
    text = source("Intro.", "Kyiv\u200e said the raid was not theirs")
    quote = "Kyiv said the attack was not theirs"
    passage = closest_passage(quote, text)
    assert passage is not None
    assert differences(quote, passage) == []
    assert hidden_in(passage, quote) == ["U+200E LEFT-TO-RIGHT MARK"]


def test_a_quote_of_unseen_characters_is_too_short_to_locate():
    citation = Citation(source="x", quote="\u00ad" * 20 + "a")
    assert [f for f, _ in citation.validate()] == ["quote"]
    assert Citation(source="x", quote="twelve chars").validate() == []


# --- properties ---------------------------------------------------------------------------

# Characters that each mean something to the normaliser, mixed into ordinary text.
SPECIAL = sorted(UNSEEN) + list(
    "\u0301\u0308\u00a0\u2009 \n\t³¹₂½①⑴㎡ﬁ１ｱʼ’“”—−…Ωé"
    "\u1100\u1161\u11a8\u0b47\u0b3e\u2063\u200e\u034f"
)
texts = st.text(
    alphabet=st.one_of(st.sampled_from(SPECIAL), st.characters(codec="utf-8")), max_size=60
)
words = st.text(alphabet="abcdefghij ", min_size=12, max_size=40).filter(
    lambda w: len(normalise(w)) >= 12
)


@given(texts)
def test_the_position_map_gives_the_same_text_and_points_inside_the_original(text):
    compared, spans = normalise_mapped(text)
    assert compared == normalise(text)
    assert len(spans) == len(compared)
    assert all(0 <= start < end <= len(text) for start, end in spans)
    assert [s for s, _ in spans] == sorted(s for s, _ in spans)
    for char, (start, end) in zip(compared, spans, strict=True):
        if char != " ":
            assert char in normalise(text[start:end]) or unicodedata.combining(char)


@given(words, st.lists(st.tuples(st.integers(0, 60), st.sampled_from(sorted(UNSEEN)))))
def test_a_quote_with_unseen_characters_inserted_anywhere_is_found(quote, inserts):
    marked = quote
    for at, char in inserts:
        at = min(at, len(marked))
        marked = marked[:at] + char + marked[at:]
    paragraph = f"Before {quote} after."
    assert found(marked, "Intro.", paragraph) == [2]
    assert found(quote, "Intro.", f"Before {marked} after.") == [2]


KEPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉①②③④⑤⑥⑦⑧⑨½¼¾"


@given(texts, texts, st.sampled_from(KEPT_DIGITS), st.sampled_from("0123456789"))
def test_a_superscript_or_circled_digit_never_compares_as_a_plain_digit(before, after, kept, digit):
    assert normalise(before + kept + after) != normalise(before + digit + after)


@given(st.lists(words, min_size=2, max_size=5), st.data())
def test_the_closest_passage_as_shown_compares_as_the_passage(sentences, data):
    marked = [
        "".join(c + (data.draw(st.sampled_from(["", "\u00ad", "’", "\u200e"]))) for c in s)
        for s in sentences
    ]
    text = source("Intro.", " ".join(marked))
    quote = sentences[data.draw(st.integers(0, len(sentences) - 1))] + " x"
    passage = closest_passage(quote, text)
    assert passage is not None
    assert normalise(passage.shown) == passage.compared
    assert passage.shown in passage.paragraph.text
