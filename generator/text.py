"""Text as the checks and the analysis compare it: normalised, split into sentences,
searched for names, read for numbers."""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterable

from .amounts import VAGUE_AMOUNTS

__all__ = [
    "ABBREVIATIONS",
    "NUMBER_WORDS",
    "UNSEEN",
    "holds_words",
    "name_key",
    "name_pattern",
    "normalise",
    "normalise_mapped",
    "quoted_numbers",
    "split_sentences",
]

# Marks editors cannot see or type consistently, each written one way when compared.
_EQUIVALENTS = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        # The modifier letter apostrophe: "Kyivʼs" as Ukrainian transliteration writes it.
        "\u02bc": "'",
        "`": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)

# Hidden characters (names.py says which characters are hidden) that a reader cannot see
# and that change nothing a text says: a soft hyphen (where a line may break), the zero-
# width space and joiners, the word joiner, and the byte-order mark (also a zero-width
# no-break space). Text is compared without them. Other hidden characters, which reorder
# text or can stand for something (bidirectional marks, invisible operators, variation
# selectors), are compared as they are, and a quote that differs only by one is told so.
UNSEEN = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
# Compatibility forms kept as written, because folding them changes a number or a word:
# superscripts and subscripts (a footnote mark, an exponent: "12³" is not "123"), fractions
# ("1½" is not "11⁄2"), and circled letters and numbers. Any other form that would become a
# digit is kept too ("⑴", "㎡"). What is folded reads the same: full-width and half-width
# forms, ligatures ("ﬁ"), styled letters, no-break spaces, "…", Arabic presentation forms.
_KEPT_FORMS = frozenset({"<super>", "<sub>", "<fraction>", "<circle>"})


def _fold(char: str) -> str:
    """What one character is compared as, before composing: its compatibility
    decomposition unless that changes what it says, with one kind of quote and dash."""
    if char in UNSEEN:
        return ""
    folded = unicodedata.normalize("NFKD", char)
    kept = unicodedata.decomposition(char).split(" ", 1)[0] in _KEPT_FORMS or (
        not char.isdecimal() and any(c.isdigit() for c in folded)
    )
    if kept:
        folded = unicodedata.normalize("NFD", char)
    return folded.translate(_EQUIVALENTS)


class _Folds(dict[int, str]):
    """`_fold` for `str.translate`, worked out once per character."""

    def __missing__(self, code: int) -> str:
        self[code] = _fold(chr(code))
        return self[code]


_FOLDS = _Folds()


def normalise(text: str) -> str:
    """Text as compared: without unseen characters, compatibility forms folded where that
    changes nothing said (NFKC, but for the forms in `_KEPT_FORMS`), composed (NFC), one
    kind of quote, apostrophe and dash, single spaces."""
    text = unicodedata.normalize("NFC", text.translate(_FOLDS))
    return " ".join(text.split())


def holds_words(text: str, words: str) -> bool:
    """Whether `text` has these words, compared as quotes are with their source (case
    aside)."""
    return normalise(words).casefold() in normalise(text).casefold()


def normalise_mapped(text: str) -> tuple[str, list[tuple[int, int]]]:
    """`normalise(text)`, and for each of its characters the span of `text` it comes from,
    so what is found in the compared text can be shown as the source writes it."""
    clusters: list[tuple[int, int, str]] = []  # (start, end, folded)
    for index, char in enumerate(text):
        piece = _FOLDS[ord(char)]
        if clusters and (
            not piece or unicodedata.combining(piece[0]) or _joins(clusters[-1][2], piece)
        ):
            start, _, folded = clusters[-1]
            clusters[-1] = (start, index + 1, folded + piece)
        else:
            clusters.append((index, index + 1, piece))
    chars: list[str] = []
    spans: list[tuple[int, int]] = []
    for start, end, folded in clusters:
        for char in unicodedata.normalize("NFC", folded):
            if char.isspace():
                if not chars or chars[-1] == " ":
                    continue
                char = " "
            chars.append(char)
            spans.append((start, end))
    while chars and chars[-1] == " ":
        chars.pop()
        spans.pop()
    return "".join(chars), spans


def _joins(before: str, piece: str) -> bool:
    """Whether `piece` composes with the text before it (Hangul syllables, some vowel signs
    of Indic scripts), so the two must be composed together."""
    return unicodedata.normalize("NFC", before + piece) != unicodedata.normalize(
        "NFC", before
    ) + unicodedata.normalize("NFC", piece)


