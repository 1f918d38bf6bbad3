"""Sides in the fighting: who is affiliated with whom, and who is a party to it."""

from __future__ import annotations

from .model import Actor

__all__ = ["belligerents", "sides"]


def sides(actors: list[Actor]) -> dict[str, set[str]]:
    """{actor id: the actor and everything it is affiliated with, through chains}."""
    affiliations = {a.id: a.affiliations for a in actors}
    reach: dict[str, set[str]] = {}
    for actor in actors:
        seen: set[str] = set()
        todo = [actor.id]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo += affiliations.get(current, [])
        reach[actor.id] = seen
    return reach


def belligerents(actors: list[Actor]) -> set[str]:
    """Actors that are parties to the fighting: marked `belligerent`, or affiliated with one."""
    marked = {a.id for a in actors if a.belligerent}
    return {actor_id for actor_id, side in sides(actors).items() if side & marked}
