"""`export` (the quality-and-efficiency workbook) and `verify` (the audit chain, coverage of every
stored fact and integrity, and anchors written earlier): what a workspace gives out and proves."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from foundation.errors import WorkbenchError, register
from foundation.words import count
from workbench.cli.options import Command, RULE, Subcommands, add_db
from workbench.cli.support import open_workspace

register({
    "verify.broken": "The workspace is not intact ({count} problem(s)):\n{problems}",
})


def _add_export(commands: Subcommands) -> None:
    p = commands.add_parser("export", help="write the quality-and-efficiency workbook (.xlsx) or PDF report (.pdf)")
    p.add_argument("out", metavar="OUT.xlsx|OUT.pdf", help="a .pdf name writes the PDF report, otherwise the workbook")
    p.add_argument("--round", metavar="NAME", help="only the cases of this review round (default: every case)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="only cases decided on or after DATE (2022-04-01)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="only cases decided on or before DATE (2022-06-30)")
    p.add_argument("--target", metavar="PERCENT", default="90",
                   help=f"target compliance rate, e.g. 90 or 0.9 ({RULE}); rows whose interval lies wholly below "
                        "it are highlighted (default 90)")
    p.add_argument("--language", choices=("en", "zh"), default="en", help="language of the sheet and column names, or of the PDF report")
    add_db(p)


def _add_verify(commands: Subcommands) -> None:
    p = commands.add_parser("verify", help="check the audit chain, coverage of every stored fact and integrity")
    p.add_argument("--anchor", metavar="FILE|HASH", action="append", default=[],
                   help="a workbook, work package or text file written earlier (or its anchor hash): prove the "
                        "audit chain still extends it")
    add_db(p)


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.report.workbook import write_workbook
    from workbench.report.figures import ReportFilter, parse_filter_date, parse_target
    report_filter = ReportFilter(round_name=args.round, date_from=parse_filter_date(args.date_from, "--from"),
                                 date_to=parse_filter_date(args.date_to, "--to"))
    target = parse_target(args.target)
    if Path(args.out).suffix.lower() == ".pdf":
        return _export_pdf(args, report_filter, target, out)
    db = open_workspace(args, reading=True)
    result = write_workbook(db, args.out, language=args.language, report_filter=report_filter, target=target)
    print(f"Wrote {result.path}: {result.cases} cases ({result.reviewed} reviewed), {result.findings} findings.",
          file=out)
    return 0


def _export_pdf(args: argparse.Namespace, report_filter: object, target: float, out: TextIO) -> int:
    """The PDF report, drawn by Qt (an offscreen QGuiApplication when none runs)."""
    from workbench.report.pdf_report import write_pdf_report
    db = open_workspace(args, reading=True)
    result = write_pdf_report(db, args.out, language=args.language, report_filter=report_filter,  # type: ignore[arg-type]
                              target=target)
    print(f"Wrote {result.path}: {result.pages} pages, {result.cases} cases ({result.reviewed} reviewed), "
          f"{result.findings} findings.", file=out)
    return 0


def cmd_verify(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.review.integrity import check_workspace
    from workbench.audit import anchors
    given = [(source, anchors.read(source)) for source in args.anchor]    # an unreadable anchor: exit 2 first
    db = open_workspace(args, reading=True)
    problems = check_workspace(db)
    for source, anchor in given:
        problems.extend(f"anchor {Path(source).name if Path(source).exists() else source[:24]}: {p}"
                        for p in anchors.check(db, anchor))
    if problems:
        raise WorkbenchError("verify.broken", count=len(problems),
                             problems="\n".join(f"  - {p}" for p in problems))
    print("The workspace is intact: audit chain, coverage of every stored fact and database integrity verified"
          + (f"; it extends {count(len(given), 'anchor')}." if given else "."), file=out)
    return 0


COMMANDS = {
    "export": Command(_add_export, cmd_export),
    "verify": Command(_add_verify, cmd_verify),
}
