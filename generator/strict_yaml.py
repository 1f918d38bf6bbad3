"""Strict YAML for hand-written fact sheets.

`yaml.safe_load` silently corrupts hand-written data: `NO` becomes False, `1.10` becomes
1.1, a later duplicate key wins, anchors and aliases expand. This loader keeps every scalar
as text (with whether it was quoted) and its line, so the schema decides what a value means
and every error can name its line. Duplicate keys, anchors, aliases, merge keys and explicit
tags are reported as problems instead of being resolved.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

__all__ = ["Mapping", "Scalar", "Sequence", "YamlNode", "YamlProblem", "parse_yaml"]


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


@dataclass
class _Collector:
    problems: list[YamlProblem] = field(default_factory=list)

    def add(self, line: int, message: str) -> None:
        self.problems.append(YamlProblem(line, message))


class _NoAliasComposer(yaml.SafeLoader):
    """A composer that reports anchors, aliases and explicit tags instead of resolving them."""

    def __init__(self, stream: str, collector: _Collector) -> None:
        super().__init__(stream)
        self._collector = collector

    def compose_node(self, parent: Node | None, index: object) -> Node | None:
        event = self.peek_event()
        line = event.start_mark.line + 1
        if isinstance(event, AliasEvent):
            self.get_event()
            self._collector.add(
                line,
                f"alias '*{event.anchor}' is not allowed in fact sheets; "
                "write the value out in full",
            )
            return ScalarNode("tag:yaml.org,2002:null", "", event.start_mark, event.end_mark)
        if isinstance(event, ScalarEvent | CollectionStartEvent):
            if event.anchor is not None:
                self._collector.add(
                    line,
                    f"anchor '&{event.anchor}' is not allowed in fact sheets; "
                    "write each value out in full",
                )
                event.anchor = None
            if event.tag not in (None, "!"):
                self._collector.add(
                    line,
                    f"tag '{event.tag}' is not allowed in fact sheets; "
                    "remove it (quote the value if it must stay text)",
                )
        return super().compose_node(parent, index)


def _convert(node: Node, collector: _Collector) -> YamlNode:
    line = node.start_mark.line + 1
    if isinstance(node, ScalarNode):
        text = node.value
        if node.style in ("|", ">"):
            text = text.rstrip("\n")
        return Scalar(text=text, plain=node.style is None, line=line)
    if isinstance(node, SequenceNode):
        seq = Sequence(line)
        seq.extend(_convert(item, collector) for item in node.value)
        return seq
    assert isinstance(node, MappingNode)
    mapping = Mapping(line)
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if not isinstance(key_node, ScalarNode):
            collector.add(key_line, "a key must be a plain name, not a list or mapping")
            continue
        key = key_node.value
        if key == "<<" and key_node.style is None:
            collector.add(key_line, "merge keys ('<<') are not allowed; write each field out")
            continue
        if key in mapping:
            collector.add(
                key_line,
                f"duplicate key '{key}' (first on line {mapping.key_lines[key]}); "
                "remove one of them",
            )
            continue
        mapping[key] = _convert(value_node, collector)
        mapping.key_lines[key] = key_line
    return mapping


def parse_yaml(text: str) -> tuple[YamlNode | None, list[YamlProblem]]:
    """Parse one YAML document into positioned nodes.

    Returns the root node (None for an empty document or a syntax error) and every problem
    found. Problems do not stop the conversion, so an editor sees all of them at once.
    """
    collector = _Collector()
    loader = _NoAliasComposer(text, collector)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        reason = exc.problem or exc.context or "invalid YAML"
        collector.add(line, f"YAML syntax error: {reason}")
        return None, collector.problems
    finally:
        loader.dispose()
    if root is None:
        return None, collector.problems
    return _convert(root, collector), collector.problems
