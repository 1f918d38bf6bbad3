"""Names that only look alike, hidden characters and mixed scripts (generator/names.py),
and the numbers a quote gives (figures.quoted_numbers), which the figure check relies on."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.names import hidden_characters, lookalike_key, mixed_script_words, same_name_key
from generator.text import NUMBER_WORDS, quoted_numbers


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Russian Volunteer Corps", "Russian Vоlunteer Cоrps"),  # Cyrillic о
        ("Moscow", "Моѕсоԝ"),  # every letter Cyrillic
        ("FSB", "ＦＳＢ"),  # fullwidth
        ("Bellingcat", "Bellingcаt"),  # Cyrillic а
        ("Il", "1l"),
    ],
)
def test_look_alike_spellings_share_a_key(a, b):
    assert lookalike_key(a) == lookalike_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Kyiv", "Kiev"), ("Graivoron", "Grayvoron"), ("Kyiv", "Kyïv"), ("Ivan", "Ivana")],
)
def test_different_names_keep_different_keys(a, b):
    # (Case is compared by same_name_key; the look-alike key keeps it, as UTS #39 does, so
    # that "Il" and "ll" stay alike.)
    assert lookalike_key(a) != lookalike_key(b)
    assert same_name_key(a) != same_name_key(b)


def test_hidden_characters_are_named():
    assert hidden_characters("Russian Volunteer\u200dCorps") == ["U+200D ZERO WIDTH JOINER"]
    assert hidden_characters("Glad\u00adkov\u202e") == [
        "U+00AD SOFT HYPHEN",
        "U+202E RIGHT-TO-LEFT OVERRIDE",
    ]
    assert hidden_characters("Freedom of Russia Legion") == []


def test_a_word_mixing_scripts_is_found_and_scripts_written_together_are_not():
    assert mixed_script_words("Russian Vоlunteer Cоrps") == [
        ("Vоlunteer", ["CYRILLIC", "LATIN"]),
        ("Cоrps", ["CYRILLIC", "LATIN"]),
    ]
    assert mixed_script_words("Вагнер (Wagner)") == []  # one script per word
    assert mixed_script_words("ロシア軍") == []  # katakana and kanji in Japanese
    assert mixed_script_words("Kyïv 2023") == []


@given(st.integers(min_value=1, max_value=10**9))
def test_a_number_in_digits_is_read_with_or_without_separators(n):
    assert quoted_numbers(f"at least {n:,} people were evacuated") == [n]
    if not 1900 <= n <= 2100:  # four digits in that range read as a year
        assert quoted_numbers(f"{n} people were evacuated") == [n]


@given(st.integers(min_value=1, max_value=99))
def test_a_number_in_words_is_read(n):
    ones = [w for w, v in NUMBER_WORDS.items() if v < 20 and w not in ("dozen", "score")]
    tens = {v: w for w, v in NUMBER_WORDS.items() if w.endswith("ty")}
    by_value = {NUMBER_WORDS[w]: w for w in ones}
    words = by_value[n] if n < 20 else tens[n - n % 10] + (f"-{by_value[n % 10]}" if n % 10 else "")
    assert quoted_numbers(f"{words} people were wounded") == [n]


def test_dates_times_and_years_are_not_figures():
    assert quoted_numbers("on 22 May 2023 at 18:30, eight were wounded") == [8]
    assert quoted_numbers("two hundred soldiers and a dozen tanks") == [200, 12]
    assert quoted_numbers("no civilians were killed") == []
