"""Names: one owner per name, as readers see names."""

from __future__ import annotations

from ..factsheets.kinds import kind as kind_named
from ..factsheets.load import FactSheets
from ..names import lookalike_key, same_name_key
from ..problems import Problem
from ..text import name_key

__all__ = ["shared_names"]


def shared_names(sheets: FactSheets) -> list[Problem]:
    """A name that stands for two actors (or two places) would make search and counts lie.
    Names are compared as readers see them: case, compatibility forms and look-alike letters
    from other scripts (Cyrillic о for Latin o) do not make two names different, and
    neither do the forms a sentence gives a name (a possessive inside it, a leading article:
    see `text.name_key`), since the texts are searched for names in those forms too."""
    problems = []
    for kind in (kind_named("actors"), kind_named("places")):
        owner: dict[str, tuple[str, str]] = {}
        for record in sheets.records(kind):
            for name in record.names:
                form = name_key(name)
                keys = {same_name_key(name), lookalike_key(name)}
                for key in keys | {same_name_key(form), lookalike_key(form)}:
                    if key in owner and owner[key][0] != record.id:
                        other_id, other_name = owner[key]
                        alike = _how_alike(name, other_name)
                        problems.append(
                            sheets.problem_at(
                                kind.name,
                                record,
                                "aliases",
                                f"'{name}' is also a name of {kind.singular} '{other_id}'"
                                f"{alike}; a name may belong to one only",
                            )
                        )
                        break
                    owner.setdefault(key, (record.id, name))
    return problems


def _how_alike(name: str, other: str) -> str:
    """Why two different spellings are one name, for the message ("" if they are the same)."""
    if same_name_key(other) == same_name_key(name):
        return ""
    if same_name_key(name_key(other)) == same_name_key(name_key(name)):
        return f" (the texts read it as '{other}': a possessive or 'the' makes no other name)"
    return f" (it looks the same as '{other}')"
