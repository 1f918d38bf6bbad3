"""Names: one owner per name, as readers see names."""

from __future__ import annotations

from ..factsheets.kinds import kind as kind_named
from ..factsheets.load import FactSheets
from ..names import lookalike_key, same_name_key
from ..problems import Problem

__all__ = ["shared_names"]


def shared_names(sheets: FactSheets) -> list[Problem]:
    """A name that stands for two actors (or two places) would make search and counts lie.
    Names are compared as readers see them: case, compatibility forms and look-alike letters
    from other scripts (Cyrillic о for Latin o) do not make two names different."""
    problems = []
    for kind in (kind_named("actors"), kind_named("places")):
        owner: dict[str, tuple[str, str]] = {}
        for record in sheets.records(kind):
            for name in record.names:
                for key in {same_name_key(name), lookalike_key(name)}:
                    if key in owner and owner[key][0] != record.id:
                        other_id, other_name = owner[key]
                        alike = (
                            ""
                            if same_name_key(other_name) == same_name_key(name)
                            else (f" (it looks the same as '{other_name}')")
                        )
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
