"""`sample` (draw a review round), `sample-size` (cases for a precision, or an ISO 2859-1 lot plan),
`reassign` (a case to another reviewer) and `round-status` (a round's progress and verdicts)."""
from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from foundation.errors import WorkbenchError, register
from workbench.cli.options import Command, LEVELS, RULE, Subcommands, add_db
from workbench.cli.support import actor, open_workspace

register({
    "cli.sample_size_args": "Give --confidence and --margin (with --expected and --population if known), "
                            "or --lot (with --aql and --level).",
})


def _add_sample(commands: Subcommands) -> None:
    p = commands.add_parser("sample", help="draw a review round: filters, sampling plan, seed and reviewers")
    p.add_argument("--round", required=True, metavar="NAME", help="the new round's name")
    p.add_argument("--size", type=int, metavar="N", help="draw N cases (or give a precision instead)")
    p.add_argument("--confidence", metavar="C", help=f"size for a precision: confidence level, e.g. 95 ({RULE})")
    p.add_argument("--margin", metavar="E", help=f"margin of error, e.g. 5 or 0.05 ({RULE})")
    p.add_argument("--expected", metavar="P", help="expected compliance rate, e.g. 90 or 0.9 (default 50%%); "
                                                   "with --allocation neyman, every stratum's default rate")
    p.add_argument("--method", choices=("random", "systematic", "stratified", "acceptance", "risk"),
                   help="default: stratified when --strata is given, else random; risk: probability "
                        "proportional to floor + (1 - floor) x risk score")
    p.add_argument("--floor", metavar="F", help="risk: the size measure's floor, above 0 and at most 1 "
                   "(default 0.1: a case without risk is drawn a tenth as often as the riskiest)")
    p.add_argument("--strata", metavar="FIELD[,FIELD]", help="stratify by these fields (ip_type, department, "
                   "examiner, decision, procedure, classification, import, decision_year, decision_quarter, "
                   "decision_month, risk_band); with --method acceptance the lot fields (default "
                   "examiner,decision_month)")
    p.add_argument("--allocation", choices=("proportional", "equal", "neyman", "risk"),
                   help="stratified: how the sample is shared among strata (default proportional; risk when "
                        "stratified by risk_band: N_h times 1, 2, 4, 8 for the bands none, low, medium, high)")
    p.add_argument("--min-per-stratum", type=int, metavar="K",
                   help="stratified: at least K cases per stratum (default 2 with --allocation neyman, so each "
                        "stratum's variance can be estimated; else 0)")
    p.add_argument("--stratum-expected", action="append", default=[], metavar="STRATUM=P",
                   help="Neyman allocation: a stratum's expected rate, e.g. 'Examiner A=95' (repeat; the others "
                        "use --expected)")
    p.add_argument("--aql", type=float, help="acceptance: the AQL in percent nonconforming, 0.010 to 10 "
                                             "(default 2.5)")
    p.add_argument("--level", choices=LEVELS,
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
    add_db(p)


def _add_sample_size(commands: Subcommands) -> None:
    p = commands.add_parser("sample-size", help="cases to review for a precision, or an ISO 2859-1 lot plan")
    p.add_argument("--confidence", metavar="C", help=f"confidence level, e.g. 95 or 0.95 ({RULE})")
    p.add_argument("--margin", metavar="E", help=f"margin of error, e.g. 5 or 0.05 ({RULE})")
    p.add_argument("--expected", metavar="P", help="expected rate, e.g. 90 or 0.9 (default 50%%)")
    p.add_argument("--population", type=int, metavar="N", help="the population, for the finite population correction")
    p.add_argument("--lot", type=int, metavar="N", help="instead: ISO 2859-1 plan for a lot of N cases")
    p.add_argument("--aql", type=float, help="with --lot: the AQL, 0.010 to 10 percent nonconforming (default 2.5); "
                                             "15 to 1000 only with --per-hundred")
    p.add_argument("--level", choices=LEVELS, help="with --lot: the inspection level (default II)")
    p.add_argument("--per-hundred", action="store_true",
                   help="with --lot: judge the lot by its findings per 100 cases (nonconformities per 100 units), "
                        "not by nonconforming cases")
    p.add_argument("--json", action="store_true")
    add_db(p)


def _add_reassign(commands: Subcommands) -> None:
    p = commands.add_parser("reassign", help="give a case of a round to another reviewer (kept in the audit log)")
    p.add_argument("--round", required=True, metavar="NAME")
    p.add_argument("--case", required=True, metavar="APPLICATION_NUMBER")
    p.add_argument("--to", required=True, metavar="REVIEWER")
    p.add_argument("--reason", default="", help="why, for the audit log")
    add_db(p)


def _add_round_status(commands: Subcommands) -> None:
    p = commands.add_parser("round-status", help="a round's plan, progress per reviewer and verdict per lot")
    p.add_argument("--round", required=True, metavar="NAME")
    p.add_argument("--json", action="store_true")
    add_db(p)


def _rate(text: str | None, option: str, bounds: Any) -> float | None:
    from foundation.rates import parse_rate
    return None if text is None else parse_rate(text, option, bounds)


def cmd_sample(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.rounds import assignment, population, round_text, sampling_plan, store
    from foundation.rates import CONFIDENCE, MARGIN, RATE
    from workbench.cli.sample_args import check_sample_args
    strata = tuple(f.strip().replace("risk-band", "risk_band") for f in (args.strata or "").split(",") if f.strip())
    method = args.method or ("stratified" if strata else "random")
    check_sample_args(args, method)
    allocation = args.allocation or ("risk" if method == "stratified" and "risk_band" in strata else "proportional")
    plan = sampling_plan.Plan(
        method=method, size=args.size,
        confidence=_rate(args.confidence, "The confidence level (--confidence)", CONFIDENCE),
        margin=_rate(args.margin, "The margin of error (--margin)", MARGIN),
        expected=_rate(args.expected, "The expected rate (--expected)", RATE),
        strata=strata, allocation=allocation, min_per_stratum=args.min_per_stratum,
        stratum_expected=sampling_plan.parse_stratum_rates(args.stratum_expected), aql=args.aql,
        level=args.level or "II", count_defects=args.count_defects,
        floor=None if args.floor is None else sampling_plan.parse_floor(args.floor))
    db = open_workspace(args)
    filters = population.parse_where(db, args.where, population.Filters(exclude_sampled=not args.include_sampled,
                                                                   exclude_reviewed=not args.include_reviewed))
    result = store.create_round(
        db, name=args.round, filters=filters, plan=plan, seed=args.seed, actor=actor(),
        reviewers=assignment.parse_reviewers(args.reviewers) if args.reviewers else (),
        effort=assignment.parse_effort(args.effort) if args.effort else None)
    if args.json:
        json.dump(result.as_json(), out, ensure_ascii=False)
        out.write("\n")
    else:
        print("\n".join(round_text.describe_round(result)), file=out)
    return 0


def cmd_sample_size(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.cli.sample_args import check_sample_size_args
    check_sample_size_args(args)
    data, text = _lot_plan(args) if args.lot is not None else _precision_size(args)
    if args.json:
        json.dump(data, out)
        out.write("\n")
    else:
        print(text, file=out)
    return 0


def _lot_plan(args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    """`sample-size --lot N`: the ISO 2859-1 plan for the lot, as data and as a sentence."""
    from workbench.rounds.acceptance import acceptance_plan
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
    return data, text


def _precision_size(args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    """`sample-size --confidence C --margin E`: the cases to review, as data and as a sentence."""
    from foundation.rates import CONFIDENCE, MARGIN, RATE, percent_text
    from workbench.rounds.sample_size import sample_size
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
    return data, text


def cmd_reassign(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.rounds import store
    db = open_workspace(args)
    case_id = store.case_by_number(db, args.case)
    store.reassign(db, args.round, case_id, args.to, actor=actor(), reason=args.reason)
    print(f"Case {args.case} of round {args.round!r} is now assigned to {args.to.strip()}.", file=out)
    return 0


def cmd_round_status(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.calibration.rounds import is_calibration
    from workbench.rounds import round_status, round_text, store
    db = open_workspace(args, reading=True)
    if is_calibration(db, store.get_round(db, args.round).id):   # every reviewer reviews every case
        from workbench.cli.calibration import cmd_status
        return cmd_status(args, out)
    status = round_status.status_json(db, args.round)
    if args.json:
        json.dump(status, out, ensure_ascii=False)
        out.write("\n")
    else:
        print("\n".join(round_text.describe_status(status)), file=out)
    return 0


COMMANDS = {
    "sample": Command(_add_sample, cmd_sample),
    "sample-size": Command(_add_sample_size, cmd_sample_size),
    "reassign": Command(_add_reassign, cmd_reassign),
    "round-status": Command(_add_round_status, cmd_round_status),
}
