"""Checks across fact sheets and sources: ids, references, names, files and quotes.

`check_briefing` turns loaded fact sheets into a `Briefing` that the analysis and pages can
trust: every id is unique, every reference resolves, every source file is readable, and every
quote is found in its source (its paragraph is recorded on the citation).
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .addresses import ANCHOR_PAGES, ENTITY_KINDS, reserved_anchors
from .confine import InputRefused, read_inside
from .factsheets import MAX_QUOTE, BriefingInfo, Citation, DateRange, FactSheets
from .figures import describe_count, quoted_numbers
from .names import lookalike_key, same_name_key
from .problems import Problem, display_path, has_errors
from .quotes import closest_passage, paragraphs_quoting
from .reuse import N_GRAM, Reuse, measure_reuse
from .schema import iter_refs
from .sources import SourceText, clean_source_text

__all__ = ["FACT_KINDS", "KIND_NAMES", "Briefing", "check_briefing", "iter_citations"]

# Each fact sheet and what one of its records is called in messages.
KIND_NAMES = {
    "sources": "source",
    "actors": "actor",
    "places": "place",
    "events": "event",
    "claims": "claim",
    "statements": "statement",
    "waivers": "waiver",
}
# Kinds whose records are facts (waivers are notes to the coverage check, not facts).
FACT_KINDS = ("actors", "places", "events", "claims", "statements")


@dataclass
class Briefing:
    """Fact sheets that passed every check, with their source texts."""

    sheets: FactSheets
    info: BriefingInfo
    texts: dict[str, SourceText]
    reuse: Reuse

    @property
    def slug(self) -> str:
        return self.sheets.slug

    def __getattr__(self, kind: str) -> Any:
        # briefing.actors, briefing.events, ...: the records of the fact sheets.
        if kind in KIND_NAMES:
            return self.sheets.records(kind)
        raise AttributeError(kind)


def iter_citations(record: Any) -> Iterator[tuple[str, Citation]]:
    """(field path, citation) for each citation of a record, in any field."""
    for f in dataclasses.fields(record):
        value = getattr(record, f.name, None)
        if isinstance(value, Citation):
            yield f.name, value
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, Citation):
                    yield f"{f.name}[{i}]", item


def check_briefing(
    sheets: FactSheets, seeds_dir: Path, root: Path
) -> tuple[Briefing | None, list[Problem]]:
    """Run every cross-check; return the briefing (None if any error) and all problems."""
    problems: list[Problem] = []
    problems += _duplicate_ids(sheets)
    problems += _reserved_ids(sheets)
    problems += _placeholders(sheets)
    problems += _unresolved_refs(sheets)
    problems += _shared_names(sheets)
    problems += _derivation_cycles(sheets)
    problems += _implausible_dates(sheets)
    problems += _implausible_figures(sheets)
    texts, text_problems = _load_texts(sheets, seeds_dir, root)
    problems += text_problems
    problems += _unverified_quotes(sheets, texts)
    problems += _uncited_sources(sheets)
    reuse = measure_reuse(texts)
    problems += _derivation_problems(sheets, reuse)
    if has_errors(problems) or sheets.info is None:
        return None, problems
    return Briefing(sheets, sheets.info, texts, reuse), problems


def _records(sheets: FactSheets, *, partial: bool = False) -> Iterator[tuple[str, Any]]:
    for kind in KIND_NAMES:
        for record in sheets.records(kind):
            yield kind, record
        if partial:
            for record in sheets.partial.get(kind, []):
                yield kind, record


def _duplicate_ids(sheets: FactSheets) -> list[Problem]:
    problems = []
    first: dict[tuple[str, str], int] = {}
    for kind, record in sorted(_records(sheets, partial=True), key=lambda kr: kr[1].line):
        if getattr(record, "id", None) is not None:
            line = record.lines.get("id", record.line)
            if (kind, record.id) in first:
                problems.append(Problem(
                    sheets.files[kind], line, "id",
                    f"'{record.id}' is already the id of the {KIND_NAMES[kind]} on line "
                    f"{first[kind, record.id]}; give each {KIND_NAMES[kind]} its own id",
                ))
            else:
                first[kind, record.id] = line
    return problems


def _reserved_ids(sheets: FactSheets) -> list[Problem]:
    """Ids that would take an address or anchor the generated pages use themselves: the
    record's page or anchor would replace, or share, the other."""
    problems = []
    events = [*sheets.events, *sheets.partial.get("events", [])]
    event_ids = [e.id for e in events if getattr(e, "id", None)]
    for kind, record in _records(sheets, partial=True):
        record_id = getattr(record, "id", None)
        if record_id is None:
            continue
        taken = None
        if kind in ENTITY_KINDS and record_id == "index":
            taken = f"the address of the {kind} list page ({kind}/)"
        elif kind in ANCHOR_PAGES and record_id in (
            reserved := reserved_anchors(kind, event_ids)
        ):
            taken = f"the anchor of {reserved[record_id]} on {ANCHOR_PAGES[kind]}"
        if taken:
            problems.append(Problem(
                sheets.files[kind], record.lines.get("id", record.line), "id",
                f"'{record_id}' is {taken}; give this {KIND_NAMES[kind]} another id",
            ))
    return problems


