"""Property-based tests of what the history reads: cache entries of any shape (a miss, never
an exception further on), git's tree and commit objects, and its log whatever the text."""

from __future__ import annotations

import contextlib
import json
import os
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.history.changes import Changes, compare
from generator.history.git import TEXT_LIMIT, commit_text, parse_log, parse_renames
from generator.history.objects import parse_commit, parse_tree
from generator.history.record import read_record
from generator.history.shapes import WrongShape
from generator.history.snapshot import LOGGED_KINDS, Snapshot
from generator.names import hidden_characters

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=6,
)
KEYS = st.sampled_from(["id", "about", "quote", "source", "title", "date", "citations", "x"])
# Records as the cache may hold them: fields an editor writes, of any JSON value (kept
# small: Hypothesis refuses inputs that routinely outgrow its buffer).
RECORD = st.dictionaries(
    KEYS, JSON | st.lists(st.dictionaries(KEYS, JSON, max_size=3), max_size=2), max_size=4
)
IDS = st.sampled_from(["a", "b", "c"])


@st.composite
def snapshot_data(draw):
    kinds = [k.name for k in LOGGED_KINDS] + ["other"]
    keys = st.sampled_from([f"{k}/{i}" for k in kinds for i in "abc"])
    return {
        "readable": draw(st.booleans()),
        "records": draw(
            st.dictionaries(st.sampled_from(kinds), st.dictionaries(IDS, RECORD), max_size=3)
        ),
        "titles": draw(st.dictionaries(keys, st.text())),
        "figures": draw(st.dictionaries(IDS, st.text())),
        "grades": draw(st.dictionaries(keys, st.integers(1, 6))),
        "lineages": draw(st.dictionaries(keys, st.integers(0, 5))),
        "verdicts": draw(st.dictionaries(st.text(), st.lists(st.text(), min_size=2, max_size=2))),
        "coverage": draw(st.none() | st.floats(0, 100)),
        "problems": [],
    }


@FUZZ
@given(snapshot_data(), snapshot_data())
def test_any_snapshot_the_cache_can_hold_compares_without_an_exception(before, after):
    changes = compare(Snapshot.from_data(before), Snapshot.from_data(after))
    assert Changes.from_data(json.loads(json.dumps(changes.to_data()))) == changes


@FUZZ
@given(JSON)
def test_any_other_entry_is_a_miss(data):
    for read in (Snapshot.from_data, Changes.from_data):
        with contextlib.suppress(WrongShape):
            read(data)


@FUZZ
@given(snapshot_data(), st.sampled_from(["records", "titles", "grades", "verdicts"]), JSON)
def test_a_field_of_another_shape_is_a_miss(data, name, value):
    data[name] = value
    try:
        Snapshot.from_data(data)
    except WrongShape:
        return
    # It read: then it is of the right shape after all, and compares.
    compare(Snapshot.from_data(data), Snapshot())


@pytest.mark.parametrize(
    "data", [{"facts": "x"}, {"facts": [], "verdicts": [{"anchor": 1}]}, [], None, "x"]
)
def test_the_review_s_poisoned_entries_are_misses(data):
    with pytest.raises(WrongShape):
        Changes.from_data(data)


# --- git's objects, as cat-file gives them ----------------------------------------------

MODES = st.sampled_from(["100644", "100755", "120000", "40000", "160000"])
NAMES = st.binary(min_size=1, max_size=12).filter(lambda b: b"\0" not in b and b"/" not in b)


@FUZZ
@given(st.lists(st.tuples(MODES, NAMES, st.binary(min_size=20, max_size=20)), max_size=8))
def test_a_tree_object_reads_back_entry_by_entry(entries):
    raw = b"".join(mode.encode() + b" " + name + b"\0" + oid for mode, name, oid in entries)
    assert [(e.mode, os.fsencode(e.name), bytes.fromhex(e.oid)) for e in parse_tree(raw, 20)] == [
        (mode, name, oid) for mode, name, oid in entries
    ]


