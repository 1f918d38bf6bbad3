"""Strict YAML for hand-written fact sheets.

`yaml.safe_load` silently corrupts hand-written data: `NO` becomes False, `1.10` becomes
1.1, a later duplicate key wins, anchors and aliases expand. This loader keeps every scalar
as text (with whether it was quoted) and its line, so the schema decides what a value means
and every error can name its line. Duplicate keys, anchors, aliases, merge keys and explicit
tags are reported as problems instead of being resolved.

Nodes are built from the parser's events with an explicit stack, not by recursion, so no
nesting can exhaust Python's stack; nesting deeper than MAX_DEPTH is reported. libyaml's
parser is used when PyYAML has it (25 times faster than the pure-Python one on a 5 MB
sheet); syntax errors are put in an editor's words, at the line to look at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
)

__all__ = ["MAX_DEPTH", "Mapping", "Scalar", "Sequence", "YamlNode", "YamlProblem", "parse_yaml"]

# Fact sheets nest four levels (a list of records, a record, a list of citations, a
# citation); anything far deeper is a mistake, not data.
MAX_DEPTH = 32

_PARSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ODD_BREAK = re.compile("[\x85\u2028\u2029]")


@dataclass(frozen=True)
class Scalar:
    """A scalar exactly as written: its text, whether it was unquoted, and its line (1-based)."""

    text: str
    plain: bool
    line: int

    @property
    def is_null(self) -> bool:
        return self.plain and self.text in ("", "~", "null", "Null", "NULL")


class Mapping(dict[str, "YamlNode"]):
    """A mapping with the line it starts on and the line of each key."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[str, int] = {}


