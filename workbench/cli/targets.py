"""`targets`: the workspace's pendency targets per IP type (issue 16). `targets --set invention=600
--set design=4m` sets them (days, or months of 365.25 / 12 days), `--clear TYPE` removes one, and
`targets` alone lists them. Each change is an audit entry; the Trend sheet reports the share of cases
decided within each target."""
from __future__ import annotations

import argparse
import json
from typing import TextIO

from workbench.cli.display import visible
from workbench.cli.options import Command, Subcommands, add_db
from workbench.cli.support import actor, open_workspace
from workbench.report.targets import (
    IP_TYPES,
    MONTH_DAYS,
    parse_assignment,
    parse_ip_type,
    pendency_targets,
    set_pendency_target,
)


def _add(commands: Subcommands) -> None:
    p = commands.add_parser("targets", help="pendency targets per IP type (filing to decision): list, set, clear")
    p.add_argument("--set", action="append", default=[], metavar="TYPE=DAYS", dest="assignments",
                   help="set a target, e.g. invention=600 or design=4m (months); repeat for several; types: "
                        + ", ".join(IP_TYPES))
    p.add_argument("--clear", action="append", default=[], metavar="TYPE", help="remove the target of an IP type")
    p.add_argument("--json", action="store_true", help="print the targets in force as one JSON object")
    add_db(p)


def cmd_targets(args: argparse.Namespace, out: TextIO) -> int:
    # Every assignment is checked before anything is written: one mistake changes nothing.
    assignments = [parse_assignment(text) for text in args.assignments]
    clears = [parse_ip_type(text) for text in args.clear]
    changing = bool(assignments or clears)
    db = open_workspace(args, reading=not changing)
    if changing:
        with db.atomic():
            for ip_type in clears:
                set_pendency_target(db, ip_type, None, actor=actor())
            for ip_type, days in assignments:
                set_pendency_target(db, ip_type, days, actor=actor())
    targets = pendency_targets(db)
    if args.json:
        json.dump({t: {"days": v.days, "set_at": v.set_at, "set_by": v.set_by} for t, v in targets.items()},
                  out, ensure_ascii=False)
        out.write("\n")
        return 0
    if not targets:
        print("No pendency targets are set (targets --set invention=600 sets one).", file=out)
        return 0
    print("Pendency targets (filing to decision):", file=out)
    for ip_type, target in targets.items():
        print(f"  {ip_type.replace('_', ' '):<14} {target.days:>6,} days (about {target.days / MONTH_DAYS:.1f} months)"
              f"  set {target.set_at[:10]} by {visible(target.set_by)}", file=out)
    return 0


COMMANDS = {"targets": Command(_add, cmd_targets)}
