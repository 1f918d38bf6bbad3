"""Cases of the bad-input corpus: waivers of the editorial check (`check` and `record` in
waivers.yaml) written wrong, and waivers that no longer match anything.

Ids: `N2-W..` are new cases in the family of the fact sheets' waivers.
"""

from __future__ import annotations

from bad_inputs.kit import B, Case, append

WAIVERS = f"{B}/waivers.yaml"


def waiver(text: str):
    """Append one waiver (YAML, `- ...`) to the shipped briefing's waivers.yaml."""
    return lambda r: append(r, WAIVERS, "\n" + text)


WAIVER_CASES: list[Case] = [
    Case(
        "N2-W01",
        "waivers",
        "a waiver of an editorial check that names no record",
        waiver("- check: unheld-name\n  reason: the source names it elsewhere\n"),
        rf"{WAIVERS}:\d+: record: name the id of the record the check may pass",
    ),
    Case(
        "N2-W02",
        "waivers",
        "a waiver that names a record but no rule",
        waiver("- record: raid-begins\n  reason: the source names it elsewhere\n"),
        rf"{WAIVERS}:\d+: reason: give exactly one of 'name' .* or 'check'",
    ),
    Case(
        "N2-W03",
        "waivers",
        "a waiver of a rule the editorial check does not have",
        waiver("- check: unheld-names\n  record: raid-begins\n  reason: a typo in the rule\n"),
        rf"{WAIVERS}:\d+: check: 'unheld-names' is not allowed \(did you mean 'unheld-name'\?\)",
    ),
    Case(
        "N2-W04",
        "waivers",
        "a waiver of an editorial check for a record it finds nothing in",
        waiver("- check: unheld-number\n  record: crimea-2014\n  reason: left from an edit\n"),
        rf"{WAIVERS}:\d+: warning: check: stale-waiver: silences 'unheld-number' for "
        r"'crimea-2014', but that rule finds nothing there \(any more\); remove the waiver",
        outcome="warning",
    ),
    Case(
        "N2-W05",
        "waivers",
        "a coverage waiver of a name no source uses",
        waiver("- name: Zembla\n  reason: named in an earlier version of a source\n"),
        rf"{WAIVERS}:\d+: warning: name: stale-waiver: waives 'Zembla' for the coverage check, "
        r"but it is found uncaptured nowhere \(any more\); remove the waiver",
        outcome="warning",
    ),
]
