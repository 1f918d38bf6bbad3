"""What the editorial check reads: a citation's paragraph and the sentences its quote stands
in, the names of actors and places as the texts give them, and the proper names and numbers
a summary or title gives.

The quote check has found each quote and filled in its `paragraph`; a fact-checker reads the
paragraph around a quote, not only the quote, so the rules about what a source says read it
here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..factsheets.dates import MONTHS
from ..factsheets.model import Actor, Citation, Place, Source
from ..sources.text import SourceText
from ..text import name_pattern, normalise, quoted_numbers, split_sentences

__all__ = ["Cited", "Reader", "content_words", "numbers_in", "words_of"]

_WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
_CALENDAR = {*MONTHS, *(m[:3] for m in MONTHS), "Sept", *_WEEKDAYS}
# Ordinary words that start a sentence or a title, beyond those the sources use in lower
# case.
_STOP_TEXT = """a an the and or but so for if as at by in on of to from with after before during
    near over since through under until while this that these those there here who which
    what when where why how its their his her they it he she we no not one two both some
    many most few all each every other another such also then still only late early later
    earlier more less i neither nor either however"""
_STOP = set(_STOP_TEXT.split())
# Titles, capitalised before a name or standing for one ("the Governor"): not names.
_TITLES_TEXT = """governor president prime minister general colonel major captain
    lieutenant sergeant spokesman spokeswoman spokesperson mayor
    commander chief deputy head secretary"""
_TITLES = set(_TITLES_TEXT.split())
# Words of a title that say who says it or are too general to tie a paragraph to a fact.
_GENERAL_TEXT = """says said tells told claims claimed reports reported report into
    from with their about inside outside against people group groups there
    were have been that this"""
_GENERAL = set(_GENERAL_TEXT.split())
_CAPITALISED = r"[A-Z][\w'’-]*"
_NAME_RUN = re.compile(rf"(?<![\w'-]){_CAPITALISED}(?:\s+(?:of the |of |de |al )?{_CAPITALISED})*")
_WORD = re.compile(r"[\w'’-]+")
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")


# Number words a summary counts what it names with ("the two groups", "one source"), not
# figures a source must give.
_COUNTING = re.compile(r"(?<![\w-])(?:one|two|both)(?![\w-])", re.IGNORECASE)


def numbers_in(text: str) -> set[int]:
    """The numbers a text gives, in digits or words, leaving out zero, and "one" and "two"
    in words (a summary's "one source", "the two groups")."""
    return {n for n in quoted_numbers(_COUNTING.sub(" ", text)) if n > 1}


@dataclass(frozen=True)
class Cited:
    """A citation with the paragraph its quote stands in and the sentences around it."""

    citation: Citation
    paragraph: str
    sentences: str
    before: str = ""  # the displayed paragraph before it


class Reader:
    """The texts of one briefing, read for its facts' citations, names and words."""

    def __init__(
        self,
        texts: dict[str, SourceText],
        actors: list[Actor],
        places: list[Place],
        sources: list[Source],
    ):
        self.texts = texts
        # A summary may name the outlets it draws on ("the Guardian says").
        self.source_words = {
            w for s in sources for n in (s.outlet, s.label, s.byline) if n for w in words_of(n)
        }
        self.actors = {a.id: a for a in actors}
        self.places = {p.id: p for p in places}
        named: list[Actor | Place] = [*actors, *places]
        self.known = name_pattern([n for r in named for n in r.names], forms=True)
        self.common = self._common_words()

    def _common_words(self) -> set[str]:
        """Words the sources write in lower case: capitalised at a sentence start, they are
        ordinary words, not names."""
        common = set(_STOP)
        for text in self.texts.values():
            for paragraph in text.normalised:
                common.update(re.findall(r"(?<![\w'-])[a-z][\w'-]*", paragraph))
        return common

    def cited(self, citation: Citation) -> Cited:
        """The citation with its paragraph (hidden lines of its block included), the
        sentences of the paragraph its quote overlaps (the quote alone where the paragraph
        cannot be found), and the paragraph before."""
        quote = normalise(citation.quote)
        paragraph, before = self._paragraph(citation.source, citation.paragraph)
        at = paragraph.find(quote)
        if at < 0:
            return Cited(citation, paragraph or quote, quote, before)
        end = at + len(quote)
        spans = [(s, e) for s, e in split_sentences(paragraph) if s < end and at < e]
        if not spans:
            return Cited(citation, paragraph, quote, before)
        return Cited(citation, paragraph, paragraph[spans[0][0] : spans[-1][1]], before)

    def _paragraph(self, source: str, number: int | None) -> tuple[str, str]:
        """The paragraph's text (its hidden lines first) and the displayed one before."""
        text = self.texts.get(source)
        if text is None or number is None:
            return "", ""
        numbers = [p.number for p in text.paragraphs]
        hidden = [normalise(line.text) for line in text.stripped if line.block == number]
        shown = [text.normalised[numbers.index(number)]] if number in numbers else []
        earlier = [i for i, n in enumerate(numbers) if n < number]
        before = text.normalised[earlier[-1]] if earlier else ""
        return " ".join([*hidden, *shown]), before

    def names(self, record: Actor | Place) -> re.Pattern[str] | None:
        """A pattern matching any name of the record in the forms a text gives it."""
        titles = record.titles if isinstance(record, Actor) else []
        return _names_of((*record.names, *titles))

    def named(self, text: str, record: Actor | Place) -> bool:
        """Whether the text names the record by any of its names."""
        pattern = self.names(record)
        return pattern is not None and pattern.search(text) is not None

    def proper_names(self, text: str) -> list[str]:
        """Runs of capitalised words in a summary or title that no actor's or place's name
        matches, ordinary words at the start of a sentence, titles and calendar words left
        out."""
        text = normalise(text)
        masked = self.known.sub(lambda m: "#" * len(m.group(0)), text) if self.known else text
        starts = {s for s, _ in split_sentences(masked)} | {0}
        found = []
        for match in _NAME_RUN.finditer(masked):
            words = match.group(0).split()
            opening = match.start() in starts or masked[: match.start()].rstrip()[-1:] in "\"'(:;–—"
            while words and opening and words[0].lower() in self.common:
                words.pop(0)
            # A possessive is the word's ("Monday's" is a calendar word).
            words = [re.sub(r"['’]s?$", "", w) for w in words]
            words = [w for w in words if w not in _CALENDAR and w.lower() not in _STOP | _TITLES]
            name = " ".join(words)
            if name and not self.is_demonym(name):
                found.append(name)
        return list(dict.fromkeys(found))

    def is_demonym(self, name: str) -> bool:
        """Whether a name is the adjective or people of a listed name: "Russian" of
        Russia."""
        records: Iterable[Actor | Place] = [*self.actors.values(), *self.places.values()]
        folded = name.casefold()
        return any(_demonym(n.casefold()).fullmatch(folded) for r in records for n in r.names)


@functools.cache
def _names_of(names: tuple[str, ...]) -> re.Pattern[str] | None:
    return name_pattern(list(names), forms=True)


@functools.cache
def _demonym(name: str) -> re.Pattern[str]:
    return re.compile(re.escape(name.rstrip("e")) + r"[ie]?a?ns?")


def content_words(text: str) -> set[str]:
    """The words of four letters or more that are not ordinary function words, as stems of
    five letters ("strike", "struck" aside, "shelling" and "shelled" meet)."""
    words = _CONTENT_WORD.findall(text)
    return {w.casefold()[:5] for w in words if w.lower() not in _STOP | _GENERAL}


def words_of(text: str) -> set[str]:
    """Every word of a text, as written."""
    return set(_WORD.findall(text))
