"""Cases of the bad-input corpus: rival versions of an assertion about an event (who did
it, what was hit), each mistake an editor can make with them reported at its line.

Ids: `N2-versions-...`, new cases in the fact-sheet family.
"""

from __future__ import annotations

from bad_inputs.kit import B, Case, append

GOVERNOR = "The governor of the Belgorod region confirmed an attack on Monday"
LEGION = "said it had crossed the border and overrun the settlement of Kozinka"


def version(holders: str, quote: str, more: str = "") -> str:
    return f"""\
                - summary: One side's account.
                  held_by: [{holders}]{more}
                  citations:
                    - source: guardian
                      quote: {quote}
"""


def contested(versions: str, more: str = "") -> str:
    """An extra event whose responsibility assertion has these versions."""
    return (
        """\
        - id: extra-contested
          title: An extra event
          date: 2023-05-22
          summary: An extra event.
          status: reported
          citations:
            - source: guardian
              quote: The governor of the Belgorod region confirmed an attack on Monday
          assertions:
            - about: responsibility
              summary: Who did it is contested.
"""
        + more
        + "              versions:\n"
        + versions
    )


TWO = version("freedom-of-russia-legion", LEGION) + version("vyacheslav-gladkov", GOVERNOR)


def case(id_: str, mistake: str, events: str, expect: str) -> Case:
    return Case(
        f"N2-versions-{id_}",
        "fact sheets",
        mistake,
        lambda r: append(r, f"{B}/events.yaml", events),
        rf"{B}/events.yaml:\d+: assertions\[0\]\.{expect}",
    )


VERSION_CASES = [
    case(
        "no-holders",
        "a version of an assertion without held_by",
        contested(TWO.replace("                  held_by: [vyacheslav-gladkov]\n", "")),
        r"versions\[1\]\.held_by: missing; add it",
    ),
    case(
        "empty-holders",
        "a version of an assertion held by no one (held_by: [])",
        contested(TWO.replace("[vyacheslav-gladkov]", "[]")),
        r"versions\[1\]\.held_by: ",
    ),
    case(
        "confirms-and-denies",
        "an actor confirming and denying the same version",
        contested(
            version("freedom-of-russia-legion", LEGION)
            + version(
                "vyacheslav-gladkov",
                GOVERNOR,
                "\n                  confirmed_by: [russia]\n                  denied_by: [russia]",
            )
        ),
        r"versions\[1\]\.denied_by: 'russia' both confirms and denies this version",
    ),
    case(
        "holds-and-denies",
        "an actor holding and denying the same version",
        contested(
            version("freedom-of-russia-legion", LEGION)
            + version(
                "vyacheslav-gladkov",
                GOVERNOR,
                "\n                  denied_by: [vyacheslav-gladkov]",
            )
        ),
        r"versions\[1\]\.denied_by: 'vyacheslav-gladkov' both holds and denies this version",
    ),
    case(
        "one-actor-two-versions",
        "one actor holding two versions of one assertion",
        contested(TWO.replace("[vyacheslav-gladkov]", "[freedom-of-russia-legion]")),
        r"versions\[1\]: 'freedom-of-russia-legion' already holds version 1",
    ),
    case(
        "status-beside-versions",
        "a status beside the versions",
        contested(TWO, "              status: claimed\n"),
        r"status: is given beside 'versions'; with versions, each version has its own status",
    ),
    case(
        "neither",
        "an assertion with neither a status nor versions",
        contested("                []\n"),
        r"status: missing; give the assertion's status, claimed_by and citations, or list "
        r"its rival versions",
    ),
    case(
        "unknown-holder",
        "a version held by an actor id that does not exist",
        contested(TWO.replace("[vyacheslav-gladkov]", "[vyacheslav-gladkoff]")),
        r"versions\[1\]\.held_by\[0\]: ",
    ),
]
