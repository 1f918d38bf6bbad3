"""Citations: every source file readable from inside seeds/, every quote found in its
source (its paragraph recorded on the citation), every source cited."""

from __future__ import annotations

import difflib
from pathlib import Path

from ..confine import InputRefused, read_inside
from ..factsheets.load import FactSheets
from ..factsheets.model import Citation, Source
from ..factsheets.vocabulary import MAX_QUOTE
from ..problems import Problem, Severity, display_path
from ..sources.text import SourceText, StrippedLine, clean_source_text
from .entries import entry_order, entry_problems
from .quotes import (
    closest_passage,
    differences,
    hidden_in,
    hidden_lines_quoting,
    paragraphs_quoting,
)
from .records import citations_of, records_of

__all__ = ["SOURCE_LIMIT", "load_texts", "uncited_sources", "unverified_quotes"]


# The largest source text read (a long article is 50 KB): with a 1 MB source the shipped
# briefing checks in 1.2 s and builds in 6.8 s (README, "Inputs and their limits").
SOURCE_LIMIT = 1_000_000


def load_texts(
    sheets: FactSheets, seeds_dir: Path, root: Path
) -> tuple[dict[str, SourceText], list[Problem]]:
    texts: dict[str, SourceText] = {}
    problems = []
    file_owner: dict[str, str] = {}
    display_seeds = display_path(seeds_dir, root)
    for source in sheets.sources:
        here = sheets.files["sources"]
        line = source.lines.get("file", source.line)
        if source.file in file_owner:
            problems.append(
                Problem(
                    here,
                    line,
                    "file",
                    f"'{source.file}' is already the file of source '{file_owner[source.file]}'",
                )
            )
            continue
        file_owner[source.file] = source.id
        try:
            raw = _read_source(source.file, seeds_dir)
        except FileNotFoundError:
            available = (
                sorted(p.name for p in seeds_dir.glob("*.txt")) if (seeds_dir.is_dir()) else []
            )
            close = difflib.get_close_matches(source.file, available, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problems.append(
                Problem(here, line, "file", f"no file '{source.file}' in {display_seeds}/{hint}")
            )
            continue
        except InputRefused as exc:
            problems.append(Problem(here, line, "file", f"{display_seeds}/{source.file} {exc}"))
            continue
        except UnicodeDecodeError as exc:
            problems.append(
                Problem(
                    here,
                    line,
                    "file",
                    f"'{source.file}' is not UTF-8 text "
                    f"(byte {exc.start}); convert the file to UTF-8",
                )
            )
            continue
        text = clean_source_text(raw, source.title, source.strip, entry_order(source))
        if not text.paragraphs:
            problems.append(
                Problem(
                    here,
                    line,
                    "file",
                    f"{display_seeds}/{source.file} has no "
                    "text to quote: it is empty, or its strip rules hide "
                    "every line",
                )
            )
            continue
        texts[source.id] = text
        problems += _strip_rule_problems(here, source, text)
        problems += entry_problems(sheets, source, text, f"{display_seeds}/{source.file}")
        if text.header_date and text.header_date != source.published.isoformat():
            problems.append(
                Problem(
                    here,
                    source.lines.get("published", source.line),
                    "published",
                    f"{source.published} differs from the file's own date header "
                    f"({text.header_date}); check which is right",
                    "warning",
                )
            )
    return texts, problems


def _strip_rule_problems(here: str, source: Source, text: SourceText) -> list[Problem]:
    """Rules that hide nothing, and rules that hide text in more than one paragraph without
    saying so (a "Key events" rule also hiding the same headline inside an entry)."""
    problems = []
    for index, rule in enumerate(source.strip):
        blocks = text.rule_hits.get(index, [])
        if not blocks:
            problems.append(
                Problem(
                    here,
                    rule.line,
                    f"strip[{index}]",
                    "matches no line of the source"
                    + (f" in ¶{rule.paragraph}" if rule.paragraph else "")
                    + "; fix or remove the rule",
                )
            )
        elif len(blocks) > 1 and rule.paragraph is None and not rule.everywhere:
            where = ", ".join(f"¶{b}" for b in blocks)
            problems.append(
                Problem(
                    here,
                    rule.line,
                    f"strip[{index}]",
                    f"hides lines in {len(blocks)} paragraphs ({where}); if only one is site "
                    f"furniture, add `paragraph: {blocks[0]}` to the rule, and if the line is "
                    "furniture repeated through the page, add `everywhere: true`",
                    "warning",
                )
            )
    return problems


def _read_source(name: str, seeds_dir: Path) -> str:
    """A source file's text: a regular file directly in `seeds_dir`, never a path out of it."""
    if "/" in name or "\\" in name or name in (".", ".."):
        raise InputRefused("names a path; give the name of a file directly in the folder")
    raw = read_inside(seeds_dir / name, seeds_dir, limit=SOURCE_LIMIT, what="source text")
    return raw.decode("utf-8")


def unverified_quotes(sheets: FactSheets, texts: dict[str, SourceText]) -> list[Problem]:
    problems = []
    for kind, record in records_of(sheets, partial=True):
        for path, citation in citations_of(record):
            text = texts.get(citation.source)
            if text is None:
                continue  # the source itself is already reported
            if len(citation.quote) > MAX_QUOTE:
                continue  # reported as too long; too slow to look for
            problem = _locate(citation, text)
            if problem is not None:
                message, severity = problem
                problems.append(
                    Problem(
                        sheets.files[kind.name],
                        citation.lines.get("quote", citation.line),
                        f"{path}.quote",
                        message,
                        severity,
                    )
                )
    return problems


def _hidden_by(line: StrippedLine) -> str:
    rule = f" by strip[{line.rule}]" if line.rule is not None else ""
    return f"¶{line.block}, hidden{rule} as '{line.reason}'"


def _locate(citation: Citation, text: SourceText) -> tuple[str, Severity] | None:
    """Find the quote and record its paragraph on the citation; what is wrong if it can't."""
    hidden = hidden_lines_quoting(citation.quote, text)
    found = paragraphs_quoting(citation.quote, text)
    if citation.hidden:
        if hidden:
            citation.paragraph = hidden[0].block
            return None
        if found:
            return f"is shown in ¶{found[0].number}, not hidden: remove `hidden: true`", "error"
    elif found:
        citation.paragraph = found[0].number
        if len(found) == 1:
            return None
        others = ", ".join(f"¶{p.number}" for p in found[1:])
        return (
            f"found in ¶{found[0].number} of source '{citation.source}' and again in {others}; "
            "the first is linked: quote more words so the citation points at one passage",
            "warning",
        )
    elif hidden:
        return (
            f"is in text hidden from display ({_hidden_by(hidden[0])}) in source "
            f"'{citation.source}': to cite hidden text deliberately, add `hidden: true` to the "
            "citation; if the rule hides more than it should, limit it with `paragraph:`",
            "error",
        )
    return _not_found(citation, text), "error"


def _not_found(citation: Citation, text: SourceText) -> str:
    """Why a quote is not found: what differs from the closest passage when a reader could
    not see it, else the closest passage and any character in it that prints as nothing."""
    missing = f"not found in source '{citation.source}'"
    closest = closest_passage(citation.quote, text)
    if closest is None:
        return missing
    where = f"¶{closest.paragraph.number}"
    if named := differences(citation.quote, closest):
        return f"{missing}: in {where}, " + "; ".join(named)
    unseen = hidden_in(closest, citation.quote)
    note = f"; it holds {', '.join(unseen)}, which print as nothing" if unseen else ""
    return f'{missing} (closest: "{closest.shown}", {where}{note})'


def uncited_sources(sheets: FactSheets) -> list[Problem]:
    cited = {
        c.source
        for kind, record in records_of(sheets)
        if kind.fact
        for _, c in citations_of(record)
    }
    return [
        Problem(
            sheets.files["sources"],
            s.line,
            "id",
            f"source '{s.id}' is cited by no fact; cite it or remove it",
            "warning",
        )
        for s in sheets.sources
        if s.id not in cited
    ]
