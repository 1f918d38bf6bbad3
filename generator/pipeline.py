"""The pipeline, stage by stage: fact sheets → checks (here), then analysis → pages and data
(`render.site.render_site`).

Both the CLI and the MkDocs plugin call `load_briefings`, so `briefing check` and a site
build always apply the same checks.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

from .addresses import READING_PAGE
from .checks.briefing import Briefing, check_briefing
from .checks.records import records_of
from .confine import is_inside, unreachable
from .factsheets.change_titles import read_change_titles
from .factsheets.hints import leaves
from .factsheets.load import SCHEMA_FOLDER, FactSheets, load_factsheets
from .factsheets.vocabulary import ID_PATTERN, MAX_SLUG
from .problems import Problem, display_path

__all__ = [
    "RESERVED_DOCS",
    "RESERVED_SLUGS",
    "briefing_folders",
    "discover_briefings",
    "docs_problems",
    "load_briefing",
    "load_briefings",
    "outside_project",
    "unchecked_references",
]

# Top-level addresses written by something other than the hand-written pages and MkDocs's
# pages: a hand-written page or folder there would be overwritten, or overwrite them.
RESERVED_DOCS = {
    # The search index, written after the build (render.search_index.SEARCH_FOLDER).
    "pagefind": "holds the site's search index",
    # preview-deploy.yml's umbrella-dir: gh-pages/pr-preview/pr-N/ is pull request N's
    # preview, and publish.yml keeps the folder when it publishes the site.
    "pr-preview": "holds the previews of pull requests (pr-preview/pr-N/)",
}
# The reader's guide, a page the generator writes at the site's top.
READING_SLUG = READING_PAGE.removesuffix(".md")
# Top-level addresses MkDocs and the theme write to, and those above: a briefing with one
# of these names would share its folder in the built site.
RESERVED_SLUGS = frozenset(
    {"assets", "index", "404", "sitemap", READING_SLUG, SCHEMA_FOLDER, *RESERVED_DOCS}
)


def discover_briefings(briefings_dir: Path) -> list[Path]:
    """Every briefing folder under `briefings_dir`, by name: each folder except the JSON
    Schemas' and hidden ones. A folder without a briefing.yaml is still listed, so that
    loading it reports the missing file instead of dropping the briefing unseen."""
    if not briefings_dir.is_dir():
        return []
    return sorted(
        p
        for p in briefings_dir.iterdir()
        if p.is_dir() and not p.name.startswith(".") and p.name != SCHEMA_FOLDER
    )


def outside_project(folders: dict[str, Path], root: Path) -> list[Problem]:
    """A problem for each input folder that leads nowhere (a link loop, a link to nothing)
    or resolves outside the project (a link out of it would publish whatever it points
    at)."""
    problems = []
    for name, path in folders.items():
        if (reason := unreachable(path)) is not None:
            message = f"the {name} folder {reason}"
        elif path.exists() and not is_inside(path, root):
            message = (
                f"the {name} folder resolves outside the project folder; it must be a "
                "folder inside the project, not a link out of it"
            )
        else:
            continue
        problems.append(Problem(display_path(path, root), 1, "", message))
    return problems


def attributes_problems(folders: list[Path], root: Path) -> list[Problem]:
    """A problem for each `.gitattributes` in the fact sheets' or the sources' folders.
    Attributes change what git gives for a file: `export-subst` once turned a YAML comment
    into a field holding each commit's author, a filter makes the checked-out file differ
    from the committed one. The change log reads every revision as committed, and what is
    checked must be what is committed."""
    problems = []
    for folder in folders:
        for path in _named(folder, ".gitattributes"):
            problems.append(
                Problem(
                    display_path(path, root),
                    1,
                    "",
                    "git attributes are not allowed among the fact sheets and sources: they "
                    "change what git gives for a file (export-subst, export-ignore, filters), "
                    "so what is checked would not be what is published; remove this file "
                    "(line endings are set in the .gitattributes at the project's top)",
                )
            )
    return problems


def _named(folder: Path, name: str) -> list[Path]:
    """Every entry called `name` in `folder` and its subfolders (links are not followed)."""
    found = []
    for parent, subfolders, files in os.walk(folder):
        found += [Path(parent) / name for entry in (*subfolders, *files) if entry == name]
    return sorted(found)


def docs_problems(docs_dir: Path, root: Path) -> list[Problem]:
    """A problem for each entry of the hand-written pages' folder that would put something
    from outside it on the site (a link out of it, to nothing, or in a loop), hang the
    build (a FIFO, a device), or take an address the site's publishing uses
    (RESERVED_DOCS). Links that stay inside are fine."""
    top = sorted(docs_dir.iterdir()) if docs_dir.is_dir() else []
    problems = [
        Problem(
            display_path(path, root),
            1,
            "",
            f"would be published at {slug}/, which {RESERVED_DOCS[slug]}; rename it",
        )
        for path in top
        if (slug := _address(path)) in RESERVED_DOCS
    ]
    for folder, subfolders, files in os.walk(docs_dir):
        for name in sorted([*subfolders, *files]):
            path = Path(folder) / name
            if (reason := _docs_entry_problem(path, docs_dir)) is not None:
                problems.append(Problem(display_path(path, root), 1, "", reason))
    return problems


def _docs_entry_problem(path: Path, docs_dir: Path) -> str | None:
    if path.is_symlink() and (reason := unreachable(path, "file")) is not None:
        return reason
    if path.is_symlink() and not is_inside(path, docs_dir):
        return (
            f"is a symbolic link to something outside {docs_dir.name}/; only files inside "
            f"{docs_dir.name}/ are published: copy it there"
        )
    if not (path.is_dir() or path.is_file()):
        return "is not a regular file or folder; remove it"
    return None


def _address(path: Path) -> str:
    """The top-level address a hand-written page or folder is published at."""
    return path.stem if path.suffix == ".md" else path.name


def hand_written_slugs(docs_dir: Path | None) -> set[str]:
    """The top-level addresses of the hand-written pages and folders in `docs_dir`."""
    if docs_dir is None or not docs_dir.is_dir():
        return set()
    return {_address(p) for p in docs_dir.iterdir()}


def load_briefings(
    root: Path,
    briefings_dir: Path,
    seeds_dir: Path,
    only: list[str] | None = None,
    docs_dir: Path | None = None,
) -> tuple[list[Briefing], list[Problem]]:
    """Load and check the briefings (all, or those named in `only`).

    Returns the briefings that passed and every problem found in any of them. `docs_dir`
    holds the hand-written pages, whose addresses no briefing may take.
    """
    folders, problems = briefing_folders(root, briefings_dir, seeds_dir, only, docs_dir)
    briefings = []
    for folder in folders:
        briefing, found = load_briefing(folder, seeds_dir, root)
        problems += found
        if briefing is not None:
            briefings.append(briefing)
    return briefings, problems


def load_briefing(
    folder: Path, seeds_dir: Path, root: Path
) -> tuple[Briefing | None, list[Problem]]:
    """Load and check one briefing folder (one of `briefing_folders`): the briefing, unless
    a fact sheet could not be read, and every problem found."""
    sheets, sheet_problems = load_factsheets(folder, root)
    briefing, check_problems = check_briefing(sheets, seeds_dir, root)
    problems = sheet_problems + check_problems + unchecked_references(sheets, sheet_problems)
    return (briefing if not sheet_problems else None), problems


def _change_title_problems(root: Path, folders: list[Path]) -> list[Problem]:
    """What is wrong with the shape of the titles given to published changes, and each
    briefing they name that is not there. Whether each commit is a change of its briefing
    is for the history to say (`history/retitle.py`)."""
    titles = read_change_titles(root)
    known = sorted(f.name for f in folders)
    return [*titles.problems] + [
        Problem(
            titles.file,
            titles.lines[slug],
            slug,
            f"no briefing is named {slug}, so these titles would show nowhere; name a "
            f"briefing's folder (known: {', '.join(known) or 'none'})",
        )
        for slug in titles.briefings
        if slug not in known
    ]


def briefing_folders(
    root: Path,
    briefings_dir: Path,
    seeds_dir: Path,
    only: list[str] | None = None,
    docs_dir: Path | None = None,
) -> tuple[list[Path], list[Problem]]:
    """The briefing folders to load (all, or those named in `only`), and a problem for each
    folder that cannot be a briefing (a link out, a bad or taken name) and for input
    folders outside the project."""
    folders_by_name = {"briefings": briefings_dir, "seeds": seeds_dir}
    if docs_dir is not None:
        folders_by_name["docs"] = docs_dir
    problems = outside_project(folders_by_name, root)
    if problems:
        return [], problems
    if docs_dir is not None and docs_dir.is_dir():
        problems += docs_problems(docs_dir, root)
    problems += attributes_problems([briefings_dir, seeds_dir], root)
    folders = discover_briefings(briefings_dir)
    problems += _schema_folder_briefing(briefings_dir, root)
    problems += _change_title_problems(root, folders)
    if only:
        by_name = {f.name: f for f in folders}
        for name in only:
            if name not in by_name:
                known = ", ".join(by_name) or "none"
                problems.append(
                    Problem(
                        display_path(briefings_dir, root),
                        1,
                        "",
                        f"no briefing '{name}' (a folder with a briefing.yaml); known: {known}",
                    )
                )
        folders = [by_name[n] for n in only if n in by_name]
    elif not folders:
        problems.append(
            Problem(
                display_path(briefings_dir, root),
                1,
                "",
                "no briefings found; add a folder with a briefing.yaml",
            )
        )
    taken = hand_written_slugs(docs_dir)
    chosen = []
    for folder in folders:
        where = display_path(folder / "briefing.yaml", root)
        if not is_inside(folder, briefings_dir):
            problems.append(
                Problem(
                    display_path(folder, root),
                    1,
                    "",
                    "is a link to a folder outside briefings/; a briefing must be a folder "
                    "inside briefings/",
                )
            )
            continue
        if (unfit := _unfit_slug(folder.name)) is not None:
            problems.append(Problem(display_path(folder, root), 1, "", unfit))
            continue
        if folder.name in RESERVED_SLUGS or folder.name in taken:
            owner = (
                "a hand-written page in " + display_path(docs_dir, root)
                if folder.name in taken and docs_dir
                else "the site itself"
            )
            problems.append(
                Problem(
                    where,
                    1,
                    "",
                    f"the briefing's folder name '{folder.name}' is an address {owner} already "
                    "uses; rename the folder",
                )
            )
            continue
        chosen.append(folder)
    return chosen, problems


def _unfit_slug(name: str) -> str | None:
    """Why a briefing folder's name cannot be its address, or None."""
    if not re.fullmatch(ID_PATTERN, name):
        return (
            "a briefing folder name becomes its URL: use lowercase letters, digits and "
            "single hyphens"
        )
    if len(name) > MAX_SLUG:
        return (
            f"a briefing folder name becomes its URL: this one is {len(name)} characters "
            f"long, and may be at most {MAX_SLUG}"
        )
    return None


