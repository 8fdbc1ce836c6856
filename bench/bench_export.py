"""Export speed: the full workbook with 100,000 findings against bare openpyxl (issue 6).

    .venv/bin/python bench/bench_export.py [--findings N] [--cases N] [--repeat R] [--keep DIR]

A temporary workspace is filled by direct batched SQL inserts (realistic cases from
workbench.demo.data, the built-in checklists, reviews answering every item, exactly N failing
answers). Then, in the same run, each in a fresh interpreter:
- ours: `write_workbook` with every sheet (figures, Summary with charts, breakdowns, Findings,
  Cases, About), timed from opening the workspace to the renamed file, with its peak resident
  memory (resource.getrusage);
- bare: openpyxl in write-only mode writing the same rows (the values of every data sheet,
  fetched and converted beforehand, outside the timing) with no styles, tables or charts.
Targets: ours at most 1.3 times bare, peak memory under 200 MB. Best of R runs each.
Exit status 1 when a target is missed.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RATIO = 1.3
MEGABYTES = 200.0
SEED = 6
REVIEWERS = ("alice", "bob", "carol", "dave", "erin", "frank")
COMMENTS = ("", "", "", "未引用对比文件D2", "=HYPERLINK(\"http://x\")", "reasoning too short", "检索式不完整")


def build_workspace(path: Path, *, cases: int, findings: int, seed: int) -> None:
    """Cases, reviews and answers by direct batched inserts: seconds, not the minutes the audited API takes."""
    from db.connection import open_database
    from workbench.review import checklist_store
    from workbench.demo import data

    rng = random.Random(seed)
    db = open_database(path)
    installed = checklist_store.install_builtins(db)
    by_type = {t: checklist_store.checklist_for(db, t) for t in ("invention", "utility_model", "design", "trademark")}
    lists = {cid: checklist_store.load_stored(db, cid) for cid in set(by_type.values()) if cid is not None}
    assert installed and all(by_type.values()), "built-in checklists missing"
    items = {cid: [i for i in c.items if i.condition is None and i.can_fail] for cid, c in lists.items()}
    conn = db.conn
    with conn:
        conn.executemany(
            "INSERT INTO cases (application_number, ip_type, title, applicant, examiner, department, classification,"
            " procedure, decision, filing_date, decision_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ((c.application_number, c.ip_type, c.title, c.applicant, c.examiner, c.department, c.classification,
              c.procedure, c.decision, c.filing_date.isoformat(), c.decision_date.isoformat())
             for c in data.generate_cases(cases, seed=seed)))
    case_rows = conn.execute("SELECT id, ip_type FROM cases ORDER BY id").fetchall()
    reviewed = [(cid, by_type[t]) for cid, t in case_rows if rng.random() < 0.8]
    slots = sum(len(items[ck]) for _, ck in reviewed)
    if findings > slots:
        raise SystemExit(f"{findings} findings need more cases: only {slots} answers to give")
    failing = set(rng.sample(range(slots), findings))
    start = datetime(2023, 1, 1, tzinfo=timezone.utc)
    slot = 0
    review_rows, answer_rows = [], []
    with conn:
        for review_id, (case_id, checklist_id) in enumerate(reviewed, start=1):
            at = (start + timedelta(minutes=7 * review_id)).isoformat(timespec="microseconds")
            severities = []
            for item in items[checklist_id]:
                if slot in failing:
                    severity = rng.choice(item.severities)
                    severities.append(severity)
                    answer_rows.append((review_id, item.id, "fail", "fail", severity, rng.choice(item.categories),
                                        rng.choice(COMMENTS), at))
                elif item.option_for_outcome("na") is not None and rng.random() < 0.1:
                    answer_rows.append((review_id, item.id, "na", "na", None, None, "", at))
                else:
                    answer_rows.append((review_id, item.id, item.option_for_outcome("pass").code, "pass", None,
                                        None, "", at))
                slot += 1
            verdict = ("error" if {"critical", "major"} & set(severities) else
                       "defect" if "minor" in severities else "compliant")
            status = "signed_off" if rng.random() < 0.3 else "completed"
            review_rows.append((review_id, case_id, checklist_id, rng.choice(REVIEWERS), status, verdict,
                                round(rng.uniform(60, 100), 1), rng.uniform(300, 5400), at, at, at))
            if len(answer_rows) > 50_000:
                _flush(conn, review_rows, answer_rows)
        _flush(conn, review_rows, answer_rows)
    db.close()


def _flush(conn, review_rows: list, answer_rows: list) -> None:
    conn.executemany("INSERT INTO reviews (id, case_id, checklist_id, reviewer, status, verdict, score, active_seconds,"
                     " created_at, updated_at, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", review_rows)
    conn.executemany("INSERT INTO answers (review_id, item_id, answer, outcome, severity, category, comment,"
                     " answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", answer_rows)
    review_rows.clear()
    answer_rows.clear()


# -- the two measured programs, each run in a fresh interpreter ------------------------------------------

def run_ours(db_path: str, out: str) -> dict:
    start = time.perf_counter()
    from db.connection import open_database
    from workbench.report.workbook import write_workbook
    db = open_database(db_path)
    result = write_workbook(db, out)
    return {"seconds": time.perf_counter() - start, "cases": result.cases, "findings": result.findings,
            "charts": result.charts}


def same_rows(db_path: str) -> list[tuple[str, list[str], list[list]]]:
    """The values of every data sheet the export writes, as plain Python values (not timed)."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell

    from db.connection import open_database
    from workbench.report import sheets as sheets
    from workbench.report.excel_cells import converter
    from workbench.report.figures import ChecklistCache, compute_report
    from workbench.report.listings import case_rows, finding_rows

    db = open_database(db_path)
    report = compute_report(db)
    scratch = Workbook(write_only=True).create_sheet("scratch")

    def plain(columns, rows):
        convert = [converter(scratch, c, "en") for c in columns]
        values = []
        for row in rows:
            cells = [c(v) for c, v in zip(convert, row)]
            values.append([v.value if isinstance(v, Cell) else v for v in cells])
        return [c.title("en") for c in columns], values

    result = []
    for kind, groups, keys in (("department", report.by_department, 1), ("examiner", report.by_examiner, 2),
                               ("ip_type", report.by_ip_type, 1)):
        key_columns = ((sheets.Column("ip_type", sheets.H["ip_type"], "label", sheets.IP_TYPE_LABELS),)
                       if kind == "ip_type" else
                       tuple(sheets.Column(k, sheets.H[k]) for k in ("department", "examiner")[:keys]))
        result.append((kind, *plain((*key_columns, *sheets.GROUP_FIGURE_COLUMNS),
                                    ([*g.key, *sheets._group_values(g)] for g in groups))))
    result.append(("items", *plain(sheets.ITEM_COLUMNS, (
        [i.checklist.en, i.item_id, i.text.en, i.reference, i.applicable, i.failed, i.failure.rate, i.failure.low,
         i.failure.high, i.share, i.cumulative] for i in report.items))))
    result.append(("findings", *plain(sheets.FINDING_COLUMNS, finding_rows(db, report.scope, "en",
                                                                            ChecklistCache(db)))))
    result.append(("cases", *plain(sheets.case_columns(report), sheets.case_values(report,
                                                                                   case_rows(db, report.scope)))))
    return result


