"""The command line: `python main.py COMMAND ...`, one module per command group, and the self-test
the frozen build runs. Stable: scripts rely on it as documented in the README.

Exit status: 0 done; 2 bad input or arguments (one clear message on stderr, no traceback);
1 an unexpected failure (logged in full to the log file).

May import: every capability package of workbench/ and db/; nothing imports it but main.py.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any, Callable, NoReturn, Sequence, TextIO

from workbench import APP_NAME, __version__
from workbench.cli.support import check_inputs, configure_database, environment_error, silence
from workbench.cli.display import error_text, visible
from workbench.base.errors import Cancelled, WorkbenchError

log = logging.getLogger("workbench.cli")

GuiLauncher = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage problem as one line instead of a usage block."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see --help)")


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="the workspace file (default: WORKBENCH_DB, else the user's data folder)")


#: The one rule for rates (workbench.base.rates.RULE), escaped for argparse's %-formatting.
_RULE = "a number with %% or above 1 is a percentage, otherwise a fraction"
_LEVELS = ("S-1", "S-2", "S-3", "S-4", "I", "II", "III")   # workbench.rounds.acceptance.LEVELS, without importing it


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="main.py", description=f"{APP_NAME}: quality review of examination cases. "
                                                "Without a command, opens the application window.")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--db", metavar="PATH", default=None,
                        help="the workspace file (default: WORKBENCH_DB, else the user's data folder)")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

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
    _add_db(p)

    p = commands.add_parser("export", help="write the quality-and-efficiency workbook")
    p.add_argument("out", metavar="OUT.xlsx")
    p.add_argument("--round", metavar="NAME", help="only the cases of this review round (default: every case)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="only cases decided on or after DATE (2022-04-01)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="only cases decided on or before DATE (2022-06-30)")
    p.add_argument("--target", metavar="PERCENT", default="90",
                   help=f"target compliance rate, e.g. 90 or 0.9 ({_RULE}); rows whose interval lies wholly below "
                        "it are highlighted (default 90)")
    p.add_argument("--language", choices=("en", "zh"), default="en", help="sheet and column names")
    _add_db(p)

    p = commands.add_parser("checklist", help="checklist templates")
    checklist_commands = p.add_subparsers(dest="checklist_command", parser_class=_Parser, required=True)
    v = checklist_commands.add_parser("validate", help="check a template; exit 2 listing every problem")
    v.add_argument("file")

    p = commands.add_parser("verify", help="check the audit chain, coverage of every stored fact and integrity")
    p.add_argument("--anchor", metavar="FILE|HASH", action="append", default=[],
                   help="a workbook, work package or text file written earlier (or its anchor hash): prove the "
                        "audit chain still extends it")
    _add_db(p)

    p = commands.add_parser("sample", help="draw a review round: filters, sampling plan, seed and reviewers")
    p.add_argument("--round", required=True, metavar="NAME", help="the new round's name")
    p.add_argument("--size", type=int, metavar="N", help="draw N cases (or give a precision instead)")
    p.add_argument("--confidence", metavar="C", help=f"size for a precision: confidence level, e.g. 95 ({_RULE})")
    p.add_argument("--margin", metavar="E", help=f"margin of error, e.g. 5 or 0.05 ({_RULE})")
    p.add_argument("--expected", metavar="P", help="expected compliance rate, e.g. 90 or 0.9 (default 50%%); "
                                                   "with --allocation neyman, every stratum's default rate")
    p.add_argument("--method", choices=("random", "systematic", "stratified", "acceptance"),
                   help="default: stratified when --strata is given, else random")
    p.add_argument("--strata", metavar="FIELD[,FIELD]", help="stratify by these fields (ip_type, department, "
                   "examiner, decision, procedure, classification, import, decision_year, decision_quarter, "
                   "decision_month); with --method acceptance the lot fields (default examiner,decision_month)")
    p.add_argument("--allocation", choices=("proportional", "equal", "neyman"),
                   help="stratified: how the sample is shared among strata (default proportional)")
    p.add_argument("--min-per-stratum", type=int, metavar="K",
                   help="stratified: at least K cases per stratum (default 2 with --allocation neyman, so each "
                        "stratum's variance can be estimated; else 0)")
    p.add_argument("--stratum-expected", action="append", default=[], metavar="STRATUM=P",
                   help="Neyman allocation: a stratum's expected rate, e.g. 'Examiner A=95' (repeat; the others "
                        "use --expected)")
    p.add_argument("--aql", type=float, help="acceptance: the AQL in percent nonconforming, 0.010 to 10 "
                                             "(default 2.5)")
    p.add_argument("--level", choices=_LEVELS,
                   help="acceptance: the ISO 2859-1 inspection level (default II)")
    p.add_argument("--count-defects", action="store_true",
                   help="acceptance: count defect verdicts as nonconforming, not only errors")
    p.add_argument("--seed", type=int, metavar="S", help="the seed (default: a random one, printed and stored)")
    p.add_argument("--where", action="append", default=[], metavar="FIELD=VALUE",
                   help="filter (repeat): ip_type, department, examiner, decision, procedure, import = value; "
                        "decision_date with =, >=, <=, >, < and YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY")
    p.add_argument("--include-sampled", action="store_true",
                   help="keep cases drawn in earlier rounds in the population (default: left out)")
    p.add_argument("--include-reviewed", action="store_true",
                   help="keep cases that already have a completed or signed-off review in the population "
                        "(default: left out; their earlier review keeps counting in the all-cases figures "
                        "until the round's own review is completed)")
    p.add_argument("--reviewers", metavar="NAME[:CAP],...", help="share the cases among these reviewers")
    p.add_argument("--effort", metavar="TYPE=N,...", help="balance by expected effort per IP type, not by count")
    p.add_argument("--json", action="store_true", help="print one JSON object: plan, strata and the cases drawn")
    _add_db(p)

    p = commands.add_parser("sample-size", help="cases to review for a precision, or an ISO 2859-1 lot plan")
    p.add_argument("--confidence", metavar="C", help=f"confidence level, e.g. 95 or 0.95 ({_RULE})")
    p.add_argument("--margin", metavar="E", help=f"margin of error, e.g. 5 or 0.05 ({_RULE})")
    p.add_argument("--expected", metavar="P", help="expected rate, e.g. 90 or 0.9 (default 50%%)")
    p.add_argument("--population", type=int, metavar="N", help="the population, for the finite population correction")
    p.add_argument("--lot", type=int, metavar="N", help="instead: ISO 2859-1 plan for a lot of N cases")
    p.add_argument("--aql", type=float, help="with --lot: the AQL, 0.010 to 10 percent nonconforming (default 2.5); "
                                             "15 to 1000 only with --per-hundred")
    p.add_argument("--level", choices=_LEVELS, help="with --lot: the inspection level (default II)")
    p.add_argument("--per-hundred", action="store_true",
                   help="with --lot: judge the lot by its findings per 100 cases (nonconformities per 100 units), "
                        "not by nonconforming cases")
    p.add_argument("--json", action="store_true")
    _add_db(p)

    p = commands.add_parser("reassign", help="give a case of a round to another reviewer (kept in the audit log)")
    p.add_argument("--round", required=True, metavar="NAME")
    p.add_argument("--case", required=True, metavar="APPLICATION_NUMBER")
    p.add_argument("--to", required=True, metavar="REVIEWER")
    p.add_argument("--reason", default="", help="why, for the audit log")
    _add_db(p)

    p = commands.add_parser("round-status", help="a round's plan, progress per reviewer and verdict per lot")
    p.add_argument("--round", required=True, metavar="NAME")
    p.add_argument("--json", action="store_true")
    _add_db(p)

    p = commands.add_parser("package", help="write one reviewer's work package of a round, for offline review")
    p.add_argument("--round", required=True, metavar="NAME")
    p.add_argument("--reviewer", required=True, metavar="NAME")
    p.add_argument("out", metavar="OUT", help="the package file to write (e.g. li-na.qrpkg)")
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")
    _add_db(p)

    p = commands.add_parser("open", help="check a work package and open it as the workspace in the application")
    p.add_argument("package", metavar="PACKAGE")
    p.add_argument("--check", action="store_true", help="only check the package and print its summary")
    _add_db(p)   # accepted for uniformity; the package itself is the workspace opened

    p = commands.add_parser("merge", help="merge reviewers' work packages into the workspace")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--prefer", choices=("master", "package"),
                   help="for items changed both here and in a package: keep this workspace's or take the package's "
                        "(default: refuse the file and list the conflicts)")
    p.add_argument("--dry-run", action="store_true", help="show what would change; change nothing")
    _add_db(p)

    p = commands.add_parser("demo", help="fill an empty workspace with generated cases and realistic reviews")
    p.add_argument("--cases", type=int, default=1000, metavar="N", help="how many cases (default 1000)")
    p.add_argument("--reviewed", type=float, default=0.2, metavar="FRACTION",
                   help="the share of cases reviewed, 0 to 1 (default 0.2)")
    p.add_argument("--seed", type=int, default=2022, metavar="S", help="the same seed gives the same workspace")
    p.add_argument("--round", metavar="NAME", help="then draw this round over every case (as `sample` does) and "
                   "review part of it in the round")
    p.add_argument("--size", type=int, metavar="N", help="with --round: draw N cases (not with acceptance)")
    p.add_argument("--method", choices=("random", "systematic", "stratified", "acceptance"),
                   help="with --round: default stratified when --strata is given, else random")
    p.add_argument("--strata", metavar="FIELD[,FIELD]", help="with --round: the stratum or lot fields")
    p.add_argument("--allocation", choices=("proportional", "equal", "neyman"),
                   help="with --round: how a stratified sample is shared (default proportional)")
    p.add_argument("--aql", type=float, help="with --round --method acceptance: the AQL (default 2.5)")
    p.add_argument("--round-seed", type=int, metavar="S", help="with --round: the draw's seed (default --seed)")
    p.add_argument("--round-reviewed", type=float, default=1.0, metavar="FRACTION",
                   help="with --round: the share of the round's cases reviewed in the round, 0 to 1 (default 1)")
    _add_db(p)

    p = commands.add_parser("self-test", help="import, review and export the demo samples in a temporary workspace")
    return parser


def main(argv: Sequence[str] | None = None, *, gui: GuiLauncher | None = None,
         out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = build_parser().parse_args(argv)
    except UsageError as exc:
        print(str(exc), file=err)
        return 2
    except SystemExit as exc:   # --help and --version
        return int(exc.code or 0)
    from workbench.base.logs import setup_logging
    log_file = setup_logging()
    try:
        if args.command is None:
            if gui is None:
                print("main.py: no command given (see --help)", file=err)
                return 2
            return gui(args)
        args.gui, args.err = gui, err   # `open` starts the window; `merge` reports each refused file
        configure_database(err)
        check_inputs(args)
        return COMMANDS[args.command](args, out)
    except WorkbenchError as exc:
        print(f"error: {error_text(exc)}", file=err)     # may quote a file: escaped, one line
        return 2
    except Cancelled:
        print("cancelled: nothing was changed", file=err)
        return 2
    except KeyboardInterrupt:
        print("interrupted: nothing was changed", file=err)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`merge ... | head -c 20`): the work is done and
        # committed; only the rest of the printout is lost.
        silence(out)
        return 0
    except Exception as exc:  # the last line of defence: a known cause in one line, else log it
        known = environment_error(exc, getattr(args, "db", None))
        if known is not None:
            log.warning("%s failed: %s", args.command, known.message())
            print(f"error: {known.message()}", file=err)
            return 2
        log.exception("unexpected failure in %s", args.command)
        print(f"unexpected error ({type(exc).__name__}: {exc}); details are in {log_file}", file=err)
        return 1


def _open(args: argparse.Namespace, *, create: bool = False, reading: bool = False):
    """The workspace of --db; only import and demo create one ("no workspace at PATH" otherwise).

    `reading`: the command only reads, so a workspace the user may not change (a read-only file
    or medium) is opened read-only instead of refused.
    """
    from db.connection import open_database
    from workbench.base.paths import workspace_path
    path = workspace_path(getattr(args, "db", None))
    try:
        return open_database(path, create=create)
    except WorkbenchError as exc:
        if reading and exc.code == "db.read_only_file":
            return open_database(path, read_only=True)
        raise


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.report.import_issues_csv import write_report_csv
    from workbench.importing.importer import import_file

    mapping = None
    if args.mapping:
        mapping = _read_mapping(Path(args.mapping))
    db = _open(args, create=True)
    result = import_file(db, args.file, mapping=mapping, encoding=args.encoding, delimiter=args.delimiter,
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
        print(f"{len(result.warnings)} accepted row(s) flagged for checking:", file=out)
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


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.report.workbook import write_workbook
    from workbench.report.figures import ReportFilter, parse_filter_date, parse_target
    report_filter = ReportFilter(round_name=args.round, date_from=parse_filter_date(args.date_from, "--from"),
                                 date_to=parse_filter_date(args.date_to, "--to"))
    target = parse_target(args.target)
    db = _open(args, reading=True)
    result = write_workbook(db, args.out, language=args.language, report_filter=report_filter, target=target)
    print(f"Wrote {result.path}: {result.cases} cases ({result.reviewed} reviewed), {result.findings} findings.",
          file=out)
    return 0


def cmd_checklist(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.review.checklists import validate_file
    problems = validate_file(args.file)
    if problems:
        raise WorkbenchError("checklist.invalid", source=args.file, count=len(problems),
                             problems="\n".join(f"  - {p}" for p in problems))
    print(f"{args.file}: valid", file=out)
    return 0


def cmd_verify(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.review.integrity import check_workspace
    from workbench.audit import anchors
    given = [(source, anchors.read(source)) for source in args.anchor]    # an unreadable anchor: exit 2 first
    db = _open(args, reading=True)
    problems = check_workspace(db)
    for source, anchor in given:
        problems.extend(f"anchor {Path(source).name if Path(source).exists() else source[:24]}: {p}"
                        for p in anchors.check(db, anchor))
    if problems:
        raise WorkbenchError("verify.broken", count=len(problems),
                             problems="\n".join(f"  - {p}" for p in problems))
    print("The workspace is intact: audit chain, coverage of every stored fact and database integrity verified"
          + (f"; it extends {len(given)} anchor(s)." if given else "."), file=out)
    return 0


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    import time

    from workbench.demo.generate import build_demo
    from workbench.base.paths import workspace_path
    path = workspace_path(getattr(args, "db", None))
    round_spec = _demo_round(args)
    started = time.perf_counter()
    result = build_demo(_open(args, create=True), cases=args.cases, reviewed=args.reviewed, seed=args.seed,
                        path=str(path), round_spec=round_spec)
    print(f"{path}: {result.cases} cases, {result.reviews} reviews, {result.answers} answers, "
          f"{result.findings} findings, {result.audit_entries} audit entries "
          f"({time.perf_counter() - started:.1f} s).", file=out)
    if round_spec is not None:
        print(f"Round {round_spec.name!r}: {result.round_cases} cases drawn, {result.round_reviews} reviewed "
              "in the round.", file=out)
    return 0


def _demo_round(args: argparse.Namespace):  # -> DemoRound | None
    from workbench.rounds import store
    from workbench.demo.generate import DemoRound
    round_options = ("size", "method", "strata", "allocation", "aql", "round_seed")
    if args.round is None:
        given = [o for o in round_options if getattr(args, o) is not None]
        if given or args.round_reviewed != 1.0:
            raise WorkbenchError("cli.demo_round_options",
                                 option="--" + (given[0] if given else "round_reviewed").replace("_", "-"))
        return None
    strata = tuple(f.strip() for f in (args.strata or "").split(",") if f.strip())
    plan = store.Plan(method=args.method or ("stratified" if strata else "random"), size=args.size,
                       strata=strata, allocation=args.allocation or "proportional", aql=args.aql)
    return DemoRound(args.round, plan, args.round_reviewed, args.round_seed)


def cmd_self_test(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.cli.selftest import run_self_test
    run_self_test(out)
    print("OK", file=out)
    return 0


def _rate(text: str | None, option: str, bounds: Any) -> float | None:
    from workbench.base.rates import parse_rate
    return None if text is None else parse_rate(text, option, bounds)


def cmd_sample(args: argparse.Namespace, out: TextIO) -> int:
    import getpass

    from workbench.rounds import store
    from workbench.base.rates import CONFIDENCE, MARGIN, RATE
    from workbench.cli.sample_args import check_sample_args
    strata = tuple(f.strip() for f in (args.strata or "").split(",") if f.strip())
    method = args.method or ("stratified" if strata else "random")
    check_sample_args(args, method)
    try:
        actor = getpass.getuser()
    except Exception:  # no user name in this environment (e.g. a service account without one)
        actor = "cli"
    plan = store.Plan(
        method=method, size=args.size,
        confidence=_rate(args.confidence, "The confidence level (--confidence)", CONFIDENCE),
        margin=_rate(args.margin, "The margin of error (--margin)", MARGIN),
        expected=_rate(args.expected, "The expected rate (--expected)", RATE),
        strata=strata, allocation=args.allocation or "proportional", min_per_stratum=args.min_per_stratum,
        stratum_expected=store.parse_stratum_rates(args.stratum_expected), aql=args.aql,
        level=args.level or "II", count_defects=args.count_defects)
    db = _open(args)
    filters = store.parse_where(db, args.where, store.Filters(exclude_sampled=not args.include_sampled,
                                                                   exclude_reviewed=not args.include_reviewed))
    result = store.create_round(
        db, name=args.round, filters=filters, plan=plan, seed=args.seed, actor=actor,
        reviewers=store.parse_reviewers(args.reviewers) if args.reviewers else (),
        effort=store.parse_effort(args.effort) if args.effort else None)
    if args.json:
        json.dump(result.as_json(), out, ensure_ascii=False)
        out.write("\n")
    else:
        print("\n".join(store.describe_round(result)), file=out)
    return 0


def cmd_sample_size(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.rounds.acceptance import acceptance_plan
    from workbench.base.rates import CONFIDENCE, MARGIN, RATE, percent_text
    from workbench.cli.sample_args import check_sample_size_args
    from workbench.rounds.sample_size import sample_size
    check_sample_size_args(args)
    if args.lot is not None:
        aql = 2.5 if args.aql is None else args.aql
        level = args.level or "II"
        lot = acceptance_plan(args.lot, aql, level, per_hundred_units=args.per_hundred)
        counted = "findings" if args.per_hundred else "nonconforming cases"
        data = {"lot_size": args.lot, "aql": aql, "level": level, "per_hundred": args.per_hundred,
                "code_letter": lot.letter, "plan_letter": lot.plan_letter, "sample_size": lot.sample_size,
                "accept": lot.accept, "reject": lot.reject, "full_inspection": lot.full_inspection,
                "plan": lot.describe()}
        text = (f"{lot.sample_size} cases from a lot of {args.lot}: {lot.describe()}; accept the lot with at most "
                f"{lot.accept} {counted} in the sample, reject it with {lot.reject} or more (ISO 2859-1, "
                f"inspection level {level}, normal inspection, AQL {aql:g}"
                + (" nonconformities per 100 units)." if args.per_hundred else ")."))
    else:
        if args.confidence is None or args.margin is None:
            raise WorkbenchError("cli.sample_size_args")
        confidence = _rate(args.confidence, "The confidence level (--confidence)", CONFIDENCE)
        margin = _rate(args.margin, "The margin of error (--margin)", MARGIN)
        expected = 0.5 if args.expected is None else _rate(args.expected, "The expected rate (--expected)", RATE)
        size = sample_size(confidence=confidence, margin=margin, expected=expected, population=args.population)
        unlimited = sample_size(confidence=confidence, margin=margin, expected=expected)
        data = {"sample_size": size, "unadjusted_size": unlimited, "confidence": confidence, "margin": margin,
                "expected": expected, "population": args.population}
        text = (f"{size} cases ({percent_text(confidence)} confidence, margin ±{percent_text(margin)}, "
                f"expected rate {percent_text(expected)}, "
                + (f"population {args.population}: {unlimited} before the finite population correction)."
                   if args.population is not None else "population unlimited)."))
    if args.json:
        json.dump(data, out)
        out.write("\n")
    else:
        print(text, file=out)
    return 0


def cmd_reassign(args: argparse.Namespace, out: TextIO) -> int:
    import getpass

    from workbench.rounds import store
    db = _open(args)
    case_id = store.case_by_number(db, args.case)
    try:
        actor = getpass.getuser()
    except Exception:  # no user name in this environment
        actor = "cli"
    store.reassign(db, args.round, case_id, args.to, actor=actor, reason=args.reason)
    print(f"Case {args.case} of round {args.round!r} is now assigned to {args.to.strip()}.", file=out)
    return 0


def cmd_round_status(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.rounds import store
    status = store.status_json(_open(args, reading=True), args.round)
    if args.json:
        json.dump(status, out, ensure_ascii=False)
        out.write("\n")
    else:
        print("\n".join(store.describe_status(status)), file=out)
    return 0


def _actor() -> str:
    import getpass
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment
        return "cli"


def cmd_package(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.packages.workpackage import export_package
    result = export_package(_open(args), round_name=args.round, reviewer=args.reviewer, out=Path(args.out),
                            actor=_actor(), overwrite=args.force)
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
    report = merge_packages(_open(args), args.files, actor=_actor(), resolutions=Resolutions(prefer=args.prefer),
                            dry_run=args.dry_run)
    if args.dry_run:
        print("Dry run: nothing was changed. Merging would do this:", file=out)
    for result in report.files:
        lines = describe(result)[1:] if result.refused else describe(result)   # refusals go to stderr
        if lines:
            print("\n".join(lines), file=out)
    for result in report.refused:
        print(f"error: {result.line()}", file=args.err)
    return 2 if report.refused else 0


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "import": cmd_import,
    "export": cmd_export,
    "checklist": cmd_checklist,
    "verify": cmd_verify,
    "self-test": cmd_self_test,
    "demo": cmd_demo,
    "sample": cmd_sample,
    "sample-size": cmd_sample_size,
    "round-status": cmd_round_status,
    "reassign": cmd_reassign,
    "package": cmd_package,
    "open": cmd_open,
    "merge": cmd_merge,
}

from workbench.base.errors import register  # noqa: E402  (templates sit beside the commands that raise them)

register({
    "cli.bad_mapping_file": "The mapping file {path} cannot be used: {detail}.",
    "cli.demo_round_options": "{option} describes the demo's round: give --round NAME with it.",
    "verify.broken": "The workspace is not intact ({count} problem(s)):\n{problems}",
    "cli.sample_size_args": "Give --confidence and --margin (with --expected and --population if known), "
                            "or --lot (with --aql and --level).",
})
