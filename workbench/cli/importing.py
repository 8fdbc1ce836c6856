"""`import` (cases from a CSV, text or spreadsheet file) and `checklist validate` (a template checked
before it is installed): what comes into a workspace."""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, Sequence, TextIO

from foundation.errors import WorkbenchError, register
from foundation.words import count
from workbench.cli.options import Command, Parser, Subcommands, add_db
from workbench.cli.display import visible
from workbench.cli.support import open_workspace

register({
    "cli.bad_mapping_file": "The mapping file {path} cannot be used: {detail}.",
})


def _add_import(commands: Subcommands) -> None:
    p = commands.add_parser("import", help="import cases from a CSV, text or spreadsheet file")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="print one JSON object with the counts and rejected rows")
    p.add_argument("--mapping", metavar="M.json", help="a JSON object: column header -> case field")
    p.add_argument("--encoding", help="the text encoding, e.g. utf-8, gb18030, utf-16 (default: detected)")
    p.add_argument("--delimiter", help="the CSV delimiter: ',', ';' or 'tab' (default: detected)")
    p.add_argument("--sheet", help="the spreadsheet sheet (default: the first with data)")
    p.add_argument("--on-conflict", choices=("skip", "update"), default="skip",
                   help="a case already imported with other details: keep it (skip) or replace it (update)")
    p.add_argument("--report", metavar="R.csv", help="write every rejected, skipped or flagged row to a CSV file")
    add_db(p)


def _add_checklist(commands: Subcommands) -> None:
    p = commands.add_parser("checklist", help="checklist templates")
    checklist_commands = p.add_subparsers(dest="checklist_command", parser_class=Parser, required=True)
    v = checklist_commands.add_parser("validate", help="check a template; exit 2 listing every problem")
    v.add_argument("file")


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.report.import_issues_csv import write_report_csv
    from workbench.risk.after_import import import_and_score

    mapping = None
    if args.mapping:
        mapping = _read_mapping(Path(args.mapping))
    db = open_workspace(args, create=True)
    result = import_and_score(db, args.file, mapping=mapping, encoding=args.encoding, delimiter=args.delimiter,
                         sheet=args.sheet, on_conflict=args.on_conflict)
    if args.report:
        write_report_csv(result, Path(args.report))
    if args.json:
        json.dump(result.as_json(), out, ensure_ascii=False)
        out.write("\n")
        return 0
    print(f"{Path(args.file).name}: read {result.read} rows: accepted {result.accepted}, "
          f"unchanged {result.unchanged}, updated {result.updated}, rejected {result.rejected}, "
          f"skipped {result.skipped} (duplicates in file {result.duplicates}, conflicts {result.conflicts}).",
          file=out)
    if not result.changed:
        print("Nothing was changed in the workspace.", file=out)
    _print_rows(result.rejected_rows, out)
    if result.warnings:
        print(f"{count(len(result.warnings), 'accepted row')} flagged for checking:", file=out)
        _print_rows(result.warnings, out)
    return 0


def _print_rows(issues: Sequence[Any], out: TextIO, shown: int = 20) -> None:
    """The first rows of an import report, one line each with line, column and reason."""
    for issue in issues[:shown]:
        column = f", column {visible(issue.column)}" if issue.column else ""
        print(f"  line {issue.line}{column}: {visible(issue.reason)}", file=out)
    if len(issues) > shown:
        print(f"  ... and {len(issues) - shown} more (use --report or --json)", file=out)


def _read_mapping(path: Path) -> dict[str, str]:
    from workbench.importing.headers import CASE_FIELDS
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise WorkbenchError("cli.bad_mapping_file", path=str(path), detail=str(exc)) from exc
    except RecursionError as exc:
        raise WorkbenchError("cli.bad_mapping_file", path=str(path), detail="the JSON is nested too deeply") from exc
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise WorkbenchError("cli.bad_mapping_file", path=str(path),
                             detail="expected a JSON object of column header -> case field")
    unknown = sorted(v for v in data.values() if v not in CASE_FIELDS and v not in ("", "extra"))
    if unknown:
        raise WorkbenchError("cli.bad_mapping_file", path=str(path),
                             detail=f"unknown case fields {', '.join(unknown)} (known: {', '.join(CASE_FIELDS)})")
    return data


def cmd_checklist(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.review.checklist_parsing import validate_file
    problems = validate_file(args.file)
    if problems:
        raise WorkbenchError("checklist.invalid", source=args.file, count=len(problems),
                             problems="\n".join(f"  - {p}" for p in problems))
    print(f"{args.file}: valid", file=out)
    return 0


COMMANDS = {
    "import": Command(_add_import, cmd_import),
    "checklist": Command(_add_checklist, cmd_checklist),
}
