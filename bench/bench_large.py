"""A national office's year on one laptop: every figure of issue 20 in one run (`make bench-large`).

    .venv/bin/python bench/bench_large.py [--cases N] [--rebuild] [--only NAMES] [--json FILE]

The workspace is built once by the demo command a user would type
(`main.py demo --cases N --reviewed 0.2 --seed 5`), timed with its peak memory, and cached with
those figures under the user's cache folder; later runs reuse it (--rebuild builds it again).
Then, each in a process of its own, on a copy of it:

- the workspace's size, and no date in it after today;
- the window opened to its first paint, the queue sorted, filtered and searched (bench_queue);
- the Dashboard refreshed over all cases (bench_dashboard);
- the workbook exported (bench_export), and the risk refresh (`main.py risk --refresh`, twice);
- an N-row CSV imported (bench_import: ours beside `sqlite-utils insert --csv` and `executemany`
  of the same rows, the SQLite limit, in the same run).

Each figure is printed beside its goal (the issue's goals are for 1,000,000 cases: a smaller N, run
for the growth table of docs/performance.md, prints them without judging) and beside its peer
where one was measured. Exit status 1 when a goal is missed.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
MILLION = 1_000_000
#: Goals at one million cases: (value, unit).
GOALS: dict[str, tuple[float, str]] = {
    "demo": (120.0, "s"), "demo_peak": (1000.0, "MB"), "future_dates": (0, ""), "workspace_size": (1600.0, "MB"),
    "window_open": (1.0, "s"), "window_counts": (None, "s"), "sort_slowest": (300.0, "ms"),
    "filter_p99": (100.0, "ms"), "search_p99": (100.0, "ms"), "dashboard_refresh": (1.5, "s"),
    "dashboard_trend_page": (1.5, "s"), "dashboard_stall": (100.0, "ms"), "export": (60.0, "s"),
    "export_peak": (300.0, "MB"),
    "export_cpu": (None, "s"), "risk_refresh_first": (None, "s"), "risk_refresh": (20.0, "s"),
    "import_csv": (20.0, "s"), "import_csv_peak": (300.0, "MB"),
    "import_csv_sqlite_utils": (None, "s"), "import_csv_executemany": (None, "s"), "import_csv_rescore": (None, "s"),
}
LABELS = {
    "demo": "demo --cases N (build the workspace)", "demo_peak": "  its peak memory",
    "future_dates": "dates after today in the workspace", "workspace_size": "workspace size",
    "window_open": "window open to first paint", "window_counts": "  whole queue and counts (worker)",
    "sort_slowest": "sort the queue, slowest column", "filter_p99": "filter the queue, p99",
    "search_p99": "search the queue, p99", "dashboard_refresh": "Dashboard refresh, all cases",
    "dashboard_trend_page": "  its Trend page shown, trend drawn",
    "dashboard_stall": "  longest hold of the window's thread", "export": "export the workbook",
    "export_peak": "  its peak memory (with its workers')", "export_cpu": "  CPU of its processes",
    "risk_refresh_first": "risk refresh, first on the workspace", "risk_refresh": "risk refresh, all cases, later",
    "import_csv": "import an N-row CSV", "import_csv_peak": "  its peak memory",
    "import_csv_sqlite_utils": "  peer: sqlite-utils insert --csv", "import_csv_executemany": "  limit: executemany",
    "import_csv_rescore": "  then the risk rescoring it triggers",
}
#: bench_export's figures under the names above.
EXPORT_NAMES = {"export_seconds": "export", "export_peak_mb": "export_peak", "export_cpu_seconds": "export_cpu"}
#: bench_import's figures under the names above.
IMPORT_NAMES = {"csv_import_seconds": "import_csv", "csv_import_peak_mb": "import_csv_peak",
                "csv_sqlite_utils_seconds": "import_csv_sqlite_utils",
                "csv_executemany_seconds": "import_csv_executemany", "csv_rescore_seconds": "import_csv_rescore"}


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    returncode: int
    output: str


def run(command: list[str], **kwargs: Any) -> Run:
    """The command in a process of its own: wall time, and the peak memory of that process alone."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, **kwargs)
    output = process.stdout.read() if process.stdout else ""
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return Run(time.perf_counter() - started, usage.ru_maxrss / 1024, process.returncode, output)


def cache_folder() -> Path:
    base = os.environ.get("WORKBENCH_BENCH_CACHE") or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    folder = Path(base) / "quality-review-workbench-bench"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def build(cases: int, rebuild: bool) -> tuple[Path, dict[str, Any]]:
    """The cached demo workspace of `cases` cases and the figures of its build."""
    path = cache_folder() / f"large-{cases}-s5.sqlite3"
    record = path.with_suffix(".json")
    if rebuild or not path.exists() or not record.exists():
        for stale in path.parent.glob(path.name + "*"):
            stale.unlink()
        print(f"building {path} (demo --cases {cases:,}) ...", flush=True)
        partial = path.with_name(path.name + ".partial")
        result = run([PYTHON, "main.py", "--db", str(partial), "demo", "--cases", str(cases), "--reviewed", "0.2",
                      "--seed", "5"])
        if result.returncode != 0:
            raise SystemExit(f"the demo failed:\n{result.output[-3000:]}")
        _checkpoint(partial)
        partial.rename(path)
        record.write_text(json.dumps({"demo": result.seconds, "demo_peak": result.peak_mb,
                                      "built": date.today().isoformat()}), encoding="utf-8")
    built = json.loads(record.read_text(encoding="utf-8"))
    return path, {"demo": built["demo"], "demo_peak": built["demo_peak"]}


