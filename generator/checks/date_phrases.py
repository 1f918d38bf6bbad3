"""An event's or statement's `date_phrase` against its quotes: the words that date it must
be a source's, as a figure's words are. Several sources' words are given one after the
other, separated by ";" ("earlier this month; in early May"), and the pages say whose each
is ("The Guardian says “earlier this month”; MONDO says “in early May”")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..factsheets.kinds import kind as kind_named
from ..factsheets.load import FactSheets
from ..problems import Problem, Severity
from ..sources.text import SourceText
from ..text import normalise

__all__ = ["phrase_sources", "phrases_of", "unquoted_date_phrases"]


def phrases_of(record: Any) -> list[str]:
    """The source's words of a record's `date_phrase`, each source's apart."""
    phrase: str | None = record.date_phrase
    return [p.strip() for p in (phrase or "").split(";") if p.strip()]


def _holds(text: str, words: str) -> bool:
    return normalise(words).casefold() in normalise(text).casefold()


def phrase_sources(record: Any) -> list[tuple[str, list[str]]]:
    """Each of a record's date phrases with the sources whose quotes hold it, in the order
    they are cited (none when no quote does)."""
    return [
        (p, list(dict.fromkeys(c.source for c in record.citations if c.holds(p))))
        for p in phrases_of(record)
    ]


def _texts(record: Any, texts: dict[str, SourceText], whole: bool) -> Iterator[str]:
    """The text of each paragraph the record's quotes were found in, or (`whole`) of every
    paragraph of the sources it cites."""
    for c in record.citations:
        text = texts.get(c.source)
        if text is not None:
            yield from (p.text for p in text.paragraphs if whole or p.number == c.paragraph)


def _unquoted(phrase: str, record: Any, texts: dict[str, SourceText]) -> tuple[str, bool]:
    """What is wrong with a phrase no quote holds, and whether it is an error."""
    if any(_holds(p, phrase) for p in _texts(record, texts, whole=False)):
        return (
            f"“{phrase}” is in a cited paragraph but in none of the quotes; quote the words "
            "that date it, so that readers see them",
            False,
        )
    if any(_holds(p, phrase) for p in _texts(record, texts, whole=True)):
        return (
            f"“{phrase}” is in a cited source but not in a cited paragraph; cite the "
            "paragraph that dates it, with the words in the quote",
            False,
        )
    return (
        f"“{phrase}” is in none of the sources cited; copy a source's own words, and give "
        "several sources' words one after the other, separated by ';'",
        True,
    )


def unquoted_date_phrases(sheets: FactSheets, texts: dict[str, SourceText]) -> list[Problem]:
    """A problem for each date phrase no quote holds: an error when no cited source gives
    the words, a warning when one does outside the quotes (readers see only the quotes)."""
    problems = []
    for name in ("events", "statements"):
        for record in sheets.records(kind_named(name)):
            for phrase, sources in phrase_sources(record):
                if sources:
                    continue
                message, error = _unquoted(phrase, record, texts)
                severity: Severity = "error" if error else "warning"
                problems.append(sheets.problem_at(name, record, "date_phrase", message, severity))
    return problems