def _schema_folder_briefing(briefings_dir: Path, root: Path) -> list[Problem]:
    info = briefings_dir / SCHEMA_FOLDER / "briefing.yaml"
    if not info.exists():
        return []
    return [
        Problem(
            display_path(info, root),
            1,
            "",
            f"briefings/{SCHEMA_FOLDER}/ holds the fact sheets' JSON Schemas, not a "
            "briefing; move this briefing to a folder with another name",
        )
    ]


def unchecked_references(sheets: FactSheets, problems: list[Problem]) -> list[Problem]:
    """Once for each sheet that could not be read: how many references to its ids the other
    sheets make, which the checks skip (the sheet's own error is the one to fix; fifty "not
    the id of any place" would bury it)."""
    counts = Counter(
        leaf.shape.ref.kind
        for _, record in records_of(sheets, partial=True)
        for leaf in leaves(record)
        if leaf.shape.ref is not None and leaf.shape.ref.kind in sheets.unreadable
    )
    notes = []
    for kind_name, count in sorted(counts.items()):
        where = sheets.files[kind_name]
        line = next((p.line for p in problems if p.file == where), 1)
        notes.append(
            Problem(
                where,
                line,
                "",
                f"{count} reference{'s' * (count != 1)} to {kind_name} in the other fact sheets "
                f"{'were' if count != 1 else 'was'} not checked because "
                f"{Path(where).name} did not parse; fix the error above and run the check again",
                "warning",
                stage=1,
            )
        )
    return notes