def _checkpoint(path: Path) -> None:
    import sqlite3
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def workspace_figures(path: Path) -> dict[str, float]:
    import sqlite3
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    today = date.today().isoformat()
    future = sum(conn.execute(sql, [today]).fetchone()[0] for sql in (
        "SELECT COUNT(*) FROM cases WHERE decision_date > ?1 OR filing_date > ?1",
        "SELECT COUNT(*) FROM reviews WHERE substr(created_at, 1, 10) > ?1 OR substr(updated_at, 1, 10) > ?1"
        " OR substr(completed_at, 1, 10) > ?1 OR substr(signed_off_at, 1, 10) > ?1",
        "SELECT COUNT(*) FROM rounds WHERE substr(created_at, 1, 10) > ?1",
        "SELECT COUNT(*) FROM audit_log WHERE substr(at, 1, 10) > ?1"))
    conn.close()
    return {"workspace_size": path.stat().st_size / 1e6, "future_dates": future}


def sub_bench(script: str, *args: str) -> dict[str, float]:
    """A bench of its own (--json): its figures, or nothing when it could not run."""
    out = Path(tempfile.mkdtemp(prefix="bench-large-")) / "figures.json"
    result = run([PYTHON, f"bench/{script}", *args, "--json", str(out)])
    print(_indent(result.output), flush=True)
    figures = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    shutil.rmtree(out.parent, ignore_errors=True)
    return {name: entry["value"] for name, entry in figures.items()} | {
        f"{name}@peer": entry["peer"] for name, entry in figures.items() if entry.get("peer") is not None}


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.strip().splitlines() if "propagateSizeHints" not in line)


def command_figures(workspace: Path) -> dict[str, float]:
    """The export (bench_export: the export's process and its listings' worker processes, CPU and
    peak memory added) and the risk refresh as a user runs it, twice: the first on this copy (it
    sketches whatever texts have no kept sketch) and a later one, which the goal is for."""
    figures: dict[str, float] = {}
    folder = Path(tempfile.mkdtemp(prefix="bench-large-"))
    try:
        copy = folder / "w.sqlite3"
        shutil.copyfile(workspace, copy)
        found = sub_bench("bench_export.py", "--db", str(copy), "--no-bare")
        figures |= {name: found[key] for key, name in EXPORT_NAMES.items() if key in found}
        for name in ("risk_refresh_first", "risk_refresh"):
            risk = run([PYTHON, "main.py", "--db", str(copy), "risk", "--refresh"])
            if risk.returncode == 0:
                figures[name] = risk.seconds
            else:
                print(_indent(risk.output[-2000:]))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return figures


def report(figures: dict[str, float], cases: int) -> bool:
    judged = cases >= MILLION
    print(f"\n{'figure at ' + format(cases, ',') + ' cases':<44} {'measured':>12} {'goal at 1M':>12} {'peer':>12}")
    ok = True
    for name, label in LABELS.items():
        if name not in figures:
            print(f"{label:<44} {'(not measured)':>15}")
            continue
        goal, unit = GOALS[name]
        value, peer = figures[name], figures.get(f"{name}@peer")
        met = goal is None or value <= goal
        if judged or name == "future_dates":
            ok &= met
        verdict = ("OK" if met else "MISSED") if (judged or name == "future_dates") and goal is not None else ""
        print(f"{label:<44} {value:>10.2f} {unit:<2}" + (f"{'<= ' + format(goal, 'g'):>11} " if goal is not None
                                                         else " " * 12)
              + (f"{peer:>10.2f} {unit}" if peer is not None else " " * 13) + f"  {verdict}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=MILLION)
    parser.add_argument("--rebuild", action="store_true", help="build the cached workspace again")
    parser.add_argument("--only", help="comma-separated: workspace,queue,dashboard,commands,import")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    parts = set((args.only or "workspace,queue,dashboard,commands,import").split(","))
    workspace, figures = build(args.cases, args.rebuild)
    if "workspace" in parts:
        figures |= workspace_figures(workspace)
    if "queue" in parts:
        figures |= sub_bench("bench_queue.py", "--workspace", str(workspace))
    if "dashboard" in parts:
        figures |= sub_bench("bench_dashboard.py", "--workspace", str(workspace), "--repeat", "2")
    if "commands" in parts:
        figures |= command_figures(workspace)
    if "import" in parts:
        found = sub_bench("bench_import.py", "--rows", str(args.cases), "--repeat", "1", "--no-xlsx")
        figures |= {IMPORT_NAMES[name]: value for name, value in found.items() if name in IMPORT_NAMES}
    ok = report(figures, args.cases)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
