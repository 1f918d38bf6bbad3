"""What one change did to a briefing's facts, from the snapshots before and after it.

Records added, removed, renamed (the same record under a new id) or changed field by field;
a claim's figure, a fact's grade, a fact that became single-source, a verdict on a group of
figures that moved. Said in words but not yet in Markdown: `briefing diff`, `briefing
changes`, the Changes pages and the feeds each print it their own way. A change that moved
nothing a reader sees (a comment, the layout of a sheet, a quote's paragraph) is empty.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from ..factsheets.kinds import OVERVIEW
from ..words import credibility_label
from .shapes import WrongShape, fields_of, list_of, text, text_or_none
from .snapshot import LOGGED_KINDS, Snapshot

__all__ = [
    "Changes",
    "FactChange",
    "FieldChange",
    "VerdictChange",
    "common_changes",
    "compare",
]

# The actions, in the order a change lists them.
_ORDER = {"removed": 0, "renamed": 1, "changed": 2, "added": 3}

# Fields a reader sees in other words: a claim's count as its figure, below.
_SAID_OTHERWISE = {"count"}


@dataclass(frozen=True)
class FieldChange:
    """One field of a fact, or one thing analysis says of it, before and after."""

    name: str  # "date", "figure", "grade", "independent lineages"
    before: str
    after: str


@dataclass(frozen=True)
class FactChange:
    """What a change did to one record (of `kind`, by its id after the change)."""

    kind: str
    id: str
    title: str
    action: str  # "added", "removed", "changed", "renamed"
    fields: tuple[FieldChange, ...] = ()
    old_id: str | None = None  # a renamed record's id before the change

    @property
    def became_single_source(self) -> bool:
        return any(
            f.name == "independent lineages" and f.after == "1" and f.before not in ("", "1")
            for f in self.fields
        )


@dataclass(frozen=True)
class VerdictChange:
    """A group of figures whose verdict moved (anchor on the casualties page)."""

    anchor: str
    title: str
    before: str
    after: str


@dataclass(frozen=True)
class Changes:
    """Everything one change did that a reader sees; empty if nothing."""

    facts: tuple[FactChange, ...] = ()
    verdicts: tuple[VerdictChange, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.facts or self.verdicts)

    def to_data(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_data(cls, data: Any) -> Changes:
        """Changes as `to_data` wrote them; WrongShape for anything else."""
        data = fields_of(data, {"facts", "verdicts"})
        return cls(
            tuple(list_of(data["facts"], _fact_change)),
            tuple(list_of(data["verdicts"], _verdict_change)),
        )


def _fact_change(value: Any) -> FactChange:
    data = fields_of(value, {f.name for f in fields(FactChange)})
    action = text(data["action"])
    if action not in _ORDER:
        raise WrongShape("expected added, removed, renamed or changed")
    return FactChange(
        text(data["kind"]),
        text(data["id"]),
        text(data["title"]),
        action,
        tuple(list_of(data["fields"], _field_change)),
        text_or_none(data["old_id"]),
    )


def _field_change(value: Any) -> FieldChange:
    data = fields_of(value, {"name", "before", "after"})
    return FieldChange(text(data["name"]), text(data["before"]), text(data["after"]))


def _verdict_change(value: Any) -> VerdictChange:
    data = fields_of(value, {"anchor", "title", "before", "after"})
    return VerdictChange(*(text(data[k]) for k in ("anchor", "title", "before", "after")))


def compare(before: Snapshot, after: Snapshot) -> Changes:
    """What changed from `before` to `after`, kind by kind, then the verdicts."""
    facts: list[FactChange] = []
    for kind in LOGGED_KINDS:
        found = _kind_changes(kind.name, before, after)
        # The overview comes and goes with the briefing: only a change to it is news.
        facts += [c for c in found if kind is not OVERVIEW or c.action == "changed"]
    verdicts = [
        VerdictChange(anchor, after.verdicts[anchor][0], old[1], after.verdicts[anchor][1])
        for anchor, old in before.verdicts.items()
        if anchor in after.verdicts and old[1] != after.verdicts[anchor][1]
    ]
    return Changes(tuple(facts), tuple(verdicts))


def common_changes(first: Changes, others: list[Changes]) -> Changes:
    """The changes of a merge from its first parent (`first`) that it also makes from
    every other parent (`others`): a fact or field whose value in the merge is none of its
    parents', which is what the merge changed itself."""
    facts = []
    for change in first.facts:
        counterparts = [_same_fact(o, change) for o in others]
        kept = _common_fact(change, [c for c in counterparts if c is not None])
        if kept is not None and None not in counterparts:
            facts.append(kept)
    verdicts = [
        v
        for v in first.verdicts
        if all(any((w.anchor, w.after) == (v.anchor, v.after) for w in o.verdicts) for o in others)
    ]
    return Changes(tuple(facts), tuple(verdicts))


