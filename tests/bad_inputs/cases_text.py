"""Cases of the bad-input corpus: quotes as a reader sees them (invisible characters, look-
alike apostrophes, superscripts), live blogs, local times, site_url.

Ids: `R-<id>` is the case of that id in the review of main at dd7a752
(../shared/reviews/reliability-2026-12-07.md); `N2-...` are new cases in the same families.
"""

from __future__ import annotations

from bad_inputs.kit import Case

TEXT_CASES: list[Case] = []
