"""Cases of the bad-input corpus: the change log read from git: commits, merges, renames,
corrections, the history cache, links to briefings/ and seeds/.

Ids: `R-<id>` is the case of that id in the review of main at dd7a752
(../shared/reviews/reliability-2026-12-07.md); `N2-...` are new cases in the same families.
"""

from __future__ import annotations

from bad_inputs.kit import Case

HISTORY_CASES: list[Case] = []
