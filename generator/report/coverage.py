"""`briefing coverage`: what in the sources no fact captures, as a report for editors."""

from __future__ import annotations

from ..analysis.coverage import Coverage, CoverageItem, percent, waiver_counts
from ..analysis.names import listed_names, variants_of
from ..checks.briefing import Briefing
from ..factsheets.kinds import kind as kind_named

__all__ = ["format_coverage"]


def format_coverage(briefing: Briefing, coverage: Coverage, seeds: str) -> tuple[str, bool]:
    """The coverage report for one briefing, and whether it passes (nothing left uncaptured
    and every waiver used). `seeds` is the seeds folder as problems name it."""
    files = {s.id: f"{seeds}/{s.file}" for s in briefing.sources}
    waivers_file = briefing.sheets.files.get("waivers", "waivers.yaml")
    names = listed_names(briefing)
    found = variants_of((i.text for i in coverage.missing if i.kind == "name"), names)
    lines = [f"coverage of {briefing.slug}"]
    for item in coverage.missing:
        where = f"{files[item.source]} ¶{item.paragraph}"
        if item.kind == "figure":
            what = f"figure not captured by any casualty claim ({item.text})"
        else:
            what = f"name '{item.text}' is not an actor, place or waived name"
            like = found[item.text]
            if like:
                name, (kind, record_id) = like
                what += (
                    f" (it looks like '{name}', {kind_named(kind).singular} "
                    f"'{record_id}': if it is, add it to that record's aliases)"
                )
        lines.append(f'{where}: {what}: "{item.sentence}"')
    counts = {id(w): n for w, n in waiver_counts(coverage.items)}
    # A waiver of an editorial-check warning is `briefing check`'s, not coverage's.
    for waiver in (w for w in briefing.waivers if w.check is None):
        what = f"name '{waiver.name}'" if waiver.name is not None else "sentence"
        n = counts.get(id(waiver), 0)
        if waiver in coverage.unused_waivers:
            lines.append(
                f"{waivers_file}:{waiver.line}: {what} waived but found nowhere; remove the waiver"
            )
        else:
            lines.append(
                f"{waivers_file}:{waiver.line}: {what} waived ({n} "
                f"item{'s' * (n != 1)}): {waiver.reason}"
            )
    lines.append(f"{'source':<24} {'figures':>9} {'names':>9} {'captured':>9}")
    for source in briefing.sources:
        lines.append(_coverage_row(source.id, coverage.by_source[source.id].items))
    lines.append(_coverage_row("total", coverage.items))
    for source in briefing.sources:
        if hidden := briefing.texts[source.id].unchecked:
            lines.append(
                f"{files[source.id]}: {len(hidden)} embedded post{'s' * (len(hidden) != 1)} "
                "hidden from the text and not checked for figures or names (the share leaves "
                "them out; the source page shows them)"
            )
    ok = not coverage.missing and not coverage.unused_waivers
    return "\n".join(lines), ok


def _coverage_row(label: str, items: list[CoverageItem]) -> str:
    def share(kind: str) -> str:
        of_kind = [i for i in items if i.kind == kind]
        return f"{sum(i.captured for i in of_kind)}/{len(of_kind)}"

    return f"{label:<24} {share('figure'):>9} {share('name'):>9} {percent(items):>8.1f}%"
