"""Framing is precise or says nothing: what it finds in the shipped briefing, each judged by
reading, and the shapes it used to get wrong (issue 15).

Precision on the shipped Belgorod briefing, judged by hand (the words describe that actor,
in the source's own voice, complete): before the rules were tightened, 25 descriptions, 22
correct (88%); then 19 descriptions, 19 correct (100%), missing three an editor found by
reading (audit of 2026-12-07, M8); now 23 descriptions, 23 correct, those three among
them. `JUDGED` is the list that was read; when framing or the briefing changes, print
`briefing_descriptions` (run this file's `_listing`), judge each new line and update it.
"""

from __future__ import annotations

import textwrap

from conftest import ROOT, SHIPPED

from generator.analysis.framing import Description, briefing_descriptions, describe_actors
from generator.pipeline import load_briefings
from generator.problems import has_errors
from generator.sources.text import clean_source_text

# (actor id, source id, words): every description framing gives for the shipped briefing,
# each read in its sentence and judged correct.
JUDGED = {
    ("russian-volunteer-corps", "guardian", "Another anti-Kremlin militia"),
    ("russian-volunteer-corps", "mondo", "Another anti-Kremlin militia"),
    (
        "russian-volunteer-corps",
        "militias-attacking",
        "a hard-right nationalist group with links to international Nazi organisations",
    ),
    ("russian-volunteer-corps", "guardian", "which is led by a prominent Russian nationalist"),
    (
        "russian-volunteer-corps",
        "militias-attacking",
        "which is notorious for its ties with a variety of hard-right and neo-Nazi groups",
    ),
    (
        "freedom-of-russia-legion",
        "militias-attacking",
        "which is made up of Russian military and intelligence officials who have defected to"
        " Ukraine's side",
    ),
    (
        "freedom-of-russia-legion",
        "thansan",
        "a group of Russian volunteers fighting against Moscow with the Ukrainian army",
    ),
    ("vyacheslav-gladkov", "guardian", "The Belgorod governor"),
    ("vyacheslav-gladkov", "militias-attacking", "the governor of Belgorod"),
    ("vyacheslav-gladkov", "thansan", "the governor of Belgorod"),
    ("dmitry-peskov", "guardian", "Kremlin spokesperson"),
    ("dmitry-peskov", "thansan", "a spokesman for Russian President Vladimir Putin"),
    ("vladimir-putin", "guardian", "President"),
    ("vladimir-putin", "militias-attacking", "President"),
    ("vladimir-putin", "thansan", "Russian President"),
    ("ria-novosti", "guardian", "state-run"),
    ("andriy-yusov", "guardian", "a spokesperson for Ukraine's military intelligence"),
    ("andriy-yusov", "militias-attacking", "a spokesperson for Ukraine's military intelligence"),
    ("mykhailo-podolyak", "guardian", "the adviser"),
    ("denis-nikitin", "guardian", "Moscow-born far-right militia leader"),
    ("denis-nikitin", "mondo", "Moscow-born far-right militia leader"),
    ("denis-nikitin", "italian-report", "a well-known Russian right-wing extremist"),
    ("michael-colborne", "militias-attacking", "author"),
}


def _shipped() -> list[tuple[str, Description]]:
    briefings, problems = load_briefings(ROOT, ROOT / "briefings", ROOT / "seeds", [SHIPPED])
    assert not has_errors(problems)
    return briefing_descriptions(briefings[0])


def _listing(found: list[tuple[str, Description]]) -> str:
    """Each description with its sentence, for judging by eye."""
    return "\n".join(
        f"{actor} / {d.source} ¶{d.paragraph}: {d.words!r}\n    {d.sentence}" for actor, d in found
    )


def test_every_description_of_the_shipped_briefing_was_judged_correct():
    found = _shipped()
    got = {(actor, d.source, d.words) for actor, d in found}
    assert got == JUDGED, "judge these and update JUDGED:\n" + _listing(found)
    # Precision 23 of 23.
    assert len(found) == len(JUDGED) == 23


def _describe(text: str, names: dict[str, str]) -> dict[str, list[str]]:
    source = clean_source_text(textwrap.dedent(text), "", [])
    found = describe_actors({"s": source}, names)
    return {actor: [d.words for d in by_source["s"]] for actor, by_source in found.items()}


NAMES = {
    "Dravenia": "dravenia",
    "Karsland": "karsland",
    "Ivan Petrov": "petrov",
    "Anna Kovac": "kovac",
}


def test_verbs_clauses_lists_and_introductions_are_not_descriptions():
    found = _describe(
        """\
        Observers in Karsland watched the government expel Dravenia from the talks.

        In Dravenia, the government said on Monday that the border would stay shut.

        Dravenia, the government said, would respond within days.

        Anna Kovac, who has led the ministry since 2019 and who told reporters on Monday
        that the shelling of the border villages would go on for as long as it took, resigned.

        Ivan Petrov, which is a name many share, spoke. Karsland, led by a council of
        elders, agreed.

        The army shelled the town, Karsland, on Monday.

        Troops from Dravenia, the border guards, the police and the army took part.
        Troops from Dravenia, the border guards, and the police took part.

        Anna Kovac, a minister appointed last year after a long and bitter fight over the
        post, spoke.

        Karsland armed the militia Dravenia supports.

        Dravenia, which is where the talks were held, agreed. Karsland, which is said to be
        neutral, agreed. Karsland, which describes itself as neutral, agreed. Dravenia, which
        is being watched, agreed. Anna Kovac, who is a minister, spoke.

        Ivan Petrov, a colonel fighting and a farmer, spoke. Ivan Petrov, a colonel leading
        troops fighting rebels, spoke.

        The government ousts Karsland envoys. Ivan Petrov, a former colonel turned farmer, spoke.
        """,
        NAMES,
    )
    assert found == {}


def test_titles_and_appositives_attached_to_a_name_are_descriptions():
    found = _describe(
        """\
        The hard-line Ivan Petrov crossed the river. Ivan Petrov, the regional governor,
        said the situation was tense.

        "We will win," said Anna Kovac, a former colonel.

        Foreign minister Anna Kovac met the army chief Ivan Petrov, who was late. The small
        mountain state, Dravenia, said no.

        Karsland, the capital, was quiet. "It is calm," Ivan Petrov, a spokesman for the
        army told reporters.

        Dravenia, which is led by a council of elders, agreed. The talks were held in
        Karsland, which is notorious for its long winters.

        Anna Kovac, a soldier fighting against the rebels in the north, spoke.
        """,
        NAMES,
    )
    assert found == {
        "petrov": ["hard-line", "the regional governor", "army chief", "a spokesman for the army"],
        "kovac": [
            "a former colonel",
            "Foreign minister",
            "a soldier fighting against the rebels in the north",
        ],
        "dravenia": ["The small mountain state", "which is led by a council of elders"],
        "karsland": ["the capital", "which is notorious for its long winters"],
    }
