"""An event's or statement's `date_phrase` against its quotes: the words that date it must
be a source's, as a figure's words are. Several sources' words are given one after the
other, separated by ";" ("earlier this month; in early May"), and the pages say whose each
is ("The Guardian says “earlier this month”; MONDO says “in early May”")."""

from __future__ import annotations

from typing import Any

from ..factsheets.kinds import kind as kind_named
from ..factsheets.load import FactSheets
from ..problems import Problem
from ..sources.text import SourceText
from ..text import holds_words

__all__ = ["phrase_sources", "phrases_of", "unquoted_date_phrases"]


def phrases_of(record: Any) -> list[str]:
    """The source's words of a record's `date_phrase`, each source's apart."""
    phrase: str | None = record.date_phrase
    return [p.strip() for p in (phrase or "").split(";") if p.strip()]


def phrase_sources(
    record: Any, texts: dict[str, SourceText] | None = None
) -> list[tuple[str, list[str]]]:
    """Each of a record's date phrases with the sources whose quotes hold it, in the order
    they are cited; when no quote does, the cited sources whose `texts` do."""
    cited = list(dict.fromkeys(c.source for c in record.citations))
    found = []
    for phrase in phrases_of(record):
        quoting = [
            s for s in cited if any(c.holds(phrase) for c in record.citations if c.source == s)
        ]
        if not quoting and texts is not None:
            quoting = [s for s in cited if s in texts and _in_text(texts[s], phrase)]
        found.append((phrase, quoting))
    return found


def _in_text(text: SourceText, phrase: str) -> bool:
    return any(holds_words(p.text, phrase) for p in text.paragraphs)


def unquoted_date_phrases(sheets: FactSheets, texts: dict[str, SourceText]) -> list[Problem]:
    """An error for each date phrase that no source the record cites gives: words an editor
    wrote, or joined from two sources' words into one phrase none of them used."""
    problems = []
    for name in ("events", "statements"):
        for record in sheets.records(kind_named(name)):
            for phrase, sources in phrase_sources(record, texts):
                if sources:
                    continue
                message = (
                    f"“{phrase}” is in none of the sources cited; copy a source's own words "
                    "(best from a quote, so that readers see them), and give several sources' "
                    "words one after the other, separated by ';'"
                )
                problems.append(sheets.problem_at(name, record, "date_phrase", message))
    return problems