def _same_fact(changes: Changes, change: FactChange) -> FactChange | None:
    return next((c for c in changes.facts if (c.kind, c.id) == (change.kind, change.id)), None)


def _common_fact(change: FactChange, counterparts: list[FactChange]) -> FactChange | None:
    everyone = [change, *counterparts]
    if all(c.action == "added" for c in everyone) or all(c.action == "removed" for c in everyone):
        return change
    # A parent without the fact says nothing of its fields; the others must agree.
    having = [c for c in everyone if c.action != "added"]
    if any(c.action == "removed" for c in having):
        return None
    base = having[0]
    fields = tuple(
        f
        for f in base.fields
        if all(any((g.name, g.after) == (f.name, f.after) for g in c.fields) for c in having)
    )
    if all(c.action == "renamed" and c.old_id == base.old_id for c in having):
        return replace(base, fields=fields)
    return replace(base, action="changed", fields=fields, old_id=None) if fields else None


def _kind_changes(kind: str, before: Snapshot, after: Snapshot) -> list[FactChange]:
    old, new = before.records.get(kind, {}), after.records.get(kind, {})
    renames = _renames(old, new)
    renamed_from = {new_id: old_id for old_id, new_id in renames.items()}
    changes = []
    for rid, data in new.items():
        old_id = renamed_from.get(rid, rid)
        title = after.titles.get(f"{kind}/{rid}", rid)
        if old_id not in old:
            changes.append(FactChange(kind, rid, title, "added"))
            continue
        fields = _field_changes(old[old_id], data, renames)
        fields += _analysis_changes(kind, old_id, rid, before, after)
        if old_id != rid:
            changes.append(FactChange(kind, rid, title, "renamed", tuple(fields), old_id))
        elif fields:
            changes.append(FactChange(kind, rid, title, "changed", tuple(fields)))
    for rid in old.keys() - new.keys() - renames.keys():
        changes.append(FactChange(kind, rid, before.titles.get(f"{kind}/{rid}", rid), "removed"))
    return sorted(changes, key=lambda c: (_ORDER[c.action], c.id))


def _renames(old: dict[str, Any], new: dict[str, Any]) -> dict[str, str]:
    """{old id: new id} for each record removed whose data, but for its id, is that of a
    record added: one and only one."""
    gone = [rid for rid in old if rid not in new]
    came = [rid for rid in new if rid not in old]
    renames: dict[str, str] = {}
    for old_id in gone:
        same = [
            new_id
            for new_id in came
            if _without_id(old[old_id]) == _without_id(new[new_id])
            and new_id not in renames.values()
        ]
        if len(same) == 1:
            renames[old_id] = same[0]
    return renames


def _without_id(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "id"}


def _field_changes(
    old: dict[str, Any], new: dict[str, Any], renames: dict[str, str]
) -> list[FieldChange]:
    changes = []
    for name in dict.fromkeys([*old, *new]):
        if name == "id" or name in _SAID_OTHERWISE:
            continue
        changes += _value_changes(_label(name), _renamed(old.get(name), renames), new.get(name))
    return changes


