"""`package` (one reviewer's work package of a round), `open` (check a package and open it in the
application) and `merge` (reviewers' packages back into the workspace): offline review."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from workbench.cli.options import Command, Subcommands, add_db
from workbench.cli.support import actor, open_workspace


def _add_package(commands: Subcommands) -> None:
    p = commands.add_parser("package", help="write one reviewer's work package of a round, for offline review")
    p.add_argument("--round", required=True, metavar="NAME")
    p.add_argument("--reviewer", required=True, metavar="NAME")
    p.add_argument("out", metavar="OUT", help="the package file to write (e.g. li-na.qrpkg)")
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")
    add_db(p)


def _add_open(commands: Subcommands) -> None:
    p = commands.add_parser("open", help="check a work package and open it as the workspace in the application")
    p.add_argument("package", metavar="PACKAGE")
    p.add_argument("--check", action="store_true", help="only check the package and print its summary")
    add_db(p)   # accepted for uniformity; the package itself is the workspace opened


def _add_merge(commands: Subcommands) -> None:
    p = commands.add_parser("merge", help="merge reviewers' work packages into the workspace")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--prefer", choices=("master", "package"),
                   help="for items changed both here and in a package: keep this workspace's or take the package's "
                        "(default: refuse the file and list the conflicts)")
    p.add_argument("--dry-run", action="store_true", help="show what would change; change nothing")
    add_db(p)


def cmd_package(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.packages.workpackage import export_package
    result = export_package(open_workspace(args), round_name=args.round, reviewer=args.reviewer, out=Path(args.out),
                            actor=actor(), overwrite=args.force)
    print(result.line(), file=out)
    return 0


def cmd_open(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.packages.workpackage import check_package
    summary = check_package(args.package)
    print("\n".join(summary.lines()), file=out)
    if args.check or args.gui is None:
        print("The package is intact.", file=out)
        return 0
    out.flush()
    args.db = str(Path(args.package).resolve())
    return args.gui(args)


def cmd_merge(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.packages.merge import describe, merge_packages
    from workbench.packages.merge_plan import Resolutions
    report = merge_packages(open_workspace(args), args.files, actor=actor(),
                            resolutions=Resolutions(prefer=args.prefer), dry_run=args.dry_run)
    if args.dry_run:
        print("Dry run: nothing was changed. Merging would do this:", file=out)
    for result in report.files:
        lines = describe(result)[1:] if result.refused else describe(result)   # refusals go to stderr
        if lines:
            print("\n".join(lines), file=out)
    for result in report.refused:
        print(f"error: {result.line()}", file=args.err)
    return 2 if report.refused else 0


COMMANDS = {
    "package": Command(_add_package, cmd_package),
    "open": Command(_add_open, cmd_open),
    "merge": Command(_add_merge, cmd_merge),
}
