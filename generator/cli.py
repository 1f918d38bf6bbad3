"""The `briefing` command: check fact sheets, render pages without MkDocs.

    briefing check [BRIEFING ...]          run every check; exit 1 on errors
    briefing coverage [BRIEFING ...]       list figures and names in the sources that no fact
                                           captures or waiver excuses; exit 1 if any
    briefing render --out DIR [BRIEFING ...]
        write DIR/docs (generated pages, data and the hand-written docs) and DIR/mkdocs.yml,
        a plain config without the plugin: `mkdocs build -f DIR/mkdocs.yml` builds the site
    briefing render --pages-only --out DIR
        write only the generated files (the golden copy in tests/golden is made this way)
    briefing new KIND --briefing SLUG     append a commented skeleton of a new source, actor,
                                           place, event, claim or statement, with a fresh id
    briefing new briefing SLUG             start briefings/SLUG/ with a briefing.yaml skeleton
    briefing diff BASE [HEAD]              Markdown summary of what a change does to the facts,
                                           between two git revisions (HEAD: the working tree)
    briefing changes [BRIEFING ...] [--since REV]
                                           the change log read from git, as the Changes pages
                                           show it (only the commits after REV)
    briefing schema [--out DIR]            write the fact sheets' JSON Schemas (for editors'
                                           tools) to briefings/schemas, or DIR
    briefing build                         `mkdocs build --strict` into site/, replaced whole
                                           only when the build succeeds

Every error is one line; `briefing --debug ...` shows the traceback of an unexpected one.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
from pathlib import Path

from . import terminal
from .analysis.coverage import measure_coverage
from .analysis.names import known_names
from .build import analysed_problems
from .checks.briefing import Briefing
from .checks.records import citations_of
from .factsheets.json_schema import SCHEMA_DIR, schema_files
from .factsheets.kinds import FACTS
from .factsheets.kinds import kind as kind_named
from .factsheets.load import load_factsheets
from .factsheets.skeleton import KINDS_BY_WORD, SkeletonRefused, append_skeleton, start_briefing
from .factsheets.vocabulary import ID_PATTERN, MAX_SLUG
from .history.log import briefing_history
from .pipeline import RESERVED_SLUGS, discover_briefings, docs_problems, load_briefings
from .problems import display_path, format_report, has_errors
from .project import Project
from .render.site import render_site
from .render_folder import RenderRefused, check_render_target, write_render
from .report.changes import changes_report
from .report.coverage import format_coverage
from .report.diff import diff_report, read_revision, read_tree
from .settings import plugin_problem
from .site_config import ConfigUnreadable, feeds_of, plain_config, read_config

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--root",
        type=Path,
        default=Path("."),
        help="project folder holding briefings/, seeds/ and mkdocs.yml",
    )
    parser.add_argument(
        "--debug", action="store_true", help="show the traceback of an unexpected error"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check fact sheets and quotes")
    check.add_argument("briefings", nargs="*", metavar="BRIEFING", help="folder names; default all")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    coverage = commands.add_parser(
        "coverage", help="list casualty-like sentences and names no fact captures"
    )
    coverage.add_argument("briefings", nargs="*", metavar="BRIEFING")
    render = commands.add_parser("render", help="write the generated pages to a folder")
    render.add_argument("briefings", nargs="*", metavar="BRIEFING")
    render.add_argument(
        "--out",
        type=Path,
        required=True,
        help="folder to write; replaced whole if an earlier render made it",
    )
    render.add_argument(
        "--pages-only",
        action="store_true",
        help="write only the generated files, no mkdocs.yml or docs copy",
    )
    new = commands.add_parser(
        "new", help="start a briefing folder, or append a skeleton of a new record to a sheet"
    )
    new.add_argument("kind", choices=["briefing", *sorted(KINDS_BY_WORD)])
    new.add_argument("slug", nargs="?", metavar="SLUG", help="with `new briefing`: its folder")
    new.add_argument("--briefing", metavar="SLUG", help="the briefing folder under briefings/")
    diff = commands.add_parser("diff", help="what a change does to the facts, in Markdown")
    diff.add_argument("base", metavar="BASE", help="a git revision, e.g. origin/main")
    diff.add_argument(
        "head",
        metavar="HEAD",
        nargs="?",
        default=None,
        help="a git revision (default: the working tree)",
    )
    changes = commands.add_parser("changes", help="the change log of the briefings, from git")
    changes.add_argument("briefings", nargs="*", metavar="BRIEFING")
    changes.add_argument("--since", metavar="REV", help="only the commits after this revision")
    render.add_argument(
        "--no-history",
        action="store_true",
        help="leave out the change logs (the Changes pages say they were not read)",
    )
    schema = commands.add_parser("schema", help="write the fact sheets' JSON Schemas")
    schema.add_argument(
        "--out", type=Path, default=None, help=f"folder to write into (default: {SCHEMA_DIR})"
    )
    commands.add_parser("build", help="build the site with `mkdocs build --strict`")
    return parser


class CommandError(Exception):
    """A mistake in how a command was called: printed as it is, exit status 1."""


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        terminal.prepare()
        status = _run(args)
        terminal.finish()
    except BrokenPipeError:
        return terminal.reader_gone()  # the reader stopped reading: quiet, as `cat` is
    except KeyboardInterrupt:
        _err("briefing: interrupted")
        return 130
    except (CommandError, ConfigUnreadable) as exc:
        _err(str(exc))
        return 1
    except terminal.OutputUnavailable as exc:
        _err(f"briefing {args.command}: {exc}")
        return 1
    except Exception as exc:
        if args.debug:
            raise
        _err(f"briefing {args.command}: {_one_line(exc)}")
        return 2
    if note := terminal.encoding_note():
        _err(f"briefing {args.command}: {note}")
    return status


def _one_line(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
    return (
        f"unexpected {type(exc).__name__}: {exc}. Run again with --debug for the "
        "traceback, and report it if it persists"
    )


_out, _err = terminal.out, terminal.err


def _project_root(given: Path) -> Path:
    """The project folder --root names, resolved; refused unless it is a folder."""
    try:
        root = given.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a link loop (Python 3.11)
        problem = "is a symbolic link loop"
    else:
        if root.is_dir():
            return root
        problem = "is a file" if root.exists() else "does not exist"
    raise CommandError(
        f"briefing: --root {given} {problem}; give the project folder (the one holding "
        "briefings/, seeds/ and mkdocs.yml)"
    )


def _run(args: argparse.Namespace) -> int:
    root = _project_root(args.root)
    if args.command == "schema":
        return _write_schemas(args.out or root / SCHEMA_DIR)
    # Its folders as mkdocs.yml sets them, for every command: the ones the build reads.
    project = Project.read(root)
    if args.command == "new" and args.kind == "briefing":
        return _new_briefing(project, args.slug or args.briefing)
    if args.command == "new":
        if args.briefing is None or args.slug is not None:
            raise CommandError(f"briefing new {args.kind}: write --briefing SLUG")
        return _new_record(project, args.kind, args.briefing)
    if args.command == "diff":
        return _print_diff(project, args.base, args.head)
    if args.command == "build":
        return _build(root)
    if args.command == "changes":
        return _print_changes(project, args.briefings, args.since)
    if args.command == "render":
        try:
            check_render_target(project, args.out)
        except RenderRefused as exc:
            raise CommandError(f"briefing render: {exc}") from None
    briefings, problems = load_briefings(
        root,
        project.briefings_dir,
        project.seeds_dir,
        args.briefings or None,
        project.docs_dir,
    )
    problems += [p for briefing in briefings for p in analysed_problems(briefing)]
    failed = has_errors(problems) or (args.command == "check" and args.strict and problems)
    if problems:
        _err(format_report(problems))
    if failed:
        return 1
    if args.command == "check":
        _out(f"ok: {'; '.join(_counts(b) for b in briefings)}")
        return 0
    if args.command == "coverage":
        return _print_coverage(project, briefings)
    _write_render(
        project, briefings, args.out, pages_only=args.pages_only, history=not args.no_history
    )
    _out(f"wrote {args.out}")
    return 0


def _print_diff(project: Project, base: str, head: str | None) -> int:
    try:
        before = read_revision(project, base)
        after = read_revision(project, head) if head else read_tree(project)
    except ValueError as exc:
        raise CommandError(f"briefing diff: cannot read a revision: {exc}") from None
    _out(diff_report(before, after, base, head or "working tree"), end="")
    return 0


def _print_changes(project: Project, names: list[str], since: str | None) -> int:
    try:
        for text in changes_report(project, names, since, note=_err):
            _out(text, end="")
    except ValueError as exc:
        raise CommandError(f"briefing changes: {exc}") from None
    return 0


def _new_record(project: Project, kind: str, slug: str) -> int:
    root, briefings_dir = project.root, project.briefings_dir
    folder = briefings_dir / slug
    named_like_one = len(slug) <= MAX_SLUG and re.fullmatch(ID_PATTERN, slug)
    if not named_like_one or not (folder / "briefing.yaml").is_file():
        raise CommandError(_no_such_briefing(briefings_dir, slug, kind, bool(named_like_one)))
    sheets, _ = load_factsheets(folder, root)
    try:
        new_id, path, line = append_skeleton(KINDS_BY_WORD[kind], sheets)
    except SkeletonRefused as exc:
        raise CommandError(f"{display_path(folder, root)}/{exc}") from None
    _out(
        f"{display_path(path, root)}:{line}: added {kind} '{new_id}'; replace each "
        "'REPLACE: ...', then run `briefing check`"
    )
    return 0


def _no_such_briefing(briefings_dir: Path, slug: str, kind: str, named_like_one: bool) -> str:
    """Why a record cannot be added to `slug`, and the command that starts the briefing (or
    the name of a briefing close to it, for a typo)."""
    known = [p.name for p in discover_briefings(briefings_dir)]
    message = (
        f"{briefings_dir.name}/{slug}: no such briefing (a folder with a briefing.yaml); known: "
        f"{', '.join(known) or 'none'}"
    )
    close = difflib.get_close_matches(slug, known, n=1, cutoff=0.7)
    if close:
        message += f"; did you mean `briefing new {kind} --briefing {close[0]}`?"
    if named_like_one:
        message += (
            f"; to start a new briefing, run `briefing new briefing {slug}`, then "
            f"`briefing new {kind} --briefing {slug}`"
        )
    return message


def _new_briefing(project: Project, slug: str | None) -> int:
    if not slug:
        raise CommandError("briefing new briefing: name the folder, e.g. riverton-2023-05")
    from .pipeline import hand_written_slugs

    try:
        taken = RESERVED_SLUGS | hand_written_slugs(project.docs_dir)
        written = start_briefing(project.root, project.briefings_dir, slug, taken)
    except SkeletonRefused as exc:
        raise CommandError(f"briefing new briefing: {exc}") from None
    _out("\n".join(f"wrote {display_path(path, project.root)}" for path in written))
    _out(
        f"replace each 'REPLACE: ...' in briefing.yaml, add sources with `briefing new "
        f"source --briefing {slug}`, then run `briefing check {slug}`"
    )
    return 0


def _write_schemas(out: Path) -> int:
    if out.exists() and not out.is_dir():
        raise CommandError(
            f"briefing schema: --out {out} is a file; give a folder to write the schemas into"
        )
    out.mkdir(parents=True, exist_ok=True)
    for name, text in schema_files().items():
        (out / name).write_text(text, encoding="utf-8")
    _out(f"wrote {len(schema_files())} schemas to {out}")
    return 0


def _build(root: Path) -> int:
    """`mkdocs build --strict` through MkDocs's own command line, so its output is as usual;
    anything it raises is reported in one line by `main`."""
    import click
    from mkdocs.__main__ import cli as mkdocs_cli

    config = root / "mkdocs.yml"
    if not config.is_file():
        raise CommandError(f"briefing build: no mkdocs.yml in {root}")
    if problem := plugin_problem(config, read_config(config).get("plugins")):
        raise CommandError(str(problem))
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        mkdocs_cli.main(
            ["build", "--strict", "-f", str(config)], prog_name="mkdocs", standalone_mode=False
        )
    except click.ClickException as exc:
        raise CommandError(f"briefing build: {exc.format_message()}") from None
    except click.exceptions.Abort:
        raise CommandError("briefing build: aborted") from None
    return 0


def _counts(briefing: Briefing) -> str:
    citations = sum(1 for kind in FACTS for r in briefing.records(kind) for _ in citations_of(r))
    counted = ", ".join(
        f"{len(briefing.records(kind))} {kind.name}" for kind in (*FACTS, kind_named("sources"))
    )
    return f"{counted}, {citations} citations in {briefing.slug}"


def _print_coverage(project: Project, briefings: list[Briefing]) -> int:
    passed = True
    for briefing in briefings:
        coverage = measure_coverage(briefing, known_names(briefing))
        seeds = display_path(project.seeds_dir, project.root)
        report, ok = format_coverage(briefing, coverage, seeds)
        _out(report)
        passed = passed and ok
    return 0 if passed else 1


def _write_render(
    project: Project, briefings: list[Briefing], out: Path, *, pages_only: bool, history: bool
) -> None:
    """Render the briefings and write them, with the hand-written pages and a plain
    mkdocs.yml unless `pages_only`, into `out`, replaced whole."""
    root, docs_dir = project.root, project.docs_dir
    if not pages_only and (problems := docs_problems(docs_dir, root)):
        raise CommandError(
            "briefing render: cannot copy the hand-written pages:\n" + format_report(problems)
        )
    histories = {
        b.slug: briefing_history(root, b.sheets.folder, project.seeds_dir) for b in briefings
    }
    for reason in dict.fromkeys(h.unavailable for h in histories.values() if h.unavailable):
        _err(f"Change log not available in this build: {reason}")
    feeds = feeds_of(root)
    if feeds is None:
        _err("Feeds: mkdocs.yml sets no site_url, so no Atom feed is written")
    files = render_site(briefings, histories if history else None, feeds)
    config = None if pages_only else plain_config(root / "mkdocs.yml", briefings)
    try:
        write_render(out, files, config, docs_dir, _err)
    except RenderRefused as exc:
        raise CommandError(f"briefing render: {exc}") from None


if __name__ == "__main__":
    sys.exit(main())
