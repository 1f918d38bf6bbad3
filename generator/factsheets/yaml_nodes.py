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

from .yaml_errors import syntax_problem

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
    if odd := _ODD_BREAK.search(text):
        # YAML counts these as line breaks and most editors do not: every line number after
        # one would be wrong.
        line = len(_LINE_BREAK.findall(text, 0, odd.start())) + 1
        return None, [
            YamlProblem(
                line,
                f"a U+{ord(odd.group()):04X} line separator, which YAML reads as a "
                "line break and most editors do not show; replace it with a space or a "
                "new line",
            )
        ]
    root, problems, failed = _parse_with(text, _PARSER)
    if failed and _PARSER is not yaml.SafeLoader:
        # libyaml's limits and wording change between releases (PyYAML 6.0.4's libyaml stops
        # at a nesting depth of its own, before ours is reached, in words of its own): a
        # sheet libyaml refuses is read again by PyYAML's Python parser, which has no such
        # limit and whose errors are the ones put in an editor's words below. This costs
        # time only for a sheet that does not parse.
        root, problems, _ = _parse_with(text, yaml.SafeLoader)
    return root, problems


def _parse_with(
    text: str, parser: type[yaml.SafeLoader] | type[yaml.CSafeLoader]
) -> tuple[YamlNode | None, list[YamlProblem], bool]:
    """The nodes and problems, and whether the parser itself failed (a syntax error)."""
    builder = _Builder()
    try:
        for event in yaml.parse(text, Loader=parser):
            builder.feed(event)
    except _TooDeep as exc:
        builder.add(
            exc.line,
            f"lists or mappings nested more than {MAX_DEPTH} levels deep; "
            "a fact sheet needs at most four: check the brackets and indentation",
        )
        return None, builder.problems, False
    except yaml.YAMLError as exc:
        builder.add(*syntax_problem(exc, text))
        return None, builder.problems, True
    return builder.root, builder.problems, False
