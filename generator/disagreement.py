"""Where sources differ in wording: statements word by word, and how they describe actors.
(Names a source uses that the fact sheets don't list are found with coverage: see
`coverage.name_variants`.)

All of it is computed from the texts and the fact sheets at build time; nothing here renders.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from .sources.text import SourceText
from .text import name_pattern, normalise, split_sentences

__all__ = [
    "Description",
    "WordChange",
    "closest_rendering",
    "describe_actors",
    "word_diff",
]


@dataclass(frozen=True)
class WordChange:
    """A word of a rendering compared with another: the same, added, or dropped from it."""

    text: str
    # "outside": base words before or after all that this rendering quotes (a source that
    # quotes part of a statement has not dropped the rest).
    change: Literal["same", "added", "dropped", "outside"]


def _word_key(word: str) -> str:
    # Curly or straight quotes, case and trailing punctuation are not differences of wording.
    return re.sub(r"[^\w]", "", normalise(word).casefold())


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(
        None, [_word_key(w) for w in a.split()], [_word_key(w) for w in b.split()],
        autojunk=False,
    ).ratio()


def closest_rendering(renderings: list[str]) -> int:
    """The index of the rendering closest to all the others: the base to compare with."""
    def total(i: int) -> float:
        return sum(_similarity(renderings[i], r) for j, r in enumerate(renderings) if j != i)
    return max(range(len(renderings)), key=lambda i: (total(i), -i))


def word_diff(base: str, other: str) -> tuple[list[WordChange], float]:
    """`other` word by word against `base`, and the share of its words found in the base."""
    a, b = base.split(), other.split()
    matcher = difflib.SequenceMatcher(
        None, [_word_key(w) for w in a], [_word_key(w) for w in b], autojunk=False
    )
    changes: list[WordChange] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            changes += [WordChange(w, "same") for w in b[j1:j2]]
            continue
        changes += [WordChange(w, "dropped") for w in a[i1:i2]]
        changes += [WordChange(w, "added") for w in b[j1:j2]]
    _mark_outside(changes)
    same = sum(c.change == "same" for c in changes)
    return changes, same / len(b) if b else 0.0


def _mark_outside(changes: list[WordChange]) -> None:
    """Dropped words before the first or after the last word in common are outside the
    part this rendering quotes."""
    common = [i for i, c in enumerate(changes) if c.change == "same"]
    if not common:
        return
    for i, c in enumerate(changes):
        if c.change == "dropped" and (i < common[0] or i > common[-1]):
            changes[i] = WordChange(c.text, "outside")


# ---------------------------------------------------------------------------------------
# Framing: the words a source attaches to an actor.

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
_AFTER = re.compile(r'^,\s+((?:an?|the|which|who|whose|led by|known as|described as)\s'
                    r'[^,.;:"()]+)')
_BEFORE = re.compile(r'(?:^|[,;:(]\s*|"\s*)((?:[Aa]n?|[Tt]he|[Aa]nother)\s[^,.;:"()]+),\s*'
                     r'(?:the\s+)?$')


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
        if (not _MODIFIER.fullmatch(token) or token.casefold() in _NOT_MODIFIERS
                or len(run) == _MAX_MODIFIERS):
            break
        run.insert(0, token)
    stopper = tokens[-len(run) - 1] if len(tokens) > len(run) else ""
    introduced = (not stopper or stopper.casefold() in _DETERMINERS
                  or not stopper[-1].isalnum())
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
                    before, after = sentence[:match.start()], sentence[match.end():]
                    for words in (_modifiers(before), _appositive(after, pattern),
                                  _before_appositive(before, after)):
                        if words:
                            actor = names[match.group(0)]
                            found[actor][source_id].append(Description(
                                source_id, paragraph.number, match.group(0), words, sentence))
    return found


def _before_appositive(before: str, after: str) -> str | None:
    if not after.startswith(","):
        return None
    match = _BEFORE.search(before)
    if not match or len(match.group(1).split()) > 6:
        return None
    return match.group(1).strip()