# What `briefing new` writes where only the editor knows the value (see skeleton.py).
PLACEHOLDER = "TODO"


def _placeholders(sheets: FactSheets) -> list[Problem]:
    problems = []
    for kind, record in _records(sheets, partial=True):
        for path, value, line in _text_values(record):
            if value.startswith(PLACEHOLDER):
                problems.append(Problem(sheets.files[kind], line, path,
                                        f"'{value}' is a placeholder from `briefing new`; "
                                        "replace it with the real value"))
    return problems


def _text_values(record: Any, path: str = "") -> Iterator[tuple[str, str, int]]:
    for f in dataclasses.fields(record):
        if f.metadata.get("internal"):
            continue
        value = getattr(record, f.name, None)
        field_path = f"{path}.{f.name}" if path else f.name
        line = record.lines.get(f.name, record.line)
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            item_path = f"{field_path}[{i}]" if isinstance(value, list) else field_path
            if isinstance(item, str):
                yield item_path, item, record.lines.get(f"{f.name}[{i}]", line)
            elif dataclasses.is_dataclass(item):
                yield from _text_values(item, item_path)


def _unresolved_refs(sheets: FactSheets) -> list[Problem]:
    known: dict[str, set[str]] = {kind: set() for kind in KIND_NAMES}
    for kind, record in _records(sheets, partial=True):
        if getattr(record, "id", None) is not None:
            known[kind].add(record.id)
    # Kinds with a record whose id did not read: a reference may name it as it was meant.
    unread_ids = {kind for kind, record in _records(sheets, partial=True)
                  if hasattr(record, "id") and record.id is None}
    problems = []
    for kind, record in _records(sheets, partial=True):
        for path, ref, ref_kind, line in iter_refs(record):
            # A sheet that could not be read has no known ids: its own error is the cause.
            if ref in known[ref_kind] or ref.startswith(PLACEHOLDER) or (
                ref_kind in sheets.unreadable
            ):
                continue
            close = difflib.get_close_matches(ref, sorted(known[ref_kind]), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            knock_on = ref_kind in unread_ids
            if knock_on:
                hint += (f"; an id in {Path(sheets.files[ref_kind]).name} is itself invalid "
                         "(reported above): fixing it may resolve this")
            problems.append(Problem(
                sheets.files[kind], line, path,
                f"'{ref}' is not the id of any {KIND_NAMES[ref_kind]} in "
                f"{Path(sheets.files[ref_kind]).name}{hint}", stage=int(knock_on),
            ))
    return problems


def _shared_names(sheets: FactSheets) -> list[Problem]:
    """A name that stands for two actors (or two places) would make search and counts lie.
    Names are compared as readers see them: case, compatibility forms and look-alike letters
    from other scripts (Cyrillic о for Latin o) do not make two names different."""
    problems = []
    for kind in ("actors", "places"):
        owner: dict[str, tuple[str, str]] = {}
        for record in sheets.records(kind):
            for name in record.names:
                for key in {same_name_key(name), lookalike_key(name)}:
                    if key in owner and owner[key][0] != record.id:
                        other_id, other_name = owner[key]
                        alike = "" if same_name_key(other_name) == same_name_key(name) else (
                            f" (it looks the same as '{other_name}')")
                        problems.append(Problem(
                            sheets.files[kind], record.lines.get("aliases", record.line),
                            "aliases",
                            f"'{name}' is also a name of {KIND_NAMES[kind]} '{other_id}'"
                            f"{alike}; a name may belong to one only",
                        ))
                        break
                    owner.setdefault(key, (record.id, name))
    return problems


def _derivation_cycles(sheets: FactSheets) -> list[Problem]:
    """Sources that derive from each other in a circle: no lineage has an original."""
    derived = {s.id: [d for d in s.derived_from if d != s.id] for s in sheets.sources}
    by_id = {s.id: s for s in sheets.sources}
    problems = []
    done: set[str] = set()
    for start in derived:
        if start in done:
            continue
        # Depth first, without recursion: the path walked so far, each with what is left to
        # follow from it. A step back onto the path closes a circle.
        path = [start]
        todo = [iter(derived[start])]
        while todo:
            step = next(todo[-1], None)
            if step is None:
                done.add(path.pop())
                todo.pop()
            elif step in path:
                circle = [*path[path.index(step):], step]
                first = by_id[circle[0]]
                chain = " → ".join(f"'{p}'" for p in circle)
                problems.append(Problem(
                    sheets.files["sources"], first.lines.get("derived_from", first.line),
                    "derived_from",
                    f"derivation goes round in a circle: {chain} (each derives from the "
                    "next); one of them is the original: remove its derived_from entry",
                ))
            elif step in derived and step not in done:
                path.append(step)
                todo.append(iter(derived[step]))
    return problems


def _latest_publication(record: Any, published: dict[str, datetime.date]) -> datetime.date | None:
    days = [published[c.source] for _, c in iter_citations(record) if c.source in published]
    return max(days, default=None)


# Background older than this is rare in a conflict briefing; a date that old is more
# likely a typo in the year (1023 for 2023).
CENTURY = 100


def _years_before(day: datetime.date, years: int) -> datetime.date:
    return day.replace(year=max(1, day.year - years), day=min(day.day, 28))


def _implausible_dates(sheets: FactSheets) -> list[Problem]:
    """Dates no source could give: a figure as of a day before what it counts began, or a
    fact dated after every source reporting it was published, or a century before the
    briefing's period (typos in the year)."""
    published = {s.id: s.published for s in sheets.sources}
    period_start = sheets.info.period.start if sheets.info else None
    problems = []
    when: dict[str, DateRange] = {}
    for kind in ("events", "statements"):
        for record in sheets.records(kind):
            try:
                span = record.when
            except ValueError:
                continue  # the date itself is reported
            if kind == "events":
                when[record.id] = span
            if period_start is not None and span.end < _years_before(period_start, CENTURY):
                problems.append(Problem(
                    sheets.files[kind], record.lines.get("date", record.line), "date",
                    f"{span.label} is more than {CENTURY} years before the briefing's period "
                    f"(from {period_start}); check the year", "warning"))
            latest = _latest_publication(record, published)
            if latest is not None and span.start > latest:
                problems.append(Problem(
                    sheets.files[kind], record.lines.get("date", record.line), "date",
                    f"{span.label} is after every source citing it was published (the latest "
                    f"on {latest}): a source cannot report what had not happened yet; check "
                    "the date", "warning"))
    for claim in sheets.claims:
        incident = when.get(claim.incident)
        line = claim.lines.get("as_of", claim.line)
        if incident is not None and claim.as_of < incident.start:
            problems.append(Problem(
                sheets.files["claims"], line, "as_of",
                f"{claim.as_of} is before its incident '{claim.incident}' ({incident.label}): "
                "a figure cannot be given before what it counts; check as_of and the "
                "incident's date"))
        latest = _latest_publication(claim, published)
        if latest is not None and claim.as_of > latest:
            problems.append(Problem(
                sheets.files["claims"], line, "as_of",
                f"{claim.as_of} is after every source giving the figure was published (the "
                f"latest on {latest}); check the date", "warning"))
    return problems


def _implausible_figures(sheets: FactSheets) -> list[Problem]:
    """A figure no number in its quotes comes within a factor of ten of: a slip of the
    keyboard ("80" for "8"), or a figure from somewhere other than the quoted words."""
    problems = []
    for claim in sheets.claims:
        numbers = [n for c in claim.citations for n in quoted_numbers(c.quote) if n > 0]
        figures = [n for n in claim.bounds if n]
        if not numbers or not figures:
            continue
        if not any(n < 10 * f and f < 10 * n for n in numbers for f in figures):
            given = ", ".join(f"{n:,}" for n in dict.fromkeys(numbers))
            problems.append(Problem(
                sheets.files["claims"], claim.lines.get("count", claim.line), "count",
                f"{describe_count(claim)} is not within a factor of ten of any number its "
                f"quotes give ({given}); check the count against the quotes", "warning"))
    return problems


# The largest source text read (a long article is 50 KB): with a 1 MB source the shipped
# briefing checks in 1.2 s and builds in 6.8 s (README, "Inputs and their limits").
SOURCE_LIMIT = 1_000_000


def _load_texts(
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
            problems.append(Problem(here, line, "file", f"'{source.file}' is already the file "
                                    f"of source '{file_owner[source.file]}'"))
            continue
        file_owner[source.file] = source.id
        try:
            raw = _read_source(source.file, seeds_dir)
        except FileNotFoundError:
            available = sorted(p.name for p in seeds_dir.glob("*.txt")) if (
                seeds_dir.is_dir()) else []
            close = difflib.get_close_matches(source.file, available, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problems.append(Problem(here, line, "file", f"no file '{source.file}' in "
                                    f"{display_seeds}/{hint}"))
            continue
        except InputRefused as exc:
            problems.append(Problem(here, line, "file",
                                    f"{display_seeds}/{source.file} {exc}"))
            continue
        except UnicodeDecodeError as exc:
            problems.append(Problem(here, line, "file", f"'{source.file}' is not UTF-8 text "
                                    f"(byte {exc.start}); convert the file to UTF-8"))
            continue
        text = clean_source_text(raw, source.title, source.strip)
        if not text.paragraphs:
            problems.append(Problem(here, line, "file", f"{display_seeds}/{source.file} has no "
                                    "text to quote: it is empty, or its strip rules hide "
                                    "every line"))
            continue
        texts[source.id] = text
        for index, rule in enumerate(source.strip):
            if not text.rule_hits.get(index):
                problems.append(Problem(here, rule.line, f"strip[{index}]",
                                        "matches no line of the source; fix or remove the rule"))
        if text.header_date and text.header_date != source.published.isoformat():
            problems.append(Problem(
                here, source.lines.get("published", source.line), "published",
                f"{source.published} differs from the file's own date header "
                f"({text.header_date}); check which is right", "warning"))
    return texts, problems


def _read_source(name: str, seeds_dir: Path) -> str:
    """A source file's text: a regular file directly in `seeds_dir`, never a path out of it."""
    if "/" in name or "\\" in name or name in (".", ".."):
        raise InputRefused("names a path; give the name of a file directly in the folder")
    raw = read_inside(seeds_dir / name, seeds_dir, limit=SOURCE_LIMIT, what="source text")
    return raw.decode("utf-8")


def _unverified_quotes(sheets: FactSheets, texts: dict[str, SourceText]) -> list[Problem]:
    problems = []
    for kind, record in _records(sheets, partial=True):
        for path, citation in iter_citations(record):
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
                    problems.append(Problem(
                        sheets.files[kind], citation.lines.get("quote", citation.line),
                        f"{path}.quote",
                        f"found in ¶{found[0].number} of source '{citation.source}' and again "
                        f"in {others}; the first is linked: quote more words so the citation "
                        "points at one passage", "warning"))
                continue
            closest = closest_passage(citation.quote, text)
            hint = f' (closest: "{closest[0]}", ¶{closest[1].number})' if closest else ""
            problems.append(Problem(
                sheets.files[kind], citation.lines.get("quote", citation.line),
                f"{path}.quote", f"not found in source '{citation.source}'{hint}",
            ))
    return problems


def _uncited_sources(sheets: FactSheets) -> list[Problem]:
    cited = {
        c.source
        for kind, record in _records(sheets)
        if kind in FACT_KINDS
        for _, c in iter_citations(record)
    }
    return [
        Problem(sheets.files["sources"], s.line, "id",
                f"source '{s.id}' is cited by no fact; cite it or remove it", "warning")
        for s in sheets.sources
        if s.id not in cited
    ]


# Shares of narration (text outside quotation marks) in runs of N_GRAM words shared with
# another source. Unrelated reports of one event share 0–3% (names, stock phrases); MONDO's
# translation of the Guardian shares 21%.
UNDECLARED_REUSE = 15.0
DECLARED_REUSE = 5.0


def _derivation_problems(sheets: FactSheets, reuse: Reuse) -> list[Problem]:
    """Shared text that no `derived_from` explains, and declarations the texts don't bear."""
    problems = []
    here = sheets.files["sources"]
    sources = {s.id: s for s in sheets.sources}
    ids = [s for s in sources if s in reuse.words]
    for a in ids:
        for b in ids:
            if a == b:
                continue
            declared = b in sources[a].derived_from or a in sources[b].derived_from
            share = max(reuse.narration[a, b], reuse.narration[b, a])
            if b in sources[a].derived_from and share < DECLARED_REUSE:
                problems.append(Problem(
                    here, sources[a].lines.get("derived_from", sources[a].line), "derived_from",
                    f"'{a}' is declared to derive from '{b}', but they share only "
                    f"{share:.1f}% of their narration in runs of {N_GRAM} words; check the "
                    "declaration (a loose translation may share little wording)", "warning"))
            if a < b and not declared and share >= UNDECLARED_REUSE:
                problems.append(Problem(
                    here, sources[a].line, "derived_from",
                    f"'{a}' and '{b}' share {share:.1f}% of their narration in runs of "
                    f"{N_GRAM} words, but neither declares derived_from the other; add it to "
                    "the one that copies", "warning"))
    return problems
