"""`feedback`: for every examiner with findings in a round or a period, a PDF letter and a response
workbook written into a folder, and recorded (workbench.feedback.sending)."""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TextIO

from foundation.errors import WorkbenchError, register
from foundation.words import count, number
from workbench.cli.options import Command, Subcommands, add_db
from workbench.cli.support import actor, open_workspace

register({
    "cli.feedback_scope": "Choose the scope: --round NAME, or --from DATE --to DATE (not both).",
})


def _add_feedback(commands: Subcommands) -> None:
    p = commands.add_parser("feedback", help="write each examiner's feedback letter (.pdf) and response workbook "
                                             "(.xlsx) for a round or a period into a folder")
    p.add_argument("outdir", metavar="OUTDIR", help="the folder the files are written into (made if missing)")
    p.add_argument("--round", metavar="NAME", help="the findings of this review round")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="with --to: the findings of cases decided "
                                                                   "from DATE (2022-04-01)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="with --from: ... to DATE (2022-06-30)")
    p.add_argument("--department", metavar="D", help="only the examiners of this department")
    p.add_argument("--examiner", metavar="NAME", help="only this examiner")
    p.add_argument("--language", choices=("en", "zh"), default="en", help="the language of letters and workbooks")
    add_db(p)


def today() -> date:
    """The day the letters are written (a seam for tests)."""
    return date.today()


def cmd_feedback(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.feedback.findings import FeedbackScope
    from workbench.feedback.sending import send_feedback
    from workbench.report.figures import ReportFilter, parse_filter_date
    period = (args.date_from is not None, args.date_to is not None)
    if (args.round is not None) == any(period) or (any(period) and not all(period)):
        raise WorkbenchError("cli.feedback_scope")
    report_filter = ReportFilter(round_name=args.round, date_from=parse_filter_date(args.date_from, "--from"),
                                 date_to=parse_filter_date(args.date_to, "--to"))
    scope = FeedbackScope(report_filter, department=args.department, examiner=args.examiner)
    db = open_workspace(args)
    result = send_feedback(db, Path(args.outdir), scope, language=args.language, actor=actor(), today=today())
    for s in result.letters:
        print(f"{s.examiner}: {s.letter.name} ({count(s.pages, 'page')}) and {s.workbook.name}, "
              f"{count(s.findings, 'finding')} in {number(s.cases)} of {count(s.reviewed, 'reviewed case')}", file=out)
    if result.without_examiner:
        print(f"{count(result.without_examiner, 'finding')} of cases that name no examiner "
              + ("was" if result.without_examiner == 1 else "were") + " not sent.", file=out)
    print(f"Responses are due by {result.deadline.isoformat()}: {count(len(result.letters), 'examiner')}, "
          f"{count(result.findings, 'finding')}, written into {result.outdir}.", file=out)
    return 0


COMMANDS = {
    "feedback": Command(_add_feedback, cmd_feedback),
}