def run_bare(db_path: str, out: str) -> dict:
    sheets = same_rows(db_path)
    from openpyxl import Workbook
    start = time.perf_counter()
    workbook = Workbook(write_only=True)
    for name, header, rows in sheets:
        sheet = workbook.create_sheet(name)
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    workbook.save(out)
    return {"seconds": time.perf_counter() - start, "rows": sum(len(rows) for _, _, rows in sheets)}


def child(which: str, db_path: str, out: str) -> None:
    import resource
    measured = run_ours(db_path, out) if which == "ours" else run_bare(db_path, out)
    measured["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024   # kilobytes on Linux
    print(json.dumps(measured))


def _measure(which: str, db_path: Path, out: Path) -> dict:
    completed = subprocess.run([sys.executable, __file__, "--child", which, str(db_path), str(out)],
                               capture_output=True, text=True)
    if completed.returncode != 0:
        raise SystemExit(f"{which} failed:\n{completed.stderr}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--findings", type=int, default=100_000)
    parser.add_argument("--cases", type=int, default=None, help="default: half the findings")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="keep the workspace and the workbooks in this folder")
    parser.add_argument("--child", nargs=3, metavar=("WHICH", "DB", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0

    cases = args.cases or args.findings // 2
    with tempfile.TemporaryDirectory(prefix="bench-export-") as temp:
        folder = args.keep or Path(temp)
        folder.mkdir(parents=True, exist_ok=True)
        db_path = folder / f"export-{args.findings}.sqlite3"
        if not db_path.exists():
            started = time.perf_counter()
            build_workspace(db_path, cases=cases, findings=args.findings, seed=SEED)
            print(f"workspace: {cases:,} cases, {args.findings:,} findings, built in "
                  f"{time.perf_counter() - started:.1f} s")
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
        ours, bare = [], []
        for _ in range(args.repeat):
            bare.append(_measure("bare", db_path, folder / "bare.xlsx"))
            ours.append(_measure("ours", db_path, folder / "ours.xlsx"))
        best_ours = min(ours, key=lambda r: r["seconds"])
        best_bare = min(bare, key=lambda r: r["seconds"])
        peak = max(r["peak_mb"] for r in ours)
        ratio = best_ours["seconds"] / best_bare["seconds"]
        print(f"ours: full workbook ({best_ours['findings']:,} findings, {best_ours['cases']:,} cases, "
              f"{best_ours['charts']} charts) {best_ours['seconds']:.2f} s, peak memory {peak:.0f} MB "
              f"(all {', '.join(format(r['seconds'], '.2f') for r in ours)})")
        print(f"bare: openpyxl write-only, the same {best_bare['rows']:,} rows {best_bare['seconds']:.2f} s "
              f"(all {', '.join(format(r['seconds'], '.2f') for r in bare)})")
        ok = ratio <= RATIO and peak < MEGABYTES and best_ours["findings"] == args.findings
        print(f"ratio {ratio:.2f} (target <= {RATIO}), peak {peak:.0f} MB (target < {MEGABYTES:.0f}) -> "
              f"{'OK' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