@FUZZ
@given(st.binary(max_size=80))
def test_anything_else_is_not_a_tree_or_reads_as_one(raw):
    try:
        entries = parse_tree(raw, 20)
    except ValueError:
        return
    assert all(e.mode.isdigit() and len(e.oid) == 40 for e in entries)


@FUZZ
@given(st.lists(st.text("0123456789abcdef", min_size=40, max_size=40), max_size=3), st.binary())
def test_a_commit_object_gives_its_tree_and_parents(parents, message):
    tree = "a" * 40
    headers = [f"tree {tree}", *(f"parent {p}" for p in parents), "author A <a@b> 1 +0000"]
    commit = parse_commit("\n".join(headers).encode() + b"\n\n" + message)
    assert (commit.tree, commit.parents) == (tree, tuple(parents))


# --- git's log, one commit a line ---------------------------------------------------------

HEX = st.text("0123456789abcdef", min_size=40, max_size=40)
# What git can put in a subject or an unfolded trailer: anything but a line feed or a NUL.
LINE = st.text(st.characters(blacklist_characters="\n\0", blacklist_categories=("Cs",)))


@st.composite
def logged_commits(draw):
    return {
        "id": draw(HEX),
        "parents": draw(st.lists(HEX, max_size=3)),
        "committed": draw(st.integers(-(10**12), 10**12)),
        "written": draw(st.integers(0, 2 * 10**9)),
        "subject": draw(LINE),
        "trailers": draw(st.lists(LINE, max_size=4)),
    }


def as_git_prints(commit):
    fields = [
        commit["id"],
        " ".join(commit["parents"]),
        str(commit["committed"]),
        str(commit["written"]),
        commit["subject"],
        *(f"Correction: {t}" for t in commit["trailers"]),
    ]
    return "\0".join(fields).encode() + b"\n"


@FUZZ
@given(st.lists(logged_commits(), max_size=4))
def test_the_log_reads_back_field_by_field_whatever_the_text(commits):
    read = parse_log(b"".join(as_git_prints(c) for c in commits))
    assert [c.id for c in read] == [c["id"] for c in commits]
    for got, made in zip(read, commits, strict=True):
        assert got.parents == tuple(made["parents"])
        assert got.subject == commit_text(made["subject"])
        said = [t.strip() for t in made["trailers"]]
        assert got.corrections == tuple(commit_text(t) for t in said if t)
        assert got.blank_corrections == sum(not t for t in said)
        assert got.date.endswith("Z") and len(got.date) == 20


@FUZZ
@given(LINE)
def test_commit_text_shows_no_hidden_or_control_character_and_is_bounded(text):
    shown = commit_text(text)
    assert len(shown) <= TEXT_LIMIT
    assert not hidden_characters(shown)
    assert not any(unicodedata.category(ch) in ("Cc", "Zl", "Zp") for ch in shown)


# --- where a moved folder came from, and the published record -------------------------------

PATH_PART = st.text("abcdefgh-", min_size=1, max_size=6)
PATHS = st.lists(PATH_PART, min_size=1, max_size=3).map("/".join)


@FUZZ
@given(PATHS, PATHS, st.lists(PATHS, min_size=1, max_size=4), st.lists(PATHS, max_size=3))
def test_a_moved_folder_is_found_among_other_renames(source, folder, files, others):
    moved = [(f"{source}/{f}", f"{folder}/{f}") for f in files]
    elsewhere = [(f"x/{o}", f"y/{o}") for o in others]
    out = b"".join(
        b"R100\0" + old.encode() + b"\0" + new.encode() + b"\0" for old, new in moved + elsewhere
    )
    found = parse_renames(out, folder)
    assert found == source or (found is not None and len(elsewhere) >= len(moved))


@FUZZ
@given(st.binary(max_size=200), PATHS)
def test_any_output_gives_a_folder_or_none(out, folder):
    found = parse_renames(out, folder)
    assert found is None or isinstance(found, str)


@FUZZ
@given(st.binary(max_size=200) | JSON.map(lambda v: json.dumps(v).encode()))
def test_a_published_record_reads_or_is_refused(raw):
    try:
        record = read_record(raw)
    except ValueError:
        return
    assert all(isinstance(c.what, tuple) for c in record)
