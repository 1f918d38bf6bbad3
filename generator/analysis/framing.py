"""Framing: the words each source attaches to an actor's name, outside quotations
(modifiers before it, appositions after it), with the sentence they are in."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..sources.text import SourceText
from ..text import name_pattern, split_sentences

__all__ = ["Description", "describe_actors"]


@dataclass(frozen=True)
class Description:
    """Words one source attaches to an actor, and the sentence they are in."""

    source: str
    paragraph: int
    name: str  # the name as written
    words: str
    sentence: str


# Words that end a run of modifiers before a name: function words, and the verbs that report
# speech ("said Viacheslav Gladkov" is not a description of him).
_NOT_MODIFIERS_TEXT = """a an the this that these those another its their his her our your my
    and or but nor of to in on at by for from with as into onto over under about against
    between among after before during since until while when where which who whom whose
    is are was were be been being has have had do does did will would can could may might
    must shall should not also both either neither only even just than then so such
    said says say told tells tell added adds according claimed claims claim wrote writes
    reported reports announced announces stated states confirmed confirms denied denies
    led including include includes like unlike via per within inside outside across along
    near around through throughout toward towards beyond behind upon without"""
_NOT_MODIFIERS = set(_NOT_MODIFIERS_TEXT.split())
# A run of modifiers counts only after one of these (or a clause mark, or the sentence start):
# "a very busy Gladkov", but not "accused Ukraine" or "to topple Putin".
_DETERMINERS = {"a", "an", "the", "another", "this", "that", "its", "their", "his", "her"}
# Reporting verbs end an appositive that runs on without a comma ("..., a spokesperson for
# the intelligence service told the media").
_REPORTING = re.compile(r"\s(?:said|says|told|tells)\b.*$")
_MODIFIER = re.compile(r"[A-Za-z][\w-]*")
_MAX_MODIFIERS = 6
_MAX_WORDS = 14
# An appositive after the name ("Denis Nikitin, a well-known ... extremist") runs to the next
# clause mark; one before it ("Another anti-Kremlin militia, the Russian Volunteer Corps,")
# must close with a comma after the name, or it would take in any clause before a comma.
_AFTER = re.compile(
    r"^,\s+((?:an?|the|which|who|whose|led by|known as|described as)\s"
    r'[^,.;:"()]+)'
)
_BEFORE = re.compile(
    r'(?:^|[,;:(]\s*|"\s*)((?:[Aa]n?|[Tt]he|[Aa]nother)\s[^,.;:"()]+),\s*'
    r"(?:the\s+)?$"
)


def _clip(words: str) -> str:
    parts = words.split()
    return " ".join(parts[:_MAX_WORDS]) + (" …" if len(parts) > _MAX_WORDS else "")


def _modifiers(before: str) -> str | None:
    """The run of descriptive words right before a name ("Moscow-born far-right militia
    leader"), or None."""
    if not before.endswith(" "):
        return None
    tokens = before.split()
    run: list[str] = []
    for token in reversed(tokens):
        if (
            not _MODIFIER.fullmatch(token)
            or token.casefold() in _NOT_MODIFIERS
            or len(run) == _MAX_MODIFIERS
        ):
            break
        run.insert(0, token)
    stopper = tokens[-len(run) - 1] if len(tokens) > len(run) else ""
    introduced = not stopper or stopper.casefold() in _DETERMINERS or not stopper[-1].isalnum()
    # Capitalised words alone are other names or a sentence start, not a description.
    if not introduced or not any(w[0].islower() or "-" in w for w in run):
        return None
    return " ".join(run)


def _appositive(after: str, names: re.Pattern[str]) -> str | None:
    match = _AFTER.match(after)
    if not match:
        return None
    words = _REPORTING.sub("", match.group(1)).strip()
    if len(words.split()) < 2:
        return None
    rest = re.sub(r"^(?:an?|the)\s+", "", words)
    # "X, the Y" where Y is another name is a list, not a description.
    if names.match(rest) or (rest[:1].isupper() and words.split()[0] == "the"):
        return None
    return _clip(words)


def describe_actors(
    texts: dict[str, SourceText], names: dict[str, str]
) -> dict[str, dict[str, list[Description]]]:
    """{actor id: {source id: descriptions}} from every name occurrence outside quotation
    marks. `names` maps each name and alias (as normalised text) to its actor id."""
    pattern = name_pattern(names)
    if pattern is None:
        return {}
    found: dict[str, dict[str, list[Description]]] = defaultdict(lambda: defaultdict(list))
    for source_id, text in texts.items():
        for paragraph, normalised in zip(text.paragraphs, text.normalised, strict=True):
            for start, end in split_sentences(normalised):
                sentence = normalised[start:end].strip()
                for match in pattern.finditer(sentence):
                    # The actor's own words, or another's, are not the source describing it.
                    if sentence.count('"', 0, match.start()) % 2 == 1:
                        continue
                    before, after = sentence[: match.start()], sentence[match.end() :]
                    for words in (
                        _modifiers(before),
                        _appositive(after, pattern),
                        _before_appositive(before, after),
                    ):
                        if words:
                            actor = names[match.group(0)]
                            found[actor][source_id].append(
                                Description(
                                    source_id, paragraph.number, match.group(0), words, sentence
                                )
                            )
    return found


def _before_appositive(before: str, after: str) -> str | None:
    if not after.startswith(","):
        return None
    match = _BEFORE.search(before)
    if not match or len(match.group(1).split()) > 6:
        return None
    return match.group(1).strip()