# An article before a listed name: "the Kremlin" for "Kremlin", "The Guardian" for "the
# Guardian".
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
# A possessive after a word: "Karsland's", "Karsland’s" (normalised) and "Forces'".
_POSSESSIVE = "(?:'s?)?"


def _name_words(name: str) -> tuple[bool, bool, list[str]]:
    """A listed name taken apart: whether it has a leading article, whether that article
    may be left out, and its words without a possessive on any but the last."""
    text = normalise(name)
    article = bool(_ARTICLE.match(text)) and len(text.split()) > 1
    if article:
        text = _ARTICLE.sub("", text)
    words = text.split(" ")
    words = [re.sub(r"'s?$", "", w) or w for w in words[:-1]] + words[-1:]
    # "the Kremlin" is a proper name with or without its article; "the brigade" names
    # an actor only with it (a bare "brigade" could be any brigade).
    optional = article and words[0][:1].isupper()
    return article, optional, words


def name_key(text: str) -> str:
    """The name a listed name or a `name_pattern(..., forms=True)` match stands for: without
    a leading article that may be left out, without a possessive inside it, "the" in lower
    case. "Karsland's defence ministry" and "the Karsland defence ministry" are both
    "Karsland defence ministry"; "The brigade" is "the brigade"."""
    article, optional, words = _name_words(text)
    return " ".join((["the"] if article and not optional else []) + words)


def _name_form(name: str) -> str:
    """The regular expression for the forms of one listed name (see `name_pattern`)."""
    article, optional, words = _name_words(name)
    body = (_POSSESSIVE + " ").join(re.escape(w) for w in words)
    if article:
        body = ("(?:[Tt]he )?" if optional else "[Tt]he ") + body
    return body


def name_pattern(names: Iterable[str], *, forms: bool = False) -> re.Pattern[str] | None:
    """A pattern matching any of `names` as a whole word in normalised text; None if none.

    With `forms`, also the forms a sentence gives a listed name: with a possessive on any
    but its last word ("Karsland's defence ministry" for "Karsland defence ministry"), with
    "the" or "The" for a leading article, and without the article when the rest is a proper
    name ("Kremlin" for "the Kremlin"). `name_key` gives the name a match stands for. A
    name is still matched only as whole words: "Karslander" is not "Karsland"."""
    unique = {normalise(n) for n in names}
    if forms:
        # Longest first, so "Belgorod region" is counted as itself and not as "Belgorod".
        keyed = {name_key(n): n for n in sorted(unique)}
        alternatives = [_name_form(keyed[k]) for k in sorted(keyed, key=len, reverse=True)]
    else:
        alternatives = [re.escape(a) for a in sorted(unique, key=len, reverse=True)]
    if not alternatives:
        return None
    body = "|".join(alternatives)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