class Sequence(list["YamlNode"]):
    """A sequence with the line it starts on."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line


YamlNode = Scalar | Mapping | Sequence


@dataclass(frozen=True)
class YamlProblem:
    line: int
    message: str


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


@dataclass
class _Open:
    """A collection being read; for a mapping, the key waiting for its value."""

    node: Mapping | Sequence
    key: Scalar | None = None
    # The waiting value is read and dropped: its key was a duplicate, a merge key or a list.
    drop: bool = False


@dataclass
class _Builder:
    """Turns a stream of parser events into positioned nodes, collecting problems."""

    problems: list[YamlProblem] = field(default_factory=list)
    documents: int = 0
    root: YamlNode | None = None
    stack: list[_Open] = field(default_factory=list)  # innermost last

    def add(self, line: int, message: str) -> None:
        self.problems.append(YamlProblem(line, message))

    def feed(self, event: yaml.Event) -> None:
        line = event.start_mark.line + 1 if event.start_mark else 1
        if isinstance(event, DocumentStartEvent):
            self.documents += 1
            if self.documents == 2:
                self.add(
                    line,
                    "a second YAML document starts here ('---'); a fact sheet is "
                    "one document: remove the '---' line and merge the two",
                )
            return
        if self.documents > 1:
            return
        if isinstance(event, MappingEndEvent | SequenceEndEvent):
            self.stack.pop()
            return
        if isinstance(event, AliasEvent):
            self.add(
                line,
                f"alias '*{event.anchor}' is not allowed in fact sheets; "
                "write the value out in full",
            )
            self._place(Scalar("", True, line))
            return
        if not isinstance(event, ScalarEvent | CollectionStartEvent):
            return
        if event.anchor is not None:
            self.add(
                line,
                f"anchor '&{event.anchor}' is not allowed in fact sheets; "
                "write each value out in full",
            )
        if event.tag not in (None, "!"):
            self.add(
                line,
                f"tag '{event.tag}' is not allowed in fact sheets; "
                "remove it (quote the value if it must stay text)",
            )
        if isinstance(event, ScalarEvent):
            text = event.value
            if event.style in ("|", ">"):
                text = text.rstrip("\n")
            # libyaml marks a plain scalar with style '', the pure-Python parser with None.
            self._place(Scalar(text=text, plain=not event.style, line=line))
            return
        if len(self.stack) >= MAX_DEPTH:
            raise _TooDeep(line)
        node: Mapping | Sequence = (
            Mapping(line) if isinstance(event, MappingStartEvent) else Sequence(line)
        )
        self._place(node)
        self.stack.append(_Open(node))

    def _place(self, node: YamlNode) -> None:
        if not self.stack:
            self.root = node
            return
        top = self.stack[-1]
        if isinstance(top.node, Sequence):
            top.node.append(node)
        elif top.key is None and not top.drop:
            self._take_key(top, node)
        else:
            if not top.drop and top.key is not None:
                top.node[top.key.text] = node
                top.node.key_lines[top.key.text] = top.key.line
            top.key, top.drop = None, False

    def _take_key(self, top: _Open, key: YamlNode) -> None:
        assert isinstance(top.node, Mapping)
        if not isinstance(key, Scalar):
            self.add(key.line, "a key must be a plain name, not a list or mapping")
            top.drop = True
        elif key.text == "<<" and key.plain:
            self.add(key.line, "merge keys ('<<') are not allowed; write each field out")
            top.drop = True
        elif key.text in top.node:
            self.add(
                key.line,
                f"duplicate key '{key.text}' (first on line "
                f"{top.node.key_lines[key.text]}); remove one of them",
            )
            top.drop = True
        else:
            top.key = key


def parse_yaml(text: str) -> tuple[YamlNode | None, list[YamlProblem]]:
    """Parse one YAML document into positioned nodes.

    Returns the root node (None for an empty document or a syntax error) and every problem
    found. Problems do not stop the conversion, so an editor sees all of them at once.
    """
    builder = _Builder()
    if odd := _ODD_BREAK.search(text):
        # YAML counts these as line breaks and most editors do not: every line number after
        # one would be wrong.
        line = len(_LINE_BREAK.findall(text, 0, odd.start())) + 1
        builder.add(
            line,
            f"a U+{ord(odd.group()):04X} line separator, which YAML reads as a "
            "line break and most editors do not show; replace it with a space or a "
            "new line",
        )
        return None, builder.problems
    try:
        for event in yaml.parse(text, Loader=_PARSER):
            builder.feed(event)
    except _TooDeep as exc:
        builder.add(
            exc.line,
            f"lists or mappings nested more than {MAX_DEPTH} levels deep; "
            "a fact sheet needs at most four: check the brackets and indentation",
        )
        return None, builder.problems
    except yaml.YAMLError as exc:
        builder.add(*_syntax_problem(exc, text))
        return None, builder.problems
    return builder.root, builder.problems


def _syntax_problem(exc: yaml.YAMLError, text: str) -> tuple[int, str]:
    """The line to look at and what is wrong, in an editor's words."""
    if isinstance(exc, yaml.reader.ReaderError):
        line = len(_LINE_BREAK.findall(text, 0, max(exc.position, 0))) + 1
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character))
        return line, (
            f"a control character (U+{code:04X}) is not allowed in a fact sheet; "
            "delete it (your editor may not show it)"
        )
    assert isinstance(exc, yaml.MarkedYAMLError)
    problem = (exc.problem or "invalid YAML").strip()
    context = (exc.context or "").strip()
    at = exc.problem_mark.line + 1 if exc.problem_mark else 1
    began = exc.context_mark.line + 1 if exc.context_mark else at
    if "quoted scalar" in context and "end of stream" in problem:
        return began, (
            "a quoted value starts on this line and is never closed; add the "
            'closing quote (a quote inside the value is written \\" in double '
            "quotes, or '' in single quotes)"
        )
    if opened := _unclosed_quote(text, began, at):
        return opened, (
            "a quoted value starts on this line and is not closed on it, so YAML reads on "
            f"to line {at}, where it fails; add the closing quote (a quote inside the value "
            "is written \\\" in double quotes, or '' in single quotes)"
        )
    lines = text.splitlines()
    if "tab character" in problem or ("cannot start any token" in problem and "\\t" in problem):
        tab = next((n for n in range(began, at + 1) if "\t" in _line(lines, n)), at)
        return tab, "a tab character; YAML indents with spaces only: replace it with spaces"
    layout = ("mapping values", "expected ':'", "expected key", "expected '-'", "<block end>")
    if any(words in problem for words in layout):
        # The line the parser stopped at, or for a missing ':' the line it began on.
        line = began if "expected ':'" in problem else at
        slip = _layout_slip(_line(lines, line), problem) or _misaligned(lines, line)
        return line, slip or _layout_fallback(problem, began)
    if "cannot start any token" in problem and exc.problem_mark is not None:
        char = _line(lines, at)[exc.problem_mark.column : exc.problem_mark.column + 1]
        return at, (
            f"a value cannot start with '{char}' in YAML; put the whole value in quotes "
            "(single quotes, with any ' inside written '')"
        )
    if "unknown escape character" in problem:
        return at, (
            "a backslash that starts no escape in double quotes; write \\\\ for a "
            "backslash, or use single quotes"
        )
    where = f" ({context}, which starts on line {began})" if context else ""
    return at, f"YAML syntax error: {problem}{where}"


# A field or list entry whose value opens with a quote: `title: "...` or `- '...`.
_OPENS_QUOTE = re.compile(r"^\s*(?:-\s+)?(?:[^\s:#][^:#]*:\s+)?([\"'])(.*)$")


