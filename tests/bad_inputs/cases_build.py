"""Cases of the bad-input corpus: mkdocs.yml and the build's folders: site_dir, the plugin,
themes and fonts that load from elsewhere, links around site/ and the inputs.

Ids: `R-<id>` is the case of that id in the review of main at dd7a752
(../shared/reviews/reliability-2026-12-07.md); `N2-...` are new cases in the same families.
"""

from __future__ import annotations

from bad_inputs.kit import Case

BUILD_CASES: list[Case] = []
