"""Where a workspace's bytes go (issue 20, "workspace size"): its file, the audit log with its
indexes, and the largest tables and indexes, from SQLite's dbstat (pages in use, as VACUUM would
leave them: free pages are counted apart).

    .venv/bin/python bench/size_report.py WORKSPACE [--top N] [--columns] [--json FILE]

Only reads the workspace. Goal: 1.6 GB at one million cases, taken here as 1,600 bytes a case
(the demo's shape: a fifth of the cases reviewed); exit status 1 when the pages in use exceed it.
Not part of `make bench` (it needs a workspace: `main.py demo --cases N --reviewed 0.2 --seed 5`).
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path

GOAL_BYTES_PER_CASE = 1.6e9 / 1_000_000


def measure(path: Path) -> dict[str, object]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        free = conn.execute("PRAGMA freelist_count").fetchone()[0] * page_size
        objects = conn.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
        cases = conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
        entries = conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    finally:
        conn.close()
    used = sum(size for _, size in objects)
    audit = sum(size for name, size in objects if name.startswith("audit_"))
    return {"file": path.stat().st_size, "used": used, "free": free, "cases": cases, "entries": entries,
            "audit": audit, "objects": objects}


#: The audit log's columns held as text or bytes, whose stored sizes --columns adds up.
AUDIT_COLUMNS = ("at", "actor", "entity", "entity_id", "action", "old_value", "new_value", "hash")


def audit_columns(path: Path) -> dict[str, float]:
    """Bytes an audit entry stores in each column (text as UTF-8, bytes as they are), on average:
    what compacting a column would save. A full read of the log (a minute at a million cases)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        sums = ", ".join(f"TOTAL(length(CAST({c} AS BLOB)))" for c in AUDIT_COLUMNS)
        row = conn.execute(f"SELECT COUNT(*), {sums} FROM audit_log").fetchone()
    finally:
        conn.close()
    return {column: total / max(row[0], 1) for column, total in zip(AUDIT_COLUMNS, row[1:])}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workspace", type=Path)
    parser.add_argument("--top", type=int, default=12, help="how many tables and indexes to list")
    parser.add_argument("--columns", action="store_true", help="bytes an audit entry stores in each column")
    parser.add_argument("--json", type=Path, help="write the figures as a flat JSON object")
    args = parser.parse_args(argv)
    m = measure(args.workspace)
    goal = GOAL_BYTES_PER_CASE * m["cases"]
    print(f"{args.workspace}: {m['cases']:,} cases, {m['entries']:,} audit entries")
    print(f"  file {m['file'] / 1e6:,.1f} MB; in use {m['used'] / 1e6:,.1f} MB (goal {goal / 1e6:,.1f} MB), "
          f"free pages {m['free'] / 1e6:,.1f} MB")
    print(f"  audit log and its indexes {m['audit'] / 1e6:,.1f} MB, "
          f"{m['audit'] / max(m['entries'], 1):,.0f} bytes an entry")
    for name, size in m["objects"][:args.top]:
        print(f"    {name:34s} {size / 1e6:10,.1f} MB")
    columns = audit_columns(args.workspace) if args.columns else {}
    if columns:
        print("  an audit entry's columns: " + ", ".join(f"{c} {b:,.1f} B" for c, b in columns.items()))
    if args.json:
        figures = {"workspace_bytes": {"value": m["used"], "unit": "B", "goal": goal},
                   "audit_log_bytes": {"value": m["audit"], "unit": "B", "goal": None},
                   "audit_bytes_per_entry": {"value": round(m["audit"] / max(m["entries"], 1), 1), "unit": "B",
                                             "goal": None}}
        figures.update({f"audit_{c}_bytes_per_entry": {"value": round(b, 1), "unit": "B", "goal": None}
                        for c, b in columns.items()})
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0 if m["used"] <= goal else 1


if __name__ == "__main__":
    sys.exit(main())