_SENTENCE_END = re.compile(r"(?<=[.!?])([\"')\]]*)\s+(?=[\"'(\[]*[A-Z0-9])")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles and ranks stand before a name: their full stop never ends a sentence ("Lt. Gen.
# Ivan Petrov", "Mr. Smith", "St. Petersburg").
_TITLES = _words(
    """Mr Mrs Ms Mx Dr Prof Rev Fr Hon St Mt Ft Gen Lt Col Maj Capt Cpt Cmdr Cdr Adm Brig
    Sgt Cpl Pte Pvt Spc Insp Supt Det Cllr Sen Rep Gov Pres Amb Atty"""
)
# Other abbreviations end a sentence only before a word that plainly opens one (see
# `_OPENERS`), and so do initials ("J. R. Smith", "U.S.", "e.g.", "a.m.").
_ABBREVIATIONS = _words(
    """No Nos Nr Vol Art Fig Ch Sec Para pp vs etc approx Inc Ltd Co Corp Bros Jr Sr Dept
    Govt Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs
    Fri Sat Sun"""
)
# Words that begin sentences and hardly ever follow an abbreviation inside one: "He left
# the U.S. Then he..." ends a sentence at "U.S."; "the U.S. Army" and "No. 5" do not.
_OPENERS = _words(
    """The A An He She It They We I You This That These Those There Here Then But And Or So
    Yet However Meanwhile Later Earlier Now After Before When While Although Though Since
    In On At As By For From With Without Its His Her Their Our My Your Some Many Most All
    Both Each Every None According"""
)
_LAST_WORD = re.compile(r"([\w.'-]*)\.$")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")
_NEXT_WORD = re.compile(r"[\"'(\[]*(\w+)(\.?)")


# Abbreviations written with a full stop: a title or abbreviation, not a name of its own.
ABBREVIATIONS = _TITLES | _ABBREVIATIONS


def _ends_sentence(text: str, stop: int, following: int) -> bool:
    """Whether the full stop just before `stop` ends a sentence, the next one starting at
    `following`."""
    last = _LAST_WORD.search(text, max(0, stop - 40), stop)
    word = last.group(1) if last else ""
    if word in _TITLES:
        return False
    if word not in _ABBREVIATIONS and not _INITIALS.fullmatch(word):
        return True
    after = _NEXT_WORD.match(text, following)
    if after is None:
        return True
    if len(after.group(1)) == 1 and after.group(2):
        return False  # another initial: "J. R. Smith"
    return after.group(1) in _OPENERS


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a normalised paragraph, in order, without the
    spaces around them.

    A sentence ends at ".", "!" or "?" (and any closing quotes or brackets) before a capital
    or a digit; but never at the full stop of a title or rank ("Lt. Gen. Ivan Petrov", "St.
    Petersburg"), and at that of an abbreviation, initials or a single letter ("No. 5", "the
    U.S. Army", "J. R. Smith", "Jan. 22") only when a word that plainly opens a sentence
    follows: "He left the U.S. Then he..." is two sentences. A sentence that truly ends in
    "U.S." before a name ("...the U.S. Moscow said...") is read as one: a sentence too long
    costs less than a name cut in two."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        at_full_stop = text[match.start() - 1] == "." and not match.group(1)
        if at_full_stop and not _ends_sentence(text, match.start(), match.end()):
            continue
        spans.append((start, match.end(1)))
        start = match.end()
    spans.append((start, len(text)))
    trimmed = []
    for s, e in spans:
        body = text[s:e]
        if body.strip():
            trimmed.append((s + len(body) - len(body.lstrip()), e - len(body) + len(body.rstrip())))
    return trimmed


# Number words and the value each stands for; a vague plural ("dozens") stands for the
# least it means (amounts.VAGUE_AMOUNTS), which is enough to tell a figure's order of
# magnitude.
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "dozens": VAGUE_AMOUNTS["dozens"].least,
    "score": 20,
    "scores": VAGUE_AMOUNTS["scores"].least,
    "hundred": 100,
    "hundreds": VAGUE_AMOUNTS["hundreds"].least,
    "thousand": 1_000,
    "thousands": VAGUE_AMOUNTS["thousands"].least,
    "million": 1_000_000,
    "millions": VAGUE_AMOUNTS["millions"].least,
}
_TENS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
_MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
_MONTHS = {m.lower() for m in [*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept"]}
_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_]+|:")


def quoted_numbers(text: str) -> list[int]:
    """The numbers a quote gives, in digits or English words ("1,200", "a dozen", "two
    hundred"); years, days of the month and times of day are left out."""
    tokens = _TOKEN.findall(text.lower().replace("-", " "))
    numbers: list[int] = []
    for i, token in enumerate(tokens):
        near = tokens[max(0, i - 1) : i] + tokens[i + 1 : i + 2]
        if token[0].isdigit():
            digits = token.replace(",", "")
            if not digits.isdigit() or ":" in near or any(w in _MONTHS for w in near):
                continue
            value = int(digits)
            if "," not in token and len(digits) == 4 and 1900 <= value <= 2100:
                continue  # a year
            numbers.append(value)
        elif (
            token in _MULTIPLIERS
            and numbers
            and i > 0
            and tokens[i - 1] != "a"
            and (tokens[i - 1] in NUMBER_WORDS or tokens[i - 1][0].isdigit())
        ):
            numbers[-1] *= _MULTIPLIERS[token]
        elif token in NUMBER_WORDS:
            value = NUMBER_WORDS[token]
            if value < 10 and i > 0 and tokens[i - 1] in _TENS:
                numbers[-1] += value  # "twenty-five"
            else:
                numbers.append(value)
    return numbers