# Keys that name an item of a list of records (an event's assertions, by what they are
# about), so the item's own fields can be compared.
_ITEM_KEYS = ("id", "about")


def _value_changes(name: str, old: Any, new: Any) -> list[FieldChange]:
    """A field's changes: part by part for a mapping ('reliability grade'), item by item
    for a list of records (a quote added, an assertion's status), else the whole value."""
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        return [
            change
            for key in dict.fromkeys([*old, *new])
            for change in _value_changes(f"{name} {_label(key)}", old.get(key), new.get(key))
        ]
    if _records(old) and _records(new):
        return _item_changes(name, old or [], new or [])
    return [FieldChange(name, value_words(old), value_words(new))]


def _records(value: Any) -> bool:
    return value in (None, []) or (
        isinstance(value, list) and all(isinstance(v, dict) for v in value)
    )


def _item_changes(name: str, old: list[Any], new: list[Any]) -> list[FieldChange]:
    key = next(
        (k for k in _ITEM_KEYS if all(isinstance(item.get(k), str) for item in [*old, *new])),
        None,
    )
    if key is not None and old and new:
        before, after = {i[key]: i for i in old}, {i[key]: i for i in new}
        if len(before) == len(old) and len(after) == len(new):
            return [
                change
                for k in dict.fromkeys([*before, *after])
                for change in _value_changes(f"{name} ({k})", before.get(k), after.get(k))
            ]
    # Items without a name (quotes): each removed, then each added.
    removed = [i for i in old if i not in new]
    added = [i for i in new if i not in old]
    singular = name.removesuffix("s")
    return [FieldChange(singular, _item_words(i), "—") for i in removed] + [
        FieldChange(singular, "—", _item_words(i)) for i in added
    ]


def _item_words(item: dict[str, Any]) -> str:
    if "quote" in item:
        return value_words([item])
    return value_words(item)


def _renamed(value: Any, renames: dict[str, str]) -> Any:
    """`value` with references to a renamed record pointing at its new id: a rename is one
    change, not one more in every record that refers to it."""
    if isinstance(value, str):
        return renames.get(value, value)
    if isinstance(value, list):
        return [_renamed(v, renames) for v in value]
    if isinstance(value, dict):
        return {k: _renamed(v, renames) for k, v in value.items()}
    return value


def _analysis_changes(
    kind: str, old_id: str, rid: str, before: Snapshot, after: Snapshot
) -> list[FieldChange]:
    changes = []
    old_key, new_key = f"{kind}/{old_id}", f"{kind}/{rid}"
    if kind == "claims":
        old_figure, new_figure = before.figures.get(old_id), after.figures.get(rid)
        if old_figure is not None and new_figure is not None and old_figure != new_figure:
            changes.append(FieldChange("figure", old_figure, new_figure))
    old_grade, new_grade = before.grades.get(old_key), after.grades.get(new_key)
    if old_grade is not None and new_grade is not None and old_grade != new_grade:
        changes.append(FieldChange("grade", _grade(old_grade), _grade(new_grade)))
    old_n, new_n = before.lineages.get(old_key), after.lineages.get(new_key)
    if old_n is not None and new_n is not None and old_n != new_n:
        changes.append(FieldChange("independent lineages", str(old_n), str(new_n)))
    return changes


def _grade(grade: int) -> str:
    return f"{grade}, {credibility_label(grade)}"


def _label(name: str) -> str:
    return name.replace("_", " ")


def value_words(value: Any) -> str:
    """A field's value as a reader reads it: quotes as “words” with their source, '—' for
    nothing."""
    if _citations(value):
        return "; ".join(
            f"{value_words(c.get('source'))}: “{value_words(c['quote'])}”" for c in value
        )
    if value is None or value == [] or value == "" or value == {}:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(value_words(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{_label(k)}: {value_words(v)}" for k, v in value.items())
    return str(value)


def _citations(value: Any) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(c, dict) and "quote" in c for c in value)
    )
