"""`calibrate` (create a calibration round, or close its blind phase) and `calibration-status`
(its progress and, once closed, the agreement between its reviewers)."""
from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from foundation.errors import WorkbenchError, register
from foundation.words import count, number
from workbench.cli.options import Command, Subcommands, add_db
from workbench.cli.support import actor, open_workspace

register({
    "cli.calibrate_close": "--close takes only --round (the round to close).",
    "cli.calibrate_reviewers": "Give the reviewers: --reviewers A,B,C.",
})


def _add_calibrate(commands: Subcommands) -> None:
    p = commands.add_parser("calibrate", help="create a calibration round (every reviewer reviews every case, "
                                              "blind), or close its blind phase")
    p.add_argument("--round", required=True, metavar="NAME", help="the calibration round's name")
    p.add_argument("--reviewers", metavar="A,B,C", help="who reviews every case (two or more)")
    p.add_argument("--size", type=int, metavar="N", help="draw N cases at random")
    p.add_argument("--seed", type=int, metavar="S", help="with --size: the draw's seed (default: a random one)")
    p.add_argument("--where", action="append", default=[], metavar="FIELD=VALUE",
                   help="with --size: draw from these cases only (as `sample --where`)")
    p.add_argument("--cases", metavar="NUMBER,...", help="hand-pick the cases by application number")
    p.add_argument("--from-round", metavar="R", help="take every case of round R")
    p.add_argument("--close", action="store_true", help="end the round's blind phase: every answer becomes "
                                                        "visible and the consensus can be recorded")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    add_db(p)


def _add_status(commands: Subcommands) -> None:
    p = commands.add_parser("calibration-status", help="a calibration round's progress and, once closed, "
                                                       "the agreement between its reviewers")
    p.add_argument("--round", required=True, metavar="NAME")
    p.add_argument("--json", action="store_true")
    add_db(p)


def cmd_calibrate(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.calibration import rounds
    from workbench.rounds import population
    db = open_workspace(args)
    if args.close:
        if args.reviewers or args.size is not None or args.cases or args.from_round or args.where:
            raise WorkbenchError("cli.calibrate_close")
        rnd = rounds.close_calibration_round(db, args.round, actor=actor())
        _print(out, args.json, rnd.as_json(), f"Calibration round {rnd.name!r} is closed: every reviewer's "
                                               "answers can now be seen, and the consensus recorded.")
        return 0
    if not args.reviewers:
        raise WorkbenchError("cli.calibrate_reviewers")
    filters = None
    if args.size is not None:
        filters = population.parse_where(db, args.where, population.Filters(exclude_sampled=False,
                                                                           exclude_reviewed=False))
    rnd = rounds.create_calibration_round(
        db, name=args.round, reviewers=args.reviewers.split(","), actor=actor(), size=args.size, seed=args.seed,
        filters=filters, case_numbers=args.cases.split(",") if args.cases else (), from_round=args.from_round)
    seed = f", seed {rnd.seed}" if rnd.seed is not None else ""
    _print(out, args.json, rnd.as_json(),
           f"Calibration round {rnd.name!r}: {len(rnd.cases)} cases ({rnd.source.replace('_', ' ')}{seed}), "
           f"each reviewed blind by {', '.join(rnd.reviewers)}.")
    return 0


def _print(out: TextIO, as_json: bool, data: dict[str, Any], text: str) -> None:
    if as_json:
        json.dump(data, out, ensure_ascii=False)
        out.write("\n")
    else:
        print(text, file=out)


def _value(a: dict[str, Any]) -> str:
    if a["value"] is None:
        return f"not defined ({a['reason']})"
    interval = f" [{a['low']:.2f}, {a['high']:.2f}]" if a["low"] is not None else ""
    return f"{a['value']:.2f}{interval}"


def describe_status(status: dict[str, Any]) -> list[str]:
    lines = [f"Calibration round {status['round']!r}: {len(status['cases'])} cases, reviewers "
             f"{', '.join(status['reviewers'])}; " + ("blind (open)" if status["blind"] else
                                                      f"closed {status['closed_at']}") + "."]
    for p in status["progress"]:
        lines.append(f"  {p['reviewer']}: {number(p['completed'])} of {count(p['cases'], 'case')} completed")
    if status["blind"]:
        lines.append("Agreement is shown once the round is closed (calibrate --close --round NAME).")
        return lines
    lines.append(f"Consensus recorded for {count(status['consensus_completed'], 'case')}.")
    for key, label in (("overall", "All answers"), ("verdict", "Verdict"), ("severity", "Severity")):
        figures = status[key]
        lines.append(f"{label}: agreement {_value(figures['percent'])}, kappa {_value(figures['kappa'])}, "
                     f"alpha {_value(figures['alpha'])}, AC1 {_value(figures['ac1'])}")
    lines.append("Items, most disagreement first:")
    for item in status["items"][:10]:
        a = item["agreement"]
        lines.append(f"  {item['ip_type'].replace('_', ' ')} {item['item']}: agreement {_value(a['percent'])}, "
                     f"AC1 {_value(a['ac1'])}, {number(item['disagreements'])} of {count(item['cases'], 'case')} "
                     + ("differs" if item['disagreements'] == 1 else "differ"))
    for d in status["deviation_from_consensus"]:
        rate = "no consensus yet" if d["rate"] is None else f"{d['rate']:.1%} of {count(d['compared'], 'answer')}"
        lines.append(f"  {d['reviewer']} differs from the consensus in {rate}")
    return lines


def cmd_status(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.calibration.status import status_json
    status = status_json(open_workspace(args, reading=True), args.round)
    if args.json:
        json.dump(status, out, ensure_ascii=False)
        out.write("\n")
    else:
        print("\n".join(describe_status(status)), file=out)
    return 0


COMMANDS = {
    "calibrate": Command(_add_calibrate, cmd_calibrate),
    "calibration-status": Command(_add_status, cmd_status),
}
