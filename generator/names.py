"""Names that look like what they are: no hidden characters, one script per word, and a
comparison key under which look-alike spellings are one name.

A name or alias decides which page a reader's search finds and whose words a source is
said to use. "Russian Vоlunteer Cоrps" with two Cyrillic о looks exactly like the real name;
a zero-width joiner or a right-to-left override hides in any name. Unicode's confusables
data (UTS #39, as packaged by confusable-homoglyphs) says which characters look alike.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from confusable_homoglyphs import categories
from confusable_homoglyphs.utils import load as load_unicode_data

__all__ = [
    "character_name",
    "hidden_characters",
    "is_hidden",
    "lookalike_key",
    "looks_alike",
    "mixed_script_words",
    "same_name_key",
    "shown_visibly",
]

# Characters that change how text displays without showing themselves: format characters
# (zero-width space and joiners, bidirectional controls, word joiner, byte-order mark, soft
# hyphen, ...), variation selectors and the combining grapheme joiner, and Hangul fillers.
_INVISIBLE_MARKS = {"\u034f", "\u115f", "\u1160", "\u3164", "\uffa0", "\u17b4", "\u17b5"}


def is_hidden(char: str) -> bool:
    """Whether `char` shows nothing of itself, or reorders the text around it."""
    code = ord(char)
    return (
        unicodedata.category(char) == "Cf"
        or char in _INVISIBLE_MARKS
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
    )


def hidden_characters(text: str) -> list[str]:
    """Each invisible or reordering character in `text`, described: 'U+200D ZERO WIDTH
    JOINER'."""
    found = dict.fromkeys(ch for ch in text if is_hidden(ch))
    return [character_name(ch) for ch in found]


def character_name(char: str) -> str:
    """A character as messages name it: 'U+200D ZERO WIDTH JOINER'."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'format character')}"


def shown_visibly(text: str) -> str:
    """`text` with each hidden character (as above) and each control character or line or
    paragraph separator written out as `<U+202E>`, and tabs as spaces: for text no check
    has refused, such as a commit's subject, which pages, feeds and terminals then show as
    written, in the order written."""
    return "".join(
        " " if ch == "\t" else f"<U+{ord(ch):04X}>" if is_hidden(ch) or _is_control(ch) else ch
        for ch in text
    )


def _is_control(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Zl", "Zp")


# Scripts that are written mixed within one word (Japanese kana with kanji, Korean with
# hanja); any other mixture in a word is a look-alike or a slip of the keyboard layout.
_MIXTURES = (
    frozenset({"HAN", "HIRAGANA", "KATAKANA"}),
    frozenset({"HAN", "HANGUL"}),
    frozenset({"HAN", "BOPOMOFO"}),
)


def _scripts(word: str) -> set[str]:
    return {categories.alias(ch) for ch in word if ch.isalpha()} - {"COMMON", "INHERITED"}


def mixed_script_words(text: str) -> list[tuple[str, list[str]]]:
    """Each word of `text` that mixes letters of different scripts, with the scripts."""
    mixed = []
    for word in re.findall(r"\w+", unicodedata.normalize("NFC", text)):
        scripts = _scripts(word)
        if len(scripts) > 1 and not any(scripts <= allowed for allowed in _MIXTURES):
            mixed.append((word, sorted(scripts)))
    return mixed


@functools.cache
def _lookalikes() -> dict[str, str]:
    """Each character with a look-alike -> one representative of all that look like it.

    The data lists, for each character, those it can be mistaken for. Characters that can
    be mistaken for one another, directly or through others, share a representative: the
    ASCII one where there is one, else the lowest code point.
    """
    parent: dict[str, str] = {}

    def find(char: str) -> str:
        while parent.setdefault(char, char) != char:
            parent[char] = parent[parent[char]]
            char = parent[char]
        return char

    def rank(char: str) -> tuple[bool, int]:
        return (not char.isascii(), ord(char))

    for char, lookalikes in load_unicode_data("confusables.json").items():
        char = char.strip("\u200e\u200f")
        for entry in lookalikes:
            other = entry["c"].strip("\u200e\u200f")
            if len(char) == 1 and len(other) == 1:
                a, b = find(char), find(other)
                if a != b:
                    keep, drop = sorted((a, b), key=rank)
                    parent[drop] = keep
    return {char: find(char) for char in parent if find(char) != char}


def same_name_key(name: str) -> str:
    """How names are compared for the one-owner rule: Unicode compatibility forms folded,
    case ignored, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def lookalike_key(name: str) -> str:
    """`same_name_key` after every character is replaced by its look-alike representative,
    so "Vоlunteer" (Cyrillic о) and "Volunteer" compare equal."""
    table = _lookalikes()
    text = unicodedata.normalize("NFKC", name)
    folded = "".join(table.get(ch, ch) for ch in unicodedata.normalize("NFD", text))
    return same_name_key(unicodedata.normalize("NFC", folded))


def looks_alike(a: str, b: str) -> bool:
    """Whether a reader could take `a` for `b`: the same once hidden characters are left
    out, compatibility forms folded ("³" and "3") and look-alike letters made one ("о" and
    "o"). Case still counts: "A" does not look like "a"."""

    def seen(text: str) -> str:
        table = _lookalikes()
        text = unicodedata.normalize("NFKD", "".join(c for c in text if not is_hidden(c)))
        return unicodedata.normalize("NFC", "".join(table.get(c, c) for c in text))

    return seen(a) == seen(b)
