"""Assertions about an event and their rival versions.

An assertion (who was responsible, what was hit, what came of it) is graded apart from
whether the event happened. Where the sources carry rival accounts of it (the groups say
they did it, the governor blames the other side's saboteurs), each account is a `Version`
with the actors who hold it, its own citations, its own confirmers and deniers, and so its
own grade: a confirmation or denial counts only for the version it addresses. The one-version
form (summary, status, claimed_by, citations on the assertion itself) stays valid as
shorthand for an assertion with a single version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, ClassVar

from .hints import NonEmpty, Record
from .parts import Citation, CredibilityOverride, Independence, status_problems
from .vocabulary import ActorRef, Aspect, Status, Text

__all__ = ["CONTESTED", "Assertion", "Version"]

# The status shown for an assertion with more than one version.
CONTESTED = "contested"
# The shorthand's fields, each of which a version holds for itself.
_PER_VERSION = ("status", "citations", "claimed_by", "confirmed_by", "denied_by")


@dataclass
class Version(Record):
    """One account of an assertion, as the actors who hold it give it: its own citations,
    and who confirms or denies this account (and only this one)."""

    EXAMPLES: ClassVar[dict[str, Any]] = {
        "summary": "The governor blames a sabotage group of Ukraine's armed forces",
        "held_by": ["vyacheslav-gladkov"],
    }
    summary: Text
    # The actors who give this account (for the groups' own claim: the groups).
    held_by: Annotated[list[ActorRef], NonEmpty]
    citations: Annotated[list[Citation], NonEmpty]
    confirmed_by: list[ActorRef] = field(default_factory=list)
    denied_by: list[ActorRef] = field(default_factory=list)
    independent: list[Independence] = field(default_factory=list)
    credibility: CredibilityOverride | None = None

    # The names the grading rule reads (analysis.build), shared with the one-version form.
    @property
    def claimed_by(self) -> list[str]:
        return self.held_by

    def validate(self) -> list[tuple[str, str]]:
        problems = []
        for name in ("held_by", "confirmed_by"):
            for actor in dict.fromkeys(getattr(self, name)):
                if actor in self.denied_by:
                    role = "holds" if name == "held_by" else "confirms"
                    problems.append(
                        (
                            "denied_by",
                            f"'{actor}' both {role} and denies this version; keep the one "
                            "the sources support (a later change of mind is a second version "
                            "or a statement)",
                        )
                    )
        return problems


@dataclass
class Assertion(Record):
    """One thing said about an event that can be true while the event's other parts are
    not, graded apart from it: who was responsible, what was hit, what came of it. Give
    either one version (status, claimed_by, citations) or rival `versions`, each with the
    actors who hold it: an assertion with two or more is contested. A confirmation or denial
    counts only for the version it addresses."""

    EXAMPLES: ClassVar[dict[str, Any]] = {
        "about": "responsibility",
        "summary": "The Russian Volunteer Corps and the Legion say they carried out the raid",
    }
    EXACTLY_ONE_OF: ClassVar[dict[str, str]] = {
        "status": "one version, with its citations on the assertion",
        "versions": "rival versions, each with who holds it and its citations",
    }
    about: Aspect
    summary: Text
    status: Status | None = None
    versions: list[Version] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    claimed_by: list[ActorRef] = field(default_factory=list)
    denied_by: list[ActorRef] = field(default_factory=list)
    confirmed_by: list[ActorRef] = field(default_factory=list)
    independent: list[Independence] = field(default_factory=list)
    credibility: CredibilityOverride | None = None

    @property
    def contested(self) -> bool:
        """Whether rival versions of it are held."""
        return len(self.versions) > 1

    @property
    def standing(self) -> str:
        """Its status in one word: the editor's for one version, 'contested' for rivals."""
        if self.contested:
            return CONTESTED
        return self.all_versions[0].status

    @property
    def all_versions(self) -> list[OneVersion]:
        """Its versions; the one-version shorthand read as its single version."""
        if self.versions:
            return [OneVersion(v, v.summary, _version_status(v), v.held_by) for v in self.versions]
        assert self.status is not None, "validation requires status without versions"
        return [OneVersion(self, self.summary, self.status, self.claimed_by)]

    @property
    def actors(self) -> list[str]:
        """Every actor it names: who holds, confirms or denies each version."""
        return list(
            dict.fromkeys(
                actor
                for v in self.all_versions
                for actor in (*v.holders, *v.confirmed_by, *v.denied_by)
            )
        )

    def validate(self) -> list[tuple[str, str]]:
        if self.versions:
            return self._versions_problems()
        if self.status is None:
            return [
                (
                    "status",
                    "missing; give the assertion's status, claimed_by and citations, or "
                    "list its rival versions under 'versions'",
                )
            ]
        if not self.citations:
            return [("citations", "missing; cite at least one source for the assertion")]
        return status_problems(self)

    def _versions_problems(self) -> list[tuple[str, str]]:
        problems = [
            (
                name,
                f"is given beside 'versions'; with versions, each version has its own "
                f"{'held_by' if name == 'claimed_by' else name}",
            )
            for name in _PER_VERSION
            if getattr(self, name)
        ]
        if self.independent or self.credibility:
            problems.append(
                (
                    "independent" if self.independent else "credibility",
                    "is given beside 'versions'; give it on the version it is about",
                )
            )
        holder: dict[str, int] = {}
        for i, version in enumerate(self.versions):
            for actor in dict.fromkeys(version.held_by):
                if actor in holder:
                    problems.append(
                        (
                            f"versions[{i}]",
                            f"'{actor}' already holds version {holder[actor] + 1}; an actor "
                            "holds one version of an assertion (merge the two, or list what "
                            "the actor said later as a statement)",
                        )
                    )
                holder.setdefault(actor, i)
        return problems


def _version_status(version: Version) -> str:
    """A rival version's status: held and denied is disputed, else claimed. Its confirmers
    count in its grade, which knows their sides; a status here cannot tell a confirmer of
    the holders' own side (who proves nothing) from an independent one."""
    return "disputed" if version.denied_by else "claimed"


@dataclass(frozen=True)
class OneVersion:
    """A version as the analysis and the pages read it, whichever form gave it."""

    record: Version | Assertion  # where its citations, actors and grade override stand
    summary: str
    status: str
    holders: list[str]

    @property
    def citations(self) -> list[Citation]:
        return self.record.citations

    @property
    def confirmed_by(self) -> list[str]:
        return self.record.confirmed_by

    @property
    def denied_by(self) -> list[str]:
        return self.record.denied_by
