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
    if "tab character" in problem or ("cannot start any token" in problem and "\\t" in problem):
        return at, "a tab character; YAML indents with spaces only: replace it with spaces"
    if "mapping values are not allowed" in problem:
        return at, (
            "a ':' where no field can start: check this line's indentation, and put "
            "a value that contains ': ' in quotes"
        )
    if "could not find expected ':'" in problem:
        return began, (
            "a line in a mapping without 'field: value': check the indentation "
            f"between lines {began} and {at}, or put a value that spans lines in "
            "quotes"
        )
    if "did not find expected key" in problem or "expected <block end>" in problem:
        return at, (
            f"this line's indentation does not fit the block that starts on line "
            f"{began}: line it up with the fields above it (spaces only)"
        )
    if "did not find expected '-' indicator" in problem:
        return at, (
            f"this line does not continue the list that starts on line {began}: "
            "indent it under its entry, or start a new entry with '- '"
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
