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
    briefing diff BASE [HEAD]              Markdown summary of what a change does to the facts,
                                           between two git revisions (HEAD: the working tree)
    briefing schema [--out DIR]            write the fact sheets' JSON Schemas (for editors'
                                           tools) to briefings/schemas, or DIR
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

from .analysis import known_names
from .checks import FACT_KINDS, Briefing, iter_citations
from .coverage import format_coverage, measure_coverage
from .editor_schema import SCHEMA_DIR, schema_files
from .factsheets import load_factsheets
from .pages import hand_written_nav, render_site, site_nav
from .pipeline import discover_briefings, load_briefings
from .problems import display_path, format_report, has_errors
from .review import diff_report, read_revision, read_tree
from .skeleton import KINDS, append_skeleton

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing", description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=Path("."),
                        help="project folder holding briefings/, seeds/ and mkdocs.yml")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check fact sheets and quotes")
    check.add_argument("briefings", nargs="*", metavar="BRIEFING", help="folder names; default all")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    coverage = commands.add_parser(
        "coverage", help="list casualty-like sentences and names no fact captures")
    coverage.add_argument("briefings", nargs="*", metavar="BRIEFING")
    render = commands.add_parser("render", help="write the generated pages to a folder")
    render.add_argument("briefings", nargs="*", metavar="BRIEFING")
    render.add_argument("--out", type=Path, required=True, help="folder to write (replaced)")
    render.add_argument("--pages-only", action="store_true",
                        help="write only the generated files, no mkdocs.yml or docs copy")
    new = commands.add_parser("new", help="append a skeleton of a new record to a fact sheet")
    new.add_argument("kind", choices=sorted(KINDS))
    new.add_argument("--briefing", required=True, metavar="SLUG",
                     help="the briefing folder under briefings/")
    diff = commands.add_parser("diff", help="what a change does to the facts, in Markdown")
    diff.add_argument("base", metavar="BASE", help="a git revision, e.g. origin/main")
    diff.add_argument("head", metavar="HEAD", nargs="?", default=None,
                      help="a git revision (default: the working tree)")
    schema = commands.add_parser("schema", help="write the fact sheets' JSON Schemas")
    schema.add_argument("--out", type=Path, default=None,
                        help=f"folder to write into (default: {SCHEMA_DIR})")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root = args.root.resolve()
    if args.command == "schema":
        return _write_schemas(args.out or root / SCHEMA_DIR)
    if args.command == "new":
        return _new_record(root, args.kind, args.briefing)
    if args.command == "diff":
        return _print_diff(root, args.base, args.head)
    briefings, problems = load_briefings(root, root / "briefings", root / "seeds",
                                         args.briefings or None)
    failed = has_errors(problems) or (args.command == "check" and args.strict and problems)
    if problems:
        print(format_report(problems), file=sys.stderr)
    if failed:
        return 1
    if args.command == "check":
        print(f"ok: {'; '.join(_counts(b) for b in briefings)}")
        return 0
    if args.command == "coverage":
        return _print_coverage(root, briefings)
    _write_render(root, briefings, args.out, pages_only=args.pages_only)
    print(f"wrote {args.out}")
    return 0


def _print_diff(root: Path, base: str, head: str | None) -> int:
    try:
        before = read_revision(root, base)
        after = read_revision(root, head) if head else read_tree(root)
    except ValueError as exc:
        print(f"briefing diff: cannot read a revision: {exc}", file=sys.stderr)
        return 1
    print(diff_report(before, after, base, head or "working tree"), end="")
    return 0


def _new_record(root: Path, kind: str, slug: str) -> int:
    folder = root / "briefings" / slug
    if not (folder / "briefing.yaml").is_file():
        known = ", ".join(p.name for p in discover_briefings(root / "briefings"))
        print(f"briefings/{slug}: no such briefing (a folder with a briefing.yaml); known: "
              f"{known or 'none'}", file=sys.stderr)
        return 1
    sheets, _ = load_factsheets(folder, root)
    new_id, path, line = append_skeleton(kind, sheets)
    print(f"{display_path(path, root)}:{line}: added {kind} '{new_id}'; replace each TODO, then "
          "run `briefing check`")
    return 0


def _write_schemas(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    for name, text in schema_files().items():
        (out / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(schema_files())} schemas to {out}")
    return 0


def _counts(briefing: Briefing) -> str:
    citations = sum(
        1 for kind in FACT_KINDS for r in getattr(briefing, kind) for _ in iter_citations(r)
    )
    return (
        f"{len(briefing.actors)} actors, {len(briefing.places)} places, "
        f"{len(briefing.events)} events, {len(briefing.claims)} claims, "
        f"{len(briefing.statements)} statements, {len(briefing.sources)} sources, "
        f"{citations} citations in {briefing.slug}"
    )


def _print_coverage(root: Path, briefings: list[Briefing]) -> int:
    passed = True
    for briefing in briefings:
        coverage = measure_coverage(briefing, known_names(briefing))
        report, ok = format_coverage(briefing, coverage, display_path(root / "seeds", root))
        print(report)
        passed = passed and ok
    return 0 if passed else 1


def _write_render(root: Path, briefings: list[Briefing], out: Path, *, pages_only: bool) -> None:
    files = render_site(briefings)
    if out.exists():
        shutil.rmtree(out)
    docs = out if pages_only else out / "docs"
    if not pages_only:
        config = _plain_config(root / "mkdocs.yml", briefings)
        shutil.copytree(root / config["docs_dir"], docs)
        config["docs_dir"] = "docs"
        (out / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False,
                                                       allow_unicode=True), encoding="utf-8")
    for path, content in files.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")


def _plain_config(config_path: Path, briefings: list[Briefing]) -> dict[str, Any]:
    """The project's mkdocs.yml without the briefing plugin, with the nav it would set."""
    config: dict[str, Any] = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config.setdefault("docs_dir", "docs")
    plugins = [p for p in config.get("plugins", ["search"]) if _plugin_name(p) != "briefing"]
    hand_written = hand_written_nav(config_path.parent / config["docs_dir"])
    config.update(plugins=plugins, nav=site_nav(briefings, hand_written), site_dir="site")
    return config


def _plugin_name(entry: Any) -> str:
    return next(iter(entry)) if isinstance(entry, dict) else str(entry)


if __name__ == "__main__":
    sys.exit(main())
