"""`disputes`: examiners' responses to their findings. `disputes import FILE...` reads returned
response workbooks (all checked before anything is written: one bad file refuses them all, exit
2); `disputes list` lists every finding sent with its response, state and whether it is
overdue; `disputes decide` upholds, overturns or re-grades a disputed finding."""
from __future__ import annotations

from foundation.words import count, noun, number
import argparse
import json
from datetime import date
from typing import Any, TextIO

from workbench.cli.display import visible
from workbench.cli.options import Command, Parser, Subcommands, add_db
from workbench.cli.support import actor, open_workspace
from workbench.review.checklists import SEVERITIES

STATE_WORDS = {"no_response": "no response", "agreed": "agreed", "open": "disputed", "decided": "decided"}
DECISION_WORDS = {"uphold": "upheld", "overturn": "overturned", "severity": "severity changed"}


def today() -> date:
    """Today's date, for what is overdue (tests replace this function)."""
    return date.today()


def now() -> str:
    """This moment as stored (UTC, ISO 8601), for the responses imported (tests replace it)."""
    from workbench.audit.chain import now_iso
    return now_iso()


def _add(commands: Subcommands) -> None:
    p = commands.add_parser("disputes", help="examiners' responses to their findings: import returned response "
                                             "workbooks, list the disputes, decide one")
    add_db(p)
    actions = p.add_subparsers(dest="action", parser_class=Parser, required=True, metavar="import|list|decide")
    imp = actions.add_parser("import", help="read returned response workbooks (every file is checked first; "
                                            "one refused file writes nothing)")
    imp.add_argument("files", nargs="+", metavar="FILE", help="response workbooks (.xlsx) as returned")
    imp.add_argument("--json", action="store_true", help="print one JSON object")
    add_db(imp)
    lst = actions.add_parser("list", help="every finding sent: its response, state and deadline")
    lst.add_argument("--open", action="store_true", help="only disputes waiting for a decision")
    lst.add_argument("--json", action="store_true", help="print one JSON object")
    add_db(lst)
    dec = actions.add_parser("decide", help="uphold, overturn or re-grade a finding (a reason is required)")
    dec.add_argument("--finding", type=int, required=True, metavar="ID", help="the finding's ID (letter, workbook)")
    how = dec.add_mutually_exclusive_group(required=True)
    how.add_argument("--uphold", action="store_true", help="the finding stands")
    how.add_argument("--overturn", action="store_true", help="the finding is withdrawn: the answer becomes a pass")
    how.add_argument("--severity", choices=SEVERITIES, metavar="S",
                     help="the finding stands with this severity (" + ", ".join(SEVERITIES) + ")")
    dec.add_argument("--reason", required=True, metavar="TEXT", help="why (kept in the audit log)")
    add_db(dec)


def cmd_disputes(args: argparse.Namespace, out: TextIO) -> int:
    return {"import": _import, "list": _list, "decide": _decide}[args.action](args, out)


def _import(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.feedback.responses import import_responses
    summary = import_responses(open_workspace(args), args.files, actor=actor(), now=now())
    if args.json:
        _json(out, summary.as_json())
        return 0
    for f in summary.files:
        name = visible(f.path)
        if f.already_imported:
            print(f"{name}: already imported (the same file); nothing changed.", file=out)
            continue
        line = (f"{name} ({visible(f.examiner)}): {count(len(f.recorded), 'response')} recorded, "
                f"{number(len(f.unchanged))} unchanged, {number(len(f.blank))} left blank (no response)")
        if f.late:
            line += (f"; {number(len(f.late))} kept but not applied: {noun(len(f.late), 'finding')} {', '.join(map(str, f.late))} "
                     "had been decided already")
        print(line + ".", file=out)
    return 0


def _state(row: Any, on: date) -> str:
    words = STATE_WORDS[row.state]
    if row.state == "decided":
        words += f" ({DECISION_WORDS.get(row.decision, row.decision)})"
    if row.overdue(on):
        words += f", overdue since {row.deadline}"
    return words


def _list(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.feedback.decisions import dispute_rows
    on = today()
    rows = dispute_rows(open_workspace(args, reading=True))
    if args.open:
        rows = [r for r in rows if r.state == "open"]
    counts = {state: sum(r.state == state for r in rows) for state in STATE_WORDS}
    overdue = sum(r.overdue(on) for r in rows)
    if args.json:
        _json(out, {"today": on.isoformat(), "counts": {**counts, "overdue": overdue},
                    "disputes": [r.as_json(on) for r in rows]})
        return 0
    if args.open:
        print(f"{count(len(rows), 'dispute')} waiting for a decision.", file=out)
    else:
        print(f"{count(len(rows), 'finding')} sent: {number(counts['open'])} disputed, {number(counts['agreed'])} agreed, "
              f"{number(counts['decided'])} decided, {number(counts['no_response'])} without a response "
              f"({number(overdue)} overdue).",
              file=out)
    for r in rows:
        print(f"  {r.finding_id}  {visible(r.examiner)}  {visible(r.application_number)}  {visible(r.item_id)}  "
              f"{r.severity or '-'}  {_state(r, on)}", file=out)
        if r.response == "disagree":
            print(f"      reason: {visible(r.reason)}", file=out)
        if r.decision:
            print(f"      decision: {visible(r.decision_reason)}", file=out)
    return 0


def _decide(args: argparse.Namespace, out: TextIO) -> int:
    from workbench.feedback.decisions import decide
    decision = "uphold" if args.uphold else "overturn" if args.overturn else "severity"
    done = decide(open_workspace(args), args.finding, decision=decision, reason=args.reason, actor=actor(),
                  severity=args.severity)
    what = DECISION_WORDS[done.decision] + (f" to {done.new_severity}" if done.decision == "severity" else "")
    print(f"Finding {done.finding_id}: {what}. The case's verdict was {done.verdict_before or '-'}, "
          f"is now {done.verdict_after or '-'}.", file=out)
    return 0


def _json(out: TextIO, data: dict[str, Any]) -> None:
    json.dump(data, out, ensure_ascii=False)
    out.write("\n")


COMMANDS = {"disputes": Command(_add, cmd_disputes)}
