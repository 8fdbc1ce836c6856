"""`risk`: refresh the risk indicators, list the riskiest cases, explain one case's score."""
from __future__ import annotations

import argparse
import json
from typing import TextIO

from workbench.cli.display import visible
from workbench.cli.options import Command, Subcommands, add_db
from workbench.cli.support import open_workspace


def _add_risk(commands: Subcommands) -> None:
    p = commands.add_parser("risk", help="risk indicators: --explain NUMBER, --refresh, --list, --yield")
    action = p.add_mutually_exclusive_group(required=True)
    action.add_argument("--explain", metavar="NUMBER", help="why the case with this application number scored what it did")
    action.add_argument("--refresh", action="store_true", help="recompute every case's risk")
    action.add_argument("--list", action="store_true", help="the cases with the highest scores")
    action.add_argument("--yield", dest="screening_yield", action="store_true",
                        help="of the cases screened for abnormal filing, the share each band and indicator found")
    p.add_argument("--round", help="with --yield: only the screening reviews of this round")
    p.add_argument("--band", choices=("low", "medium", "high"), help="with --list: only this band")
    p.add_argument("--limit", type=int, default=50, help="with --list: at most this many cases (default 50)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--language", choices=("en", "zh"), default="en", help="the language of the sentences")
    add_db(p)


def cmd_risk(args: argparse.Namespace, out: TextIO) -> int:
    from workbench import risk
    db = open_workspace(args, reading=not args.refresh)
    if args.refresh:
        run = risk.refresh(db)
        skipped = [risk.explain_skipped(s, args.language) for s in run.skipped]
        if run.bounded:     # said, never silently dropped (docs/risk.md: the cap)
            skipped.append(risk.explain_bounded(run.bounded, args.language))
        if args.json:
            json.dump({"cases": run.cases, "computed_at": run.computed_at, "skipped": skipped, "bounded": run.bounded},
                      out, ensure_ascii=False)
            out.write("\n")
        else:
            print(f"Risk computed for {run.cases} cases.", file=out)
            for line in skipped:
                print(f"  {line}", file=out)
        return 0
    if args.list:
        return _list(db, args, out)
    if args.screening_yield:
        return _yield(db, args, out)
    explanation = risk.explain(db, args.explain, args.language)
    if args.json:
        json.dump(explanation.as_json(), out, ensure_ascii=False)
        out.write("\n")
        return 0
    label = risk.band_label(explanation.band, args.language)
    head = "风险分值" if args.language == "zh" else "risk score"
    band = "风险等级" if args.language == "zh" else "band"
    print(f"{explanation.application_number}: {head} {explanation.score:.2f}, {band} {label}", file=out)
    for _, sentence in explanation.sentences:
        print(f"  - {visible(sentence)}", file=out)
    if not explanation.sentences:
        print("  " + ("没有风险指标触发。" if args.language == "zh" else "No indicator fired."), file=out)
    for line in explanation.skipped:
        print(f"  ({line})", file=out)
    return 0


def _list(db, args: argparse.Namespace, out: TextIO) -> int:
    from workbench import risk
    where, params = ("r.band = ?", [args.band]) if args.band else ("r.score > 0", [])
    rows = db.execute(f"SELECT c.application_number, r.score, r.band, r.indicators FROM case_risk r"
                      f" JOIN cases c ON c.id = r.case_id WHERE {where}"
                      f" ORDER BY r.score DESC, c.application_number LIMIT ?", params + [max(args.limit, 0)]).fetchall()
    items = [{"application_number": n, "score": s, "band": b, "indicators": [i["code"] for i in json.loads(found)]}
             for n, s, b, found in rows]
    if args.json:
        json.dump(items, out, ensure_ascii=False)
        out.write("\n")
        return 0
    for item in items:
        print(f"{item['application_number']}\t{item['score']:.2f}\t{risk.band_label(item['band'], args.language)}"
              f"\t{', '.join(item['indicators'])}", file=out)
    if not items:
        print("No case has a risk score here (run `risk --refresh` after importing).", file=out)
    return 0


def _yield(db, args: argparse.Namespace, out: TextIO) -> int:
    from workbench import risk
    from workbench.report.figures import ReportFilter, resolve_scope
    from workbench.report.screening_sheet import scope_yield
    figures = scope_yield(db, resolve_scope(db, ReportFilter(round_name=args.round)))
    zh = args.language == "zh"
    rows = []
    for row in figures.rows:
        labels = risk.BAND_LABELS if row.kind == "band" else risk.INDICATOR_LABELS
        what = ("全部已筛查案件" if zh else "all screened cases") if row.kind == "all" else labels[row.key].get(args.language)
        if row.kind == "band":
            what = ("风险等级：" if zh else "band ") + what
        rows.append({"kind": row.kind, "key": row.key, "label": what, "screened": row.screened,
                     "confirmed": row.confirmed, "yield": row.share.rate, "low": row.share.low, "high": row.share.high})
    if args.json:
        json.dump(rows, out, ensure_ascii=False)
        out.write("\n")
        return 0
    if not figures.overall.screened:
        print("没有以非正常申请筛查清单完成评查的案件。" if zh else
              "No case has a completed review with the abnormal-application screening checklist.", file=out)
        return 0
    for r in rows:
        share = "–" if r["yield"] is None else f"{100 * r['yield']:.1f}% ({100 * r['low']:.1f}%–{100 * r['high']:.1f}%)"
        print(f"{r['label']}\t{r['confirmed']}/{r['screened']}\t{share}", file=out)
    return 0


COMMANDS = {"risk": Command(_add_risk, cmd_risk)}
