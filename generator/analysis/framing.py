"""Framing: the words each source attaches to an actor's name, outside quotations, with the
sentence they are in.

Framing must be precise or say nothing: a wrong description on the comparison page puts
words in a source's mouth. Only three shapes count, each a noun phrase with no verb in it:

- a title before the name, made of role words, hyphenated modifiers and capitalised words
  ("Kremlin spokesperson Dmitry Peskov", "the state-run RIA Novosti");
- an appositive after it, closed by a clause mark ("Ivan Petrov, the regional governor,
  said", "said Viacheslav Gladkov, the governor of Belgorod.");
- an appositive before it ("The Belgorod governor, Vyacheslav Gladkov, said");
- a relative clause that says what the actor is, "which is" or "which are" then an
  adjective or participle, closed by a clause mark ("the Corps, which is led by a prominent
  nationalist, said"; "the Legion, which is made up of officers who have defected").

An appositive's noun may be followed by a present participle that qualifies it ("the
Legion, a group of Russian volunteers fighting against Moscow with the Ukrainian army").
Other relative clauses ("who has led ...", "which describes itself as ...", "which is a
name many share"), participles right after the name ("led by ..."), anything that runs on
into a verb, lists and introductory phrases ("In Dravenia, the government ...") give no
description. A word list cannot tell every verb from a noun, so the rules lean on what a
description is made of (role words, hyphenated modifiers) rather than on spotting verbs.

Measured on the shipped Belgorod briefing (`briefing_descriptions`, each read and judged:
the words describe that actor, in the source's own voice, complete): before these rules 25
descriptions, 22 correct (three were the legion's self-description or a clause clipped
mid-phrase); with them 19 descriptions, 19 correct, but three descriptions an editor
found by reading were missed (two "which is" clauses and an appositive with a participle,
audit of 2026-12-07); with the last two shapes, 23 descriptions, 23 correct. Tests:
tests/test_framing.py.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..checks.briefing import Briefing
from ..sources.text import SourceText, sentence_spans
from ..text import name_pattern, normalise

__all__ = ["Description", "briefing_descriptions", "describe_actors"]


@dataclass(frozen=True)
class Description:
    """Words one source attaches to an actor, and the sentence they are in."""

    source: str
    paragraph: int
    name: str  # the name as written
    words: str
    sentence: str


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words: never the head of a description, and (but for a phrase's own
# determiner and the prepositions inside an appositive) never a part of a title.
_FUNCTION = _words(
    """
    a an the this that these those another its their his her our your my some any each
    every no all both either neither and or but nor of to in on at by for from with as
    into onto over under about against between among after before during since until
    while when where which who whom whose what if than then so such not also only even
    just very via per within inside outside across along near around through throughout
    toward towards beyond behind upon without like unlike despite according he she it
    they we you i one there here
    """
)
# Verbs: auxiliaries, reporting verbs and the verbs conflict reporting is made of. A word
# here ends a title and rules out an appositive.
_VERBS = _words(
    """
    is are was were be been being am has have had do does did will would can could may
    might must shall should said says say told tells tell added adds claimed claims
    claim wrote writes write reported reports announced announces stated states
    confirmed confirms denied denies deny accused accuses accuse expel expels expelled
    attack attacks attacked shell shells shelled strike strikes struck kill kills killed
    seize seizes seized capture captures captured want wants wanted seek seeks sought
    call calls called lead leads led warn warns warned vow vows vowed urge urges urged
    blame blames blamed insist insists insisted threaten threatens threatened demand
    demands demanded reject rejects rejected oppose opposes opposed fight fights fought
    enter enters entered cross crosses crossed take takes took make makes made give
    gives gave go goes went come comes came see sees saw know knows knew think thinks
    thought believe believes believed remain remains remained become becomes became
    continue continues continued begin begins began hit hits bomb bombs bombed shoot
    shoots shot invade invades invaded occupy occupies occupied withdraw withdraws
    withdrew respond responds responded arrest arrests arrested detain detains detained
    release releases released describes described says get gets got hold holds held
    """
)
# Lowercase words a title before a name is made of ("Kremlin spokesperson", "militia
# leader"). Anything else ends the title: "the government expel Dravenia" has none.
_ROLES = _words(
    """
    spokesperson spokesman spokeswoman governor leader minister president premier
    commander chief adviser advisor analyst mayor general official officer head deputy
    envoy ambassador diplomat militia army military police intelligence security defence
    defense foreign interior prime regional former senior top acting nationalist
    journalist reporter correspondent author blogger activist lawmaker politician
    soldier fighter colonel captain lieutenant sergeant rebel separatist militant
    paramilitary agency news ministry government opposition volunteer veteran founder
    co-founder secretary director coordinator negotiator prosecutor judge governor-
    general
    """
)
# Capitalised words that open a sentence without being part of a title.
_SENTENCE_WORDS = _words(
    """
    yesterday today tonight tomorrow meanwhile later earlier however now then also
    separately instead still once already overnight elsewhere moreover furthermore
    finally first last monday tuesday wednesday thursday friday saturday sunday
    """
)
# Words that open an introductory phrase: a name in one ends it, and what follows its
# comma is the main clause ("In Dravenia, the government said"), not an appositive.
_INTRO = _words(
    """
    in on at after before from for near across outside inside despite since during with
    without like unlike beyond along around through over under by when while if as
    although though because according
    """
)
# Nouns that look like participles; other words ending in -ing/-ed are taken as verbs.
_NOT_PARTICIPLES = _words(
    """
    morning evening building meeting briefing uprising shelling bombing spring string
    ceiling wedding funding training offering hundred kindred
    """
)
# Words an appositive cannot end with: it must end at a noun.
_NOT_HEADS = _FUNCTION | _VERBS | _words("same other former latter own next previous")

_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_POSSESSIVE = re.compile(r"[A-Za-z][\w-]*'s?")
_MAX_TITLE = 6
_MAX_APPOSITIVE = 12
# An appositive runs from its determiner to a clause mark (or the sentence's end).
_AFTER = re.compile(r",\s+((?:an?|the)\s[^,.;:!?\"()]+?)(?:\s+-\s|(?=[,.;:!?)])|$)")
_REPORTING = re.compile(r"\s(?:said|says|told|tells|added|adds|wrote|writes)\b.*$")
# A relative clause after the name that says what the actor is: "which is" or "which are",
# up to a clause mark (or the sentence's end).
_RELATIVE = re.compile(r",\s+(which\s+(?:is|are)\s[^,.;:!?\"()]+?)(?=[,.;:!?)]|$)")
_MAX_RELATIVE = 16
_AUXILIARIES = _words(
    "is are was were be been being am has have had do does did will would can could may might"
    " must shall should"
)
# Verbs that make a relative clause someone's report or self-description rather than the
# source's own description ("which is said to be", "which is claimed by").
_REPORTED = _words("said says told claimed claims described describes called calls reported")
_BEFORE = re.compile(r"(?:^|[,;:(]\s*|\"\s*)((?:[Aa]n?|[Tt]he|[Aa]nother)\s[^,.;:\"()]+),\s*$")


def _participle(word: str, index: int, words: list[str]) -> bool:
    """Whether `word` reads as a verb form: -ing or -ed, unless it is a known noun or
    hyphenated, or stands as an adjective right after the determiner ("an armed group",
    "the ruling party")."""
    lower = word.casefold()
    if "-" in lower or lower in _NOT_PARTICIPLES:
        return False
    if not (
        (lower.endswith("ing") and len(lower) > 5) or (lower.endswith("ed") and len(lower) > 4)
    ):
        return False
    return not (index == 1 or (index == 2 and words[1].casefold().endswith("ly")))


def _noun_phrase(phrase: str, longest: int) -> str | None:
    """The phrase if it is a determiner and a noun phrase with no verb, of 2 to `longest`
    words, ending at a noun; otherwise None. A noun phrase may go on with one present
    participle that qualifies its noun ("a group of volunteers fighting against Moscow")."""
    words = phrase.split()
    if not 2 <= len(words) <= longest or not all(
        _WORD.fullmatch(w) or _POSSESSIVE.fullmatch(w) for w in words
    ):
        return None
    qualified = False
    for index, word in enumerate(words):
        lower = word.casefold()
        if index and (lower in _VERBS or lower in {"and", "or", "but", "who", "which", "that"}):
            return None
        if _participle(word, index, words):
            if qualified or not _qualifies(words, index):
                return None
            qualified = True
    if not _ends_at_noun(words[-1]):
        return None
    return " ".join(words)


def _ends_at_noun(word: str) -> bool:
    """Whether a phrase may end at this word: not a function word, verb, adverb or a bare
    possessive."""
    lower = word.casefold()
    if lower in _NOT_HEADS or lower.endswith("ly") or len(word) < 2:
        return False
    return not (_POSSESSIVE.fullmatch(word) and not _WORD.fullmatch(word))


def _qualifies(words: list[str], index: int) -> bool:
    """Whether the participle at `index` qualifies a complete noun phrase before it ("a
    group of volunteers fighting"): a present participle (a past one reads as a verb, "a
    colonel turned farmer"), right after a determiner and a noun."""
    return (
        words[index].casefold().endswith("ing") and index >= 2 and _ends_at_noun(words[index - 1])
    )


def _title(before: str, after: str) -> str | None:
    """The title right before a name ("Moscow-born far-right militia leader"), or None."""
    if not before.endswith(" "):
        return None
    tokens = before.split()
    run: list[str] = []
    for position in range(len(tokens) - 1, -1, -1):
        token = tokens[position]
        lower = token.casefold()
        if len(run) == _MAX_TITLE or not _WORD.fullmatch(token) or lower in _FUNCTION:
            break
        if lower in _VERBS or _participle(token, 0, [token]):
            break
        if token[0].islower() and lower not in _ROLES and "-" not in token:
            break
        if position == 0 and lower in _SENTENCE_WORDS:
            break
        run.insert(0, token)
    # Capitalised words alone are other names or a sentence start, not a description.
    if not any(w.casefold() in _ROLES or ("-" in w and w[0].islower()) for w in run):
        return None
    # "the militia Dravenia supports": after a determiner, a role word right before the name
    # may be what the name's own clause is about. It is a title only when the name ends a
    # clause or a verb of ours follows ("the regional governor Ivan Petrov said").
    stopper = tokens[-len(run) - 1].casefold() if len(tokens) > len(run) else ""
    following = (after.split() or [""])[0]
    runs_on = following[:1].isalnum() and following.casefold() not in _VERBS
    if stopper in _FUNCTION and "-" not in run[-1] and runs_on:
        return None
    return " ".join(run)


def _in_introduction(before: str) -> bool:
    """Whether the name ends an introductory phrase: the clause it is in opens with a
    preposition or a subordinator ("In Dravenia", "according to Petrov")."""
    clause = re.split(r"[,;:(]", before)[-1].split()
    return bool(clause) and clause[0].casefold() in _INTRO


def _appositive(before: str, after: str, names: re.Pattern[str]) -> str | None:
    """An appositive after the name, closed by a clause mark: "Ivan Petrov, the regional
    governor, said"."""
    match = _AFTER.match(after)
    if not match or _in_introduction(before):
        return None
    phrase = match.group(1)
    # After a quotation, "Name, a spokesperson for X told the media": the reporting verb
    # closes the appositive even without a comma.
    if before.rstrip().endswith('"'):
        phrase = _REPORTING.sub("", phrase)
    words = _noun_phrase(phrase, _MAX_APPOSITIVE)
    if words is None:
        return None
    rest = words.split(" ", 1)[1]
    # "X, the Y" where Y is another name is a list, not a description.
    if names.match(rest) or (rest[:1].isupper() and words.startswith("the ")):
        return None
    # A comma then another determiner, or "the ..." then "and": a list ("Dravenia, the
    # police, the army and ..."), not an appositive. "X, a ... group, and Y" is one.
    closing = after[match.end(1) :].lstrip()
    following = closing[1:].split()[:1] if closing.startswith(",") else []
    ends_list = {"a", "an", "the"} | ({"and", "or"} if words.startswith("the ") else set())
    if following and following[0].casefold() in ends_list:
        return None
    return words


def _before_appositive(before: str, after: str) -> str | None:
    """An appositive before the name, which a comma closes: "The Belgorod governor,
    Vyacheslav Gladkov, said"."""
    following = after.split()
    if not after.startswith(",") or len(following) < 2:
        return None
    # What follows must continue the sentence ("said", "which"), not a list.
    if not following[1][0].islower() or following[1].casefold() in {"and", "or"}:
        return None
    match = _BEFORE.search(before.removesuffix("the ").removesuffix("The "))
    if not match:
        return None
    phrase = match.group(1).split()
    # Only a short noun phrase with no preposition or second determiner in it.
    if any(w.casefold() in _FUNCTION for w in phrase[1:]):
        return None
    return _noun_phrase(" ".join(phrase), 5)


def _relative(before: str, after: str) -> str | None:
    """A relative clause after the name that says what it is, closed by a clause mark:
    "the Corps, which is led by a prominent nationalist, said". The predicate must be an
    adjective or a participle: after "which is a ..." the noun may describe the name
    itself ("Ivan Petrov, which is a name many share")."""
    match = _RELATIVE.match(after)
    if not match or _in_introduction(before):
        return None
    words = match.group(1).split()
    if len(words) > _MAX_RELATIVE or not all(
        _WORD.fullmatch(w) or _POSSESSIVE.fullmatch(w) for w in words
    ):
        return None
    predicate = words[2].casefold()
    if predicate in _FUNCTION or predicate in _AUXILIARIES or predicate.endswith("ing"):
        return None
    if any(w.casefold() in _REPORTED for w in words[2:]) or not _ends_at_noun(words[-1]):
        return None
    return " ".join(words)


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
            for start, end in sentence_spans(paragraph, normalised):
                sentence = normalised[start:end].strip()
                for match in pattern.finditer(sentence):
                    # The actor's own words, or another's, are not the source describing it.
                    if sentence.count('"', 0, match.start()) % 2 == 1:
                        continue
                    before, after = sentence[: match.start()], sentence[match.end() :]
                    for words in (
                        _title(before, after),
                        _appositive(before, after, pattern),
                        _before_appositive(before, after),
                        _relative(before, after),
                    ):
                        if words:
                            actor = names[match.group(0)]
                            found[actor][source_id].append(
                                Description(
                                    source_id, paragraph.number, match.group(0), words, sentence
                                )
                            )
    return found


def briefing_descriptions(briefing: Briefing) -> list[tuple[str, Description]]:
    """Every description framing finds in a briefing, as (actor id, description), in the
    order of the actors and then the sources: what the comparison page's framing tables
    show, listed for judging by hand (precision is measured on this list)."""
    found = describe_actors(
        briefing.texts, {normalise(n): a.id for a in briefing.actors for n in a.names}
    )
    return [
        (actor.id, description)
        for actor in briefing.actors
        for descriptions in found.get(actor.id, {}).values()
        for description in descriptions
    ]