def _unclosed_quote(text: str, first: int, failed: int) -> int | None:
    """The line from `first` up to `failed` whose quoted value is not closed on it: a
    quoted value may run over lines, so the parser fails only where the next quote ends it."""
    lines = text.splitlines()
    for number in range(min(failed, len(lines)) - 1, max(first, 1) - 1, -1):
        found = _OPENS_QUOTE.match(lines[number - 1])
        if found is None:
            continue
        quote, rest = found.groups()
        closing = r'(?<!\\)"' if quote == '"' else r"'(?!')"
        rest = rest.replace("''", "") if quote == "'" else rest.replace("\\\\", "")
        if not re.search(closing, rest):
            return number
        return None  # the nearest quoted value before the failure is closed
    return None


# A line's layout: the spaces before it, its '- ' entry marks, and what follows.
_LAYOUT = re.compile(r"^( *)((?:-[ ]+)*)(.*)$")
# What follows is a field: a name, a colon, then a space or nothing.
_FIELD = re.compile(r"^([A-Za-z_][\w-]*) *:(?: +(.*))?$")


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _misaligned(lines: list[str], failed: int) -> str | None:
    """Line `failed` against the indentation still open above it (fields', entries' '- ')."""
    open_: list[tuple[int, int, str]] = []  # (column, line, field name or '-')
    opener = False  # the line above ends a field with no value: a deeper block may start
    text_above: tuple[int, int] | None = None  # (column, line) of a line of text above
    for number in range(1, failed + 1):
        spaces, dashes, rest = _LAYOUT.findall(_line(lines, number))[0]
        if not rest.strip() or (rest.lstrip().startswith("#") and not dashes):
            continue
        marks = [len(spaces) + i for i, c in enumerate(dashes) if c == "-"]
        column = len(spaces) + len(dashes)
        field = _FIELD.match(rest)
        if number == failed:
            mine = marks[0] if marks else column
            if field is None and not marks:  # text going on from the line above
                if text_above is None or text_above[0] == mine:
                    return None
                return (
                    f"this line starts in column {mine + 1} but the text it continues (line "
                    f"{text_above[1]}) in column {text_above[0] + 1}: the lines of one value "
                    "must line up"
                )
            alike = [o for o in open_ if (o[2] == "-") == bool(marks)]
            if not alike or any(o[0] == mine for o in alike) or (opener and mine > open_[-1][0]):
                return None
            col, line, name = min(reversed(alike), key=lambda o: abs(o[0] - mine))
            if name == "-":
                named = [
                    f" (or, if this is a field like '{o[2]}', remove the '- ')"
                    for o in open_
                    if o[0] == mine
                ]
                return (
                    f"this entry's '- ' is in column {mine + 1}, but the entries of its list "
                    f"(line {line}) in column {col + 1}: the '- ' of one list must line up"
                    + "".join(named[:1])
                )
            return (
                f"this line starts in column {mine + 1} but the field '{name}' on line {line} "
                f"in column {col + 1}: the fields of one record must line up (indent with "
                "spaces only)"
            )
        text_above = (column, number) if field is None and not marks else None
        while open_ and open_[-1][0] >= (marks[0] if marks else column):
            open_.pop()
        open_ += [(m, number, "-") for m in marks]
        if field is not None:
            open_.append((column, number, field.group(1).strip()))
        opener = field is not None and not (field.group(2) or "").strip()
    return None


def _layout_slip(line: str, problem: str) -> str | None:
    """What is wrong on the line the parser stopped at, from its text alone."""
    rest = line.strip()
    field = _FIELD.match(rest.lstrip("- "))
    value = (field.group(2) or "") if field else ""
    if "mapping values" in problem and ": " in value:
        return (
            f"the value of '{field.group(1) if field else ''}' holds ': ', which YAML "
            "reads as a new field; put the whole value in quotes"
        )
    if value[:1] in "'\"" and value.rstrip()[-1:] != value[:1]:
        return (
            "text follows the closing quote of this value; put the whole value in quotes "
            "(a quote inside is written '' in single quotes)"
        )
    if rest.startswith("-") and not rest.startswith("- ") and "expected '-'" in problem:
        return f"an entry starts with '- ' (a dash and a space): write '- {rest[1:]}'"
    if field is None and "expected ':'" in problem and re.match(r"[^\s:]+:\S", rest):
        return "this line is not 'field: value': put a space after the ':'"
    return None


def _layout_fallback(problem: str, began: int) -> str:
    """What is wrong when neither the line's text nor its indentation tells."""
    if "expected ':'" in problem:
        return (
            "this line is not 'field: value' (add a ':' and a space after the field's "
            "name); if it continues the text above, put that text in quotes"
        )
    if "expected '-'" in problem:
        return (
            f"this line does not continue the list that starts on line {began}: "
            "indent it under its entry, or start a new entry with '- '"
        )
    return (
        "this line does not fit the lines around it: check its indentation (spaces only), "
        "and put a value that contains ': ' or starts with a quote in quotes"
    )
