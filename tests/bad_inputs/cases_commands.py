"""Cases of the bad-input corpus: the briefing command's own edges (closed or broken
stdout, a terminal that is not UTF-8, long names, missing folders), Pagefind, and the
preview gate against hostile API answers.

Ids: `R-<id>` is the case of that id in the review of main at dd7a752
(../shared/reviews/reliability-2026-12-07.md); `N2-...` are new cases in the same families.
"""

from __future__ import annotations

from bad_inputs.kit import Case

COMMANDS_CASES: list[Case] = []
