"""A YAML syntax error in an editor's words, at the line to look at: an unclosed quote where
it opens, a slipped indentation with the column it should have, a tab, a ': ' inside a value.

The parser's own wording is only a hint here: which words it uses differs between libyaml
and PyYAML's Python parser (the one whose errors `yaml_nodes` reports), so each rule reads the
text of the lines as well.
"""

from __future__ import annotations

import re

import yaml

__all__ = ["syntax_problem"]

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def syntax_problem(exc: yaml.YAMLError, text: str) -> tuple[int, str]:
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
    # libyaml says "expected '-'", PyYAML's Python parser "expected <block end>".
    if re.match(r"-[^\s-]", rest) and ("expected '-'" in problem or "<block end>" in problem):
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
