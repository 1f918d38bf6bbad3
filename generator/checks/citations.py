"""Citations: every source file readable from inside seeds/, every quote found in its
source (its paragraph recorded on the citation), every source cited."""

from __future__ import annotations

import difflib
from pathlib import Path

from ..confine import InputRefused, read_inside
from ..factsheets.load import FactSheets
from ..factsheets.vocabulary import MAX_QUOTE
from ..problems import Problem, display_path
from ..sources.text import SourceText, clean_source_text
from .quotes import closest_passage, paragraphs_quoting
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
        text = clean_source_text(raw, source.title, source.strip)
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
        for index, rule in enumerate(source.strip):
            if not text.rule_hits.get(index):
                problems.append(
                    Problem(
                        here,
                        rule.line,
                        f"strip[{index}]",
                        "matches no line of the source; fix or remove the rule",
                    )
                )
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
            found = paragraphs_quoting(citation.quote, text)
            if found:
                citation.paragraph = found[0].number
                if len(found) > 1:
                    others = ", ".join(f"¶{p.number}" for p in found[1:])
                    problems.append(
                        Problem(
                            sheets.files[kind.name],
                            citation.lines.get("quote", citation.line),
                            f"{path}.quote",
                            f"found in ¶{found[0].number} of source '{citation.source}' and again "
                            f"in {others}; the first is linked: quote more words so the citation "
                            "points at one passage",
                            "warning",
                        )
                    )
                continue
            closest = closest_passage(citation.quote, text)
            hint = f' (closest: "{closest[0]}", ¶{closest[1].number})' if closest else ""
            problems.append(
                Problem(
                    sheets.files[kind.name],
                    citation.lines.get("quote", citation.line),
                    f"{path}.quote",
                    f"not found in source '{citation.source}'{hint}",
                )
            )
    return problems


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
