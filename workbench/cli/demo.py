"""`demo` (a workspace of generated cases and realistic reviews, optionally with a round reviewed
in the round) and `self-test` (the whole pipeline on the bundled samples, as CI runs it)."""
from __future__ import annotations

import argparse
import datetime
from typing import TextIO

from foundation.errors import WorkbenchError, register
from workbench.cli.options import Command, Subcommands, add_db
from workbench.cli.support import open_workspace

register({
    "cli.demo_round_options": "{option} describes the demo's round: give --round NAME with it.",
})


def _add_demo(commands: Subcommands) -> None:
    p = commands.add_parser("demo", help="fill an empty workspace with generated cases and realistic reviews")
    p.add_argument("--cases", type=int, default=1000, metavar="N", help="how many cases (default 1000)")
    p.add_argument("--reviewed", type=float, default=0.2, metavar="FRACTION",
                   help="the share of cases reviewed, 0 to 1 (default 0.2)")
    p.add_argument("--seed", type=int, default=2022, metavar="S",
                   help="the same seed and --today give the same workspace")
    p.add_argument("--today", metavar="DATE", help="the demo's today: cases are decided in the 24 months before it "
                   "and nothing is dated after it (default: today's date)")
    p.add_argument("--round", metavar="NAME", help="then draw this round over every case (as `sample` does) and "
                   "review part of it in the round")
    p.add_argument("--size", type=int, metavar="N", help="with --round: draw N cases (not with acceptance)")
    p.add_argument("--method", choices=("random", "systematic", "stratified", "acceptance", "risk"),
                   help="with --round: default stratified when --strata is given, else random")
    p.add_argument("--strata", metavar="FIELD[,FIELD]", help="with --round: the stratum or lot fields")
    p.add_argument("--allocation", choices=("proportional", "equal", "neyman", "risk"),
                   help="with --round: how a stratified sample is shared (default proportional)")
    p.add_argument("--aql", type=float, help="with --round --method acceptance: the AQL (default 2.5)")
    p.add_argument("--round-seed", type=int, metavar="S", help="with --round: the draw's seed (default --seed)")
    p.add_argument("--round-reviewed", type=float, default=1.0, metavar="FRACTION",
                   help="with --round: the share of the round's cases reviewed in the round, 0 to 1 (default 1)")
    p.add_argument("--calibration", metavar="NAME", help="then create a closed calibration round: three reviewers "
                   "review the same 12 cases blind, disagreeing on two or three items, with the consensus recorded")
    p.add_argument("--timings", action="store_true", help="print each phase's seconds to standard error")
    add_db(p)


def _add_self_test(commands: Subcommands) -> None:
    commands.add_parser("self-test", help="import, review and export the demo samples in a temporary workspace")


def today() -> datetime.date:
    """Today's date, the demo's default --today (the one place the command reads the calendar; tests
    replace this function)."""
    return datetime.date.today()


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    import time

    from workbench.demo.generate import Timings, build_demo
    from workbench.demo.timeline import decision_window
    from workbench.report.figures import parse_filter_date
    from foundation.paths import workspace_path
    path = workspace_path(getattr(args, "db", None))
    round_spec = _demo_round(args)
    day = parse_filter_date(args.today, "--today") or today()
    started = time.perf_counter()
    db = open_workspace(args, create=True)
    timings = Timings()
    result = build_demo(db, cases=args.cases, reviewed=args.reviewed, seed=args.seed, today=day, path=str(path),
                        round_spec=round_spec, timings=timings)
    first, last = decision_window(day)
    print(f"{path}: {result.cases} cases, {result.reviews} reviews, {result.answers} answers, "
          f"{result.findings} findings, {result.audit_entries} audit entries; decided {first} to {last}, "
          f"nothing dated after {day} ({time.perf_counter() - started:.1f} s).", file=out)
    if round_spec is not None:
        print(f"Round {round_spec.name!r}: {result.round_cases} cases drawn, {result.round_reviews} reviewed "
              "in the round.", file=out)
    if args.calibration:
        from workbench.demo.calibration_demo import build_calibration_demo
        with timings.phase("calibration"):
            calibration = build_calibration_demo(db, args.calibration, seed=args.seed, today=day)
        print(f"Calibration round {calibration.name!r}: {len(calibration.cases)} cases, each reviewed blind by "
              f"{', '.join(calibration.reviewers)}; closed, with the consensus recorded.", file=out)
    if args.timings:
        print("; ".join(f"{name} {seconds:.2f} s" for name, seconds in timings.seconds.items()), file=args.err)
    return 0


def _demo_round(args: argparse.Namespace):  # -> DemoRound | None
    from workbench.rounds import sampling_plan
    from workbench.demo.generate import DemoRound
    round_options = ("size", "method", "strata", "allocation", "aql", "round_seed")
    if args.round is None:
        given = [o for o in round_options if getattr(args, o) is not None]
        if given or args.round_reviewed != 1.0:
            raise WorkbenchError("cli.demo_round_options",
                                 option="--" + (given[0] if given else "round_reviewed").replace("_", "-"))
        return None
    strata = tuple(f.strip() for f in (args.strata or "").split(",") if f.strip())
    plan = sampling_plan.Plan(method=args.method or ("stratified" if strata else "random"), size=args.size,
                       strata=strata, allocation=args.allocation or "proportional", aql=args.aql)
    return DemoRound(args.round, plan, args.round_reviewed, args.round_seed)


def cmd_self_test(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.cli.selftest import run_self_test
    run_self_test(out)
    print("OK", file=out)
    return 0


COMMANDS = {
    "demo": Command(_add_demo, cmd_demo),
    "self-test": Command(_add_self_test, cmd_self_test),
}
